from odoo import api, fields, models, tools
from odoo.tools import SQL

from .nordic_selections import CLOSING_STATE_SELECTION, framework_selection


class NordicClosingOverview(models.Model):
    """Every company that closes its inventory with this addon, with its last
    closing, what is due and what failed: the implementer's overview."""

    _name = "nordic.closing.overview"
    _description = "Inventory closings overview"
    _auto = False
    _order = "company_id"

    company_id = fields.Many2one("res.company", readonly=True)
    # the currency its closings' amounts are in (never added to another's)
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    framework = fields.Selection(framework_selection, readonly=True)
    auto_closing = fields.Boolean("Automatic", readonly=True)
    closing_id = fields.Many2one("nordic.stock.closing", "Last closing", readonly=True)
    date = fields.Date("Last balance date", readonly=True)
    state = fields.Selection(
        CLOSING_STATE_SELECTION, "Last closing status", readonly=True
    )
    posted_date = fields.Date("Last posted balance date", readonly=True)
    failure = fields.Text("Last failure", readonly=True)
    failed = fields.Boolean(readonly=True)
    next_due_date = fields.Date("Next balance date", compute="_compute_next_due_date")

    @api.depends("posted_date", "company_id")
    def _compute_next_due_date(self):
        for row in self:
            row.next_due_date = row._nordic_next_balance_date()

    def _nordic_next_balance_date(self):
        """The fiscal year end after the last posted closing, else the last one
        that has passed in the company's time zone."""
        company = self.company_id
        if self.posted_date:
            day_after = fields.Date.add(self.posted_date, days=1)
            return company.compute_fiscalyear_dates(day_after)["date_to"]
        today = self.env["nordic.stock.closing"]._nordic_company_today(company)
        year_start = company.compute_fiscalyear_dates(today)["date_from"]
        return fields.Date.subtract(year_start, days=1)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
CREATE OR REPLACE VIEW %s AS (
SELECT c.id AS id, c.id AS company_id,
       c.nordic_closing_framework AS framework,
       COALESCE(c.nordic_auto_closing, false) AS auto_closing,
       last.id AS closing_id, last.date AS date, last.state AS state,
       posted.date AS posted_date,
       failed.error_message AS failure,
       failed.error_message IS NOT NULL AS failed
  FROM res_company c
  LEFT JOIN LATERAL (
      SELECT id, date, state FROM nordic_stock_closing
       WHERE company_id = c.id ORDER BY date DESC, id DESC LIMIT 1) last ON true
  LEFT JOIN LATERAL (
      SELECT date FROM nordic_stock_closing
       WHERE company_id = c.id AND state = 'posted'
       ORDER BY date DESC LIMIT 1) posted ON true
  -- a failed (automatic) closing waits as a draft with its error
  LEFT JOIN LATERAL (
      SELECT error_message FROM nordic_stock_closing
       WHERE company_id = c.id AND state = 'draft' AND error_message IS NOT NULL
       ORDER BY date DESC, id DESC LIMIT 1) failed ON true
 WHERE c.active AND c.nordic_closing_framework IS NOT NULL
)
                """,
                SQL.identifier(self._table),
            )
        )
