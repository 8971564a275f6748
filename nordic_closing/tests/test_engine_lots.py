"""Valuation by lot/serial number (Odoo's ``lot_valuated``): each lot or serial
number at its own cost (specific identification, IAS 2.23).

Every expected figure is computed by hand in the comment above it.
"""

from datetime import date
from decimal import Decimal as D

import pytest
from nordic_closing import (
    ClosingError,
    ClosingOptions,
    ItemStock,
    LotStock,
    Movement,
    compute_closing,
    value_movements,
)

END, START = date(2025, 12, 31), date(2025, 1, 1)


def receipt(day, quantity, cost, lot, row=None, reference=None, kind=""):
    return Movement(
        day, D(quantity), D(cost), row, kind=kind, reference=reference, lot=lot
    )


def issue(day, quantity, lot, row=None):
    return Movement(day, -D(quantity), None, row, lot=lot)


def value(moves, method="fifo", **options):
    return value_movements(
        "P", "goods_for_resale", moves, END, START, method, **options
    )


def test_fifo_product_issue_of_a_named_lot_leaves_the_other_lot():
    moves = [
        receipt(date(2025, 2, 1), 10, 100, "L1"),
        receipt(date(2025, 3, 1), 10, 150, "L2"),
        issue(date(2025, 4, 1), 10, "L2"),
    ]
    item = value(moves)
    # the customer took L2: L1's 10 @ 100 = 1,000 remain (FIFO over the product
    # would keep the latest receipt, 10 @ 150 = 1,500)
    assert (item.quantity, item.acquisition_value) == (D(10), D("1000.00"))
    assert item.lots == (LotStock("L1", D(10), D("1000.00")),)
    assert item.lots[0].unit_cost == D(100)
    # purchases 10 x 100 + 10 x 150 = 2,500; nothing before the year
    assert item.purchases == D("2500.00")
    assert (item.opening_quantity, item.opening_value) == (D(0), D("0.00"))
    assert item.last_movement == date(2025, 4, 1)


def test_fifo_inside_a_lot():
    moves = [
        receipt(date(2025, 2, 1), 5, 10, "A"),
        receipt(date(2025, 3, 1), 5, 14, "A"),  # a second receipt of the same lot
        receipt(date(2025, 3, 2), 3, 50, "B"),
        issue(date(2025, 4, 1), 6, "A"),  # 5 @ 10 and then 1 @ 14
    ]
    item = value(moves)
    # A: 4 @ 14 = 56; B untouched: 3 @ 50 = 150; item 7 units, 206
    assert item.lots == (
        LotStock("A", D(4), D("56.00")),
        LotStock("B", D(3), D("150.00")),
    )
    assert (item.quantity, item.acquisition_value) == (D(7), D("206.00"))


def test_serial_numbers_in_an_average_category_keep_their_own_cost():
    moves = [
        receipt(date(2025, 2, 1), 1, 8000, "S1"),
        receipt(date(2025, 2, 2), 1, 8200, "S2"),
        receipt(date(2025, 2, 3), 1, 9000, "S3"),
        issue(date(2025, 5, 1), 1, "S2"),
    ]
    item = value(moves, "average")
    # S1 8,000 + S3 9,000 = 17,000 (the product's average would give
    # 2 x 25,200 / 3 = 16,800)
    assert (item.quantity, item.acquisition_value) == (D(2), D("17000.00"))
    assert item.lots == (
        LotStock("S1", D(1), D("8000.00")),
        LotStock("S3", D(1), D("9000.00")),
    )


def test_average_lot_is_the_lots_own_moving_average():
    moves = [
        receipt(date(2025, 2, 1), 2, 10, "B"),
        receipt(date(2025, 2, 2), 1, 100, "C"),
        receipt(date(2025, 3, 1), 2, 13, "B"),  # B: (20 + 26) / 4 = 11.50
        issue(date(2025, 4, 1), 1, "B"),
    ]
    item = value(moves, "average")
    # B: 3 x 11.50 = 34.50; C: 100; item 134.50 (the product's average:
    # 146 / 5 = 29.20 a unit, 4 x 29.20 = 116.80)
    assert item.lots == (
        LotStock("B", D(3), D("34.50")),
        LotStock("C", D(1), D("100.00")),
    )
    assert item.acquisition_value == D("134.50")


