from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    example_analytic_account_id = fields.Many2one(
        "account.analytic.account",
        "Inventory closing analytic account",
        help="The profit and loss lines of the inventory closing's entry are "
        "distributed to this analytic account (100 %).",
    )
