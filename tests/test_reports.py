import io
from decimal import Decimal

import openpyxl
from lxml import html

from odoo.tests import tagged

from .closing_common import NordicStockClosingCase

COUNT_LIST = "l10n_nordic_stock_closing.action_report_nordic_count_list"
SUMMARY = "l10n_nordic_stock_closing.action_report_nordic_closing_summary"
SE_OATH = "Inventeringen har gjorts på heder och samvete och inget har utelämnats."
NO_OATH = "Varetellingen er foretatt etter beste skjønn, og ingen varer er utelatt."


class NordicReportCase(NordicStockClosingCase):
    """A posted Swedish (K2, 97 % rule on the contra account) and Norwegian closing.

    Sweden, goods for resale as in DOMAIN.md example B: X 200 @ 50 (sales price 70),
    Y 100 @ 120 (90: written down 12,000 - 9,000 = 3,000), Z 50 @ 80 (100); raw
    materials R 10 @ 15.50 = 155.00 (no NRV: raw materials are not valued from the
    sales price). Ledger before: 1460 = 20,000.
      AV 10,000 + 12,000 + 4,000 + 155 = 26,155.00; main rule 26,155 - 3,000 =
      23,155.00; 97 % rule 26,155 * 0.97 = 25,370.35: the main rule is lower.
      Entry: 1410 D 155 / 4910 C 155; 1460 D 26,000 - 20,000 = 6,000 / 4960 C 6,000;
      1469 C 3,000 / 4960 D 3,000. Debit = credit = 155 + 6,000 + 3,000 = 9,155.
    Norway, no ledger balance: finished goods F 40 @ 100 = 4,000 (price 150); goods
    for resale A 600 @ 30 = 18,000 (price 25: NRV 15,000, write-down 3,000) and
    B 100 @ 12.25 = 1,225 (price 20).
      Accounting value 4,000 + 15,000 + 1,225 = 20,225; tax value (cost, sktl
      § 14-5) 4,000 + 18,000 + 1,225 = 23,225; temporary difference 3,000.
      Entry: 1440 D 4,000 / 4290 C 4,000; 1460 D 19,225 / 4390 C 19,225;
      1469 C 3,000 / 4390 D 3,000. Debit = credit = 26,225.
    """

    def _post_swedish_closing(self):
        company = self.company_se
        company.nordic_rule_97 = "contra"
        resale = self._category(company, "goods_for_resale")
        raw = self._category(company, "raw_material")
        for category, code, qty, cost, price in (
            (resale, "X", 200, 50, 70),
            (resale, "Y", 100, 120, 90),
            (resale, "Z", 50, 80, 100),
            (raw, "R", 10, 15.5, 0),
        ):
            product = self._product(company, category, code, price)
            self._move(product, qty, cost, "2025-03-01 10:00:00")
        self._ledger_entry(company, "2024-12-31", [("1460", 20000), ("2091", -20000)])
        closing = self._closing(company)
        closing.action_post()
        return closing

    def _post_norwegian_closing(self):
        company = self.company_no
        resale = self._category(company, "goods_for_resale")
        finished = self._category(company, "finished_goods")
        for category, code, qty, cost, price in (
            (resale, "A", 600, 30, 25),
            (resale, "B", 100, 12.25, 20),
            (finished, "F", 40, 100, 150),
        ):
            product = self._product(company, category, code, price)
            self._move(product, qty, cost, "2025-03-01 10:00:00")
        closing = self._closing(company)
        closing.action_post()
        return closing

    def _entry_of_move(self, closing):
        """(account code, debit, credit) of the posted move's lines, in order."""
        return [
            (
                line.account_id.with_company(closing.company_id).code,
                Decimal(str(line.debit)),
                Decimal(str(line.credit)),
            )
            for line in closing.move_id.line_ids
        ]


