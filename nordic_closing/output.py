"""The closing as JSON (the CLI contract) and as a readable text summary."""

import json
import re
from decimal import Decimal

from .dates import format_date
from .labels import labels
from .money import round_money
from .results import EQUATION_FIELDS
from .workbook_format import class_name, methods_text

_NUMBER = re.compile(r'"\\u0000(-?[0-9.]+)"')


def _amount(value):
    """A marker that becomes a JSON number with two decimals."""
    return "\0" + format(round_money(value), "f")


def _quantity(value):
    text = format(Decimal(value).normalize(), "f") if value else "0"
    return "\0" + text


def _optional(value):
    return None if value is None else _amount(value)


def _differences(rows, names):
    """Rows of figures (``names``: {key: attribute}) and their difference."""
    return [
        {
            **{key: value(row) for key, value in names.items()},
            "difference": _amount(row.difference),
        }
        for row in rows
    ]


def to_dict(result):
    options = result.options
    rule = result.rule_97
    return {
        "country": options.country,
        "date": options.balance_date.isoformat(),
        "framework": result.framework.code,
        "method": options.method,
        "fiscal_year_start": options.fiscal_year_start.isoformat(),
        "classes": [
            {
                "inventory_class": c.inventory_class,
                "inventory_account": c.inventory_account,
                "contra_account": c.contra_account,
                "change_account": c.change_account,
                "write_down_pl_account": c.write_down_pl_account,
                "opening_value": _amount(c.opening_value),
                "purchases": _amount(c.purchases),
                "closing_acquisition_value": _amount(c.closing_acquisition_value),
                "write_down": _amount(c.write_down),
                "closing_value": _amount(c.closing_value),
                "cost_of_goods_sold": _amount(c.cost_of_goods_sold),
                "change": _amount(c.change),
                "tax_value": _amount(c.tax_value),
            }
            for c in result.classes
        ],
        "entry": [
            {
                "account": line.account,
                "debit": _amount(line.debit),
                "credit": _amount(line.credit),
                "label": line.label,
                "inventory_class": line.inventory_class,
                "step": line.step,  # acquisition_value, write_down, stock_reserve
            }
            for line in result.entry
        ],
        "rule_97": None
        if rule is None
        else {
            "main_rule_value": _amount(rule.main_rule_value),
            "alternative_value": _amount(rule.alternative_value),
            "chosen": rule.chosen,
        },
        "items": [
            {
                "product": r.stock.product,
                "inventory_class": r.stock.inventory_class,
                "quantity": _quantity(r.stock.quantity),
                "acquisition_value": _amount(r.stock.acquisition_value),
                "net_realisable_value": _optional(r.stock.net_realisable_value),
                "replacement_cost": _optional(r.stock.replacement_cost),
                "write_down": _amount(r.write_down),
                # which write-down: nrv (the selling price), replacement_cost, ...
                "reason": r.reason,
                "value": _amount(r.value),
                "tax_value": _amount(r.tax_value),
                "tax_group": r.tax_group,
            }
            for r in result.items
        ],
        "notes": list(result.notes),
        # Denmark (varelagerloven § 1)
        "tax_groups": _differences(
            result.tax_groups,
            {
                "tax_group": lambda g: g.name,
                "principle": lambda g: g.principle,
                "book_value": lambda g: _amount(g.book_value),
                "tax_value": lambda g: _amount(g.tax_value),
            },
        ),
        # ÅRL § 89 stk. 2, KPA 2:4 §
        "replacement_disclosure": None
        if result.replacement_disclosure is None
        else _differences(
            result.replacement_disclosure,
            {
                "inventory_account": lambda line: line.inventory_account,
                "inventory_classes": lambda line: list(line.inventory_classes),
                "cost": lambda line: _amount(line.cost),
                "replacement_value": lambda line: _amount(line.replacement_value),
            },
        ),
    }


def to_json(result):
    """JSON text with amounts as numbers to two decimals (never floats)."""
    text = json.dumps(to_dict(result), ensure_ascii=False, indent=1)
    return _NUMBER.sub(r"\1", text)


def _money(value):
    return f"{value:,.2f}".replace(",", " ")


