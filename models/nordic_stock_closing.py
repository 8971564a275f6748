import io
import logging
from datetime import date as date_type
from datetime import datetime, timedelta
from datetime import time as datetime_time
from decimal import Decimal

import psycopg2.errors
import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, float_repr

from ..nordic_closing import (
    INVENTORY_CLASSES,
    ClassAccounts,
    ClosingError,
    ClosingOptions,
    ItemStock,
    ObsolescenceBand,
    compute_closing,
    default_fiscal_year_start,
)
from ..nordic_closing.frameworks import STOCK_RESERVE
from ..nordic_closing.labels import language_of
from ..nordic_closing.workbook import write_workbook

_logger = logging.getLogger(__name__)

COUNTRY_TZ = {"NO": "Europe/Oslo", "SE": "Europe/Stockholm"}
FRAMEWORK_SELECTION = [
    ("SE_K1", "Sweden K1"),
    ("SE_K2", "Sweden K2"),
    ("SE_K3", "Sweden K3"),
    ("SE_IFRS", "Sweden IFRS"),
    ("NO_NGAAP_SMALL", "Norway NGAAP (small enterprises)"),
    ("NO_NGAAP", "Norway NGAAP"),
    ("NO_IFRS", "Norway IFRS"),
]
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MANAGER_GROUP = "l10n_nordic_stock_closing.group_nordic_closing_manager"
USER_GROUP = "l10n_nordic_stock_closing.group_nordic_closing_user"
#: NRV from the sales price only where the sales price is what the item sells at
SALES_PRICE_CLASSES = ("finished_goods", "goods_for_resale")


def _dec(value):
    """A float from the ORM or a numeric from SQL as an exact Decimal."""
    return Decimal(str(value or 0))


