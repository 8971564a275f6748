"""The CLI on products valued by lot/serial number: the movements file's ``lot``
column, run as a user runs it (``python -m nordic_closing close``).

Every figure is computed by hand in the comments (docs/valuation_rules.md, section
"Lots and serial numbers"), never taken from the program's output.
"""

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HEADER = "date,product,name,inventory_class,quantity,unit_cost,kind,reference,value,lot"
# P1 valued by lot (rows 2-8), P2 without lots (rows 9-10)
MOVES = f"""{HEADER}
2024-11-15,P1,Kaffe,goods_for_resale,10,100,purchase,R1,,L1
2025-02-01,P1,Kaffe,goods_for_resale,10,150,purchase,R2,,L2
2025-03-01,P1,Kaffe,goods_for_resale,0,,adjustment,R2,50,
2025-04-01,P1,Kaffe,goods_for_resale,-10,,issue,,,L2
2025-05-01,P1,Kaffe,goods_for_resale,5,120,purchase,R3,,L3
2025-06-01,P1,Kaffe,goods_for_resale,-2,,vendor_return,R3,,L3
2025-07-01,P1,Kaffe,goods_for_resale,-4,,issue,,,L1
2025-06-01,P2,Plank,raw_material,50,10,,,,
2025-09-01,P2,Plank,raw_material,-10,,,,,
"""


def run(tmp_path, moves, *extra):
    path = tmp_path / "moves.csv"
    path.write_text(moves, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "nordic_closing", "close", "--country", "NO"]
        + ["--date", "2025-12-31", "--moves", str(path), *map(str, extra)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def error_of(res):
    """The one line of a refusal (exit 2, no traceback)."""
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr
    (line,) = res.stderr.splitlines()
    return line


def test_closing_of_a_product_valued_by_lot(tmp_path):
    res = run(tmp_path, MOVES, "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout, parse_float=Decimal)
    items = {item["product"]: item for item in data["items"]}
    classes = {c["inventory_class"]: c for c in data["classes"]}
    # P1: L1 10 - 4 = 6 @ 100 = 600; L2 received 10 @ 150, landed cost 50 on R2
    # (155 a unit), all 10 sold; L3 5 - 2 returned = 3 @ 120 = 360.
    # 9 units, 600 + 360 = 960 (FIFO over the product would keep the latest units)
    assert Decimal(items["P1"]["quantity"]) == 9
    assert items["P1"]["acquisition_value"] == Decimal("960.00")
    # P2 without lots, FIFO: 40 @ 10 = 400
    assert items["P2"]["acquisition_value"] == Decimal("400.00")
    resale = classes["goods_for_resale"]
    # opening: L1 10 @ 100 = 1,000 (before 2025-01-01)
    assert resale["opening_value"] == Decimal("1000.00")
    # purchases: 10 x 150 + the landed cost 50 (all of R2 in stock) + 5 x 120
    # - the 2 x 120 returned = 1,500 + 50 + 600 - 240 = 1,910
    assert resale["purchases"] == Decimal("1910.00")
    # cost of goods sold 1,000 + 1,910 - 960 = 1,950 = L2 10 x 155 + L1 4 x 100
    assert resale["cost_of_goods_sold"] == Decimal("1950.00")
    # closing value 960 + 400 = 1,360
    total = sum(c["closing_value"] for c in data["classes"])
    assert total == Decimal("1360.00")
    # the entry: 1460 from 1,000 to 960, credit 40 against 4390
    lines = {(e["account"], e["debit"], e["credit"]) for e in data["entry"]}
    assert ("1460", Decimal("0.00"), Decimal("40.00")) in lines
    assert ("4390", Decimal("40.00"), Decimal("0.00")) in lines


def test_row_without_lot_of_a_product_valued_by_lot_refused(tmp_path):
    # row 8, the issue of L1, without its lot
    moves = MOVES.replace(
        "2025-07-01,P1,Kaffe,goods_for_resale,-4,,issue,,,L1",
        "2025-07-01,P1,Kaffe,goods_for_resale,-4,,issue,,,",
    )
    line = error_of(run(tmp_path, moves))
    assert "moves.csv" in line and "product P1" in line
    assert re.search(r"\brow 8\b", line) and "field lot" in line


def test_lot_below_zero_refused_while_the_product_has_stock(tmp_path):
    # row 8 issues 11 of L1, which holds 10 at that date, while the product has
    # 13 (L1 10, L3 5 - 2 = 3)
    moves = MOVES.replace("-4,,issue,,,L1", "-11,,issue,,,L1")
    line = error_of(run(tmp_path, moves))
    assert "moves.csv" in line and "product P1" in line and "L1" in line
    assert re.search(r"\brow 8\b", line) and "field quantity" in line
    assert "below zero" in line


def test_return_of_another_lots_receipt_refused(tmp_path):
    # row 7 returns receipt R3 (lot L3) but names L1
    moves = MOVES.replace("vendor_return,R3,,L3", "vendor_return,R3,,L1")
    line = error_of(run(tmp_path, moves))
    assert "R3" in line and "L1" in line
    assert re.search(r"\brow 7\b", line) and "field lot" in line


def test_workbook_lists_the_lots(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "closing.xlsx"
    res = run(tmp_path, MOVES, "--xlsx", out, "--lang", "nb")
    assert res.returncode == 0, res.stderr
    book = openpyxl.load_workbook(out, data_only=True)
    rows = [list(r) for r in book["Lot"].iter_rows(values_only=True)]
    assert rows[0][:3] == ["Vare", "Navn", "Lot/serienummer"]
    # P1: L1 6 @ 100 = 600, L3 3 @ 120 = 360 (L2 is sold out); P2 has no lots
    assert rows[1:3] == [
        ["P1", "Kaffe", "L1", 6, 100, 600],
        ["P1", "Kaffe", "L3", 3, 120, 360],
    ]
    # total 600 + 360 = 960, P1's acquisition value
    assert rows[3][0] == "Sum" and rows[3][5] == 960
    assert len(rows) == 4
