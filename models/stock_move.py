from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    nordic_accounting_date = fields.Date(
        string="Accounting date (inventory closing)",
        readonly=True,
        copy=False,
        help="The accounting date a count was applied with. Odoo keeps it only in "
        "the move's name for periodic categories; the inventory closing dates the "
        "move's valuation by it.",
    )
