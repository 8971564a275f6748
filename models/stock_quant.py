from odoo import fields, models


class StockQuant(models.Model):
    _inherit = "stock.quant"

    def _get_inventory_move_values(self, *args, **kwargs):
        """Keep a count's accounting date on its move (``force_period_date`` is set
        by stock_account when the count is applied with an accounting date)."""
        values = super()._get_inventory_move_values(*args, **kwargs)
        accounting_date = self.env.context.get("force_period_date")
        if accounting_date:
            values["nordic_accounting_date"] = fields.Date.to_date(accounting_date)
        return values