def test_item_value_is_the_sum_of_the_rounded_lot_values():
    moves = [
        receipt(date(2025, 2, 1), 1, 3, "A"),
        receipt(date(2025, 2, 1), 2, D("3.5"), "A"),  # A: 10 / 3 a unit
        receipt(date(2025, 2, 1), 1, 3, "B"),
        receipt(date(2025, 2, 1), 2, D("3.5"), "B"),  # B: 10 / 3 a unit
        issue(date(2025, 3, 1), 1, "A"),
        issue(date(2025, 3, 1), 1, "B"),
    ]
    item = value(moves, "average")
    # each lot 2 x 10/3 = 6.666... -> 6.67; the item 6.67 + 6.67 = 13.34 (not the
    # rounded exact total 13.333... -> 13.33), so the lot sheet adds up
    assert [lot.acquisition_value for lot in item.lots] == [D("6.67"), D("6.67")]
    assert item.acquisition_value == D("13.34")


def test_opening_figures_are_the_sum_of_the_lots_at_the_year_start():
    moves = [
        receipt(date(2024, 6, 1), 1, 3, "A"),
        receipt(date(2024, 6, 1), 2, D("3.5"), "A"),
        receipt(date(2024, 6, 1), 1, 3, "B"),
        receipt(date(2024, 6, 1), 2, D("3.5"), "B"),
        issue(date(2024, 7, 1), 1, "A"),
        issue(date(2024, 7, 1), 1, "B"),
        receipt(date(2025, 2, 1), 1, 20, "C"),
    ]
    item = value(moves, "average")
    # at 2025-01-01 A and B hold 2 x 10/3 = 6.67 each: opening 4 units, 13.34
    # (what last year's closing carried, lot by lot); purchases 1 x 20
    assert (item.opening_quantity, item.opening_value) == (D(4), D("13.34"))
    assert item.purchases == D("20.00")
    assert item.acquisition_value == D("33.34")


def test_landed_cost_goes_to_its_receipt_inside_its_lot():
    moves = [
        receipt(date(2025, 2, 1), 10, 100, "L1", reference="R1"),
        receipt(date(2025, 3, 1), 10, 150, "L2", reference="R2"),
        # a landed cost of 200 on R1, all 10 units in stock; no lot: R1's
        Movement(date(2025, 4, 1), D(0), kind="adjustment", adjusts="R1", value=D(200)),
    ]
    for method in ("fifo", "average"):
        item = value(moves, method)
        # L1: 100 + 200 / 10 = 120 a unit, 1,200; L2 10 @ 150 = 1,500
        assert item.lots == (
            LotStock("L1", D(10), D("1200.00")),
            LotStock("L2", D(10), D("1500.00")),
        )
        assert item.lots[0].unit_cost == D(120)
        assert item.acquisition_value == D("2700.00")
        # purchases 1,000 + 1,500 + the landed cost 200 = 2,700
        assert item.purchases == D("2700.00")


def test_adjustment_may_name_its_lot_and_must_agree_with_its_receipt():
    base = [
        receipt(date(2025, 2, 1), 10, 100, "L1", 2, reference="R1"),
        receipt(date(2025, 3, 1), 10, 150, "L2", 3, reference="R1"),
    ]

    def adjustment(lot):
        return Movement(
            date(2025, 4, 1),
            D(0),
            row=4,
            kind="adjustment",
            adjusts="R1",
            value=D(50),
            lot=lot,
        )

    # the reference R1 received two lots: the adjustment names one, L2: 10 units
    # at 150 + 50 / 10 = 155, 1,550; L1 1,000
    item = value([*base, adjustment("L2")])
    assert [lot.acquisition_value for lot in item.lots] == [
        D("1000.00"),
        D("1550.00"),
    ]
    # without a lot it is ambiguous; with a lot R1 did not receive it is wrong
    for lot, words in ((None, "L1, L2"), ("L3", "not L3")):
        with pytest.raises(ClosingError) as error:
            value([*base, adjustment(lot)], source="moves.csv")
        assert words in error.value.message and "R1" in error.value.message
        assert (error.value.source, error.value.row, error.value.field) == (
            "moves.csv",
            4,
            "lot",
        )


def test_adjustment_of_an_unknown_receipt_needs_a_lot():
    moves = [
        receipt(date(2025, 2, 1), 10, 100, "L1", 2, reference="R1"),
        Movement(
            date(2025, 4, 1), D(0), row=3, kind="adjustment", adjusts="R9", value=D(5)
        ),
    ]
    with pytest.raises(ClosingError) as error:
        value(moves, source="moves.csv")
    assert "R9" in error.value.message
    assert (error.value.row, error.value.field) == (3, "lot")


