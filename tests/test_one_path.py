"""Issue 20, one path for every figure: what the closing reads is what the
transaction says, and the company's closing journal is checked where it is set."""

from odoo import models
from odoo.exceptions import ValidationError

from ..models.nordic_stock_closing_storage import ENGINE_COLUMNS
from .closing_common import NordicStockClosingCase


class TestOnePath(NordicStockClosingCase):
    def test_price_changed_just_before_prepare_is_read(self):
        """10 units received at 122, sold at 150 less 10 % selling costs: NRV 135,
        no write-down. A script sets the sales price to 105 in the same
        transaction and prepares at once: NRV 105 x 0.90 = 94.50, write-down
        10 x (122 - 94.50) = 275."""
        company = self.company_no
        company.nordic_selling_cost_percent = 10
        product = self._product(
            company, self._category(company, "goods_for_resale"), "P", 150
        )
        self._move(product, 10, 122, "2025-06-01 10:00:00")
        product.list_price = 105  # pending: not yet written to the database
        closing = self.env["nordic.stock.closing"].prepare(company, "2025-12-31")
        line = closing.line_ids
        self.assertAlmostEqual(line.net_realisable_value, 94.5)
        self.assertAlmostEqual(line.write_down, 275)
        self.assertAlmostEqual(closing.closing_value, 945)

    def test_company_closing_journal_must_be_a_general_journal_of_it(self):
        company = self.company_no
        Journal = self.env["account.journal"]
        bank = Journal.search(
            [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
        )
        other = Journal.search(
            [("company_id", "=", self.company_se.id), ("type", "=", "general")],
            limit=1,
        )
        general = Journal.search(
            [("company_id", "=", company.id), ("type", "=", "general")], limit=1
        )
        self.assertTrue(bank and other and general)
        for label, journal in (("bank", bank), ("other company", other)):
            with self.subTest(journal=label):
                with self.assertRaises(ValidationError) as caught:
                    self.env["res.config.settings"].with_company(company).create(
                        {"nordic_closing_journal_id": journal.id}
                    ).execute()
                self.assertIn(journal.display_name, str(caught.exception))
                self.assertIn(company.name, str(caught.exception))
        settings = (
            self.env["res.config.settings"]
            .with_company(company)
            .create({"nordic_closing_journal_id": general.id})
        )
        settings.execute()
        self.assertEqual(company.nordic_closing_journal_id, general)


class TestOneWriter(NordicStockClosingCase):
    """Every stored figure of a closing (items, classes, disclosures, entry
    preview, totals) is the engine's result stored by one writer, however a value
    reached it: after entering or clearing an NRV or a replacement cost, the
    closing stores what a fresh computation with the same inputs stores."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_dk = cls._nordic_create_company("Dansk Et Sted ApS", "DK", "dk")
        cls.company_fi = cls._nordic_create_company("Yksi Polku Oy", "FI", "fi")

    def _figures(self, closing):
        """Everything the closing stores of its computation."""
        self.env.invalidate_all()
        number = lambda value: round(value or 0.0, 2)  # noqa: E731
        return {
            "lines": sorted(
                (
                    line.product_id.default_code,
                    number(line.net_realisable_value),
                    line.nrv_source,
                    number(line.replacement_cost),
                    line.replacement_source,
                    number(line.write_down),
                    line.write_down_reason or False,
                    number(line.value),
                    number(line.tax_value),
                )
                for line in closing.line_ids
            ),
            "classes": sorted(
                (
                    cls.inventory_class,
                    number(cls.closing_acquisition_value),
                    number(cls.write_down),
                    number(cls.closing_value),
                    number(cls.tax_value),
                    number(cls.temporary_difference),
                    number(cls.change),
                )
                for cls in closing.class_ids
            ),
            "disclosures": sorted(
                (d.kind, d.name, number(d.book_value), number(d.compare_value))
                for d in closing.disclosure_ids
            ),
            "entry": sorted(
                (line.account_id.id, number(line.debit), number(line.credit), line.name)
                for line in closing.entry_line_ids
            ),
            "totals": tuple(
                number(closing[f])
                for f in ("acquisition_value", "write_down", "closing_value")
            ),
        }

    def _assert_as_computed(self, closing, label):
        entered = self._figures(closing)
        closing.action_compute()  # keeps the entered values, values them again
        self.assertEqual(entered, self._figures(closing), label)

    def test_finland_entered_nrv_lowers_the_tax_value_too(self):
        """Finland (EVL 28 §: the tax value is the book value): 60 units at 50,
        NRV 45 entered: write-down 300, value 2,700, tax value 2,700 on the line,
        its class and the entry."""
        company = self.company_fi
        category = self._category(company, "goods_for_resale")
        self._move(self._product(company, category, "F", 0), 60, 50)
        closing = self._closing(company)
        closing.action_compute()
        line = closing.line_ids
        line.net_realisable_value = 45
        self.assertEqual(
            (line.write_down, line.value, line.tax_value), (300, 2700, 2700)
        )
        self.assertEqual(self._class(closing, "goods_for_resale").tax_value, 2700)
        self._assert_as_computed(closing, "FI NRV")

    def test_denmark_entered_dagspris_is_the_groups_tax_value(self):
        """Denmark, group at dagspris: 80 units at cost 75, dagspris 70 entered:
        tax value 80 x 70 = 5,600 on the line and in the group's tax view."""
        company = self.company_dk
        category = self._category(company, "goods_for_resale")
        category.with_company(company).nordic_tax_principle = "dagspris"
        self._move(self._product(company, category, "D", 0), 80, 75)
        closing = self._closing(company)
        closing.action_compute()
        line = closing.line_ids
        line.replacement_cost = 70
        self.assertEqual(line.tax_value, 5600)
        group = closing.disclosure_ids.filtered(lambda d: d.kind == "tax_group")
        self.assertEqual(group.compare_value, 5600)
        self._assert_as_computed(closing, "DK dagspris")

    def test_every_kind_of_value_in_each_country(self):
        """NRV, replacement cost and clearing them, one after the other, in each
        country: after each, the stored figures are a fresh computation's."""
        for company in (
            self.company_no,
            self.company_se,
            self.company_dk,
            self.company_fi,
        ):
            category = self._category(company, "goods_for_resale")
            if company == self.company_dk:
                category.with_company(company).nordic_tax_principle = "dagspris"
            for code, quantity, cost in (("A", 10, 100), ("B", 20, 40)):
                product = self._product(company, category, f"{code}{company.id}", 120)
                self._move(product, quantity, cost)
            closing = self._closing(company)
            closing.action_compute()
            steps = [
                ("NRV", 0, "net_realisable_value", 90),
                ("NRV cleared", 0, "net_realisable_value", False),
                ("NRV again", 1, "net_realisable_value", 35),
            ]
            if company in (self.company_dk, self.company_fi):
                steps += [
                    ("replacement cost", 0, "replacement_cost", 80),
                    ("replacement cost cleared", 0, "replacement_cost", False),
                ]
            for label, index, fname, value in steps:
                with self.subTest(country=company.country_id.code, step=label):
                    # (computing again makes new lines: find the item each time)
                    closing.line_ids.sorted("product_id")[index][fname] = value
                    self._assert_as_computed(closing, label)


class TestEngineColumns(NordicStockClosingCase):
    def test_line_columns_are_the_stored_fields_of_the_line(self):
        """The columns the closing stores with COPY (the fields declared with
        ``nordic_column``, another installed addon's too) are exactly the line's
        stored fields the computation fills (no forgotten column stored as
        NULL), every one a column of the table; the engine's are its three
        figures."""
        Line = self.env["nordic.stock.closing.line"]
        stored = {
            name
            for name, field in Line._fields.items()
            if field.column_type and not field.compute and not field.related
        } - {"id", "closing_id", *models.MAGIC_COLUMNS}
        declared = Line._nordic_columns()
        self.assertEqual(set(declared), stored)
        self.assertEqual(set(Line._nordic_columns(("engine",))), set(ENGINE_COLUMNS))
        self.env.cr.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
            [Line._table],
        )
        table = {name for (name,) in self.env.cr.fetchall()}
        self.assertLessEqual(set(declared), table)
        # amounts to the cent; the amounts per unit a person enters as entered
        money = {name for name, kind in declared.items() if kind == "money"}
        self.assertLessEqual(
            {
                "acquisition_value",
                "opening_value",
                "purchases",
                "odoo_value",
                "write_down",
                "tax_value",
            },
            money,
        )
        self.assertFalse({"net_realisable_value", "replacement_cost"} & money)
