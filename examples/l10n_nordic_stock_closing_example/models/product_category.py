from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    example_damaged = fields.Boolean(
        "Damaged goods",
        help="Inventory closing: the write-downs of this category's items are "
        "given the reason 'Damaged goods' instead of the engine's.",
    )
