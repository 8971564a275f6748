"""Dates as each language writes them: Odoo's res.lang date formats of nb_NO
(31.12.2025), sv_SE (2025-12-31, SS-ISO 8601), da_DK (31-12-2025) and fi_FI
(31.12.2025); English in ISO 8601 unless Odoo passes its own pattern."""

from datetime import date
from decimal import Decimal as D

import openpyxl
import pytest
from nordic_closing import ClosingOptions, ItemStock, compute_closing
from nordic_closing.dates import format_date
from nordic_closing.output import to_text
from nordic_closing.workbook import CountItem, write_count_list, write_workbook

BALANCE_DATE = date(2025, 12, 31)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", "31.12.2025"),
        ("sv", "2025-12-31"),
        ("da", "31-12-2025"),
        ("fi", "31.12.2025"),
        ("en", "2025-12-31"),
        ("de", "2025-12-31"),  # not a language of the engine: ISO 8601
    ],
)
def test_format_date_per_language(lang, expected):
    assert format_date(BALANCE_DATE, lang) == expected


def test_format_date_with_a_pattern():
    # Odoo's en_US pattern
    assert format_date(BALANCE_DATE, "en", "%m/%d/%Y") == "12/31/2025"


def _closing(lang, date_format=None):
    """10 units at 100 of goods for resale in Norway, an empty ledger: 1460
    debit 1,000 / 4390 credit 1,000, one pair of lines."""
    items = [ItemStock("A", "goods_for_resale", D(10), D("1000.00"))]
    options = ClosingOptions(
        country="NO", balance_date=BALANCE_DATE, lang=lang, date_format=date_format
    )
    return compute_closing(items, options, ledger={})


@pytest.mark.parametrize(
    ("lang", "date_format", "start"),
    [
        ("nb", None, "Varelageravslutning 31.12.2025: "),
        ("sv", None, "Lagerbokslut 2025-12-31: "),
        ("da", None, "Lagerafslutning 31-12-2025: "),
        ("fi", None, "Varaston tilinpäätös 31.12.2025: "),
        ("en", None, "Inventory closing 2025-12-31: "),
        ("en", "%m/%d/%Y", "Inventory closing 12/31/2025: "),
    ],
)
def test_entry_labels_dated_in_the_language(lang, date_format, start):
    result = _closing(lang, date_format)
    assert len(result.entry) == 2
    for line in result.entry:
        assert line.label.startswith(start), line.label


def _workbook_entry_labels(result, tmp_path, lang, meta=None):
    path = tmp_path / "closing.xlsx"
    write_workbook(result, path, lang=lang, meta=meta)
    sheet = openpyxl.load_workbook(path, data_only=True).worksheets[0]
    return [
        cell
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str) and ": " in cell and cell[0].isalpha()
    ]


def test_workbook_entry_in_its_own_language(tmp_path):
    """The command line's entry is English; its workbook in Norwegian dates the
    entry's texts as Norwegian does."""
    labels = _workbook_entry_labels(_closing("en"), tmp_path, "nb")
    entry = [text for text in labels if text.startswith("Varelageravslutning ")]
    assert len(entry) == 2
    for text in entry:
        assert text.startswith("Varelageravslutning 31.12.2025: "), text


def test_workbook_entry_with_odoos_pattern(tmp_path):
    labels = _workbook_entry_labels(
        _closing("en", "%m/%d/%Y"), tmp_path, "en", {"date_format": "%m/%d/%Y"}
    )
    entry = [text for text in labels if text.startswith("Inventory closing ")]
    assert len(entry) == 2
    for text in entry:
        assert text.startswith("Inventory closing 12/31/2025: "), text


@pytest.mark.parametrize(
    ("lang", "header_date", "fiscal_year", "cell_format"),
    [
        ("nb", "31.12.2025", "01.01.2025 – 31.12.2025", "dd.mm.yyyy"),
        ("sv", "2025-12-31", "2025-01-01 – 2025-12-31", "yyyy-mm-dd"),
        ("da", "31-12-2025", "01-01-2025 – 31-12-2025", "dd-mm-yyyy"),
        ("fi", "31.12.2025", "01.01.2025 – 31.12.2025", "dd.mm.yyyy"),
    ],
)
def test_workbook_dates_as_the_language_writes_them(
    tmp_path, lang, header_date, fiscal_year, cell_format
):
    """The page header's balance date, the fiscal year and the balance-date cell
    of the summary sheet are written as the workbook's language writes dates."""
    path = tmp_path / "closing.xlsx"
    write_workbook(_closing(lang), path, lang=lang)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet.oddHeader.right.text.endswith(header_date)
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert fiscal_year in [cell.value for cell in cells]
    dated = [cell for cell in cells if cell.is_date]
    assert [cell.number_format for cell in dated] == [cell_format]
    assert dated[0].value.date() == BALANCE_DATE


def test_count_list_header_dated_in_its_language(tmp_path):
    path = tmp_path / "count.xlsx"
    items = [CountItem("A", "Chair", "Units", D(3))]
    write_count_list(items, path, BALANCE_DATE, lang="da")
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet.oddHeader.right.text.endswith("31-12-2025")


def test_text_summary_in_the_closings_language():
    """The command line's text summary says the glossary's words and dates in the
    closing's language: 10 units at 100 of goods for resale, an empty ledger, so
    the entry books 1,000 on each side."""
    out = to_text(_closing("nb"))
    lines = out.splitlines()
    assert lines[0].startswith("Varelageravslutning 31.12.2025")
    assert "Lagerligning" in lines  # the glossary's "stock equation"
    assert "Stock equation" not in out and "Entry" not in lines
    rows = [line.split() for line in lines]
    assert ["Sum", "1", "000.00", "1", "000.00"] in rows
    assert any(
        line.strip().startswith("Innkjøpte varer for videresalg") for line in lines
    )
