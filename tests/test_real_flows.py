"""The closing on stock built through Odoo's own flows (issue 10).

Every movement here comes from the flow a user would run: purchase orders with their
receipts and vendor bills, sale orders with their deliveries, returns both ways,
scraps, counts, landed costs, dropships and manufacturing orders; ``freeze_time``
dates them. The expected figures are worked out by hand in the docstrings and
comments, from DOMAIN.md and docs/valuation_rules.md.

Each class needs some of Odoo's apps (purchase_stock, sale_stock, stock_landed_costs,
stock_dropshipping, mrp); a class whose app is not installed is skipped, naming it
(tools/run_odoo_tests.sh installs them all).
"""

from datetime import timedelta
from unittest import SkipTest

from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import Form, tagged

from .closing_common import NordicStockClosingCase


class RealFlowsMixin:
    """Small helpers that run Odoo's flows inside one company."""

    #: Odoo apps the class needs (checked once the database is open)
    required_modules = ("purchase_stock", "sale_stock")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Module = cls.env["ir.module.module"]
        missing = [
            m for m in cls.required_modules if Module._get(m).state != "installed"
        ]
        if missing:
            raise SkipTest(
                f"{', '.join(missing)} not installed: {cls.__name__} needs "
                f"{', '.join(cls.required_modules)}"
            )
        cls.vendor = cls.env["res.partner"].create({"name": "Leverandør AS"})
        cls.customer = cls.env["res.partner"].create({"name": "Kunde AB"})

    # -- master data ------------------------------------------------------
    def _flow_product(self, company, category, code, list_price=0.0):
        """A storable product without taxes (its amounts are net of VAT)."""
        product = self._product(company, category, code, list_price)
        product.write(
            {"taxes_id": [Command.clear()], "supplier_taxes_id": [Command.clear()]}
        )
        return product

    def _journal(self, company, journal_type="general"):
        return self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", journal_type)], limit=1
        )

    # -- pickings -----------------------------------------------------------
    def _validate(self, picking):
        """Pick the whole demand and validate ``picking``."""
        picking.action_assign()
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done", picking.name)
        return picking

    def _order(self, model, company, vals, line, when, validate=None):
        """Create and confirm a ``model`` order of one ``line`` at ``when`` (UTC),
        then pick and validate its picking (``validate``: how, default the whole
        demand)."""
        with freeze_time(when):
            order = (
                self.env[model]
                .with_company(company)
                .create(
                    {
                        **vals,
                        "company_id": company.id,
                        "order_line": [Command.create(line)],
                    }
                )
            )
            if model == "purchase.order":
                order.button_confirm()
            else:
                order.action_confirm()
            (validate or self._validate)(order.picking_ids)
        return order

    def _purchase(self, company, product, quantity, price, when):
        """Confirm a PO of ``quantity`` @ ``price`` and receive all of it at ``when``
        (UTC); returns the order (its receipt: ``order.picking_ids``)."""
        return self._order(
            "purchase.order",
            company,
            {
                "partner_id": self.vendor.id,
                "picking_type_id": self._warehouse(company).in_type_id.id,
            },
            {
                "product_id": product.id,
                "product_qty": quantity,
                "price_unit": price,
                "taxes_id": [Command.clear()],
            },
            when,
        )

    def _bill(self, order, price, bill_date, when):
        """Post the vendor bill of what ``order`` received, at ``price`` per unit,
        dated ``bill_date``, entered at ``when``."""
        with freeze_time(when):
            order.action_create_invoice()
            bill = order.invoice_ids
            bill.invoice_date = fields.Date.to_date(bill_date)
            bill.date = fields.Date.to_date(bill_date)
            bill.invoice_line_ids.write({"price_unit": price, "tax_ids": False})
            bill.action_post()
        return bill

    def _sell(self, company, product, quantity, when, price=1000.0):
        """Confirm a sale order and deliver it at ``when``; returns the order."""
        return self._order(
            "sale.order",
            company,
            {
                "partner_id": self.customer.id,
                "warehouse_id": self._warehouse(company).id,
            },
            {
                "product_id": product.id,
                "product_uom_qty": quantity,
                "price_unit": price,
                "tax_id": [Command.clear()],
            },
            when,
        )

    def _return(self, picking, product, quantity, when):
        """Return ``quantity`` of ``product`` of a done picking (stock.return.picking)
        and validate the return at ``when``."""
        with freeze_time(when):
            wizard = (
                self.env["stock.return.picking"]
                .with_company(picking.company_id)
                .with_context(active_id=picking.id, active_model="stock.picking")
                .create({})
            )
            wizard.product_return_moves.filtered(
                lambda line: line.product_id == product
            ).quantity = quantity
            wizard.product_return_moves.filtered(
                lambda line: line.product_id != product
            ).unlink()
            action = wizard.action_create_returns()
            returned = self.env["stock.picking"].browse(action["res_id"])
            self._validate(returned)
        return returned

    def _landed_cost(self, picking, amount, when, date=None, split="by_quantity"):
        """Validate a landed cost of ``amount`` on ``picking`` at ``when``, its
        accounting date ``date`` (default: that day)."""
        company = picking.company_id
        freight = self.env["product.product"].create(
            {
                "name": "Freight",
                "type": "service",
                "landed_cost_ok": True,
                "company_id": company.id,
            }
        )
        account = self._nordic_account(
            company, "2400" if company == self.company_no else "2440"
        )
        with freeze_time(when):
            cost = (
                self.env["stock.landed.cost"]
                .with_company(company)
                .create(
                    {
                        "company_id": company.id,
                        "date": fields.Date.to_date(date or when[:10]),
                        "picking_ids": [Command.set(picking.ids)],
                        "account_journal_id": self._journal(company).id,
                        "cost_lines": [
                            Command.create(
                                {
                                    "name": "Freight",
                                    "product_id": freight.id,
                                    "price_unit": amount,
                                    "split_method": split,
                                    "account_id": account.id,
                                }
                            )
                        ],
                    }
                )
            )
            cost.compute_landed_cost()
            cost.button_validate()
        self.assertEqual(cost.state, "done")
        return cost

    def _scrap(self, company, product, quantity, when):
        with freeze_time(when):
            scrap = (
                self.env["stock.scrap"]
                .with_company(company)
                .create(
                    {
                        "company_id": company.id,
                        "product_id": product.id,
                        "product_uom_id": product.uom_id.id,
                        "scrap_qty": quantity,
                        "location_id": self._warehouse(company).lot_stock_id.id,
                    }
                )
            )
            scrap.action_validate()
            self.assertEqual(scrap.state, "done")
        return scrap

    def _count(self, company, product, counted, when, accounting_date=None):
        """Apply a count of ``counted`` units in the company's stock location at
        ``when``, with Odoo's accounting date when given."""
        location = self._warehouse(company).lot_stock_id
        with freeze_time(when):
            Quant = (
                self.env["stock.quant"]
                .with_company(company)
                .with_context(inventory_mode=True)
            )
            quant = Quant.search(
                [("product_id", "=", product.id), ("location_id", "=", location.id)]
            ) or Quant.create({"product_id": product.id, "location_id": location.id})
            quant.write(
                {
                    "inventory_quantity": counted,
                    "accounting_date": accounting_date
                    and fields.Date.to_date(accounting_date),
                }
            )
            quant.action_apply_inventory()
        return self.env["stock.move"].search(
            [("product_id", "=", product.id), ("is_inventory", "=", True)],
            order="id desc",
            limit=1,
        )

    # -- valuation layers ----------------------------------------------------
    def _layers(self, product):
        return self.env["stock.valuation.layer"].search(
            [("product_id", "=", product.id)], order="id"
        )

    def _odoo_value(self, company, product):
        """Odoo's own valuation today: the sum of the product's layers."""
        return product.with_company(company).value_svl


