import io
import logging
from datetime import date as date_type
from decimal import Decimal

import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

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
from .nordic_stock_closing_line import INVENTORY_CLASS_SELECTION

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
        """Value the stock at the date from the valuation layers and preview the entry."""
        for closing in self:
            if closing.state in ("posted", "reversed"):
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: create a new closing to value the "
                        "stock again.",
                        name=closing.name,
                        state=dict(closing._fields["state"].selection)[closing.state],
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
        self._nordic_attach_workbook()
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
            raise UserError(self.env._("Compute the closing before downloading its workbook."))
        attachment = self._nordic_attach_workbook()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def _nordic_workbook_name(self):
        return f"{self.company_id.name} - {self.name}.xlsx".replace("/", "-")

    def _nordic_attach_workbook(self):
        """Write the workbook and attach it to the closing (replacing an older one)."""
        company = self.company_id
        buffer = io.BytesIO()
        write_workbook(
            self._nordic_result(),
            buffer,
            lang=language_of(self.env.lang or company.partner_id.lang),
            meta={
                "company": company.name,
                "currency": company.currency_id.name,
                "entry_number": self.move_id.name,
                "nrv_source": self.env._(
                    "sales price less %(percent)s %% selling costs, unless entered per item",
                    percent=self.selling_cost_percent,
                ),
            },
        )
        Attachment = self.env["ir.attachment"].sudo()
        name = self._nordic_workbook_name()
        Attachment.search(
            [("res_model", "=", self._name), ("res_id", "=", self.id), ("name", "=", name)]
        ).unlink()
        return Attachment.create(
            {
                "name": name,
                "raw": buffer.getvalue(),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
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
        # Odoo 18 silently re-dates an entry posted into a locked period: refuse instead.
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
        suffix = " (%s)" % other.name if other else ""
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
        """``{category id: info}`` for the company's categories with storable products."""
        company = self.company_id
        self.env["product.template"].flush_model(["categ_id", "is_storable"])
        self.env.cr.execute(
            SQL(
                "SELECT DISTINCT categ_id FROM product_template WHERE is_storable AND "
                "(company_id IS NULL OR company_id = %s)",
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
                        "Choose an inventory class on these product categories: %(list)s",
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
        """One pass over the valuation layers: quantity and value per product at the date.

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
        query = SQL(
            """
WITH layer AS (
    SELECT svl.product_id, svl.id, svl.quantity, svl.value,
           svl.stock_valuation_layer_id AS parent_id,
           COALESCE(am.date, (COALESCE(sm.date, svl.create_date)
                    AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date) AS layer_date
      FROM stock_valuation_layer svl
      JOIN product_product pp ON pp.id = svl.product_id
      JOIN product_template pt ON pt.id = pp.product_tmpl_id
 LEFT JOIN stock_move sm ON sm.id = svl.stock_move_id
 LEFT JOIN account_move am ON am.id = svl.account_move_id
     WHERE svl.company_id = %(company)s
       AND svl.nordic_closing_id IS NULL
       AND pt.categ_id = ANY(%(categories)s)
), dated AS (
    SELECT * FROM layer WHERE layer_date <= %(date)s
), totals AS (
    SELECT product_id,
           SUM(quantity) AS quantity,
           SUM(value) AS value,
           COALESCE(SUM(quantity) FILTER (WHERE layer_date < %(start)s), 0) AS opening_quantity,
           COALESCE(SUM(value) FILTER (WHERE layer_date < %(start)s), 0) AS opening_value,
           COALESCE(SUM(value) FILTER (WHERE quantity > 0 AND layer_date >= %(start)s), 0)
               AS purchases,
           MAX(layer_date) FILTER (WHERE quantity <> 0) AS last_movement
      FROM dated GROUP BY product_id
), incoming AS (
    -- FIFO receipts with their later value adjustments (landed costs), newest first
    SELECT d.product_id, d.layer_date, d.quantity,
           d.value + COALESCE((SELECT SUM(c.value) FROM dated c
                                WHERE c.parent_id = d.id AND c.quantity = 0), 0) AS value,
           SUM(d.quantity) OVER (PARTITION BY d.product_id
                                 ORDER BY d.layer_date DESC, d.id DESC) AS newer_quantity
      FROM dated d
      JOIN product_product pp ON pp.id = d.product_id
      JOIN product_template pt ON pt.id = pp.product_tmpl_id
     WHERE d.quantity > 0 AND pt.categ_id = ANY(%(fifo)s)
), fifo AS (
    SELECT i.product_id,
           SUM(i.value * LEAST(i.quantity, GREATEST(0, t.quantity - (i.newer_quantity - i.quantity)))
               / i.quantity) AS value
      FROM incoming i JOIN totals t ON t.product_id = i.product_id
     WHERE i.newer_quantity - i.quantity < t.quantity
     GROUP BY i.product_id
), fifo_opening AS (
    SELECT i.product_id,
           SUM(i.value * LEAST(i.quantity, GREATEST(0, o.quantity - (i.newer_quantity - i.quantity)))
               / i.quantity) AS value
      FROM (SELECT product_id, quantity, value,
                   SUM(quantity) OVER (PARTITION BY product_id
                                       ORDER BY layer_date DESC, id DESC) AS newer_quantity
              FROM (SELECT d.product_id, d.id, d.layer_date, d.quantity,
                           d.value + COALESCE((SELECT SUM(c.value) FROM dated c
                                                WHERE c.parent_id = d.id AND c.quantity = 0
                                                  AND c.layer_date < %(start)s), 0) AS value
                      FROM dated d
                      JOIN product_product pp ON pp.id = d.product_id
                      JOIN product_template pt ON pt.id = pp.product_tmpl_id
                     WHERE d.quantity > 0 AND d.layer_date < %(start)s
                       AND pt.categ_id = ANY(%(fifo)s)) r) i
      JOIN (SELECT product_id, opening_quantity AS quantity FROM totals) o
        ON o.product_id = i.product_id
     WHERE i.newer_quantity - i.quantity < o.quantity
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
       CASE WHEN pt.categ_id = ANY(%(fifo)s) THEN COALESCE(fo.value, 0)
            ELSE t.opening_value END AS opening_value,
       t.purchases, t.last_movement
  FROM totals t
  JOIN product_product pp ON pp.id = t.product_id
  JOIN product_template pt ON pt.id = pp.product_tmpl_id
  JOIN uom_uom uom ON uom.id = pt.uom_id
  LEFT JOIN fifo f ON f.product_id = t.product_id
  LEFT JOIN fifo_opening fo ON fo.product_id = t.product_id
 WHERE t.quantity <> 0 OR t.value <> 0 OR t.opening_quantity <> 0 OR t.purchases <> 0
 ORDER BY pt.default_code, t.product_id
            """,
            tz=self._nordic_timezone(),
            company=self.company_id.id,
            categories=list(categories),
            fifo=fifo_categories,
            date=self.date,
            start=self._nordic_fiscal_year_start(),
            lang=self.env.lang or "en_US",
        )
        self.env.cr.execute(query)
        return self.env.cr.dictfetchall()

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
        self.env.cr.execute(
            SQL(
                """
INSERT INTO nordic_stock_closing_line (
    closing_id, company_id, product_id, categ_id, inventory_class, quantity,
    acquisition_value, opening_quantity, opening_value, purchases, last_movement,
    net_realisable_value, nrv_source, write_down, value,
    create_uid, write_uid, create_date, write_date)
SELECT %(closing)s, %(company)s, u.product_id, u.categ_id, u.inventory_class, u.quantity,
       ROUND(u.acquisition_value, 2), u.opening_quantity, ROUND(u.opening_value, 2),
       ROUND(u.purchases, 2), u.last_movement, u.nrv, u.nrv_source, 0,
       ROUND(u.acquisition_value, 2), %(uid)s, %(uid)s, now() at time zone 'UTC',
       now() at time zone 'UTC'
  FROM unnest(%(product_id)s::int[], %(categ_id)s::int[], %(inventory_class)s::varchar[],
              %(quantity)s::numeric[], %(acquisition_value)s::numeric[],
              %(opening_quantity)s::numeric[], %(opening_value)s::numeric[],
              %(purchases)s::numeric[], %(last_movement)s::date[],
              %(net_realisable_value)s::numeric[], %(nrv_source)s::varchar[])
       AS u(product_id, categ_id, inventory_class, quantity, acquisition_value,
            opening_quantity, opening_value, purchases, last_movement, nrv, nrv_source)
                """,
                closing=self.id,
                company=self.company_id.id,
                uid=self.env.uid,
                **columns,
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
        lines = self.line_ids
        items = [
            ItemStock(
                product=line.product_id.default_code or line.product_id.name,
                inventory_class=line.inventory_class,
                quantity=_dec(line.quantity),
                acquisition_value=_dec(line.acquisition_value),
                opening_quantity=_dec(line.opening_quantity),
                opening_value=_dec(line.opening_value),
                purchases=_dec(line.purchases),
                last_movement=line.last_movement,
                name=line.product_id.name,
                unit=line.product_id.uom_id.name,
                net_realisable_value=None
                if line.nrv_source == "none"
                else _dec(line.net_realisable_value),
                nrv_source=line.nrv_source,
                accounts=categories[line.categ_id.id]["accounts"],
            )
            for line in lines
        ]
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
        result.lines = lines
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
        Line = self.env["nordic.stock.closing.line"]
        by_reason = {}
        for line, item in zip(result.lines, result.items, strict=True):
            if line.write_down != item.write_down or line.write_down_reason != (
                item.reason or False
            ):
                by_reason.setdefault(
                    (item.write_down, item.reason or False), []
                ).append(line.id)
        for (write_down, reason), ids in by_reason.items():
            Line.browse(ids).write(
                {"write_down": write_down, "write_down_reason": reason}
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
        real_time = self.line_ids.filtered(
            lambda line: line.categ_id.with_company(self.company_id).property_valuation
            == "real_time"
        )
        if not real_time:
            return
        Layer = self.env["stock.valuation.layer"].sudo()
        Layer.flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT product_id, SUM(value) FROM stock_valuation_layer WHERE "
                "company_id = %s AND nordic_closing_id IS NOT NULL GROUP BY product_id",
                self.company_id.id,
            )
        )
        booked = dict(self.env.cr.fetchall())
        values = []
        for line in real_time:
            delta = -line.write_down - (booked.get(line.product_id.id) or 0)
            if self.currency_id.round(delta):
                values.append(
                    {
                        "company_id": self.company_id.id,
                        "product_id": line.product_id.id,
                        "quantity": 0,
                        "value": self.currency_id.round(delta),
                        "description": self.env._(
                            "Write-down %(name)s", name=self.name
                        ),
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
    def prepare(self, company, date, post=False):
        """Compute (and with ``post=True`` post) the closing of ``company`` at ``date``.

        Returns the closing. Reuses a draft or computed closing for the same date.
        Usable from ``odoo-bin shell``, server actions and XML-RPC (company as id,
        date as ``YYYY-MM-DD``).
        """
        company = (
            self.env["res.company"].browse(int(company))
            if not isinstance(company, models.BaseModel)
            else company
        )
        date = fields.Date.to_date(date) if not isinstance(date, date_type) else date
        closing = self.search(
            [
                ("company_id", "=", company.id),
                ("date", "=", date),
                ("state", "in", ("draft", "computed")),
            ],
            limit=1,
        ) or self.create({"company_id": company.id, "date": date})
        closing.action_compute()
        if post:
            closing.action_post()
        return closing
