"""The year-end closing: write-downs (Finland: the lowest of three), the 97 % rule,
fixed values, the K1 threshold, the stock equation per class, the tax view (Denmark:
per product group) and the change-in-inventory entry.

``compute_closing`` takes plain values (items already valued at the balance date,
ledger balances, options) and returns plain values; it reads no file and no
database. The rules are described in ``docs/valuation_rules.md``.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .dates import date_format_of
from .errors import ClosingError
from .frameworks import (
    FIXED_VALUE_BAND,
    INVENTORY_CLASSES,
    STOCK_RESERVE,
    TAX_PRINCIPLES,
    check_collective,
    check_fixed_value,
    check_fixed_value_tolerance,
    check_rule_97,
    get_framework,
)
from .labels import entry_label, format_amount, labels
from .money import ZERO, allocate, percent, round_money
from .reference import chart_accounts, k1_threshold
from .valuation import PRODUCED_CLASSES

RATE_97 = Decimal("0.97")
#: the cost methods in the order the principles name them
METHOD_ORDER = ("fifo", "average", "standard")
#: The stock equation of a class, in the order accountants read it.
EQUATION_FIELDS = (
    "opening_value",
    "purchases",
    "closing_acquisition_value",
    "write_down",
    "closing_value",
    "cost_of_goods_sold",
    "change",
)


@dataclass(frozen=True)
class ObsolescenceBand:
    """Write down ``percent`` of AV once the item has not moved for ``days``."""

    days: int
    percent: Decimal


def methods_used(options, classes):
    """``{method: [inventory classes]}`` of the classes valued, in their order; a
    class whose products use several methods (``class_method_mix``) under each."""
    used = {}
    for cls in classes:
        for method in class_methods_of(options, cls.inventory_class):
            if cls.inventory_class not in used.setdefault(method, []):
                used[method].append(cls.inventory_class)
    return used or {options.method: []}


def class_methods_of(options, inventory_class):
    """The cost methods the products of ``inventory_class`` use."""
    return options.class_method_mix.get(inventory_class) or (
        options.class_methods.get(inventory_class, options.method),
    )


def methods_named(text, used, sentence=True):
    """``{method: [inventory classes]}`` as ``text`` (``labels``) writes it, in a
    sentence: "weighted average (Raw materials and consumables)"."""

    def name(method):
        word = text[method]
        if not sentence or word[1:2].isupper():
            return word
        return word[:1].lower() + word[1:]

    return "; ".join(
        f"{name(method)} ({', '.join(text.get(c, c) for c in classes)})"
        if classes
        else name(method)
        for method, classes in used.items()
    )


def _products_named(text, products, shown=10):
    """At most ``shown`` products by name, then how many more."""
    listed = ", ".join(products[:shown])
    if len(products) <= shown:
        return listed
    return text["note_and_more"].format(list=listed, count=len(products) - shown)


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


@dataclass(slots=True)
class ItemResult:
    stock: object  # ItemStock
    write_down: Decimal = ZERO
    # nrv (the selling price won), replacement_cost (Finland: the replacement cost
    # won), obsolescence, group, fixed_value, k1
    reason: str = ""
    # what the tax value is: cost (Norway, Sweden), book (Finland), dagspris or
    # purchase_price / manufacturing_price (Denmark, the item's group's principle)
    tax_basis: str = "cost"
    tax_group: str = ""  # Denmark: the product group of the tax view

    @property
    def value(self):
        return self.stock.acquisition_value - self.write_down

    @property
    def replacement_value(self):
        """Quantity × replacement cost; the acquisition value where none is given."""
        if self.stock.replacement_cost is None:
            return self.stock.acquisition_value
        return round_money(self.stock.quantity * self.stock.replacement_cost)

    @property
    def tax_value(self):
        """Norway (sktl § 14-5) and Denmark at purchase or manufacturing price: cost,
        no deduction for write-downs; Denmark at dagspris: quantity × dagspris;
        Finland (EVL 28 §): the book value."""
        if self.tax_basis == "book":
            return self.value
        if self.tax_basis == "dagspris":
            return self.replacement_value
        return self.stock.acquisition_value


@dataclass(slots=True)
class ItemTotals:
    """Items valued by an earlier run and unchanged since, summed per inventory
    class and accounts: what the class summary, the replacement disclosure and the
    entry need of them when only other items are valued again
    (``compute_closing(..., totals=...)``; see ``items_valued_apart``). Amounts are
    the items' as stored: acquisition value, write-down and tax value of each item
    rounded to 0.01; the replacement value is quantity × replacement cost rounded
    to 0.01, or the acquisition value where the item has none
    (``ItemResult.replacement_value``)."""

    inventory_class: str
    accounts: object | None = None  # ClassAccounts; None: the class's
    item_count: int = 0
    acquisition_value: Decimal = ZERO
    opening_value: Decimal = ZERO
    purchases: Decimal = ZERO
    write_down: Decimal = ZERO
    tax_value: Decimal = ZERO
    replacement_value: Decimal = ZERO


@dataclass
class ClassResult:
    inventory_class: str
    inventory_account: str
    contra_account: str  # "": the write-down is booked on the inventory account
    change_account: str
    write_down_pl_account: str = ""  # of the write-down step (default: the change)
    actual_acquisition_value: Decimal = ZERO  # Σ item AV
    closing_acquisition_value: Decimal = ZERO  # what the balance sheet carries
    write_down: Decimal = ZERO  # item write-downs + booked 3 %
    write_down_97: Decimal = ZERO
    computed_opening_value: Decimal = ZERO  # from the stock ledger
    opening_value: Decimal = ZERO  # from the general ledger
    purchases: Decimal = ZERO
    fixed_value: Decimal | None = None
    item_count: int = 0
    tax_basis: str = "cost"  # cost, book or items (the sum of the items' tax values)
    items_tax_value: Decimal = ZERO
    replacement_value: Decimal = ZERO  # Σ item replacement values

    def __post_init__(self):
        self.write_down_pl_account = self.write_down_pl_account or self.change_account

    @property
    def closing_value(self):
        return self.closing_acquisition_value - self.write_down

    @property
    def cost_of_goods_sold(self):
        return self.opening_value + self.purchases - self.closing_value

    @property
    def change(self):
        return self.closing_value - self.opening_value

    @property
    def tax_value(self):
        """Norway (sktl § 14-5): cost, no deduction for write-downs; Finland
        (EVL 28 §): the book value; Denmark: the items' (varelagerloven § 1)."""
        if self.tax_basis == "book":
            return self.closing_value
        if self.tax_basis == "items":
            return self.items_tax_value
        return self.closing_acquisition_value

    @property
    def temporary_difference(self):
        return self.tax_value - self.closing_value


