from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    nordic_closing_id = fields.Many2one(
        "nordic.stock.closing",
        string="Inventory closing",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )

    def action_open_nordic_closing(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "nordic.stock.closing",
            "view_mode": "form",
            "res_id": self.nordic_closing_id.id,
        }
