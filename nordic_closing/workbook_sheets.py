"""The workbook's sheets of figures: the summary with the entry, the items post
för post / post for post, the lots and serial numbers of the items valued by
lot/serial number, and the stock equation per class.
"""

from .frameworks import COUNTRY
from .labels import entry_label
from .money import ZERO
from .results import EQUATION_FIELDS
from .stock import PRODUCED_CLASSES
from .workbook_format import (
    as_datetime,
    by_lot,
    class_name,
    header_row,
    methods_text,
    total_row,
    write_value,
)


def write_summary(sheet, result, text, fmt, meta):
    """The summary: the closing's facts, the classes, the entry and the notes."""
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 66)
    sheet.set_column(2, 5, 16)
    sheet.write(0, 0, text["title"], fmt.title)
    row = _summary_facts(sheet, 2, result, text, fmt, meta)
    row = _summary_classes(sheet, row + 1, result, text, fmt)
    row = _summary_entry(sheet, row + 2, result, text, fmt, meta)
    if result.notes:
        row += 1
        sheet.write(row, 0, text["notes"], fmt.bold)
        row += 1
        for note in result.notes:
            sheet.write(row, 0, note, fmt.text)
            row += 1


def _summary_facts(sheet, row, result, text, fmt, meta):
    """The closing's facts from ``row`` on; returns the row after them."""
    options = result.options
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
            sheet.write_datetime(row, 1, as_datetime(value), fmt.date)
        else:
            sheet.write(row, 1, value, fmt.text)
        row += 1
    return row


def _summary_classes(sheet, row, result, text, fmt):
    """The classes' values and their total from ``row`` on; returns the total's
    row."""
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
    header_row(sheet, row, [text[h] for h in headers], fmt, first_text=2)
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
    total_row(
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
    return row


def _summary_entry(sheet, row, result, text, fmt, meta):
    """The entry's lines and totals from ``row`` on; returns the row after them."""
    sheet.write(row, 0, text["entry"], fmt.bold)
    row += 1
    if not result.entry:
        sheet.write(row, 0, text["no_entry"], fmt.text)
        row += 1
    else:
        header_row(
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
        total_row(
            sheet,
            row,
            first,
            (2, 3),
            text["total"],
            fmt,
            [result.total_debit, result.total_credit],
        )
        row += 1
    return row


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


def write_items(sheet, result, text, fmt, meta):
    """The item sheet: each item's figures, then the columns other addons add
    (``meta["item_columns"]``: ``((title, values), ...)``, values by item)."""
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
    header_row(
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
            write_value(sheet, row, index, values[row - 1], fmt)
        totals[0] += stock.acquisition_value
        totals[1] += item.write_down
        totals[2] += item.value
        row += 1
    total_row(sheet, row, 1, [col[n] for n in summed], text["total"], fmt, totals)
    sheet.autofilter(0, 0, max(row - 1, 1), len(headers) + len(extra) - 1)


#: the lots sheet's columns: (label key, width)
_LOT_COLUMNS = (
    ("product", 18),
    ("name", 36),
    ("lot", 24),
    ("quantity", 12),
    ("unit_cost", 14),
    ("acquisition_value", 16),
)


def write_lots(sheet, result, text, fmt):
    """Per lot or serial number of the products valued by lot/serial number: its
    quantity and own cost; the total is the acquisition value of those products."""
    for col, (_name, width) in enumerate(_LOT_COLUMNS):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 1)
    sheet.repeat_rows(0)
    header_row(sheet, 0, [text[name] for name, _width in _LOT_COLUMNS], fmt, 3)
    row, total = 1, ZERO
    for item in by_lot(result):
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
    total_row(sheet, row, 1, (5,), text["total"], fmt, [total])
    sheet.autofilter(0, 0, max(row - 1, 1), len(_LOT_COLUMNS) - 1)


def write_equation(sheet, result, text, fmt):
    headers = ("inventory_class", *EQUATION_FIELDS)
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, len(headers) - 1, 18)
    sheet.freeze_panes(1, 1)
    titles = [text[h] for h in headers]
    titles[headers.index("purchases")] = text["purchases_or_production"]
    header_row(sheet, 0, titles, fmt, first_text=1)
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
    total_row(
        sheet,
        row,
        1,
        range(1, len(headers)),
        text["total"],
        fmt,
        [sum((getattr(c, f) for c in result.classes), ZERO) for f in fields],
    )
    sheet.write(row + 2, 0, text["equation_note"], fmt.text)
