import io

import openpyxl

from odoo.tests import tagged

from .closing_common import NordicStockClosingCase


@tagged("post_install", "-at_install")
class TestClosingDisclosure(NordicStockClosingCase):
    """What the workbook states about how the stock was valued."""

    def _workbook(self, closing):
        action = closing.action_download_xlsx()
        attachment_id = int(action["url"].rsplit("/", 1)[1])
        raw = self.env["ir.attachment"].browse(attachment_id).raw
        return openpyxl.load_workbook(io.BytesIO(raw), data_only=True)

    def _texts(self, sheet):
        return [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v]

    def test_average_cost_category_stated_as_average(self):
        """Raw materials at average cost, goods for resale at FIFO: the workbook
        states both, each with its class (not FIFO for everything)."""
        company = self.company_no
        raw = self._category(company, "raw_material", cost_method="average")
        resale = self._category(company, "goods_for_resale")
        self._move(self._product(company, raw, "AV1"), 10, 5, "2025-03-01 10:00:00")
        self._move(self._product(company, resale, "FI1"), 4, 20, "2025-03-01 10:00:00")
        closing = self._closing(company)
        closing.action_compute()
        book = self._workbook(closing)
        summary = self._texts(book["Summary"])
        self.assertIn(
            "Weighted average (Raw materials); FIFO (Goods for resale)", summary
        )
        principles = self._texts(book["Principles"])
        self.assertIn(
            "Raw materials: Acquisition value is determined by the weighted average "
            "cost method.",
            principles,
        )

    def test_only_average_cost_stated_without_classes(self):
        company = self.company_no
        raw = self._category(company, "raw_material", cost_method="average")
        self._move(self._product(company, raw, "AV2"), 10, 5, "2025-03-01 10:00:00")
        closing = self._closing(company)
        closing.action_compute()
        book = self._workbook(closing)
        self.assertIn("Weighted average", self._texts(book["Summary"]))
        principles = self._texts(book["Principles"])
        self.assertIn(
            "Acquisition value is determined by the weighted average cost method.",
            principles,
        )
        self.assertFalse([t for t in principles if "first-in, first-out" in t])
