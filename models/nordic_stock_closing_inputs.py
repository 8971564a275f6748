"""What the engine values besides the snapshot: the NRV and replacement cost
entered on lines, else proposed from the sales and vendor prices, and the notes
that explain a value differing from Odoo's own."""

from odoo import models
from odoo.tools import SQL

from ..nordic_closing.valuation import nrv_from_sales_price
from .nordic_stock_closing import _dec
from .nordic_stock_closing_result import (
    CENT_AND_A_BIT,
)


class NordicStockClosingInputs(models.Model):
    _inherit = "nordic.stock.closing"

    def _nordic_entered_inputs(self):
        """``{product id: {field: amount}}``: the NRVs and replacement costs a person
        entered on the lines, kept when the closing is computed again."""
        Line = self.env["nordic.stock.closing.line"]
        Line.flush_model()
        self.env.cr.execute(
            SQL(
                """
SELECT product_id,
       CASE WHEN nrv_source = 'manual' THEN net_realisable_value END,
       CASE WHEN replacement_source = 'manual' THEN replacement_cost END
  FROM nordic_stock_closing_line
 WHERE closing_id = %s AND 'manual' IN (nrv_source, replacement_source)
                """,
                self.id,
            )
        )
        return {
            product_id: {
                fname: amount
                for fname, amount in (
                    ("net_realisable_value", nrv),
                    ("replacement_cost", replacement),
                )
                if amount is not None
            }
            for product_id, nrv, replacement in self.env.cr.fetchall()
        }

    def _prepare_line_rows(self, snapshot, categories, entered):
        """Hook: the snapshot as the lines to value and store.

        Called once per computation, after the snapshot is read and before the
        engine runs. ``snapshot``: the :class:`ClosingRow` of each product (the
        SQL's figures, the columns of ``_prepare_snapshot_columns`` in ``extra``);
        ``categories``: ``{category id: info}``; ``entered``: ``{product id:
        {field: amount}}`` entered by a person on the earlier lines. Returns the
        rows to store, in their order (the lines' ids): here each gets its class,
        its NRV and replacement cost (the entered one kept, else proposed from the
        sales and vendor price) and a note where its value differs from Odoo's.
        An override may fill the line columns it declares (``row.extra[name]``)
        from Python; it must not add, drop or reorder rows nor change their
        figures (quantity, values: the engine's input and the ledger's
        reconciliation)."""
        for row in snapshot:
            row.inventory_class = categories[row.categ_id]["class"]
        proposed = self._nordic_proposed_inputs(snapshot)
        note = self._nordic_valuation_noter()
        for row in snapshot:
            own = entered.get(row.product_id, {})
            if "net_realisable_value" in own:
                nrv = (_dec(own["net_realisable_value"]), "manual")
            else:
                nrv = proposed[row.product_id]["net_realisable_value"]
            if "replacement_cost" in own:
                replacement = (_dec(own["replacement_cost"]), "manual")
            else:
                replacement = proposed[row.product_id]["replacement_cost"]
            row.list_price = None  # used: the NRV holds it
            row.net_realisable_value, row.nrv_source = nrv
            row.replacement_cost, row.replacement_source = replacement
            row.valuation_note = note(row)
        return snapshot

    def _nordic_proposed_inputs(self, rows):
        """``{product id: {field: (amount or None, source)}}``: what a computation
        proposes where no value is entered (at compute, and when an entered value
        is cleared): the NRV from the sales price less the selling costs, the
        replacement cost from the first valid vendor price. ``rows``: with
        ``product_id``, ``inventory_class`` and ``list_price``."""
        selling_cost = self.company_id.nordic_selling_cost_percent
        vendor_prices = self._nordic_vendor_prices(rows)
        proposed = {}
        for row in rows:
            nrv = nrv_from_sales_price(
                row.inventory_class, row.list_price, selling_cost
            )
            price = vendor_prices.get(row.product_id)
            proposed[row.product_id] = {
                "net_realisable_value": (nrv, "none" if nrv is None else "sales_price"),
                "replacement_cost": (
                    price,
                    "none" if price is None else "vendor_price",
                ),
            }
        return proposed

    def _nordic_valuation_noter(self):
        """A function giving a row (snapshot or line) the note that says why the
        closing's value differs from Odoo's own valuation, if it does by more than
        a cent (Odoo rounds each layer, the closing each item once), else None; in
        the document's language, its texts and number format read once."""
        closing = self.with_context(lang=self._nordic_document_lang())
        _ = closing.env._
        money = closing._nordic_money_formatter()
        reasons = {
            True: _(
                "a return to the vendor takes out the units of the receipt it "
                "returns, at its cost with its landed costs; Odoo takes them from "
                "the oldest receipt"
            ),
            False: _(
                "the closing takes the movements in the order of their accounting "
                "dates, Odoo in the order they were entered"
            ),
        }
        text = _(
            "Odoo's own valuation is %(odoo)s (difference %(difference)s): %(reason)s."
        )

        def note(row):
            if abs(row.acquisition_value - row.odoo_value) <= CENT_AND_A_BIT:
                return None
            closing_value = round(row.acquisition_value, 2)
            odoo_value = round(row.odoo_value, 2)
            return text % {
                "odoo": money(odoo_value),
                "difference": money(closing_value - odoo_value),
                "reason": reasons[bool(row.replayed)],
            }

        return note
