"""The count list as a workbook (the alternative to the PDF of a large closing)."""

import io
from datetime import date
from decimal import Decimal as D

import pytest
from nordic_closing.labels import labels
from nordic_closing.workbook import CountItem, write_count_list

openpyxl = pytest.importorskip("openpyxl")


def _rows(items, lang="en"):
    buffer = io.BytesIO()
    write_count_list(
        items, buffer, date(2025, 12, 31), lang=lang, meta={"company": "Kaffe & Te AS"}
    )
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    (sheet,) = book.worksheets
    return sheet, [list(row) for row in sheet.iter_rows(values_only=True)]


def test_a_row_per_item_and_per_lot_with_an_empty_counted_column():
    items = [
        CountItem("A", "Kaffe", "kg", D("12.5")),
        # valued by lot: a row per lot, each with its own quantity
        CountItem("B", "Te", "Units", D(7), (("L1", D(4)), ("L2", D(3)))),
    ]
    sheet, rows = _rows(items)
    assert sheet.title == "Count list"
    assert rows == [
        [
            "Product",
            "Name",
            "Unit",
            "Quantity",
            "Counted quantity",
            "Lot/serial number",
        ],
        ["A", "Kaffe", "kg", 12.5, None, None],
        ["B", "Te", "Units", 4, None, "L1"],
        ["B", "Te", "Units", 3, None, "L2"],
    ]
    assert "Kaffe && Te AS" in sheet.oddHeader.left.text
    assert "2025-12-31" in sheet.oddHeader.right.text


@pytest.mark.parametrize("lang", ["nb", "sv", "da", "fi"])
def test_in_the_document_language(lang):
    text = labels(lang)
    sheet, rows = _rows([CountItem("A", "Kaffe", "kg", D(1))], lang)
    assert sheet.title == text["count_list"]
    assert rows[0][4] == text["counted"]


def test_no_items_is_a_header_only():
    _sheet, rows = _rows([])
    assert len(rows) == 1