@tagged("post_install", "-at_install")
class TestRealFlowsPurchaseSale(RealFlowsMixin, NordicStockClosingCase):
    """Purchases, bills, sales, returns both ways, scraps and counts."""

    required_modules = ("purchase_stock", "sale_stock")

    def test_bill_at_another_price_after_part_was_sold(self):
        """PO 100 @ 10 received, 40 delivered, then billed at 11: Odoo adds a price
        difference layer for the 60 still in stock (60 x 1 = 60) and books the 40
        sold straight to expense. The 60 units in stock cost 11 each:
        AV 60 x 11 = 660. Purchases are what the goods cost: 100 x 11 = 1,100;
        COGS = 0 + 1,100 - 660 = 440 = 40 sold x 11."""
        company = self.company_no
        product = self._flow_product(
            company, self._category(company, "goods_for_resale"), "BILL"
        )
        order = self._purchase(company, product, 100, 10, "2025-03-01 10:00:00")
        self._sell(company, product, 40, "2025-04-01 10:00:00")
        self._bill(order, 11, "2025-05-01", "2025-05-01 10:00:00")
        # Odoo's own stock value: 1,000 - 400 + 60 = 660
        self.assertAlmostEqual(self._odoo_value(company, product), 660)

        closing = self._closing(company)
        closing.action_compute()
        line = closing.line_ids
        self.assertEqual(line.quantity, 60)
        self.assertAlmostEqual(line.acquisition_value, 660)  # 60 x 11
        cls = self._class(closing, "goods_for_resale")
        self.assertAlmostEqual(cls.purchases, 1100)  # 100 x 11
        self.assertAlmostEqual(cls.cost_of_goods_sold, 440)  # 0 + 1,100 - 660

    def test_return_to_vendor_takes_the_returned_receipt(self):
        """A 100 @ 10 (PO1), then B 100 @ 20 (PO2); 30 of B's receipt go back to the
        vendor. What is left is all of A and 70 of B: 170 units,
        AV 100 x 10 + 70 x 20 = 2,400. Odoo takes the return out by FIFO at the
        oldest cost (30 x 10 = 300): its own value is 1,000 + 2,000 - 300 = 2,700.
        The line shows both, with a note. Purchases: 1,000 + 2,000 - 30 x 20 =
        2,400; COGS = 0 + 2,400 - 2,400 = 0 (nothing was sold)."""
        company = self.company_no
        product = self._flow_product(
            company, self._category(company, "goods_for_resale"), "RET"
        )
        self._purchase(company, product, 100, 10, "2025-02-01 10:00:00")
        order_b = self._purchase(company, product, 100, 20, "2025-03-01 10:00:00")
        self._return(order_b.picking_ids, product, 30, "2025-04-01 10:00:00")
        self.assertAlmostEqual(self._odoo_value(company, product), 2700)

        closing = self._closing(company)
        closing.action_compute()
        line = closing.line_ids
        self.assertEqual(line.quantity, 170)
        self.assertAlmostEqual(line.acquisition_value, 2400)
        self.assertAlmostEqual(line.odoo_value, 2700)
        self.assertTrue(line.valuation_note)
        cls = self._class(closing, "goods_for_resale")
        self.assertAlmostEqual(cls.purchases, 2400)
        self.assertAlmostEqual(cls.cost_of_goods_sold, 0)

    def test_customer_return_and_scrap_are_not_purchases(self):
        """Bought 30 @ 100 = 3,000; 5 sold (500 at cost); the customer returns 2 of
        them (back into stock at their cost, 200); 1 scrapped (100). In stock
        30 - 5 + 2 - 1 = 26 units @ 100 = 2,600. Purchases 3,000 (the customer's
        return is not a purchase); COGS = 0 + 3,000 - 2,600 = 400
        (= 5 - 2 + 1 = 4 units x 100)."""
        company = self.company_no
        product = self._flow_product(
            company, self._category(company, "goods_for_resale"), "CR"
        )
        self._purchase(company, product, 30, 100, "2025-02-01 10:00:00")
        sale = self._sell(company, product, 5, "2025-03-01 10:00:00")
        self._return(sale.picking_ids, product, 2, "2025-04-01 10:00:00")
        self._scrap(company, product, 1, "2025-05-01 10:00:00")
        self.assertAlmostEqual(self._odoo_value(company, product), 2600)

        closing = self._closing(company)
        closing.action_compute()
        line = closing.line_ids
        self.assertEqual(line.quantity, 26)
        self.assertAlmostEqual(line.acquisition_value, 2600)
        cls = self._class(closing, "goods_for_resale")
        self.assertAlmostEqual(cls.purchases, 3000)
        self.assertAlmostEqual(cls.cost_of_goods_sold, 400)

    def test_count_gain_is_not_a_purchase(self):
        """Bought 10 @ 100 = 1,000; a count in June finds 12 (Odoo values the 2 found
        at the product's cost, 100). Closing 12 @ 100 = 1,200; purchases 1,000;
        COGS = 0 + 1,000 - 1,200 = -200 (the gain)."""
        company = self.company_no
        product = self._flow_product(
            company, self._category(company, "goods_for_resale"), "GAIN"
        )
        self._purchase(company, product, 10, 100, "2025-02-01 10:00:00")
        self._count(company, product, 12, "2025-06-01 10:00:00")

        closing = self._closing(company)
        closing.action_compute()
        self.assertEqual(closing.line_ids.quantity, 12)
        self.assertAlmostEqual(closing.line_ids.acquisition_value, 1200)
        cls = self._class(closing, "goods_for_resale")
        self.assertAlmostEqual(cls.purchases, 1000)
        self.assertAlmostEqual(cls.cost_of_goods_sold, -200)

    def test_count_applied_in_january_with_accounting_date_in_december(self):
        """Periodic FIFO: 10 @ 100 bought in March 2025; the year-end count, applied on
        5 January 2026 with Odoo's accounting date 31 December 2025, finds 8. The
        loss of 2 belongs to 2025: closing 8 units @ 100 = 800."""
        company = self.company_no
        product = self._flow_product(
            company, self._category(company, "goods_for_resale"), "CNT"
        )
        self._purchase(company, product, 10, 100, "2025-03-01 10:00:00")
        move = self._count(
            company, product, 8, "2026-01-05 09:00:00", accounting_date="2025-12-31"
        )
        self.assertEqual(move.quantity, 2)

        closing = self._closing(company)
        closing.action_compute()
        self.assertEqual(closing.line_ids.quantity, 8)
        self.assertAlmostEqual(closing.line_ids.acquisition_value, 800)
        self.assertEqual(move.nordic_accounting_date, fields.Date.to_date("2025-12-31"))

    def test_late_movements_dated_in_the_closed_year(self):
        """10 @ 100 received in March 2025; the closing at 31 Dec is computed (1,000).
        Afterwards the vendor bill comes, at 110, dated 15 Dec 2025: a price
        difference layer of 10 x 10 = 100 dated in 2025, entered after the closing
        was computed: one late movement of 100. A delivery of 3 on 15 Jan 2026 is
        after the balance date: neither late nor in the closing. Recomputed, the
        closing values 10 @ 110 = 1,100.

        Odoo stamps create_date with the transaction's time, which freeze_time does
        not move: the layers' creation times are set as they would have been."""
        company = self.company_no
        product = self._flow_product(
            company, self._category(company, "goods_for_resale"), "LATE"
        )
        order = self._purchase(company, product, 10, 100, "2025-03-01 10:00:00")
        self._set_created(self._layers(product), "2025-03-01 10:00:00")
        closing = self._closing(company)
        closing.action_compute()
        self.assertAlmostEqual(closing.line_ids.acquisition_value, 1000)
        computed_at = closing.computed_at
        self.assertTrue(computed_at)
        self.assertEqual(closing.late_movement_count, 0)

        known = self._layers(product)
        self._bill(order, 110, "2025-12-15", "2026-01-15 10:00:00")
        self._sell(company, product, 3, "2026-01-15 11:00:00")
        late = self._layers(product) - known
        self.assertEqual(len(late), 2)  # the price difference, the delivery
        self._set_created(late, computed_at + timedelta(minutes=1))
        closing.invalidate_recordset()
        self.assertEqual(closing.late_movement_count, 1)
        self.assertAlmostEqual(closing.late_movement_value, 100)  # 10 x (110 - 100)

        closing.action_compute()
        self.assertEqual(closing.line_ids.quantity, 10)  # the January delivery: 2026
        self.assertAlmostEqual(closing.line_ids.acquisition_value, 1100)  # 10 x 110

    def test_class_changed_during_the_year(self):
        """Norway. 50 @ 10 bought in 2024 as goods for resale; last year's closing
        left 1460 = 500. In March 2025 the product's category becomes raw materials
        (FIFO, periodic); then 20 @ 12 are bought and 30 delivered. At 31 Dec 2025
        the raw materials hold 40 units = 20 @ 12 + 20 @ 10 = 440, the goods for
        resale nothing. Entry: credit 1460 500 / debit 4390 500 (goods for resale
        from 500 to 0); debit 1400 440 / credit 4090 440 (raw materials from 0)."""
        company = self.company_no
        resale = self._category(company, "goods_for_resale")
        raw = self._category(company, "raw_material")
        product = self._flow_product(company, resale, "MOVED")
        self._purchase(company, product, 50, 10, "2024-06-01 10:00:00")
        self._ledger_entry(company, "2024-12-31", [("1460", 500), ("2050", -500)])
        with freeze_time("2025-03-01 10:00:00"):
            product.categ_id = raw
        self._purchase(company, product, 20, 12, "2025-05-01 10:00:00")
        self._sell(company, product, 30, "2025-09-01 10:00:00")

        closing = self._closing(company)
        closing.action_compute()
        self.assertEqual(closing.line_ids.inventory_class, "raw_material")
        self.assertAlmostEqual(closing.line_ids.acquisition_value, 440)
        resale_class = self._class(closing, "goods_for_resale")
        self.assertTrue(resale_class, "the goods-for-resale class must be closed")
        self.assertAlmostEqual(resale_class.opening_value, 500)
        self.assertAlmostEqual(resale_class.closing_value, 0)
        self.assertAlmostEqual(self._class(closing, "raw_material").closing_value, 440)
        closing.action_post()
        self.assertEqual(
            self._net(company, closing.move_id),
            {"1460": -500, "4390": 500, "1400": 440, "4090": -440},
        )

    # -- the entry's language --------------------------------------------------
    def _posted_closing_in(self, company, lang):
        """10 @ 100 received (periodic): the closing books debit 14x0 1,000."""
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(
                ["l10n_nordic_stock_closing"], [lang]
            )
        company.partner_id.lang = lang
        product = self._flow_product(
            company, self._category(company, "goods_for_resale"), "LANG"
        )
        self._purchase(company, product, 10, 100, "2025-03-01 10:00:00")
        closing = self._closing(company)  # the user works in English
        closing.action_post()
        self.assertEqual(len(closing.move_id.line_ids), 2)
        return closing.move_id

    def test_entry_in_swedish_for_a_swedish_company(self):
        move = self._posted_closing_in(self.company_se, "sv_SE")
        self.assertEqual(
            self._net(self.company_se, move), {"1460": 1000, "4960": -1000}
        )
        for name in move.line_ids.mapped("name"):
            self.assertTrue(name.startswith("Lagerbokslut"), name)
        self.assertRegex(move.ref, r"^Lagerbokslut")

    def test_entry_in_norwegian_for_a_norwegian_company(self):
        move = self._posted_closing_in(self.company_no, "nb_NO")
        self.assertEqual(
            self._net(self.company_no, move), {"1460": 1000, "4390": -1000}
        )
        for name in move.line_ids.mapped("name"):
            self.assertTrue(name.startswith("Varelageravslutning"), name)
        self.assertRegex(move.ref, r"^Varelageravslutning")

    def test_entry_in_english_for_an_english_company(self):
        move = self._posted_closing_in(self.company_no, "en_US")
        for name in move.line_ids.mapped("name"):
            self.assertTrue(name.startswith("Inventory closing"), name)
        self.assertTrue(move.ref.startswith("Inventory closing"), move.ref)


