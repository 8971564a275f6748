"""The workbook's tax sheet, per country: Sweden's main rule against the 97 % rule
(IL 17 kap.), Norway's and Finland's tax value against book value per class
(sktl § 14-5, EVL 28 §), Denmark's per product group (varelagerloven § 1).
"""

from .money import ZERO
from .workbook_format import class_name, header_row, total_row


def write_tax(sheet, result, text, fmt):
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
    header_row(sheet, 2, [text[h] for h in headers], fmt, first_text=first_amount)
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
    total_row(sheet, row, 3, columns, text["total"], fmt, totals)
    sheet.write(row + 2, 0, note, fmt.wrap)
