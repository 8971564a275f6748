"""Data profiles of the Odoo benchmark (see bench_odoo.py).

``clean`` is the benchmark's original data (``clean_history``). The others
generate, per product, a history whose values Odoo would book the same way and the
closing must find again (all unit costs in whole cents, so that FIFO and lot values
are exact):

``importer``  a landed cost on 30 % of the receipts of FIFO and AVCO products (a
              quantity-0 layer on the receipt, linked to the landed cost of the
              receipt's day); a vendor-bill price difference on 20 % of them, 1-29
              days later, booked on what is left of the receipt then (FIFO: its
              units still in stock; AVCO: at most the stock), linked to the bill of
              its day; returns to the vendor of 2 % of the receipts (FIFO: units of
              the oldest receipt still in stock, so that FIFO and "its own receipt"
              agree); customer returns of 2 % of the issues, at the issue's unit
              cost. Returns and the moves they return carry a stock move.
``lots``      20 % of the products (FIFO or AVCO only) valued by lot
              (``lot_valuated``, 2-5 lots each): every layer names a lot, an issue
              takes from one lot (FIFO inside it, or its own average; an AVCO lot
              is received at its average while it has stock, so that its average
              stays in whole cents).
``mixed``     all of it, with real-time and periodic categories for FIFO and AVCO.
"""

import heapq
from collections import deque

PROFILES = ("clean", "importer", "lots", "mixed")
FEATURES = {
    # adjustments and returns, share of lot-valued products, mixed valuation
    "clean": (False, 0.0, False),
    "importer": (True, 0.0, False),
    "lots": (False, 0.25, False),  # 25 % of the 80 % FIFO/AVCO products: 20 %
    "mixed": (True, 0.25, True),
}
LANDED_SHARE = 0.30
BILL_SHARE = 0.20
# ~55 % of the layers are receipts, ~45 % issues
VENDOR_RETURN_CHANCE = 0.02 * 55 / 45  # per issue: 2 % of the receipts
CUSTOMER_RETURN_CHANCE = 0.02 * 45 / 55  # per receipt: 2 % of the issues

# layer kinds of the generated histories (for the stock moves)
PURCHASE, ISSUE, VENDOR_RETURN, CUSTOMER_RETURN, LANDED, BILL = range(6)


class Layer:
    __slots__ = ("day", "second", "qty", "value", "parent", "lot", "kind", "origin")

    def __init__(self, day, second, qty, value, kind, lot=None, parent=None):
        self.day, self.second, self.qty, self.value = day, second, qty, value
        self.kind, self.lot, self.parent, self.origin = kind, lot, parent, None


class _Stock:
    """One product's (or lot's) stock while its history is generated."""

    __slots__ = ("qty", "value", "queue", "last_purchase")

    def __init__(self):
        self.qty = self.value = 0
        self.queue = deque()  # FIFO: [layer index, units left, unit cost cents]
        self.last_purchase = None  # (layer index, quantity)


def clean_history(rng, n_layers, method, cost, dormant, span_days):
    """Layers of one product in date order: (day, second, qty, value cents,
    landed-cost parent offset or None); FIFO receipts get their remaining at the end.

    Values are integer cents: FIFO issues take the oldest lots, AVCO issues the
    average, standard the fixed cost; 3 % of FIFO receipts get a landed-cost layer
    (quantity 0) right after them. The stock never goes below zero."""
    span = 300 if dormant else span_days
    stamps = sorted(
        (rng.randrange(span), rng.randrange(6 * 3600, 18 * 3600 - 120))
        for _ in range(n_layers)
    )
    layers = []  # [day, second, qty, value, parent index, remaining qty, remaining]
    lots = deque()  # FIFO: [layer index, qty left, value left]
    stock = stock_value = 0
    for day, second in stamps:
        if len(layers) >= n_layers:
            break
        if stock > 5 and rng.random() < 0.45:
            qty = rng.randrange(1, stock + 1)
            if method == "fifo":
                value, need = 0, qty
                while need:
                    lot = lots[0]
                    take = min(need, lot[1])
                    part = lot[2] if take == lot[1] else round(lot[2] * take / lot[1])
                    lot[1] -= take
                    lot[2] -= part
                    value += part
                    need -= take
                    if not lot[1]:
                        lots.popleft()
            elif method == "average" and qty < stock:
                value = round(stock_value * qty / stock)
            elif method == "average":
                value = stock_value
            else:
                value = qty * cost
            stock -= qty
            stock_value -= value
            layers.append([day, second, -qty, -value, None])
            continue
        qty = rng.randrange(1, 50)
        unit = cost if method == "standard" else round(cost * rng.uniform(0.8, 1.2))
        value = qty * unit
        stock += qty
        stock_value += value
        layers.append([day, second, qty, value, None])
        if method == "fifo":
            lots.append([len(layers) - 1, qty, value])
            if rng.random() < 0.03 and len(layers) < n_layers:
                landed = round(value * 0.1)
                lots[-1][2] += landed
                stock_value += landed
                layers.append([day, second + 60, 0, landed, len(layers) - 1])
    remaining = {index: (qty, value) for index, qty, value in lots}
    return layers, remaining


