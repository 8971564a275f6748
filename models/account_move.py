from odoo import models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "nordic.closing.link"]

    def action_open_nordic_closing(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "nordic.stock.closing",
            "view_mode": "form",
            "res_id": self.nordic_closing_id.id,
        }

    def _nordic_check_closing_entry(self):
        """The entries of a posted (or reversed) inventory closing are its evidence:
        only the closing's Reverse undoes them."""
        closings = self.sudo().nordic_closing_id.filtered(
            lambda c: c.state in ("posted", "reversed")
        )
        if closings:
            raise UserError(
                self.env._(
                    "This entry belongs to %(closing)s. An inventory closing's entry "
                    "cannot be reset to draft, cancelled or deleted: use Reverse on "
                    "the closing (Accounting > Inventory closings).",
                    closing=closings[0].display_name,
                )
            )

    def button_draft(self):
        self._nordic_check_closing_entry()
        return super().button_draft()

    def button_cancel(self):
        self._nordic_check_closing_entry()
        return super().button_cancel()

    def unlink(self):
        # before Odoo's own checks, so that the message points to Reverse
        self._nordic_check_closing_entry()
        return super().unlink()
