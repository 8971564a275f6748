from datetime import date

from odoo.tests import HttpCase, tagged

from .closing_common import NordicStockClosingCase


@tagged("post_install", "-at_install")
class TestNordicStockClosingTour(HttpCase, NordicStockClosingCase):
    def test_wizard_from_menu_to_posted_entry(self):
        """An accounting administrator runs the wizard from the menu and posts:
        10 @ 100 received in 2025 -> debit 1460 1,000 / credit 4390."""
        company = self.company_no
        product = self._product(
            company, self._category(company, "goods_for_resale"), "T"
        )
        self._move(product, 10, 100, "2025-05-01 10:00:00")
        admin = self.env.ref("base.user_admin")
        admin.write({"company_ids": [(4, company.id)], "company_id": company.id})
        self.start_tour("/odoo", "nordic_stock_closing_tour", login="admin")
        closing = self.env["nordic.stock.closing"].search(
            [("company_id", "=", company.id), ("date", "=", date(2025, 12, 31))]
        )
        self.assertEqual(closing.state, "posted")
        self.assertEqual(
            self._net(company, closing.move_id), {"1460": 1000, "4390": -1000}
        )

    def _stock_to_close(self):
        company = self.company_no
        product = self._product(
            company, self._category(company, "goods_for_resale"), "T"
        )
        self._move(product, 10, 100, "2025-05-01 10:00:00")
        return company

    def test_poster_overview_analysis_breadcrumb_warning_and_reversal(self):
        """The poster walks the overview, posts from the wizard into the closings'
        breadcrumb, is warned at once for the date already posted, looks at the
        pivot and graph, is refused Odoo's Reverse Entry on the closing's entry, and
        reverses with the closing's Reverse and a reason: the reversal entry undoes
        debit 1460 1,000 / credit 4390 (one reversal only)."""
        company = self._stock_to_close()
        admin = self.env.ref("base.user_admin")
        admin.write({"company_ids": [(4, company.id)], "company_id": company.id})
        self.start_tour("/odoo", "nordic_stock_closing_poster_tour", login="admin")
        closing = self.env["nordic.stock.closing"].search(
            [("company_id", "=", company.id), ("date", "=", date(2025, 12, 31))]
        )
        self.assertEqual(closing.state, "reversed")
        self.assertEqual(
            self.env["account.move"].search(
                [("reversed_entry_id", "=", closing.move_id.id)]
            ),
            closing.reversal_move_id,
        )
        self.assertIn("Count corrected", closing.reversal_move_id.ref)
        self.assertEqual(
            self._net(company, closing.reversal_move_id), {"1460": -1000, "4390": 1000}
        )
