"""Demo companies: a Norwegian (chart ``no``), a Swedish (``se_K2``), a Danish (``dk``)
and a Finnish (``fi``) company with a year of stock movements, closed at 2025-12-31
by the wizard (demo/nordic_demo_companies.json; tests/test_demo_cli.py closes each
one in Odoo and with the engine's command line from the same movements).

Loaded by demo/nordic_stock_closing_demo.xml only when the database has demo data. The
module depends on stock_account only: a company is created only when its chart's
module (l10n_no, l10n_se, l10n_dk, l10n_fi) is installed. Those modules may be
installed in the same run and load after this one, so the companies are created once
every module is loaded (``_register_hook``), the way ``account`` delays its own chart
installation.
"""

import json
import logging

from odoo import Command, api, models
from odoo.tools.misc import file_open

from ..nordic_closing.labels import labels, language_of

_logger = logging.getLogger(__name__)

#: the demo companies, their products, movements and opening ledgers
DEMO_FILE = "l10n_nordic_stock_closing/demo/nordic_demo_companies.json"


class NordicStockClosingDemo(models.AbstractModel):
    """Demo data, and the dated stock movements the demo and the tests make: kept
    out of the closing model."""

    _name = "nordic.stock.closing.demo"
    _description = "Inventory closing demo data"

    @api.model
    def _nordic_demo_load(self):
        """Demo data entry point: create the companies once every module is loaded."""
        self.env.registry._nordic_demo_pending = True

    def _register_hook(self):
        super()._register_hook()
        if getattr(self.env.registry, "_nordic_demo_pending", False):
            del self.env.registry._nordic_demo_pending
            self.sudo()._nordic_demo_create()

    @api.model
    def _nordic_demo_create(self):
        Module = self.env["ir.module.module"]
        demo = self._nordic_demo_data()
        for chart, spec in demo["companies"].items():
            xmlid = f"l10n_nordic_stock_closing.demo_company_{chart.lower()}"
            if self.env.ref(xmlid, raise_if_not_found=False):
                continue
            if Module._get(spec["module"]).state != "installed":
                _logger.info(
                    "%s is not installed: no %s demo company.", spec["module"], chart
                )
                continue
            try:
                with self.env.cr.savepoint():
                    company = self._nordic_demo_company(chart, spec, demo["categories"])
                    self.env["ir.model.data"]._update_xmlids(
                        [{"xml_id": xmlid, "record": company, "noupdate": True}]
                    )
            except Exception:  # noqa: BLE001 - demo data must never block the start
                _logger.exception("The %s demo company could not be created.", chart)

    @api.model
    def _nordic_demo_data(self):
        with file_open(DEMO_FILE) as demo_file:
            return json.load(demo_file)

    @api.model
    def _nordic_demo_company(self, chart, spec, demo_categories):
        company = self._nordic_demo_new_company(chart, spec)
        used = {category for _code, _name, category, *_rest in spec["products"]}
        principles = spec.get("tax_principles", {})
        categories = {
            key: self._nordic_demo_category(company, principles.get(key), **values)
            for key, values in demo_categories.items()
            if key in used
        }
        products = self._nordic_demo_products(company, spec, categories)
        for when, code, quantity, unit_cost in sorted(spec["moves"]):
            self._nordic_dated_move(
                company, products[code], quantity, unit_cost, f"{when} 10:00:00"
            )
        self._nordic_demo_opening_entry(company, spec)
        self._nordic_demo_class_shared_categories()
        return company

    @api.model
    def _nordic_demo_new_company(self, chart, spec):
        """The company with its chart, warehouse, language and closing settings."""
        country = self.env.ref(spec["country"])
        # chart_template_load: no guessed chart (``se`` for Sweden) loaded at commit
        # over the one chosen here, and no localisation module installed meanwhile
        company = (
            self.env["res.company"]
            .with_context(chart_template_load=True)
            .create(
                {
                    "name": spec["name"],
                    "country_id": country.id,
                    "currency_id": country.currency_id.id,
                }
            )
        )
        users = [
            self.env.ref(xmlid, raise_if_not_found=False)
            for xmlid in ("base.user_root", "base.user_admin", "base.user_demo")
        ]
        for user in filter(None, users):
            user.write({"company_ids": [Command.link(company.id)]})
        # the company's language before its chart: the chart loads the account and
        # tax names of the installed languages (and its journal codes in the
        # company's), so a language installed after it would leave them English
        self._nordic_demo_language(company, spec)
        self.env["account.chart.template"].try_loading(
            chart, company=company, install_demo=False
        )
        # Odoo creates a new company's warehouse at its first use (or at once in tests)
        Warehouse = self.env["stock.warehouse"]
        if not Warehouse.search([("company_id", "=", company.id)], limit=1):
            Warehouse.create({"company_id": company.id})
        company.write(
            {
                "nordic_selling_cost_percent": spec["selling_cost_percent"],
                "nordic_auto_closing": spec.get("auto_closing", False),
            }
        )
        return company

    @api.model
    def _nordic_demo_language(self, company, spec):
        """The closing's documents speak the company's language, installed as
        Settings > Languages does (with the installed modules' translations)."""
        if not spec.get("lang"):
            return
        Lang = self.env["res.lang"].with_context(active_test=False)
        if not Lang.search([("code", "=", spec["lang"]), ("active", "=", True)]):
            self.env["base.language.install"].create(
                {"lang_ids": [Command.set(Lang._activate_lang(spec["lang"]).ids)]}
            ).lang_install()
        company.partner_id.lang = spec["lang"]

    @api.model
    def _nordic_demo_category(
        self, company, tax_principle, inventory_class, cost_method
    ):
        """A category of the company, named in its language after the inventory
        class (the engine's glossary) and the cost method; ``tax_principle``:
        Denmark's, or None."""
        lang = language_of(company.partner_id.lang)
        method = {"average": "AVCO", "fifo": "FIFO", "standard": "STD"}[cost_method]
        name = f"{labels(lang)[inventory_class]} ({method})"
        return (
            self.env["product.category"]
            .with_company(company)
            .create(
                {
                    "name": f"{company.name} / {name}",
                    "property_cost_method": cost_method,
                    "property_valuation": "manual_periodic",
                    "nordic_inventory_class": inventory_class,
                    "nordic_tax_principle": tax_principle or False,
                }
            )
        )

    @api.model
    def _nordic_demo_products(self, company, spec, categories):
        """``{code: product}`` of the company, with their vendor prices (the
        replacement cost the Danish and Finnish closings propose)."""
        products = {}
        for code, name, category, unit, price in spec["products"]:
            uom = self.env.ref(unit or "uom.product_uom_unit")
            products[code] = self.env["product.product"].create(
                {
                    "name": name,
                    "default_code": code,
                    "is_storable": True,
                    "categ_id": categories[category].id,
                    "uom_id": uom.id,
                    "uom_po_id": uom.id,
                    "list_price": price,
                    "standard_price": 0.0,
                    "company_id": company.id,
                }
            )
        prices = spec.get("vendor_prices", {})
        if prices:
            vendor = self.env["res.partner"].create(
                {"name": spec["vendor"], "is_company": True, "company_id": company.id}
            )
            self.env["product.supplierinfo"].create(
                [
                    {
                        "partner_id": vendor.id,
                        "product_tmpl_id": products[code].product_tmpl_id.id,
                        "price": price,
                        "currency_id": company.currency_id.id,
                        "company_id": company.id,
                    }
                    for code, price in prices.items()
                ]
            )
        return products

    @api.model
    def _nordic_dated_move(self, company, product, quantity, unit_cost, when):
        """A done receipt (quantity > 0, at ``unit_cost``) or delivery, dated
        ``when`` (UTC): the demo's movements and the tests'."""
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", company.id)], limit=1
        )
        vals = {
            "name": f"{product.default_code} {quantity}",
            "product_id": product.id,
            "product_uom": product.uom_id.id,
            "product_uom_qty": abs(quantity),
            "company_id": company.id,
        }
        if quantity > 0:
            vals.update(
                location_id=self.env.ref("stock.stock_location_suppliers").id,
                location_dest_id=warehouse.lot_stock_id.id,
                picking_type_id=warehouse.in_type_id.id,
                price_unit=unit_cost,
            )
        else:
            vals.update(
                location_id=warehouse.lot_stock_id.id,
                location_dest_id=self.env.ref("stock.stock_location_customers").id,
                picking_type_id=warehouse.out_type_id.id,
            )
        move = self.env["stock.move"].with_company(company).create(vals)
        move._action_confirm()
        move._action_assign()
        move.picked = True
        move._action_done()
        # back-dated: the closing dates a layer by its stock move
        move.write({"date": when})
        move.move_line_ids.write({"date": when})
        return move

    @api.model
    def _nordic_demo_opening_entry(self, company, spec):
        """Last year's closing as the ledger shows it, against equity."""
        lines = spec["opening"] + [
            (spec["equity"], -sum(amount for _code, amount in spec["opening"]))
        ]
        return self._nordic_ledger_entry(
            company,
            "2024-12-31",
            lines,
            ref="Inventory closing 2024-12-31 (opening balance)",
        )

    @api.model
    def _nordic_ledger_entry(self, company, date, lines, ref=False):
        """Post a miscellaneous entry of ``lines`` = [(account code, balance)]
        (debit positive): the demo's opening balances and the tests' ledgers."""
        Account = self.env["account.account"].with_company(company)
        accounts = {
            account.code: account
            for account in Account.search(
                [
                    *Account._check_company_domain(company),
                    ("code", "in", [code for code, _amount in lines]),
                ]
            )
        }
        missing = [code for code, _amount in lines if code not in accounts]
        if missing:
            raise ValueError(f"{company.name} has no account {', '.join(missing)}")
        journal = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "general")], limit=1
        )
        move = (
            self.env["account.move"]
            .with_company(company)
            .create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "company_id": company.id,
                    "date": date,
                    "ref": ref,
                    "line_ids": [
                        Command.create(
                            {
                                "account_id": accounts[code].id,
                                "name": "Opening balance",
                                "debit": max(amount, 0),
                                "credit": max(-amount, 0),
                            }
                        )
                        for code, amount in lines
                    ],
                }
            )
        )
        move.action_post()
        return move

    @api.model
    def _nordic_demo_class_shared_categories(self):
        """Odoo's own demo products are shared by every company: without an inventory
        class their categories would block the demo companies' closings."""
        self.env["product.template"].flush_model(["categ_id", "is_storable"])
        templates = self.env["product.template"].search(
            [("is_storable", "=", True), ("company_id", "=", False)]
        )
        templates.categ_id.filtered(lambda c: not c.nordic_inventory_class).write(
            {"nordic_inventory_class": "goods_for_resale"}
        )
