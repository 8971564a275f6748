from odoo.tests import Form, tagged

from .common import NO_ACCOUNTS, SE_ACCOUNTS, NordicClosingCommon

CATEGORY_FIELDS = (
    "property_stock_valuation_account_id",
    "nordic_writedown_account_id",
    "nordic_change_account_id",
)


@tagged("post_install", "-at_install")
class TestProductCategory(NordicClosingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_no = cls._nordic_create_company("Nordic NO AS", "NO", "no")
        cls.company_se_k2 = cls._nordic_create_company("Nordic SE K2 AB", "SE", "se_K2")
        cls.company_se = cls._nordic_create_company("Nordic SE AB", "SE", "se")

    def _category_env(self, company):
        return self.env["product.category"].with_company(company)

    def test_class_fills_accounts_on_create(self):
        for company, expected in (
            (self.company_no, NO_ACCOUNTS),
            (self.company_se_k2, SE_ACCOUNTS),
        ):
            for inventory_class, codes in expected.items():
                category = self._category_env(company).create(
                    {
                        "name": f"{company.name} {inventory_class}",
                        "nordic_inventory_class": inventory_class,
                    }
                )
                self.assertEqual(
                    self._nordic_codes(company, category, CATEGORY_FIELDS),
                    codes,
                    inventory_class,
                )

    def test_class_fills_accounts_on_write(self):
        category = self._category_env(self.company_no).create({"name": "Handelsvarer"})
        self.assertEqual(
            self._nordic_codes(self.company_no, category, CATEGORY_FIELDS),
            (False, False, False),
        )
        category.nordic_inventory_class = "goods_for_resale"
        self.assertEqual(
            self._nordic_codes(self.company_no, category, CATEGORY_FIELDS),
            ("1460", "1469", "4390"),
        )

    def test_class_onchange(self):
        with Form(self._category_env(self.company_no)) as form:
            form.name = "Varer under tilvirkning"
            form.nordic_inventory_class = "work_in_progress"
            self.assertEqual(
                form.nordic_writedown_account_id,
                self._nordic_account(self.company_no, "1429"),
            )
            self.assertEqual(
                form.nordic_change_account_id,
                self._nordic_account(self.company_no, "4190"),
            )
            self.assertEqual(
                form.property_stock_valuation_account_id,
                self._nordic_account(self.company_no, "1420"),
            )
        category = form.record
        self.assertEqual(
            self._nordic_codes(self.company_no, category, CATEGORY_FIELDS),
            ("1420", "1429", "4190"),
        )

    def test_swedish_default_stock_account_replaced(self):
        """l10n_se puts 1410 on every category by default: a class proposes its own
        account.
        """
        category = self._category_env(self.company_se_k2).create(
            {"name": "Handelsvaror"}
        )
        self.assertEqual(
            category.with_company(
                self.company_se_k2
            ).property_stock_valuation_account_id.code,
            "1410",
        )
        category.with_company(
            self.company_se_k2
        ).nordic_inventory_class = "goods_for_resale"
        self.assertEqual(
            self._nordic_codes(self.company_se_k2, category, CATEGORY_FIELDS),
            ("1460", "1469", "4960"),
        )

    def test_missing_accounts_not_guessed(self):
        """Chart 'se' lacks 1420/1429: the consumables category keeps what it had,
        nothing is invented.
        """
        category = self._category_env(self.company_se).create(
            {"name": "Förnödenheter", "nordic_inventory_class": "consumable"}
        )
        # 1410 is l10n_se's company default for every category, not a guess of
        # this module.
        self.assertEqual(
            self._nordic_codes(self.company_se, category, CATEGORY_FIELDS),
            ("1410", False, "4920"),
        )

    def test_accounts_given_with_the_class_are_kept(self):
        account_1465 = self._nordic_account(self.company_no, "1465")
        category = self._category_env(self.company_no).create(
            {
                "name": "Demovarer",
                "nordic_inventory_class": "goods_for_resale",
                "property_stock_valuation_account_id": account_1465.id,
            }
        )
        self.assertEqual(
            self._nordic_codes(self.company_no, category, CATEGORY_FIELDS),
            ("1465", "1469", "4390"),
        )

    def test_manual_override_kept_when_class_changes(self):
        company = self.company_no
        category = self._category_env(company).create(
            {"name": "Varer", "nordic_inventory_class": "goods_for_resale"}
        )
        category = category.with_company(company)
        category.nordic_change_account_id = self._nordic_account(company, "4590")

        category.nordic_inventory_class = "finished_goods"
        # The override stays; the accounts proposed by the previous class
        # follow the new class.
        self.assertEqual(
            self._nordic_codes(company, category, CATEGORY_FIELDS),
            ("1440", "1449", "4590"),
        )

        with Form(category) as form:
            form.nordic_inventory_class = "raw_material"
            self.assertEqual(form.nordic_change_account_id.code, "4590")
        self.assertEqual(
            self._nordic_codes(company, category, CATEGORY_FIELDS),
            ("1400", "1409", "4590"),
        )

    def test_manual_override_kept_when_mapping_reapplied(self):
        company = self.company_no
        category = self._category_env(company).create(
            {"name": "Innkjøpte varer", "nordic_inventory_class": "goods_for_resale"}
        )
        category = category.with_company(company)
        category.nordic_writedown_account_id = self._nordic_account(company, "1499")
        company._nordic_apply_account_mapping()
        category.nordic_inventory_class = "goods_for_resale"
        self.assertEqual(
            self._nordic_codes(company, category, CATEGORY_FIELDS),
            ("1460", "1499", "4390"),
        )

    def test_class_accounts_changed_by_implementer(self):
        """A company whose class account was changed proposes the changed account."""
        company = self.company_no
        record = self._nordic_class_account(company, "consumable")
        record.change_account_id = self._nordic_account(company, "4190")
        category = self._category_env(company).create(
            {"name": "Hjelpematerialer", "nordic_inventory_class": "consumable"}
        )
        self.assertEqual(
            self._nordic_codes(company, category, CATEGORY_FIELDS),
            ("1405", "1409", "4190"),
        )

    def test_accounts_for_the_closing(self):
        company = self.company_no
        category = self._category_env(company).create({"name": "Ferdigvarer"})
        category.nordic_inventory_class = "finished_goods"
        category.with_company(company).nordic_change_account_id = False
        accounts = category._nordic_get_accounts(company)
        # The category's own accounts first, the class accounts where it has none.
        self.assertEqual(accounts["balance"], self._nordic_account(company, "1440"))
        self.assertEqual(accounts["contra"], self._nordic_account(company, "1449"))
        self.assertEqual(accounts["change"], self._nordic_account(company, "4290"))
