"""The example extension through the hooks of l10n_nordic_stock_closing, on a
Norwegian company (no costs to sell: the net realisable value is the sales price).

Three products of the class goods for resale, received 2025-06-01:

- EX1 (barcode 7310000000017), category "Damaged": 10 units at 10.00 = 100.00,
  sold at 4.00: NRV 10 x 4.00 = 40.00, written down 100.00 - 40.00 = 60.00, reason
  "damaged" (its category is marked damaged) instead of the engine's "nrv";
- EX2 (no barcode), category "Shelf": 5 units at 20.00 = 100.00, sold at 50.00:
  NRV 250.00 > cost, no write-down;
- EX3 (barcode 7310000000024), category "Shelf": 4 units at 25.00 = 100.00, sold
  at 20.00: NRV 80.00, written down 20.00, reason "nrv" (the engine's).
"""

import io

import openpyxl
from lxml import html

from odoo.tests import tagged

from odoo.addons.l10n_nordic_stock_closing.tests.closing_common import (
    NordicStockClosingCase,
)

COUNT_LIST = "l10n_nordic_stock_closing.action_report_nordic_count_list"


@tagged("post_install", "-at_install")
class TestExampleExtension(NordicStockClosingCase):
    def setUp(self):
        super().setUp()
        company = self.company_no
        damaged = self._category(company, "goods_for_resale")
        damaged.write({"name": "Damaged", "example_damaged": True})
        shelf = self._category(company, "goods_for_resale", cost_method="average")
        self.products = {}
        for code, category, barcode, quantity, cost, price in (
            ("EX1", damaged, "7310000000017", 10, 10.0, 4.0),
            ("EX2", shelf, False, 5, 20.0, 50.0),
            ("EX3", shelf, "7310000000024", 4, 25.0, 20.0),
        ):
            product = self._product(company, category, code, price)
            product.barcode = barcode
            self._move(product, quantity, cost)
            self.products[code] = product
        self.closing = self._closing(company)

    def test_barcode_column_on_the_stored_lines_and_the_item_sheet(self):
        closing = self.closing
        closing.action_compute()
        lines = self._lines(closing)
        self.assertEqual(lines["EX1"].example_barcode, "7310000000017")
        self.assertFalse(lines["EX2"].example_barcode)
        self.assertEqual(lines["EX3"].example_barcode, "7310000000024")
        # read back with the lines (as the engine and the workbook read them)
        read = {row.default_code: row for row in closing._nordic_read_lines()}
        self.assertEqual(read["EX1"].extra["example_barcode"], "7310000000017")
        # the workbook's item sheet: a "Barcode" column with each item's
        book = openpyxl.load_workbook(
            io.BytesIO(closing._nordic_attach_workbook().raw), read_only=True
        )
        sheet = book.worksheets[1]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        header = rows[0]
        self.assertEqual(header[-1], "Barcode")
        by_code = {row[0]: row for row in rows[1:] if row[0] in self.products}
        self.assertEqual(by_code["EX1"][-1], "7310000000017")
        self.assertIsNone(by_code["EX2"][-1])
        self.assertEqual(by_code["EX3"][-1], "7310000000024")
        reason = header.index("Reason")
        self.assertEqual(by_code["EX1"][reason], "Damaged goods")

    def test_damaged_reason_is_offered_and_stored_with_the_engine_amounts(self):
        closing = self.closing
        self.assertEqual(closing._get_write_down_reasons()["damaged"], "Damaged goods")
        closing.action_compute()
        lines = self._lines(closing)
        self.assertEqual(
            [(c, lines[c].write_down, lines[c].write_down_reason) for c in lines],
            [("EX1", 60.0, "damaged"), ("EX2", 0.0, False), ("EX3", 20.0, "nrv")],
        )
        # 300.00 at cost less 80.00 written down
        self.assertEqual(closing.closing_value, 220.0)
        # an NRV entered on EX1 (2.00: 10 x 2.00 = 20.00, written down 80.00)
        # stores through the same hook: still damaged
        lines["EX1"].net_realisable_value = 2.0
        self.assertEqual(
            (lines["EX1"].write_down, lines["EX1"].write_down_reason),
            (80.0, "damaged"),
        )

    def test_barcode_column_on_the_count_lists(self):
        closing = self.closing
        closing.action_compute()
        content, _format = self.env["ir.actions.report"]._render_qweb_html(
            COUNT_LIST, closing.ids
        )
        tree = html.fromstring(content)
        headers = [
            " ".join(th.text_content().split())
            for th in tree.xpath(
                "//table[contains(@class, 'o_nordic_count_table')]//th"
            )
        ]
        self.assertEqual(headers[:3], ["Reference", "Product", "Barcode"])
        items = {
            cells[0]: cells
            for cells in (
                [" ".join(td.text_content().split()) for td in row.xpath("./td")]
                for row in tree.xpath("//tr[contains(@class, 'o_nordic_item')]")
            )
        }
        self.assertEqual(items["EX1"][2], "7310000000017")
        self.assertEqual(items["EX2"][2], "")
        # the total rows still sum the value column: 40.00 + 100.00 + 80.00
        (total,) = tree.xpath("//tr[contains(@class, 'o_nordic_total')]")
        self.assertIn("220.00", total.text_content())
        # the XLSX count list: the barcode after the engine's columns
        book = openpyxl.load_workbook(
            io.BytesIO(closing._nordic_attach_count_list_xlsx().raw), read_only=True
        )
        rows = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        self.assertEqual(rows[0][-1], "Barcode")
        by_code = {row[0]: row for row in rows[1:]}
        self.assertEqual(by_code["EX3"][-1], "7310000000024")
        self.assertIsNone(by_code["EX2"][-1])

    def test_analytic_distribution_on_the_profit_and_loss_lines(self):
        plan = self.env["account.analytic.plan"].create({"name": "Closing plan"})
        analytic = self.env["account.analytic.account"].create(
            {"name": "Warehouse Oslo", "plan_id": plan.id}
        )
        self.company_no.example_analytic_account_id = analytic
        closing = self.closing
        closing.action_post()
        move_lines = closing.move_id.line_ids
        pl = move_lines.filtered(
            lambda line: line.account_id.internal_group in ("income", "expense")
        )
        self.assertTrue(pl)
        for line in pl:
            self.assertEqual(line.analytic_distribution, {str(analytic.id): 100.0})
        for line in move_lines - pl:
            self.assertFalse(line.analytic_distribution)
        # manual periodic valuation, nothing in the ledger: the stock's 300.00 at
        # cost less the 80.00 written down (60.00 + 20.00), 220.00, is credited to
        # the profit and loss, and its analytic lines carry +220.00
        self.assertAlmostEqual(sum(pl.mapped("balance")), -220.0, places=2)
        analytic.invalidate_recordset(["balance"])
        self.assertAlmostEqual(analytic.balance, 220.0, places=2)