def test_vendor_return_of_a_lots_receipt_over_the_fiscal_year():
    moves = [
        receipt(date(2024, 11, 1), 10, 100, "L1", reference="R1"),  # opening
        receipt(date(2025, 2, 1), 10, 150, "L2", reference="R2"),
        Movement(date(2025, 3, 1), D(-3), kind="vendor_return", returns="R2", lot="L2"),
        issue(date(2025, 4, 1), 4, "L1"),
    ]
    item = value(moves)
    # L1: 10 - 4 = 6 @ 100 = 600; L2: 10 - 3 = 7 @ 150 = 1,050; item 13, 1,650
    assert item.lots == (
        LotStock("L1", D(6), D("600.00")),
        LotStock("L2", D(7), D("1050.00")),
    )
    assert (item.quantity, item.acquisition_value) == (D(13), D("1650.00"))
    # opening (2025-01-01): L1 10 @ 100 = 1,000
    assert (item.opening_quantity, item.opening_value) == (D(10), D("1000.00"))
    # purchases: 10 x 150 less the 3 x 150 returned = 1,050
    assert item.purchases == D("1050.00")
    # cost of goods sold 1,000 + 1,050 - 1,650 = 400 = the 4 units of L1 @ 100
    result = compute_closing([item], ClosingOptions("NO", END))
    assert result.classes[0].cost_of_goods_sold == D("400.00")


def test_vendor_return_from_another_lot_than_its_receipt_refused():
    moves = [
        receipt(date(2025, 2, 1), 10, 100, "L1", 2, reference="R1"),
        receipt(date(2025, 2, 2), 10, 150, "L2", 3, reference="R2"),
        Movement(
            date(2025, 3, 1), D(-3), None, 4, "vendor_return", returns="R2", lot="L1"
        ),
    ]
    with pytest.raises(ClosingError) as error:
        value(moves, source="moves.csv")
    assert "R2" in error.value.message and "L1" in error.value.message
    assert (error.value.row, error.value.field) == (4, "lot")


def test_negative_stock_of_one_lot_refused_while_the_product_has_stock():
    moves = [
        receipt(date(2025, 2, 1), 5, 10, "L1", 2),
        receipt(date(2025, 2, 2), 10, 10, "L2", 3),
        issue(date(2025, 3, 1), 6, "L1", 4),  # the product has 15, L1 only 5
    ]
    with pytest.raises(ClosingError) as error:
        value(moves, source="moves.csv")
    message = error.value.message
    assert "product P" in message and "L1" in message and "below zero" in message
    assert "2025-03-01" in message
    assert (error.value.source, error.value.row, error.value.field) == (
        "moves.csv",
        4,
        "quantity",
    )


def test_movements_with_and_without_lot_refused():
    moves = [
        receipt(date(2025, 2, 1), 5, 10, "L1", 2),
        receipt(date(2025, 2, 2), 5, 10, None, 3),
    ]
    with pytest.raises(ClosingError) as error:
        value(moves, source="moves.csv")
    assert "product P" in error.value.message and "row 2" in error.value.message
    assert (error.value.source, error.value.row, error.value.field) == (
        "moves.csv",
        3,
        "lot",
    )


def test_items_without_lots_have_none():
    moves = [receipt(date(2025, 2, 1), 5, 10, None)]
    assert value(moves).lots == ()


def test_nrv_per_unit_applies_to_the_item_across_its_lots():
    moves = [
        receipt(date(2025, 2, 1), 10, 100, "L1"),
        receipt(date(2025, 3, 1), 10, 150, "L2"),
        issue(date(2025, 4, 1), 5, "L2"),
    ]
    item = value(moves)
    item.net_realisable_value = D(110)
    result = compute_closing([item], ClosingOptions("NO", END))
    (line,) = result.items
    # AV 10 x 100 + 5 x 150 = 1,750; 15 units x NRV 110 = 1,650: write-down 100
    assert line.stock.acquisition_value == D("1750.00")
    assert (line.write_down, line.value, line.reason) == (
        D("100.00"),
        D("1650.00"),
        "nrv",
    )
    assert [lot.lot for lot in line.stock.lots] == ["L1", "L2"]


def test_lots_given_by_the_caller_are_kept():
    lots = (LotStock("A", D(2), D("20.00")), LotStock("B", D(1), D("15.00")))
    item = ItemStock("P", "goods_for_resale", D(3), D("35.00"), lots=lots)
    result = compute_closing([item], ClosingOptions("NO", END))
    assert result.items[0].stock.lots == lots
    # 15 / 1 = 15; no quantity, no unit cost
    assert lots[1].unit_cost == D(15)
    assert LotStock("C", D(0), D("0.00")).unit_cost is None
