from decimal import Decimal
from types import SimpleNamespace
from unittest.mock import patch

from odoo.tests import tagged
from odoo.tools import SQL

from ..models.nordic_closing_rows import ClosingRow
from .closing_common import NordicStockClosingCase


@tagged("post_install", "-at_install")
class TestLineStorage(NordicStockClosingCase):
    """The lines are written with COPY and read back through a cursor as exact
    decimals: what the ORM reads afterwards is what the engine had, rounded to the
    cent as PostgreSQL's ROUND does (half away from zero)."""

    def _row(self, product, category, **values):
        figures = {
            "quantity": Decimal("3"),
            "acquisition_value": Decimal("10.005"),
            "opening_quantity": Decimal("0"),
            "opening_value": Decimal("0"),
            "purchases": Decimal("-2.345"),
            "odoo_value": Decimal("10.004"),
            "write_down": Decimal("0.004"),
            "tax_value": Decimal("10.005"),
        }
        figures.update(values)
        return ClosingRow(
            product_id=product.id,
            categ_id=category.id,
            inventory_class="goods_for_resale",
            nrv_source="none",
            replacement_source="none",
            **figures,
        )

    def test_copy_rounds_and_keeps_texts(self):
        """10.005 → 10.01 and -2.345 → -2.35 (half away from zero), 10.004 →
        10.00, write-down 0.004 → 0.00, value 10.01 - 0.00 = 10.01; a note with a
        tab, a backslash and a line break comes back as written."""
        company = self.company_no
        category = self._category(company, "goods_for_resale")
        product = self._product(company, category, "COPY1")
        closing = self._closing(company)
        note = "first\tsecond \\ third\nfourth\r"
        closing._nordic_insert_lines(
            [self._row(product, category, valuation_note=note)]
        )
        line = closing.line_ids
        self.assertEqual(len(line), 1)
        self.assertEqual(line.product_id, product)
        self.assertEqual(line.categ_id, category)
        self.assertEqual(line.quantity, 3)
        self.assertEqual(line.acquisition_value, 10.01)
        self.assertEqual(line.purchases, -2.35)
        self.assertEqual(line.odoo_value, 10.0)
        self.assertEqual(line.write_down, 0.0)
        self.assertEqual(line.value, 10.01)
        self.assertEqual(line.tax_value, 10.01)
        self.assertEqual(line.valuation_note, note)
        self.assertFalse(line.write_down_reason)
        self.assertEqual(line.nrv_source, "none")

    def test_read_back_as_exact_decimals(self):
        """Read back, the amounts are Decimals of the stored text: an acquisition
        value of 12,345,678,901,234.565 (more digits than a float holds) is stored
        as ...234.57 and comes back to the cent; -2.345 as -2.35."""
        company = self.company_no
        category = self._category(company, "goods_for_resale")
        product = self._product(company, category, "COPY2")
        closing = self._closing(company)
        closing._nordic_insert_lines(
            [
                self._row(
                    product,
                    category,
                    acquisition_value=Decimal("12345678901234.565"),
                    tax_value=Decimal("12345678901234.565"),
                )
            ]
        )
        (row,) = closing._nordic_read_lines()
        self.assertEqual(row.id, closing.line_ids.id)
        self.assertEqual(row.acquisition_value, Decimal("12345678901234.57"))
        self.assertIsInstance(row.acquisition_value, Decimal)
        self.assertEqual(row.purchases, Decimal("-2.35"))
        self.assertEqual(row.write_down, Decimal("0"))
        self.assertEqual(row.quantity, Decimal("3"))
        self.assertEqual(row.default_code, "COPY2")
        self.assertEqual(row.inventory_class, "goods_for_resale")

    def test_many_lines_in_chunks(self):
        """More lines than one COPY chunk (10,000) are all stored, each once, in
        the order given."""
        company = self.company_no
        category = self._category(company, "goods_for_resale")
        product = self._product(company, category, "COPY3")
        closing = self._closing(company)
        count = 10_001
        closing._nordic_insert_lines(
            [
                self._row(product, category, quantity=Decimal(n))
                for n in range(1, count + 1)
            ]
        )
        self.env.cr.execute(
            "SELECT COUNT(*), SUM(quantity), MIN(id) < MAX(id), "
            "bool_and(quantity = 1) FILTER (WHERE id = (SELECT MIN(id) "
            "FROM nordic_stock_closing_line WHERE closing_id = %s)) "
            "FROM nordic_stock_closing_line WHERE closing_id = %s",
            (closing.id, closing.id),
        )
        lines, quantity, ordered, first_is_one = self.env.cr.fetchone()
        self.assertEqual(lines, count)
        self.assertEqual(quantity, count * (count + 1) / 2)  # 50,015,001
        self.assertTrue(ordered)
        self.assertTrue(first_is_one)


@tagged("post_install", "-at_install")
class TestDeclaredColumns(NordicStockClosingCase):
    """Every column the line declares (``nordic_column``; an installed addon's
    too) comes back from the database as the computation had it in memory: a
    column left out of the insert would come back NULL."""

    def test_every_declared_column_is_stored_and_read_back(self):
        """10 units received at 10.00 (acquisition value 100.00), sold at 5.00:
        written down to the sales price less selling costs (reason nrv)."""
        company = self.company_no
        category = self._category(company, "goods_for_resale")
        product = self._product(company, category, "DECL1", list_price=5.0)
        self._move(product, 10, 10.0)
        closing = self._closing(company)
        result = closing._nordic_compute()
        (computed,) = result.lines
        self.assertEqual(computed.acquisition_value, Decimal("100"))
        self.assertEqual(computed.write_down_reason, "nrv")
        Line = self.env["nordic.stock.closing.line"]
        (read,) = closing._nordic_read_lines()
        self.assertEqual(read.id, closing.line_ids.id)
        for name, kind in Line._nordic_columns(("snapshot", "engine")).items():
            with self.subTest(column=name):
                expected = computed.get(name)
                if kind == "money":
                    expected = round(expected, 2)
                self.assertEqual(read.get(name), expected)
        line = closing.line_ids
        self.assertEqual(line.product_id, product)
        self.assertEqual(line.odoo_value, 100.0)
        # filled by the computation: never NULL on this line
        for name in ("categ_id", "inventory_class", "quantity", "last_movement"):
            self.assertIsNotNone(read.get(name), name)

    def test_hooks_refuse_what_is_not_declared(self):
        """A snapshot column that is no declared line column, and a write-down
        reason the line does not offer, are refused rather than lost."""
        closing = self._closing(self.company_no)
        Closing = type(closing)
        with patch.object(
            Closing,
            "_prepare_snapshot_columns",
            lambda self: {"no_such_column": SQL("pp.barcode")},
        ):
            with self.assertRaisesRegex(ValueError, "no_such_column"):
                closing._nordic_snapshot_extra_columns()
        self.assertIn("nrv", closing._get_write_down_reasons())
        result = SimpleNamespace(items=[SimpleNamespace(reason="no_such_reason")])
        with self.assertRaisesRegex(ValueError, "no_such_reason"):
            closing._nordic_check_reasons(result)