@dataclass
class Rule97:
    mode: str  # contra or reserve
    main_rule_value: Decimal
    acquisition_value: Decimal
    alternative_value: Decimal
    chosen: str  # main or alternative

    @property
    def allowance(self):
        """The 3 % booked when the alternative is chosen."""
        if self.chosen != "alternative":
            return ZERO
        return self.acquisition_value - self.alternative_value


@dataclass
class TaxGroup:
    """Denmark (varelagerloven § 1): a product group's tax value at the principle
    the company chose for it this year, against its book value."""

    name: str
    principle: str  # dagspris, purchase_price, manufacturing_price
    book_value: Decimal = ZERO
    tax_value: Decimal = ZERO
    item_count: int = 0

    @property
    def difference(self):
        return self.tax_value - self.book_value


@dataclass
class ReplacementLine:
    """A balance-sheet line (an inventory account) of the disclosure of the
    replacement value against cost (ÅRL § 89 stk. 2, KPA 2:4 §)."""

    inventory_account: str
    inventory_classes: tuple
    cost: Decimal = ZERO
    replacement_value: Decimal = ZERO

    @property
    def difference(self):
        return self.replacement_value - self.cost


@dataclass
class EntryLine:
    account: str
    debit: Decimal
    credit: Decimal
    label: str
    inventory_class: str  # or stock_reserve
    step: str  # acquisition_value, write_down, stock_reserve

    @property
    def balance(self):
        return self.debit - self.credit


