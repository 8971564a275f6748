from odoo import models
from odoo.tools import SQL


class StockValuationLayer(models.Model):
    _name = "stock.valuation.layer"
    _inherit = ["stock.valuation.layer", "nordic.closing.link"]

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
        # the closing's categories: those of the company's layers, found by
        # skipping from one category to the next on this index (a few reads, not
        # one per product)
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS stock_valuation_layer_nordic_category ON "
                "stock_valuation_layer (company_id, categ_id)"
            )
        )
        return res
