from odoo import fields, models

from .nordic_selections import TAX_PRINCIPLE_SELECTION


class NordicStockClosingDisclosure(models.Model):
    """What the engine discloses beside the entry: Denmark's tax value per product
    group (varelagerloven § 1) and the replacement value against cost per
    balance-sheet line (ÅRL § 89 stk. 2, KPA 2:4 §)."""

    _name = "nordic.stock.closing.disclosure"
    _inherit = ["nordic.closing.part"]
    _description = "Inventory closing: tax view and replacement value note"
    _order = "closing_id, kind, sequence, id"

    kind = fields.Selection(
        [
            ("tax_group", "Tax value per product group"),
            ("replacement", "Replacement value per balance-sheet line"),
        ],
        required=True,
        string="Disclosure",
    )
    sequence = fields.Integer()
    name = fields.Char("Product group / account")
    tax_principle = fields.Selection(TAX_PRINCIPLE_SELECTION, string="Tax principle")
    account_id = fields.Many2one("account.account", check_company=True)
    book_value = fields.Monetary(
        "Book value / cost", help="Tax groups: the book value; accounts: the cost."
    )
    compare_value = fields.Monetary(
        "Tax value / replacement value",
        help="Tax groups: the tax value at the group's principle; accounts: the "
        "replacement value.",
    )
    difference = fields.Monetary(help="Tax or replacement value less book value.")
