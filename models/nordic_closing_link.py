from odoo import fields, models


class NordicClosingLink(models.AbstractModel):
    """What an inventory closing booked (its journal entries, its write-down
    valuation layers) points back to it."""

    _name = "nordic.closing.link"
    _description = "Booked by an inventory closing"

    nordic_closing_id = fields.Many2one(
        "nordic.stock.closing",
        string="Inventory closing",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
        help="The year-end inventory closing that booked this entry or write-down "
        "layer.",
    )