@tagged("post_install", "-at_install")
class TestNordicClosingReports(NordicReportCase):
    """The QWeb count list and closing summary, rendered as HTML."""

    def _render(self, report, closing):
        content, _format = self.env["ir.actions.report"]._render_qweb_html(
            report, closing.ids
        )
        return html.fromstring(content)

    @staticmethod
    def _cells(row):
        """Cell texts of a table row, whitespace (also no-break spaces) collapsed."""
        return [
            " ".join(cell.text_content().replace("\ufeff", "").split())
            for cell in row.xpath("./td")
        ]

    def _rows(self, tree, css_class):
        return [
            self._cells(row)
            for row in tree.xpath(
                f"//tr[contains(concat(' ', normalize-space(@class), ' '), "
                f"' {css_class} ')]"
            )
        ]

    @staticmethod
    def _amount(text, decimal_comma=False):
        """'23 155,00' (sv) or '23,155.00' (en) as a Decimal; '' as None."""
        text = text.replace(" ", "")
        if not text:
            return None
        text = text.replace(".", "").replace(",", ".") if decimal_comma else text
        return Decimal(text.replace(",", ""))

    def test_reports_in_the_print_menu(self):
        model = self.env["ir.model"]._get("nordic.stock.closing")
        for xmlid in (COUNT_LIST, SUMMARY):
            report = self.env.ref(xmlid)
            self.assertEqual(report.binding_model_id, model)
            self.assertEqual(report.binding_type, "report")
            self.assertEqual(report.report_type, "qweb-pdf")

    def test_count_list_sweden_in_the_company_language(self):
        """Rendered in the company partner's language (Swedish: decimal comma)."""
        self.env["res.lang"]._activate_lang("sv_SE")
        self.company_se.partner_id.lang = "sv_SE"
        closing = self._post_swedish_closing()
        tree = self._render(COUNT_LIST, closing)
        text = " ".join(tree.text_content().split())
        self.assertTrue(tree.find_class("o_nordic_printed"))  # the print date

        def amounts(row, first):
            return [self._amount(cell, decimal_comma=True) for cell in row[first:]]

        items = self._rows(tree, "o_nordic_item")
        # class order: raw materials, then goods for resale; by reference within
        self.assertEqual([row[0] for row in items], ["R", "X", "Y", "Z"])
        unit = self.unit.with_context(lang="sv_SE").name  # "st" once translated
        self.assertEqual(
            [row[1:4] for row in items],
            [
                ["Product R", unit, ""],  # the counted quantity is left empty
                ["Product X", unit, ""],
                ["Product Y", unit, ""],
                ["Product Z", unit, ""],
            ],
        )
        # quantity, value per unit, value
        self.assertEqual(
            [amounts(row, 4) for row in items],
            [
                [10, Decimal("15.50"), Decimal("155.00")],
                [200, Decimal("50.00"), Decimal("10000.00")],
                [100, Decimal("90.00"), Decimal("9000.00")],  # 9,000 / 100
                [50, Decimal("80.00"), Decimal("4000.00")],
            ],
        )
        subtotals = self._rows(tree, "o_nordic_subtotal")
        # 155.00; 10,000 + 9,000 + 4,000 = 23,000.00
        self.assertEqual(
            [amounts(row, 1) for row in subtotals],
            [[Decimal("155.00")], [Decimal("23000.00")]],
        )
        (total,) = self._rows(tree, "o_nordic_total")
        self.assertEqual(total[1].replace(" ", ""), "23155,00")  # Swedish format
        self.assertFalse(self._rows(tree, "o_nordic_adjustment"))  # main rule
        self.assertIn(SE_OATH, text)
        self.assertNotIn(NO_OATH, text)
        self.assertNotIn("Tax value", text)
        self.assertIn("Svenska Lager AB", text)

    def test_print_in_another_language(self):
        """A posted Norwegian closing printed in Swedish for an auditor: the choice
        is open on a posted closing and the documents follow it."""
        self.env["res.lang"]._activate_lang("sv_SE")
        self.env["ir.module.module"]._load_module_terms(
            ["l10n_nordic_stock_closing"], ["sv_SE"]
        )
        closing = self._post_norwegian_closing()
        closing.print_lang = "sv_SE"
        text = " ".join(self._render(COUNT_LIST, closing).text_content().split())
        self.assertIn("Inventeringslista", text)
        self.assertIn("Handelsvaror", text)
        self.assertNotIn("Count list", text)

    def test_reports_in_the_company_external_layout(self):
        """As printed to PDF: Odoo's external layout with the company in the
        header, page numbers in the footer, and the print date."""
        closing = self._post_norwegian_closing()
        for report in (COUNT_LIST, SUMMARY):
            with self.subTest(report=report):
                content, _format = self.env["ir.actions.report"]._render_qweb_html(
                    report, closing.ids, data={"report_type": "pdf"}
                )
                tree = html.fromstring(content)
                header = tree.xpath("//div[contains(@class, 'header')]")
                self.assertTrue(header)
                self.assertIn(closing.company_id.name, header[0].text_content())
                self.assertTrue(tree.xpath("//span[@class='page']"))
                self.assertTrue(tree.xpath("//span[@class='topage']"))
                self.assertTrue(tree.find_class("o_nordic_printed"))

    def test_count_list_norway_accounting_and_tax_value(self):
        closing = self._post_norwegian_closing()
        tree = self._render(COUNT_LIST, closing)
        text = " ".join(tree.text_content().split())
        headers = [" ".join(th.text_content().split()) for th in tree.xpath("//th")]
        self.assertEqual(
            headers,
            [
                "Reference",
                "Product",
                "Unit",
                "Counted quantity",
                "Quantity",
                "Value per unit",
                "Accounting value",
                "Tax value",
            ],
        )
        items = self._rows(tree, "o_nordic_item")
        self.assertEqual(
            items,
            [
                # finished goods first (class order), then goods for resale
                ["F", "Product F", "Units", "", "40", "100.00", "4,000.00", "4,000.00"],
                # 15,000 / 600 = 25.00 per unit; tax value stays at cost 18,000
                [
                    "A",
                    "Product A",
                    "Units",
                    "",
                    "600",
                    "25.00",
                    "15,000.00",
                    "18,000.00",
                ],
                ["B", "Product B", "Units", "", "100", "12.25", "1,225.00", "1,225.00"],
            ],
        )
        subtotals = self._rows(tree, "o_nordic_subtotal")
        self.assertEqual(
            [[self._amount(cell) for cell in row[1:]] for row in subtotals],
            [
                [Decimal("4000.00"), Decimal("4000.00")],
                # 15,000 + 1,225 = 16,225; 18,000 + 1,225 = 19,225
                [Decimal("16225.00"), Decimal("19225.00")],
            ],
        )
        (total,) = self._rows(tree, "o_nordic_total")
        self.assertEqual(total[1:], ["20,225.00", "23,225.00"])
        self.assertIn(NO_OATH, text)
        self.assertNotIn(SE_OATH, text)
        for label in ("Place and date", "Signature", "Name in block letters"):
            self.assertIn(label, text)

    def test_count_list_write_in_column_is_a_column(self):
        """The counted quantity is written in a column of its own: its header and
        the fourth cell of every item row, empty, carry the column's class, whose
        cells the report boxes with side borders (not a dotted line under the
        cell, which printed as one stray segment)."""
        closing = self._post_norwegian_closing()
        tree = self._render(COUNT_LIST, closing)
        (header,) = tree.xpath(
            "//table[contains(@class, 'o_nordic_count_table')]//th[4]"
        )
        self.assertIn("o_nordic_counted", header.get("class"))
        rows = tree.xpath("//tr[contains(@class, 'o_nordic_item')]")
        self.assertEqual(len(rows), 3)  # F, A and B
        for row in rows:
            cell = row.xpath("./td")[3]
            self.assertIn("o_nordic_counted", cell.get("class"))
            self.assertEqual(cell.text_content().strip(), "")
            self.assertFalse(cell.get("style"))
        style = " ".join(tree.xpath("//style/text()"))
        selector = ".o_nordic_count_table .o_nordic_counted {"
        rule = style.split(selector, 1)[1].split("}")[0]
        for side in ("border-left", "border-right", "border-bottom"):
            self.assertIn(f"{side}: 1px solid", rule)
        self.assertNotIn("dotted", style)

    def test_closing_summary_sweden(self):
        closing = self._post_swedish_closing()
        tree = self._render(SUMMARY, closing)
        text = " ".join(tree.text_content().split())
        self.assertIn(closing.move_id.name, text)

        def amounts(row):
            return [self._amount(cell) for cell in row[1:]]

        # opening, purchases, closing AV, write-down, closing value, COGS, change
        classes = self._rows(tree, "o_nordic_class_line")
        self.assertEqual(
            [amounts(row) for row in classes],
            [
                # raw materials: 0 + 155 - 155 = 0 COGS; change 155
                [0, 155, 155, 0, 155, 0, 155],
                # resale: 20,000 + 26,000 - 23,000 = 23,000 COGS; change 3,000
                [20000, 26000, 26000, 3000, 23000, 23000, 3000],
            ],
        )
        self.assertIn("1410 / 1419 / 4910", classes[0][0])
        self.assertIn("1460 / 1469 / 4960", classes[1][0])
        (total,) = self._rows(tree, "o_nordic_class_total")
        self.assertEqual(
            amounts(total), [20000, 26155, 26155, 3000, 23155, 23000, 3155]
        )
        entry = [
            (row[0], self._amount(row[3]) or 0, self._amount(row[4]) or 0)
            for row in self._rows(tree, "o_nordic_entry_line")
        ]
        expected = [
            ("1410", 155, 0),
            ("4910", 0, 155),
            ("1460", 6000, 0),
            ("4960", 0, 6000),
            ("1469", 0, 3000),
            ("4960", 3000, 0),
        ]
        self.assertEqual(entry, expected)
        self.assertEqual(entry, self._entry_of_move(closing))
        (entry_total,) = self._rows(tree, "o_nordic_entry_total")
        self.assertEqual(entry_total[1:], ["9,155.00", "9,155.00"])
        rule = tree.xpath("//table[contains(@class, 'o_nordic_rule_97')]")[0]
        values = {
            name: " ".join(
                rule.xpath(f".//td[contains(@class, 'o_nordic_{name}')]")[0]
                .text_content()
                .split()
            )
            for name in ("acquisition", "main", "alternative", "chosen")
        }
        self.assertEqual(
            values,
            {
                "acquisition": "26,155.00",
                "main": "23,155.00",
                "alternative": "25,370.35",  # 26,155 * 0.97
                "chosen": "Main rule",
            },
        )
        self.assertFalse(tree.xpath("//table[contains(@class, 'o_nordic_tax_no')]"))

    def test_closing_summary_norway(self):
        closing = self._post_norwegian_closing()
        tree = self._render(SUMMARY, closing)
        entry = [
            (row[0], self._amount(row[3]) or 0, self._amount(row[4]) or 0)
            for row in self._rows(tree, "o_nordic_entry_line")
        ]
        self.assertEqual(
            entry,
            [
                ("1440", 4000, 0),
                ("4290", 0, 4000),
                ("1460", 19225, 0),  # 18,000 + 1,225
                ("4390", 0, 19225),
                ("1469", 0, 3000),
                ("4390", 3000, 0),
            ],
        )
        self.assertEqual(entry, self._entry_of_move(closing))
        (entry_total,) = self._rows(tree, "o_nordic_entry_total")
        self.assertEqual(entry_total[1:], ["26,225.00", "26,225.00"])
        (total,) = self._rows(tree, "o_nordic_class_total")
        # opening 0; purchases = AV 23,225; write-down 3,000; value 20,225;
        # COGS 0 + 23,225 - 20,225 = 3,000; change 20,225
        self.assertEqual(
            [self._amount(cell) for cell in total[1:]],
            [0, 23225, 23225, 3000, 20225, 3000, 20225],
        )
        (tax_total,) = self._rows(tree, "o_nordic_tax_total")
        # accounting 20,225, tax 23,225, temporary difference 3,000
        self.assertEqual(tax_total[1:], ["20,225.00", "23,225.00", "3,000.00"])
        self.assertFalse(tree.xpath("//table[contains(@class, 'o_nordic_rule_97')]"))


