"""The workbook of a closing with products valued by lot/serial number: the lots
sheet, the cost flow on the summary and the accounting principle.

Every expected figure is computed by hand in the comment above it.
"""

import re
from datetime import date
from decimal import Decimal as D

import pytest
from nordic_closing import (
    ClosingOptions,
    ItemStock,
    LotStock,
    Movement,
    compute_closing,
    value_movements,
)
from nordic_closing.labels import LANGUAGES, labels
from nordic_closing.workbook import write_workbook

openpyxl = pytest.importorskip("openpyxl")
END = date(2025, 12, 31)


def _result():
    moves = [
        Movement(date(2025, 2, 1), D(10), D(100), lot="L1"),
        Movement(date(2025, 3, 1), D(10), D(150), lot="L2"),
        Movement(date(2025, 4, 1), D(-5), lot="L2"),
    ]
    valued = value_movements(
        "P1", "goods_for_resale", moves, END, date(2025, 1, 1), name="Kaffe"
    )
    # as the Odoo layer gives them: lots computed by the caller
    given = ItemStock(
        "P3",
        "raw_material",
        D(3),
        D("35.00"),
        name="Plank",
        lots=(LotStock("A", D(2), D("20.00")), LotStock("B", D(1), D("15.00"))),
    )
    plain = ItemStock("P2", "goods_for_resale", D(5), D("50.00"), name="Te")
    return compute_closing([valued, plain, given], ClosingOptions("NO", END))


def _rows(book, name):
    return [list(row) for row in book[name].iter_rows(values_only=True)]


def test_lots_sheet_lists_each_lot_and_totals_the_items(tmp_path):
    path = tmp_path / "closing.xlsx"
    write_workbook(_result(), str(path))
    book = openpyxl.load_workbook(path, data_only=True)
    assert book.sheetnames[:3] == ["Summary", "Items", "Lots"]
    rows = _rows(book, "Lots")
    assert rows[0] == [
        "Product",
        "Name",
        "Lot/serial number",
        "Quantity",
        "Cost per unit",
        "Acquisition value",
    ]
    # P1: L1 10 @ 100 = 1,000; L2 10 - 5 = 5 @ 150 = 750. P3 as given: A 2 @ 10,
    # B 1 @ 15. P2 has no lots: not on the sheet
    assert rows[1:5] == [
        ["P1", "Kaffe", "L1", 10, 100, 1000],
        ["P1", "Kaffe", "L2", 5, 150, 750],
        ["P3", "Plank", "A", 2, 10, 20],
        ["P3", "Plank", "B", 1, 15, 15],
    ]
    # total 1,000 + 750 + 20 + 15 = 1,785 = P1's 1,750 + P3's 35
    assert rows[5][0] == "Total" and rows[5][5] == 1785
    assert len(rows) == 6
    formulas = openpyxl.load_workbook(path)["Lots"]
    assert formulas["F6"].value == "=SUM(F2:F5)"


def test_summary_and_principles_name_the_actual_cost_per_lot(tmp_path):
    path = tmp_path / "closing.xlsx"
    write_workbook(_result(), str(path))
    book = openpyxl.load_workbook(path)
    summary = [r for r in _rows(book, "Summary") if r[0] == "Cost flow"]
    assert summary == [
        ["Cost flow", "FIFO; Actual cost per lot/serial number", *summary[0][2:]]
    ]
    principles = [r[0] for r in _rows(book, "Principles") if r[0]]
    fifo = principles.index(labels("en")["principle_fifo"])
    assert principles[fifo + 1] == (
        "Products valued by lot/serial number are carried at the actual cost of "
        "each lot or serial number (specific identification), with the cost flow "
        "above applied within each lot; the sheet Lots lists them."
    )


def test_no_lots_sheet_without_lots(tmp_path):
    items = [ItemStock("P2", "goods_for_resale", D(5), D("50.00"))]
    path = tmp_path / "closing.xlsx"
    write_workbook(compute_closing(items, ClosingOptions("NO", END)), str(path))
    book = openpyxl.load_workbook(path)
    assert "Lots" not in book.sheetnames
    texts = [c for r in _rows(book, "Principles") for c in r if isinstance(c, str)]
    assert not any("lot" in text for text in texts)
    summary = [r for r in _rows(book, "Summary") if r[0] == "Cost flow"]
    assert summary[0][1] == "FIFO"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lots_sheet_in_every_language(tmp_path, lang):
    text = labels(lang)
    name = text["sheet_lots"]
    assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name)
    assert "{sheet}" in text["principle_lot"]
    path = tmp_path / "closing.xlsx"
    write_workbook(_result(), str(path), lang=lang)
    book = openpyxl.load_workbook(path)
    assert name in book.sheetnames
    assert _rows(book, name)[0][2] == text["lot"]
    principles = [c for r in _rows(book, text["sheet_principles"]) for c in r if c]
    assert text["principle_lot"].format(sheet=name) in principles