@tagged("post_install", "-at_install")
class TestRealFlowsLandedCosts(RealFlowsMixin, NordicStockClosingCase):
    """Landed costs (stock_landed_costs) on receipts."""

    required_modules = ("purchase_stock", "sale_stock", "stock_landed_costs")

    def _real_time_category(self, company):
        category = self._category(company, "goods_for_resale", real_time=True)
        category.with_company(
            company
        ).property_stock_valuation_account_id = self._nordic_account(company, "1460")
        return category

    def test_landed_cost_after_part_was_sold_periodic(self):
        """Norway, FIFO periodic: 100 @ 10 received, 40 delivered, then a landed cost
        of 200 on the receipt: 2 per unit, each unit cost 12. Odoo adds only the
        share of the 60 still in stock: 200 x 60 / 100 = 120. Closing 60 units,
        AV 60 x 12 = 720 (Odoo's own value: 1,000 - 400 + 120 = 720)."""
        company = self.company_no
        product = self._flow_product(
            company, self._category(company, "goods_for_resale"), "LC"
        )
        order = self._purchase(company, product, 100, 10, "2025-03-01 10:00:00")
        self._sell(company, product, 40, "2025-04-01 10:00:00")
        cost = self._landed_cost(order.picking_ids, 200, "2025-05-01 10:00:00")
        self.assertEqual(cost.stock_valuation_layer_ids.mapped("value"), [120])
        self.assertAlmostEqual(self._odoo_value(company, product), 720)

        closing = self._closing(company)
        closing.action_compute()
        self.assertEqual(closing.line_ids.quantity, 60)
        self.assertAlmostEqual(closing.line_ids.acquisition_value, 720)

    def test_landed_cost_after_part_was_sold_real_time(self):
        """Sweden K2, FIFO real time, the same flow (landed cost split equally over
        the one product): 1460 follows the stock: +1,000 received, -400 delivered,
        +200 landed cost and -80 for the 40 already sold = 720, which is also
        Odoo's own value and the closing's AV (60 x 12). No ledger difference and
        no write-down (no sales price): nothing to book on 1460 or 1469."""
        company = self.company_se
        product = self._flow_product(company, self._real_time_category(company), "LC")
        order = self._purchase(company, product, 100, 10, "2025-03-01 10:00:00")
        self._sell(company, product, 40, "2025-04-01 10:00:00")
        self._landed_cost(order.picking_ids, 200, "2025-05-01 10:00:00", split="equal")
        self.assertAlmostEqual(self._odoo_value(company, product), 720)

        closing = self._closing(company)
        closing.action_compute()
        line = closing.line_ids
        self.assertAlmostEqual(line.acquisition_value, 720)
        self.assertAlmostEqual(line.odoo_value, 720)
        cls = self._class(closing, "goods_for_resale")
        self.assertAlmostEqual(cls.ledger_balance, 720)
        self.assertAlmostEqual(cls.ledger_difference, 0)
        self.assertAlmostEqual(cls.write_down, 0)
        self.assertFalse(closing.entry_line_ids)
        closing.action_post()
        self.assertFalse(closing.move_id)

    def test_landed_cost_counts_as_purchase(self):
        """Goods bought at 1,000 (100 @ 10) plus a landed cost of 200 cost 1,200:
        purchases 1,200. With 40 sold before the landed cost came, 60 @ 12 = 720
        remain; COGS = 0 + 1,200 - 720 = 480 = 40 sold x 12."""
        company = self.company_no
        product = self._flow_product(
            company, self._category(company, "goods_for_resale"), "LCP"
        )
        order = self._purchase(company, product, 100, 10, "2025-03-01 10:00:00")
        self._sell(company, product, 40, "2025-04-01 10:00:00")
        self._landed_cost(order.picking_ids, 200, "2025-05-01 10:00:00")

        closing = self._closing(company)
        closing.action_compute()
        cls = self._class(closing, "goods_for_resale")
        self.assertAlmostEqual(cls.purchases, 1200)  # 1,000 + 200
        self.assertAlmostEqual(cls.closing_value, 720)
        self.assertAlmostEqual(cls.cost_of_goods_sold, 480)  # 0 + 1,200 - 720

    def test_landed_cost_dated_next_year_periodic(self):
        """Norway, FIFO periodic: 100 @ 10 received in 2025; a landed cost of 200
        on that receipt, accounting date 20 Jan 2026, belongs to 2026: the 2025
        closing values 100 @ 10 = 1,000."""
        company = self.company_no
        product = self._flow_product(
            company, self._category(company, "goods_for_resale"), "LCN"
        )
        order = self._purchase(company, product, 100, 10, "2025-11-01 10:00:00")
        self._landed_cost(order.picking_ids, 200, "2026-01-20 10:00:00")
        self.assertAlmostEqual(self._odoo_value(company, product), 1200)

        closing = self._closing(company)
        closing.action_compute()
        self.assertEqual(closing.line_ids.quantity, 100)
        self.assertAlmostEqual(closing.line_ids.acquisition_value, 1000)
        self.assertAlmostEqual(self._class(closing, "goods_for_resale").purchases, 1000)

    def test_landed_cost_dated_next_year_real_time(self):
        """Sweden K2, FIFO real time, the same flow: the landed cost's entry is dated
        20 Jan 2026; at 31 Dec 2025 1460 = 1,000 = the closing's AV: nothing to
        book."""
        company = self.company_se
        product = self._flow_product(company, self._real_time_category(company), "LCN")
        order = self._purchase(company, product, 100, 10, "2025-11-01 10:00:00")
        cost = self._landed_cost(order.picking_ids, 200, "2026-01-20 10:00:00")
        self.assertEqual(cost.account_move_id.date, fields.Date.to_date("2026-01-20"))

        closing = self._closing(company)
        closing.action_compute()
        self.assertAlmostEqual(closing.line_ids.acquisition_value, 1000)
        cls = self._class(closing, "goods_for_resale")
        self.assertAlmostEqual(cls.ledger_balance, 1000)
        self.assertAlmostEqual(cls.ledger_difference, 0)
        self.assertFalse(closing.entry_line_ids)