@dataclass
class ClosingResult:
    options: ClosingOptions
    framework: object
    items: list
    classes: list
    entry: list
    rule_97: Rule97 | None
    ledger: dict  # {account: balance before the closing}
    ledger_given: bool
    reserve_accounts: object | None = None
    reserve_opening: Decimal = ZERO
    reserve_target: Decimal = ZERO
    k1: dict | None = None
    notes: list = field(default_factory=list)
    # Denmark: the tax view per product group (varelagerloven § 1); else empty
    tax_groups: list = field(default_factory=list)
    # ÅRL § 89 stk. 2 (Denmark C), KPA 2:4 § (Finland FAS): per balance-sheet line;
    # None where the framework asks for no such disclosure
    replacement_disclosure: list | None = None
    # the unchanged items given as totals (ItemTotals), not in ``items``
    item_totals: tuple = ()

    @property
    def acquisition_value(self):
        return sum((c.closing_acquisition_value for c in self.classes), ZERO)

    @property
    def tax_rule_97(self):
        """Sweden's tax view, the main rule (IL 17:3) against the 97 % rule
        (IL 17:4): the rule booked when the closing uses it, else the same
        comparison for the tax return (mode ``off``); None outside Sweden."""
        if self.rule_97 is not None or self.options.country != "SE":
            return self.rule_97
        main = sum((i.value for i in self.items), ZERO) + sum(
            (t.acquisition_value - t.write_down for t in self.item_totals), ZERO
        )
        acquisition = sum((i.stock.acquisition_value for i in self.items), ZERO) + sum(
            (t.acquisition_value for t in self.item_totals), ZERO
        )
        alternative = round_money(acquisition * RATE_97)
        chosen = "alternative" if alternative < main else "main"
        return Rule97("off", main, acquisition, alternative, chosen)

    @property
    def closing_value(self):
        return sum((c.closing_value for c in self.classes), ZERO)

    @property
    def write_down(self):
        return sum((c.write_down for c in self.classes), ZERO)

    @property
    def total_debit(self):
        return sum((line.debit for line in self.entry), ZERO)

    @property
    def total_credit(self):
        return sum((line.credit for line in self.entry), ZERO)

    @property
    def own_write_down_pl_accounts(self):
        """Whether a class books its write-down on its own P&L account (Denmark,
        Finland) rather than on its change account."""
        return any(c.write_down_pl_account != c.change_account for c in self.classes)

    def class_accounts(self, cls):
        """The accounts shown for ``cls``: inventory, contra ("–" where the
        write-down is booked on the inventory account) and change account, and the
        write-down P&L account where classes have their own."""
        accounts = (
            cls.inventory_account,
            cls.contra_account or "–",
            cls.change_account,
            cls.write_down_pl_account,
        )
        return accounts if self.own_write_down_pl_accounts else accounts[:3]

    def net_by_account(self):
        net = {}
        for line in self.entry:
            net[line.account] = net.get(line.account, ZERO) + line.balance
        return net


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
    tax_principles = _tax_principles(framework, options, results)

    if kept and not _values_from_totals(framework, options):
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
    else:
        to_value = results
    _item_write_downs(
        to_value,
        options.obsolescence_bands,
        options.balance_date,
        framework.replacement_cost == "leg",
    )
    notes = []
    _tax_bases(framework, options, results, tax_principles, notes)
    classes = _class_totals(framework, results, accounts, totals)
    _apply_fixed_values(framework, options, classes, results, notes)
    rule_97 = _apply_rule_97(framework, options, classes, results, notes)
    k1 = _apply_k1(framework, options, classes, results, notes)
    _check_previous_write_downs(options, classes, accounts)

    ledger_given = ledger is not None
    ledger = dict(ledger or {})
    if not ledger_given:
        for cls in classes.values():
            account = cls.inventory_account
            ledger[account] = ledger.get(account, ZERO) + cls.computed_opening_value
        for account, previous in options.previous_write_downs.items():
            ledger[account] = ledger.get(account, ZERO) - previous
    _add_ledger_classes(classes, ledger, accounts, options.previous_write_downs)
    ordered = sorted(
        classes.values(),
        key=lambda c: (INVENTORY_CLASSES.index(c.inventory_class), c.inventory_account),
    )
    entry = _entry(options, ordered, ledger)

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
        result.tax_groups = _tax_groups(options, results, tax_principles, notes)
    if framework.replacement_disclosure:
        result.replacement_disclosure = _replacement_lines(ordered)
    _reserve(options, result, ledger)
    return result


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
        not _values_from_totals(framework, options)
        and framework.tax_value != "principle"
    )


