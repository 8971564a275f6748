"""Issue 20: products valued by lot/serial number (Odoo's *Valuation by Lot/Serial
number*) are valued per lot: the units of each lot on hand at the date at that lot's
own cost (specific identification, IAS 2.23), equal to Odoo's own valuation of those
lots. Stock built through Odoo's flows: receipts naming their lots and serials,
deliveries of a chosen lot, a return to the vendor of a lot, a landed cost on a
lot's receipt, a count of a lot. Figures by hand in the docstrings."""

import io

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import UserError

from .closing_common import NordicStockClosingCase
from .test_real_flows import RealFlowsMixin


class TestLots(RealFlowsMixin, NordicStockClosingCase):
    required_modules = ("purchase_stock", "sale_stock", "stock_landed_costs")

    # -- flows with lots ----------------------------------------------------
    def _lot_product(self, code, cost_method="fifo", tracking="lot", list_price=0.0):
        company = self.company_no
        category = self._category(company, "goods_for_resale", cost_method)
        product = self._flow_product(company, category, code, list_price)
        product.write({"tracking": tracking, "lot_valuated": True})
        return product

    def _receive(self, product, quantity, price, lot, when):
        """A purchase order of ``quantity`` @ ``price`` received as lot ``lot``."""
        return self._order(
            "purchase.order",
            product.company_id,
            {
                "partner_id": self.vendor.id,
                "picking_type_id": self._warehouse(product.company_id).in_type_id.id,
            },
            {
                "product_id": product.id,
                "product_qty": quantity,
                "price_unit": price,
                "taxes_id": [Command.clear()],
            },
            when,
            validate=lambda picking: self._pick_lot(
                picking, product, quantity, lot_name=lot
            ),
        )

    def _lot(self, product, name):
        return self.env["stock.lot"].search(
            [("product_id", "=", product.id), ("name", "=", name)]
        )

    def _pick_lot(self, picking, product, quantity, lot=None, lot_name=None):
        """Take ``quantity`` of the existing ``lot`` (not the one Odoo reserved) or
        receive it as the new lot ``lot_name`` in ``picking``, and validate it."""
        picking.action_assign()
        move = picking.move_ids.filtered(lambda m: m.product_id == product)
        move.move_line_ids.unlink()
        lot_vals = (
            {"lot_id": self._lot(product, lot).id} if lot else {"lot_name": lot_name}
        )
        move.write(
            {
                "move_line_ids": [
                    Command.create(
                        {
                            **lot_vals,
                            "product_id": product.id,
                            "quantity": quantity,
                            "location_id": picking.location_id.id,
                            "location_dest_id": picking.location_dest_id.id,
                            "picking_id": picking.id,
                        }
                    )
                ],
                "picked": True,
            }
        )
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    def _deliver(self, product, quantity, lot, when):
        return self._order(
            "sale.order",
            product.company_id,
            {
                "partner_id": self.customer.id,
                "warehouse_id": self._warehouse(product.company_id).id,
            },
            {
                "product_id": product.id,
                "product_uom_qty": quantity,
                "price_unit": 500.0,
                "tax_id": [Command.clear()],
            },
            when,
            validate=lambda picking: self._pick_lot(picking, product, quantity, lot),
        )

    def _return_lot(self, order, product, lot, quantity, when):
        with freeze_time(when):
            wizard = (
                self.env["stock.return.picking"]
                .with_company(order.company_id)
                .with_context(
                    active_id=order.picking_ids.id, active_model="stock.picking"
                )
                .create({})
            )
            wizard.product_return_moves.quantity = quantity
            action = wizard.action_create_returns()
            returned = self.env["stock.picking"].browse(action["res_id"])
            self._pick_lot(returned, product, quantity, lot)

    def _closing_lots(self, closing):
        return [
            (lot.lot_name, lot.quantity, round(lot.acquisition_value, 2))
            for lot in closing.lot_ids
        ]

    def _odoo_lot_values(self, product):
        """Odoo's own valuation of each lot (its layers), as the closing must find
        it at a date after every movement."""
        values = {}
        for layer in self.env["stock.valuation.layer"].search(
            [("product_id", "=", product.id)]
        ):
            name = layer.lot_id.name
            quantity, value = values.get(name, (0, 0))
            values[name] = (quantity + layer.quantity, round(value + layer.value, 2))
        return sorted(
            (name, quantity, value)
            for name, (quantity, value) in values.items()
            if quantity
        )

    # -- tests --------------------------------------------------------------
    def test_fifo_lots_the_customer_takes_the_newer_lot(self):
        """FIFO: L1 10 @ 100 (February), L2 10 @ 150 (March); the customer takes
        L2 (June). On hand: L1 10 @ 100 = 1,000 (FIFO over the product would say
        10 @ 150 = 1,500). Periodic: debit 1460 / credit 4390 1,000."""
        product = self._lot_product("LOT")
        self._receive(product, 10, 100, "L1", "2025-02-03 10:00:00")
        self._receive(product, 10, 150, "L2", "2025-03-03 10:00:00")
        self._deliver(product, 10, "L2", "2025-06-02 10:00:00")
        closing = self.env["nordic.stock.closing"].prepare(
            self.company_no, "2025-12-31"
        )
        line = closing.line_ids
        self.assertEqual((line.quantity, line.acquisition_value), (10, 1000))
        self.assertAlmostEqual(line.odoo_value, 1000)
        self.assertFalse(line.valuation_note)
        self.assertEqual(self._closing_lots(closing), [("L1", 10, 1000)])
        self.assertEqual(self._odoo_lot_values(product), [("L1", 10, 1000)])
        # purchases 1,000 + 1,500, cost of goods sold 1,500
        cls = self._class(closing, "goods_for_resale")
        self.assertEqual((cls.purchases, cls.cost_of_goods_sold), (2500, 1500))
        closing.action_post()
        self.assertEqual(
            self._net(self.company_no, closing.move_id), {"1460": 1000, "4390": -1000}
        )

    def test_landed_cost_on_a_lots_receipt_and_count_of_a_lot(self):
        """L1 10 @ 100 with a landed cost of 200 on its receipt: 10 @ 120; L2
        10 @ 150. A count finds 12 of L1: the gain of 2 comes in at the cost Odoo
        records for the lot (its unit cost, 100: the landed cost is added to the
        receipt's layer, not to the lot's cost), so L1 = 10 x 120 + 2 x 100 =
        1,400, L2 10 @ 150 = 1,500; item 22 units, 2,900 - Odoo's own valuation
        of the two lots."""
        product = self._lot_product("LC")
        first = self._receive(product, 10, 100, "L1", "2025-02-03 10:00:00")
        self._receive(product, 10, 150, "L2", "2025-03-03 10:00:00")
        self._landed_cost(first.picking_ids, 200, "2025-03-10 10:00:00")
        location = self._warehouse(self.company_no).lot_stock_id
        with freeze_time("2025-09-01 10:00:00"):
            quant = (
                self.env["stock.quant"]
                .with_context(inventory_mode=True)
                .search(
                    [
                        ("product_id", "=", product.id),
                        ("location_id", "=", location.id),
                        ("lot_id", "=", self._lot(product, "L1").id),
                    ]
                )
            )
            quant.inventory_quantity = 12
            quant.action_apply_inventory()
        closing = self.env["nordic.stock.closing"].prepare(
            self.company_no, "2025-12-31"
        )
        self.assertEqual(
            self._closing_lots(closing), [("L1", 12, 1400), ("L2", 10, 1500)]
        )
        self.assertEqual(self._odoo_lot_values(product), self._closing_lots(closing))
        line = closing.line_ids
        self.assertEqual((line.quantity, line.acquisition_value), (22, 2900))

    def test_vendor_return_of_a_lot(self):
        """L1 10 @ 100, L2 10 @ 150; 3 of L2 go back to the vendor: L1 10 @ 100,
        L2 7 @ 150; 2,050; purchases 1,000 + 1,500 - 450 = 2,050."""
        product = self._lot_product("VR")
        self._receive(product, 10, 100, "L1", "2025-02-03 10:00:00")
        second = self._receive(product, 10, 150, "L2", "2025-03-03 10:00:00")
        self._return_lot(second, product, "L2", 3, "2025-04-01 10:00:00")
        closing = self.env["nordic.stock.closing"].prepare(
            self.company_no, "2025-12-31"
        )
        self.assertEqual(
            self._closing_lots(closing), [("L1", 10, 1000), ("L2", 7, 1050)]
        )
        self.assertEqual(self._odoo_lot_values(product), self._closing_lots(closing))
        self.assertEqual(self._class(closing, "goods_for_resale").purchases, 2050)

    def test_serials_average_and_fifo_with_nrv_per_unit(self):
        """Serials S1 8,000, S2 8,200, S3 9,000 in an average category, S2 sold:
        S1 + S3 = 17,000; the same in a FIFO category. An NRV of 8,100 per unit
        applies to every serial: 2 x 8,100 = 16,200, write-down 800."""
        for method in ("average", "fifo"):
            with self.subTest(method=method):
                product = self._lot_product(f"SN-{method}", method, tracking="serial")
                for serial, price, day in (
                    ("S1", 8000, "2025-02-03"),
                    ("S2", 8200, "2025-02-10"),
                    ("S3", 9000, "2025-03-03"),
                ):
                    self._receive(product, 1, price, serial, f"{day} 10:00:00")
                self._deliver(product, 1, "S2", "2025-06-02 10:00:00")
                closing = self.env["nordic.stock.closing"].prepare(
                    self.company_no, "2025-12-31"
                )
                line = closing.line_ids.filtered(lambda x, p=product: x.product_id == p)
                self.assertEqual(
                    [
                        (lot.lot_name, lot.quantity, lot.acquisition_value)
                        for lot in line.lot_ids
                    ],
                    [("S1", 1, 8000), ("S3", 1, 9000)],
                )
                self.assertEqual(line.acquisition_value, 17000)
                line.net_realisable_value = 8100
                self.assertEqual((line.write_down, line.value), (800, 16200))
                closing.action_reset_to_draft()
                closing.unlink()

    def test_movements_with_and_without_lot_refused_naming_the_product(self):
        """Layers of one product valued by lot that name a lot on some movements
        and none on others (here: received before valuation by lot was switched
        on) cannot be valued lot by lot: the closing refuses, naming the product,
        instead of spreading the units without a lot over the lots."""
        product = self._lot_product("MIX")
        product.lot_valuated = False
        self._receive(product, 10, 100, "L1", "2025-02-03 10:00:00")
        product.lot_valuated = True
        self._deliver(product, 4, "L1", "2025-06-02 10:00:00")
        with self.assertRaises(UserError) as caught:
            self.env["nordic.stock.closing"].prepare(self.company_no, "2025-12-31")
        self.assertIn("product MIX", str(caught.exception))
        self.assertIn("names none", str(caught.exception))

    def test_tracked_product_not_valued_by_lot_stays_fifo_over_the_product(self):
        """Tracked by lot, but not valued by lot: FIFO over the product, as Odoo
        values it: L1 10 @ 100, L2 10 @ 150, L2 delivered -> 10 @ 150 = 1,500, and
        no lots listed."""
        product = self._lot_product("TR")
        product.lot_valuated = False
        self._receive(product, 10, 100, "L1", "2025-02-03 10:00:00")
        self._receive(product, 10, 150, "L2", "2025-03-03 10:00:00")
        self._deliver(product, 10, "L2", "2025-06-02 10:00:00")
        closing = self.env["nordic.stock.closing"].prepare(
            self.company_no, "2025-12-31"
        )
        self.assertEqual(closing.line_ids.acquisition_value, 1500)
        self.assertFalse(closing.lot_ids)

    def test_workbook_and_count_list_list_the_lots(self):
        product = self._lot_product("WB")
        self._receive(product, 10, 100, "L1", "2025-02-03 10:00:00")
        self._receive(product, 10, 150, "L2", "2025-03-03 10:00:00")
        self._deliver(product, 4, "L2", "2025-06-02 10:00:00")
        closing = self.env["nordic.stock.closing"].prepare(
            self.company_no, "2025-12-31"
        )
        content, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "l10n_nordic_stock_closing.action_report_nordic_count_list", closing.ids
        )
        text = content.decode()
        self.assertIn("Lot/serial number <span>L1</span>", text)
        self.assertIn("Lot/serial number <span>L2</span>", text)
        # the workbook's lots sheet: L1 10 @ 100, L2 6 @ 150; total 1,900
        attachment = closing._nordic_attach_workbook()
        book = load_workbook(io.BytesIO(attachment.raw), data_only=False)
        sheets = [sheet.title for sheet in book.worksheets]
        lots = next(book[name] for name in sheets if name.lower().startswith("lot"))
        rows = [
            [cell.value for cell in row]
            for row in lots.iter_rows()
            if any(isinstance(c.value, str) and c.value in ("L1", "L2") for c in row)
        ]
        self.assertEqual(len(rows), 2)
        self.assertEqual(
            sorted((r[2], r[3], r[5]) for r in rows), [("L1", 10, 1000), ("L2", 6, 900)]
        )
        self.assertEqual(closing.line_ids.acquisition_value, 1900)
        # the XLSX count list: a row per lot to count, L1 10 and L2 10 - 4 = 6
        attachment = closing._nordic_attach_count_list_xlsx()
        sheet = load_workbook(io.BytesIO(attachment.raw)).active
        self.assertEqual(
            [row[3:] for row in sheet.iter_rows(min_row=2, values_only=True)],
            [(10, None, "L1"), (6, None, "L2")],
        )
