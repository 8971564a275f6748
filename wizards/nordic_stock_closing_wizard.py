from datetime import timedelta

from odoo import api, fields, models

CLOSINGS_ACTION = "l10n_nordic_stock_closing.nordic_stock_closing_action"


class NordicStockClosingWizard(models.TransientModel):
    _name = "nordic.stock.closing.wizard"
    _description = "Year-end inventory closing"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(
        string="Balance date",
        required=True,
        default=lambda self: self._default_date(),
        help="Defaults to the end of the last fiscal year.",
    )
    closing_id = fields.Many2one(
        "nordic.stock.closing", readonly=True, check_company=True
    )
    class_ids = fields.One2many(related="closing_id.class_ids")
    entry_line_ids = fields.One2many(related="closing_id.entry_line_ids")
    closing_value = fields.Monetary(related="closing_id.closing_value")
    notes = fields.Text(related="closing_id.notes")
    posted_closing_id = fields.Many2one(
        "nordic.stock.closing",
        "Posted closing of this date",
        compute="_compute_posted_closing_id",
        help="The company already has a posted closing for this date: reverse it "
        "before posting another.",
    )

    @api.depends("company_id", "date")
    def _compute_posted_closing_id(self):
        Closing = self.env["nordic.stock.closing"]
        for wizard in self:
            wizard.posted_closing_id = Closing._nordic_posted_closing(
                wizard.company_id, wizard.date
            )

    @api.model
    def _default_date(self):
        company = self.env.company
        today = fields.Date.context_today(self)
        current = company.compute_fiscalyear_dates(today)
        return current["date_from"] - timedelta(days=1)

    @api.onchange("company_id", "date")
    def _onchange_reset_preview(self):
        self.closing_id = False

    def action_preview(self):
        """Value the stock and show the classes and the entry before posting."""
        self.ensure_one()
        self.closing_id = self.env["nordic.stock.closing"].prepare(
            self.company_id, self.date
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Year-end inventory closing"),
            # wide enough for every column of the stock equation
            "context": {**self.env.context, "dialog_size": "extra-large"},
        }

    def action_post(self):
        """Post the closing and open it."""
        self.ensure_one()
        closing = self.closing_id
        if closing:
            closing.action_post()  # values the stock from the database again
        else:
            closing = self.env["nordic.stock.closing"].prepare(
                self.company_id, self.date, post=True
            )
        # opened as the address of the closing in the closings' own action: the
        # web client rebuilds the breadcrumb "Inventory closings / the closing",
        # a way back to the list (an action returned to the dialog would open the
        # form alone, or above whatever was open when the wizard started)
        return {
            "type": "ir.actions.act_url",
            "url": f"/odoo/action-{CLOSINGS_ACTION}/{closing.id}",
            "target": "self",
        }