@tagged("post_install", "-at_install")
class TestNordicClosingWorkbook(NordicReportCase):
    """The XLSX attached at posting, for the Swedish closing of ``NordicReportCase``."""

    def _workbook(self, closing):
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "nordic.stock.closing"), ("res_id", "=", closing.id)]
        )
        self.assertEqual(len(attachment), 1)
        return openpyxl.load_workbook(io.BytesIO(attachment.raw), data_only=True)

    @staticmethod
    def _values(sheet):
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def test_sweden_tax_sheet_main_rule_against_97(self):
        closing = self._post_swedish_closing()
        rows = self._values(self._workbook(closing)["Tax"])
        facts = {row[0]: row[1] for row in rows if row and row[0] and len(row) > 1}
        self.assertEqual(facts["Acquisition value"], 26155)
        self.assertEqual(facts["Main rule: lowest value item by item (IL 17:3)"], 23155)
        # 26,155 * 0.97 = 25,370.35
        self.assertAlmostEqual(
            facts["Alternative rule: 97 % of total acquisition value (IL 17:4)"],
            25370.35,
            places=2,
        )
        self.assertEqual(facts["Chosen (the lower)"], "Main rule")
        self.assertEqual(facts["3 % booked"], 0)

    def test_sweden_equation_sheet_equals_the_class_figures(self):
        closing = self._post_swedish_closing()
        rows = self._values(self._workbook(closing)["Stock equation"])
        fields = (
            "opening_value",
            "purchases",
            "closing_acquisition_value",
            "write_down",
            "closing_value",
            "cost_of_goods_sold",
            "change",
        )
        body = [row for row in rows[1:] if row[0]]
        by_class = {row[0]: row[1:8] for row in body}
        for cls in closing.class_ids:
            label = dict(cls._fields["inventory_class"].selection)[cls.inventory_class]
            self.assertEqual(
                [round(v, 2) for v in by_class[label]],
                [round(cls[f], 2) for f in fields],
            )
        total = by_class["Total"]
        self.assertEqual(
            [round(v, 2) for v in total],
            [round(sum(closing.class_ids.mapped(f)), 2) for f in fields],
        )
        # by hand: 20,000 opening; 26,155 purchases and AV; 3,000 write-down;
        # 23,155 value; COGS 20,000 + 26,155 - 23,155 = 23,000; change 3,155
        self.assertEqual(total, [20000, 26155, 26155, 3000, 23155, 23000, 3155])

    def test_sweden_summary_entry_equals_the_posted_move(self):
        closing = self._post_swedish_closing()
        book = self._workbook(closing)
        rows = self._values(book["Summary"])
        self.assertIn(
            ["Journal entry", closing.move_id.name],
            [[c for c in row if c is not None] for row in rows],
        )
        start = next(
            i
            for i, row in enumerate(rows)
            if row[:4] == ["Account", "Text", "Debit", "Credit"]
        )
        entry = []
        for row in rows[start + 1 :]:
            if row[0] == "Total":
                self.assertEqual(row[2:4], [9155, 9155])  # 155 + 6,000 + 3,000
                break
            entry.append((row[0], Decimal(str(row[2])), Decimal(str(row[3]))))
        self.assertEqual(entry, self._entry_of_move(closing))
        self.assertEqual(
            entry,
            [
                ("1410", 155, 0),
                ("4910", 0, 155),
                ("1460", 6000, 0),
                ("4960", 0, 6000),
                ("1469", 0, 3000),
                ("4960", 3000, 0),
            ],
        )
        # the items sheet: reference, name, class, quantity, unit, cost per unit,
        # acquisition value, NRV per unit, write-down, reason, value
        items = self._values(book["Items"])
        y_row = next(row for row in items if row[0] == "Y")
        self.assertEqual(
            y_row,
            [
                "Y",
                "Product Y",
                "Goods for resale",
                100,
                "Units",
                120,
                12000,
                90,
                3000,  # 12,000 - 100 * 90
                "Net realisable value",
                9000,
            ],
        )
