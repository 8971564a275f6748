import ast
import functools
import gc
import logging
from decimal import ROUND_HALF_EVEN, Decimal

from markupsafe import escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.misc import format_date, get_lang

from odoo.addons.base.models.res_lang import intersperse
from odoo.addons.base.models.res_partner import _lang_get

from .ir_ui_menu import WIZARD_MENUS
from .nordic_selections import CLOSING_STATE_SELECTION, framework_selection

_logger = logging.getLogger(__name__)

#: where a country's balance date ends, unless the company sets its time zone
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MANAGER_GROUP = "l10n_nordic_stock_closing.group_nordic_closing_manager"
USER_GROUP = "l10n_nordic_stock_closing.group_nordic_closing_user"
#: Fields only the closing's own methods write (README "Security"); a person gives
#: the date, the journal and the NRV of a line, and only before posting.
SERVER_FIELDS = frozenset(
    {
        "state",
        "move_id",
        "reversal_move_id",
        "fiscal_year_start",
        "framework",
        "rule_97",
        "rule_97_chosen",
        "rule_97_main_value",
        "rule_97_alternative_value",
        "rule_97_allowance",
        "selling_cost_percent",
        "obsolescence_bands",
        "obsolescence_band_data",
        "fixed_values",
        "fixed_value_tolerance",
        "previous_write_downs",
        "acquisition_value",
        "write_down",
        "closing_value",
        "notes",
        "error_message",
        "update_note",
        "computed_at",
        "categories_fingerprint",
        "workbook_attachment_id",
        "document_ids",
        "class_ids",
        "lot_ids",
        "entry_line_ids",
        "valuation_layer_ids",
    }
)
#: what may change on a posted or reversed closing: its chatter and activities
CHATTER_PREFIXES = ("message_", "activity_")
#: how the documents are printed, not what they say: open on a posted closing too
PRESENTATION_FIELDS = frozenset({"print_lang"})
#: the context key of the closing's own writes; its value is an object no client can
#: send (XML-RPC and JSON carry only plain values)
_SERVER_WRITE = "nordic_closing_server_write"
_SERVER_TOKEN = object()


def _dec(value):
    """A float from the ORM or a numeric from SQL as an exact Decimal."""
    return Decimal(str(value or 0))


def without_cycle_collector(method):
    """Run ``method`` with Python's cycle collector paused: it would walk the
    hundreds of thousands of rows and items a closing holds again and again, to find
    no cycle among them (0.7 s of 8.5 s at 100,000 items); whatever cycles the
    method leaves are collected afterwards as usual."""

    @functools.wraps(method)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return method(*args, **kwargs)
        gc.disable()
        try:
            return method(*args, **kwargs)
        finally:
            gc.enable()

    return paused


def server_env(records):
    """``records`` in an environment whose writes are the closing's own."""
    return records.with_context(**{_SERVER_WRITE: _SERVER_TOKEN})


def is_server_write(records):
    return records.env.context.get(_SERVER_WRITE) is _SERVER_TOKEN


