"""Issue 23: amounts of companies in different currencies are never added up in
the analysis (pivot, graph, grouped lists), and no figure shows blank, not 0
(net realisable value, replacement cost, Denmark's tax principle). Figures by
hand from DOMAIN.md / DOMAIN-DK-FI.md."""

import io
from types import SimpleNamespace

import openpyxl
from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .closing_common import NordicStockClosingCase

LINE = "nordic.stock.closing.line"
CLASS = "nordic.stock.closing.class"
CLOSING = "nordic.stock.closing"
MODULE = "l10n_nordic_stock_closing"


@tagged("post_install", "-at_install")
class TestCurrencyAnalysis(NordicStockClosingCase):
    """Norway (NOK): A 10 @ 100 = 1,000 and B 4 @ 25 = 100, cost 1,100; Sweden
    (SEK): C 5 @ 30 = 150. Goods for resale without a sales price: no
    write-down, closing value = cost."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.closings = cls.env[CLOSING]
        for company, stock in (
            (cls.company_no, (("A", 10, 100), ("B", 4, 25))),
            (cls.company_se, (("C", 5, 30),)),
        ):
            category = cls._category(cls, company, "goods_for_resale")
            for code, quantity, unit_cost in stock:
                product = cls._product(cls, company, category, code)
                cls._move(cls, product, quantity, unit_cost, "2025-03-01 10:00:00")
            closing = cls._closing(cls, company)
            closing.action_compute()
            cls.closings |= closing
        cls.nok = cls.company_no.currency_id
        cls.sek = cls.company_se.currency_id

    def _domain(self, model):
        field = "id" if model == CLOSING else "closing_id"
        return [(field, "in", self.closings.ids)]

    def _groups(self, model, measures, groupby, lazy=False):
        return self.env[model].read_group(
            self._domain(model), measures, groupby, lazy=lazy
        )

    def _arch_groupbys(self, model, view_type):
        arch = self.env[model].get_views([(False, view_type)])["views"][view_type]
        node = etree.fromstring(arch["arch"])
        return [
            f.get("name")
            for f in node.iter("field")
            if view_type == "graph" or f.get("type") == "row"
        ][: 3 if view_type == "pivot" else 3]

    def test_companies_in_two_currencies(self):
        self.assertEqual((self.nok.name, self.sek.name), ("NOK", "SEK"))

    def test_pivot_rows_by_currency_and_company_each_one_currency(self):
        """The items pivot as it opens (rows currency, company, class): every
        group holds one currency, and sums it: NOK 1,100, SEK 150."""
        rows = self._arch_groupbys(LINE, "pivot")
        self.assertEqual(rows[:2], ["currency_id", "company_id"])
        measures = ["acquisition_value:sum", "value:sum", "write_down:sum"]
        for depth in range(1, len(rows) + 1):
            for group in self._groups(LINE, measures, rows[:depth]):
                lines = self.env[LINE].search(group["__domain"])
                self.assertEqual(len(lines.currency_id), 1, group)
                self.assertAlmostEqual(
                    group["acquisition_value"], sum(lines.mapped("acquisition_value"))
                )
        by_currency = {
            g["currency_id"][0]: (g["acquisition_value"], g["value"], g["__count"])
            for g in self._groups(LINE, measures, ["currency_id"])
        }
        self.assertEqual(
            by_currency, {self.nok.id: (1100, 1100, 2), self.sek.id: (150, 150, 1)}
        )

    def test_mixed_currency_group_left_empty(self):
        """The pivot's total row and a group by class span NOK and SEK: no amount
        (not 1,250), the count still 3."""
        measures = ["acquisition_value:sum", "value:sum", "__count"]
        for groupby in ([], ["inventory_class"]):
            (group,) = self._groups(LINE, measures, groupby)
            self.assertIs(group["acquisition_value"], False, groupby)
            self.assertIs(group["value"], False, groupby)
            self.assertEqual(group["__count"], 3)
        # lazy, as a grouped list asks: the same
        (group,) = self._groups(LINE, ["acquisition_value"], ["inventory_class"], True)
        self.assertIs(group["acquisition_value"], False)
        self.assertEqual(group["inventory_class_count"], 3)

    def test_class_analysis_per_currency(self):
        """Closing value per class: by year alone both companies mix (empty); by
        currency NOK 1,100 and SEK 150; the pivot and graph group by currency."""
        self.assertEqual(
            self._arch_groupbys(CLASS, "pivot")[:2], ["currency_id", "company_id"]
        )
        self.assertIn("currency_id", self._arch_groupbys(CLASS, "graph"))
        (year,) = self._groups(CLASS, ["closing_value:sum"], ["date:year"])
        self.assertIs(year["closing_value"], False)
        self.assertEqual(
            {
                g["currency_id"][0]: g["closing_value"]
                for g in self._groups(CLASS, ["closing_value:sum"], ["currency_id"])
            },
            {self.nok.id: 1100, self.sek.id: 150},
        )
        self.assertEqual(self._arch_groupbys(LINE, "graph")[0], "currency_id")

    def test_closings_list_grouped(self):
        """The closings list grouped by status (both computed): no total across
        NOK and SEK; grouped by company each closing's own value."""
        (computed,) = self._groups(CLOSING, ["closing_value"], ["state"], True)
        self.assertIs(computed["closing_value"], False)
        self.assertEqual(
            {
                g["company_id"][0]: g["closing_value"]
                for g in self._groups(CLOSING, ["closing_value"], ["company_id"], True)
            },
            {self.company_no.id: 1100, self.company_se.id: 150},
        )

    def test_overview_says_the_currency(self):
        rows = self.env["nordic.closing.overview"].search(
            [("company_id", "in", (self.company_no | self.company_se).ids)]
        )
        self.assertEqual(
            {row.company_id.name: row.currency_id.name for row in rows},
            {"Nordvare AS": "NOK", "Svenska Lager AB": "SEK"},
        )


