from odoo import models
from odoo.exceptions import UserError

from ..controllers.main import DOWNLOAD_ROUTE


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _nordic_download_url(self):
        """The URL downloading this file of a closing under its whole name
        (controllers/main.py: ``/web/content`` loses its ø, æ and å)."""
        self.ensure_one()
        return f"{DOWNLOAD_ROUTE}/{self.id}"

    def _nordic_check_closing_workbook(self):
        """The workbook attached when a closing was posted is its evidence."""
        if not self.ids:
            return
        closing = (
            self.env["nordic.stock.closing"]
            .sudo()
            .search([("workbook_attachment_id", "in", self.ids)], limit=1)
        )
        if closing:
            raise UserError(
                self.env._(
                    "This workbook is the evidence of %(closing)s, made when it was "
                    "posted: it cannot be changed or deleted.",
                    closing=closing.display_name,
                )
            )

    def write(self, vals):
        self._nordic_check_closing_workbook()
        return super().write(vals)

    def unlink(self):
        self._nordic_check_closing_workbook()
        return super().unlink()