def _values_from_totals(framework, options):
    """Whether a rule sets the items' values from the totals of all of them."""
    return bool(
        options.fixed_values
        or options.rule_97 != "off"
        or (framework.k1_threshold and not options.k1_recognise)
    )


def _item_write_downs(results, bands, balance_date, replacement_leg):
    """Lowest value item by item (or per allowed group), and obsolescence.

    ``replacement_leg``: the replacement cost is a third leg (Finland, KPL 5:6 §).
    """
    groups = {}
    for result in results:
        if result.stock.valuation_group:
            groups.setdefault(result.stock.valuation_group, []).append(result)
        else:
            _lowest_value_write_down(result, replacement_leg)
    for members in groups.values():
        _group_write_down(members, replacement_leg)
    if bands:
        _obsolescence_write_downs(results, bands, balance_date)
    for result in results:
        if result.write_down > result.stock.acquisition_value:
            result.write_down = result.stock.acquisition_value


def _lowest_value(item, replacement_leg):
    """``(value, leg)``: the lower of quantity × NRV (leg ``nrv``, the selling
    price) and, where it is a leg, quantity × replacement cost (``replacement_cost``);
    the selling price on a tie. ``(AV, "")`` where neither is known."""
    legs = []
    if item.net_realisable_value is not None:
        legs.append((round_money(item.quantity * item.net_realisable_value), "nrv"))
    if replacement_leg and item.replacement_cost is not None:
        value = round_money(item.quantity * item.replacement_cost)
        legs.append((value, "replacement_cost"))
    if not legs:
        return item.acquisition_value, ""
    return min(legs, key=lambda leg: leg[0])


def _lowest_value_write_down(result, replacement_leg):
    item = result.stock
    if item.quantity > 0:
        value, leg = _lowest_value(item, replacement_leg)
        shortfall = item.acquisition_value - value
        if shortfall > 0:
            result.write_down, result.reason = shortfall, leg


def _group_write_down(members, replacement_leg):
    """A homogeneous group tested as one; its loss spread over the items by AV."""
    group_av = sum((r.stock.acquisition_value for r in members), ZERO)
    shortfall = group_av - sum(
        (_lowest_value(r.stock, replacement_leg)[0] for r in members), ZERO
    )
    if shortfall > 0:
        shares = allocate(shortfall, [r.stock.acquisition_value for r in members])
        for member, share in zip(members, shares, strict=True):
            if share:
                member.write_down, member.reason = share, "group"


def _obsolescence_write_downs(results, bands, balance_date):
    """The highest band the item's age reached, when larger than its NRV loss."""
    ordered = sorted(bands, key=lambda b: b.days)
    for result in results:
        item = result.stock
        if not item.acquisition_value or item.last_movement is None:
            continue
        age = (balance_date - item.last_movement).days
        rates = [band.percent for band in ordered if age >= band.days]
        if rates and rates[-1]:
            amount = round_money(item.acquisition_value * rates[-1] / 100)
            if amount > result.write_down:
                result.write_down, result.reason = amount, "obsolescence"


