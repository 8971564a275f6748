"""The workbook's principles sheet: the accounting principles for the note on
inventories, and the replacement value against cost per balance-sheet line
(ÅRL § 89 stk. 2, KPA 2:4 §) where the framework asks for it.
"""

from .methods import methods_used
from .money import ZERO
from .workbook_format import by_lot, class_name, header_row, total_row


def _for_classes(sentence, classes, text, used):
    if len(used) == 1:
        return sentence
    return f"{', '.join(class_name(text, c) for c in classes)}: {sentence}"


def write_principles(sheet, result, text, fmt, meta):
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
    if by_lot(result):
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
    header_row(sheet, row + 1, [text[h] for h in (*headers, "difference")], fmt)
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
    total_row(sheet, row, first, (1, 2, 3), text["total"], fmt, totals)
    sheet.write(row + 1, 0, text["disclosure_note"], fmt.wrap)
