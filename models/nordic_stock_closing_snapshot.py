"""Every read of the closing: settings, categories, valuation layers, ledger."""

from contextlib import contextmanager
from datetime import datetime, timedelta
from datetime import time as datetime_time

import pytz

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..nordic_closing import default_fiscal_year_start
from ..nordic_closing.countries import COUNTRY
from ..nordic_closing.frameworks import get_framework
from .nordic_closing_rows import (
    DECIMAL_FIELDS,
    DECIMAL_TYPES,
    cursor_chunks,
    fetch_rows,
)
from .nordic_stock_closing import _dec
from .nordic_stock_closing_queries import (
    ADJUSTED_PRODUCTS,
    DATED_LAYERS,
    PRODUCT_SETS,
    PRODUCT_SNAPSHOT,
    REPLAYED_MOVEMENTS,
    VENDOR_PRICES,
)

#: cost methods whose products Odoo may value by lot/serial number, as the
#: engine does: FIFO inside the lot, the lot's own average
LOT_METHODS = ("fifo", "average")


class NordicStockClosingSnapshot(models.Model):
    _inherit = "nordic.stock.closing"

    # ------------------------------------------------------------------
    # Computation: database → snapshot → engine → lines
    # ------------------------------------------------------------------
    def _nordic_country(self):
        framework = self.company_id.nordic_closing_framework
        if not framework:
            raise UserError(
                self.env._(
                    "Choose the accounting framework of %(company)s in %(settings)s.",
                    company=self.company_id.name,
                    settings=self.env["ir.ui.menu"]._nordic_settings_path(),
                )
            )
        country, code = framework.split("_", 1)
        return country, code

    def _nordic_timezone(self):
        country, _code = self._nordic_country()
        return self.company_id.partner_id.tz or COUNTRY[country].tz

    def _nordic_fiscal_year_start(self):
        """The start of the fiscal year that ends at the closing date: derived here
        only, kept on the closing with the other settings (``fiscal_year_start``),
        which every later step reads."""
        company = self.company_id
        dates = company.compute_fiscalyear_dates(self.date)
        if dates["date_to"] == self.date:
            return dates["date_from"]
        return default_fiscal_year_start(self.date)

    def _nordic_read_layers(self, categories):
        """Quantity and value per product at the date, from the valuation layers.

        FIFO products: the latest receipts up to the closing quantity remain, each
        with its landed costs and price differences per unit still in stock (Odoo's
        ``remaining_qty`` is today's figure, not the date's); a product with a return
        to the vendor is replayed movement by movement by the engine instead. Other
        products: the value Odoo recorded up to the date. ``odoo_value`` is that
        recorded value for every product.
        """
        if not categories:
            return []
        for model, fnames in (
            ("stock.valuation.layer", None),
            ("stock.move", None),
            ("account.move", ["date"]),
        ):
            self.env[model].flush_model(fnames)
        params = self._nordic_snapshot_params(categories)
        params.update(self._nordic_product_sets(params))
        extra_columns, decimals = self._nordic_snapshot_extra_columns()
        cr = self.env.cr
        with self._nordic_sql_settings():
            # the aggregate over the layers runs in parallel workers
            rows = fetch_rows(
                cr,
                SQL(
                    DATED_LAYERS + PRODUCT_SNAPSHOT,
                    **params,
                    extra_columns=extra_columns,
                ),
                # the order of the lines (their ids): the product's (code, name)
                order=SQL("default_code, name, product_id"),
                parallel=True,
                decimals=decimals,
            )
            if any(row.replayed for row in rows):
                self._nordic_replay(
                    rows,
                    categories,
                    (
                        record
                        for _description, records in cursor_chunks(
                            cr,
                            SQL(DATED_LAYERS + REPLAYED_MOVEMENTS, **params),
                            "nordic_movements",
                        )
                        for record in records
                    ),
                )
        return rows

    def _prepare_snapshot_columns(self):
        """Hook: the line columns another addon fills from the snapshot's SQL.

        Called once per computation, on the closing (one record), before the
        snapshot is read. Returns ``{column: SQL}``: each column a field of
        ``nordic.stock.closing.line`` declared ``nordic_column="snapshot"`` (or
        ``"stored"``), each :class:`~odoo.tools.SQL` an expression of one value per
        product over the aliases of the snapshot's last SELECT: ``pp``
        (product_product), ``pt`` (product_template), ``uom`` (the product's
        unit) and ``t`` (its totals: product_id, quantity, value), e.g.
        ``{"x_barcode": SQL("pp.barcode")}``. The value is stored with the line
        (``ClosingRow.extra`` until then) and read back with it. It must not
        change the snapshot's rows (no join, no aggregate: a scalar subquery per
        product is fine) nor read this transaction's pending ORM changes (they
        are flushed before). Default: none."""
        return {}

    def _nordic_snapshot_extra_columns(self):
        """``(SQL, decimal names)`` of the columns of _prepare_snapshot_columns, as
        the snapshot's SELECT appends them (numbers as text: exact Decimals)."""
        declared = self.env["nordic.stock.closing.line"]._nordic_columns(
            ("snapshot", "stored")
        )
        columns = self._prepare_snapshot_columns()
        unknown = sorted(set(columns) - set(declared))
        if unknown:
            raise ValueError(
                "_prepare_snapshot_columns: not declared with nordic_column on "
                f"nordic.stock.closing.line: {', '.join(unknown)}"
            )
        decimals = {name for name in columns if declared[name] in DECIMAL_TYPES}
        return SQL("").join(
            SQL(
                ", (%s)::text AS %s" if name in decimals else ", %s AS %s",
                sql,
                SQL.identifier(name),
            )
            for name, sql in columns.items()
        ), DECIMAL_FIELDS | decimals

    def _nordic_product_sets(self, params):
        """The products the snapshot treats apart (``fifo_products``, ``replayed``,
        ``adjusted``: see the queries), as lists of ids for its parameters."""
        cr = self.env.cr
        cr.execute(SQL(PRODUCT_SETS, **params))
        fifo_products, replayed = cr.fetchone()
        sets = {"fifo_products": fifo_products, "replayed": replayed}
        cr.execute(SQL(ADJUSTED_PRODUCTS, **params, **sets))
        sets["adjusted"] = cr.fetchone()[0]
        return sets

    def _nordic_vendor_prices(self, snapshot):
        """``{product id: replacement cost per unit}`` in the company's currency at
        the date, from the first valid vendor price, where the framework takes
        replacement costs (Denmark, Finland); else ``{}``."""
        country, code = self._nordic_country()
        if not snapshot or not get_framework(country, code).replacement_cost:
            return {}
        self.env["product.supplierinfo"].flush_model()
        self.env.cr.execute(
            SQL(
                VENDOR_PRICES,
                products=[row.product_id for row in snapshot],
                company=self.company_id.id,
                date=self.date,
            )
        )
        company = self.company_id
        rates = {}
        prices = {}
        for product_id, price, currency_id in self.env.cr.fetchall():
            if currency_id not in rates:
                rates[currency_id] = (
                    self.env["res.currency"]
                    .browse(currency_id)
                    ._convert(1.0, company.currency_id, company, self.date, round=False)
                )
            # per unit, rounded as the line's monetary field stores it
            prices[product_id] = _dec(
                company.currency_id.round(price * rates[currency_id])
            )
        return prices

    def _nordic_late_movements(self):
        """``(count, value)`` of the layers dated on or before the date but entered
        after the closing was computed: they change what it should be."""
        self.ensure_one()
        self.env["stock.valuation.layer"].flush_model()
        params = self._nordic_snapshot_params({})
        # only the layers entered since (read on the company / creation index)
        params["created_after"] = SQL("AND svl.create_date > %s", self.computed_at)
        self.env.cr.execute(
            SQL(
                DATED_LAYERS + "SELECT COUNT(*), COALESCE(SUM(value), 0) FROM dated",
                **params,
            )
        )
        return self.env.cr.fetchone()

    def _nordic_snapshot_params(self, categories):
        """The parameters of the snapshot queries."""
        tz = pytz.timezone(self._nordic_timezone())
        start = self.fiscal_year_start

        def utc(day):
            local = tz.localize(datetime.combine(day, datetime_time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        end_utc, start_utc, margin = (
            utc(self.date + timedelta(days=1)),
            utc(start),
            timedelta(days=2),
        )
        landed_costs = "stock_landed_cost_id" in self.env["stock.valuation.layer"]
        if landed_costs:
            self.env["stock.landed.cost"].flush_model(["date"])
        return {
            **self._nordic_location_ids(),
            "tz": tz.zone,
            "company": self.company_id.id,
            "categories": list(categories),
            "fifo": [c for c, i in categories.items() if i["cost_method"] == "fifo"],
            # products valued by lot/serial number in these: each lot its own cost
            "lot_categories": [
                c for c, i in categories.items() if i["cost_method"] in LOT_METHODS
            ],
            "date": self.date,
            "start": start,
            "end_low": end_utc - margin,
            "end_high": end_utc + margin,
            "start_low": start_utc - margin,
            "start_high": start_utc + margin,
            "lang": self.env.lang or "en_US",
            "created_after": SQL(),  # every layer
            # a landed cost belongs to its own date, not to its receipt's
            "landed_cost_date": SQL("lc.date") if landed_costs else SQL("NULL::date"),
            "landed_cost_join": SQL(
                "LEFT JOIN stock_landed_cost lc ON lc.id = svl.stock_landed_cost_id"
                if landed_costs
                else ""
            ),
        }

    def _nordic_location_ids(self):
        """The locations that classify a move: vendors, production, and outside
        the companies' stock (vendors, customers, transit between companies)."""
        self.env["stock.location"].flush_model(["usage", "company_id"])
        self.env.cr.execute(
            SQL(
                """
SELECT COALESCE(array_agg(id) FILTER (WHERE usage = 'supplier'), '{}'),
       COALESCE(array_agg(id) FILTER (WHERE usage = 'production'), '{}'),
       COALESCE(array_agg(id) FILTER (WHERE usage IN ('supplier', 'customer')
                    OR usage = 'transit' AND company_id IS NULL), '{}')
  FROM stock_location
                """
            )
        )
        suppliers, productions, outside = self.env.cr.fetchone()
        return {"suppliers": suppliers, "productions": productions, "outside": outside}

    @contextmanager
    def _nordic_sql_settings(self):
        """For the snapshot and the lines read back: no JIT compilation (it costs
        seconds on millions of layers, more than it saves), at least 64 MB to
        aggregate and sort in memory, and no nested loops: every join of these
        statements is of whole sets, and PostgreSQL estimates a CTE at a row or so,
        which made a join of two CTEs a loop over every pair of rows (millions on
        an importer's landed costs). All back to what they were afterwards (and at
        the end of the transaction)."""
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT current_setting('jit'), current_setting('work_mem'), "
                "pg_size_bytes(current_setting('work_mem')) < pg_size_bytes('64MB'), "
                "current_setting('enable_nestloop')"
            )
        )
        jit, work_mem, small, nestloop = cr.fetchone()
        set_config = (
            "SELECT set_config('jit', %s, true), set_config('work_mem', %s, true), "
            "set_config('enable_nestloop', %s, true)"
        )
        cr.execute(SQL(set_config, "off", "64MB" if small else work_mem, "off"))
        try:
            yield
        finally:
            cr.execute(SQL(set_config, jit, work_mem, nestloop))

    def _nordic_ledger(self, account_ids):
        """Balances of posted entries up to the date, by account code."""
        self.env["account.move.line"].flush_model(
            ["balance", "account_id", "parent_state"]
        )
        self.env.cr.execute(
            SQL(
                """
SELECT account_id, SUM(balance) FROM account_move_line
 WHERE company_id = %s AND parent_state = 'posted' AND date <= %s
   AND account_id = ANY(%s) AND move_id != ALL(%s)
 GROUP BY account_id
                """,
                self.company_id.id,
                self.date,
                list(set(account_ids.values())),
                # the ledger before this closing: its own entries left out, so that a
                # posted closing shows (and its workbook prints) the entry it posted
                (self.move_id | self.reversal_move_id).ids,
            )
        )
        code_of = {account_id: code for code, account_id in account_ids.items()}
        return {
            code_of[account_id]: _dec(balance)
            for account_id, balance in self.env.cr.fetchall()
        }