def _class_result(framework, inventory_class, acc):
    """An empty ``ClassResult`` of ``inventory_class`` on the accounts ``acc``."""
    return ClassResult(
        inventory_class,
        acc.balance_account,
        acc.contra_account,
        acc.change_account,
        acc.write_down_counter_account,
        tax_basis={"principle": "items"}.get(framework.tax_value, framework.tax_value),
    )


def _class_of(framework, classes, accounts, inventory_class, own_accounts):
    """The ``ClassResult`` of an item (or totals) of ``inventory_class`` on
    ``own_accounts`` (None: the class's), made when first met."""
    acc = own_accounts or accounts[inventory_class]
    key = (
        inventory_class
        if acc == accounts.get(inventory_class)
        else (
            inventory_class,
            acc.balance_account,
            acc.contra_account,
            acc.change_account,
            acc.write_down_counter_account,
        )
    )
    cls = classes.get(key)
    if cls is None:
        cls = classes[key] = _class_result(framework, inventory_class, acc)
    return cls


def _class_totals(framework, results, accounts, totals=()):
    """One ``ClassResult`` per inventory class and accounts (usually one per class),
    of the items and of the ``ItemTotals`` of the items not given."""
    classes = {}
    for total in totals:
        _add_to_class(
            _class_of(
                framework, classes, accounts, total.inventory_class, total.accounts
            ),
            total.item_count,
            total.acquisition_value,
            total.write_down,
            total.opening_value,
            total.purchases,
            total.tax_value,
            total.replacement_value,
        )
    for result in results:
        item = result.stock
        _add_to_class(
            _class_of(
                framework, classes, accounts, item.inventory_class, item.accounts
            ),
            1,
            item.acquisition_value,
            result.write_down,
            item.opening_value,
            item.purchases,
            result.tax_value,
            result.replacement_value,
        )
    for cls in classes.values():
        cls.closing_acquisition_value = cls.actual_acquisition_value
    return classes


def _add_to_class(  # noqa: PLR0913
    cls, count, acquisition, write_down, opening, purchases, tax_value, replacement
):
    """Add ``count`` items' figures (one item's, or an ``ItemTotals``) to ``cls``:
    the one place a class sums its items."""
    cls.item_count += count
    cls.actual_acquisition_value += acquisition
    cls.write_down += write_down
    cls.computed_opening_value += opening
    cls.purchases += purchases
    cls.items_tax_value += tax_value
    cls.replacement_value += replacement


def _apply_fixed_values(framework, options, classes, results, notes):
    for inventory_class, fixed in options.fixed_values.items():
        origin = options.fixed_value_origin.get(inventory_class, (None, None))
        try:
            check_fixed_value(framework, inventory_class, options.fixed_value_tolerance)
        except ClosingError as error:
            raise error.located(*origin, field="inventory_class") from None
        groups = [c for c in classes.values() if c.inventory_class == inventory_class]
        if len(groups) > 1:
            raise ClosingError(
                f"{inventory_class}: a fixed value needs one set of accounts for the "
                "whole class; align the categories' accounts",
                *origin,
                field="fixed_value",
            )
        cls = groups[0] if groups else None
        actual = cls.actual_acquisition_value if cls else ZERO
        band, why = {
            "band": (FIXED_VALUE_BAND, framework.fixed_value_rule),
            "tolerance": (
                options.fixed_value_tolerance,
                f"the company's tolerance, {framework.fixed_value_rule}",
            ),
        }.get(framework.fixed_value, (None, ""))
        if band is not None:
            deviation = percent(actual - fixed, fixed)
            if deviation is None or abs(deviation) > band:
                direction = "above" if actual >= fixed else "below"
                raise ClosingError(
                    f"{inventory_class}: the actual acquisition value {actual:,.2f} is "
                    f"{abs(deviation or Decimal(100)):.2f} % {direction} the fixed "
                    f"value "
                    f"{fixed:,.2f}; {framework.code} keeps a fixed value only within "
                    f"±{band.normalize():f} % ({why}): revise the "
                    "fixed value (e.g. to the actual value) and close again",
                    *origin,
                    field="fixed_value",
                )
        if cls is None:
            continue
        cls.fixed_value = fixed
        cls.closing_acquisition_value = fixed
        cls.write_down = ZERO
        for result in results:
            if result.stock.inventory_class == inventory_class:
                result.write_down, result.reason = ZERO, "fixed_value"
        text, lang = labels(options.lang), options.lang
        notes.append(
            text["note_fixed_value"].format(
                cls=text.get(inventory_class, inventory_class),
                fixed=format_amount(fixed, lang),
                actual=format_amount(actual, lang),
                rule=framework.fixed_value_rule,
            )
        )


