"""Quantity and acquisition value per item at a date, from its movements.

FIFO: issues consume the oldest receipts, what remains are the latest receipts
(ÅRL 4:11, IL 17:3, rskl § 5-5). Moving average: every receipt recomputes the
average cost, as Odoo's AVCO does. Values are kept exact and rounded once per item.

Besides receipts and issues a movement can be (``Movement.kind``):

- a **return to the vendor** of one receipt (``returns`` names it): it takes the
  units out of that receipt, at its cost with its landed costs, not out of the
  oldest receipt, and reduces the purchases;
- a **value adjustment** of one receipt (``adjusts``; quantity 0, ``value``): a
  landed cost or a vendor bill at another price. Odoo books the part of the
  receipt still in stock as ``value``; it is spread over those units, and the whole
  adjustment (``value`` × received / still in stock) is an acquisition of the year;
- a receipt that is **not a purchase** (kind ``other``: a customer return, a count
  gain): it goes into stock at its cost but does not count as purchases, so that it
  reduces the cost of goods sold.

**Valuation by lot/serial number** (Odoo's ``lot_valuated``): when the movements
name a lot or serial number (``Movement.lot``), each lot carries its own cost
(specific identification, IAS 2.23): a receipt goes to its lot, an issue and a
return to the vendor take from the lot they name, an adjustment goes to the
receipt it adjusts inside that receipt's lot. Inside a lot the cost flow applies
(FIFO over the lot's receipts, or the lot's own moving average, which is what
Odoo keeps as the lot's cost). The item's quantity and value are the sums of its
lots' (each lot's value rounded to 0.01 once), so that the lots and the item
agree to the cent; opening figures, purchases and the last movement are defined
as without lots, over all lots. Every receipt, issue and return of such an item
names its lot; an adjustment may leave it empty (it takes its receipt's lot).

The items and movements themselves (``ItemStock``, ``LotStock``, ``Movement``, the
kinds) are defined in ``stock.py`` and re-exported here.
"""

from collections import deque
from decimal import Decimal

from .errors import ClosingError
from .money import ZERO, round_money
from .stock import (
    ACQUISITIONS,
    ADJUSTMENT,
    ISSUE,
    MOVEMENT_KINDS,
    OTHER_RECEIPT,
    PRODUCED_CLASSES,
    PRODUCTION,
    PURCHASE,
    SALES_PRICE_CLASSES,
    VENDOR_RETURN,
    ItemStock,
    LotStock,
    Movement,
    nrv_from_sales_price,
)

__all__ = [
    "ACQUISITIONS",
    "ADJUSTMENT",
    "ISSUE",
    "MOVEMENT_KINDS",
    "OTHER_RECEIPT",
    "PRODUCED_CLASSES",
    "PRODUCTION",
    "PURCHASE",
    "SALES_PRICE_CLASSES",
    "VENDOR_RETURN",
    "ItemStock",
    "LotStock",
    "Movement",
    "nrv_from_sales_price",
    "value_movements",
]


class _Layer:
    """A receipt still (partly) in stock: FIFO's unit of account (a layer, as Odoo
    calls it; not a lot/serial number)."""

    __slots__ = ("quantity", "received", "unit_cost")

    def __init__(self, quantity, unit_cost):
        self.quantity = quantity  # still in stock
        self.received = quantity  # received, less what went back to the vendor
        self.unit_cost = unit_cost  # with the landed costs added so far


