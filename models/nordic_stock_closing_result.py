"""The engine call: settings → snapshot → lines → engine → stored result."""

import hashlib
from decimal import Decimal
from types import MappingProxyType

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..nordic_closing import (
    INVENTORY_CLASSES,
    ClosingError,
    ItemStock,
    ItemTotals,
    compute_closing,
    items_valued_apart,
)
from ..nordic_closing.money import ZERO
from ..nordic_closing.valuation import nrv_from_sales_price
from .nordic_stock_closing import _dec, without_cycle_collector
from .nordic_stock_closing_storage import engine_figures

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

    def _nordic_store_result(self, result, lines_stored=True):
        """The one writer of what the engine computed: the items' figures (new
        lines, ``lines_stored=False``: inserted with them; stored lines: updated
        where they changed), the class summary, the disclosures and the entry
        preview. Compute, an entered NRV or replacement cost, an import and the
        posting all store through here, so that every figure agrees with the
        others."""
        if lines_stored:
            self._nordic_update_lines(result)
        else:
            for row, item in zip(result.lines, result.items, strict=True):
                for fname, value in engine_figures(item).items():
                    setattr(row, fname, value)
            self._nordic_insert_lines(result.lines)
        account_ids = result.account_ids
        self.class_ids._nordic_sudo_unlink()
        self.entry_line_ids._nordic_sudo_unlink()
        self.disclosure_ids._nordic_sudo_unlink()
        booked, rule = result.rule_97, result.tax_rule_97
        self._nordic_write(
            {
                "class_ids": [
                    fields.Command.create(self._prepare_class_vals(c, result))
                    for c in result.classes
                ],
                "entry_line_ids": [
                    fields.Command.create(
                        self._prepare_entry_line_vals(index, line, account_ids)
                    )
                    for index, line in enumerate(result.entry)
                ],
                "disclosure_ids": [
                    fields.Command.create(vals)
                    for vals in self._prepare_disclosure_vals(result)
                ],
                "acquisition_value": result.acquisition_value,
                "write_down": result.write_down,
                "closing_value": result.closing_value,
                "rule_97_chosen": booked.chosen if booked else False,
                "rule_97_allowance": booked.allowance if booked else 0,
                # Sweden: the tax view's figures also when the rule is not booked
                "rule_97_main_value": rule.main_rule_value if rule else 0,
                "rule_97_alternative_value": rule.alternative_value if rule else 0,
                "notes": "\n".join(result.notes) or False,
            }
        )

    def _prepare_item_results(self, result):
        """Hook: the engine's result of the items, before it is stored.

        Called whenever the engine has valued the items (``_nordic_engine``), so
        before any result is stored (compute, an NRV entered, an import, posting)
        or written to the workbook.
        ``result.items`` (the engine's ``ItemResult``) are aligned with
        ``result.lines`` (:class:`ClosingRow`, ``extra`` holding other addons'
        columns); when values were entered on a few lines, only those. An
        override may set an item's ``reason`` to another key of
        ``_get_write_down_reasons()`` (e.g. a customer's own reason for what the
        engine wrote down); the line, the workbook and the list views then show
        it. It must not change an amount (write-down, values: the classes, the
        entry and the disclosures are computed from them) nor the items' order.
        Returns nothing. Default: nothing changed."""

    def _get_write_down_reasons(self):
        """Hook: ``{key: label}`` of the write-down reasons a line may have, in
        the environment's language: the engine's and those another addon adds to
        the line's ``write_down_reason`` (``selection_add``, translated as Odoo
        translates selections). The workbook names a reason the engine does not
        know by its label here; a reason set in ``_prepare_item_results`` must be
        one of these."""
        field = self.env["nordic.stock.closing.line"]._fields["write_down_reason"]
        return dict(field._description_selection(self.env))

    def _nordic_check_reasons(self, result):
        unknown = {item.reason for item in result.items} - {
            "",
            *self._get_write_down_reasons(),
        }
        if unknown:
            raise ValueError(
                "write-down reasons not offered by _get_write_down_reasons: "
                + ", ".join(sorted(unknown))
            )

    def _prepare_entry_line_vals(self, index, line, account_ids):
        """Hook: a line of the entry preview (``nordic.stock.closing.entry``).

        Called by the one writer for each of the engine's ``EntryLine`` (``index``:
        its position; ``account_ids``: ``{account code: id}``) whenever a result is
        stored. Returns the values of the preview line; the posted entry is built
        from these stored lines (``_prepare_move_line_vals``), so preview and entry
        are one. An override may change the label (``name``) or add values of
        fields it adds to the preview; it must not change the account or the
        amounts (the entry balances and reconciles with the classes)."""
        return {
            "sequence": index,
            "account_id": account_ids[line.account],
            "debit": line.debit,
            "credit": line.credit,
            "name": line.label,
            "inventory_class": line.inventory_class
            if line.inventory_class in INVENTORY_CLASSES
            else False,
        }

    def _prepare_disclosure_vals(self, result):
        """Hook: the disclosures (``nordic.stock.closing.disclosure``) of
        ``result``, as the engine computed them: Denmark's tax value per product
        group and the replacement value note per inventory account. Called by the
        one writer whenever a result is stored; returns a list of values. An
        override may add values (of its own fields, or its own rows); it must not
        change the engine's figures."""
        groups = [
            {
                "kind": "tax_group",
                "sequence": index,
                "name": group.name,
                "tax_principle": group.principle,
                "book_value": group.book_value,
                "compare_value": group.tax_value,
                "difference": group.difference,
            }
            for index, group in enumerate(result.tax_groups or ())
        ]
        accounts = [
            {
                "kind": "replacement",
                "sequence": index,
                "name": line.inventory_account,
                "account_id": result.account_ids.get(line.inventory_account),
                "book_value": line.cost,
                "compare_value": line.replacement_value,
                "difference": line.difference,
            }
            for index, line in enumerate(result.replacement_disclosure or ())
        ]
        return groups + accounts

    def _prepare_class_vals(self, cls, result):
        """Hook: a class of the stock equation (``nordic.stock.closing.class``)
        from the engine's ``cls`` of ``result``. Called by the one writer for each
        class whenever a result is stored; returns its values. An override may add
        values of its own fields; it must not change the engine's figures."""
        account_ids = result.account_ids
        ledger_balance = _dec(result.ledger.get(cls.inventory_account, 0))
        return {
            "inventory_class": cls.inventory_class,
            "inventory_account_id": account_ids.get(cls.inventory_account),
            "contra_account_id": account_ids.get(cls.contra_account),
            "change_account_id": account_ids.get(cls.change_account),
            "write_down_account_id": account_ids.get(cls.write_down_pl_account),
            "opening_value": cls.opening_value,
            "purchases": cls.purchases,
            "closing_acquisition_value": cls.closing_acquisition_value,
            "write_down": cls.write_down,
            "closing_value": cls.closing_value,
            "cost_of_goods_sold": cls.cost_of_goods_sold,
            "change": cls.change,
            "ledger_balance": ledger_balance,
            "ledger_difference": cls.closing_acquisition_value - ledger_balance,
            "tax_value": cls.tax_value,
            "temporary_difference": cls.temporary_difference,
        }