def _apply_rule_97(framework, options, classes, results, notes):
    if options.rule_97 in (None, "off"):
        return None
    if options.fixed_values:
        raise ClosingError(
            "the 97 % rule (IL 17:4) values the whole stock at acquisition value and "
            "cannot be combined with fixed values (ÅRL 4:12): remove one of them",
            source="--rule-97",
        )
    text, lang = labels(options.lang), options.lang
    acquisition = sum((c.closing_acquisition_value for c in classes.values()), ZERO)
    main = sum((c.closing_value for c in classes.values()), ZERO)
    alternative = round_money(acquisition * RATE_97)
    rule = Rule97(
        options.rule_97,
        main,
        acquisition,
        alternative,
        "alternative" if alternative < main else "main",
    )
    if rule.chosen == "alternative":
        # Every item at AV: no NRV or obsolescence write-down is mixed in.
        for result in results:
            result.write_down, result.reason = ZERO, ""
        ordered = list(classes.values())
        shares = allocate(
            rule.allowance, [c.closing_acquisition_value for c in ordered]
        )
        for cls, share in zip(ordered, shares, strict=True):
            cls.write_down_97 = share
            cls.write_down = share if rule.mode == "contra" else ZERO
        notes.append(
            text["note_rule_97"].format(
                acquisition=format_amount(acquisition, lang),
                alternative=format_amount(alternative, lang),
                main=format_amount(main, lang),
                allowance=format_amount(rule.allowance, lang),
                booked=text[f"note_rule_97_{rule.mode}"],
            )
        )
    used = methods_used(options, classes.values())
    not_fifo = {method: used[method] for method in used if method != "fifo"}
    if not_fifo:
        notes.append(
            text["note_rule_97_not_fifo"].format(methods=methods_named(text, not_fifo))
        )
    return rule


def _apply_k1(framework, options, classes, results, notes):
    if not framework.k1_threshold:
        return None
    year = options.balance_date.year
    threshold, base_amount, source = k1_threshold(year)
    total = sum((c.closing_acquisition_value for c in classes.values()), ZERO)
    applies = total <= threshold and not options.k1_recognise
    if applies:
        for cls in classes.values():
            cls.closing_acquisition_value = ZERO
            cls.write_down = ZERO
            cls.write_down_97 = ZERO
        for result in results:
            result.write_down, result.reason = ZERO, "k1"
        text, lang = labels(options.lang), options.lang
        notes.append(
            text["note_k1"].format(
                total=format_amount(total, lang),
                threshold=format_amount(threshold, lang),
                year=year,
                source=source,
            )
        )
    return {
        "year": year,
        "threshold": threshold,
        "price_base_amount": base_amount,
        "stock_value": total,
        "not_recognised": applies,
    }


