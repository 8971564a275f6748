from odoo import fields, models

from .nordic_selections import INVENTORY_CLASS_SELECTION


class NordicStockClosingEntry(models.Model):
    _name = "nordic.stock.closing.entry"
    _inherit = ["nordic.closing.part"]
    _description = "Inventory closing: entry preview line"
    _order = "closing_id, sequence, id"

    sequence = fields.Integer()
    account_id = fields.Many2one("account.account", required=True, check_company=True)
    name = fields.Char(string="Label")
    inventory_class = fields.Selection(
        INVENTORY_CLASS_SELECTION, string="Inventory class"
    )
    debit = fields.Monetary()
    credit = fields.Monetary()
