from datetime import date

from odoo.tests import tagged

from ..models.nordic_stock_closing import server_env
from .closing_common import NordicStockClosingCase


@tagged("post_install", "-at_install")
class TestClosingsOverview(NordicStockClosingCase):
    def test_overview_last_closing_due_and_failure(self):
        """Norway posted 2025-12-31 (fiscal years are calendar years): next balance
        date 2026-12-31. Sweden's automatic closing failed (a draft with its error):
        shown as failed, its last closing a draft."""
        company_no, company_se = self.company_no, self.company_se
        product = self._product(
            company_no, self._category(company_no, "goods_for_resale"), "OV"
        )
        self._move(product, 10, 100, "2025-05-01 10:00:00")
        self._closing(company_no).action_post()
        # as the scheduled action leaves a failed closing
        server_env(self.env["nordic.stock.closing"]).create(
            {
                "company_id": company_se.id,
                "date": date(2025, 12, 31),
                "error_message": "Choose an inventory class on these categories: X",
            }
        ).flush_recordset()
        self.env.flush_all()
        rows = self.env["nordic.closing.overview"].search(
            [("company_id", "in", (company_no | company_se).ids)]
        )
        by_company = {row.company_id: row for row in rows}
        norway, sweden = by_company[company_no], by_company[company_se]
        self.assertEqual(
            (norway.state, norway.posted_date, norway.next_due_date, norway.failed),
            ("posted", date(2025, 12, 31), date(2026, 12, 31), False),
        )
        self.assertEqual((sweden.state, sweden.failed), ("draft", True))
        self.assertIn("inventory class", sweden.failure)
        failed = self.env["nordic.closing.overview"].search([("failed", "=", True)])
        self.assertIn(company_se, failed.company_id)
        self.assertNotIn(company_no, failed.company_id)
