"""What a closing returns: the result per item (``ItemResult``), per class
(``ClassResult``, its stock equation), the 97 % rule's comparison (``Rule97``),
Denmark's tax view per product group (``TaxGroup``), the replacement value
disclosure (``ReplacementLine``), the entry's lines (``EntryLine``) and the whole
closing (``ClosingResult``); ``ItemTotals``: items valued earlier, given as totals.

Plain dataclasses: the rules that fill them are in ``closing.py`` and the modules
it calls (``rules.py``, ``classes.py``, ``tax.py``, ``entry.py``).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from .money import ZERO, round_money

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
    options: object  # ClosingOptions
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
