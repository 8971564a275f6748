from odoo import api, fields, models


class NordicStockClosingLot(models.Model):
    """A lot or serial number of an item valued by lot (Odoo's *Valuation by
    Lot/Serial number*): its units on hand at the date at its own cost (specific
    identification, IAS 2.23). The item's quantity and acquisition value are the
    sums of its lots."""

    _name = "nordic.stock.closing.lot"
    _inherit = ["nordic.closing.part"]
    _description = "Inventory closing item: lot or serial number"
    # the lots' own column only: ordering by the line joins the lines for every
    # lot, and on lines and lots just stored (no statistics yet) PostgreSQL planned
    # that join as a loop over every pair (5 minutes for the form of a closing of
    # 100,000 items, 20,000 by lot); a closing stores its lots in the order of its
    # items and lot names
    _order = "id"

    line_id = fields.Many2one(
        "nordic.stock.closing.line",
        "Item",
        required=True,
        ondelete="cascade",
        index=True,
    )
    product_id = fields.Many2one(related="line_id.product_id")
    lot_id = fields.Many2one("stock.lot", "Lot/serial number", readonly=True)
    # as it was named at the date (a lot can be renamed later)
    lot_name = fields.Char("Lot/serial number name", readonly=True)
    quantity = fields.Float(digits="Product Unit of Measure", readonly=True)
    acquisition_value = fields.Monetary("Acquisition value", readonly=True)
    unit_cost = fields.Monetary(compute="_compute_unit_cost", string="Cost per unit")

    @api.depends("acquisition_value", "quantity")
    def _compute_unit_cost(self):
        for lot in self:
            lot.unit_cost = lot.acquisition_value / lot.quantity if lot.quantity else 0
