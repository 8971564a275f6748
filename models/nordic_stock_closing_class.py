from odoo import fields, models

from .nordic_stock_closing_line import INVENTORY_CLASS_SELECTION


class NordicStockClosingClass(models.Model):
    _name = "nordic.stock.closing.class"
    _description = "Inventory closing: stock equation per class"
    _order = "closing_id, id"
    _check_company_auto = True

    closing_id = fields.Many2one(
        "nordic.stock.closing", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="closing_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    inventory_class = fields.Selection(INVENTORY_CLASS_SELECTION, readonly=True)
    inventory_account_id = fields.Many2one("account.account", check_company=True)
    contra_account_id = fields.Many2one(
        "account.account", string="Write-down account", check_company=True
    )
    change_account_id = fields.Many2one("account.account", check_company=True)
    opening_value = fields.Monetary()
    purchases = fields.Monetary()
    closing_acquisition_value = fields.Monetary()
    write_down = fields.Monetary()
    closing_value = fields.Monetary()
    cost_of_goods_sold = fields.Monetary()
    change = fields.Monetary(string="Change in inventory")
    ledger_balance = fields.Monetary(
        string="Ledger before closing",
        help="Balance of the inventory account in the general ledger before the "
        "closing.",
    )
    ledger_difference = fields.Monetary(
        string="Stock ledger − general ledger",
        help="Closing acquisition value (stock ledger) less the inventory account's "
        "balance: what the closing books on the inventory account.",
    )
    tax_value = fields.Monetary(
        help="Norway (sktl § 14-5): cost, write-downs are not deductible until the "
        "goods are sold or scrapped."
    )
