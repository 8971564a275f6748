from odoo import api, models


class AccountMoveReversal(models.TransientModel):
    _inherit = "account.move.reversal"

    @api.model
    def default_get(self, fields):
        # refuse when the dialog opens, not after the user filled it in
        if self.env.context.get("active_model") == "account.move":
            moves = self.env["account.move"].browse(self.env.context.get("active_ids"))
            moves._nordic_check_closing_entry()
        return super().default_get(fields)