@tagged("post_install", "-at_install")
class TestRealFlowsDropship(RealFlowsMixin, NordicStockClosingCase):
    """Dropships (stock_dropshipping) never enter the stock."""

    required_modules = ("purchase_stock", "sale_stock", "stock_dropshipping")

    def _dropship(self, company, product, quantity, price, when):
        """Sell ``quantity`` with the dropship route; the vendor (``price`` per unit)
        delivers straight to the customer, validated at ``when``."""
        product.seller_ids = [
            Command.create(
                {"partner_id": self.vendor.id, "price": price, "company_id": company.id}
            )
        ]
        route = self.env.ref("stock_dropshipping.route_drop_shipping")
        with freeze_time(when):
            sale = (
                self.env["sale.order"]
                .with_company(company)
                .create(
                    {
                        "partner_id": self.customer.id,
                        "company_id": company.id,
                        "warehouse_id": self._warehouse(company).id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "product_uom_qty": quantity,
                                    "price_unit": 2 * price,
                                    "tax_id": [Command.clear()],
                                    "route_id": route.id,
                                }
                            )
                        ],
                    }
                )
            )
            sale.action_confirm()
            order = self.env["purchase.order"].search(
                [("group_id", "=", sale.procurement_group_id.id)]
            )
            self.assertEqual(len(order), 1)
            order.order_line.taxes_id = False
            order.button_confirm()
            picking = order.picking_ids
            self.assertEqual(picking.picking_type_id.code, "dropship")
            self._validate(picking)
        return picking

    def test_dropship_is_not_stock_nor_purchase(self):
        """10 @ 100 received into stock; 5 @ 150 dropshipped. The stock is the 10
        received: 1,000. Purchases 1,000 (the dropship never entered the stock);
        COGS = 0 + 1,000 - 1,000 = 0."""
        company = self.company_no
        product = self._flow_product(
            company, self._category(company, "goods_for_resale"), "DS"
        )
        self._purchase(company, product, 10, 100, "2025-03-01 10:00:00")
        self._dropship(company, product, 5, 150, "2025-05-01 10:00:00")
        self.assertEqual(product.with_company(company).qty_available, 10)

        closing = self._closing(company)
        closing.action_compute()
        self.assertEqual(closing.line_ids.quantity, 10)
        self.assertAlmostEqual(closing.line_ids.acquisition_value, 1000)
        cls = self._class(closing, "goods_for_resale")
        self.assertAlmostEqual(cls.purchases, 1000)
        self.assertAlmostEqual(cls.cost_of_goods_sold, 0)

    def test_product_only_dropshipped_has_no_line(self):
        """A product only ever dropshipped (4 @ 50) is no stock item: the closing
        lists only the stocked product (3 @ 20 = 60)."""
        company = self.company_no
        category = self._category(company, "goods_for_resale")
        stocked = self._flow_product(company, category, "STOCKED")
        dropshipped = self._flow_product(company, category, "DSONLY")
        self._purchase(company, stocked, 3, 20, "2025-03-01 10:00:00")
        self._dropship(company, dropshipped, 4, 50, "2025-05-01 10:00:00")

        closing = self._closing(company)
        closing.action_compute()
        self.assertEqual(closing.line_ids.product_id, stocked)
        self.assertAlmostEqual(closing.acquisition_value, 60)
        self.assertAlmostEqual(self._class(closing, "goods_for_resale").purchases, 60)


