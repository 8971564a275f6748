from odoo import api, models


class NordicClosingReport(models.AbstractModel):
    """What the closing's PDF reports share: the closings as documents and the one
    helper each template calls (``_nordic_helper``, e.g. ``nordic_count_list``)."""

    _name = "nordic.closing.report"
    _description = "Inventory closing report"
    _nordic_helper = ""

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["nordic.stock.closing"].browse(docids)
        # a large closing through the Print menu: refused with the way round (the
        # buttons render it in the background) rather than a request that times out
        docs._nordic_check_document_size()
        return {
            "doc_ids": docids,
            "doc_model": "nordic.stock.closing",
            "docs": docs,
            self._nordic_helper: getattr(self, f"_{self._nordic_helper}"),
        }