def _tax_principles(framework, options, results):
    """Denmark (varelagerloven § 1): ``{product group: principle}`` of the items'
    groups: the company's choice, else its cost (the manufacturing price for a
    group of produced classes only, else the purchase price). Refused elsewhere."""
    given = options.tax_principles
    for group, principle in given.items():
        origin = options.tax_principle_origin.get(group, (None, None))
        if framework.tax_value != "principle":
            raise ClosingError(
                f"product group {group}: a tax principle per product group is Danish "
                f"tax law (varelagerloven § 1) and does not apply in "
                f"{framework.label}",
                *origin,
                field="tax_principle",
            )
        if principle not in TAX_PRINCIPLES:
            raise ClosingError(
                f"product group {group}: unknown tax principle {principle!r}; choose "
                f"{', '.join(TAX_PRINCIPLES)} (varelagerloven § 1)",
                *origin,
                field="tax_principle",
            )
    if framework.tax_value != "principle":
        return {}
    classes = {}
    for result in results:
        result.tax_group = result.stock.tax_group or result.stock.inventory_class
        classes.setdefault(result.tax_group, set()).add(result.stock.inventory_class)
    return {
        group: given.get(group)
        or (
            "manufacturing_price"
            if members <= set(PRODUCED_CLASSES)
            else "purchase_price"
        )
        for group, members in classes.items()
    }


def _tax_bases(framework, options, results, principles, notes):
    """What each item's tax value is (``ItemResult.tax_basis``); Denmark's dagspris
    needs the item's replacement cost."""
    missing = []
    for result in results:
        if framework.tax_value == "book":
            result.tax_basis = "book"
        elif framework.tax_value == "principle":
            result.tax_basis = principles[result.tax_group]
        item = result.stock
        if (
            result.tax_basis == "dagspris"
            and item.replacement_cost is None
            and item.quantity
        ):
            if not options.require_dagspris:
                result.tax_basis = "cost"
                missing.append(item.product)
                continue
            origin = item.origin.get("replacement_cost") or (
                options.tax_principle_origin.get(result.tax_group, (None, None))
            )
            raise ClosingError(
                f"product {item.product}: its product group {result.tax_group} is "
                "valued at dagspris for tax (varelagerloven § 1): give its "
                "replacement cost (dagspris) per unit",
                *origin,
                field="replacement_cost",
            )
    if missing:
        text = labels(options.lang)
        notes.append(text["note_no_dagspris"].format(products=", ".join(missing)))


def _tax_groups(options, results, principles, notes):
    """Denmark: the tax view per product group (varelagerloven § 1)."""
    groups = {}
    for result in results:
        group = groups.get(result.tax_group)
        if group is None:
            group = groups[result.tax_group] = TaxGroup(
                result.tax_group, principles[result.tax_group]
            )
        group.book_value += result.value
        group.tax_value += result.tax_value
        group.item_count += 1
    text = labels(options.lang)
    at_cost = {}
    for r in results:
        if r.tax_basis == "dagspris":
            continue
        for method in class_methods_of(options, r.stock.inventory_class):
            classes = at_cost.setdefault(method, [])
            if r.stock.inventory_class not in classes:
                classes.append(r.stock.inventory_class)
    not_fifo = {method: at_cost[method] for method in at_cost if method != "fifo"}
    if not_fifo:
        notes.append(
            text["note_dagspris_not_fifo"].format(methods=methods_named(text, not_fifo))
        )
    obsolete = [
        r.stock.product
        for r in results
        if r.tax_basis == "dagspris"
        and r.write_down
        and r.stock.replacement_cost < r.stock.unit_cost
    ]
    if obsolete:
        notes.append(
            text["note_dagspris_obsolete"].format(
                products=_products_named(text, obsolete)
            )
        )
    return list(groups.values())


def _replacement_lines(classes):
    """The replacement value against cost per balance-sheet line (inventory
    account): ÅRL § 89 stk. 2, KPA 2:4 §."""
    lines = {}
    for cls in classes:
        if not cls.item_count:
            continue
        line = lines.get(cls.inventory_account)
        if line is None:
            line = lines[cls.inventory_account] = ReplacementLine(
                cls.inventory_account, ()
            )
        if cls.inventory_class not in line.inventory_classes:
            line.inventory_classes += (cls.inventory_class,)
        line.cost += cls.actual_acquisition_value
        line.replacement_value += cls.replacement_value
    return list(lines.values())


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