def to_text(result):
    """A summary an accountant can read in a terminal, in the closing's language
    (``options.lang``): its headings are the workbook's labels (the glossary)."""
    options = result.options
    text = labels(options.lang)

    def day(value):
        return format_date(value, options.lang, options.date_format)

    out = [
        f"{text['title']} {day(options.balance_date)}  ({options.country}, "
        f"{text[f'framework_{result.framework.key}']}, {methods_text(result, text)})",
        f"{text['fiscal_year']} {day(options.fiscal_year_start)} – "
        f"{day(options.balance_date)}; {text['sheet_items']}: {len(result.items)}",
        "",
        text["sheet_equation"],
    ]
    header = (
        text["inventory_class"],
        text["accounts"],
        text["opening_value"],
        text["purchases"],
        text["closing_acquisition_value"],
        text["write_down"],
        text["closing_value"],
        text["cost_of_goods_sold"],
        text["change"],
    )
    rows = [
        (
            class_name(text, c.inventory_class),
            "/".join(result.class_accounts(c)),
            *(_money(getattr(c, f)) for f in EQUATION_FIELDS),
        )
        for c in result.classes
    ]
    totals = (
        text["total"],
        "",
        *(_money(sum(getattr(c, f) for c in result.classes)) for f in EQUATION_FIELDS),
    )
    out += _table(header, rows + [totals])
    out += _tax_text(result, text)
    out += ["", text["entry"]]
    if result.entry:
        out += _table(
            (text["account"], text["debit"], text["credit"], text["label"]),
            [
                (
                    line.account,
                    _money(line.debit) if line.debit else "",
                    _money(line.credit) if line.credit else "",
                    line.label,
                )
                for line in result.entry
            ]
            + [
                (
                    text["total"],
                    _money(result.total_debit),
                    _money(result.total_credit),
                    "",
                )
            ],
            left=1,
            last_left=True,
        )
    else:
        out.append(f"  {text['no_entry']}")
    if result.notes:
        out += ["", text["notes"]] + [f"  - {note}" for note in result.notes]
    return "\n".join(out) + "\n"


def _tax_text(result, text):
    """The tax views and the replacement disclosure of ``to_text``."""
    options, out = result.options, []
    if result.rule_97:
        rule = result.rule_97
        chosen = text[
            "rule_alternative" if rule.chosen == "alternative" else "rule_main"
        ]
        out += [
            "",
            text["tax_se_title"],
            f"  {text['main_rule']}: {_money(rule.main_rule_value)}",
            f"  {text['alternative_rule']}: {_money(rule.alternative_value)}",
            f"  {text['chosen']}: {chosen}",
        ]
    if options.country in ("NO", "FI"):
        title = text["tax_no_title" if options.country == "NO" else "tax_fi_title"]
        out += ["", title]
        out += _table(
            (
                text["inventory_class"],
                text["accounting_value"],
                text["tax_value"],
                text["temporary_difference"],
            ),
            [
                (
                    class_name(text, c.inventory_class),
                    _money(c.closing_value),
                    _money(c.tax_value),
                    _money(c.temporary_difference),
                )
                for c in result.classes
            ],
            left=1,
        )
    if result.tax_groups:
        out += ["", text["tax_dk_title"]]
        out += _table(
            (
                text["tax_group"],
                text["tax_principle"],
                text["accounting_value"],
                text["tax_value"],
                text["difference"],
            ),
            [
                (
                    class_name(text, g.name),
                    text.get(f"tax_principle_{g.principle}", g.principle),
                    _money(g.book_value),
                    _money(g.tax_value),
                    _money(g.difference),
                )
                for g in result.tax_groups
            ],
        )
    if result.replacement_disclosure is not None:
        rule = result.framework.replacement_disclosure
        out += ["", text["disclosure_title"].format(rule=rule)]
        out += _table(
            (
                text["balance_sheet_line"],
                text["classes"],
                text["acquisition_value"],
                text["replacement_value"],
                text["difference"],
            ),
            [
                (
                    line.inventory_account,
                    ", ".join(class_name(text, c) for c in line.inventory_classes),
                    _money(line.cost),
                    _money(line.replacement_value),
                    _money(line.difference),
                )
                for line in result.replacement_disclosure
            ],
        )
    return out


def _table(header, rows, left=2, last_left=False):
    """Rows under ``header``: the first ``left`` columns (and with ``last_left``
    the last, a text) to the left, the figures to the right."""
    widths = [max(len(str(r[i])) for r in (header, *rows)) for i in range(len(header))]

    def fmt(row):
        cells = [
            str(v).ljust(w)
            if i < left or last_left and i == len(row) - 1
            else str(v).rjust(w)
            for i, (v, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  " + "  ".join(cells).rstrip()

    return [fmt(header), "  " + "  ".join("-" * w for w in widths)] + [
        fmt(r) for r in rows
    ]