@tagged("post_install", "-at_install")
class TestRealFlowsManufacturing(RealFlowsMixin, NordicStockClosingCase):
    """Manufacturing orders (mrp): raw materials in, finished goods out."""

    required_modules = ("purchase_stock", "sale_stock", "mrp")

    def _manufacture(self, company, finished, components, quantity, when):
        """Produce ``quantity`` of ``finished`` from a BoM of ``{component: qty per
        unit}`` with a manufacturing order done at ``when``."""
        bom = self.env["mrp.bom"].create(
            {
                "product_tmpl_id": finished.product_tmpl_id.id,
                "product_qty": 1,
                "type": "normal",
                "company_id": company.id,
                "bom_line_ids": [
                    Command.create({"product_id": component.id, "product_qty": qty})
                    for component, qty in components.items()
                ],
            }
        )
        with freeze_time(when):
            Production = self.env["mrp.production"].with_company(company)
            form = Form(Production)
            form.product_id = finished
            form.bom_id = bom
            form.product_qty = quantity
            production = form.save()
            production.action_confirm()
            production.action_assign()
            form = Form(production)
            form.qty_producing = quantity
            production = form.save()
            production.button_mark_done()
        self.assertEqual(production.state, "done")
        return production

    def test_manufacturing_order_values_both_classes(self):
        """Raw materials (FIFO): R1 10 @ 5 and 10 @ 7, R2 20 @ 2. A BoM of 3 R1 + 1 R2
        per unit; an MO of 4 consumes 12 R1 = 10 @ 5 + 2 @ 7 = 64 and 4 R2 = 8: the
        4 finished units cost 72 (18 each). One is sold.
        Raw materials left: R1 8 @ 7 = 56, R2 16 @ 2 = 32: 88; purchases
        50 + 70 + 40 = 160; COGS = 0 + 160 - 88 = 72 (what the MO consumed).
        Finished goods left: 3 @ 18 = 54; production 72; COGS = 0 + 72 - 54 = 18.
        Goods for resale bought 2 @ 30 = 60: purchases 60.
        Entry (Norway): debit 1400 88 / credit 4090; debit 1440 54 / credit 4290;
        debit 1460 60 / credit 4390."""
        company = self.company_no
        raw = self._category(company, "raw_material")
        r1 = self._flow_product(company, raw, "R1")
        r2 = self._flow_product(company, raw, "R2")
        fin = self._flow_product(
            company, self._category(company, "finished_goods"), "FIN"
        )
        resale = self._flow_product(
            company, self._category(company, "goods_for_resale"), "GFR"
        )
        self._purchase(company, r1, 10, 5, "2025-02-01 10:00:00")
        self._purchase(company, r1, 10, 7, "2025-03-01 10:00:00")
        self._purchase(company, r2, 20, 2, "2025-03-01 11:00:00")
        self._purchase(company, resale, 2, 30, "2025-03-01 12:00:00")
        self._manufacture(company, fin, {r1: 3, r2: 1}, 4, "2025-04-01 10:00:00")
        self.assertAlmostEqual(self._odoo_value(company, fin), 72)
        self._sell(company, fin, 1, "2025-05-01 10:00:00")

        closing = self._closing(company)
        closing.action_compute()
        values = {
            line.product_id.default_code: (line.quantity, line.acquisition_value)
            for line in closing.line_ids
        }
        self.assertEqual(
            values,
            {
                "R1": (8, 56),
                "R2": (16, 32),
                "FIN": (3, 54),
                "GFR": (2, 60),
            },
        )
        raw_class = self._class(closing, "raw_material")
        self.assertAlmostEqual(raw_class.closing_value, 88)
        self.assertAlmostEqual(raw_class.purchases, 160)
        self.assertAlmostEqual(raw_class.cost_of_goods_sold, 72)
        fin_class = self._class(closing, "finished_goods")
        self.assertAlmostEqual(fin_class.closing_value, 54)
        self.assertAlmostEqual(fin_class.purchases, 72)
        self.assertAlmostEqual(fin_class.cost_of_goods_sold, 18)
        self.assertEqual(fin_class.purchases_kind, "production")
        resale_class = self._class(closing, "goods_for_resale")
        self.assertAlmostEqual(resale_class.purchases, 60)
        self.assertEqual(resale_class.purchases_kind, "purchases")
        closing.action_post()
        self.assertEqual(
            self._net(company, closing.move_id),
            {
                "1400": 88,
                "4090": -88,
                "1440": 54,
                "4290": -54,
                "1460": 60,
                "4390": -60,
            },
        )


