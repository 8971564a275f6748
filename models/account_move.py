from odoo import models
from odoo.exceptions import UserError

from .nordic_stock_closing import is_server_write


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
        only the closing's Reverse undoes them (its entry, its write-down layers and
        its state together)."""
        closings = self.sudo().nordic_closing_id.filtered(
            lambda c: c.state in ("posted", "reversed")
        )
        if closings:
            raise UserError(
                self.env._(
                    "This entry belongs to %(closing)s. An inventory closing's entry "
                    "cannot be reversed here, reset to draft, cancelled or deleted: "
                    "open the closing (the button Inventory closing on this entry) "
                    "and use its Reverse, which also reverses its write-down layers.",
                    closing=closings[0].display_name,
                )
            )

    def _reverse_moves(self, default_values_list=None, cancel=False):
        # every way to Odoo's reversal (Reverse Entry, the list's Reverse, the
        # ORM, XML-RPC through the wizard) passes here; the closing's own Reverse
        # calls it as the closing
        if not is_server_write(self):
            self._nordic_check_closing_entry()
        return super()._reverse_moves(default_values_list, cancel=cancel)

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