class NordicStockClosing(models.Model):
    _name = "nordic.stock.closing"
    _description = "Inventory closing (Norway, Sweden)"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(
        string="Balance date",
        required=True,
        tracking=True,
        help="The stock is valued at the end of this day, in the company's time zone.",
    )
    fiscal_year_start = fields.Date(readonly=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("computed", "Computed"),
            ("posted", "Posted"),
            ("reversed", "Reversed"),
        ],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
    )
    framework = fields.Selection(FRAMEWORK_SELECTION, readonly=True, copy=False)
    rule_97 = fields.Selection(
        [("off", "Off"), ("contra", "Contra account"), ("reserve", "Stock reserve")],
        string="97 % rule",
        readonly=True,
        copy=False,
    )
    rule_97_chosen = fields.Selection(
        [("main", "Main rule"), ("alternative", "97 % rule")],
        string="Rule chosen",
        readonly=True,
        copy=False,
    )
    rule_97_main_value = fields.Monetary("Main rule value", readonly=True, copy=False)
    rule_97_alternative_value = fields.Monetary("97 % value", readonly=True, copy=False)
    selling_cost_percent = fields.Float(readonly=True, copy=False)
    obsolescence_bands = fields.Char(
        readonly=True, copy=False, help="days since last movement: percent"
    )
    journal_id = fields.Many2one(
        "account.journal",
        check_company=True,
        default=lambda self: self.env.company.nordic_closing_journal_id,
    )
    line_ids = fields.One2many("nordic.stock.closing.line", "closing_id", copy=False)
    class_ids = fields.One2many("nordic.stock.closing.class", "closing_id", copy=False)
    entry_line_ids = fields.One2many(
        "nordic.stock.closing.entry", "closing_id", copy=False
    )
    line_count = fields.Integer(compute="_compute_line_count")
    acquisition_value = fields.Monetary(readonly=True, copy=False)
    write_down = fields.Monetary(readonly=True, copy=False)
    closing_value = fields.Monetary(readonly=True, copy=False)
    notes = fields.Text(readonly=True, copy=False)
    move_id = fields.Many2one(
        "account.move",
        string="Journal entry",
        readonly=True,
        copy=False,
        check_company=True,
    )
    reversal_move_id = fields.Many2one(
        "account.move",
        string="Reversal entry",
        readonly=True,
        copy=False,
        check_company=True,
    )
    valuation_layer_ids = fields.One2many(
        "stock.valuation.layer", "nordic_closing_id", string="Write-down layers"
    )
    error_message = fields.Text(readonly=True, copy=False)

    @api.depends("date", "company_id")
    def _compute_name(self):
        for closing in self:
            closing.name = self.env._(
                "Inventory closing %(date)s", date=closing.date or ""
            )

    def _compute_line_count(self):
        counts = dict(
            self.env["nordic.stock.closing.line"]._read_group(
                [("closing_id", "in", self.ids)], ["closing_id"], ["__count"]
            )
        )
        for closing in self:
            closing.line_count = counts.get(closing, 0)

    def init(self):
        # At most one posted closing per company and date, also when two users post at
        # the same moment: the second transaction waits for the first, then fails.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS nordic_stock_closing_posted_uniq ON "
                "nordic_stock_closing (company_id, date) WHERE state = 'posted'"
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if any(c.state == "posted" for c in self):
            raise UserError(
                self.env._("A posted closing cannot be deleted: reverse it first.")
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_compute(self):
        """Value the stock at the date from the valuation layers; preview the entry."""
        for closing in self:
            if closing.state in ("posted", "reversed"):
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: create a new closing to value the "
                        "stock again.",
                        name=closing.name,
                        state=dict(
                            closing._fields["state"]._description_selection(self.env)
                        )[closing.state],
                    )
                )
            closing._nordic_compute()
        return True

    def action_post(self):
        """Post the change-in-inventory entry (and the write-down layers)."""
        self.ensure_one()
        self._nordic_check_manager()
        if self.state == "draft":
            self.action_compute()
        if self.state != "computed":
            raise UserError(
                self.env._(
                    "Only a computed closing can be posted (%(name)s).", name=self.name
                )
            )
        self._nordic_check_lock_dates(self.date)
        self._nordic_claim_posting()
        result = self._nordic_result()
        self._nordic_store_result(result)
        if result.entry:
            self.move_id = self._nordic_create_move(result)
        self._nordic_write_down_layers()
        self._nordic_attach_workbook(result)
        self.message_post(
            body=self.env._(
                "Posted: stock value %(value)s, entry %(move)s.",
                value=self._nordic_money(self.closing_value),
                move=self.move_id.name or self.env._("none (nothing to book)"),
            )
        )
        return True

    def action_reverse(self):
        """Reverse the posted entry and the write-down layers."""
        self.ensure_one()
        self._nordic_check_manager()
        if self.state != "posted":
            raise UserError(
                self.env._(
                    "Only a posted closing can be reversed (%(name)s).", name=self.name
                )
            )
        self._nordic_check_lock_dates(self.date)
        if self.move_id:
            reversal = self.move_id._reverse_moves(
                [
                    {
                        "date": self.date,
                        "ref": self.env._("Reversal of %(name)s", name=self.name),
                        "nordic_closing_id": self.id,
                    }
                ]
            )
            reversal._post(soft=False)
            self.reversal_move_id = reversal
        layers = self.sudo().valuation_layer_ids
        if layers:
            self.env["stock.valuation.layer"].sudo().create(
                [
                    {
                        "company_id": layer.company_id.id,
                        "product_id": layer.product_id.id,
                        "quantity": 0,
                        "value": -layer.value,
                        "description": self.env._(
                            "Reversal of %(name)s", name=self.name
                        ),
                        "nordic_closing_id": self.id,
                    }
                    for layer in layers
                ]
            )
        self.state = "reversed"
        self.message_post(body=self.env._("Reversed."))
        return True

    def action_reset_to_draft(self):
        self.ensure_one()
        if self.state != "computed":
            raise UserError(self.env._("Only a computed closing can be reset."))
        self.state = "draft"
        return True

    def action_download_xlsx(self):
        """The closing workbook (XLSX) for the auditor."""
        self.ensure_one()
        if self.state == "draft":
            raise UserError(
                self.env._("Compute the closing before downloading its workbook.")
            )
        attachment = self._nordic_attach_workbook()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def _nordic_workbook_name(self):
        return f"{self.company_id.name} - {self.name}.xlsx".replace("/", "-")

    def _nordic_attach_workbook(self, result=None):
        """Write the workbook and attach it to the closing (replacing an older one).

        ``result``: the engine's closing when the caller has it already (posting)."""
        company = self.company_id
        buffer = io.BytesIO()
        write_workbook(
            result or self._nordic_result(),
            buffer,
            lang=language_of(self.env.lang or company.partner_id.lang),
            meta={
                "company": company.name,
                "currency": company.currency_id.name,
                "entry_number": self.move_id.name,
                "nrv_source": self.env._(
                    "sales price less %(percent)s %% selling costs, unless entered per "
                    "item",
                    percent=self.selling_cost_percent,
                ),
            },
        )
        Attachment = self.env["ir.attachment"].sudo()
        name = self._nordic_workbook_name()
        Attachment.search(
            [
                ("res_model", "=", self._name),
                ("res_id", "=", self.id),
                ("name", "=", name),
            ]
        ).unlink()
        return Attachment.create(
            {
                "name": name,
                "raw": buffer.getvalue(),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": XLSX_MIMETYPE,
            }
        )

    def action_open_lines(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Items of %(name)s", name=self.name),
            "res_model": "nordic.stock.closing.line",
            "view_mode": "list",
            "domain": [("closing_id", "=", self.id)],
            "context": {"default_closing_id": self.id},
        }

    def action_open_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "view_mode": "form",
            "res_id": self.move_id.id,
        }

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _nordic_check_manager(self):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only users of the group 'Post and reverse inventory closings' may "
                    "post or reverse a closing."
                )
            )

    def _nordic_check_lock_dates(self, accounting_date):
        # Odoo 18 silently re-dates an entry posted into a locked period: refuse.
        violations = self.company_id._get_lock_date_violations(
            accounting_date,
            fiscalyear=True,
            sale=False,
            purchase=False,
            tax=False,
            hard=True,
        )
        if violations:
            raise UserError(
                self.env._(
                    "The period of %(date)s is locked for %(company)s (%(locks)s): "
                    "nothing was posted. Ask an adviser to move the lock date, or "
                    "close at a later date.",
                    date=accounting_date,
                    company=self.company_id.name,
                    locks=self.company_id._format_lock_dates(violations),
                )
            )

    def _nordic_claim_posting(self):
        """Mark the closing posted first, so that a second posting fails at once."""
        other = self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("date", "=", self.date),
                ("state", "=", "posted"),
                ("id", "!=", self.id),
            ],
            limit=1,
        )
        if other:
            raise UserError(self._nordic_already_posted_message(other))
        try:
            with self.env.cr.savepoint():
                self.state = "posted"
                self.flush_recordset(["state"])
        except (psycopg2.errors.UniqueViolation, psycopg2.errors.SerializationFailure):
            # another transaction posted the same company and date meanwhile
            self.invalidate_recordset(["state"])
            raise UserError(self._nordic_already_posted_message()) from None

    def _nordic_already_posted_message(self, other=None):
        suffix = f" ({other.name})" if other else ""
        return self.env._(
            "%(company)s already has a posted inventory closing for %(date)s%(other)s: "
            "reverse it before posting another one.",
            company=self.company_id.name,
            date=self.date,
            other=suffix,
        )

    # ------------------------------------------------------------------
    # Computation: database → snapshot → engine → lines
    # ------------------------------------------------------------------
    def _nordic_country(self):
        framework = self.company_id.nordic_closing_framework
        if not framework:
            raise UserError(
                self.env._(
                    "Choose the accounting framework of %(company)s in Settings > "
                    "Accounting > Nordic inventory closing.",
                    company=self.company_id.name,
                )
            )
        country, code = framework.split("_", 1)
        return country, code

    def _nordic_timezone(self):
        country, _code = self._nordic_country()
        return self.company_id.partner_id.tz or COUNTRY_TZ[country]

    def _nordic_fiscal_year_start(self):
        """The start of the fiscal year that ends at the closing date."""
        company = self.company_id
        dates = company.compute_fiscalyear_dates(self.date)
        if dates["date_to"] == self.date:
            return dates["date_from"]
        return default_fiscal_year_start(self.date)

    def _nordic_compute(self):
        self.ensure_one()
        company = self.company_id
        self._nordic_country()
        categories = self._nordic_categories()
        snapshot = self._nordic_read_layers(categories)
        negative = [row for row in snapshot if row["quantity"] < 0]
        if negative:
            raise UserError(
                self.env._(
                    "These products have negative stock on %(date)s; record the "
                    "missing receipts or correct the deliveries, then compute "
                    "again:\n%(products)s",
                    date=self.date,
                    products=self._nordic_product_list(negative),
                )
            )
        manual_nrv = {
            line.product_id.id: line.net_realisable_value
            for line in self.line_ids
            if line.nrv_source == "manual"
        }
        self.line_ids.unlink()
        bands = company._nordic_obsolescence_bands()
        self.write(
            {
                "fiscal_year_start": self._nordic_fiscal_year_start(),
                "framework": company.nordic_closing_framework,
                "rule_97": company.nordic_rule_97 or "off",
                "selling_cost_percent": company.nordic_selling_cost_percent,
                "obsolescence_bands": ",".join(f"{d}:{p:g}" for d, p in bands),
                "journal_id": self.journal_id.id
                or company.nordic_closing_journal_id.id,
                "error_message": False,
            }
        )
        self._nordic_insert_lines(snapshot, categories, manual_nrv)
        result = self._nordic_result()
        self._nordic_store_result(result)
        self.state = "computed"

    def _nordic_categories(self):
        """``{category id: info}`` for the categories whose products the company has
        valued (valuation layers): a category only another company stocks does not
        block this company's closing."""
        company = self.company_id
        self.env["product.template"].flush_model(["categ_id", "is_storable"])
        self.env["stock.valuation.layer"].flush_model(["product_id", "company_id"])
        self.env.cr.execute(
            SQL(
                """
SELECT DISTINCT pt.categ_id
  FROM product_template pt
 WHERE pt.is_storable
   AND EXISTS (SELECT 1 FROM product_product pp
                 JOIN stock_valuation_layer svl ON svl.product_id = pp.id
                WHERE pp.product_tmpl_id = pt.id AND svl.company_id = %s)
                """,
                company.id,
            )
        )
        category_ids = [row[0] for row in self.env.cr.fetchall()]
        categories = (
            self.env["product.category"].with_company(company).browse(category_ids)
        )
        info, missing_class, missing_accounts = {}, [], []
        for category in categories:
            inventory_class = category.nordic_inventory_class
            if not inventory_class:
                missing_class.append(category.complete_name)
                continue
            accounts = {
                key: account.with_company(company)
                for key, account in category._nordic_get_accounts(company).items()
            }
            absent = [k for k in ("balance", "contra", "change") if not accounts[k]]
            if absent:
                missing_accounts.append(
                    f"{category.complete_name} ({', '.join(absent)})"
                )
                continue
            info[category.id] = {
                "class": inventory_class,
                "cost_method": category.property_cost_method,
                "real_time": category.property_valuation == "real_time",
                "accounts": ClassAccounts(
                    inventory_class,
                    accounts["balance"].code,
                    accounts["contra"].code,
                    accounts["change"].code,
                ),
                "account_ids": {
                    accounts[k].code: accounts[k].id
                    for k in ("balance", "contra", "change")
                },
            }
        if missing_class or missing_accounts:
            message = []
            if missing_class:
                message.append(
                    self.env._(
                        "Choose an inventory class on these product categories: "
                        "%(list)s",
                        list=", ".join(sorted(missing_class)),
                    )
                )
            if missing_accounts:
                message.append(
                    self.env._(
                        "These categories miss an inventory, write-down or change "
                        "account: %(list)s. Complete them, or the company's inventory "
                        "closing accounts (Accounting > Configuration).",
                        list=", ".join(sorted(missing_accounts)),
                    )
                )
            raise UserError("\n".join(message))
        return info

    def _nordic_read_layers(self, categories):
        """One query over the valuation layers: quantity and value per product at the
        date.

        A layer belongs to the date of its journal entry when it has one (the accounting
        date), else of its stock move, else its creation, in the company's time zone.
        FIFO products: the latest receipts up to the closing quantity remain (Odoo's
        ``remaining_qty`` is today's figure, not the date's). Other products: the value
        Odoo recorded up to the date. The closing's own write-down layers are left out.
        """
        if not categories:
            return []
        self.env["stock.valuation.layer"].flush_model()
        self.env["stock.move"].flush_model(["date"])
        self.env["account.move"].flush_model(["date"])
        fifo_categories = [
            c for c, i in categories.items() if i["cost_method"] == "fifo"
        ]
        # The local day of a layer is only computed near the date and the fiscal year
        # start (two days either side, wider than any time zone offset); the layers
        # further away are before or after by their UTC time alone. That spares the
        # time zone conversion of millions of layers, with the same result.
        tz = pytz.timezone(self._nordic_timezone())
        start = self._nordic_fiscal_year_start()

        def utc(day):
            local = tz.localize(datetime.combine(day, datetime_time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        end_utc, start_utc, margin = (
            utc(self.date + timedelta(days=1)),
            utc(start),
            timedelta(days=2),
        )
        query = SQL(
            """
WITH layer AS NOT MATERIALIZED (
    SELECT svl.id, svl.product_id, svl.quantity, svl.value,
           svl.stock_valuation_layer_id AS parent_id,
           am.date AS entry_date,
           COALESCE(sm.date, svl.create_date) AS stamp
      FROM stock_valuation_layer svl
 LEFT JOIN stock_move sm ON sm.id = svl.stock_move_id
 LEFT JOIN account_move am ON am.id = svl.account_move_id
     WHERE svl.company_id = %(company)s
       AND svl.nordic_closing_id IS NULL
), dated AS NOT MATERIALIZED (
    -- the layers up to the date; opening: before the fiscal year
    SELECT layer.*,
           CASE WHEN entry_date IS NOT NULL THEN entry_date < %(start)s
                WHEN stamp < %(start_low)s THEN true
                WHEN stamp >= %(start_high)s THEN false
                ELSE (stamp AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date < %(start)s
           END AS opening
      FROM layer
     WHERE CASE WHEN entry_date IS NOT NULL THEN entry_date <= %(date)s
                WHEN stamp < %(end_low)s THEN true
                WHEN stamp >= %(end_high)s THEN false
                ELSE (stamp AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date <= %(date)s
           END
), totals AS (
    SELECT product_id,
           SUM(quantity) AS quantity,
           SUM(value) AS value,
           COALESCE(SUM(quantity) FILTER (WHERE opening), 0) AS opening_quantity,
           COALESCE(SUM(value) FILTER (WHERE opening), 0) AS opening_value,
           COALESCE(SUM(value) FILTER (WHERE quantity > 0 AND NOT opening), 0)
               AS purchases,
           MAX(entry_date) FILTER (WHERE quantity <> 0) AS last_entry_date,
           MAX(stamp) FILTER (WHERE quantity <> 0 AND entry_date IS NULL) AS last_stamp
      FROM dated GROUP BY product_id
), fifo_product AS (
    SELECT pp.id
      FROM product_product pp
      JOIN product_template pt ON pt.id = pp.product_tmpl_id
     WHERE pt.categ_id = ANY(%(fifo)s)
), landed AS (
    -- later value adjustments (landed costs) of receipts, summed once per receipt
    SELECT parent_id, SUM(value) AS value,
           SUM(value) FILTER (WHERE opening) AS opening_value
      FROM dated
     WHERE parent_id IS NOT NULL AND quantity = 0
     GROUP BY parent_id
), incoming AS (
    -- FIFO receipts with their landed costs, newest first: the receipts newer than
    -- this one up to the date and, for the opening stock, before the fiscal year
    SELECT d.product_id, d.opening, d.quantity,
           d.value + COALESCE(l.value, 0) AS value,
           d.value + COALESCE(l.opening_value, 0) AS opening_value,
           -- the quantity received after this receipt (up to the date, before
           -- the fiscal year)
           SUM(d.quantity) OVER newest - d.quantity AS newer,
           SUM(d.quantity) FILTER (WHERE d.opening) OVER newest - d.quantity
               AS newer_opening
      FROM dated d
      JOIN fifo_product fp ON fp.id = d.product_id
 LEFT JOIN landed l ON l.parent_id = d.id
     WHERE d.quantity > 0
    WINDOW newest AS (
        PARTITION BY d.product_id
            ORDER BY COALESCE(d.entry_date, (d.stamp AT TIME ZONE 'UTC'
                                             AT TIME ZONE %(tz)s)::date) DESC,
                     d.id DESC)
), fifo AS (
    -- the newest receipts up to the closing (opening) quantity remain
    SELECT i.product_id,
           SUM(i.value * LEAST(i.quantity, GREATEST(0, t.quantity - i.newer))
               / i.quantity)
               FILTER (WHERE i.newer < t.quantity) AS value,
           SUM(i.opening_value
               * LEAST(i.quantity, GREATEST(0, t.opening_quantity - i.newer_opening))
               / i.quantity)
               FILTER (WHERE i.opening AND i.newer_opening < t.opening_quantity)
               AS opening_value
      FROM incoming i JOIN totals t ON t.product_id = i.product_id
     GROUP BY i.product_id
)
SELECT t.product_id, pt.categ_id, pt.default_code,
       COALESCE(pt.name->>%(lang)s, pt.name->>'en_US') AS name,
       COALESCE(uom.name->>%(lang)s, uom.name->>'en_US') AS unit,
       pt.list_price,
       t.quantity,
       CASE WHEN pt.categ_id = ANY(%(fifo)s) THEN COALESCE(f.value, 0) ELSE t.value END
           AS acquisition_value,
       t.opening_quantity,
       CASE WHEN pt.categ_id = ANY(%(fifo)s) THEN COALESCE(f.opening_value, 0)
            ELSE t.opening_value END AS opening_value,
       t.purchases,
       -- the local day of the last movement (a day never moves back in UTC)
       GREATEST(t.last_entry_date,
                (t.last_stamp AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date)
           AS last_movement
  FROM totals t
  JOIN product_product pp ON pp.id = t.product_id
  JOIN product_template pt ON pt.id = pp.product_tmpl_id
  JOIN uom_uom uom ON uom.id = pt.uom_id
  LEFT JOIN fifo f ON f.product_id = t.product_id
 WHERE pt.categ_id = ANY(%(categories)s)
   AND (t.quantity <> 0 OR t.value <> 0 OR t.opening_quantity <> 0 OR t.purchases <> 0)
 ORDER BY pt.default_code, t.product_id
            """,
            tz=tz.zone,
            company=self.company_id.id,
            categories=list(categories),
            fifo=fifo_categories,
            date=self.date,
            start=start,
            end_low=end_utc - margin,
            end_high=end_utc + margin,
            start_low=start_utc - margin,
            start_high=start_utc + margin,
            lang=self.env.lang or "en_US",
        )
        # For this one statement: no JIT compilation (it costs seconds on millions of
        # layers, more than it saves) and at least 64 MB to aggregate in memory;
        # both back to what they were afterwards (and at the end of the transaction).
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT current_setting('jit'), current_setting('work_mem'), "
                "pg_size_bytes(current_setting('work_mem')) < pg_size_bytes('64MB')"
            )
        )
        jit, work_mem, small = cr.fetchone()
        set_config = (
            "SELECT set_config('jit', %s, true), set_config('work_mem', %s, true)"
        )
        cr.execute(SQL(set_config, "off", "64MB" if small else work_mem))
        cr.execute(query)
        rows = cr.dictfetchall()
        cr.execute(SQL(set_config, jit, work_mem))
        return rows

    def _nordic_product_list(self, rows, limit=20):
        names = [
            f"[{r['default_code']}] {r['name']}" if r["default_code"] else r["name"]
            for r in rows[:limit]
        ]
        more = len(rows) - limit
        if more > 0:
            names.append(self.env._("… and %(count)s more", count=more))
        return "\n".join(names)

    def _nordic_insert_lines(self, snapshot, categories, manual_nrv):
        """Write the lines in one statement: 100,000 ORM creates would take minutes."""
        selling_cost = Decimal(str(self.company_id.nordic_selling_cost_percent or 0))
        columns = {
            name: []
            for name in (
                "product_id",
                "categ_id",
                "inventory_class",
                "quantity",
                "acquisition_value",
                "opening_quantity",
                "opening_value",
                "purchases",
                "last_movement",
                "net_realisable_value",
                "nrv_source",
            )
        }
        for row in snapshot:
            inventory_class = categories[row["categ_id"]]["class"]
            nrv, source = None, "none"
            if row["product_id"] in manual_nrv:
                nrv, source = _dec(manual_nrv[row["product_id"]]), "manual"
            elif inventory_class in SALES_PRICE_CLASSES and row["list_price"]:
                nrv = _dec(row["list_price"]) * (100 - selling_cost) / 100
                source = "sales_price"
            values = (
                row["product_id"],
                row["categ_id"],
                inventory_class,
                row["quantity"],
                row["acquisition_value"],
                row["opening_quantity"],
                row["opening_value"],
                row["purchases"],
                row["last_movement"],
                nrv,
                source,
            )
            for name, value in zip(columns, values, strict=True):
                columns[name].append(value)
        if not snapshot:
            return
        self.env["nordic.stock.closing.line"].flush_model()
        # each column as one array literal: psycopg2 would quote 1,000,000 values one
        # by one (the same text: str() of ints, floats, Decimals, dates; the strings
        # are selection keys)
        arrays = {
            name: "{"
            + ",".join([str(v) if v is not None else "NULL" for v in column])
            + "}"
            for name, column in columns.items()
        }
        del columns
        self.env.cr.execute(
            SQL(
                """
INSERT INTO nordic_stock_closing_line (
    closing_id, company_id, product_id, categ_id, inventory_class, quantity,
    acquisition_value, opening_quantity, opening_value, purchases, last_movement,
    net_realisable_value, nrv_source, write_down, value,
    create_uid, write_uid, create_date, write_date)
SELECT %(closing)s, %(company)s, u.product_id, u.categ_id, u.inventory_class,
       u.quantity, ROUND(u.acquisition_value, 2), u.opening_quantity,
       ROUND(u.opening_value, 2), ROUND(u.purchases, 2), u.last_movement, u.nrv,
       u.nrv_source, 0, ROUND(u.acquisition_value, 2), %(uid)s, %(uid)s,
       now() at time zone 'UTC', now() at time zone 'UTC'
  FROM unnest(%(product_id)s::int[], %(categ_id)s::int[],
              %(inventory_class)s::varchar[], %(quantity)s::numeric[],
              %(acquisition_value)s::numeric[], %(opening_quantity)s::numeric[],
              %(opening_value)s::numeric[], %(purchases)s::numeric[],
              %(last_movement)s::date[], %(net_realisable_value)s::numeric[],
              %(nrv_source)s::varchar[])
       AS u(product_id, categ_id, inventory_class, quantity, acquisition_value,
            opening_quantity, opening_value, purchases, last_movement, nrv, nrv_source)
                """,
                closing=self.id,
                company=self.company_id.id,
                uid=self.env.uid,
                **arrays,
            )
        )
        self.env["nordic.stock.closing.line"].invalidate_model()
        self.invalidate_recordset(["line_ids"])

    def _nordic_options(self, accounts_by_class):
        country, code = self.framework.split("_", 1)
        bands = tuple(
            ObsolescenceBand(int(days), Decimal(rate))
            for days, rate in (
                band.split(":")
                for band in (self.obsolescence_bands or "").split(",")
                if band
            )
        )
        fixed_values = {
            record.role: _dec(record.fixed_value)
            for record in self.company_id.nordic_stock_class_account_ids
            if record.fixed_value and record.role in INVENTORY_CLASSES
        }
        return ClosingOptions(
            country=country,
            balance_date=self.date,
            framework=code,
            method="fifo",
            fiscal_year_start=self.fiscal_year_start,
            rule_97=self.rule_97 or "off",
            obsolescence_bands=bands,
            fixed_values=fixed_values,
            accounts=accounts_by_class,
        )

    def _nordic_result(self):
        """The engine's closing of the stored lines against today's ledger."""
        self.ensure_one()
        categories = self._nordic_categories()
        accounts_by_class = {}
        for info in categories.values():
            accounts_by_class.setdefault(info["class"], info["accounts"])
        company = self.company_id
        reserve = company.nordic_stock_class_account_ids.with_company(company).filtered(
            lambda r: r.role == STOCK_RESERVE
            and r.balance_account_id
            and r.change_account_id
        )[:1]
        if reserve:
            accounts_by_class[STOCK_RESERVE] = ClassAccounts(
                STOCK_RESERVE,
                reserve.balance_account_id.code,
                "",
                reserve.change_account_id.code,
            )
        elif self.rule_97 == "reserve":
            raise UserError(
                self.env._(
                    "The 97 %% rule is booked as stock reserve, but %(company)s has no "
                    "stock reserve accounts (2196/8896): add them under Accounting > "
                    "Configuration > Inventory closing accounts.",
                    company=self.company_id.name,
                )
            )
        # The lines in their ORM order (as ``line_ids``), read with one query: field
        # access on 100,000 records would cost seconds. Numbers arrive as the floats
        # the ORM would hold (NULL as 0.0), so the items are the same.
        Line = self.env["nordic.stock.closing.line"]
        for model in ("product.product", "product.template", Line._name):
            self.env[model].flush_model()
        self.env["uom.uom"].flush_model(["name"])
        # (the lines of one closing: its own fields, first in the order, are the same)
        order = ",".join(
            term for term in Line._order.split(",") if term.split()[0] != "closing_id"
        )
        query = Line._search([("closing_id", "=", self.id)], order=order or "id")
        # the product and its unit through the joins the ORM's order already made
        Product, Uom = self.env["product.product"], self.env["uom.uom"]
        product = query.make_alias(Line._table, "product_id")
        query.add_join(
            "LEFT JOIN",
            product,
            Product._table,
            SQL(
                "%s = %s",
                Line._field_to_sql(Line._table, "product_id", query),
                SQL.identifier(product, "id"),
            ),
        )
        uom = query.make_alias(product, "uom_id")
        query.add_join(
            "LEFT JOIN",
            uom,
            Uom._table,
            SQL(
                "%s = %s",
                Product._field_to_sql(product, "uom_id", query),
                SQL.identifier(uom, "id"),
            ),
        )
        columns = [
            Line._field_to_sql(Line._table, fname, query)
            for fname in (
                "id",
                "inventory_class",
                "quantity",
                "acquisition_value",
                "opening_quantity",
                "opening_value",
                "purchases",
                "last_movement",
                "net_realisable_value",
                "nrv_source",
                "categ_id",
                "write_down",
                "write_down_reason",
            )
        ] + [
            Product._field_to_sql(product, "default_code", query),
            Product._field_to_sql(product, "name", query),
            Uom._field_to_sql(uom, "name", query),
        ]
        # numbers as the ORM holds them: NULL as 0.0
        for index in (2, 3, 4, 5, 6, 8, 11):
            columns[index] = SQL("COALESCE(%s, 0)", columns[index])
        self.env.cr.execute(query.select(*columns))
        items, line_values, line_ids = [], [], []
        for (
            line_id,
            inventory_class,
            quantity,
            acquisition_value,
            opening_quantity,
            opening_value,
            purchases,
            last_movement,
            nrv,
            nrv_source,
            categ_id,
            write_down,
            reason,
            code,
            name,
            unit,
        ) in self.env.cr.fetchall():
            items.append(
                ItemStock(
                    product=code or name,
                    inventory_class=inventory_class or False,
                    quantity=_dec(quantity),
                    acquisition_value=_dec(acquisition_value),
                    opening_quantity=_dec(opening_quantity),
                    opening_value=_dec(opening_value),
                    purchases=_dec(purchases),
                    last_movement=last_movement,
                    name=name,
                    unit=unit,
                    net_realisable_value=None if nrv_source == "none" else _dec(nrv),
                    nrv_source=nrv_source or False,
                    accounts=categories[categ_id or False]["accounts"],
                )
            )
            line_values.append((write_down, reason or False))
            line_ids.append(line_id)
        account_ids = {}
        for info in categories.values():
            account_ids.update(info["account_ids"])
        if reserve:
            account_ids[reserve.balance_account_id.code] = reserve.balance_account_id.id
            account_ids[reserve.change_account_id.code] = reserve.change_account_id.id
        ledger = self._nordic_ledger(account_ids)
        try:
            result = compute_closing(
                items, self._nordic_options(accounts_by_class), ledger
            )
        except ClosingError as error:
            raise UserError(str(error)) from None
        result.lines = Line.browse(line_ids)
        # (write-down, reason) of each line when read, for _nordic_store_result
        result.line_values = line_values
        result.account_ids = account_ids
        return result

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

    def _nordic_store_result(self, result):
        """Write item write-downs, the class summary and the entry preview."""
        # One UPDATE for the changed lines (100,000 ORM writes would take minutes),
        # with the values the ORM would store: the write-down rounded in the
        # currency, value = acquisition value - write-down (its stored compute).
        Line = self.env["nordic.stock.closing.line"]
        currency = self.currency_id
        digits = currency.decimal_places
        changed = {"ids": [], "write_downs": [], "reasons": [], "values": []}
        for line_id, (old_write_down, old_reason), item in zip(
            result.lines._ids, result.line_values, result.items, strict=True
        ):
            reason = item.reason or False
            if _dec(old_write_down) == item.write_down and old_reason == reason:
                continue
            write_down = currency.round(float(item.write_down))
            changed["ids"].append(line_id)
            changed["write_downs"].append(float_repr(write_down, digits))
            changed["reasons"].append(reason or None)
            changed["values"].append(
                float_repr(
                    currency.round(float(item.stock.acquisition_value) - write_down),
                    digits,
                )
            )
        if changed["ids"]:
            Line.flush_model()
            self.env.cr.execute(
                SQL(
                    """
UPDATE nordic_stock_closing_line l
   SET write_down = u.write_down, write_down_reason = u.reason, value = u.value,
       write_uid = %(uid)s, write_date = now() at time zone 'UTC'
  FROM unnest(%(ids)s::int[], %(write_downs)s::numeric[], %(reasons)s::varchar[],
              %(values)s::numeric[]) AS u(id, write_down, reason, value)
 WHERE l.id = u.id
                    """,
                    uid=self.env.uid,
                    **changed,
                )
            )
            Line.invalidate_model(
                ["write_down", "write_down_reason", "value", "write_uid", "write_date"]
            )
        account_ids = result.account_ids
        self.class_ids.unlink()
        self.entry_line_ids.unlink()
        rule = result.rule_97
        self.write(
            {
                "class_ids": [
                    fields.Command.create(
                        {
                            "inventory_class": c.inventory_class,
                            "inventory_account_id": account_ids.get(
                                c.inventory_account
                            ),
                            "contra_account_id": account_ids.get(c.contra_account),
                            "change_account_id": account_ids.get(c.change_account),
                            "opening_value": c.opening_value,
                            "purchases": c.purchases,
                            "closing_acquisition_value": c.closing_acquisition_value,
                            "write_down": c.write_down,
                            "closing_value": c.closing_value,
                            "cost_of_goods_sold": c.cost_of_goods_sold,
                            "change": c.change,
                            "ledger_balance": result.ledger.get(c.inventory_account, 0),
                            "ledger_difference": c.closing_acquisition_value
                            - Decimal(str(result.ledger.get(c.inventory_account, 0))),
                            "tax_value": c.tax_value,
                        }
                    )
                    for c in result.classes
                ],
                "entry_line_ids": [
                    fields.Command.create(
                        {
                            "sequence": index,
                            "account_id": account_ids[line.account],
                            "debit": line.debit,
                            "credit": line.credit,
                            "name": line.label,
                            "inventory_class": line.inventory_class
                            if line.inventory_class in INVENTORY_CLASSES
                            else False,
                        }
                    )
                    for index, line in enumerate(result.entry)
                ],
                "acquisition_value": result.acquisition_value,
                "write_down": result.write_down,
                "closing_value": result.closing_value,
                "rule_97_chosen": rule.chosen if rule else False,
                "rule_97_main_value": rule.main_rule_value if rule else 0,
                "rule_97_alternative_value": rule.alternative_value if rule else 0,
                "notes": "\n".join(result.notes) or False,
            }
        )

    def _nordic_create_move(self, result):
        journal = self.journal_id or self.company_id.nordic_closing_journal_id
        if not journal:
            raise UserError(
                self.env._(
                    "Choose the closing journal of %(company)s in Settings > "
                    "Accounting > Nordic inventory closing.",
                    company=self.company_id.name,
                )
            )
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": journal.id,
                "company_id": self.company_id.id,
                "date": self.date,
                "ref": self.name,
                "nordic_closing_id": self.id,
                "line_ids": [
                    fields.Command.create(
                        {
                            "account_id": result.account_ids[line.account],
                            "name": line.label,
                            "debit": line.debit,
                            "credit": line.credit,
                        }
                    )
                    for line in result.entry
                ],
            }
        )
        move._post(soft=False)
        if move.date != self.date:
            raise UserError(
                self.env._(
                    "Odoo dated the entry %(moved)s instead of %(date)s (a lock "
                    "date?): nothing was posted.",
                    moved=move.date,
                    date=self.date,
                )
            )
        return move

    def _nordic_write_down_layers(self):
        """Zero-quantity layers so that Odoo's own valuation shows the write-downs of
        real-time categories: per product, what brings the closing layers of all posted
        closings to minus this closing's write-down."""
        company = self.company_id
        Line = self.env["nordic.stock.closing.line"]
        Line.flush_model(["closing_id", "categ_id"])
        self.env.cr.execute(
            SQL(
                "SELECT DISTINCT categ_id FROM nordic_stock_closing_line "
                "WHERE closing_id = %s AND categ_id IS NOT NULL",
                self.id,
            )
        )
        real_time = (
            self.env["product.category"]
            .with_company(company)
            .browse(row[0] for row in self.env.cr.fetchall())
            .filtered(lambda category: category.property_valuation == "real_time")
        )
        if not real_time:
            return
        # the lines of those categories in the order of line_ids, fetched at once
        real_time_lines = Line.search_fetch(
            [("closing_id", "=", self.id), ("categ_id", "in", real_time.ids)],
            ["product_id", "write_down"],
        )
        Layer = self.env["stock.valuation.layer"].sudo()
        Layer.flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT product_id, SUM(value) FROM stock_valuation_layer WHERE "
                "company_id = %s AND nordic_closing_id IS NOT NULL GROUP BY product_id",
                company.id,
            )
        )
        booked = dict(self.env.cr.fetchall())
        currency = self.currency_id
        description = self.env._("Write-down %(name)s", name=self.name)
        values = []
        for line in real_time_lines:
            product_id = line.product_id.id
            delta = currency.round(-line.write_down - (booked.get(product_id) or 0))
            if delta:
                values.append(
                    {
                        "company_id": company.id,
                        "product_id": product_id,
                        "quantity": 0,
                        "value": delta,
                        "description": description,
                        "nordic_closing_id": self.id,
                    }
                )
        if values:
            Layer.create(values)

    def _nordic_money(self, amount):
        return f"{amount:,.2f} {self.currency_id.name}"

    # ------------------------------------------------------------------
    # API for implementers
    # ------------------------------------------------------------------
    @api.model
    @api.returns("self", lambda closing: closing.id)  # RPC callers get the id
    def prepare(self, company, date, post=False):
        """Compute (and with ``post=True`` post) the closing of ``company`` at ``date``.

        Returns the closing (its id over RPC). Reuses a draft or computed closing for
        the same date. Usable from ``odoo-bin shell``, server actions and XML-RPC
        (company as id, date as ``YYYY-MM-DD``), whatever the caller's current company.
        """
        company = (
            self.env["res.company"].browse(int(company))
            if not isinstance(company, models.BaseModel)
            else company
        )
        date = fields.Date.to_date(date) if not isinstance(date, date_type) else date
        # in the closing's company: defaults (journal) and checks follow it
        Closing = self.with_company(company)
        closing = Closing.search(
            [
                ("company_id", "=", company.id),
                ("date", "=", date),
                ("state", "in", ("draft", "computed")),
            ],
            limit=1,
        ) or Closing.create({"company_id": company.id, "date": date})
        closing.action_compute()
        if post:
            closing.action_post()
        return closing

    # ------------------------------------------------------------------
    # Scheduled action: automatic closings (README "Automatic closings")
    # ------------------------------------------------------------------
    @api.model
    def _cron_prepare_closings(self, batch_size=50):
        """Prepare the due closings of the companies with automatic closing.

        Due = a fiscal year end (and with monthly closing each month end) that has
        passed in the company's time zone, has no closing in any state, and is not
        before the last passed fiscal year end nor before the company's first closing.
        Each closing is computed, then posted when the company posts automatically,
        else its managers get an activity to review and post it. A company that fails
        gets a draft closing with the error and an activity; the cron skips it until
        that closing computes or is deleted. Runs ``batch_size`` periods per call and
        reports the rest to the scheduler, which commits and calls again.

        Returns the closings created (the failed ones included).
        """
        due = self._nordic_due_closings()
        batch = due[:batch_size]
        created = self.browse()
        failed = self.env["res.company"]
        for company, date in batch:
            if company in failed:
                continue  # the same cause would fail its later periods too
            closing, ok = self._nordic_auto_close(company, date)
            created |= closing
            if not ok:
                failed |= company
        remaining = sum(
            1 for company, _date in due[batch_size:] if company not in failed
        )
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=remaining)
        return created

    @api.model
    def _nordic_due_closings(self):
        """``[(company, date)]`` to close automatically, oldest first per company."""
        companies = (
            self.env["res.company"]
            .sudo()
            .search([("nordic_auto_closing", "=", True)], order="id")
        )
        if not companies:
            return []
        existing = {}
        for closing in self.sudo().search_fetch(
            [("company_id", "in", companies.ids)],
            ["company_id", "date", "state", "error_message"],
        ):
            existing.setdefault(closing.company_id, self.browse())
            existing[closing.company_id] |= closing
        due = []
        for company in companies:
            closings = existing.get(company, self.browse())
            if closings.filtered(lambda c: c.state == "draft" and c.error_message):
                continue  # a failed automatic closing waits for the managers
            closed = set(closings.mapped("date"))
            due += [
                (company, date)
                for date in self._nordic_period_ends(company, closings)
                if date not in closed
            ]
        return due

    @api.model
    def _nordic_company_today(self, company):
        tz = company.partner_id.tz or COUNTRY_TZ.get(company.country_id.code) or "UTC"
        return fields.Date.context_today(self.with_context(tz=tz))

    @api.model
    def _nordic_period_ends(self, company, closings):
        """Balance dates the automatic closing covers for ``company`` up to today.

        The last fiscal year end that has passed and, with monthly closing, the month
        ends after it that have passed; never before the company's first closing (the
        periods before it were closed elsewhere), never back further than the last
        fiscal year end.
        """
        today = self._nordic_company_today(company)
        year_end = fields.Date.subtract(
            company.compute_fiscalyear_dates(today)["date_from"], days=1
        )
        first = min((c.date for c in closings if c.date < today), default=None)
        start = max(year_end, first) if first else year_end
        ends = {year_end} if year_end >= start else set()
        if company.nordic_auto_closing_monthly:
            end = fields.Date.end_of(start, "month")
            while end < today:
                ends.add(end)
                end = fields.Date.end_of(fields.Date.add(end, days=1), "month")
        return sorted(ends)

    @api.model
    def _nordic_auto_close(self, company, date):
        """Prepare (and maybe post) one closing; ``(closing, succeeded)``.

        The work runs in a savepoint: a failure rolls back this period only and is
        recorded on a draft closing instead.
        """
        Closing = self.with_company(company)
        try:
            with self.env.cr.savepoint():
                closing = Closing.prepare(company, date, post=company.nordic_auto_post)
        except Exception as error:  # noqa: BLE001 - one company must not stop others
            return Closing._nordic_record_failure(company, date, error), False
        money = closing._nordic_money(closing.closing_value)
        if closing.state == "posted":
            closing.message_post(
                body=self.env._(
                    "Prepared and posted automatically by the scheduled action "
                    "(stock value %(value)s).",
                    value=money,
                )
            )
        else:
            closing.message_post(
                body=self.env._(
                    "Prepared automatically by the scheduled action (stock value "
                    "%(value)s); review and post it.",
                    value=money,
                )
            )
            closing._nordic_notify_managers(
                self.env._("Review and post the inventory closing"),
                self.env._(
                    "%(company)s: inventory closing at %(date)s prepared, stock value "
                    "%(value)s. Check the items and the entry, then post.",
                    company=company.name,
                    date=date,
                    value=money,
                ),
            )
        return closing, True

    @api.model
    def _nordic_record_failure(self, company, date, error):
        """A draft closing carrying the error, a chatter message and an activity."""
        message = str(error)
        if isinstance(error, UserError):
            _logger.warning(
                "Automatic inventory closing of %s at %s failed: %s",
                company.name,
                date,
                message,
            )
        else:
            _logger.exception(
                "Automatic inventory closing of %s at %s failed", company.name, date
            )
        closing = self.create(
            {"company_id": company.id, "date": date, "error_message": message}
        )
        closing.message_post(
            body=self.env._(
                "The scheduled action could not prepare this closing: %(error)s",
                error=message,
            )
        )
        closing._nordic_notify_managers(
            self.env._("Automatic inventory closing failed"),
            self.env._(
                "%(company)s: the inventory closing at %(date)s could not be prepared: "
                "%(error)s Correct the cause and compute the closing again (or delete "
                "it); automatic closings of this company wait until then.",
                company=company.name,
                date=date,
                error=message,
            ),
        )
        return closing

    def _nordic_notify_managers(self, summary, note):
        """An activity for each closing manager of the closing's company."""
        self.ensure_one()
        company = self.company_id
        managers = (
            self.env.ref(MANAGER_GROUP)
            .sudo()
            .users.filtered(
                lambda user: user.active
                and not user.share
                and company in user.company_ids
            )
        )
        if not managers:
            _logger.warning(
                "No user of %s may post inventory closings: nobody was asked to "
                "review %s.",
                company.name,
                self.name,
            )
        for user in managers:
            self.activity_schedule(
                "l10n_nordic_stock_closing.mail_activity_type_nordic_closing_review",
                date_deadline=self._nordic_company_today(company),
                summary=summary,
                note=note,
                user_id=user.id,
            )