class _Stock:
    """One item's stock (or one of its lots') while its movements are replayed."""

    def __init__(self, fifo, product, source, allow_negative, lot=None):
        self.fifo = fifo
        self.product = product
        self.source = source
        self.allow_negative = allow_negative
        self.lot = lot  # the lot/serial number; None: the item's whole stock
        self.layers = deque()  # FIFO: the receipts still in stock, oldest first
        self.by_reference = {}  # FIFO: {reference: _Layer}
        self.quantity = Decimal(0)
        self.value = Decimal(0)  # average method: exact value of the stock
        self.deficit = Decimal(0)  # FIFO: units issued beyond the stock

    def stock_value(self):
        if self.fifo:
            return sum((lay.quantity * lay.unit_cost for lay in self.layers), ZERO)
        return self.value

    def receive(self, move):
        """A receipt; its value (what counts as purchase)."""
        qty, cost = move.quantity, move.unit_cost
        if self.fifo:
            layer = _Layer(qty, cost)
            if move.reference:
                self.by_reference[move.reference] = layer
            filled = min(self.deficit, qty)  # units issued before they arrived
            self.deficit -= filled
            layer.quantity -= filled
            if layer.quantity:
                self.layers.append(layer)
        else:
            self.value += qty * cost
        self.quantity += qty
        return qty * cost

    def issue(self, move, quantity):
        """Take ``quantity`` out (FIFO: the oldest first); the value taken out."""
        self._check_negative(move, quantity)
        if not self.fifo:
            taken = self.value * quantity / self.quantity if self.quantity else ZERO
            self.value = ZERO if self.quantity == quantity else self.value - taken
            self.quantity -= quantity
            return taken
        taken, left = ZERO, quantity
        while left and self.layers:
            layer = self.layers[0]
            used = min(layer.quantity, left)
            taken += used * layer.unit_cost
            layer.quantity -= used
            left -= used
            if not layer.quantity:
                self.layers.popleft()
        self.deficit += left
        self.quantity -= quantity
        return taken

    def return_to_vendor(self, move):
        """Units of one receipt back to the vendor; the value returned."""
        quantity = -move.quantity
        layer = self.by_reference.get(move.returns) if self.fifo else None
        if layer is None or not layer.quantity:
            return self.issue(move, quantity)
        self._check_negative(move, quantity)
        used = min(layer.quantity, quantity)
        layer.quantity -= used
        layer.received -= used
        if not layer.quantity:
            self.layers.remove(layer)
        self.quantity -= used
        taken = used * layer.unit_cost
        if quantity > used:  # more than is left of it: the rest as an issue
            taken += self.issue(move, quantity - used)
        return taken

    def adjust(self, move):
        """A landed cost or price difference; the acquisition it stands for."""
        value = move.value or ZERO
        if not self.fifo:
            self.value += value
            return value
        layer = self.by_reference.get(move.adjusts)
        if layer is None or not layer.quantity:
            return value  # nothing of the receipt left: cost of goods sold
        layer.unit_cost += value / layer.quantity
        return value * layer.received / layer.quantity

    def _check_negative(self, move, quantity):
        if self.allow_negative or self.quantity - quantity >= 0:
            return
        what = f"product {self.product}"
        if self.lot is not None:
            what += f", lot/serial number {self.lot}"
        raise ClosingError(
            f"{what}: stock would go below zero on "
            f"{move.date.isoformat()} ({_fmt(self.quantity)} in stock, issue of "
            f"{_fmt(quantity)}); record the missing receipt or correct the issue",
            source=self.source,
            row=move.row,
            field="quantity",
        )


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
    allow_negative=False,
):
    """Value one item's ``movements`` at ``balance_date``.

    ``movements`` are in the order they happened within a day (file order); they
    are sorted by date here (stable). Movements before ``fiscal_year_start`` make
    the opening stock, those after ``balance_date`` are ignored. Stock below zero is
    refused with the row of the movement that takes it there, unless
    ``allow_negative`` (Odoo allows it between two dates; the closing refuses it at
    the balance date).

    When the movements name lots (``Movement.lot``) the item is valued per lot (see
    the module's docstring) and ``ItemStock.lots`` lists them; below zero is then
    refused per lot. A movement of such an item without a lot (other than an
    adjustment) is refused.
    """
    by_lot = _valued_by_lot(product, movements, source)
    stocks = {}  # {lot: _Stock}; None: the item's stock, not valued by lot

    def stock_of(lot):
        stock = stocks.get(lot)
        if stock is None:
            stock = stocks[lot] = _Stock(
                method == "fifo", product, source, allow_negative, lot
            )
        return stock

    if not by_lot:
        stock_of(None)
    receipt_lots = {}  # {receipt reference: [the lots it received]}
    purchases = Decimal(0)
    opening = None
    last = None
    for move in sorted(movements, key=lambda m: m.date):
        if move.date > balance_date:
            break
        in_year = move.date >= fiscal_year_start
        if opening is None and in_year:
            opening = _figures(stocks)
        kind = move.effective_kind
        lot = _lot_of(move, kind, receipt_lots, product, source) if by_lot else None
        acquired = _apply(stock_of(lot), move, kind)
        if by_lot and move.quantity > 0 and move.reference:
            lots = receipt_lots.setdefault(move.reference, [])
            if lot not in lots:
                lots.append(lot)
        if in_year:
            purchases += acquired
        if move.quantity:
            last = move.date
    if opening is None:
        opening = _figures(stocks)
    quantity, value = _figures(stocks)
    return ItemStock(
        product=product,
        inventory_class=inventory_class,
        quantity=quantity,
        acquisition_value=value,
        opening_quantity=opening[0],
        opening_value=opening[1],
        purchases=round_money(purchases),
        last_movement=last,
        name=name,
        unit=unit,
        lots=_lot_stocks(stocks) if by_lot else (),
    )


