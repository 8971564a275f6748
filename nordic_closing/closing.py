"""The year-end closing: write-downs, the 97 % rule, fixed values, the K1
threshold, the stock equation per class and the change-in-inventory entry.

``compute_closing`` takes plain values (items already valued at the balance date,
ledger balances, options) and returns plain values; it reads no file and no
database. The rules are described in ``docs/valuation_rules.md``.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .errors import ClosingError
from .frameworks import (
    INVENTORY_CLASSES,
    STOCK_RESERVE,
    check_collective,
    check_fixed_value,
    check_rule_97,
    get_framework,
)
from .labels import entry_label, labels
from .money import ZERO, allocate, percent, round_money
from .reference import chart_accounts, k1_threshold

RATE_97 = Decimal("0.97")
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
FIXED_VALUE_BAND = Decimal(20)  # ± percent, BFNAR 2016:10 p. 12.6 (S)


@dataclass(frozen=True)
class ObsolescenceBand:
    """Write down ``percent`` of AV once the item has not moved for ``days``."""

    days: int
    percent: Decimal


def methods_used(options, classes):
    """``{method: [inventory classes]}`` of the classes valued, in their order."""
    used = {}
    for cls in classes:
        method = options.class_methods.get(cls.inventory_class, options.method)
        used.setdefault(method, []).append(cls.inventory_class)
    return used or {options.method: []}


def format_bands(bands):
    """Obsolescence bands as ``inputs.parse_bands`` reads them: ``365:50,730:100``."""
    return ",".join(f"{band.days}:{band.percent.normalize():f}" for band in bands)


@dataclass
class ClosingOptions:
    country: str
    balance_date: date
    framework: str | None = None  # K1, K2, K3, IFRS, NGAAP, NGAAP_SMALL
    method: str = "fifo"
    # {inventory_class: fifo, average or standard} where a class differs from method
    class_methods: dict = field(default_factory=dict)
    fiscal_year_start: date | None = None
    rule_97: str = "off"  # off, contra, reserve (Sweden)
    obsolescence_bands: tuple = ()
    # {inventory_class: carried fixed value} (ÅRL 4:12)
    fixed_values: dict = field(default_factory=dict)
    fixed_value_origin: dict = field(default_factory=dict)  # {class: (source, row)}
    k1_recognise: bool = False
    # {role: ClassAccounts}; default: the mapping of the framework's chart
    accounts: dict | None = None
    lang: str = "en"  # of the entry's texts (en, nb, sv)

    def __post_init__(self):
        if self.fiscal_year_start is None:
            self.fiscal_year_start = default_fiscal_year_start(self.balance_date)


@dataclass
class ItemResult:
    stock: object  # ItemStock
    write_down: Decimal = ZERO
    reason: str = ""  # nrv, obsolescence, group, fixed_value, k1

    @property
    def value(self):
        return self.stock.acquisition_value - self.write_down

    @property
    def tax_value(self):
        """Norway (sktl § 14-5): cost, no deduction for write-downs."""
        return self.stock.acquisition_value


@dataclass
class ClassResult:
    inventory_class: str
    inventory_account: str
    contra_account: str
    change_account: str
    actual_acquisition_value: Decimal = ZERO  # Σ item AV
    closing_acquisition_value: Decimal = ZERO  # what the balance sheet carries
    write_down: Decimal = ZERO  # item write-downs + booked 3 %
    write_down_97: Decimal = ZERO
    computed_opening_value: Decimal = ZERO  # from the stock ledger
    opening_value: Decimal = ZERO  # from the general ledger
    purchases: Decimal = ZERO
    fixed_value: Decimal | None = None
    item_count: int = 0

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
        """Norway (sktl § 14-5): cost, no deduction for write-downs."""
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
        main = sum((i.value for i in self.items), ZERO)
        acquisition = sum((i.stock.acquisition_value for i in self.items), ZERO)
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


def compute_closing(items, options, ledger=None):
    """Value ``items`` (``ItemStock``) and book them against ``ledger``.

    ``ledger`` is ``{account code: balance}`` before the closing (debit positive).
    Without it, the ledger is taken to hold the opening values: each inventory
    account the opening AV of its classes, contra accounts and reserve 0.
    """
    framework = get_framework(options.country, options.framework)
    if options.method not in ("fifo", "average"):
        raise ClosingError(
            f"unknown cost flow {options.method!r}: choose fifo or average "
            "(LIFO is not allowed, ÅRL 4:11)",
            source="--method",
        )
    check_rule_97(framework, options.rule_97)
    accounts = options.accounts or chart_accounts(framework.chart_template)
    results = [ItemResult(item) for item in items]
    _check_items(framework, results, accounts)

    _item_write_downs(results, options.obsolescence_bands, options.balance_date)
    classes = _class_totals(results, accounts)
    notes = []
    _apply_fixed_values(framework, options, classes, results, notes)
    rule_97 = _apply_rule_97(framework, options, classes, results, notes)
    k1 = _apply_k1(framework, options, classes, results, notes)

    ledger_given = ledger is not None
    ledger = dict(ledger or {})
    if not ledger_given:
        for cls in classes.values():
            account = cls.inventory_account
            ledger[account] = ledger.get(account, ZERO) + cls.computed_opening_value
    _add_ledger_classes(classes, ledger, accounts)
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
    )
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
        nrv = item.net_realisable_value
        if nrv is not None and nrv < 0:
            raise ClosingError(
                f"product {item.product}: the net realisable value may not be negative",
                *item.origin.get("net_realisable_value", (None, None)),
                field="net_realisable_value",
            )
        if item.valuation_group:
            try:
                check_collective(framework)
            except ClosingError as error:
                raise error.located(
                    *item.origin.get("valuation_group", (None, None)),
                    field="valuation_group",
                ) from None


def _item_write_downs(results, bands, balance_date):
    """Lowest value item by item (or per allowed group), and obsolescence."""
    groups = {}
    for result in results:
        if result.stock.valuation_group:
            groups.setdefault(result.stock.valuation_group, []).append(result)
        else:
            _nrv_write_down(result)
    for members in groups.values():
        _group_write_down(members)
    if bands:
        _obsolescence_write_downs(results, bands, balance_date)
    for result in results:
        if result.write_down > result.stock.acquisition_value:
            result.write_down = result.stock.acquisition_value


def _nrv_value(item):
    """Quantity × NRV per unit; the AV where no NRV is known."""
    if item.net_realisable_value is None:
        return item.acquisition_value
    return round_money(item.quantity * item.net_realisable_value)


def _nrv_write_down(result):
    item = result.stock
    if item.net_realisable_value is not None and item.quantity > 0:
        shortfall = item.acquisition_value - _nrv_value(item)
        if shortfall > 0:
            result.write_down, result.reason = shortfall, "nrv"


def _group_write_down(members):
    """A homogeneous group tested as one; its loss spread over the items by AV."""
    group_av = sum((r.stock.acquisition_value for r in members), ZERO)
    shortfall = group_av - sum((_nrv_value(r.stock) for r in members), ZERO)
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


def _class_totals(results, accounts):
    """One ``ClassResult`` per inventory class and accounts (usually one per class)."""
    classes = {}
    for result in results:
        item = result.stock
        acc = item.accounts or accounts[item.inventory_class]
        key = (
            item.inventory_class
            if acc == accounts.get(item.inventory_class)
            else (
                item.inventory_class,
                acc.balance_account,
                acc.contra_account,
                acc.change_account,
            )
        )
        cls = classes.get(key)
        if cls is None:
            cls = classes[key] = ClassResult(
                item.inventory_class,
                acc.balance_account,
                acc.contra_account,
                acc.change_account,
            )
        cls.actual_acquisition_value += item.acquisition_value
        cls.write_down += result.write_down
        cls.computed_opening_value += item.opening_value
        cls.purchases += item.purchases
        cls.item_count += 1
    for cls in classes.values():
        cls.closing_acquisition_value = cls.actual_acquisition_value
    return classes


def _apply_fixed_values(framework, options, classes, results, notes):
    for inventory_class, fixed in options.fixed_values.items():
        origin = options.fixed_value_origin.get(inventory_class, (None, None))
        try:
            check_fixed_value(framework, inventory_class)
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
        if framework.fixed_value == "band":
            deviation = percent(actual - fixed, fixed)
            if deviation is None or abs(deviation) > FIXED_VALUE_BAND:
                direction = "above" if actual >= fixed else "below"
                raise ClosingError(
                    f"{inventory_class}: the actual acquisition value {actual:,.2f} is "
                    f"{abs(deviation or Decimal(100)):.2f} % {direction} the fixed "
                    f"value "
                    f"{fixed:,.2f}; {framework.code} keeps a fixed value only within "
                    f"±{FIXED_VALUE_BAND} % ({framework.fixed_value_rule}): revise the "
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
        notes.append(
            f"{inventory_class}: carried at the fixed value {fixed:,.2f} "
            f"(actual acquisition value {actual:,.2f}; {framework.fixed_value_rule})"
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
            f"97 % rule (IL 17:4): 97 % of the acquisition value {acquisition:,.2f} is "
            f"{alternative:,.2f}, lower than the main rule {main:,.2f}; the 3 % "
            f"({rule.allowance:,.2f}) is booked "
            + (
                "on the contra accounts"
                if rule.mode == "contra"
                else "as untaxed stock reserve"
            )
        )
    if any(m != "fifo" for m in methods_used(options, classes.values())):
        notes.append(
            "97 % rule computed on the average-cost acquisition value: IL 17:3 "
            "presumes "
            "FIFO; check that the two do not differ materially"
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
        notes.append(
            f"K1: the stock's acquisition value {total:,.2f} is at most the threshold "
            f"{threshold:,.2f} for {year} ({source}); it is not recognised"
        )
    return {
        "year": year,
        "threshold": threshold,
        "price_base_amount": base_amount,
        "stock_value": total,
        "not_recognised": applies,
    }


def _add_ledger_classes(classes, ledger, accounts):
    """Classes with no stock whose accounts still hold a balance must be emptied."""
    covered = {c.inventory_account for c in classes.values()}
    covered_contra = {c.contra_account for c in classes.values()}
    present = {c.inventory_class for c in classes.values()}
    for inventory_class in INVENTORY_CLASSES:
        acc = accounts.get(inventory_class)
        if acc is None or inventory_class in present:
            continue
        balance = ledger.get(acc.balance_account, ZERO)
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
            )
            covered.add(acc.balance_account)
            covered_contra.add(acc.contra_account)


def _entry(options, classes, ledger):
    """Steps 1 and 2 of DOMAIN.md section 4, per account and class."""
    lines = []
    for step, account_of, target_of in (
        (
            "acquisition_value",
            lambda c: c.inventory_account,
            lambda c: c.closing_acquisition_value,
        ),
        ("write_down", lambda c: c.contra_account, lambda c: -c.write_down),
    ):
        by_account = {}
        for cls in classes:
            account = account_of(cls)
            if account:
                by_account.setdefault(account, []).append(cls)
        for account, members in by_account.items():
            targets = [target_of(c) for c in members]
            weights = (
                targets if any(targets) else [c.computed_opening_value for c in members]
            )
            shares = allocate(ledger.get(account, ZERO), weights)
            for cls, target, share in zip(members, targets, shares, strict=True):
                cls.opening_value += share
                amount = target - share
                if amount:
                    lines += _pair(
                        options,
                        account,
                        cls.change_account,
                        amount,
                        cls.inventory_class,
                        step,
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
        labels(options.lang), options.balance_date, inventory_class, step
    )
    debit, credit = (amount, ZERO) if amount > 0 else (ZERO, -amount)
    return [
        EntryLine(account, debit, credit, label, inventory_class, step),
        EntryLine(counter_account, credit, debit, label, inventory_class, step),
    ]
