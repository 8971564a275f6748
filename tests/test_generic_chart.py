from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.l10n_nordic_stock_closing.hooks import post_init_hook

from .common import (
    DK_ACCOUNTS,
    FI_ACCOUNTS,
    NO_ACCOUNTS,
    SE_ACCOUNTS,
    SE_STOCK_RESERVE,
    NordicClosingCommon,
)


@tagged("post_install", "-at_install")
class TestGenericChart(NordicClosingCommon):
    """What holds without l10n_no / l10n_se: these tests need no Nordic chart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls._nordic_create_company("Generic Inc", "US", "generic_coa")

    def test_shipped_mapping_rows(self):
        Mapping = self.env["nordic.stock.account.mapping"]
        expected = {
            "no": NO_ACCOUNTS,
            "se": {**SE_ACCOUNTS, "stock_reserve": SE_STOCK_RESERVE},
            "se_K2": {**SE_ACCOUNTS, "stock_reserve": SE_STOCK_RESERVE},
            "se_K3": {**SE_ACCOUNTS, "stock_reserve": SE_STOCK_RESERVE},
            "dk": DK_ACCOUNTS,
            "fi": FI_ACCOUNTS,
        }
        rows = Mapping.search([("company_id", "=", False)])
        self.assertEqual(len(rows), sum(len(roles) for roles in expected.values()))
        for chart, roles in expected.items():
            for role, codes in roles.items():
                row = rows.filtered(
                    lambda r, c=chart, o=role: r.chart_template == c and r.role == o
                )
                # Norway and Sweden: no write-down P&L account (the change account)
                self.assertEqual(
                    (
                        row.balance_account_code,
                        row.contra_account_code,
                        row.change_account_code,
                        row.write_down_account_code,
                    )[: len(codes)],
                    codes,
                    f"{chart} {role}",
                )
                if len(codes) == 3:
                    self.assertFalse(row.write_down_account_code, f"{chart} {role}")

    def test_generic_chart_left_alone(self):
        company = self.company
        ClassAccount = self.env["nordic.stock.class.account"]
        self.assertEqual(company.chart_template, "generic_coa")
        self.assertFalse(ClassAccount.search([("company_id", "=", company.id)]))
        company._nordic_apply_account_mapping()
        post_init_hook(self.env)
        self.assertFalse(ClassAccount.search([("company_id", "=", company.id)]))
        self.assertFalse(company.nordic_closing_framework)
        self.assertFalse(company.nordic_closing_journal_id)
        self.assertEqual(company.nordic_rule_97, "off")

    def test_category_class_without_accounts(self):
        """Without class accounts a class proposes nothing and changes nothing."""
        category = (
            self.env["product.category"]
            .with_company(self.company)
            .create({"name": "Goods", "nordic_inventory_class": "goods_for_resale"})
        )
        category = category.with_company(self.company)
        self.assertEqual(category.nordic_inventory_class, "goods_for_resale")
        self.assertFalse(category.nordic_change_account_id)
        self.assertFalse(category.nordic_writedown_account_id)

    def test_rule_97_constraint(self):
        company = self.company
        company.nordic_closing_framework = "NO_NGAAP"
        with self.assertRaises(ValidationError):
            company.nordic_rule_97 = "reserve"
        company.nordic_closing_framework = "SE_K3"
        with self.assertRaises(ValidationError):
            company.nordic_rule_97 = "contra"
        company.nordic_rule_97 = "reserve"
        # K1 (sole traders) may not make untaxed reserves.
        with self.assertRaises(ValidationError):
            company.nordic_closing_framework = "SE_K1"
