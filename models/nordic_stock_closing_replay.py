"""The products the engine replays from their movements: FIFO products returned to
the vendor and products valued by lot/serial number, one product at a time."""

from itertools import groupby
from operator import itemgetter

from odoo import models
from odoo.exceptions import UserError

from ..nordic_closing import ClosingError
from ..nordic_closing.valuation import (
    ADJUSTMENT,
    MOVEMENT_KINDS,
    VENDOR_RETURN,
    Movement,
    value_movements,
)
from .nordic_stock_closing import _dec


class NordicStockClosingReplay(models.Model):
    _inherit = "nordic.stock.closing"

    def _nordic_replay(self, rows, categories, movements):
        """Value the replayed products with the engine, from their movements: FIFO
        products returned to the vendor, and products valued by lot/serial number
        (each lot at its own cost: FIFO inside the lot, or the lot's average).
        ``movements``: the rows of REPLAYED_MOVEMENTS in the order of their
        products, read a chunk at a time: one product's movements are held at
        once, not all (hundreds of megabytes where 20,000 products are valued by
        lot)."""
        replayed = {row.product_id: row for row in rows if row.replayed}
        for product_id, group in groupby(movements, key=itemgetter(0)):
            row = replayed.pop(product_id, None)
            if row is not None:
                self._nordic_replay_item(row, categories, group)
        for row in replayed.values():  # no movement up to the date
            self._nordic_replay_item(row, categories, ())

    def _nordic_replay_item(self, row, categories, movements):
        """Value one replayed product (``row``) from its movements."""
        lot_ids = {}  # lot name: stock.lot id
        replay = []
        for (
            _product_id,
            kind,
            quantity,
            value,
            day,
            reference,
            target,
            lot_id,
            lot,
        ) in movements:
            if kind not in MOVEMENT_KINDS:
                continue  # a revaluation without receipt: not part of FIFO's lots
            quantity, value = _dec(quantity), _dec(value)
            if lot_id:
                lot_ids[lot] = lot_id
            replay.append(
                Movement(
                    day,
                    quantity,
                    value / quantity if quantity > 0 else None,
                    kind=kind,
                    reference=reference,
                    returns=target if kind == VENDOR_RETURN else None,
                    adjusts=target if kind == ADJUSTMENT else None,
                    value=value,
                    lot=lot,
                )
            )
        try:
            item = value_movements(
                # named in the engine's messages as the user knows it
                row.default_code or row.name,
                categories[row.categ_id]["class"],
                replay,
                self.date,
                self.fiscal_year_start,
                method=categories[row.categ_id]["cost_method"],
                allow_negative=True,
            )
        except ClosingError as error:
            # e.g. a product switched to valuation by lot whose layers name a lot
            # on some movements and none on others (the replay also values FIFO
            # products returned to the vendor: the text names neither)
            raise UserError(
                self.env._(
                    "%(error)s (its movements valued up to %(date)s).",
                    error=error.message,
                    date=self._nordic_date(self.date),
                )
            ) from None
        row.acquisition_value = item.acquisition_value
        row.opening_value = item.opening_value
        row.purchases = item.purchases
        row.lots = [(lot_ids.get(lot.lot), lot) for lot in item.lots]

    def _nordic_product_list(self, rows, limit=20):
        names = [
            f"[{r.default_code}] {r.name}" if r.default_code else r.name
            for r in rows[:limit]
        ]
        more = len(rows) - limit
        if more > 0:
            names.append(self.env._("… and %(count)s more", count=more))
        return "\n".join(names)
