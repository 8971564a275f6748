from odoo import fields, models


class StockValuationLayer(models.Model):
    _inherit = "stock.valuation.layer"

    nordic_closing_id = fields.Many2one(
        "nordic.stock.closing",
        string="Inventory closing",
        readonly=True,
        index="btree_not_null",
        check_company=True,
        help="The year-end closing whose write-down this layer records.",
    )
