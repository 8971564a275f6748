from freezegun import freeze_time

from odoo import fields
from odoo.tools import SQL

from .common import NordicClosingCommon


class NordicStockClosingCase(NordicClosingCommon):
    """A Norwegian (chart ``no``) and a Swedish (chart ``se_K2``) company with stock."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_no = cls._nordic_create_company("Nordvare AS", "NO", "no")
        cls.company_se = cls._nordic_create_company("Svenska Lager AB", "SE", "se_K2")
        cls.supplier_location = cls.env.ref("stock.stock_location_suppliers")
        cls.customer_location = cls.env.ref("stock.stock_location_customers")
        cls.unit = cls.env.ref("uom.product_uom_unit")

    # -- master data ------------------------------------------------------
    def _category(self, company, inventory_class, cost_method="fifo", real_time=False):
        Category = self.env["product.category"].with_company(company)
        category = Category.create(
            {
                "name": f"{company.name} {inventory_class} {cost_method}"
                f"{' real-time' if real_time else ''}",
                "property_cost_method": cost_method,
                "property_valuation": "real_time" if real_time else "manual_periodic",
                "nordic_inventory_class": inventory_class,
            }
        )
        if real_time:
            journal = company.nordic_closing_journal_id
            # purchases against a GRNI-like account, sales against cost of goods
            payable = self._nordic_account(
                company, "2400" if company == self.company_no else "2440"
            )
            cogs = self._nordic_account(
                company, "4300" if company == self.company_no else "4000"
            )
            category.write(
                {
                    "property_stock_account_input_categ_id": payable.id,
                    "property_stock_account_output_categ_id": cogs.id,
                    "property_stock_journal": journal.id,
                }
            )
        return category

    def _product(self, company, category, code, list_price=0.0):
        return self.env["product.product"].create(
            {
                "name": f"Product {code}",
                "default_code": code,
                "is_storable": True,
                "categ_id": category.id,
                "list_price": list_price,
                "company_id": company.id,
            }
        )

    # -- movements --------------------------------------------------------
    def _warehouse(self, company):
        return self.env["stock.warehouse"].search(
            [("company_id", "=", company.id)], limit=1
        )

    def _move(
        self, product, quantity, unit_cost=0.0, when="2025-06-01 12:00:00", dated=None
    ):
        """Receive (quantity > 0, at unit_cost) or deliver (< 0) ``product``, done at
        ``when`` (UTC); ``dated`` back-dates the stock move afterwards."""
        with freeze_time(when):
            move = self.env["nordic.stock.closing.demo"]._nordic_dated_move(
                product.company_id, product, quantity, unit_cost, when
            )
        if dated:
            move.write({"date": dated})
        return move

    def _ledger_entry(self, company, date, lines):
        """Post an earlier entry: ``lines`` = [(code, balance)] (debit positive)."""
        return self.env["nordic.stock.closing.demo"]._nordic_ledger_entry(
            company, date, lines
        )

    def _set_created(self, layers, when):
        """Give ``layers`` the creation time they would have had at ``when`` (Odoo
        stamps the transaction's time, which freeze_time does not move)."""
        layers.flush_recordset()
        self.env.cr.execute(
            SQL(
                "UPDATE stock_valuation_layer SET create_date = %s WHERE id = ANY(%s)",
                fields.Datetime.to_datetime(when),
                layers.ids,
            )
        )
        layers.invalidate_recordset(["create_date"])

    # -- closing ----------------------------------------------------------
    def _closing(self, company, date="2025-12-31"):
        return self.env["nordic.stock.closing"].create(
            {"company_id": company.id, "date": fields.Date.to_date(date)}
        )

    def _net(self, company, move):
        """``{account code: net balance}`` of a journal entry."""
        net = {}
        for line in move.line_ids:
            code = line.account_id.with_company(company).code
            net[code] = round(net.get(code, 0) + line.balance, 2)
        return {code: amount for code, amount in net.items() if amount}

    def _lines(self, closing):
        """``{product code: line}`` of a closing."""
        return {line.product_id.default_code: line for line in closing.line_ids}

    def _tax_groups(self, closing):
        """Denmark's tax view: ``(group, principle, book value, tax value)``."""
        return sorted(
            (d.name, d.tax_principle, round(d.book_value), round(d.compare_value))
            for d in closing.disclosure_ids.filtered(lambda d: d.kind == "tax_group")
        )

    def _assert_fi_a_posted(self, closing, company):
        """FI-A of DOMAIN-DK-FI.md section 3, however its stock was built: P
        written down 2,000 to its replacement cost 28, Q 500 to its selling price
        38.75; value 43,500; cost 46,000 against 1531's 40,000: debit 1531 /
        credit 4410 6,000 and debit 4440 / credit 1531 2,500, once posted."""
        lines = self._lines(closing)
        self.assertEqual(
            [(c, lines[c].write_down, lines[c].write_down_reason) for c in "PQ"],
            [("P", 2000, "replacement_cost"), ("Q", 500, "nrv")],
        )
        self.assertAlmostEqual(closing.closing_value, 43500)
        closing.action_post()
        self.assertEqual(
            self._net(company, closing.move_id),
            {"1531": 3500, "4410": -6000, "4440": 2500},
        )

    def _class(self, closing, inventory_class):
        return closing.class_ids.filtered(
            lambda c: c.inventory_class == inventory_class
        )