@tagged("post_install", "-at_install")
class TestRealFlowsDenmarkFinland(RealFlowsMixin, NordicStockClosingCase):
    """Danish and Finnish closings on stock bought with purchase orders and vendor
    bills: the vendor price Odoo records when a purchase order is confirmed is the
    replacement cost (Finland) and the dagspris (Denmark) the closing proposes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_dk = cls._nordic_create_company("Dansk Indkøb ApS", "DK", "dk")
        cls.company_fi = cls._nordic_create_company("Ostot Oy", "FI", "fi")

    def _bought(self, company, category, code, quantity, price, list_price):
        """``quantity`` @ ``price`` bought with a purchase order received on
        2025-03-01 and billed at the same price on 2025-03-05."""
        product = self._flow_product(company, category, code, list_price)
        order = self._purchase(company, product, quantity, price, "2025-03-01 10:00:00")
        self._bill(order, price, "2025-03-05", "2025-03-05 10:00:00")
        return product

    def test_finland_lowest_of_three_from_purchase_orders(self):
        """FI-A of DOMAIN-DK-FI.md built through Odoo's flows: P 1,200 @ 30 bought
        (sales price 40), 200 sold in June: 1,000 @ 30 = 30,000 left; Q 400 @ 40
        bought (sales price 38.75): 16,000. Odoo records each order's price as the
        vendor price: P's replacement cost 30, Q's 40.
        Computed: P min(30, 30, 40) = 30, no write-down; Q min(40, 40, 38.75) =
        38.75, write-down 400 x 1.25 = 500 (NRV).
        The vendor lowers P's price to 28, computed again: P min(30, 28, 40) = 28,
        write-down 1,000 x 2 = 2,000 (replacement cost). Value 28,000 + 15,500 =
        43,500; cost 46,000 against the ledger's 1531 40,000: debit 1531 / credit
        4410 6,000 and debit 4440 / credit 1531 2,500. Purchases of the year: P
        36,000, Q 16,000."""
        company = self.company_fi
        category = self._category(company, "goods_for_resale")
        p = self._bought(company, category, "P", 1200, 30, 40)
        q = self._bought(company, category, "Q", 400, 40, 38.75)
        self._sell(company, p, 200, "2025-06-01 10:00:00", price=40)
        self._ledger_entry(company, "2024-12-31", [("1531", 40000), ("2001", -40000)])
        closing = self._closing(company)
        closing.action_compute()
        lines = self._lines(closing)
        self.assertEqual(
            [
                (c, lines[c].quantity, lines[c].acquisition_value, lines[c].purchases)
                for c in "PQ"
            ],
            [("P", 1000, 30000, 36000), ("Q", 400, 16000, 16000)],
        )
        self.assertEqual(
            [(c, lines[c].replacement_cost, lines[c].replacement_source) for c in "PQ"],
            [("P", 30, "vendor_price"), ("Q", 40, "vendor_price")],
        )
        self.assertEqual(
            [(c, lines[c].write_down, lines[c].write_down_reason) for c in "PQ"],
            [("P", 0, False), ("Q", 500, "nrv")],
        )
        # (a company's vendor prices are seen in that company)
        p.with_company(company).seller_ids.filtered(
            lambda s: s.partner_id == self.vendor
        ).ensure_one().price = 28
        closing.action_compute()
        self.assertEqual(self._lines(closing)["P"].replacement_cost, 28)
        self._assert_fi_a_posted(closing, company)
        # each vendor price came from its order: one per product, at its price
        self.assertEqual(
            [
                (s.partner_id, s.price)
                for s in (p | q).with_company(company).seller_ids.sorted("price")
            ],
            [(self.vendor, 28), (self.vendor, 40)],
        )

    def test_denmark_dagspris_from_purchase_orders(self):
        """Denmark: X 500 @ 80 bought with a purchase order (sales price 95), its
        group taxed at dagspris; Y 200 @ 60 (sales price 50), its group at cost.
        The dagspris proposed is X's vendor price from the order: 80, tax value
        500 x 80 = 40,000. Y's NRV 50 < 60: write-down 200 x 10 = 2,000. Cost
        52,000, value 40,000 + 10,000 = 50,000, against an empty ledger: debit
        6140 / credit 1770 52,000 and debit 1800 / credit 6150 2,000 (DK-A's
        accounts)."""
        company = self.company_dk
        groups = {}
        for code, principle in (("X", "dagspris"), ("Y", False)):
            groups[code] = self._category(company, "goods_for_resale")
            groups[code].name = f"Indkøbt gruppe {code}"
            groups[code].with_company(company).nordic_tax_principle = principle
        self._bought(company, groups["X"], "X", 500, 80, 95)
        self._bought(company, groups["Y"], "Y", 200, 60, 50)
        closing = self._closing(company)
        closing.action_compute()
        lines = self._lines(closing)
        self.assertEqual(
            (lines["X"].replacement_cost, lines["X"].replacement_source),
            (80, "vendor_price"),
        )
        self.assertNotIn("no dagspris", closing.notes or "")
        self.assertEqual(
            [(c, lines[c].write_down, lines[c].write_down_reason) for c in "XY"],
            [("X", 0, False), ("Y", 2000, "nrv")],
        )
        self.assertEqual(
            self._tax_groups(closing),
            [
                ("Indkøbt gruppe X", "dagspris", 40000, 40000),
                ("Indkøbt gruppe Y", "purchase_price", 10000, 12000),
            ],
        )
        closing.action_post()
        self.assertEqual(
            self._net(company, closing.move_id),
            {"6140": 52000, "1770": -52000, "1800": 2000, "6150": -2000},
        )
