"""What the workbook's sheets share: number formats, the cell formats
(``Formats``), the header and total rows, and the names of classes and cost methods.
"""

from datetime import date, datetime

from xlsxwriter.utility import xl_rowcol_to_cell

from .dates import ISO_DATE
from .methods import methods_used

MONEY = "#,##0.00;-#,##0.00"
#: debit, credit and write-down columns: a zero stays empty, as on a printed ledger
MONEY_BLANK_ZERO = "#,##0.00;-#,##0.00;;@"
QUANTITY = "#,##0.####"


def _excel_date_format(date_format):
    """An Excel number format for the strftime pattern ``date_format`` (day,
    month and year: the patterns of the Nordic languages and ISO 8601)."""
    excel = date_format
    for directive, code in (("%d", "dd"), ("%m", "mm"), ("%Y", "yyyy"), ("%y", "yy")):
        excel = excel.replace(directive, code)
    return excel


class Formats:
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


def class_name(text, inventory_class):
    return text.get(inventory_class, inventory_class)


def by_lot(result):
    """The items valued by lot/serial number."""
    return [item for item in result.items if item.stock.lots]


def methods_text(result, text):
    """The cost flow(s), each with its classes when the classes differ."""
    used = methods_used(result.options, result.classes)
    methods = [
        _with_classes(text[method], classes, text, used)
        for method, classes in used.items()
    ]
    if by_lot(result):
        methods.append(text["lot_cost"])
    return "; ".join(methods)


def _with_classes(phrase, classes, text, used):
    if len(used) == 1:
        return phrase
    return f"{phrase} ({', '.join(class_name(text, c) for c in classes)})"


def header_row(sheet, row, titles, fmt, first_text=1, text_columns=()):
    sheet.set_row(row, 30)
    for col, title in enumerate(titles):
        right = col >= first_text and col not in text_columns
        sheet.write(row, col, title, fmt.header_right if right else fmt.header)


def total_row(sheet, row, first, columns, label, fmt, values):
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


def as_datetime(value):
    return datetime(value.year, value.month, value.day)


def write_value(sheet, row, col, value, fmt):
    """A value of an added column: text, a day or a number; None: left blank."""
    if value is None or value == "":
        return
    if isinstance(value, str):
        sheet.write_string(row, col, value, fmt.text)
    elif isinstance(value, date):
        sheet.write_datetime(row, col, as_datetime(value), fmt.date)
    else:
        sheet.write_number(row, col, value, fmt.quantity)
