from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import NordicClosingCommon


@tagged("post_install", "-at_install")
class TestSecurity(NordicClosingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls._nordic_create_company("Nordic NO AS", "NO", "no")
        cls.company_b = cls._nordic_create_company("Nordic SE K2 AB", "SE", "se_K2")
        cls.band_a = cls.env["nordic.obsolescence.band"].create(
            {"company_id": cls.company_a.id, "min_days": 365, "percent": 50.0}
        )
        cls.band_b = cls.env["nordic.obsolescence.band"].create(
            {"company_id": cls.company_b.id, "min_days": 365, "percent": 50.0}
        )
        user_vals = {"company_id": cls.company_a.id, "company_ids": [cls.company_a.id]}
        cls.accountant = new_test_user(
            cls.env, "nordic_accountant", "account.group_account_user", **user_vals
        )
        cls.admin_a = new_test_user(
            cls.env, "nordic_admin", "account.group_account_manager", **user_vals
        )
        cls.employee = new_test_user(
            cls.env, "nordic_employee", "base.group_user", **user_vals
        )

    def test_groups(self):
        user_group = self.env.ref("l10n_nordic_stock_closing.group_nordic_closing_user")
        manager_group = self.env.ref(
            "l10n_nordic_stock_closing.group_nordic_closing_manager"
        )
        self.assertIn(user_group, manager_group.implied_ids)
        self.assertIn(user_group, self.accountant.groups_id)
        self.assertNotIn(manager_group, self.accountant.groups_id)
        self.assertIn(manager_group, self.admin_a.groups_id)
        self.assertNotIn(user_group, self.employee.groups_id)

    def test_multi_company_isolation(self):
        ClassAccount = self.env["nordic.stock.class.account"].with_user(self.accountant)
        records = ClassAccount.search([])
        self.assertEqual(len(records), 5)
        self.assertEqual(records.company_id, self.company_a)

        record_b = self._nordic_class_account(self.company_b, "goods_for_resale")
        with self.assertRaises(AccessError):
            record_b.with_user(self.accountant).read(["balance_account_id"])

        Band = self.env["nordic.obsolescence.band"].with_user(self.accountant)
        self.assertEqual(Band.search([]), self.band_a)
        with self.assertRaises(AccessError):
            self.band_b.with_user(self.accountant).read(["percent"])

    def test_admin_of_one_company_cannot_change_another(self):
        record_b = self._nordic_class_account(self.company_b, "goods_for_resale")
        with self.assertRaises(AccessError):
            record_b.with_user(self.admin_a).write({"contra_account_id": False})
        with self.assertRaises(AccessError):
            self.band_b.with_user(self.admin_a).write({"percent": 10.0})

    def test_write_needs_closing_manager(self):
        record = self._nordic_class_account(self.company_a, "goods_for_resale")
        other = self._nordic_class_account(self.company_a, "raw_material")
        # Accountants read the accounts but cannot change them.
        self.assertTrue(record.with_user(self.accountant).balance_account_id)
        with self.assertRaises(AccessError):
            record.with_user(self.accountant).write(
                {"change_account_id": other.change_account_id.id}
            )
        with self.assertRaises(AccessError):
            self.band_a.with_user(self.accountant).write({"percent": 10.0})
        # Accounting administrators can.
        record.with_user(self.admin_a).write(
            {"change_account_id": other.change_account_id.id}
        )
        self.assertEqual(record.change_account_id, other.change_account_id)
        self.band_a.with_user(self.admin_a).write({"percent": 10.0})
        self.assertEqual(self.band_a.percent, 10.0)

    def test_no_access_without_accounting(self):
        record = self._nordic_class_account(self.company_a, "goods_for_resale")
        with self.assertRaises(AccessError):
            record.with_user(self.employee).read(["balance_account_id"])
        with self.assertRaises(AccessError):
            self.env["nordic.stock.account.mapping"].with_user(self.employee).search([])

    def test_mapping_rows_readable_not_writable_by_accountants(self):
        Mapping = self.env["nordic.stock.account.mapping"]
        rows = Mapping.with_user(self.accountant).search(
            [("chart_template", "=", "no")]
        )
        self.assertEqual(len(rows), 5)
        with self.assertRaises(AccessError):
            rows[0].write({"change_account_code": "4990"})
        rows.with_user(self.admin_a)[0].write({"change_account_code": "4090"})
        # A company's own row is only seen in that company.
        own = Mapping.create(
            {
                "chart_template": "se_K2",
                "role": "raw_material",
                "company_id": self.company_b.id,
                "balance_account_code": "1410",
                "contra_account_code": "1419",
                "change_account_code": "4910",
            }
        )
        self.assertNotIn(own, Mapping.with_user(self.accountant).search([]))

    def test_closings_under_reporting_for_auditors_and_posters(self):
        """Invoicing > Reporting lists the closings for a read-only accountant and
        a preparer with accounting rights, not for a billing user without either
        group (who may not read closings)."""
        menu = self.env.ref(
            "l10n_nordic_stock_closing.nordic_stock_closing_reporting_menu"
        )
        users = {
            "auditor": ("account.group_account_readonly", True),
            "accountant": (
                "account.group_account_user,"
                "l10n_nordic_stock_closing.group_nordic_closing_user",
                True,
            ),
            "billing": ("account.group_account_invoice", False),
        }
        for login, (groups, sees) in users.items():
            with self.subTest(user=login):
                user = new_test_user(
                    self.env,
                    f"nordic_reporting_{login}",
                    groups,
                    email=False,
                    company_id=self.company_a.id,
                    company_ids=[self.company_a.id],
                )
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertEqual(menu.id in visible, sees)
                self.assertEqual(menu.parent_id.id in visible, True)

    def test_messages_name_the_menu_the_user_sees(self):
        """A preparer in the warehouse is sent to Inventory, an accountant to
        Invoicing: each by the menu that user has."""
        preparer = new_test_user(
            self.env,
            "nordic_stock_preparer",
            "stock.group_stock_user,l10n_nordic_stock_closing.group_nordic_closing_user",
            email=False,
            company_id=self.company_a.id,
            company_ids=[self.company_a.id],
        )
        closing = self.env["nordic.stock.closing"].create(
            {"company_id": self.company_a.id, "date": "2025-12-31"}
        )
        for user, path in (
            (preparer, "Inventory > Inventory closing > Close the inventory"),
            (self.accountant, "Invoicing > Inventory closing > Close the inventory"),
        ):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError) as caught:
                    closing.with_user(user).copy()
                self.assertIn(f"({path})", str(caught.exception))
