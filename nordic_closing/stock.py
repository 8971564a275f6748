"""The stock the closing values: an item's stock at the balance date
(``ItemStock``, with its lots: ``LotStock``), the movements it is valued from
(``Movement``) and their kinds, the classes that are produced or sold at a sales
price, and the net realisable value from a sales price. Plain values: the
valuation of movements is ``valuation.py``.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .money import ZERO

#: kinds of movements (see the docstring of ``valuation.py``)
PURCHASE = "purchase"
PRODUCTION = "production"
OTHER_RECEIPT = "other"
ISSUE = "issue"
VENDOR_RETURN = "vendor_return"
ADJUSTMENT = "adjustment"
MOVEMENT_KINDS = (PURCHASE, PRODUCTION, OTHER_RECEIPT, ISSUE, VENDOR_RETURN, ADJUSTMENT)
#: receipts that count as acquisitions of the year (the stock equation's purchases)
ACQUISITIONS = (PURCHASE, PRODUCTION)
#: classes whose sales price tells what the item realises
SALES_PRICE_CLASSES = ("finished_goods", "goods_for_resale")
#: classes a company acquires by producing them: their "purchases" are production
PRODUCED_CLASSES = ("work_in_progress", "finished_goods")


def nrv_from_sales_price(inventory_class, sales_price, selling_cost_percent):
    """Net realisable value per unit from the sales price less the selling costs,
    or None where the sales price says nothing about what the item realises (raw
    materials, consumables, work in progress) or there is none."""
    if inventory_class not in SALES_PRICE_CLASSES or not sales_price:
        return None
    percent = Decimal(str(selling_cost_percent or 0))
    return Decimal(str(sales_price)) * (100 - percent) / 100


@dataclass(slots=True)
class LotStock:
    """One lot or serial number of an item valued by lot/serial number, at the
    balance date: its quantity and its own acquisition value (rounded to 0.01)."""

    lot: str
    quantity: Decimal
    acquisition_value: Decimal

    @property
    def unit_cost(self):
        if not self.quantity:
            return None
        return self.acquisition_value / self.quantity


@dataclass(slots=True)
class ItemStock:
    """One item's stock at the balance date: what the closing values.

    The Odoo layer builds these from its valuation layers, the CLI from a movements
    file (``value_movements``). Amounts are rounded to 0.01.
    """

    product: str
    inventory_class: str
    quantity: Decimal
    acquisition_value: Decimal
    opening_quantity: Decimal = ZERO
    opening_value: Decimal = ZERO
    purchases: Decimal = ZERO
    last_movement: date | None = None
    name: str = ""
    unit: str = ""
    net_realisable_value: Decimal | None = None  # per unit
    nrv_source: str = ""
    valuation_group: str = ""
    # per unit at the balance date: Finland's third leg of the lowest value
    # (KPL 5:6 §), Denmark's dagspris of the tax view (varelagerloven § 1) and the
    # replacement value of the disclosure (ÅRL § 89 stk. 2, KPA 2:4 §)
    replacement_cost: Decimal | None = None
    # Denmark: the product group whose tax principle applies (ClosingOptions.
    # tax_principles); "": the item's inventory class
    tax_group: str = ""
    # why the value differs from the source's own (e.g. Odoo's valuation)
    note: str = ""
    # the item's own accounts (an Odoo category's override); None: the class's
    accounts: object | None = None
    # where a field came from, for error messages: {field: (source, row)}
    origin: dict = field(default_factory=dict)
    # valued by lot/serial number: its lots in stock (LotStock), by lot name; their
    # quantities and values add up to the item's. Empty: not valued by lot
    lots: tuple = ()

    @property
    def unit_cost(self):
        if not self.quantity:
            return None
        return self.acquisition_value / self.quantity


@dataclass(slots=True)
class Movement:
    """A receipt (quantity > 0, unit_cost), an issue (quantity < 0), a return to the
    vendor of receipt ``returns`` or a value adjustment (quantity 0, ``value``) of
    receipt ``adjusts``. ``reference`` names a receipt for the two latter. ``lot``:
    the lot or serial number moved, for an item valued by lot/serial number."""

    date: date
    quantity: Decimal
    unit_cost: Decimal | None = None
    row: int | None = None
    kind: str = ""  # default: purchase for a receipt, issue for an issue
    reference: str | None = None
    returns: str | None = None
    adjusts: str | None = None
    value: Decimal | None = None
    lot: str | None = None

    @property
    def effective_kind(self):
        if self.kind:
            return self.kind
        return PURCHASE if self.quantity > 0 else ISSUE
