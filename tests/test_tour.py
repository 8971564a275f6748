from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

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

    def test_preparer_from_the_inventory_menu(self):
        """An inventory user with only "Prepare inventory closings" finds the
        closing under Inventory > Inventory closing, previews it, sees no Post, and
        enters an NRV of 90 in the closing's items list (opened from its form, which
        has no items tab): 10 @ 100 at 90 -> write-down 10 x 10 = 100, value 900."""
        company = self._stock_to_close()
        new_test_user(
            self.env,
            login="nsc_preparer",
            groups="base.group_user,stock.group_stock_user,"
            "l10n_nordic_stock_closing.group_nordic_closing_user",
            company_id=company.id,
            company_ids=[(6, 0, company.ids)],
        )
        self.start_tour(
            "/odoo", "nordic_stock_closing_preparer_tour", login="nsc_preparer"
        )
        closing = self.env["nordic.stock.closing"].search(
            [("company_id", "=", company.id), ("date", "=", date(2025, 12, 31))]
        )
        self.assertEqual(closing.state, "computed")
        self.assertFalse(closing.move_id)
        line = closing.line_ids
        self.assertEqual(line.product_id.default_code, "T")
        self.assertEqual(line.nrv_source, "manual")
        self.assertAlmostEqual(line.net_realisable_value, 90)
        self.assertAlmostEqual(line.write_down, 100)
        self.assertAlmostEqual(closing.write_down, 100)
        self.assertAlmostEqual(closing.closing_value, 900)
