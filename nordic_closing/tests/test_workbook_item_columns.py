"""The item sheet's columns added by the Odoo layer for other addons' line
columns (``meta["item_columns"]``) and the labels of write-down reasons the
engine does not know (``meta["reasons"]``)."""

from datetime import date
from decimal import Decimal as D

import pytest
from nordic_closing import ClosingOptions, ItemStock, compute_closing
from nordic_closing.workbook import CountItem, write_count_list, write_workbook

openpyxl = pytest.importorskip("openpyxl")
END = date(2025, 12, 31)


def _result():
    items = [
        ItemStock("A1", "goods_for_resale", D(2), D("30.00"), name="Lamp"),
        ItemStock("B2", "goods_for_resale", D(1), D("10.00"), name="Cup"),
    ]
    return compute_closing(items, ClosingOptions("NO", END))


def test_added_columns_follow_the_engine_columns_with_their_values(tmp_path):
    result = _result()
    # an item the Odoo layer gave another addon's reason
    result.items[1].reason = "seasonal"
    path = tmp_path / "closing.xlsx"
    write_workbook(
        result,
        str(path),
        meta={
            "item_columns": (
                ("Barcode", ["4006381333931", None]),
                ("Shelf days", [12, D("3.5")]),
            ),
            "reasons": {"seasonal": "Seasonal goods", "nrv": "not this one"},
        },
    )
    sheet = openpyxl.load_workbook(path, data_only=True)["Items"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = rows[0]
    assert header[-2:] == ["Barcode", "Shelf days"]
    barcode, days = header.index("Barcode"), header.index("Shelf days")
    reason = header.index("Reason")
    assert (rows[1][barcode], rows[1][days]) == ("4006381333931", 12)
    # no barcode: the cell is empty
    assert (rows[2][barcode], rows[2][days]) == (None, 3.5)
    # a reason the engine does not know is named by the label given
    assert rows[2][reason] == "Seasonal goods"
    # the filter covers the added columns (A1 to the last one)
    assert sheet.auto_filter.ref.endswith(f"{chr(ord('A') + days)}3")


def test_count_list_columns_added_after_the_engines(tmp_path):
    """An item's values of the added columns on its row and on each of its lots'
    rows; an item without one leaves the cell empty."""
    path = tmp_path / "count.xlsx"
    write_count_list(
        [
            CountItem("A", "Kaffe", "kg", D("12.5"), extra=("7311",)),
            CountItem("B", "Te", "Units", D(7), (("L1", D(4)), ("L2", D(3))), (None,)),
        ],
        str(path),
        END,
        meta={"columns": ("Barcode",)},
    )
    rows = [
        list(row)
        for row in openpyxl.load_workbook(path)
        .worksheets[0]
        .iter_rows(values_only=True)
    ]
    assert rows[0][-2:] == ["Lot/serial number", "Barcode"]
    assert rows[1:] == [
        ["A", "Kaffe", "kg", 12.5, None, None, "7311"],
        ["B", "Te", "Units", 4, None, "L1", None],
        ["B", "Te", "Units", 3, None, "L2", None],
    ]
