"""Issue 20: values entered in bulk. An accountant with 300 NRV estimates exports
the items, fills the NRV column and imports it back (Odoo's import), or imports the
command line's NRV file (CSV UTF-8 / Windows-1252, or XLSX) with *Import values*.
Only the NRV and the replacement cost are taken; any other column, an unknown
product or a bad amount is refused naming it, and nothing changes; the closing is
valued once per import; the chatter says how many values who entered.

300 products, 10 units each received at 100 (acquisition value 300 x 1,000 =
300,000; no sales price: no NRV proposed). NRV 90 on every item: write-down
300 x 10 x (100 - 90) = 30,000, closing value 270,000."""

import base64
import io
import xmlrpc.client
from unittest.mock import patch

import xlsxwriter
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, get_db_name, tagged

from .closing_common import NordicStockClosingCase
from .test_integrity import (
    CLOSING,
    DATE,
    FAULT_ACCESS_ERROR,
    FAULT_USER_ERROR,
    LINE,
    ClosingIntegrityCase,
)

COUNT = 300


class ImportCase(ClosingIntegrityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company_no
        category = NordicStockClosingCase._category(cls, company, "goods_for_resale")
        Product = cls.env["product.product"]
        cls.products = Product.create(
            [
                {
                    "name": f"Bulk {index:03d}",
                    "default_code": f"B{index:03d}",
                    "barcode": f"7000000{index:06d}",
                    "is_storable": True,
                    "list_price": 0.0,  # no sales price: no NRV proposed
                    "categ_id": category.id,
                    "company_id": company.id,
                }
                for index in range(COUNT)
            ]
        )
        Demo = cls.env["nordic.stock.closing.demo"]
        when = "2025-06-01 10:00:00"
        with freeze_time(when):
            for product in cls.products:
                Demo._nordic_dated_move(company, product, 10, 100, when)

    def _computed_bulk(self):
        closing = (
            self.env[CLOSING].with_user(self.preparer).prepare(self.company_no.id, DATE)
        )
        self.assertEqual(len(closing.line_ids), COUNT)
        self.assertAlmostEqual(closing.acquisition_value, 300000)
        self.assertAlmostEqual(closing.write_down, 0)
        return self.env[CLOSING].browse(closing.id)

    def _assert_all_at_90(self, closing, user):
        self.env.invalidate_all()
        self.assertAlmostEqual(closing.write_down, 30000)
        self.assertAlmostEqual(closing.closing_value, 270000)
        self.assertEqual(set(closing.line_ids.mapped("nrv_source")), {"manual"})
        self.assertEqual(set(closing.line_ids.mapped("write_down")), {100})
        notes = closing.message_ids.filtered(lambda m: "300 values entered" in m.body)
        self.assertEqual(len(notes), 1)
        self.assertIn(user.name, notes.body)

    def _assert_unchanged(self, closing):
        self.env.invalidate_all()
        self.assertAlmostEqual(closing.write_down, 0)
        self.assertEqual(set(closing.line_ids.mapped("nrv_source")), {"none"})

    def _counted_store(self):
        """Count the closing's valuations while importing."""
        Closing = type(self.env[CLOSING])
        return patch.object(
            Closing,
            "_nordic_store_result",
            autospec=True,
            side_effect=Closing._nordic_store_result,
        )


class TestImportValues(ImportCase):
    def test_export_import_round_trip_of_300_nrvs(self):
        closing = self._computed_bulk()
        # exported by an accountant with the right to export, imported by the
        # preparer
        exported = closing.line_ids.export_data(["id", "net_realisable_value"])["datas"]
        lines = closing.line_ids.with_user(self.preparer)
        self.assertEqual(len(exported), COUNT)
        rows = [[xmlid, "90"] for xmlid, _nrv in exported]
        with self._counted_store() as store:
            result = lines.load(["id", "net_realisable_value"], rows)
        self.assertEqual(result["messages"], [])
        self.assertEqual(store.call_count, 1, "valued once per import")
        self._assert_all_at_90(closing, self.preparer)

    def test_untouched_export_imported_again_enters_nothing(self):
        """The items have no NRV (no sales price): the export leaves the column
        blank, not 0, and importing it unchanged enters nothing. A 0 typed in the
        file is a real 0: that item is written down to nothing (10 x 100)."""
        closing = self._computed_bulk()
        fields = ["id", "net_realisable_value", "replacement_cost"]
        exported = closing.line_ids.export_data(fields)["datas"]
        self.assertEqual({(nrv, cost) for _id, nrv, cost in exported}, {("", "")})
        lines = closing.line_ids.with_user(self.preparer)
        result = lines.load(fields, exported)
        self.assertEqual(result["messages"], [])
        self._assert_unchanged(closing)
        rows = [[exported[0][0], "0", ""]] + [row for row in exported[1:]]
        result = lines.load(fields, rows)
        self.assertEqual(result["messages"], [])
        self.env.invalidate_all()
        self.assertAlmostEqual(closing.write_down, 1000)
        self.assertEqual(
            sorted(closing.line_ids.mapped("nrv_source")), ["manual"] + ["none"] * 299
        )

    def test_import_by_product_reference_from_the_closings_items(self):
        closing = self._computed_bulk()
        Line = self.env[LINE].with_user(self.preparer)
        rows = [[p.default_code, "90"] for p in self.products]
        result = Line.with_context(default_closing_id=closing.id).load(
            ["default_code", "net_realisable_value"], rows
        )
        self.assertEqual(result["messages"], [])
        self._assert_all_at_90(closing, self.preparer)

    def test_other_columns_and_bad_rows_refused_nothing_changed(self):
        closing = self._computed_bulk()
        Line = self.env[LINE].with_user(self.preparer)
        lines = closing.line_ids.with_user(self.preparer)
        ids = [str(line.id) for line in lines]
        cases = [
            (
                "quantity column",
                [".id", "quantity", "net_realisable_value"],
                [[i, "5", "90"] for i in ids],
                "Quantity",
            ),
            (
                "not an amount",
                [".id", "net_realisable_value"],
                [[i, "90"] for i in ids[:-1]] + [[ids[-1], "ninety"]],
                "Row 301",
            ),
            (
                "unknown item",
                [".id", "net_realisable_value"],
                [[i, "90"] for i in ids[:-1]] + [["999999999", "90"]],
                "Row 301",
            ),
            (
                "negative",
                [".id", "net_realisable_value"],
                [[ids[0], "-1"]] + [[i, "90"] for i in ids[1:]],
                "Row 2",
            ),
        ]
        for label, fields, rows, named in cases:
            with self.subTest(label):
                result = Line.load(fields, rows)
                self.assertFalse(result["ids"])
                self.assertEqual(len(result["messages"]), 1)
                self.assertIn(named, result["messages"][0]["message"])
                self._assert_unchanged(closing)

    def test_reader_cannot_import(self):
        closing = self._computed_bulk()
        rows = [[str(line.id), "90"] for line in closing.line_ids]
        result = (
            self.env[LINE]
            .with_user(self.reader)
            .load([".id", "net_realisable_value"], rows)
        )
        self.assertFalse(result["ids"])
        self._assert_unchanged(closing)

    # -- Import values: the command line's NRV file ------------------------
    def _wizard(self, closing, data, name, user=None):
        return (
            self.env["nordic.stock.closing.import"]
            .with_user(user or self.preparer)
            .create(
                {
                    "closing_id": closing.id,
                    "file": base64.b64encode(data),
                    "filename": name,
                }
            )
        )

    def _xlsx(self, rows):
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet()
        for index, row in enumerate(rows):
            sheet.write_row(index, 0, row)
        book.close()
        return buffer.getvalue()

    def test_import_values_csv_windows_1252_and_xlsx(self):
        header = ["product", "net_realisable_value"]
        files = {
            # Excel's "CSV" in a Nordic locale: semicolons, decimal commas
            "nrv.csv": (
                "product;net_realisable_value\n"
                + "".join(f"{p.default_code};90,00\n" for p in self.products)
            ).encode("cp1252"),
            # by barcode, in a workbook
            "nrv.xlsx": self._xlsx([header] + [[p.barcode, 90] for p in self.products]),
        }
        for name, data in files.items():
            with self.subTest(name):
                closing = self._computed_bulk()
                with self._counted_store() as store:
                    self._wizard(closing, data, name).action_import()
                self.assertEqual(store.call_count, 1)
                self._assert_all_at_90(closing, self.preparer)
                closing.action_reset_to_draft()
                closing.unlink()

    def test_import_values_refuses_unknown_products_naming_rows(self):
        closing = self._computed_bulk()
        data = b"product,net_realisable_value\nB000,90\nNOPE-1,90\nB001,90\nNOPE-2,80\n"
        with self._refused() as caught:
            self._wizard(closing, data, "nrv.csv").action_import()
        message = str(caught.exception)
        self.assertIn("row 3: NOPE-1", message)
        self.assertIn("row 5: NOPE-2", message)
        self._assert_unchanged(closing)
        with self._refused() as caught:
            self._wizard(closing, b"product,nrv\nB000,90\n", "nrv.csv").action_import()
        self.assertIn("net_realisable_value", str(caught.exception))
        with self._refused(AccessError):
            self._wizard(closing, b"x", "nrv.csv", user=self.reader)


@tagged("post_install", "-at_install", "nordic_closing_integrity")
class TestImportValuesHttp(ImportCase, HttpCase):
    def test_xmlrpc_load_as_preparer_and_reader(self):
        closing = self._computed_bulk()
        rows = [[str(line.id), "90"] for line in closing.line_ids]
        result = self._rpc(
            self.preparer, LINE, "load", [[".id", "net_realisable_value"], rows]
        )
        self.assertEqual(result["messages"], [])
        self._assert_all_at_90(closing, self.preparer)
        result = self._rpc(
            self.reader, LINE, "load", [[".id", "net_realisable_value"], rows]
        )
        self.assertFalse(result["ids"])
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self.xmlrpc_object.execute_kw(
                get_db_name(),
                self.reader.id,
                self.reader.login,
                "nordic.stock.closing.import",
                "create",
                [{"closing_id": closing.id, "file": "eA==", "filename": "x.csv"}],
            )
        self.assertIn(
            caught.exception.faultCode, (FAULT_USER_ERROR, FAULT_ACCESS_ERROR)
        )
