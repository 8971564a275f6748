from odoo import fields, models
from odoo.tools import SQL


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

    def init(self):
        res = super().init()
        # the closing's check for movements entered after it was computed reads the
        # company's newest layers only
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS stock_valuation_layer_nordic_created ON "
                "stock_valuation_layer (company_id, create_date)"
            )
        )
        return res
