from odoo import api, fields, models

from ..nordic_closing.valuation import PRODUCED_CLASSES
from .nordic_selections import INVENTORY_CLASS_SELECTION


class NordicStockClosingClass(models.Model):
    _name = "nordic.stock.closing.class"
    _inherit = ["nordic.closing.part"]
    _description = "Inventory closing: stock equation per class"
    _order = "closing_id, id"

    inventory_class = fields.Selection(
        INVENTORY_CLASS_SELECTION, readonly=True, string="Inventory class"
    )
    # for the analysis across years and companies
    date = fields.Date(related="closing_id.date", store=True, string="Balance date")
    state = fields.Selection(related="closing_id.state", store=True)
    inventory_account_id = fields.Many2one(
        "account.account", check_company=True, string="Inventory account"
    )
    contra_account_id = fields.Many2one(
        "account.account", string="Write-down account", check_company=True
    )
    change_account_id = fields.Many2one(
        "account.account", check_company=True, string="Change in inventory account"
    )
    write_down_account_id = fields.Many2one(
        "account.account", "Write-down P&L account", check_company=True
    )
    opening_value = fields.Monetary(string="Opening value")
    purchases = fields.Monetary(
        string="Purchases / production",
        help="Net acquisitions of the year: receipts from vendors (with landed costs "
        "and price differences, less returns to vendors) or, for work in progress "
        "and finished goods, production.",
    )
    purchases_kind = fields.Selection(
        [("purchases", "Purchases"), ("production", "Production")],
        compute="_compute_purchases_kind",
        string="Acquired by",
    )
    closing_acquisition_value = fields.Monetary(string="Closing acquisition value")
    write_down = fields.Monetary(string="Write-down")
    closing_value = fields.Monetary(string="Closing value")
    cost_of_goods_sold = fields.Monetary(string="Cost of goods sold")
    change = fields.Monetary(string="Change in inventory")
    ledger_balance = fields.Monetary(
        "Ledger before closing",
        help="Balance of the inventory account in the general ledger before the "
        "closing.",
    )
    ledger_difference = fields.Monetary(
        "Stock ledger − general ledger",
        help="Closing acquisition value (stock ledger) less the inventory account's "
        "balance: what the closing books on the inventory account.",
    )
    temporary_difference = fields.Monetary(
        string="Temporary difference",
        help="Tax value less closing value: Norway's temporary difference per stock "
        "category (sktl § 14-5).",
    )
    tax_value = fields.Monetary(
        string="Tax value",
        help="Norway (sktl § 14-5): cost, write-downs are not deductible until the "
        "goods are sold or scrapped.",
    )

    @api.depends("inventory_class")
    def _compute_purchases_kind(self):
        for cls in self:
            cls.purchases_kind = (
                "production" if cls.inventory_class in PRODUCED_CLASSES else "purchases"
            )
