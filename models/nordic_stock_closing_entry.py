from odoo import fields, models

from .nordic_stock_closing_line import INVENTORY_CLASS_SELECTION


class NordicStockClosingEntry(models.Model):
    _name = "nordic.stock.closing.entry"
    _description = "Inventory closing: entry preview line"
    _order = "closing_id, sequence, id"
    _check_company_auto = True

    closing_id = fields.Many2one(
        "nordic.stock.closing", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="closing_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    sequence = fields.Integer()
    account_id = fields.Many2one("account.account", required=True, check_company=True)
    name = fields.Char(string="Label")
    inventory_class = fields.Selection(INVENTORY_CLASS_SELECTION)
    debit = fields.Monetary()
    credit = fields.Monetary()
