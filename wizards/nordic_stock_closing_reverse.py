from odoo import fields, models


class NordicStockClosingReverse(models.TransientModel):
    """Asks, as Odoo's own reversal does, for the date and the reason of reversing
    a posted closing."""

    _name = "nordic.stock.closing.reverse"
    _description = "Reverse an inventory closing"
    _check_company_auto = True

    closing_id = fields.Many2one(
        "nordic.stock.closing", required=True, readonly=True, check_company=True
    )
    company_id = fields.Many2one(related="closing_id.company_id")
    date = fields.Date(
        "Reversal date",
        required=True,
        default=lambda self: self._default_date(),
        help="The date of the reversal entry; by default the closing's own date.",
    )
    reason = fields.Char(required=True, help="Said in the entry and the chatter.")

    def _default_date(self):
        closing_id = self.env.context.get("default_closing_id")
        return self.env["nordic.stock.closing"].browse(closing_id).date or False

    def action_reverse(self):
        self.ensure_one()
        self.closing_id.action_reverse(date=self.date, reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
