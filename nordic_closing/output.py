"""The closing as JSON (the CLI contract) and as a readable text summary."""

import json
import re
from decimal import Decimal

from .closing import EQUATION_FIELDS
from .money import round_money

_NUMBER = re.compile(r'"\\u0000(-?[0-9.]+)"')


def _amount(value):
    """A marker that becomes a JSON number with two decimals."""
    return "\0" + format(round_money(value), "f")


def _quantity(value):
    text = format(Decimal(value).normalize(), "f") if value else "0"
    return "\0" + text


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
                "opening_value": _amount(c.opening_value),
                "purchases": _amount(c.purchases),
                "closing_acquisition_value": _amount(c.closing_acquisition_value),
                "write_down": _amount(c.write_down),
                "closing_value": _amount(c.closing_value),
                "cost_of_goods_sold": _amount(c.cost_of_goods_sold),
                "change": _amount(c.change),
            }
            for c in result.classes
        ],
        "entry": [
            {
                "account": line.account,
                "debit": _amount(line.debit),
                "credit": _amount(line.credit),
                "label": line.label,
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
                "net_realisable_value": None
                if r.stock.net_realisable_value is None
                else _amount(r.stock.net_realisable_value),
                "write_down": _amount(r.write_down),
                "value": _amount(r.value),
            }
            for r in result.items
        ],
        "notes": list(result.notes),
    }


def to_json(result):
    """JSON text with amounts as numbers to two decimals (never floats)."""
    text = json.dumps(to_dict(result), ensure_ascii=False, indent=1)
    return _NUMBER.sub(r"\1", text)


def _money(value):
    return f"{value:,.2f}".replace(",", " ")


def to_text(result):
    """A summary an accountant can read in a terminal."""
    options = result.options
    out = [
        f"Inventory closing {options.balance_date.isoformat()}  "
        f"({options.country}, {result.framework.label}, {options.method.upper()})",
        f"Fiscal year {options.fiscal_year_start.isoformat()} to "
        f"{options.balance_date.isoformat()}; {len(result.items)} items",
        "",
        "Stock equation per class",
    ]
    header = (
        "class",
        "accounts",
        "opening",
        "purchases",
        "closing AV",
        "write-down",
        "closing",
        "COGS",
        "change",
    )
    rows = [
        (
            c.inventory_class,
            f"{c.inventory_account}/{c.contra_account}/{c.change_account}",
            *(_money(getattr(c, f)) for f in EQUATION_FIELDS),
        )
        for c in result.classes
    ]
    totals = (
        "total",
        "",
        *(_money(sum(getattr(c, f) for c in result.classes)) for f in EQUATION_FIELDS),
    )
    out += _table(header, rows + [totals])
    if result.rule_97:
        rule = result.rule_97
        out += [
            "",
            "Swedish 97 % rule (IL 17:4)",
            f"  main rule (lowest value, IL 17:3): {_money(rule.main_rule_value)}",
            f"  alternative (97 % of {_money(rule.acquisition_value)}): "
            f"{_money(rule.alternative_value)}",
            f"  chosen: {rule.chosen} ({rule.mode})",
        ]
    if options.country == "NO":
        out += ["", "Tax value (sktl § 14-5) and temporary difference"]
        out += _table(
            ("class", "accounting value", "tax value", "temporary difference"),
            [
                (
                    c.inventory_class,
                    _money(c.closing_value),
                    _money(c.tax_value),
                    _money(c.temporary_difference),
                )
                for c in result.classes
            ],
        )
    out += ["", "Entry"]
    if result.entry:
        out += _table(
            ("account", "debit", "credit", "label"),
            [
                (
                    line.account,
                    _money(line.debit) if line.debit else "",
                    _money(line.credit) if line.credit else "",
                    line.label,
                )
                for line in result.entry
            ]
            + [("total", _money(result.total_debit), _money(result.total_credit), "")],
        )
    else:
        out.append("  nothing to book: the ledger already shows the closing values")
    if result.notes:
        out += ["", "Notes"] + [f"  - {note}" for note in result.notes]
    return "\n".join(out) + "\n"


def _table(header, rows):
    widths = [max(len(str(r[i])) for r in (header, *rows)) for i in range(len(header))]

    def fmt(row):
        cells = [
            str(v).ljust(w)
            if i in (0, 1) or i == len(row) - 1 and header[-1] == "label"
            else str(v).rjust(w)
            for i, (v, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  " + "  ".join(cells).rstrip()

    return [fmt(header), "  " + "  ".join("-" * w for w in widths)] + [
        fmt(r) for r in rows
    ]
