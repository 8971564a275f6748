"""The closing workbook (XLSX, xlsxwriter) an accountant sends to the auditor.

Sheets: summary with the entry, items post för post / post for post, the lots and
serial numbers of the products valued by lot/serial number (when there are any),
the stock equation per class, the tax comparison (per country: Sweden's 97 % rule,
Norway's and Finland's tax value against book value per class, Denmark's per
product group) and the accounting principles (with the replacement value against
cost of ÅRL § 89 stk. 2 / KPA 2:4 §). Written in constant-memory mode (row by
row), so 100,000 items stay cheap. Constant-memory mode keeps each sheet's rows in
a temporary file until the workbook is closed; those files live in a folder of
their own that is removed once the workbook is written, or not (nothing is left in
the temporary folder).

This module opens and closes the workbook and lays out its sheets and the chart;
the sheets are written by ``workbook_sheets.py`` (summary, items, lots, stock
equation), ``workbook_tax.py`` and ``workbook_principles.py``, with the formats and
rows they share in ``workbook_format.py``. The count list is written here too.
"""

import contextlib
import tempfile
from typing import NamedTuple

from xlsxwriter import Workbook

from .dates import date_format_of
from .labels import labels
from .results import EQUATION_FIELDS
from .workbook_format import (
    Formats,
    by_lot,
    class_name,
    header_row,
    methods_text,
    write_value,
)
from .workbook_principles import write_principles
from .workbook_sheets import write_equation, write_items, write_lots, write_summary
from .workbook_tax import write_tax

__all__ = [
    "CountItem",
    "class_name",
    "methods_text",
    "write_count_list",
    "write_workbook",
]


class CountItem(NamedTuple):
    """One item of the count list: its reference, name, unit, quantity by the books
    and, valued by lot/serial number, its lots as ``((lot, quantity), ...)``;
    ``extra``: its values of the columns added by ``meta["columns"]``."""

    product: str
    name: str
    unit: str
    quantity: object  # Decimal or float
    lots: tuple = ()
    extra: tuple = ()


@contextlib.contextmanager
def _workbook(target):
    """A workbook written row by row (constant memory) through a temporary folder
    of its own, closed (written to ``target``) when the block ends, abandoned when
    it fails: a failed workbook writes nothing to ``target``."""
    with tempfile.TemporaryDirectory(
        prefix="nordic_closing_", ignore_cleanup_errors=True
    ) as folder:
        book = Workbook(
            target, {"constant_memory": True, "in_memory": False, "tmpdir": folder}
        )
        try:
            yield book
            book.close()
        except BaseException:
            _abandon(book)
            raise


def write_workbook(result, target, lang="en", meta=None):
    """Write ``result`` (a ``ClosingResult``) to ``target`` (a path or a file object).

    ``meta`` may give ``company``, ``currency``, ``entry_number`` (the posted move's
    name), ``nrv_source`` (text) and ``date_format`` (strftime pattern of the entry
    texts' dates: Odoo's of the document's language; default: ``lang``'s), which the
    Odoo layer knows and the CLI does not; and, from other addons' line columns,
    ``item_columns`` (``((title, values), ...)``: more columns of the item sheet,
    the values aligned with ``result.items``) and ``reasons`` (``{reason: label}``
    of write-down reasons the engine's labels do not have).
    """
    meta = {"date_format": date_format_of(lang), **(meta or {})}
    text = labels(lang)
    for reason, label in (meta.get("reasons") or {}).items():
        text.setdefault(f"reason_{reason}", label)
    with _workbook(target) as book:
        _write_sheets(book, result, text, meta)


def _abandon(book):
    """Give up a workbook that failed: close its sheets' temporary files and keep
    xlsxwriter's destructor from writing it (to the target) later."""
    book.fileclosed = True
    for sheet in book.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        if handle is not None and not handle.closed:
            handle.close()


def _write_sheets(book, result, text, meta):
    book.set_properties({"title": text["title"], "company": meta.get("company", "")})
    fmt = Formats(book, meta["date_format"])
    sheets = [
        (write_summary, "sheet_summary", True),
        (write_items, "sheet_items", True),
        (write_equation, "sheet_equation", True),
        (write_tax, "sheet_tax", False),
        (write_principles, "sheet_principles", False),
    ]
    if by_lot(result):
        sheets.insert(2, (write_lots, "sheet_lots", False))
    for write, name, landscape in sheets:
        sheet = book.add_worksheet(text[name])
        _page_setup(sheet, result, text, meta, landscape)
        if write in (write_summary, write_principles, write_items):
            write(sheet, result, text, fmt, meta)
        else:
            write(sheet, result, text, fmt)
    _chart(book, result, text)


