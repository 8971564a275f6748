"""The engine call: settings → snapshot → lines → engine → stored result."""

import hashlib
from decimal import Decimal
from types import MappingProxyType

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..nordic_closing import (
    ClosingError,
    ItemStock,
    ItemTotals,
    compute_closing,
    items_valued_apart,
)
from ..nordic_closing.money import ZERO
from .nordic_stock_closing import without_cycle_collector

#: where the items of the database come from in a file: nowhere
NO_ORIGIN = MappingProxyType({})
#: a difference Odoo's rounding of each layer can make (more is explained)
CENT_AND_A_BIT = Decimal("0.0101")


class NordicStockClosingResult(models.Model):
    _inherit = "nordic.stock.closing"

    @without_cycle_collector
    def _nordic_compute(self):
        """Value the stock from the database and store the engine's result; the
        result (for the posting, which books exactly that)."""
        self.ensure_one()
        # what the snapshot's SQL reads must include the changes still pending in
        # this transaction (a sales price, a vendor price or a category set just
        # before, by a script or a server action): write them all first
        self.env.flush_all()
        self._nordic_country()
        categories = self._nordic_categories()
        # the settings first: the snapshot reads the fiscal year start kept with them
        self._nordic_write(
            {
                **self._prepare_settings_vals(),
                "categories_fingerprint": self._nordic_fingerprint(categories),
            }
        )
        snapshot = self._nordic_read_layers(categories)
        self._nordic_check_negative(snapshot)
        entered = self._nordic_entered_inputs()
        self.line_ids._nordic_sudo_unlink()
        rows = self._prepare_line_rows(snapshot, categories, entered)
        result = self._nordic_engine(
            [self._nordic_item(row, categories) for row in rows], categories, lines=rows
        )
        self._nordic_store_result(result, lines_stored=False)
        self._nordic_write({"state": "computed"})
        return result

    def _nordic_posting_result(self):
        """What posting books: the stored computation when nothing it rests on has
        changed since (no movement entered, the same settings, categories and
        product categories), else a new computation from the database. Either way
        the engine runs on the figures in the database, never on edited ones."""
        if self.state == "computed" and not self._nordic_changed_since_computed():
            categories = self._nordic_categories()
            if self.categories_fingerprint == self._nordic_fingerprint(categories):
                result = self._nordic_result(categories)
                self._nordic_store_result(result)
                return result
        return self._nordic_compute()

    def _nordic_changed_since_computed(self):
        """Whether a setting, a movement or a product's category changed since the
        closing was computed."""
        settings = self._prepare_settings_vals()
        kept = (
            "fiscal_year_start",
            "framework",
            "rule_97",
            "selling_cost_percent",
            "obsolescence_bands",
            "fixed_values",
            "fixed_value_tolerance",
            "previous_write_downs",
        )
        if any((self[fname] or False) != (settings[fname] or False) for fname in kept):
            return True
        if self._nordic_late_movements()[0]:
            return True
        self.env["nordic.stock.closing.line"].flush_model()
        self.env["product.template"].flush_model(["categ_id"])
        self.env.cr.execute(
            SQL(
                """
SELECT 1 FROM nordic_stock_closing_line l
  JOIN product_product pp ON pp.id = l.product_id
  JOIN product_template pt ON pt.id = pp.product_tmpl_id
 WHERE l.closing_id = %s AND pt.categ_id IS DISTINCT FROM l.categ_id
 LIMIT 1
                """,
                self.id,
            )
        )
        return bool(self.env.cr.fetchone())

    @staticmethod
    def _nordic_fingerprint(categories):
        """A short digest of what the closing used of its categories."""
        text = repr(
            sorted(
                (
                    category_id,
                    info["class"],
                    info["cost_method"],
                    info["real_time"],
                    info["tax_principle"],
                )
                + tuple(sorted(info["account_ids"].items()))
                for category_id, info in categories.items()
            )
        )
        return hashlib.sha256(text.encode()).hexdigest()

    def _nordic_check_negative(self, snapshot):
        negative = [row for row in snapshot if row.quantity < 0]
        if negative:
            raise UserError(
                self.env._(
                    "These products have negative stock on %(date)s; record the "
                    "missing receipts or correct the deliveries, then compute "
                    "again:\n%(products)s",
                    date=self._nordic_date(self.date),
                    products=self._nordic_product_list(negative),
                )
            )

    @without_cycle_collector
    def _nordic_result(self, categories=None, changed_line_ids=None):
        """The engine's closing of the stored lines against the ledger.

        ``changed_line_ids``: only these lines' inputs changed (an NRV entered):
        where each item is valued on its own figures (``items_valued_apart``), the
        engine values these lines and takes the others as the totals of their
        stored figures (read by one aggregate, not line by line); else the other
        lines keep their stored valuation and the engine reads them all, their
        classes and the entry again (unless a rule values every item from the
        totals)."""
        self.ensure_one()
        if categories is None:
            categories = self._nordic_categories()
        class_accounts = self._nordic_class_accounts(categories)
        if changed_line_ids is not None and items_valued_apart(
            self._nordic_options(class_accounts[0], categories)
        ):
            lines = self._nordic_read_lines(line_ids=list(changed_line_ids))
            totals = self._nordic_item_totals(categories, changed_line_ids)
            result = self._nordic_engine(
                [self._nordic_item(line, categories) for line in lines],
                categories,
                totals=totals,
                class_accounts=class_accounts,
                lines=lines,
            )
            return result
        lines = self._nordic_read_lines()
        kept = None
        if changed_line_ids is not None:
            kept = {
                index: (line.write_down or ZERO, line.write_down_reason or "")
                for index, line in enumerate(lines)
                if line.id not in changed_line_ids
            }
        result = self._nordic_engine(
            [self._nordic_item(line, categories) for line in lines],
            categories,
            kept,
            class_accounts=class_accounts,
            lines=lines,
        )
        return result

    def _nordic_item_totals(self, categories, excluded_line_ids):
        """The engine's ``ItemTotals`` of the stored lines but ``excluded_line_ids``,
        per category (its class and accounts): their stored figures summed in one
        aggregate. The replacement value of a line is as the engine has it
        (``ItemResult.replacement_value``): quantity × replacement cost to the
        cent, or the acquisition value where the line has none."""
        self.env["nordic.stock.closing.line"].flush_model()
        self.env.cr.execute(
            SQL(
                """
SELECT categ_id, inventory_class, COUNT(*),
       COALESCE(SUM(acquisition_value), 0)::text,
       COALESCE(SUM(opening_value), 0)::text,
       COALESCE(SUM(purchases), 0)::text,
       COALESCE(SUM(write_down), 0)::text,
       COALESCE(SUM(tax_value), 0)::text,
       COALESCE(SUM(CASE WHEN COALESCE(replacement_source, 'none') = 'none'
                              OR replacement_cost IS NULL
                         THEN COALESCE(acquisition_value, 0)
                         ELSE ROUND(COALESCE(quantity, 0) * replacement_cost, 2)
                    END), 0)::text
  FROM nordic_stock_closing_line
 WHERE closing_id = %s AND id <> ALL(%s)
 GROUP BY categ_id, inventory_class
                """,
                self.id,
                list(excluded_line_ids),
            )
        )
        return [
            ItemTotals(
                inventory_class,
                categories[categ_id]["accounts"],
                count,
                *map(Decimal, amounts),
            )
            for categ_id, inventory_class, count, *amounts in self.env.cr.fetchall()
        ]

    def _nordic_engine(
        self, items, categories, kept=None, totals=(), class_accounts=None, lines=()
    ):
        """The engine's closing of ``items`` (and of the ``totals`` of the items not
        given) against the ledger; ``class_accounts``: ``_nordic_class_accounts``
        of ``categories`` when the caller has them already; ``lines``: the
        :class:`ClosingRow` of the items (``result.lines``), which
        ``_prepare_item_results`` sees with the items: every result, stored or
        written to the workbook, has been through it."""
        accounts_by_class, account_ids = class_accounts or self._nordic_class_accounts(
            categories
        )
        ledger = self._nordic_ledger(account_ids)
        try:
            result = compute_closing(
                items,
                self._nordic_options(accounts_by_class, categories),
                ledger,
                kept=kept,
                totals=totals,
            )
        except ClosingError as error:
            raise UserError(str(error)) from None
        result.account_ids = account_ids
        result.lines = lines
        self._prepare_item_results(result)
        self._nordic_check_reasons(result)
        return result

    def _nordic_item(self, line, categories):
        """A line (:class:`ClosingRow`: a snapshot row or a stored line) for the
        engine; its Decimals are the engine's (shared, not copied)."""
        category = categories[line.categ_id]
        return ItemStock(
            product=line.default_code or line.name,
            inventory_class=line.inventory_class,
            # a line the ORM stored without a figure reads NULL: zero
            quantity=line.quantity or ZERO,
            acquisition_value=line.acquisition_value or ZERO,
            opening_quantity=line.opening_quantity or ZERO,
            opening_value=line.opening_value or ZERO,
            purchases=line.purchases or ZERO,
            last_movement=line.last_movement,
            name=line.name,
            unit=line.unit,
            net_realisable_value=None
            if line.nrv_source in (None, "none")
            else line.net_realisable_value,
            nrv_source=line.nrv_source or False,
            replacement_cost=None
            if line.replacement_source in (None, "none")
            else line.replacement_cost,
            tax_group=category["tax_group"],
            note=line.valuation_note or "",
            accounts=category["accounts"],
            # a line of the database has no file row to point at: one empty
            # mapping for all (an own dict each is 30 MB at 500,000 items)
            origin=NO_ORIGIN,
            lots=tuple(lot for _lot_id, lot in line.lots or ()),
        )
