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
"""

import contextlib
import tempfile
from datetime import date, datetime
from typing import NamedTuple

from xlsxwriter import Workbook
from xlsxwriter.utility import xl_rowcol_to_cell

from .closing import EQUATION_FIELDS, methods_used
from .dates import ISO_DATE, date_format_of
from .frameworks import COUNTRY
from .labels import entry_label, labels
from .money import ZERO
from .valuation import PRODUCED_CLASSES

MONEY = "#,##0.00;-#,##0.00"
#: debit, credit and write-down columns: a zero stays empty, as on a printed ledger
MONEY_BLANK_ZERO = "#,##0.00;-#,##0.00;;@"
QUANTITY = "#,##0.####"


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


def _excel_date_format(date_format):
    """An Excel number format for the strftime pattern ``date_format`` (day,
    month and year: the patterns of the Nordic languages and ISO 8601)."""
    excel = date_format
    for directive, code in (("%d", "dd"), ("%m", "mm"), ("%Y", "yyyy"), ("%y", "yy")):
        excel = excel.replace(directive, code)
    return excel


class _Formats:
    def __init__(self, book, date_format=ISO_DATE):
        def add(**props):
            return book.add_format({"font_name": "Calibri", "font_size": 10, **props})

        self.title = add(bold=True, font_size=14)
        self.bold = add(bold=True)
        self.header = add(
            bold=True, bg_color="#D9E1F2", border=1, text_wrap=True, valign="top"
        )
        self.header_right = add(
            bold=True,
            bg_color="#D9E1F2",
            border=1,
            text_wrap=True,
            valign="top",
            align="right",
        )
        self.text = add()
        self.wrap = add(text_wrap=True, valign="top")
        self.money = add(num_format=MONEY)
        self.money_blank = add(num_format=MONEY_BLANK_ZERO)
        self.quantity = add(num_format=QUANTITY)
        self.total_text = add(bold=True, top=1)
        self.total_money = add(bold=True, top=1, num_format=MONEY)
        self.date = add(num_format=_excel_date_format(date_format), align="left")


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
    fmt = _Formats(book, meta["date_format"])
    sheets = [
        (_summary, "sheet_summary", True),
        (_items, "sheet_items", True),
        (_equation, "sheet_equation", True),
        (_tax, "sheet_tax", False),
        (_principles, "sheet_principles", False),
    ]
    if _by_lot(result):
        sheets.insert(2, (_lots, "sheet_lots", False))
    for write, name, landscape in sheets:
        sheet = book.add_worksheet(text[name])
        _page_setup(sheet, result, text, meta, landscape)
        if write in (_summary, _principles, _items):
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


def class_name(text, inventory_class):
    return text.get(inventory_class, inventory_class)


def _summary(sheet, result, text, fmt, meta):
    options = result.options
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 66)
    sheet.set_column(2, 5, 16)
    row = 0
    sheet.write(row, 0, text["title"], fmt.title)
    row += 2
    facts = [
        (text["company"], meta.get("company", "")),
        (text["balance_date"], options.balance_date),
        (
            text["fiscal_year"],
            f"{options.fiscal_year_start.strftime(meta['date_format'])} – "
            f"{options.balance_date.strftime(meta['date_format'])}",
        ),
        (text["framework"], text[f"framework_{result.framework.key}"]),
        (text["method"], methods_text(result, text)),
        (text["currency"], meta.get("currency", COUNTRY[options.country].currency)),
        (text["entry_number"], meta.get("entry_number") or text["not_posted"]),
    ]
    for label, value in facts:
        sheet.write(row, 0, label, fmt.bold)
        if hasattr(value, "isoformat"):
            sheet.write_datetime(row, 1, _as_datetime(value), fmt.date)
        else:
            sheet.write(row, 1, value, fmt.text)
        row += 1
    row += 1
    sheet.write(row, 0, text["classes"], fmt.bold)
    row += 1
    headers = (
        "inventory_class",
        "accounts_write_down_pl" if result.own_write_down_pl_accounts else "accounts",
        "closing_acquisition_value",
        "write_down",
        "closing_value",
        "change",
    )
    _header(sheet, row, [text[h] for h in headers], fmt, first_text=2)
    row += 1
    first = row
    for cls in result.classes:
        sheet.write(row, 0, class_name(text, cls.inventory_class), fmt.text)
        sheet.write(row, 1, " / ".join(result.class_accounts(cls)), fmt.text)
        for col, value in enumerate(
            (
                cls.closing_acquisition_value,
                cls.write_down,
                cls.closing_value,
                cls.change,
            ),
            start=2,
        ):
            sheet.write_number(row, col, value, fmt.money)
        row += 1
    _totals(
        sheet,
        row,
        first,
        range(2, 6),
        text["total"],
        fmt,
        [
            result.acquisition_value,
            result.write_down,
            result.closing_value,
            sum((c.change for c in result.classes), ZERO),
        ],
    )
    row += 2
    sheet.write(row, 0, text["entry"], fmt.bold)
    row += 1
    if not result.entry:
        sheet.write(row, 0, text["no_entry"], fmt.text)
        row += 1
    else:
        _header(
            sheet,
            row,
            [text["account"], text["label"], text["debit"], text["credit"]],
            fmt,
            first_text=2,
        )
        row += 1
        first = row
        for line in result.entry:
            sheet.write_string(row, 0, line.account, fmt.text)
            label = entry_label(
                text,
                result.options.balance_date,
                line.inventory_class,
                line.step,
                meta["date_format"],
            )
            sheet.write(row, 1, label, fmt.text)
            sheet.write_number(row, 2, line.debit, fmt.money_blank)
            sheet.write_number(row, 3, line.credit, fmt.money_blank)
            row += 1
        _totals(
            sheet,
            row,
            first,
            (2, 3),
            text["total"],
            fmt,
            [result.total_debit, result.total_credit],
        )
        row += 1
    if result.notes:
        row += 1
        sheet.write(row, 0, text["notes"], fmt.bold)
        row += 1
        for note in result.notes:
            sheet.write(row, 0, note, fmt.text)
            row += 1


#: the items sheet's columns: (width, kind), kind ``text`` (left aligned),
#: ``number`` or ``total`` (a number summed in the total row)
_ITEM_COLUMNS = {
    "product": (18, "text"),
    "name": (36, "text"),
    "inventory_class": (24, "text"),
    "quantity": (12, "number"),
    "unit": (8, "text"),
    "unit_cost": (14, "number"),
    "acquisition_value": (16, "total"),
    "nrv": (16, "number"),
    "replacement_cost": (16, "number"),
    "write_down": (14, "total"),
    "reason": (20, "text"),
    "value": (16, "total"),
    "note": (60, "text"),
}


def _items(sheet, result, text, fmt, meta):
    headers = [
        "product",
        "name",
        "inventory_class",
        "quantity",
        "unit",
        "unit_cost",
        "acquisition_value",
        "nrv",
        "write_down",
        "reason",
        "value",
    ]
    # a replacement cost (Denmark, Finland) and a note column only when an item
    # has one
    if any(item.stock.replacement_cost is not None for item in result.items):
        headers.insert(headers.index("nrv") + 1, "replacement_cost")
    if any(item.stock.note for item in result.items):
        headers.append("note")
    col = {name: index for index, name in enumerate(headers)}
    for name, index in col.items():
        sheet.set_column(index, index, _ITEM_COLUMNS[name][0])
    extra = list(meta.get("item_columns") or ())
    sheet.set_column(len(headers), len(headers) + len(extra), 16)
    sheet.freeze_panes(1, 1)
    sheet.repeat_rows(0)
    text_columns = [i for n, i in col.items() if _ITEM_COLUMNS[n][1] == "text"]
    _header(
        sheet,
        0,
        [text[h] for h in headers] + [title for title, _values in extra],
        fmt,
        first_text=3,
        text_columns=text_columns[3:] + list(range(len(col), len(col) + len(extra))),
    )
    row = 1
    summed = [name for name in headers if _ITEM_COLUMNS[name][1] == "total"]
    totals = [ZERO, ZERO, ZERO]
    for item in result.items:
        stock = item.stock
        sheet.write_string(row, 0, stock.product, fmt.text)
        sheet.write_string(row, 1, stock.name, fmt.text)
        sheet.write_string(row, 2, class_name(text, stock.inventory_class), fmt.text)
        sheet.write_number(row, 3, stock.quantity, fmt.quantity)
        sheet.write_string(row, 4, stock.unit, fmt.text)
        if stock.quantity:
            sheet.write_number(
                row, 5, stock.acquisition_value / stock.quantity, fmt.money
            )
        sheet.write_number(row, 6, stock.acquisition_value, fmt.money)
        for name, amount in (
            ("nrv", stock.net_realisable_value),
            ("replacement_cost", stock.replacement_cost),
        ):
            if amount is not None:
                sheet.write_number(row, col[name], amount, fmt.money)
        sheet.write_number(row, col["write_down"], item.write_down, fmt.money_blank)
        if item.reason:
            reason = text.get(f"reason_{item.reason}", item.reason)
            sheet.write_string(row, col["reason"], reason, fmt.text)
        sheet.write_number(row, col["value"], item.value, fmt.money)
        if stock.note:
            sheet.write_string(row, col["note"], stock.note, fmt.text)
        for index, (_title, values) in enumerate(extra, start=len(headers)):
            _write_value(sheet, row, index, values[row - 1], fmt)
        totals[0] += stock.acquisition_value
        totals[1] += item.write_down
        totals[2] += item.value
        row += 1
    _totals(sheet, row, 1, [col[n] for n in summed], text["total"], fmt, totals)
    sheet.autofilter(0, 0, max(row - 1, 1), len(headers) + len(extra) - 1)


def _write_value(sheet, row, col, value, fmt):
    """A value of an added column: text, a day or a number; None: left blank."""
    if value is None or value == "":
        return
    if isinstance(value, str):
        sheet.write_string(row, col, value, fmt.text)
    elif isinstance(value, date):
        sheet.write_datetime(row, col, _as_datetime(value), fmt.date)
    else:
        sheet.write_number(row, col, value, fmt.quantity)


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
        fmt = _Formats(book, meta["date_format"])
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
    _header(sheet, 0, titles, fmt, first_text=0, text_columns=text_columns)
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
                _write_value(sheet, row, col, value, fmt)
            row += 1
    sheet.autofilter(0, 0, max(row - 1, 1), first + len(extra) - 1)


def _by_lot(result):
    """The items valued by lot/serial number."""
    return [item for item in result.items if item.stock.lots]


#: the lots sheet's columns: (label key, width)
_LOT_COLUMNS = (
    ("product", 18),
    ("name", 36),
    ("lot", 24),
    ("quantity", 12),
    ("unit_cost", 14),
    ("acquisition_value", 16),
)


def _lots(sheet, result, text, fmt):
    """Per lot or serial number of the products valued by lot/serial number: its
    quantity and own cost; the total is the acquisition value of those products."""
    for col, (_name, width) in enumerate(_LOT_COLUMNS):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 1)
    sheet.repeat_rows(0)
    _header(sheet, 0, [text[name] for name, _width in _LOT_COLUMNS], fmt, 3)
    row, total = 1, ZERO
    for item in _by_lot(result):
        stock = item.stock
        for lot in stock.lots:
            sheet.write_string(row, 0, stock.product, fmt.text)
            sheet.write_string(row, 1, stock.name, fmt.text)
            sheet.write_string(row, 2, lot.lot, fmt.text)
            sheet.write_number(row, 3, lot.quantity, fmt.quantity)
            if lot.quantity:
                sheet.write_number(row, 4, lot.unit_cost, fmt.money)
            sheet.write_number(row, 5, lot.acquisition_value, fmt.money)
            total += lot.acquisition_value
            row += 1
    _totals(sheet, row, 1, (5,), text["total"], fmt, [total])
    sheet.autofilter(0, 0, max(row - 1, 1), len(_LOT_COLUMNS) - 1)


def _equation(sheet, result, text, fmt):
    headers = ("inventory_class", *EQUATION_FIELDS)
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, len(headers) - 1, 18)
    sheet.freeze_panes(1, 1)
    titles = [text[h] for h in headers]
    titles[headers.index("purchases")] = text["purchases_or_production"]
    _header(sheet, 0, titles, fmt, first_text=1)
    row = 1
    fields = EQUATION_FIELDS
    for cls in result.classes:
        name = class_name(text, cls.inventory_class)
        if cls.inventory_class in PRODUCED_CLASSES:
            name = f"{name} ({text['produced']})"
        sheet.write(row, 0, name, fmt.text)
        for col, name in enumerate(fields, start=1):
            sheet.write_number(row, col, getattr(cls, name), fmt.money)
        row += 1
    _totals(
        sheet,
        row,
        1,
        range(1, len(headers)),
        text["total"],
        fmt,
        [sum((getattr(c, f) for c in result.classes), ZERO) for f in fields],
    )
    sheet.write(row + 2, 0, text["equation_note"], fmt.text)


def _tax(sheet, result, text, fmt):
    sheet.set_column(0, 0, 62)
    sheet.set_column(1, 4, 20)
    country = result.options.country
    if country == "SE":
        _tax_sweden(sheet, result, text, fmt)
    elif country == "DK":
        _tax_denmark(sheet, result, text, fmt)
    else:
        _tax_per_class(sheet, result, text, fmt)


def _tax_sweden(sheet, result, text, fmt):
    sheet.write(0, 0, text["tax_se_title"], fmt.title)
    rule = result.tax_rule_97
    main, acquisition, alternative = (
        rule.main_rule_value,
        rule.acquisition_value,
        rule.alternative_value,
    )
    if rule.mode == "off":
        sheet.write(2, 0, text["rule_97_off"], fmt.text)
        start = 3
        chosen = None
    else:
        start = 2
        chosen = rule.chosen
    rows = [
        (text["acquisition_value"], acquisition),
        (text["main_rule"], main),
        (text["alternative_rule"], alternative),
    ]
    row = start
    for label, value in rows:
        sheet.write(row, 0, label, fmt.text)
        sheet.write_number(row, 1, value, fmt.money)
        row += 1
    if chosen:
        sheet.write(row, 0, text["chosen"], fmt.bold)
        sheet.write(row, 1, text[f"rule_{chosen}"], fmt.bold)
        row += 1
        sheet.write(row, 0, text["allowance"], fmt.text)
        sheet.write_number(row, 1, rule.allowance, fmt.money)
        row += 1
        sheet.write(row, 0, text["booked_as"], fmt.text)
        sheet.write(row, 1, text[f"mode_{rule.mode}"], fmt.text)


#: Norway's and Finland's tax sheet: title, the difference's name, the note
_TAX_PER_CLASS = {
    "NO": ("tax_no_title", "temporary_difference", "tax_no_note"),
    "FI": ("tax_fi_title", "difference", "tax_fi_note"),
}


def _tax_per_class(sheet, result, text, fmt):
    """Norway (sktl § 14-5) and Finland (EVL 28 §): tax value against book value
    per class."""
    title, difference, note = _TAX_PER_CLASS[result.options.country]
    _tax_table(
        sheet,
        text,
        fmt,
        (text[title], text[note]),
        ("inventory_class", "accounting_value", "tax_value", difference),
        [
            (
                class_name(text, cls.inventory_class),
                cls.closing_value,
                cls.tax_value,
                cls.temporary_difference,
            )
            for cls in result.classes
        ],
    )


def _tax_denmark(sheet, result, text, fmt):
    """Denmark (varelagerloven § 1): tax value against book value per product
    group, at the principle chosen for the group."""
    _tax_table(
        sheet,
        text,
        fmt,
        (text["tax_dk_title"], text["tax_dk_note"]),
        ("tax_group", "tax_principle", "accounting_value", "tax_value", "difference"),
        [
            (
                class_name(text, group.name),
                text[f"tax_principle_{group.principle}"],
                group.book_value,
                group.tax_value,
                group.difference,
            )
            for group in result.tax_groups
        ],
    )


def _tax_table(sheet, text, fmt, title_and_note, headers, rows):
    """A title, a table whose amounts (the last three columns) are totalled, and a
    note below."""
    title, note = title_and_note
    sheet.write(0, 0, title, fmt.title)
    first_amount = len(headers) - 3
    _header(sheet, 2, [text[h] for h in headers], fmt, first_text=first_amount)
    row = 3
    for values in rows:
        for col, value in enumerate(values):
            if col < first_amount:
                sheet.write(row, col, value, fmt.text)
            else:
                sheet.write_number(row, col, value, fmt.money)
        row += 1
    columns = range(first_amount, len(headers))
    totals = [sum((values[col] for values in rows), ZERO) for col in columns]
    _totals(sheet, row, 3, columns, text["total"], fmt, totals)
    sheet.write(row + 2, 0, note, fmt.wrap)


def methods_text(result, text):
    """The cost flow(s), each with its classes when the classes differ."""
    used = methods_used(result.options, result.classes)
    methods = [
        _with_classes(text[method], classes, text, used)
        for method, classes in used.items()
    ]
    if _by_lot(result):
        methods.append(text["lot_cost"])
    return "; ".join(methods)


def _with_classes(phrase, classes, text, used):
    if len(used) == 1:
        return phrase
    return f"{phrase} ({', '.join(class_name(text, c) for c in classes)})"


def _for_classes(sentence, classes, text, used):
    if len(used) == 1:
        return sentence
    return f"{', '.join(class_name(text, c) for c in classes)}: {sentence}"


def _principles(sheet, result, text, fmt, meta):
    options = result.options
    used = methods_used(options, result.classes)
    framework = result.framework
    sheet.set_column(0, 0, 110)
    sheet.set_column(1, 3, 18)
    valuation = (
        "principle_valuation_three"
        if framework.replacement_cost == "leg"
        else "principle_valuation"
    )
    lines = [
        (text["principles_title"], fmt.title),
        ("", fmt.text),
        (f"{text['framework']}: {text[f'framework_{framework.key}']}", fmt.text),
        (text[valuation], fmt.wrap),
        *(
            (_for_classes(text[f"principle_{method}"], classes, text, used), fmt.wrap)
            for method, classes in used.items()
        ),
    ]
    if _by_lot(result):
        lot_text = text["principle_lot"].format(sheet=text["sheet_lots"])
        lines.append((lot_text, fmt.wrap))
    lines.append((text["principle_nrv"], fmt.wrap))
    if meta.get("nrv_source"):
        lines.append((f"{text['nrv_source']}: {meta['nrv_source']}", fmt.wrap))
    if options.obsolescence_bands:
        bands = ", ".join(
            f"{b.days}: {b.percent} %" for b in options.obsolescence_bands
        )
        lines.append((f"{text['principle_obsolescence']} {bands}", fmt.wrap))
    if result.rule_97 and result.rule_97.chosen == "alternative":
        lines.append((text["principle_97"], fmt.wrap))
    if options.fixed_values:
        law = framework.fixed_value_law
        lines.append((text["principle_fixed"].format(law=law), fmt.wrap))
    for row, (line, style) in enumerate(lines):
        sheet.write(row, 0, line, style)
    if result.replacement_disclosure is not None:
        _replacement_disclosure(sheet, len(lines) + 1, result, text, fmt)


def _replacement_disclosure(sheet, row, result, text, fmt):
    """ÅRL § 89 stk. 2 / KPA 2:4 §: replacement value against cost per
    balance-sheet line (inventory account)."""
    rule = result.framework.replacement_disclosure
    title = text["disclosure_title"].format(rule=rule)
    sheet.write(row, 0, title, fmt.bold)
    headers = ("balance_sheet_line", "acquisition_value", "replacement_value")
    _header(sheet, row + 1, [text[h] for h in (*headers, "difference")], fmt)
    row += 2
    first = row
    for line in result.replacement_disclosure:
        names = ", ".join(class_name(text, c) for c in line.inventory_classes)
        sheet.write(row, 0, f"{line.inventory_account} {names}", fmt.text)
        for col, value in enumerate(
            (line.cost, line.replacement_value, line.difference), start=1
        ):
            sheet.write_number(row, col, value, fmt.money)
        row += 1
    lines = result.replacement_disclosure
    totals = [
        sum((getattr(line, name) for line in lines), ZERO)
        for name in ("cost", "replacement_value", "difference")
    ]
    _totals(sheet, row, first, (1, 2, 3), text["total"], fmt, totals)
    sheet.write(row + 1, 0, text["disclosure_note"], fmt.wrap)


def _header(sheet, row, titles, fmt, first_text=1, text_columns=()):
    sheet.set_row(row, 30)
    for col, title in enumerate(titles):
        right = col >= first_text and col not in text_columns
        sheet.write(row, col, title, fmt.header_right if right else fmt.header)


def _totals(sheet, row, first, columns, label, fmt, values):
    """A total row: SUM formulas with their values cached for readers."""
    sheet.write(row, 0, label, fmt.total_text)
    columns = list(columns)
    for col in range(1, max(columns)):
        if col not in columns:
            sheet.write_blank(row, col, None, fmt.total_text)
    for col, value in zip(columns, values, strict=True):
        top = xl_rowcol_to_cell(first, col)
        bottom = xl_rowcol_to_cell(max(row - 1, first), col)
        formula = f"=SUM({top}:{bottom})" if row > first else "=0"
        sheet.write_formula(row, col, formula, fmt.total_money, float(value))


def _as_datetime(value):
    return datetime(value.year, value.month, value.day)