def _chart(book, result, text):
    """A chart sheet of the stock equation: per class, the value of the last closing
    (this year's opening value), this closing's value and its write-down."""
    if not result.classes:
        return
    chart = book.add_chart({"type": "column"})
    sheet = text["sheet_equation"]
    last = len(result.classes)  # the class rows 1..last of the equation sheet
    for field in ("opening_value", "closing_value", "write_down"):
        column = 1 + EQUATION_FIELDS.index(field)
        chart.add_series(
            {
                "name": text[field],
                "categories": [sheet, 1, 0, last, 0],
                "values": [sheet, 1, column, last, column],
            }
        )
    chart.set_title({"name": text["chart_title"]})
    chart.set_y_axis({"num_format": "#,##0"})
    chart.set_legend({"position": "bottom"})
    book.add_chartsheet(text["sheet_chart"]).set_chart(chart)


def _page_setup(sheet, result, text, meta, landscape):
    """A4, one page wide, company and date in the header, page numbers below."""
    _page_header(
        sheet, text, meta, text["title"], result.options.balance_date, landscape
    )


def _page_header(sheet, text, meta, title, balance_date, landscape):
    sheet.set_paper(9)
    if landscape:
        sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.5, right=0.5, top=0.8, bottom=0.7)
    company = str(meta.get("company") or "").replace("&", "&&")
    title = title.replace("&", "&&")
    date = f"{text['balance_date']} {balance_date.strftime(meta['date_format'])}"
    sheet.set_header(f"&L&9{company}&C&9{title}&R&9{date}")
    sheet.set_footer(f"&L&9&A&R&9{text['page']} &P / &N")


#: the count list's columns: (label key, width, kind)
_COUNT_COLUMNS = (
    ("product", 18, "text"),
    ("name", 40, "text"),
    ("unit", 8, "text"),
    ("quantity", 12, "number"),
    ("counted", 16, "number"),
    ("lot", 24, "text"),
)


def write_count_list(items, target, balance_date, lang="en", meta=None):
    """The count list as a workbook of one sheet, for counting on a tablet or in a
    spreadsheet when the PDF is too long to wait for: per item (``CountItem``, in
    the order given) its reference, name, unit and quantity by the books, an empty
    column for the counted quantity and, for an item valued by lot/serial number,
    a row per lot with the lot's quantity. Rows are written one by one (constant
    memory), so 100,000 items stay cheap. ``meta`` may give ``company`` and
    ``date_format`` (as for :func:`write_workbook`) and ``columns``: the titles of
    more columns after the engine's, whose values each item gives (``extra``).
    """
    meta = {"date_format": date_format_of(lang), **(meta or {})}
    text = labels(lang)
    with _workbook(target) as book:
        book.set_properties(
            {"title": text["count_list"], "company": meta.get("company", "")}
        )
        sheet = book.add_worksheet(text["count_list"])
        _page_header(sheet, text, meta, text["count_list"], balance_date, False)
        fmt = Formats(book, meta["date_format"])
        _count_list(sheet, items, text, fmt, tuple(meta.get("columns") or ()))


def _count_list(sheet, items, text, fmt, extra=()):
    for col, (_name, width, _kind) in enumerate(_COUNT_COLUMNS):
        sheet.set_column(col, col, width)
    first = len(_COUNT_COLUMNS)
    sheet.set_column(first, first + len(extra), 16)
    sheet.freeze_panes(1, 2)
    sheet.repeat_rows(0)
    titles = [text[name] for name, _width, _kind in _COUNT_COLUMNS] + list(extra)
    text_columns = [i for i, col in enumerate(_COUNT_COLUMNS) if col[2] == "text"]
    text_columns += range(first, first + len(extra))
    header_row(sheet, 0, titles, fmt, first_text=0, text_columns=text_columns)
    row = 1
    for item in items:
        for lot, quantity in item.lots or ((None, item.quantity),):
            sheet.write_string(row, 0, item.product or "", fmt.text)
            sheet.write_string(row, 1, item.name or "", fmt.text)
            sheet.write_string(row, 2, item.unit or "", fmt.text)
            sheet.write_number(row, 3, quantity, fmt.quantity)
            sheet.write_blank(row, 4, None, fmt.quantity)  # counted: left empty
            if lot:
                sheet.write_string(row, 5, lot, fmt.text)
            for col, value in enumerate(item.extra[: len(extra)], start=first):
                write_value(sheet, row, col, value, fmt)
            row += 1
    sheet.autofilter(0, 0, max(row - 1, 1), first + len(extra) - 1)
