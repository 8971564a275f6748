"""Danish (chart ``dk``) and Finnish (chart ``fi``) closings: the worked examples
DK-A, DK-B, FI-A, FI-B and FI-C of DOMAIN-DK-FI.md section 3, and the release of
last year's write-down in each country. Every figure is computed by hand in the
test's docstring from that page."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .closing_common import NordicStockClosingCase


@tagged("post_install", "-at_install")
class TestDenmarkFinland(NordicStockClosingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_dk = cls._nordic_create_company("Dansk Lager ApS", "DK", "dk")
        cls.company_fi = cls._nordic_create_company("Suomen Varasto Oy", "FI", "fi")

    # -- helpers ------------------------------------------------------------
    def _stock(self, company, category, code, quantity, unit_cost, list_price=0.0):
        product = self._product(company, category, code, list_price)
        self._move(product, quantity, unit_cost, "2025-03-01 10:00:00")
        return product

    def _vendor_price(self, product, price):
        self.env["product.supplierinfo"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Vendor"}).id,
                "product_tmpl_id": product.product_tmpl_id.id,
                "price": price,
                "currency_id": product.company_id.currency_id.id,
                "company_id": product.company_id.id,
            }
        )

    def _preview(self, company, closing):
        net = {}
        for line in closing.entry_line_ids:
            code = line.account_id.with_company(company).code
            net[code] = round(net.get(code, 0) + line.debit - line.credit, 2)
        return {code: amount for code, amount in net.items() if amount}

    # -- Denmark ------------------------------------------------------------
    def test_settings_proposed_from_the_charts(self):
        """The charts propose DK class B and FI FAS, and the mapping of section 2
        (stock / contra / change / write-down P&L)."""
        self.assertEqual(self.company_dk.nordic_closing_framework, "DK_B")
        self.assertEqual(self.company_fi.nordic_closing_framework, "FI_FAS")
        fields = (
            "balance_account_id",
            "contra_account_id",
            "change_account_id",
            "write_down_account_id",
        )
        for company, role, codes in (
            (self.company_dk, "goods_for_resale", ("6140", "6150", "1770", "1800")),
            (self.company_dk, "work_in_progress", ("6110", "6120", "1410", "1430")),
            (self.company_fi, "goods_for_resale", ("1531", False, "4410", "4440")),
            (self.company_fi, "finished_goods", ("1521", False, "3600", "3620")),
        ):
            record = self._nordic_class_account(company, role)
            self.assertEqual(self._nordic_codes(company, record, fields), codes)

    def test_dk_a_merchandise_with_tax_view(self):
        """DK-A: X 500 @ 80 (NRV 95), Y 200 @ 60 (NRV 50), Z 100 @ 100 (NRV 65).
        Cost 62,000, value 40,000 + 10,000 + 6,500 = 56,500. Ledger 6140 50,000,
        6150 -4,000: debit 6140 / credit 1770 12,000; debit 1800 / credit 6150 1,500.
        Tax: X at dagspris 78 (its vendor price) 39,000, Y at cost 12,000, Z at the
        obsolete goods' dagspris 65 (entered) 6,500 = 57,500 against 56,500."""
        company = self.company_dk
        groups = {}
        for code, principle in (("X", "dagspris"), ("Y", False), ("Z", "dagspris")):
            groups[code] = self._category(company, "goods_for_resale")
            groups[code].name = f"Group {code}"
            groups[code].with_company(company).nordic_tax_principle = principle
        x = self._stock(company, groups["X"], "X", 500, 80, 95)
        self._stock(company, groups["Y"], "Y", 200, 60, 50)
        self._stock(company, groups["Z"], "Z", 100, 100, 65)
        self._vendor_price(x, 78)
        self._ledger_entry(
            company, "2024-12-31", [("6140", 50000), ("6150", -4000), ("6510", -46000)]
        )
        closing = self._closing(company)
        closing.action_compute()
        lines = self._lines(closing)
        self.assertEqual(lines["X"].replacement_source, "vendor_price")
        self.assertAlmostEqual(lines["X"].replacement_cost, 78)
        # Z's dagspris is not known yet: noted, and posting would refuse it
        self.assertIn("no dagspris", closing.notes)
        lines["Z"].replacement_cost = 65
        self.assertEqual(lines["Z"].replacement_source, "manual")
        self.assertNotIn("no dagspris", closing.notes or "")
        self.assertEqual(
            [(c, lines[c].write_down, lines[c].write_down_reason) for c in "XYZ"],
            [("X", 0, False), ("Y", 2000, "nrv"), ("Z", 3500, "nrv")],
        )
        self.assertAlmostEqual(closing.closing_value, 56500)
        self.assertEqual(
            self._preview(company, closing),
            {"6140": 12000, "1770": -12000, "1800": 1500, "6150": -1500},
        )
        self.assertEqual(
            self._tax_groups(closing),
            [
                ("Group X", "dagspris", 40000, 39000),
                ("Group Y", "purchase_price", 10000, 12000),
                ("Group Z", "dagspris", 6500, 6500),
            ],
        )
        taxes = closing.disclosure_ids.filtered(lambda d: d.kind == "tax_group")
        self.assertAlmostEqual(sum(taxes.mapped("difference")), 1000)
        closing.action_post()
        self.assertEqual(
            self._net(company, closing.move_id),
            {"6140": 12000, "1770": -12000, "1800": 1500, "6150": -1500},
        )

    def test_dk_posting_refuses_a_missing_dagspris(self):
        """A product group valued at dagspris whose item has no dagspris (no vendor
        price, none entered): computed with a note, refused at posting."""
        company = self.company_dk
        category = self._category(company, "goods_for_resale")
        category.with_company(company).nordic_tax_principle = "dagspris"
        self._stock(company, category, "N", 10, 100, 150)
        closing = self._closing(company)
        closing.action_compute()
        self.assertEqual(closing.state, "computed")
        with self.assertRaisesRegex(UserError, "dagspris"):
            closing.action_post()
        self.assertFalse(closing.move_id)

    def _manufacturer_closing(self, company, ledger):
        """DK-B / FI-B stock: raw materials 950 @ 100 = 95,000, work in progress
        250 @ 100 = 25,000, finished goods 1,500 @ 100 = 150,000 (sold at 200),
        against ``ledger`` (account, balance) at 2024-12-31; posted."""
        for inventory_class, code, quantity, price in (
            ("raw_material", "R", 950, 0),
            ("work_in_progress", "W", 250, 0),
            ("finished_goods", "F", 1500, 200),
        ):
            category = self._category(company, inventory_class)
            self._stock(company, category, code, quantity, 100, price)
        self._ledger_entry(company, "2024-12-31", ledger)
        closing = self._closing(company)
        closing.action_compute()
        closing.action_post()
        return self._net(company, closing.move_id)

    def test_dk_b_manufacturer(self):
        """DK-B: 6080 80,000 -> 95,000: debit 6080 / credit 1770 15,000; 6110
        40,000 -> 25,000: debit 1410 / credit 6110 15,000; 6140 120,000 -> 150,000:
        debit 6140 / credit 1410 30,000. (1410 nets to -15,000.)"""
        ledger = [("6080", 80000), ("6110", 40000), ("6140", 120000), ("6510", -240000)]
        self.assertEqual(
            self._manufacturer_closing(self.company_dk, ledger),
            {
                "6080": 15000,
                "1770": -15000,
                "6110": -15000,
                "6140": 30000,
                "1410": -15000,
            },
        )

    def test_dk_release_of_last_years_write_down(self):
        """Last year 6150 -1,000 wrote an item down; now 100 @ 100 sells at 120: no
        write-down is needed, so debit 6150 / credit 1800 1,000 (ÅRL § 46 stk. 2)."""
        company = self.company_dk
        self._stock(
            company, self._category(company, "goods_for_resale"), "A", 100, 100, 120
        )
        self._ledger_entry(
            company, "2024-12-31", [("6140", 10000), ("6150", -1000), ("6510", -9000)]
        )
        closing = self._closing(company)
        closing.action_compute()
        closing.action_post()
        self.assertEqual(
            self._net(company, closing.move_id), {"6150": 1000, "1800": -1000}
        )

    # -- Finland ------------------------------------------------------------
    def _fi_a(self):
        company = self.company_fi
        category = self._category(company, "goods_for_resale")
        p = self._stock(company, category, "P", 1000, 30, 40)
        self._stock(company, category, "Q", 400, 40, 38.75)
        self._vendor_price(p, 28)
        self._ledger_entry(company, "2024-12-31", [("1531", 40000), ("2001", -40000)])
        return company

    def test_fi_a_lowest_of_three(self):
        """FI-A: P 1,000 @ 30, replacement 28 (vendor price), selling 40 -> 28,000;
        Q 400 @ 40, replacement 41 (entered), selling 38.75 -> 15,500. Cost 46,000,
        value 43,500; ledger 1531 40,000: debit 1531 / credit 4410 6,000 and debit
        4440 / credit 1531 2,500 (no contra account in Finland)."""
        company = self._fi_a()
        closing = self._closing(company)
        closing.action_compute()
        lines = self._lines(closing)
        lines["Q"].replacement_cost = 41
        # valued again from Q and the stored figures of P (KPA 2:4 §: replacement
        # value 1,000 x 28 + 400 x 41 = 44,400 against cost 46,000)
        self.assertAlmostEqual(closing.write_down, 2500)
        self.assertAlmostEqual(closing.closing_value, 43500)
        self.assertEqual(
            [
                (d.name, d.book_value, d.compare_value)
                for d in closing.disclosure_ids.filtered(
                    lambda d: d.kind == "replacement"
                )
            ],
            [("1531", 46000, 44400)],
        )
        self.assertEqual(
            self._preview(company, closing), {"1531": 3500, "4410": -6000, "4440": 2500}
        )
        self._assert_fi_a_posted(closing, company)
        lines = closing.move_id.line_ids
        self.assertEqual(
            sorted(
                (line.account_id.with_company(company).code, line.balance)
                for line in lines
            ),
            [("1531", -2500), ("1531", 6000), ("4410", -6000), ("4440", 2500)],
        )

    def test_fi_release_of_last_years_write_down(self):
        """After FI-A (1531 = 43,500, of which 2,500 written down), a year on P's
        replacement cost is 32 (entered) and Q still sells at 38.75: value 30,000 +
        15,500 = 45,500, acquisition value unchanged 46,000. The previous closing
        gives the split 46,000 / -2,500: release 2,000, debit 1531 / credit 4440."""
        company = self._fi_a()
        first = self._closing(company)
        first.action_compute()
        self._lines(first)["Q"].replacement_cost = 41
        first.action_post()
        second = self._closing(company, "2026-12-31")
        second.action_compute()
        self.assertEqual(second.previous_write_downs, '{"1531": "2500.00"}')
        self._lines(second)["P"].replacement_cost = 32
        self.assertAlmostEqual(second.closing_value, 45500)
        second.action_post()
        self.assertEqual(
            self._net(company, second.move_id), {"1531": 2000, "4440": -2000}
        )

    def test_fi_b_manufacturer(self):
        """FI-B: 1501 80,000 -> 95,000: debit 1501 / credit 4400 15,000; 1511
        40,000 -> 25,000: debit 3610 / credit 1511 15,000; 1521 120,000 -> 150,000:
        debit 1521 / credit 3600 30,000."""
        ledger = [("1501", 80000), ("1511", 40000), ("1521", 120000), ("2001", -240000)]
        expected = {"1501": 15000, "4400": -15000, "1511": -15000, "3610": 15000}
        expected |= {"1521": 30000, "3600": -30000}
        self.assertEqual(self._manufacturer_closing(self.company_fi, ledger), expected)

    def test_fi_c_fixed_value_within_and_outside_the_tolerance(self):
        """FI-C: supplies carried at a fixed value of 10,000 (ledger 1501 10,000),
        tolerance 10 %. Counted 106 @ 100 = 10,600 (+6 %): no entry. Counted
        another 9 @ 100 = 11,500 (+15 %): refused until the fixed value is
        revised."""
        company = self.company_fi
        company.nordic_fixed_value_tolerance = 10
        self._nordic_class_account(company, "consumable").fixed_value = 10000
        category = self._category(company, "consumable")
        supplies = self._stock(company, category, "S", 106, 100)
        self._ledger_entry(company, "2024-12-31", [("1501", 10000), ("2001", -10000)])
        closing = self._closing(company)
        closing.action_compute()
        self.assertAlmostEqual(closing.closing_value, 10000)
        self.assertFalse(closing.entry_line_ids)
        self._move(supplies, 9, 100, "2025-06-01 10:00:00")
        with self.assertRaisesRegex(UserError, "fixed value"):
            self._closing(company).action_compute()
