from odoo import api, fields, models, tools
from odoo.tools import SQL

from .nordic_selections import FRAMEWORK_SELECTION


class NordicClosingOverview(models.Model):
    """Every company that closes its inventory with this addon, with its last
    closing, what is due and what failed: the implementer's overview."""

    _name = "nordic.closing.overview"
    _description = "Inventory closings overview"
    _auto = False
    _order = "company_id"

    company_id = fields.Many2one("res.company", readonly=True)
    framework = fields.Selection(FRAMEWORK_SELECTION, readonly=True)
    auto_closing = fields.Boolean("Automatic", readonly=True)
    closing_id = fields.Many2one("nordic.stock.closing", "Last closing", readonly=True)
    date = fields.Date("Last balance date", readonly=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("computed", "Computed"),
            ("posted", "Posted"),
            ("reversed", "Reversed"),
        ],
        "Last closing status",
        readonly=True,
    )
    posted_date = fields.Date("Last posted balance date", readonly=True)
    failure = fields.Text("Last failure", readonly=True)
    failed = fields.Boolean(readonly=True)
    next_due_date = fields.Date(
        "Next balance date",
        compute="_compute_next_due_date",
        help="The fiscal year end after the last posted closing (or the last fiscal "
        "year end that has passed, for a company without one).",
    )

    @api.depends("posted_date", "company_id")
    def _compute_next_due_date(self):
        Closing = self.env["nordic.stock.closing"]
        for row in self:
            company = row.company_id
            if row.posted_date:
                start = fields.Date.add(row.posted_date, days=1)
                row.next_due_date = company.compute_fiscalyear_dates(start)["date_to"]
            else:
                today = Closing._nordic_company_today(company)
                row.next_due_date = fields.Date.subtract(
                    company.compute_fiscalyear_dates(today)["date_from"], days=1
                )

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
