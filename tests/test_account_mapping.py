from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.l10n_nordic_stock_closing.hooks import post_init_hook

from .common import (
    MAPPING_LOGGER,
    NO_ACCOUNTS,
    SE_ACCOUNTS,
    SE_STOCK_RESERVE,
    NordicClosingCommon,
)

ACCOUNT_FIELDS = ("balance_account_id", "contra_account_id", "change_account_id")


@tagged("post_install", "-at_install")
class TestAccountMapping(NordicClosingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_no = cls._nordic_create_company("Nordic NO AS", "NO", "no")
        cls.company_se_k2 = cls._nordic_create_company("Nordic SE K2 AB", "SE", "se_K2")
        cls.company_se = cls._nordic_create_company("Nordic SE AB", "SE", "se")
        cls.company_se_k3 = cls._nordic_create_company("Nordic SE K3 AB", "SE", "se_K3")
        cls.company_other = cls._nordic_create_company(
            "Generic Inc", "US", "generic_coa"
        )

    def _assert_class_accounts(self, company, expected):
        for role, codes in expected.items():
            record = self._nordic_class_account(company, role)
            self.assertEqual(len(record), 1, role)
            self.assertEqual(
                self._nordic_codes(company, record, ACCOUNT_FIELDS), codes, role
            )
            self.assertFalse(record.missing_account_codes, role)

    def test_norway_accounts(self):
        self._assert_class_accounts(self.company_no, NO_ACCOUNTS)
        # Norway has no stock reserve.
        self.assertFalse(self._nordic_class_account(self.company_no, "stock_reserve"))
        self.assertEqual(len(self.company_no.nordic_stock_class_account_ids), 5)

    def test_norway_goods_for_resale(self):
        record = self._nordic_class_account(self.company_no, "goods_for_resale")
        self.assertEqual(
            record.balance_account_id, self._nordic_account(self.company_no, "1460")
        )
        self.assertEqual(
            record.contra_account_id, self._nordic_account(self.company_no, "1469")
        )
        self.assertEqual(
            record.change_account_id, self._nordic_account(self.company_no, "4390")
        )

    def test_sweden_k2_accounts(self):
        self._assert_class_accounts(
            self.company_se_k2, {**SE_ACCOUNTS, "stock_reserve": SE_STOCK_RESERVE}
        )
        consumable = self._nordic_class_account(self.company_se_k2, "consumable")
        self.assertEqual(
            self._nordic_codes(self.company_se_k2, consumable, ACCOUNT_FIELDS),
            ("1420", "1429", "4920"),
        )

    def test_sweden_k3_accounts(self):
        self._assert_class_accounts(
            self.company_se_k3, {**SE_ACCOUNTS, "stock_reserve": SE_STOCK_RESERVE}
        )

    def test_sweden_basic_chart_reports_missing_accounts(self):
        """Chart 'se' lacks 1420/1429 and 2196/8896: reported, left empty, no guess."""
        company = self.company_se
        complete = {
            role: codes for role, codes in SE_ACCOUNTS.items() if role != "consumable"
        }
        self._assert_class_accounts(company, complete)

        consumable = self._nordic_class_account(company, "consumable")
        self.assertEqual(
            self._nordic_codes(company, consumable, ACCOUNT_FIELDS),
            (False, False, "4920"),
        )
        self.assertEqual(consumable.missing_account_codes, "1420, 1429")

        reserve = self._nordic_class_account(company, "stock_reserve")
        self.assertEqual(
            self._nordic_codes(company, reserve, ACCOUNT_FIELDS), (False, False, False)
        )
        self.assertEqual(reserve.missing_account_codes, "2196, 8896")

        with self.assertLogs(MAPPING_LOGGER, level="WARNING") as logs:
            company._nordic_apply_account_mapping()
        self.assertIn("1420, 1429, 2196, 8896", logs.output[0])
        self.assertFalse(consumable.balance_account_id)
        self.assertFalse(reserve.balance_account_id)

    def test_missing_account_chosen_by_hand(self):
        company = self.company_se
        consumable = self._nordic_class_account(company, "consumable")
        account = (
            self.env["account.account"]
            .with_company(company)
            .create(
                {
                    "code": "1421",
                    "name": "Förnödenheter",
                    "account_type": "asset_current",
                    "company_ids": [company.id],
                }
            )
        )
        consumable.balance_account_id = account
        self.assertEqual(consumable.missing_account_codes, "1429")
        with mute_logger(MAPPING_LOGGER):
            company._nordic_apply_account_mapping()
        self.assertEqual(consumable.balance_account_id, account)
        self.assertEqual(consumable.missing_account_codes, "1429")

    def test_accounts_belong_to_the_company(self):
        for company in (self.company_no, self.company_se_k2):
            records = self.env["nordic.stock.class.account"].search(
                [("company_id", "=", company.id)]
            )
            accounts = (
                records.balance_account_id
                | records.contra_account_id
                | records.change_account_id
            )
            self.assertTrue(accounts)
            for account in accounts:
                self.assertIn(company, account.company_ids)

    def test_other_chart_left_alone(self):
        company = self.company_other
        self.assertEqual(company.chart_template, "generic_coa")
        self.assertFalse(
            self.env["nordic.stock.class.account"].search(
                [("company_id", "=", company.id)]
            )
        )
        self.assertFalse(company.nordic_closing_framework)
        self.assertFalse(company.nordic_closing_journal_id)
        with mute_logger(
            MAPPING_LOGGER
        ):  # the 'se' company of this class reports its missing accounts
            company._nordic_apply_account_mapping()
            post_init_hook(self.env)
        self.assertFalse(
            self.env["nordic.stock.class.account"].search(
                [("company_id", "=", company.id)]
            )
        )
        self.assertFalse(company.nordic_closing_framework)

    def test_framework_from_chart(self):
        self.assertEqual(self.company_no.nordic_closing_framework, "NO_NGAAP")
        self.assertEqual(self.company_se_k2.nordic_closing_framework, "SE_K2")
        self.assertEqual(self.company_se.nordic_closing_framework, "SE_K2")
        self.assertEqual(self.company_se_k3.nordic_closing_framework, "SE_K3")

    def test_framework_choice_kept(self):
        self.company_se_k3.nordic_closing_framework = "SE_IFRS"
        self.company_no.nordic_closing_framework = "NO_NGAAP_SMALL"
        (self.company_se_k3 | self.company_no)._nordic_apply_account_mapping()
        self.assertEqual(self.company_se_k3.nordic_closing_framework, "SE_IFRS")
        self.assertEqual(self.company_no.nordic_closing_framework, "NO_NGAAP_SMALL")

    def test_stock_journal_default(self):
        for company in (self.company_no, self.company_se_k2, self.company_se):
            journal = company.nordic_closing_journal_id
            self.assertEqual(journal.code, "STJ")
            self.assertEqual(journal.type, "general")
            self.assertEqual(journal.company_id, company)

    def test_manual_accounts_kept_when_mapping_reapplied(self):
        company = self.company_no
        resale = self._nordic_class_account(company, "goods_for_resale")
        other_change = self._nordic_account(company, "4090")
        resale.change_account_id = other_change
        raw = self._nordic_class_account(company, "raw_material")
        raw.contra_account_id = False

        with mute_logger(
            MAPPING_LOGGER
        ):  # the 'se' company of this class reports its missing accounts
            company._nordic_apply_account_mapping()
            post_init_hook(self.env)

        self.assertEqual(resale.change_account_id, other_change)
        # Only the emptied account is filled again.
        self.assertEqual(
            self._nordic_codes(company, raw, ACCOUNT_FIELDS),
            NO_ACCOUNTS["raw_material"],
        )
        self.assertEqual(
            len(
                self.env["nordic.stock.class.account"].search(
                    [("company_id", "=", company.id)]
                )
            ),
            5,
        )

    def test_manual_accounts_kept_when_chart_reloaded(self):
        company = self.company_se_k2
        resale = self._nordic_class_account(company, "goods_for_resale")
        other_change = self._nordic_account(company, "4900")
        resale.change_account_id = other_change
        self.env["account.chart.template"].try_loading(
            "se_K2", company=company, install_demo=False
        )
        self.assertEqual(resale.change_account_id, other_change)
        self.assertEqual(
            self._nordic_codes(company, resale, ACCOUNT_FIELDS[:2]),
            SE_ACCOUNTS["goods_for_resale"][:2],
        )

    def test_company_mapping_row_takes_precedence(self):
        company = self.company_no
        self.env["nordic.stock.account.mapping"].create(
            {
                "chart_template": "no",
                "role": "finished_goods",
                "balance_account_code": "1440",
                "contra_account_code": "1449",
                "change_account_code": "4990",
                "company_id": company.id,
            }
        )
        finished = self._nordic_class_account(company, "finished_goods")
        finished.change_account_id = False
        company._nordic_apply_account_mapping()
        self.assertEqual(
            self._nordic_codes(company, finished, ACCOUNT_FIELDS),
            ("1440", "1449", "4990"),
        )
        # The other companies on the same chart keep the shared row.
        self.assertEqual(len(company._nordic_get_mapping_rows()), 5)

    def test_shipped_mapping_rows(self):
        Mapping = self.env["nordic.stock.account.mapping"]
        for chart, expected in (("no", NO_ACCOUNTS), ("se_K2", SE_ACCOUNTS)):
            for role, codes in expected.items():
                row = Mapping.search(
                    [
                        ("chart_template", "=", chart),
                        ("role", "=", role),
                        ("company_id", "=", False),
                    ]
                )
                self.assertEqual(
                    (
                        row.balance_account_code,
                        row.contra_account_code,
                        row.change_account_code,
                    ),
                    codes,
                )