def profile_history(rng, n_layers, method, cost, dormant, span_days, adjust, lots):
    """Layers (``Layer``) of one product in date order and the FIFO receipts'
    remaining ``{index: (qty, value)}``; ``lots``: number of lots (0: none)."""
    span = 300 if dormant else span_days
    stamps = sorted(
        (rng.randrange(span), rng.randrange(6 * 3600, 18 * 3600 - 120))
        for _ in range(n_layers)
    )
    history = _History(rng, n_layers, method, cost, adjust, lots)
    for day, second in stamps:
        if len(history.layers) >= n_layers:
            break
        history.apply_pending((day, second))
        full = [n for n, s in enumerate(history.stocks) if s.qty > 5]
        if full and rng.random() < 0.45:
            history.issue(day, second, rng.choice(full))
        else:
            history.receipt(day, second)
    history.apply_pending((span_days, 0))
    remaining = {
        index: (entry[1], entry[1] * entry[2])
        for index, entry in history.entry_of.items()
        if entry[1]
    }
    return history.layers, remaining


class _History:
    """One product's history while ``profile_history`` generates it."""

    def __init__(self, rng, n_layers, method, cost, adjust, lots):
        self.rng, self.n_layers, self.method, self.cost = rng, n_layers, method, cost
        self.adjust, self.returns, self.lots = adjust, adjust, lots
        self.fifo, self.average = method == "fifo", method == "average"
        self.stocks = [_Stock() for _ in range(max(lots, 1))]
        self.layers = []
        self.entry_of = {}  # FIFO: {receipt index: its queue entry}
        self.issues = []  # indexes of the issues not returned
        self.pending = []  # heap of the price differences to book

    def take(self, stock, qty):
        """Value of ``qty`` units issued from ``stock``."""
        if self.fifo:
            value, need = 0, qty
            while need:
                entry = stock.queue[0]
                used = min(need, entry[1])
                entry[1] -= used
                value += used * entry[2]
                need -= used
                if not entry[1]:
                    stock.queue.popleft()
        elif self.average and self.lots:
            value = qty * (stock.value // stock.qty)  # whole cents per unit
        elif self.average:
            value = (
                round(stock.value * qty / stock.qty) if qty < stock.qty else stock.value
            )
        else:
            value = qty * self.cost
        stock.qty -= qty
        stock.value -= value
        return value

    def receive(self, day, second, stock, lot, qty, unit, kind):
        self.layers.append(Layer(day, second, qty, qty * unit, kind, lot))
        stock.qty += qty
        stock.value += qty * unit
        index = len(self.layers) - 1
        if self.fifo:
            self.entry_of[index] = [index, qty, unit]
            stock.queue.append(self.entry_of[index])
        return index

    def price_difference(self, day, second, index, diff):
        receipt = self.layers[index]
        stock = self.stocks[receipt.lot or 0]
        if self.fifo:
            entry = self.entry_of[index]
            left = entry[1]
            entry[2] += diff if left else 0
        elif self.lots:  # the lot's average stays in whole cents
            left = stock.qty if stock.qty <= receipt.qty else 0
        else:
            left = min(receipt.qty, stock.qty)
        if not left:
            return  # all of it issued: Odoo books it to the cost of goods sold
        self.layers.append(Layer(day, second, 0, diff * left, BILL, receipt.lot, index))
        stock.value += diff * left

    def apply_pending(self, until):
        while self.pending and self.pending[0][:2] < until:
            bill_day, bill_second, _seq, index, diff = heapq.heappop(self.pending)
            self.price_difference(bill_day, bill_second, index, diff)

    def issue(self, day, second, lot):
        """An issue from ``lot`` (or a return to the vendor)."""
        stock = self.stocks[lot]
        if self.returns and self.rng.random() < VENDOR_RETURN_CHANCE:
            if self.vendor_return(day, second, lot):
                return
        qty = self.rng.randrange(1, stock.qty + 1)
        value = self.take(stock, qty)
        self.layers.append(Layer(day, second, -qty, -value, ISSUE, lot))
        self.issues.append(len(self.layers) - 1)

    def vendor_return(self, day, second, lot):
        """Units of a receipt still in stock returned to the vendor, if any: done."""
        stock = self.stocks[lot]
        if self.fifo:  # the oldest receipt still in stock
            origin, limit = stock.queue[0][0], stock.queue[0][1]
        else:
            origin, limit = stock.last_purchase or (None, 0)
        if origin is None or self.layers[origin].kind != PURCHASE:
            return False
        qty = self.rng.randrange(1, min(limit, stock.qty) + 1)
        value = self.take(stock, qty)
        layer = Layer(day, second, -qty, -value, VENDOR_RETURN, lot)
        layer.origin = origin
        self.layers.append(layer)
        return True

    def receipt(self, day, second):
        """A purchase (or a customer return), with its landed cost and price
        difference."""
        rng = self.rng
        lot = rng.randrange(len(self.stocks))
        stock = self.stocks[lot]
        if self.returns and self.issues and rng.random() < CUSTOMER_RETURN_CHANCE:
            if self.customer_return(day, second):
                return
        qty = rng.randrange(1, 50)
        if self.method == "standard":
            unit = self.cost
        elif self.average and self.lots and stock.qty:
            unit = stock.value // stock.qty  # the lot's average
        else:
            unit = round(self.cost * rng.uniform(0.8, 1.2))
        lot = lot if self.lots else None
        index = self.receive(day, second, stock, lot, qty, unit, PURCHASE)
        stock.last_purchase = (index, qty)
        if self.adjust and self.method != "standard":
            self.adjustments(day, second, stock, index, qty, unit)

    def customer_return(self, day, second):
        """Units of the last issue returned at its unit cost, if the lot's average
        allows: done."""
        issue = self.layers[self.issues[-1]]
        unit = round(issue.value / issue.qty)  # the issue's unit cost
        target = self.stocks[issue.lot or 0]
        # an AVCO lot keeps its average in whole cents
        if self.average and self.lots and target.qty:
            if target.value != target.qty * unit:
                return False
        origin = self.issues.pop()
        qty = self.rng.randrange(1, -issue.qty + 1)
        index = self.receive(day, second, target, issue.lot, qty, unit, CUSTOMER_RETURN)
        self.layers[index].origin = origin
        return True

    def adjustments(self, day, second, stock, index, qty, unit):
        """A landed cost (right after it) and a price difference (days later) on
        the receipt ``index``, each by chance."""
        rng = self.rng
        if rng.random() < LANDED_SHARE and len(self.layers) < self.n_layers:
            per_unit = max(1, round(unit * rng.uniform(0.02, 0.15)))
            units = stock.qty if self.average and self.lots else qty
            lot = self.layers[index].lot
            self.layers.append(
                Layer(day, second + 60, 0, per_unit * units, LANDED, lot, index)
            )
            stock.value += per_unit * units
            if self.fifo:
                self.entry_of[index][2] += per_unit
        if rng.random() < BILL_SHARE:
            diff = round(unit * rng.uniform(-0.08, 0.08)) or 1
            bill_day = day + rng.randrange(1, 30)
            bill_second = rng.randrange(6 * 3600, 18 * 3600 - 120)
            heapq.heappush(
                self.pending, (bill_day, bill_second, len(self.layers), index, diff)
            )