def _add_ledger_classes(classes, ledger, accounts, previous):
    """Classes with no stock whose accounts still hold a balance (or, without a
    contra account, a previous write-down) must be emptied."""
    covered = {c.inventory_account for c in classes.values()}
    covered_contra = {c.contra_account for c in classes.values()}
    present = {c.inventory_class for c in classes.values()}
    for inventory_class in INVENTORY_CLASSES:
        acc = accounts.get(inventory_class)
        if acc is None or inventory_class in present:
            continue
        balance = ledger.get(acc.balance_account) or previous.get(acc.balance_account)
        contra = ledger.get(acc.contra_account, ZERO) if acc.contra_account else ZERO
        needed = (balance and acc.balance_account not in covered) or (
            contra and acc.contra_account not in covered_contra
        )
        if needed:
            classes[inventory_class] = ClassResult(
                inventory_class,
                acc.balance_account,
                acc.contra_account,
                acc.change_account,
                acc.write_down_counter_account,
            )
            covered.add(acc.balance_account)
            covered_contra.add(acc.contra_account)


def _entry(options, classes, ledger):
    """Steps 1 and 2 of DOMAIN.md section 4, per account and class.

    Step 1 books the inventory account against the change account, step 2 the
    contra account against the write-down P&L account. A class without a contra
    account books step 2 on its inventory account: that account's ledger balance
    is then split into its acquisition value (balance + previous write-down) and
    its write-down (− previous write-down).
    """
    previous = options.previous_write_downs

    def acquisition(cls):
        account = cls.inventory_account
        balance = ledger.get(account, ZERO) + previous.get(account, ZERO)
        return account, balance, cls.closing_acquisition_value, cls.change_account

    def write_down(cls):
        if cls.contra_account:
            account, balance = cls.contra_account, ledger.get(cls.contra_account, ZERO)
        else:
            account = cls.inventory_account
            balance = -previous.get(account, ZERO)
        return account, balance, -cls.write_down, cls.write_down_pl_account

    lines = []
    for step, part in (("acquisition_value", acquisition), ("write_down", write_down)):
        by_account = {}
        for cls in classes:
            account, balance, target, counter = part(cls)
            by_account.setdefault(account, (balance, []))[1].append(
                (cls, target, counter)
            )
        for account, (balance, members) in by_account.items():
            targets = [target for _cls, target, _counter in members]
            weights = (
                targets
                if any(targets)
                else [cls.computed_opening_value for cls, _t, _c in members]
            )
            shares = allocate(balance, weights)
            for (cls, target, counter), share in zip(members, shares, strict=True):
                cls.opening_value += share
                amount = target - share
                if amount:
                    lines += _pair(
                        options, account, counter, amount, cls.inventory_class, step
                    )
    return lines


def _reserve(options, result, ledger):
    """Step 3: the Swedish untaxed stock reserve (2196/8896)."""
    accounts = result.reserve_accounts
    if accounts is None:
        return
    opening = ledger.get(accounts.balance_account, ZERO)
    rule = result.rule_97
    target = -rule.allowance if rule and rule.mode == "reserve" else ZERO
    result.reserve_opening, result.reserve_target = opening, target
    if target - opening:
        result.entry += _pair(
            options,
            accounts.balance_account,
            accounts.change_account,
            target - opening,
            STOCK_RESERVE,
            STOCK_RESERVE,
        )


def _pair(options, account, counter_account, amount, inventory_class, step):
    """A debit of ``amount`` on ``account`` against ``counter_account``."""
    label = entry_label(
        labels(options.lang),
        options.balance_date,
        inventory_class,
        step,
        date_format_of(options.lang, options.date_format),
    )
    debit, credit = (amount, ZERO) if amount > 0 else (ZERO, -amount)
    return [
        EntryLine(account, debit, credit, label, inventory_class, step),
        EntryLine(counter_account, credit, debit, label, inventory_class, step),
    ]
