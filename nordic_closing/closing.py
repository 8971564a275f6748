"""The year-end closing: write-downs (Finland: the lowest of three), the 97 % rule,
fixed values, the K1 threshold, the stock equation per class, the tax view (Denmark:
per product group) and the change-in-inventory entry.

``compute_closing`` takes plain values (items already valued at the balance date,
ledger balances, options) and returns plain values; it reads no file and no
database. The rules are described in ``docs/valuation_rules.md``.

This module holds the options (``ClosingOptions``) and the order in which the
steps run; the steps are by topic: the item rules in ``rules.py`` (lowest value,
obsolescence, fixed values, the 97 % rule, K1), the class totals in ``classes.py``,
the tax view in ``tax.py``, the entry in ``entry.py``, and what is returned in
``results.py`` (re-exported here).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .classes import add_ledger_classes, class_totals, replacement_lines
from .entry import book_reserve, entry_lines
from .errors import ClosingError
from .frameworks import (
    INVENTORY_CLASSES,
    STOCK_RESERVE,
    check_collective,
    check_fixed_value_tolerance,
    check_rule_97,
    get_framework,
)
from .methods import METHOD_ORDER, methods_named, methods_used
from .money import ZERO
from .reference import chart_accounts
from .results import (
    EQUATION_FIELDS,
    RATE_97,
    ClassResult,
    ClosingResult,
    EntryLine,
    ItemResult,
    ItemTotals,
    ReplacementLine,
    Rule97,
    TaxGroup,
)
from .rules import (
    apply_fixed_values,
    apply_k1,
    apply_rule_97,
    item_write_downs,
    values_from_totals,
)
from .tax import tax_bases, tax_groups, tax_principles

__all__ = [
    "EQUATION_FIELDS",
    "METHOD_ORDER",
    "RATE_97",
    "ClassResult",
    "ClosingOptions",
    "ClosingResult",
    "EntryLine",
    "ItemResult",
    "ItemTotals",
    "ObsolescenceBand",
    "ReplacementLine",
    "Rule97",
    "TaxGroup",
    "compute_closing",
    "default_fiscal_year_start",
    "format_bands",
    "items_valued_apart",
    "methods_named",
    "methods_used",
]


@dataclass(frozen=True)
class ObsolescenceBand:
    """Write down ``percent`` of AV once the item has not moved for ``days``."""

    days: int
    percent: Decimal


def format_bands(bands):
    """Obsolescence bands as ``inputs.parse_bands`` reads them: ``365:50,730:100``."""
    return ",".join(f"{band.days}:{band.percent.normalize():f}" for band in bands)


@dataclass
class ClosingOptions:
    country: str  # NO, SE, DK, FI
    balance_date: date
    framework: str | None = None  # K1, K2, K3, IFRS, NGAAP, NGAAP_SMALL, B, C, FAS, PMA
    method: str = "fifo"
    # {inventory_class: fifo, average or standard} where a class differs from method
    class_methods: dict = field(default_factory=dict)
    # {inventory_class: (fifo, average, ...)} where a class's products use several
    # methods (Odoo: categories of one class with different costing methods); the
    # principles and notes name each
    class_method_mix: dict = field(default_factory=dict)
    fiscal_year_start: date | None = None
    rule_97: str = "off"  # off, contra, reserve (Sweden)
    obsolescence_bands: tuple = ()
    # {inventory_class: carried fixed value} (ÅRL 4:12, KPL 5:6 § 3 mom.)
    fixed_values: dict = field(default_factory=dict)
    fixed_value_origin: dict = field(default_factory=dict)  # {class: (source, row)}
    # Finland: the company's tolerance of a fixed value, in percent (no default)
    fixed_value_tolerance: Decimal | None = None
    k1_recognise: bool = False
    # {role: ClassAccounts}; default: the mapping of the framework's chart
    accounts: dict | None = None
    lang: str = "en"  # of the entry's texts (en, nb, sv, da, fi)
    # strftime pattern of the entry's dates; default: the language's (dates.py)
    date_format: str | None = None
    # {inventory account without a contra account: the write-down of the previous
    # posted closing that its ledger balance includes (positive)} (Finland)
    previous_write_downs: dict = field(default_factory=dict)
    previous_write_down_origin: dict = field(default_factory=dict)  # {account: ...}
    # Denmark: {product group (ItemStock.tax_group): dagspris, purchase_price or
    # manufacturing_price} (varelagerloven § 1); a group not named: its cost
    tax_principles: dict = field(default_factory=dict)
    tax_principle_origin: dict = field(default_factory=dict)  # {group: (source, row)}
    # Denmark: an item of a dagspris group without its dagspris is refused (True),
    # or valued for tax at cost with a note naming it, to be entered (False: a
    # closing being prepared in Odoo, where the dagspris is entered on its lines)
    require_dagspris: bool = True

    def __post_init__(self):
        if self.fiscal_year_start is None:
            self.fiscal_year_start = default_fiscal_year_start(self.balance_date)


def default_fiscal_year_start(balance_date):
    """The day after the same date one year earlier (twelve months ending there)."""
    year, month = balance_date.year - 1, balance_date.month
    try:
        previous = balance_date.replace(year=year)
    except ValueError:  # 29 February
        previous = date(year, month, 28)
    return date.fromordinal(previous.toordinal() + 1)


def compute_closing(items, options, ledger=None, kept=None, totals=()):
    """Value ``items`` (``ItemStock``) and book them against ``ledger``.

    ``ledger`` is ``{account code: balance}`` before the closing (debit positive).
    Without it, the ledger is taken to hold the opening values: each inventory
    account the opening AV of its classes, contra accounts and reserve 0.

    ``kept``: ``{index of an item: (write_down, reason)}`` from an earlier run with
    the same options, for the items whose inputs did not change (e.g. all but the
    one whose NRV was entered): they keep that valuation and only the others, their
    classes and the entry are computed again. Where a rule values every item from
    the totals (fixed values, the 97 % rule, the K1 threshold) every item is
    valued again.

    ``totals``: the other items of the closing, valued earlier and unchanged since,
    as ``ItemTotals`` per class and accounts: ``items`` are then only the changed
    ones, and the classes, disclosures and entry are those of all. Only where
    ``items_valued_apart(options)``; refused otherwise.
    """
    framework = get_framework(options.country, options.framework)
    if totals and (
        not items_valued_apart(options) or any(i.valuation_group for i in items)
    ):
        raise ClosingError(
            "the items cannot be valued apart from the others here (a rule or a "
            "group values them together, or the tax view names items): value them "
            "all"
        )
    if options.method not in ("fifo", "average"):
        raise ClosingError(
            f"unknown cost flow {options.method!r}: choose fifo or average "
            "(LIFO is not allowed, ÅRL 4:11)",
            source="--method",
        )
    check_rule_97(framework, options.rule_97)
    check_fixed_value_tolerance(framework, options.fixed_value_tolerance)
    accounts = options.accounts or chart_accounts(framework.chart_template)
    results = [ItemResult(item) for item in items]
    _check_items(framework, results, accounts)
    principles = tax_principles(framework, options, results)

    if kept and not values_from_totals(framework, options):
        to_value = _keep_valued(results, kept)
    else:
        to_value = results
    item_write_downs(
        to_value,
        options.obsolescence_bands,
        options.balance_date,
        framework.replacement_cost == "leg",
    )
    notes = []
    tax_bases(framework, options, results, principles, notes)
    classes = class_totals(framework, results, accounts, totals)
    apply_fixed_values(framework, options, classes, results, notes)
    rule_97 = apply_rule_97(framework, options, classes, results, notes)
    k1 = apply_k1(framework, options, classes, results, notes)
    _check_previous_write_downs(options, classes, accounts)

    ledger_given = ledger is not None
    ledger = dict(ledger) if ledger_given else _opening_ledger(options, classes)
    add_ledger_classes(classes, ledger, accounts, options.previous_write_downs)
    ordered = sorted(
        classes.values(),
        key=lambda c: (INVENTORY_CLASSES.index(c.inventory_class), c.inventory_account),
    )
    entry = entry_lines(options, ordered, ledger)

    reserve = accounts.get(STOCK_RESERVE) if framework.country == "SE" else None
    result = ClosingResult(
        options=options,
        framework=framework,
        items=results,
        classes=ordered,
        entry=entry,
        rule_97=rule_97,
        ledger=ledger,
        ledger_given=ledger_given,
        reserve_accounts=reserve,
        k1=k1,
        notes=notes,
        item_totals=tuple(totals),
    )
    if framework.tax_value == "principle":
        result.tax_groups = tax_groups(options, results, principles, notes)
    if framework.replacement_disclosure:
        result.replacement_disclosure = replacement_lines(ordered)
    book_reserve(options, result, ledger)
    return result


def _keep_valued(results, kept):
    """Give the items of ``kept`` (``{index: (write_down, reason)}``) their earlier
    valuation; returns the others (and every item of a group with one of them),
    cleared, to be valued again."""
    for index, (write_down, reason) in kept.items():
        results[index].write_down, results[index].reason = write_down, reason
    # a group is tested as one: all its items again when one of them changed
    groups = {
        r.stock.valuation_group
        for index, r in enumerate(results)
        if index not in kept and r.stock.valuation_group
    }
    to_value = [
        r
        for index, r in enumerate(results)
        if index not in kept or r.stock.valuation_group in groups
    ]
    for result in to_value:
        result.write_down, result.reason = ZERO, ""
    return to_value


def _opening_ledger(options, classes):
    """The ledger taken when none is given: each inventory account holds the
    opening AV of its classes less a previous write-down; contra accounts and the
    reserve 0."""
    ledger = {}
    for cls in classes.values():
        account = cls.inventory_account
        ledger[account] = ledger.get(account, ZERO) + cls.computed_opening_value
    for account, previous in options.previous_write_downs.items():
        ledger[account] = ledger.get(account, ZERO) - previous
    return ledger


def _check_items(framework, results, accounts):
    for result in results:
        item = result.stock
        if item.inventory_class not in INVENTORY_CLASSES:
            raise ClosingError(
                f"product {item.product}: unknown inventory class "
                f"{item.inventory_class!r}; choose one of "
                f"{', '.join(INVENTORY_CLASSES)}",
                *item.origin.get("inventory_class", (None, None)),
                field="inventory_class",
            )
        if item.accounts is None and item.inventory_class not in accounts:
            raise ClosingError(
                f"no accounts are mapped for inventory class {item.inventory_class} "
                f"(product {item.product}); complete the account mapping"
            )
        for name, text in (
            ("net_realisable_value", "net realisable value"),
            ("replacement_cost", "replacement cost"),
        ):
            amount = getattr(item, name)
            if amount is not None and amount < 0:
                raise ClosingError(
                    f"product {item.product}: the {text} may not be negative",
                    *item.origin.get(name, (None, None)),
                    field=name,
                )
        if item.replacement_cost is not None and not framework.replacement_cost:
            raise ClosingError(
                f"product {item.product}: {framework.replacement_cost_refusal}",
                *item.origin.get("replacement_cost", (None, None)),
                field="replacement_cost",
            )
        if item.valuation_group:
            try:
                check_collective(framework)
            except ClosingError as error:
                raise error.located(
                    *item.origin.get("valuation_group", (None, None)),
                    field="valuation_group",
                ) from None


def items_valued_apart(options):
    """Whether an item's value depends on its own figures only, so that a change
    of some items (an NRV entered) can be valued without reading the others: no
    rule values the items from the totals (fixed values, the 97 % rule, the K1
    threshold), and no tax view names items (Denmark's product groups)."""
    framework = get_framework(options.country, options.framework)
    return (
        not values_from_totals(framework, options)
        and framework.tax_value != "principle"
    )


def _check_previous_write_downs(options, classes, accounts):
    """A previous write-down belongs to an inventory account without a contra
    account (Finland), where the write-down is booked on the stock itself."""
    on_stock = {
        acc.balance_account
        for role, acc in accounts.items()
        if role in INVENTORY_CLASSES and not acc.contra_account
    } | {c.inventory_account for c in classes.values() if not c.contra_account}
    for account, amount in options.previous_write_downs.items():
        origin = options.previous_write_down_origin.get(account, (None, None))
        if amount < 0:
            raise ClosingError(
                f"account {account}: a previous write-down is positive (the amount "
                "by which last year's closing wrote the stock down)",
                *origin,
                field="previous_write_down",
            )
        if amount and account not in on_stock:
            raise ClosingError(
                f"account {account} is not the inventory account of a class without "
                "a contra account: a previous write-down is given only where the "
                "write-down is booked on the stock account itself (Finland); a "
                "contra account holds its own",
                *origin,
                field="previous_write_down",
            )
