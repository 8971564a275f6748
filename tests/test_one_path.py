"""Issue 20, one path for every figure: what the closing reads is what the
transaction says, and the company's closing journal is checked where it is set."""

from odoo.exceptions import ValidationError

from .closing_common import NordicStockClosingCase


class TestOnePath(NordicStockClosingCase):
    def test_price_changed_just_before_prepare_is_read(self):
        """10 units received at 122, sold at 150 less 10 % selling costs: NRV 135,
        no write-down. A script sets the sales price to 105 in the same
        transaction and prepares at once: NRV 105 x 0.90 = 94.50, write-down
        10 x (122 - 94.50) = 275."""
        company = self.company_no
        company.nordic_selling_cost_percent = 10
        product = self._product(
            company, self._category(company, "goods_for_resale"), "P", 150
        )
        self._move(product, 10, 122, "2025-06-01 10:00:00")
        product.list_price = 105  # pending: not yet written to the database
        closing = self.env["nordic.stock.closing"].prepare(company, "2025-12-31")
        line = closing.line_ids
        self.assertAlmostEqual(line.net_realisable_value, 94.5)
        self.assertAlmostEqual(line.write_down, 275)
        self.assertAlmostEqual(closing.closing_value, 945)

    def test_company_closing_journal_must_be_a_general_journal_of_it(self):
        company = self.company_no
        Journal = self.env["account.journal"]
        bank = Journal.search(
            [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
        )
        other = Journal.search(
            [("company_id", "=", self.company_se.id), ("type", "=", "general")],
            limit=1,
        )
        general = Journal.search(
            [("company_id", "=", company.id), ("type", "=", "general")], limit=1
        )
        self.assertTrue(bank and other and general)
        for label, journal in (("bank", bank), ("other company", other)):
            with self.subTest(journal=label):
                settings = (
                    self.env["res.config.settings"]
                    .with_company(company)
                    .create({"nordic_closing_journal_id": journal.id})
                )
                with self.assertRaises(ValidationError) as caught:
                    settings.execute()
                self.assertIn(journal.display_name, str(caught.exception))
                self.assertIn(company.name, str(caught.exception))
        settings = (
            self.env["res.config.settings"]
            .with_company(company)
            .create({"nordic_closing_journal_id": general.id})
        )
        settings.execute()
        self.assertEqual(company.nordic_closing_journal_id, general)
