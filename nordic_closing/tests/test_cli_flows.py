"""The CLI on movements of Odoo's real flows: landed costs and price differences
(adjustments of one receipt), returns to the vendor, customer returns and production.

Every figure is computed by hand in the comments (DOMAIN.md, docs/valuation_rules.md
section 2), never taken from the program's output.
"""

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEADER = "date,product,inventory_class,quantity,unit_cost,kind,reference,value"


def close(tmp_path, rows, expect_exit=0, method="fifo"):
    """Close NO 2025-12-31 on the movement ``rows``; the JSON, or stderr on error."""
    moves = tmp_path / "moves.csv"
    moves.write_text(
        "\n".join([HEADER, *(",".join(map(str, row)) for row in rows)]) + "\n",
        encoding="utf-8",
    )
    res = subprocess.run(
        [sys.executable, "-m", "nordic_closing", "close", "--country", "NO"]
        + ["--date", "2025-12-31", "--moves", str(moves), "--method", method]
        + ["--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == expect_exit, res.stderr
    if expect_exit:
        assert "Traceback" not in res.stderr
        return res.stderr
    return json.loads(res.stdout, parse_float=Decimal)


def figures(data, product, inventory_class="goods_for_resale"):
    (item,) = (i for i in data["items"] if i["product"] == product)
    (cls,) = (c for c in data["classes"] if c["inventory_class"] == inventory_class)
    return item, cls


def test_landed_cost_after_a_partial_delivery_is_not_prorated_twice(tmp_path):
    # receive 100 @ 10, deliver 40; the landed cost of 200 on the receipt: Odoo books
    # 200 x 60/100 = 120 on the 60 units still in stock (2 per unit).
    data = close(
        tmp_path,
        [
            ("2025-02-01", "P", "goods_for_resale", 100, 10, "", "R1", ""),
            ("2025-03-01", "P", "goods_for_resale", -40, "", "", "", ""),
            ("2025-04-01", "P", "goods_for_resale", 0, "", "adjustment", "R1", 120),
        ],
    )
    item, cls = figures(data, "P")
    assert Decimal(item["quantity"]) == 60
    # 60 x (10 + 120 / 60) = 60 x 12 = 720
    assert Decimal(item["acquisition_value"]) == Decimal("720.00")
    # purchases: 1,000 + the whole landed cost 120 x 100 / 60 = 200 -> 1,200
    assert Decimal(cls["purchases"]) == Decimal("1200.00")
    # cost of goods sold 0 + 1,200 - 720 = 480 = 40 units x 12
    assert Decimal(cls["cost_of_goods_sold"]) == Decimal("480.00")


def test_price_difference_after_a_partial_delivery(tmp_path):
    # 100 @ 10 received, 40 sold, bill at 11: Odoo's price difference layer is
    # 60 x 1 = 60 on the units in stock; 60 x 11 = 660
    data = close(
        tmp_path,
        [
            ("2025-02-01", "P", "goods_for_resale", 100, 10, "", "R1", ""),
            ("2025-03-01", "P", "goods_for_resale", -40, "", "", "", ""),
            ("2025-03-15", "P", "goods_for_resale", 0, "", "adjustment", "R1", 60),
        ],
    )
    item, cls = figures(data, "P")
    assert Decimal(item["acquisition_value"]) == Decimal("660.00")
    assert Decimal(cls["purchases"]) == Decimal("1100.00")  # 100 x 11


def test_landed_cost_before_any_delivery(tmp_path):
    # receive 100 @ 10, landed cost 200 (all units in stock), deliver 40
    data = close(
        tmp_path,
        [
            ("2025-02-01", "P", "goods_for_resale", 100, 10, "", "R1", ""),
            ("2025-02-10", "P", "goods_for_resale", 0, "", "adjustment", "R1", 200),
            ("2025-03-01", "P", "goods_for_resale", -40, "", "", "", ""),
        ],
    )
    item, cls = figures(data, "P")
    assert Decimal(item["acquisition_value"]) == Decimal("720.00")  # 60 x 12
    assert Decimal(cls["purchases"]) == Decimal("1200.00")  # 1,000 + 200
    assert Decimal(cls["cost_of_goods_sold"]) == Decimal("480.00")  # 1,200 - 720


def test_return_to_the_vendor_takes_the_units_of_its_receipt(tmp_path):
    # A 100 @ 10, B 100 @ 20, 30 of B back to the vendor: 100 x 10 + 70 x 20 = 2,400
    data = close(
        tmp_path,
        [
            ("2025-02-01", "P", "goods_for_resale", 100, 10, "", "A", ""),
            ("2025-03-01", "P", "goods_for_resale", 100, 20, "", "B", ""),
            ("2025-03-05", "P", "goods_for_resale", -30, "", "vendor_return", "B", ""),
        ],
    )
    item, cls = figures(data, "P")
    assert Decimal(item["quantity"]) == 170
    assert Decimal(item["acquisition_value"]) == Decimal("2400.00")
    # purchases net of the return: 1,000 + 2,000 - 30 x 20 = 2,400; nothing sold
    assert Decimal(cls["purchases"]) == Decimal("2400.00")
    assert Decimal(cls["cost_of_goods_sold"]) == 0


def test_return_after_a_landed_cost_takes_its_share(tmp_path):
    # B 100 @ 20 with a landed cost of 100 (1 per unit), 30 of B returned at 21
    data = close(
        tmp_path,
        [
            ("2025-03-01", "P", "goods_for_resale", 100, 20, "", "B", ""),
            ("2025-03-02", "P", "goods_for_resale", 0, "", "adjustment", "B", 100),
            ("2025-03-05", "P", "goods_for_resale", -30, "", "vendor_return", "B", ""),
        ],
    )
    item, cls = figures(data, "P")
    assert Decimal(item["acquisition_value"]) == Decimal("1470.00")  # 70 x 21
    # 2,000 + 100 - 30 x 21 = 1,470
    assert Decimal(cls["purchases"]) == Decimal("1470.00")


def test_customer_return_is_not_a_purchase(tmp_path):
    # buy 150 @ 20 = 3,000; deliver 25 (500); the customer returns 10 (200 at cost)
    data = close(
        tmp_path,
        [
            ("2025-02-01", "P", "goods_for_resale", 150, 20, "", "", ""),
            ("2025-03-01", "P", "goods_for_resale", -25, "", "", "", ""),
            ("2025-04-01", "P", "goods_for_resale", 10, 20, "other", "", ""),
        ],
    )
    item, cls = figures(data, "P")
    assert Decimal(item["acquisition_value"]) == Decimal("2700.00")  # 135 x 20
    assert Decimal(cls["purchases"]) == Decimal("3000.00")
    # 0 + 3,000 - 2,700 = 300: the 15 units kept by the customers
    assert Decimal(cls["cost_of_goods_sold"]) == Decimal("300.00")


def test_production_counts_as_acquisition_of_the_year(tmp_path):
    data = close(
        tmp_path,
        [("2025-05-01", "F", "finished_goods", 10, 50, "production", "", "")],
    )
    _item, cls = figures(data, "F", "finished_goods")
    assert Decimal(cls["purchases"]) == Decimal("500.00")  # 10 x 50


def test_average_cost_adjustment_and_return(tmp_path):
    # AVCO: 100 @ 10, landed cost 100 -> 1,100 / 100 = 11; 30 back to the vendor at
    # the average 11 -> 70 x 11 = 770
    data = close(
        tmp_path,
        [
            ("2025-02-01", "P", "goods_for_resale", 100, 10, "", "R", ""),
            ("2025-02-02", "P", "goods_for_resale", 0, "", "adjustment", "R", 100),
            ("2025-02-03", "P", "goods_for_resale", -30, "", "vendor_return", "R", ""),
        ],
        method="average",
    )
    item, cls = figures(data, "P")
    assert Decimal(item["acquisition_value"]) == Decimal("770.00")
    assert Decimal(cls["purchases"]) == Decimal("770.00")  # 1,000 + 100 - 330


def test_bad_kinds_and_references_name_the_row_and_field(tmp_path):
    receipt = ("2025-02-01", "P", "goods_for_resale", 100, 10, "", "R1", "")
    cases = [
        (
            ("2025-03-01", "P", "goods_for_resale", 0, "", "adjustment", "", 5),
            "reference",
        ),
        (
            ("2025-03-01", "P", "goods_for_resale", 3, "", "adjustment", "R1", 5),
            "quantity",
        ),
        (
            ("2025-03-01", "P", "goods_for_resale", 0, "", "adjustment", "R1", ""),
            "value",
        ),
        (
            ("2025-03-01", "P", "goods_for_resale", 5, 1, "vendor_return", "R1", ""),
            "quantity",
        ),
        (
            ("2025-03-01", "P", "goods_for_resale", -5, "", "vendor_return", "", ""),
            "reference",
        ),
        (("2025-03-01", "P", "goods_for_resale", -5, "", "gift", "", ""), "kind"),
    ]
    for row, field in cases:
        message = close(tmp_path, [receipt, row], expect_exit=2)
        assert "row 3" in message and field in message, message
