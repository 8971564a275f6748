"""Each role finds the closings by menu and does what it may, in a Norwegian and a
Finnish company (README "Security: who may do what"): the preparer (an Inventory
user) under Inventory, the poster and the read-only accountant under Invoicing.
What a role may not do is refused also outside the UI."""

from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .closing_common import NordicStockClosingCase

CLOSING = "nordic.stock.closing"
USER = "l10n_nordic_stock_closing.group_nordic_closing_user"
MANAGER = "l10n_nordic_stock_closing.group_nordic_closing_manager"
#: the least each role needs: a preparer in the warehouse, a poster who may book
#: journal entries (Invoicing: Billing), an auditor
ROLES = {
    "preparer": f"stock.group_stock_user,{USER}",
    "poster": f"account.group_account_invoice,{MANAGER}",
    "reader": "account.group_account_readonly",
    # may not: an Inventory user without the group, "Post and reverse" without the
    # right to book entries, an accountant who prepares but does not post, a
    # billing user without the group
    "storekeeper": "stock.group_stock_user",
    "poster_reading": f"account.group_account_readonly,{MANAGER}",
    "accountant": "account.group_account_user",
    "billing": "account.group_account_invoice",
}
INVOICING = "l10n_nordic_stock_closing.nordic_stock_closing_menu"
INVOICING_WIZARD = "l10n_nordic_stock_closing.nordic_stock_closing_wizard_menu"
INVENTORY = "l10n_nordic_stock_closing.nordic_stock_closing_stock_menu"
INVENTORY_WIZARD = "l10n_nordic_stock_closing.nordic_stock_closing_wizard_stock_menu"


@tagged("post_install", "-at_install")
class TestRolesTour(HttpCase, NordicStockClosingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_fi = cls._nordic_create_company("Suomen Varasto Oy", "FI", "fi")

    def _users(self, company):
        """The roles' users of ``company``, without an e-mail address."""
        tag = company.country_id.code.lower()
        return {
            role: new_test_user(
                self.env,
                login=f"nsc_{role}_{tag}",
                password=f"nsc_{role}_{tag}",
                groups=groups,
                email=False,
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
            )
            for role, groups in ROLES.items()
        }

    def _sees(self, user, xmlid):
        """Whether ``user`` reaches the menu: it and all its parents visible."""
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        menu = self.env.ref(xmlid)
        while menu:
            if menu.id not in visible:
                return False
            menu = menu.parent_id
        return True

    def _roles_in(self, company, entry):
        """10 units received at 100 in 2025, sold at 150: no write-down until the
        preparer enters a net realisable value of 90 in the items list: written
        down 10 x (100 - 90) = 100; the closing at 2025-12-31 values them at 900
        and books ``entry``."""
        product = self._product(
            company, self._category(company, "goods_for_resale"), "R", 150
        )
        self._move(product, 10, 100, "2025-05-01 10:00:00")
        users = self._users(company)
        Closing = self.env[CLOSING]

        # the menus each role reaches
        self.assertEqual(
            {
                role: sorted(
                    name
                    for name, xmlid in (
                        ("invoicing", INVOICING),
                        ("invoicing wizard", INVOICING_WIZARD),
                        ("inventory", INVENTORY),
                        ("inventory wizard", INVENTORY_WIZARD),
                    )
                    if self._sees(user, xmlid)
                )
                for role, user in users.items()
            },
            {
                "preparer": ["inventory", "inventory wizard"],
                "poster": ["invoicing", "invoicing wizard"],
                "poster_reading": ["invoicing", "invoicing wizard"],
                "reader": ["invoicing"],
                "storekeeper": [],
                "accountant": ["invoicing", "invoicing wizard"],
                "billing": [],
            },
        )

        # an Inventory user without the group may not prepare
        with self.assertRaises(AccessError):
            Closing.with_user(users["storekeeper"]).create(
                {"company_id": company.id, "date": date(2025, 12, 31)}
            )
        self.start_tour(
            "/odoo",
            "nordic_stock_closing_role_preparer_tour",
            login=users["preparer"].login,
        )
        closing = Closing.search(
            [("company_id", "=", company.id), ("date", "=", date(2025, 12, 31))]
        )
        self.assertEqual(closing.state, "computed")
        self.assertFalse(closing.move_id)
        line = closing.line_ids
        self.assertEqual(line.product_id.default_code, "R")
        self.assertEqual(line.nrv_source, "manual")
        self.assertAlmostEqual(line.net_realisable_value, 90)
        self.assertAlmostEqual(line.write_down, 100)
        self.assertAlmostEqual(closing.write_down, 100)
        self.assertAlmostEqual(closing.closing_value, 900)
        # the preparer and the accountant may not post, nor the reader compute
        # again or download the workbook of a closing not posted
        for role in ("preparer", "accountant", "poster_reading"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                closing.with_user(users[role]).action_post()
        for action in ("action_compute", "action_download_xlsx"):
            with self.subTest(action=action), self.assertRaises(AccessError):
                getattr(closing.with_user(users["reader"]), action)()
        self.assertEqual(closing.state, "computed")

        self.start_tour(
            "/odoo",
            "nordic_stock_closing_role_poster_tour",
            login=users["poster"].login,
        )
        self.assertEqual(closing.state, "posted")
        self.assertEqual(self._net(company, closing.move_id), entry)

        self.start_tour(
            "/odoo",
            "nordic_stock_closing_role_reader_tour",
            login=users["reader"].login,
        )
        # the reader downloads the workbook attached at posting, over HTTP
        action = closing.with_user(users["reader"]).action_download_xlsx()
        self.authenticate(users["reader"].login, users["reader"].login)
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, closing.workbook_attachment_id.raw)
        self.assertTrue(response.content.startswith(b"PK"), "an XLSX (zip) file")
        # and prints the count list and the summary (their HTML: no wkhtmltopdf here)
        Report = self.env["ir.actions.report"].with_user(users["reader"])
        debit_account = next(code for code, amount in entry.items() if amount > 0)
        for method, text in (
            ("action_print_count_list", "Product R"),
            ("action_print_summary", debit_account),
        ):
            with self.subTest(report=method):
                report = getattr(closing.with_user(users["reader"]), method)()
                html, _kind = Report._render_qweb_html(
                    report["report_name"], closing.ids
                )
                self.assertIn(text, html.decode())
        # a billing user may not read the closing, nor its workbook
        with self.assertRaises(AccessError):
            closing.with_user(users["billing"]).read(["state"])
        self.authenticate(users["billing"].login, users["billing"].login)
        self.assertNotEqual(self.url_open(action["url"]).status_code, 200)

    def test_roles_in_a_norwegian_company(self):
        # NS 4102: debit the inventory 1460 1,000, credit the change in inventory
        # 4390; the write-down 100 on the contra account 1469 against 4390 (Norway
        # books it on the change account)
        self._roles_in(self.company_no, {"1460": 1000, "1469": -100, "4390": -900})

    def test_roles_in_a_finnish_company(self):
        # Finnish chart: debit the goods 1531 1,000, credit the change in inventory
        # 4410; the write-down 100 on the goods themselves (no contra account),
        # against the write-down account 4440
        self._roles_in(self.company_fi, {"1531": 900, "4410": -1000, "4440": 100})