@tagged("post_install", "-at_install")
class TestBlankFigures(NordicStockClosingCase):
    """Finland FAS (DOMAIN-DK-FI.md: lowest of cost, replacement cost and selling
    price, KPL 5:6 §), selling costs 0 %: P 100 @ 30, sales price 50, vendor
    price 28: written down 200 to 2,800. Q 50 @ 40, no sales price, no vendor
    price: no NRV, no replacement cost, value 2,000. R 10 @ 5 with an NRV of 0
    entered (worthless): written down 50 to 0."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_fi = cls._nordic_create_company("Suomen Varasto Oy", "FI", "fi")

    def _fi_closing(self):
        company = self.company_fi
        company.nordic_selling_cost_percent = 0
        category = self._category(company, "goods_for_resale")
        stock = {}
        for code, quantity, unit_cost, price in (
            ("P", 100, 30, 50),
            ("Q", 50, 40, 0),
            ("R", 10, 5, 0),
        ):
            stock[code] = self._product(company, category, code, price)
            self._move(stock[code], quantity, unit_cost, "2025-03-01 10:00:00")
        self.env["product.supplierinfo"].create(
            {
                "partner_id": self.env["res.partner"].create({"name": "Toimittaja"}).id,
                "product_tmpl_id": stock["P"].product_tmpl_id.id,
                "price": 28,
                "currency_id": company.currency_id.id,
                "company_id": company.id,
            }
        )
        closing = self._closing(company)
        closing.action_compute()
        self._lines(closing)["R"].net_realisable_value = 0
        return closing

    def test_none_and_zero_told_apart(self):
        """Q has neither figure (source none), R an NRV of 0 entered: the source
        tells them apart, which the views' blanks read."""
        closing = self._fi_closing()
        lines = self._lines(closing)
        self.assertEqual(
            [(c, lines[c].nrv_source, lines[c].replacement_source) for c in "PQR"],
            [
                ("P", "sales_price", "vendor_price"),
                ("Q", "none", "none"),
                ("R", "manual", "none"),
            ],
        )
        self.assertEqual(
            [(c, lines[c].write_down, lines[c].value) for c in "PQR"],
            [("P", 200, 2800), ("Q", 0, 2000), ("R", 50, 0)],
        )

    def test_workbook_blank_where_none(self):
        """The posted workbook's items: P NRV 50 and replacement cost 28; Q both
        blank; R NRV 0 (a figure), replacement cost blank."""
        closing = self._fi_closing()
        closing.action_post()
        raw = closing.workbook_attachment_id.raw
        sheet = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)["Items"]
        rows = list(sheet.iter_rows(values_only=True))
        header = rows[0]
        nrv = header.index("Net realisable value per unit")
        replacement = header.index("Replacement cost per unit")
        figures = {
            row[0]: (row[nrv], row[replacement]) for row in rows[1:] if row[0] in "PQR"
        }
        self.assertEqual(figures, {"P": (50, 28), "Q": (None, None), "R": (0, None)})

    def _view_fields(self, model, view_type, view_ref=None):
        views = self.env[model].get_views([(view_ref, view_type)])
        return etree.fromstring(views["views"][view_type]["arch"])

    def test_views_leave_none_blank(self):
        """The closing's items list (opened from its form) and the analysis list
        show NRV and replacement cost with the widget that leaves them blank where
        the source is none (hidden once the closing is no longer computed); the tax
        principle column only in Denmark."""
        form = self._view_fields(CLOSING, "form")
        items_view = self.env.ref(f"{MODULE}.nordic_stock_closing_item_view_list")
        items = self._view_fields(LINE, "list", items_view.id)
        analysis = self._view_fields(LINE, "list")
        for arch in (items, analysis):
            for fname, source in (
                ("net_realisable_value", "nrv_source"),
                ("replacement_cost", "replacement_source"),
            ):
                (node,) = arch.xpath(f"//field[@name='{fname}']")
                self.assertEqual(node.get("widget"), "nordic_entered_monetary")
                self.assertIn(source, node.get("options"))
                self.assertIn(f"{source} == 'none'", node.get("invisible"))
        (principle,) = form.xpath("//field[@name='tax_principle']")
        hidden = principle.get("column_invisible")
        flags = self.env["nordic.framework.mixin"]._nordic_framework_flags

        def parent(framework):
            return SimpleNamespace(
                framework=framework,
                nordic_has_tax_groups=flags(framework)["nordic_has_tax_groups"],
            )

        for framework in ("FI_FAS", "FI_PMA", "FI_IFRS", "NO_NGAAP", "SE_K2"):
            self.assertTrue(safe_eval(hidden, {"parent": parent(framework)}), framework)
        for framework in ("DK_B", "DK_C", "DK_IFRS"):
            self.assertFalse(
                safe_eval(hidden, {"parent": parent(framework)}), framework
            )
