"""The count list as a workbook: for counting on a tablet or in a spreadsheet when
the PDF of a large closing is too long to wait for."""

import io

from odoo import models

from ..nordic_closing.labels import language_of
from ..nordic_closing.workbook import CountItem, write_count_list
from .nordic_selections import INVENTORY_CLASS_SELECTION
from .nordic_stock_closing import without_cycle_collector


class NordicStockClosingCountXlsx(models.Model):
    _inherit = "nordic.stock.closing"

    def action_download_count_list_xlsx(self):
        """The count list as a workbook (written at once, also for 100,000 items):
        attached to the closing, replacing the one written before."""
        self.ensure_one()
        self.check_access("read")
        attachment = self._nordic_attach_count_list_xlsx()
        return {
            "type": "ir.actions.act_url",
            "url": attachment._nordic_download_url(),
            "target": "self",
        }

    @without_cycle_collector
    def _nordic_attach_count_list_xlsx(self):
        closing = self.with_context(lang=self._nordic_document_lang())
        # the columns other addons add (_get_count_list_columns), after the engine's
        added = [c for c in closing._get_count_list_columns() if c["xlsx"]]
        buffer = io.BytesIO()
        write_count_list(
            closing._nordic_count_items([column["name"] for column in added]),
            buffer,
            self.date,
            lang=language_of(self._nordic_document_lang()),
            meta={
                "company": self.company_id.name,
                "date_format": self._nordic_date_format(),
                "columns": [column["string"] for column in added],
            },
        )
        return self._nordic_attach_xlsx(
            f"{self._nordic_document_name('count_list')}.xlsx", buffer
        )

    def _nordic_count_items(self, added=()):
        """The items as the count list PDF orders them: by inventory class, then
        reference and name; the lots of an item valued by lot; ``added``: the
        line fields of the columns other addons add (their values, in order)."""
        order = {
            key: index for index, (key, _label) in enumerate(INVENTORY_CLASS_SELECTION)
        }
        lines = self.line_ids.sorted(
            lambda line: (
                order.get(line.inventory_class, len(order)),
                line.product_id.default_code or "",
                line.product_id.name or "",
                line.id,
            )
        )
        return [
            CountItem(
                line.product_id.default_code or "",
                line.product_id.name or "",
                line.product_id.uom_id.name or "",
                line.quantity,
                tuple((lot.lot_name or "", lot.quantity) for lot in line.lot_ids),
                tuple(line[name] or None for name in added),
            )
            for line in lines
        ]