def _apply(stock, move, kind):
    """Replay ``move`` on ``stock``; the acquisition (purchase) it stands for."""
    if kind == ADJUSTMENT:
        return stock.adjust(move)
    if kind == VENDOR_RETURN:
        return -stock.return_to_vendor(move)
    if move.quantity > 0:
        acquired = stock.receive(move)
        return acquired if kind in ACQUISITIONS else ZERO
    stock.issue(move, -move.quantity)
    return ZERO


def _figures(stocks):
    """``(quantity, value)`` of the stocks (an item's, or its lots'): the value is
    the sum of each stock's value rounded to 0.01."""
    quantity = sum((stock.quantity for stock in stocks.values()), Decimal(0))
    value = sum((round_money(s.stock_value()) for s in stocks.values()), ZERO)
    return quantity, value


def _lot_stocks(stocks):
    """The lots in stock, by lot name. A lot with nothing left is left out; one
    with a value but no quantity (a lot at average cost adjusted when empty) is
    kept, so that the lots always add up to the item."""
    lots = (
        LotStock(lot, stock.quantity, round_money(stock.stock_value()))
        for lot, stock in sorted(stocks.items())
    )
    return tuple(lot for lot in lots if lot.quantity or lot.acquisition_value)


def _valued_by_lot(product, movements, source):
    """Whether the item is valued by lot/serial number: whether a movement names a
    lot. Then every receipt, issue and return must name one (an adjustment takes
    the lot of the receipt it adjusts)."""
    named = next((move for move in movements if move.lot), None)
    if named is None:
        return False
    for move in movements:
        if not move.lot and move.effective_kind != ADJUSTMENT:
            where = "another movement" if named.row is None else f"row {named.row}"
            raise ClosingError(
                f"product {product}: {where} names the lot/serial number "
                f"{named.lot} but this one names none: a product valued by "
                "lot/serial number names the lot on every receipt, issue and "
                "return to the vendor (an adjustment takes the lot of its receipt)",
                source,
                move.row,
                "lot",
            )
    return True


def _lot_of(move, kind, receipt_lots, product, source):
    """The lot a movement of an item valued by lot/serial number goes to or takes
    from; an adjustment and a return must agree with the receipt they name."""
    if kind == ADJUSTMENT:
        reference = move.adjusts
    elif kind == VENDOR_RETURN:
        reference = move.returns
    else:
        return move.lot
    received = receipt_lots.get(reference, [])
    if move.lot and (not received or move.lot in received):
        return move.lot
    if len(received) == 1 and not move.lot:
        return received[0]
    if len(received) == 1:
        named = f"the lot/serial number {received[0]}"
    else:
        named = f"the lots/serial numbers {', '.join(received)}"
    if move.lot:
        message = (
            f"receipt {reference} received {named}, not {move.lot}: name the lot "
            "of the receipt"
        )
    elif received:
        message = f"receipt {reference} received {named}: name the one it concerns"
    else:
        message = (
            f"no receipt {reference} of a lot/serial number comes before this "
            "adjustment: name its lot/serial number"
        )
    raise ClosingError(f"product {product}: {message}", source, move.row, "lot")


def _fmt(quantity):
    return format(quantity.normalize(), "f") if quantity else "0"
