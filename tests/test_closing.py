import io
from datetime import date

import openpyxl
from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from ..models.nordic_stock_closing import server_env
from .closing_common import NordicStockClosingCase


@tagged("post_install", "-at_install")
class TestNordicStockClosing(NordicStockClosingCase):
    # ------------------------------------------------------------------
    # DOMAIN.md section 5, worked examples
    # ------------------------------------------------------------------
    def test_example_a_norway_fifo_periodic(self):
        """Example A: opening 400 @ 25 (GL 1460 = 10,000), bought 600 @ 30 and 500 @ 32,
        issued 900: closing 500 @ 32 + 100 @ 30 = 19,000;
        debit 1460 / credit 4390 9,000."""
        company = self.company_no
        category = self._category(company, "goods_for_resale")
        product = self._product(company, category, "A")
        self._move(product, 400, 25, "2024-06-01 10:00:00")
        self._ledger_entry(company, "2024-12-31", [("1460", 10000), ("2050", -10000)])
        self._move(product, 600, 30, "2025-02-01 10:00:00")
        self._move(product, 500, 32, "2025-05-01 10:00:00")
        self._move(product, -900, when="2025-08-01 10:00:00")

        closing = self._closing(company)
        closing.action_compute()
        self.assertEqual(closing.state, "computed")
        line = closing.line_ids
        self.assertEqual(line.quantity, 600)
        self.assertAlmostEqual(line.acquisition_value, 19000)
        cls = self._class(closing, "goods_for_resale")
        self.assertAlmostEqual(cls.opening_value, 10000)
        self.assertAlmostEqual(cls.purchases, 34000)  # 600 * 30 + 500 * 32
        self.assertAlmostEqual(cls.closing_value, 19000)
        self.assertAlmostEqual(
            cls.cost_of_goods_sold, 25000
        )  # 10,000 + 34,000 - 19,000
        closing.action_post()
        self.assertEqual(closing.state, "posted")
        self.assertEqual(closing.move_id.date, date(2025, 12, 31))
        self.assertEqual(closing.move_id.state, "posted")
        self.assertEqual(
            self._net(company, closing.move_id), {"1460": 9000, "4390": -9000}
        )
        self.assertEqual(closing.move_id.nordic_closing_id, closing)

    def test_workbook_attached_with_the_posted_entry(self):
        """The XLSX attached at posting shows the posted entry and its number, in the
        user's language (Norwegian here), and the items add up to the class value."""
        company = self.company_no
        self.env["res.lang"]._activate_lang("nb_NO")
        product = self._product(
            company, self._category(company, "goods_for_resale"), "W"
        )
        self._move(product, 600, 30, "2025-02-01 10:00:00")  # 18,000
        company.partner_id.lang = "nb_NO"  # documents are in the company's language
        closing = self._closing(company).with_context(lang="nb_NO")
        closing.action_post()
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "nordic.stock.closing"), ("res_id", "=", closing.id)]
        )
        self.assertEqual(len(attachment), 1)
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw), data_only=True)
        self.assertEqual(
            book.sheetnames,
            [
                "Sammendrag",
                "Varer post for post",
                "Lagerligning",
                "Skatt",
                "Prinsipper",
                "Diagram",  # the chart sheet
            ],
        )
        summary = [
            [c for c in row if c is not None]
            for row in book["Sammendrag"].iter_rows(values_only=True)
        ]
        self.assertIn(["Bilag", closing.move_id.name], summary)
        entry = {
            row[0]: (row[2], row[3])
            for row in summary
            if row and row[0] in ("1460", "4390")
        }
        self.assertEqual(entry, {"1460": (18000, 0), "4390": (0, 18000)})
        items = list(book["Varer post for post"].iter_rows(values_only=True))
        self.assertEqual(items[1][0], "W")
        self.assertEqual(items[-1][6], 18000)  # total acquisition value

    def _example_b(self, rule_97, y_price):
        """DOMAIN.md example B in a K2 company: X 200 @ 50 (sales price 70),
        Y 100 @ 120 (``y_price``), Z 50 @ 80 (100); GL 1460 = 20,000."""
        company = self.company_se
        company.nordic_rule_97 = rule_97
        category = self._category(company, "goods_for_resale")
        for code, qty, cost, price in (
            ("X", 200, 50, 70),
            ("Y", 100, 120, y_price),
            ("Z", 50, 80, 100),
        ):
            product = self._product(company, category, code, price)
            self._move(product, qty, cost, "2025-03-01 10:00:00")
        self._ledger_entry(company, "2024-12-31", [("1460", 20000), ("2091", -20000)])
        return company

    def test_example_b_sweden_k2_main_rule(self):
        """Example B: X 200 @ 50 (NRV 70), Y 100 @ 120 (NRV 90), Z 50 @ 80 (NRV 100).
        AV 26,000, lowest value 23,000 < 97 % 25,220; GL 1460 = 20,000.
        Debit 1460 6,000 / credit 4960; debit 4960 3,000 / credit 1469."""
        company = self._example_b("contra", y_price=90)

        closing = self._closing(company)
        closing.action_compute()
        y_line = closing.line_ids.filtered(
            lambda line: line.product_id.default_code == "Y"
        )
        self.assertEqual(y_line.nrv_source, "sales_price")
        self.assertAlmostEqual(y_line.write_down, 3000)  # 12,000 - 100 * 90
        self.assertEqual(closing.rule_97_chosen, "main")
        self.assertAlmostEqual(closing.rule_97_main_value, 23000)
        self.assertAlmostEqual(closing.rule_97_alternative_value, 25220)
        closing.action_post()
        # 1460: +6,000; 1469: -3,000; 4960: -6,000 + 3,000
        self.assertEqual(
            self._net(company, closing.move_id),
            {"1460": 6000, "1469": -3000, "4960": -3000},
        )

    def test_entered_nrv_revalues_its_line_class_and_entry(self):
        """Example B without the 97 % rule: Y's NRV entered as 110 instead of 90.

        Y: 100 x 120 = 12,000 against 100 x 110 = 11,000 -> write-down 1,000 (was
        3,000); X (NRV 70 > 50) and Z (NRV 100 > 80) stay at cost. Class 1460: AV
        26,000, write-down 1,000. Preview against GL 1460 = 20,000: debit 1460 /
        credit 4960 6,000; debit 4960 / credit 1469 1,000."""
        company = self._example_b("off", y_price=90)
        closing = self._closing(company)
        closing.action_compute()
        lines = {line.product_id.default_code: line for line in closing.line_ids}
        lines["Y"].net_realisable_value = 110
        self.assertEqual(lines["Y"].nrv_source, "manual")
        # the lines keep no author: the chatter says who entered what
        self.assertIn("Product Y: 110.00 SEK", closing.message_ids[0].body)
        # amounts as the reader's language writes them
        self.env["res.lang"]._activate_lang("nb_NO")
        self.assertRegex(
            closing.with_context(lang="nb_NO")._nordic_money(1234.5),
            r"^1\W?234,50 SEK$",
        )
        self.assertEqual(closing.message_ids[0].author_id, self.env.user.partner_id)
        self.assertAlmostEqual(lines["Y"].write_down, 1000)
        self.assertAlmostEqual(lines["Y"].value, 11000)
        self.assertEqual((lines["X"].write_down, lines["Z"].write_down), (0, 0))
        resale = self._class(closing, "goods_for_resale")
        self.assertAlmostEqual(resale.write_down, 1000)
        self.assertAlmostEqual(resale.closing_value, 25000)
        self.assertAlmostEqual(closing.closing_value, 25000)
        preview = {}
        for line in closing.entry_line_ids:
            code = line.account_id.with_company(company).code
            preview[code] = round(preview.get(code, 0) + line.debit - line.credit, 2)
        self.assertEqual(preview, {"1460": 6000, "1469": -1000, "4960": -5000})
        closing.action_post()
        self.assertEqual(
            self._net(company, closing.move_id),
            {"1460": 6000, "1469": -1000, "4960": -5000},
        )

    def test_accounts_by_code_and_headers_that_wrap(self):
        """What an accountant reads is not cut at 1,366 px: the class lists of the
        form and the wizard show each account by its code (the widget keeps the
        name for the tooltip and the link), and the closing's lists let a header
        wrap (o_nordic_list) instead of cutting it."""
        for model in ("nordic.stock.closing", "nordic.stock.closing.wizard"):
            arch = etree.fromstring(
                self.env[model].get_views([(False, "form")])["views"]["form"]["arch"]
            )
            (classes,) = arch.xpath("//field[@name='class_ids']")
            self.assertIn("o_nordic_list", classes.get("class", ""), model)
            (account,) = classes.xpath(".//field[@name='inventory_account_id']")
            self.assertEqual(account.get("widget"), "nordic_account_code", model)
            (entry,) = arch.xpath("//field[@name='entry_line_ids']")
            self.assertIn("o_nordic_list", entry.get("class", ""), model)

    def test_items_in_their_own_list_where_values_are_entered(self):
        """The form reads no items (their ids took a second at 100,000); its Items
        button opens them in an editable list: the reference and the product's
        name (without the reference) in columns of their own, an NRV saved there
        as the web client saves it (10 @ 100 at 90 -> write-down 10 x 10 = 100),
        the replacement cost column only where the framework has one."""
        company = self.company_no
        product = self._product(
            company, self._category(company, "goods_for_resale"), "T"
        )
        self._move(product, 10, 100, "2025-05-01 10:00:00")
        closing = self._closing(company)
        closing.action_compute()
        form = self.env["nordic.stock.closing"].get_views([(False, "form")])
        self.assertNotIn('name="line_ids"', form["views"]["form"]["arch"])
        self.assertNotIn('name="lot_ids"', form["views"]["form"]["arch"])
        action = closing.action_open_lines()
        self.assertEqual(action["domain"], [("closing_id", "=", closing.id)])
        self.assertFalse(action["context"]["nordic_replacement_cost"])  # Norway
        Line = self.env[action["res_model"]].with_context(**action["context"])
        arch = Line.get_views(action["views"])["views"]["list"]["arch"]
        self.assertIn('editable="bottom"', arch)
        spec = {
            "default_code": {},
            "product_id": {
                "fields": {"display_name": {}},
                "context": {"display_default_code": False},
            },
        }
        (row,) = Line.web_search_read(action["domain"], spec, limit=80)["records"]
        self.assertEqual(row["default_code"], "T")
        self.assertEqual(row["product_id"]["display_name"], "Product T")
        line = closing.line_ids
        line.web_save({"net_realisable_value": 90}, {})
        self.assertEqual(line.nrv_source, "manual")
        self.assertAlmostEqual(line.write_down, 100)
        self.assertAlmostEqual(closing.write_down, 100)
        original = closing.framework
        for framework, shown in (("FI_FAS", True), ("DK_B", True), ("SE_K2", False)):
            server_env(closing).write({"framework": framework})
            self.assertEqual(
                closing.action_open_lines()["context"]["nordic_replacement_cost"],
                shown,
                framework,
            )
        # the list saves nothing but the entered values, and nothing once posted
        server_env(closing).write({"framework": original})
        with self.assertRaises(UserError):
            line.web_save({"quantity": 5}, {})
        closing.action_post()
        with self.assertRaises(UserError):
            line.web_save({"net_realisable_value": 80}, {})

    def test_example_b_variant_97_rule_chosen_after_manual_nrv(self):
        """Y's NRV entered as 130: lowest value 26,000, 97 % rule 25,220 is lower:
        debit 1460 6,000 / credit 4960; debit 4960 780 / credit 1469 780."""
        company = self._example_b("contra", y_price=90)

        closing = self._closing(company)
        closing.action_compute()
        y_line = closing.line_ids.filtered(
            lambda line: line.product_id.default_code == "Y"
        )
        y_line.net_realisable_value = 130
        self.assertEqual(y_line.nrv_source, "manual")
        self.assertEqual(closing.rule_97_chosen, "alternative")
        self.assertFalse(closing.line_ids.filtered("write_down"))  # all items at AV
        closing.action_compute()  # a recompute keeps the entered NRV
        y_line = closing.line_ids.filtered(
            lambda line: line.product_id.default_code == "Y"
        )
        self.assertEqual(y_line.net_realisable_value, 130)
        self.assertEqual(y_line.nrv_source, "manual")
        closing.action_post()
        self.assertEqual(
            self._net(company, closing.move_id),
            {"1460": 6000, "1469": -780, "4960": -5220},
        )

    def test_example_b_variant_97_rule_as_reserve(self):
        """The 3 % as untaxed reserve: debit 8896 / credit 2196 780, stock at AV."""
        company = self._example_b("reserve", y_price=130)
        closing = self._closing(company)
        closing.action_post()  # computes first
        self.assertEqual(
            self._net(company, closing.move_id),
            {"1460": 6000, "4960": -6000, "2196": -780, "8896": 780},
        )

    def test_example_c_sweden_manufacturing_three_classes(self):
        """Example C: 1410 80,000 -> 95,000; 1440 40,000 -> 25,000;
        1450 120,000 -> 150,000."""
        company = self.company_se
        raw = self._product(company, self._category(company, "raw_material"), "RAW")
        wip = self._product(company, self._category(company, "work_in_progress"), "WIP")
        fin = self._product(company, self._category(company, "finished_goods"), "FIN")
        self._move(raw, 950, 100, "2025-04-01 10:00:00")  # 95,000
        self._move(wip, 250, 100, "2025-04-01 10:00:00")  # 25,000
        self._move(fin, 1000, 150, "2025-04-01 10:00:00")  # 150,000
        self._ledger_entry(
            company,
            "2024-12-31",
            [("1410", 80000), ("1440", 40000), ("1450", 120000), ("2091", -240000)],
        )
        closing = self._closing(company)
        closing.action_post()
        self.assertEqual(
            self._net(company, closing.move_id),
            {
                "1410": 15000,
                "4910": -15000,
                "1440": -15000,
                "4940": 15000,
                "1450": 30000,
                "4950": -30000,
            },
        )

    def test_example_d_fixed_value_kept_and_revised(self):
        """Example D: raw materials carried at 50,000 (K2): actual 57,000 (+14 %) keeps
        50,000 and books nothing; actual 62,000 (+24 %) is refused: revise it."""
        company = self.company_se
        raw = self._product(company, self._category(company, "raw_material"), "RAW")
        self._move(raw, 570, 100, "2025-04-01 10:00:00")  # 57,000
        self._ledger_entry(company, "2024-12-31", [("1410", 50000), ("2091", -50000)])
        self._nordic_class_account(company, "raw_material").fixed_value = 50000
        closing = self._closing(company)
        closing.action_compute()
        self.assertAlmostEqual(
            self._class(closing, "raw_material").closing_value, 50000
        )
        self.assertFalse(closing.entry_line_ids)
        self._move(raw, 50, 100, "2025-05-01 10:00:00")  # 62,000
        with self.assertRaisesRegex(UserError, "revise the fixed value"):
            closing.action_compute()

    # ------------------------------------------------------------------
    # Cost flows, dates and real-time valuation
    # ------------------------------------------------------------------
    def test_average_cost_norway(self):
        """AVCO: 10 @ 10 and 10 @ 13 -> 20 @ 11.50; 5 issued -> 15 @ 11.50 = 172.50."""
        company = self.company_no
        product = self._product(
            company, self._category(company, "goods_for_resale", "average"), "AV"
        )
        self._move(product, 10, 10, "2025-02-01 10:00:00")
        self._move(product, 10, 13, "2025-03-01 10:00:00")
        self._move(product, -5, when="2025-04-01 10:00:00")
        closing = self._closing(company)
        closing.action_post()
        self.assertAlmostEqual(closing.line_ids.acquisition_value, 172.50)
        cls = self._class(closing, "goods_for_resale")
        self.assertAlmostEqual(cls.cost_of_goods_sold, 57.50)  # 0 + 230 - 172.50
        self.assertEqual(
            self._net(company, closing.move_id), {"1460": 172.5, "4390": -172.5}
        )

    def test_dates_in_company_time_zone_and_back_dated_moves(self):
        """Oslo is UTC+1 in winter: 22:30 UTC on 31 Dec counts, 23:30 UTC is 1 Jan.
        A delivery done in January but back-dated to 20 Dec counts in 2025.
        Closing 20 + 10 - 8 = 22 units, FIFO: 10 @ 12 + 12 @ 10 = 240."""
        company = self.company_no
        product = self._product(
            company, self._category(company, "goods_for_resale"), "TZ"
        )
        self._move(product, 20, 10, "2025-03-01 10:00:00")
        self._move(product, 10, 12, "2025-12-31 22:30:00")
        self._move(product, 5, 14, "2025-12-31 23:30:00")
        self._move(product, -8, when="2026-01-10 10:00:00", dated="2025-12-20 10:00:00")
        closing = self._closing(company)
        closing.action_compute()
        self.assertEqual(closing.line_ids.quantity, 22)
        self.assertAlmostEqual(closing.line_ids.acquisition_value, 240)

    def test_fifo_rebuilt_at_the_date_not_today(self):
        """Odoo's remaining_qty is today's: after the year end everything was sold, yet
        at 31 Dec 30 units remained: 20 @ 11 + 10 @ 10 = 320."""
        company = self.company_no
        product = self._product(
            company, self._category(company, "goods_for_resale"), "F"
        )
        self._move(product, 40, 10, "2025-02-01 10:00:00")
        self._move(product, -30, when="2025-06-01 10:00:00")
        self._move(product, 20, 11, "2025-09-01 10:00:00")
        self._move(product, -30, when="2026-02-01 10:00:00")
        closing = self._closing(company)
        closing.action_compute()
        self.assertEqual(closing.line_ids.quantity, 30)
        self.assertAlmostEqual(closing.line_ids.acquisition_value, 320)

    def test_real_time_books_write_downs_and_layers(self):
        """Real-time FIFO in Sweden: 1460 already follows the stock (100 @ 50 = 5,000);
        NRV 30 -> write-down 2,000 booked on 1469 only, and a -2,000 layer."""
        company = self.company_se
        category = self._category(company, "goods_for_resale", real_time=True)
        category.with_company(
            company
        ).property_stock_valuation_account_id = self._nordic_account(company, "1460")
        product = self._product(company, category, "RT", list_price=30)
        self._move(product, 100, 50, "2025-03-01 10:00:00")
        closing = self._closing(company)
        closing.action_compute()
        self.assertAlmostEqual(
            self._class(closing, "goods_for_resale").ledger_difference, 0
        )
        closing.action_post()
        self.assertEqual(
            self._net(company, closing.move_id), {"1469": -2000, "4960": 2000}
        )
        self.assertEqual(closing.valuation_layer_ids.mapped("value"), [-2000])
        self.assertAlmostEqual(product.with_company(company).value_svl, 3000)
        self._assert_layer_as_the_orm_makes_it(closing.valuation_layer_ids)
        closing.action_reverse()
        self.assertEqual(closing.state, "reversed")
        self.assertEqual(
            self._net(company, closing.reversal_move_id), {"1469": 2000, "4960": -2000}
        )
        self.assertAlmostEqual(product.with_company(company).value_svl, 5000)
        reversal = closing.valuation_layer_ids.filtered(lambda layer: layer.value > 0)
        self.assertEqual(reversal.mapped("value"), [2000])
        self._assert_layer_as_the_orm_makes_it(reversal)

    def _assert_layer_as_the_orm_makes_it(self, layer):
        """The closing inserts its layers in SQL: every stored field must be what
        Odoo's ORM gives a layer created with the same values."""
        Layer = self.env["stock.valuation.layer"]
        reference = Layer.create(
            {
                "company_id": layer.company_id.id,
                "product_id": layer.product_id.id,
                "quantity": 0,
                "value": layer.value,
                "description": layer.description,
            }
        )
        # the reference belongs to no closing (it would count in the next step)
        skip = {"id", "create_date", "write_date", "nordic_closing_id"}
        names = [
            name
            for name, field in Layer._fields.items()
            if field.store and field.column_type and name not in skip
        ]
        self.env.flush_all()
        self.env.invalidate_all()
        expected = reference.read(names)[0] | {"id": layer.id}
        reference.unlink()
        self.assertEqual(layer.read(names)[0], expected)

    # ------------------------------------------------------------------
    # Refusals
    # ------------------------------------------------------------------
    def _posted_example(self):
        company = self.company_no
        product = self._product(
            company, self._category(company, "goods_for_resale"), "P"
        )
        self._move(product, 10, 100, "2025-05-01 10:00:00")
        return company, product

    def test_locked_period_refused_nothing_posted(self):
        company, _product = self._posted_example()
        closing = self._closing(company)
        closing.action_compute()
        company.fiscalyear_lock_date = date(2025, 12, 31)
        with self.assertRaisesRegex(UserError, "locked"):
            closing.action_post()
        self.assertEqual(closing.state, "computed")
        self.assertFalse(
            self.env["account.move"].search([("nordic_closing_id", "=", closing.id)])
        )

    def test_reverse_dialog_dates_and_explains_the_reversal(self):
        """Reverse asks a date and a reason, as Odoo's own reversal does: the
        reversal entry (1460 -1,000 / 4390 +1,000) is dated 2026-01-31, its
        reference and the chatter give the reason, and the chatter links it."""
        company, _product = self._posted_example()
        closing = self._closing(company)
        closing.action_post()
        Reverse = self.env["nordic.stock.closing.reverse"].with_context(
            default_closing_id=closing.id
        )
        dialog = Reverse.create({"reason": "stock count corrected"})
        self.assertEqual(dialog.date, date(2025, 12, 31))  # the closing's date
        dialog.date = date(2026, 1, 31)
        dialog.action_reverse()
        reversal = closing.reversal_move_id
        self.assertEqual(closing.state, "reversed")
        self.assertEqual(reversal.date, date(2026, 1, 31))
        self.assertIn("stock count corrected", reversal.ref)
        self.assertEqual(self._net(company, reversal), {"1460": -1000, "4390": 1000})
        body = closing.message_ids[0].body
        self.assertIn("stock count corrected", body)
        self.assertRegex(body, rf"data-oe-id=[\"']{reversal.id}[\"']")

    def test_second_post_refused(self):
        company, _product = self._posted_example()
        self._closing(company).action_post()
        second = self._closing(company)
        # neither computed (it would read the posted entry as its ledger) nor posted
        for action in (second.action_compute, second.action_post):
            with self.assertRaisesRegex(
                UserError, "already has a posted inventory closing"
            ):
                action()
        self.assertEqual(second.state, "draft")

    def test_concurrent_posts_only_one_lands(self):
        """Two users post the same company and date at the same moment: the other
        transaction has committed its posting, this one cannot see it (repeatable read)
        and tries too; the database refuses the second, and the user is told why."""
        company = self.env.ref("base.main_company")  # committed: visible to both
        closing = server_env(self.env["nordic.stock.closing"]).create(
            {"company_id": company.id, "date": date(2031, 12, 31), "state": "computed"}
        )
        with self.registry.cursor() as other:
            other.execute(
                "INSERT INTO nordic_stock_closing (company_id, date, state, name,"
                " create_uid, create_date, write_uid, write_date)"
                " VALUES (%s, '2031-12-31', 'posted',"
                " 'concurrent', 1, now(), 1, now()) RETURNING id",
                [company.id],
            )
            other_id = other.fetchone()[0]
            other.commit()
        try:
            with (
                self.assertRaisesRegex(
                    UserError, "already has a posted inventory closing"
                ),
                mute_logger("odoo.sql_db"),
            ):
                closing._nordic_claim_posting()
            self.assertEqual(closing.state, "computed")
        finally:
            with self.registry.cursor() as other:
                other.execute(
                    "DELETE FROM nordic_stock_closing WHERE id = %s", [other_id]
                )
                other.commit()

    def test_missing_class_and_accounts_refused(self):
        company = self.company_no
        category = self.env["product.category"].create({"name": "Unclassified"})
        product = self._product(company, category, "U")
        self._move(product, 1, 10, "2025-05-01 10:00:00")
        with self.assertRaisesRegex(UserError, "Unclassified"):
            self._closing(company).action_compute()

    def test_category_stocked_only_elsewhere_does_not_block(self):
        """A category without a class whose products only the Swedish company holds
        does not stop the Norwegian closing (10 @ 100 -> debit 1460 1,000)."""
        company, _product = self._posted_example()
        unclassified = self.env["product.category"].create({"name": "Swedish only"})
        other = self._product(self.company_se, unclassified, "SWE")
        self._move(other, 3, 10, "2025-05-01 10:00:00")
        closing = self._closing(company)
        closing.action_post()
        self.assertEqual(
            self._net(company, closing.move_id), {"1460": 1000, "4390": -1000}
        )
        with self.assertRaisesRegex(UserError, "Swedish only"):
            self._closing(self.company_se).action_compute()

    def test_missing_account_in_se_chart_refused(self):
        """Chart 'se' has no 1420/1429: a consumables category has no accounts."""
        company = self._nordic_create_company("Bas AB", "SE", "se")
        category = self._category(company, "consumable")
        product = self._product(company, category, "C")
        self._move(product, 1, 10, "2025-05-01 10:00:00")
        with self.assertRaisesRegex(UserError, category.name):
            self._closing(company).action_compute()

    def test_negative_stock_refused_listing_products(self):
        company = self.company_no
        product = self._product(
            company, self._category(company, "goods_for_resale"), "NEG"
        )
        self._move(product, 5, 10, "2026-01-05 10:00:00")
        self._move(product, -3, when="2026-01-06 10:00:00", dated="2025-12-01 10:00:00")
        with self.assertRaisesRegex(UserError, "NEG"):
            self._closing(company).action_compute()

    # ------------------------------------------------------------------
    # Reversal and later closings
    # ------------------------------------------------------------------
    def test_reverse_then_post_again(self):
        company, _product = self._posted_example()
        closing = self._closing(company)
        closing.action_post()
        self.assertEqual(
            self._net(company, closing.move_id), {"1460": 1000, "4390": -1000}
        )
        closing.action_reverse()
        self.assertEqual(
            self._net(company, closing.reversal_move_id), {"1460": -1000, "4390": 1000}
        )
        again = self._closing(company)
        again.action_post()
        self.assertEqual(
            self._net(company, again.move_id), {"1460": 1000, "4390": -1000}
        )

    def test_later_closing_books_only_the_difference(self):
        company, product = (
            self._posted_example()
        )  # 10 @ 100 = 1,000 posted at 2025-12-31
        self._closing(company).action_post()
        self._move(product, 5, 120, "2026-02-01 10:00:00")  # + 600
        later = self._closing(company, "2026-03-31")
        later.action_post()
        self.assertEqual(self._net(company, later.move_id), {"1460": 600, "4390": -600})
        again = self._closing(company, "2026-04-30")
        again.action_post()  # nothing moved since: nothing to book
        self.assertFalse(again.move_id)

    # ------------------------------------------------------------------
    # Companies and access
    # ------------------------------------------------------------------
    def test_multi_company_isolation(self):
        company, _product = self._posted_example()
        other = self._product(
            self.company_se, self._category(self.company_se, "goods_for_resale"), "S"
        )
        self._move(other, 7, 10, "2025-05-01 10:00:00")
        closing = self._closing(company)
        closing.action_compute()
        self.assertEqual(closing.line_ids.product_id.mapped("default_code"), ["P"])
        se_closing = self._closing(self.company_se)
        user = new_test_user(
            self.env,
            login="no_closer",
            groups="account.group_account_manager",
            company_id=company.id,
            company_ids=[company.id],
        )
        with self.assertRaises(AccessError):
            se_closing.with_user(user).read(["date"])
        closing.with_user(user).read(["date"])

    def test_access_groups(self):
        company, _product = self._posted_example()
        preparer = new_test_user(
            self.env,
            login="preparer",
            groups="account.group_account_user,l10n_nordic_stock_closing.group_nordic_closing_user",
            company_id=company.id,
            company_ids=[company.id],
        )
        outsider = new_test_user(
            self.env,
            login="outsider",
            groups="base.group_user",
            company_id=company.id,
            company_ids=[company.id],
        )
        poster = new_test_user(
            self.env,
            login="poster",
            groups="account.group_account_user,l10n_nordic_stock_closing.group_nordic_closing_manager",
            company_id=company.id,
            company_ids=[company.id],
        )
        with self.assertRaises(AccessError):
            self.env["nordic.stock.closing"].with_user(outsider).create(
                {"company_id": company.id, "date": date(2025, 12, 31)}
            )
        closing = (
            self.env["nordic.stock.closing"]
            .with_user(preparer)
            .create({"company_id": company.id, "date": date(2025, 12, 31)})
        )
        closing.action_compute()
        self.assertEqual(closing.state, "computed")
        with self.assertRaises(AccessError):
            closing.action_post()
        closing.with_user(poster).action_post()
        self.assertEqual(closing.state, "posted")

    # ------------------------------------------------------------------
    # Wizard and API
    # ------------------------------------------------------------------
    def test_wizard_preview_and_post(self):
        company, _product = self._posted_example()
        wizard = (
            self.env["nordic.stock.closing.wizard"]
            .with_company(company)
            .create({"company_id": company.id})
        )
        self.assertEqual(wizard.date, date(date.today().year - 1, 12, 31))
        wizard.date = date(2025, 12, 31)
        wizard.action_preview()
        self.assertEqual(
            {
                (line.account_id.with_company(company).code, line.debit, line.credit)
                for line in wizard.entry_line_ids
            },
            {("1460", 1000, 0), ("4390", 0, 1000)},
        )
        action = wizard.action_post()
        closing = self.env["nordic.stock.closing"].search(
            [("company_id", "=", company.id), ("date", "=", date(2025, 12, 31))]
        )
        self.assertEqual(closing.state, "posted")
        self.assertEqual(
            self._net(company, closing.move_id), {"1460": 1000, "4390": -1000}
        )
        # opened at its address in the closings' action (breadcrumb "Inventory
        # closings / the closing")
        self.assertEqual(
            action["url"],
            f"/odoo/action-l10n_nordic_stock_closing.nordic_stock_closing_action/"
            f"{closing.id}",
        )
        # a second wizard for the same date warns at once and previews the posted
        # closing as it was posted, never another record
        again = self.env["nordic.stock.closing.wizard"].create(
            {"company_id": company.id, "date": date(2025, 12, 31)}
        )
        self.assertEqual(again.posted_closing_id, closing)
        again.action_preview()
        again.action_preview()
        self.assertEqual(again.closing_id, closing)
        self.assertEqual(
            self.env["nordic.stock.closing"].search_count(
                [("company_id", "=", company.id), ("date", "=", date(2025, 12, 31))]
            ),
            1,
        )

    def test_prepare_api(self):
        company, _product = self._posted_example()
        closing = self.env["nordic.stock.closing"].prepare(company.id, "2025-12-31")
        self.assertEqual(closing.state, "computed")
        self.assertEqual(
            self.env["nordic.stock.closing"].prepare(company, "2025-12-31"), closing
        )
        posted = self.env["nordic.stock.closing"].prepare(
            company, "2025-12-31", post=True
        )
        self.assertEqual(posted, closing)
        self.assertEqual(posted.state, "posted")
