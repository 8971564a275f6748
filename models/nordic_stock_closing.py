import functools
import gc
import logging
from decimal import Decimal

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.base.models.res_partner import _lang_get

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