class NordicStockClosing(models.Model):
    _name = "nordic.stock.closing"
    _description = "Inventory closing"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "nordic.currency.analysis",
        "nordic.framework.mixin",
    ]
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
    fiscal_year_start = fields.Date(string="Fiscal year start", readonly=True)
    state = fields.Selection(
        CLOSING_STATE_SELECTION,
        default="draft",
        required=True,
        copy=False,
        tracking=True,
        string="Status",
    )
    framework = fields.Selection(framework_selection, readonly=True, copy=False)
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
    rule_97_allowance = fields.Monetary(
        "3 % booked", readonly=True, copy=False, help="The 3 % the 97 % rule books."
    )
    selling_cost_percent = fields.Float(
        string="Costs to sell (%)", readonly=True, copy=False
    )
    obsolescence_bands = fields.Char(
        string="Obsolescence bands",
        readonly=True,
        copy=False,
        help="days since last movement: percent",
    )
    # the same bands as the engine takes them: [{"days": 365, "percent": "50"}]
    obsolescence_band_data = fields.Json(
        string="Obsolescence bands used", readonly=True, copy=False
    )
    journal_id = fields.Many2one(
        "account.journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
        default=lambda self: self.env.company.nordic_closing_journal_id,
        help="A miscellaneous (general) journal of the company.",
    )
    line_ids = fields.One2many(
        "nordic.stock.closing.line", "closing_id", copy=False, string="Items"
    )
    class_ids = fields.One2many(
        "nordic.stock.closing.class", "closing_id", copy=False, string="Stock equation"
    )
    lot_ids = fields.One2many(
        "nordic.stock.closing.lot",
        "closing_id",
        copy=False,
        string="Lots/serial numbers",
        help="The lots of the items valued by lot/serial number, each at its own "
        "cost.",
    )
    entry_line_ids = fields.One2many(
        "nordic.stock.closing.entry", "closing_id", copy=False, string="Entry preview"
    )
    disclosure_ids = fields.One2many(
        "nordic.stock.closing.disclosure",
        "closing_id",
        "Tax view and note",
        copy=False,
        help="Denmark: the tax value per product group; Denmark class C and Finland: "
        "the replacement value against cost per balance-sheet line.",
    )
    line_count = fields.Integer(string="Number of items", compute="_compute_line_count")
    lot_count = fields.Integer(
        string="Number of lots/serial numbers", compute="_compute_line_count"
    )
    acquisition_value = fields.Monetary(
        string="Acquisition value", readonly=True, copy=False
    )
    write_down = fields.Monetary(string="Write-down", readonly=True, copy=False)
    closing_value = fields.Monetary(string="Closing value", readonly=True, copy=False)
    notes = fields.Text(
        "Valuation notes",
        readonly=True,
        copy=False,
        help="What the engine says about the valuation (97 % rule, fixed values, K1).",
    )
    print_lang = fields.Selection(
        _lang_get,
        string="Print in",
        copy=False,
        help="The language of the count list, the summary and the workbook, e.g. for "
        "an auditor who reads another language. Empty: the company's language. The "
        "workbook attached at posting keeps the language it was posted in.",
    )
    comment = fields.Text(
        string="Notes",
        copy=False,
        help="Your notes on this closing, e.g. for the auditor; fixed once posted.",
    )
    # the posted entry and its reversal: set by action_post / action_reverse only
    move_id = fields.Many2one(
        "account.move", "Journal entry", readonly=True, copy=False, check_company=True
    )
    reversal_move_id = fields.Many2one(
        "account.move", "Reversal entry", readonly=True, copy=False, check_company=True
    )
    valuation_layer_ids = fields.One2many(
        "stock.valuation.layer", "nordic_closing_id", string="Write-down layers"
    )
    error_message = fields.Text(string="Error", readonly=True, copy=False)
    fixed_values = fields.Text(
        string="Fixed values",
        readonly=True,
        copy=False,
        help="Fixed values used, per class (Sweden: ÅRL 4:12; Finland: KPL 5:6 § "
        "3 mom.).",
    )
    fixed_value_tolerance = fields.Float(
        string="Fixed value tolerance (%)",
        readonly=True,
        copy=False,
        digits=(5, 2),
        help="Finland: the tolerance (%) of the fixed values used.",
    )
    previous_write_downs = fields.Text(
        string="Previous write-downs",
        readonly=True,
        copy=False,
        help="Finland: the write-downs of the previous posted closing on inventory "
        "accounts without a contra account (the part of their balance that is not "
        "acquisition value), per account.",
    )
    update_note = fields.Text(
        string="Update notes",
        readonly=True,
        copy=False,
        help="What an update of the addon derived for this closing from what was "
        "stored when it was posted, and what it could not derive (the version that "
        "posted it did not record it). The figures as posted are unchanged.",
    )
    computed_at = fields.Datetime(string="Computed at", readonly=True, copy=False)
    categories_fingerprint = fields.Char(
        string="Categories fingerprint", readonly=True, copy=False
    )
    workbook_attachment_id = fields.Many2one(
        "ir.attachment",
        "Posted workbook",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The workbook attached at posting: the closing's evidence, never "
        "written again.",
    )
    late_movement_count = fields.Integer(
        compute="_compute_late_movements",
        string="Movements entered since computed",
        help="Valuation layers dated on or before the balance date but entered after "
        "the closing was computed: compute it again (or, if posted, reverse it and "
        "close again).",
    )
    late_movement_value = fields.Monetary(
        compute="_compute_late_movements", string="Their value"
    )
    may_prepare = fields.Boolean(
        compute="_compute_may_prepare",
        string="May prepare closings",
        help="The user prepares closings: a read-only accountant downloads the "
        "workbook of a posted closing only.",
    )

    @api.depends("date", "company_id")
    def _compute_name(self):
        # in the company's language: the name is printed on its documents
        for closing in self:
            closing.name = closing._nordic_document_env()._(
                "Inventory closing %(date)s",
                date=closing._nordic_date(closing.date, document=True),
            )

    @api.depends_context("uid")
    def _compute_may_prepare(self):
        self.may_prepare = self.env.user.has_group(USER_GROUP)

    def _compute_late_movements(self):
        for closing in self:
            closing.late_movement_count, closing.late_movement_value = (
                closing._nordic_late_movements() if closing.computed_at else (0, 0)
            )

    def _compute_line_count(self):
        counts = {
            model: dict(
                self.env[model]._read_group(
                    [("closing_id", "in", self.ids)], ["closing_id"], ["__count"]
                )
            )
            for model in ("nordic.stock.closing.line", "nordic.stock.closing.lot")
        }
        for closing in self:
            closing.line_count = counts["nordic.stock.closing.line"].get(closing, 0)
            closing.lot_count = counts["nordic.stock.closing.lot"].get(closing, 0)

    def init(self):
        # At most one posted closing per company and date, also when two users post at
        # the same moment: the second transaction waits for the first, then fails.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS nordic_stock_closing_posted_uniq ON "
                "nordic_stock_closing (company_id, date) WHERE state = 'posted'"
            )
        )

    def _nordic_document_lang(self):
        """The language of the closing's documents (entry, workbook, count list,
        summary): the one chosen to print in, else the company's, as an auditor
        receives them."""
        return (
            # a document rendered in the background: the language it was asked in
            self.env.context.get("nordic_print_lang")
            or self.print_lang
            or self.company_id.partner_id.lang
            or self.env.lang
            or "en_US"
        )

    def _nordic_document_env(self):
        return self.with_context(lang=self._nordic_document_lang()).env

    def _nordic_date(self, value, document=False):
        """``value`` (a date) as the user's language writes it (its date format in
        Settings > Languages); ``document``: as the closing's documents' language
        does (its name, the entry)."""
        return format_date(self._nordic_document_env() if document else self.env, value)

    def _nordic_date_format(self):
        """The strftime pattern of the documents' language: the engine's entry
        texts are dated with it."""
        return get_lang(self.env, self._nordic_document_lang()).date_format

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
            closing._nordic_check_no_posted_closing()
            closing._nordic_compute()
        return True

    def action_post(self):
        """Post what the engine computes from the database (the stored computation
        when nothing changed since, else a new one): the change-in-inventory entry,
        the write-down layers, the workbook."""
        self.ensure_one()
        self._nordic_check_manager()
        if self.state not in ("draft", "computed"):
            raise UserError(
                self.env._(
                    "Only a draft or computed closing can be posted (%(name)s).",
                    name=self.name,
                )
            )
        self._nordic_check_no_posted_closing()
        self._nordic_check_lock_dates(self.date)
        # what is booked must be complete (e.g. every dagspris entered)
        result = self.with_context(nordic_posting=True)._nordic_posting_result()
        self._nordic_check_journal_set()
        self._nordic_claim_posting()
        self._nordic_post(result)
        return True

    def action_reverse(self, date=None, reason=None):
        """Reverse the posted entry (dated ``date``, default the closing's date) and
        the write-down layers; both records stay, and the chatter says when, why
        and by which entry."""
        self.ensure_one()
        self._nordic_check_manager()
        if self.state != "posted":
            raise UserError(
                self.env._(
                    "Only a posted closing can be reversed (%(name)s).", name=self.name
                )
            )
        date = fields.Date.to_date(date) or self.date
        self._nordic_check_lock_dates(date)
        self._nordic_reverse(date, reason)
        return True

    def action_reset_to_draft(self):
        self.ensure_one()
        if self.state != "computed":
            raise UserError(self.env._("Only a computed closing can be reset."))
        self._nordic_write({"state": "draft"})
        return True

    def action_download_xlsx(self):
        """The closing workbook (XLSX) for the auditor: of a posted or reversed
        closing the one attached at posting, never written again."""
        self.ensure_one()
        if self.state == "draft":
            raise UserError(
                self.env._("Compute the closing before downloading its workbook.")
            )
        if self.state in ("posted", "reversed"):
            attachment = self.sudo().workbook_attachment_id
            if not attachment:
                raise UserError(
                    self.env._(
                        "%(name)s was posted without a workbook: print its count "
                        "list and summary instead.",
                        name=self.name,
                    )
                )
        else:
            self.check_access("write")
            attachment = self._nordic_attach_workbook()
        return {
            "type": "ir.actions.act_url",
            "url": attachment._nordic_download_url(),
            "target": "self",
        }

    def copy_data(self, default=None):
        # a closing is what was computed at its date: a copy would be neither
        # (Duplicate is hidden in the form; this answers copy() from the API)
        raise UserError(
            self.env._(
                "An inventory closing cannot be duplicated: create a new one for its "
                "balance date (%(menu)s), which values the stock again.",
                menu=self.env["ir.ui.menu"]._nordic_menu_path(*WIZARD_MENUS),
            )
        )

    def action_open_lines(self):
        """The closing's items, in a list of their own where their NRV and
        replacement cost are entered (the form does not read them: the ids of
        100,000 items took a second); the replacement cost where the framework
        values by it."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Items of %(name)s", name=self.name),
            "res_model": "nordic.stock.closing.line",
            "view_mode": "list",
            "views": [
                (
                    self.env.ref(
                        "l10n_nordic_stock_closing.nordic_stock_closing_item_view_list"
                    ).id,
                    "list",
                )
            ],
            "domain": [("closing_id", "=", self.id)],
            "context": {
                "default_closing_id": self.id,
                "nordic_replacement_cost": self.nordic_has_replacement_cost,
            },
        }

    def action_open_lots(self):
        """The lots of the items valued by lot/serial number, in a list of their
        own (the form does not read them: 100,000 of them took seconds)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Lots/serial numbers of %(name)s", name=self.name),
            "res_model": "nordic.stock.closing.lot",
            "view_mode": "list",
            "domain": [("closing_id", "=", self.id)],
        }

    def action_open_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "view_mode": "form",
            "res_id": self.move_id.id,
        }

    def _nordic_log(self, body):
        """Say ``body`` (text, escaped; or Markup) in the closing's chatter as a
        note: as Odoo's field tracking does, it needs no e-mail address of its
        author (preparers are often warehouse staff without one) and notifies no
        one."""
        self.ensure_one()
        return self._message_log(body=escape(body))

    def _nordic_money(self, amount):
        """An amount as the reader's language writes it (separators, currency)."""
        return self._nordic_money_formatter()(amount)

    def _nordic_money_formatter(self):
        """A function writing an amount as the language of ``self.env`` does
        (Odoo's grouping and separators, the currency's decimals and name), with
        the language's data read once: the notes of 100,000 lines are written
        without a call into Odoo's formatting each."""
        currency = self.currency_id
        data = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
        if not data:  # a language not installed: Odoo's own fallback
            data = self.env["res.lang"]._get_data(code="en_US")
        grouping = ast.literal_eval(data.grouping)
        separator, point = data.thousands_sep or "", data.decimal_point
        exponent = Decimal(1).scaleb(-currency.decimal_places)

        def money(amount):
            text = str(Decimal(str(amount)).quantize(exponent, ROUND_HALF_EVEN))
            whole, _dot, fraction = text.partition(".")
            whole = intersperse(whole, grouping, separator)[0]
            return f"{point.join(filter(None, (whole, fraction)))} {currency.name}"

        return money

    # ------------------------------------------------------------------
    # API for implementers
    # ------------------------------------------------------------------
    @api.model
    @api.returns("self", lambda closing: closing.id)  # RPC callers get the id
    def prepare(self, company, date, post=False):
        """Compute (and with ``post=True`` post) the closing of ``company`` at ``date``.

        Returns the closing (its id over RPC). Reuses a draft or computed closing for
        the same date; while a closing of the date is posted, returns that one as it
        was posted (neither computed nor posted again: reverse it first). Usable from
        ``odoo-bin shell``, server actions and XML-RPC (company as id, date as
        ``YYYY-MM-DD``), whatever the caller's current company.
        """
        company, date = self._nordic_check_prepare_args(company, date, post)
        # who may not prepare (or post) is refused whether or not the date is closed
        self.check_access("create")
        if post:
            self._nordic_check_manager()
        posted = self._nordic_posted_closing(company, date)
        if posted:
            return posted
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
        if post:
            closing.action_post()  # computes from the database, then posts
        else:
            closing.action_compute()
        return closing
