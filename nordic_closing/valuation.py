"""Quantity and acquisition value per item at a date, from its movements.

FIFO: issues consume the oldest receipts, what remains are the latest receipts
(ÅRL 4:11, IL 17:3, rskl § 5-5). Moving average: every receipt recomputes the
average cost, as Odoo's AVCO does. Values are kept exact and rounded once per item.
"""

from collections import deque
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .errors import ClosingError
from .money import ZERO, round_money


@dataclass
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
    # the item's own accounts (an Odoo category's override); None: the class's
    accounts: object | None = None
    # where a field came from, for error messages: {field: (source, row)}
    origin: dict = field(default_factory=dict)

    @property
    def unit_cost(self):
        if not self.quantity:
            return None
        return self.acquisition_value / self.quantity


@dataclass
class Movement:
    """A receipt (quantity > 0, unit_cost) or an issue (quantity < 0)."""

    date: date
    quantity: Decimal
    unit_cost: Decimal | None = None
    row: int | None = None


def value_movements(
    product,
    inventory_class,
    movements,
    balance_date,
    fiscal_year_start,
    method="fifo",
    source=None,
    name="",
    unit="",
):
    """Value one item's ``movements`` at ``balance_date``.

    ``movements`` are in the order they happened within a day (file order); they
    are sorted by date here (stable). Movements before ``fiscal_year_start`` make
    the opening stock, those after ``balance_date`` are ignored. Stock below zero is
    refused with the row of the movement that takes it there.
    """
    moves = sorted(movements, key=lambda m: m.date)
    fifo = method == "fifo"
    layers = deque()  # FIFO: [quantity, unit_cost] of the receipts still in stock
    quantity = Decimal(0)
    value = Decimal(0)  # average method: exact value of the stock
    purchases = Decimal(0)
    opening = None
    last = None
    for move in moves:
        if move.date > balance_date:
            break
        if opening is None and move.date >= fiscal_year_start:
            opening = (quantity, _stock_value(fifo, layers, value))
        qty = move.quantity
        if qty > 0:
            cost = move.unit_cost
            if move.date >= fiscal_year_start:
                purchases += qty * cost
            if fifo:
                layers.append([qty, cost])
            else:
                value += qty * cost
            quantity += qty
        elif qty < 0:
            if quantity + qty < 0:
                raise ClosingError(
                    f"product {product}: stock would go below zero on "
                    f"{move.date.isoformat()} ({_fmt(quantity)} in stock, issue of "
                    f"{_fmt(-qty)}); record the missing receipt or correct the issue",
                    source=source,
                    row=move.row,
                    field="quantity",
                )
            if fifo:
                _consume(layers, -qty)
            elif quantity + qty == 0:
                value = Decimal(0)
            else:
                value -= value * -qty / quantity
            quantity += qty
        last = move.date
    if opening is None:
        opening = (quantity, _stock_value(fifo, layers, value))
    return ItemStock(
        product=product,
        inventory_class=inventory_class,
        quantity=quantity,
        acquisition_value=round_money(_stock_value(fifo, layers, value)),
        opening_quantity=opening[0],
        opening_value=round_money(opening[1]),
        purchases=round_money(purchases),
        last_movement=last,
        name=name,
        unit=unit,
    )


def _consume(layers, quantity):
    while quantity:
        head = layers[0]
        if head[0] <= quantity:
            quantity -= head[0]
            layers.popleft()
        else:
            head[0] -= quantity
            quantity = 0


def _stock_value(fifo, layers, value):
    if fifo:
        return sum((q * c for q, c in layers), Decimal(0))
    return value


def _fmt(quantity):
    return format(quantity.normalize(), "f") if quantity else "0"
