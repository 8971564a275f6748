from odoo import api, fields, models
from odoo.exceptions import UserError

INVENTORY_CLASS_SELECTION = [
    ("raw_material", "Raw materials"),
    ("consumable", "Consumables and supplies"),
    ("work_in_progress", "Work in progress"),
    ("finished_goods", "Finished goods"),
    ("goods_for_resale", "Goods for resale"),
]


class NordicStockClosingLine(models.Model):
    _name = "nordic.stock.closing.line"
    _description = "Inventory closing item"
    _order = "closing_id, inventory_class, product_id"
    _check_company_auto = True

    closing_id = fields.Many2one(
        "nordic.stock.closing", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(related="closing_id.state")
    product_id = fields.Many2one(
        "product.product", required=True, readonly=True, check_company=True
    )
    default_code = fields.Char(related="product_id.default_code", string="Reference")
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    categ_id = fields.Many2one("product.category", readonly=True)
    inventory_class = fields.Selection(INVENTORY_CLASS_SELECTION, readonly=True)
    quantity = fields.Float(digits="Product Unit of Measure", readonly=True)
    acquisition_value = fields.Monetary(readonly=True)
    unit_cost = fields.Monetary(compute="_compute_unit_cost", string="Cost per unit")
    opening_quantity = fields.Float(digits="Product Unit of Measure", readonly=True)
    opening_value = fields.Monetary(readonly=True)
    purchases = fields.Monetary(readonly=True)
    last_movement = fields.Date(readonly=True)
    net_realisable_value = fields.Monetary(
        string="Net realisable value per unit",
        help="Expected selling price less the costs to sell, per unit. Enter it to "
        "override the value from the sales price.",
    )
    nrv_source = fields.Selection(
        [
            ("none", "None"),
            ("sales_price", "Sales price less selling costs"),
            ("manual", "Entered"),
        ],
        string="NRV source",
        default="none",
        readonly=True,
    )
    write_down = fields.Monetary(readonly=True)
    write_down_reason = fields.Selection(
        [
            ("nrv", "Net realisable value"),
            ("obsolescence", "Obsolescence"),
            ("group", "Group valuation"),
            ("fixed_value", "Fixed value"),
            ("k1", "Not recognised (K1)"),
        ],
        readonly=True,
    )
    value = fields.Monetary(compute="_compute_value", store=True)

    @api.depends("acquisition_value", "quantity")
    def _compute_unit_cost(self):
        for line in self:
            line.unit_cost = (
                line.acquisition_value / line.quantity if line.quantity else 0
            )

    @api.depends("acquisition_value", "write_down")
    def _compute_value(self):
        for line in self:
            line.value = line.acquisition_value - line.write_down

    def write(self, vals):
        if "net_realisable_value" in vals:
            if any(line.closing_id.state in ("posted", "reversed") for line in self):
                raise UserError(
                    self.env._("The items of a posted closing cannot be changed.")
                )
            vals = {
                **vals,
                "nrv_source": "manual"
                if vals["net_realisable_value"] is not False
                else "none",
            }
        res = super().write(vals)
        if "net_realisable_value" in vals:
            for closing in self.closing_id.filtered(lambda c: c.state == "computed"):
                closing._nordic_store_result(closing._nordic_result())
        return res
