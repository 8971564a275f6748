"""Demo companies: a Norwegian (chart ``no``) and a Swedish (chart ``se_K2``) company
with a year of stock movements, closed at 2025-12-31 by the wizard.

Loaded by demo/nordic_stock_closing_demo.xml only when the database has demo data. The
module depends on stock_account only: a company is created only when its chart's
module (l10n_no, l10n_se) is installed. Those modules may be installed in the same run
and load after this one, so the companies are created once every module is loaded
(``_register_hook``), the way ``account`` delays its own chart installation.
"""

import logging

from odoo import Command, api, models

_logger = logging.getLogger(__name__)

DEMO_CATEGORIES = {
    # key: (inventory class, cost method, name)
    "raw": ("raw_material", "average", "Raw materials (AVCO)"),
    "consumable": ("consumable", "average", "Consumables (AVCO)"),
    "finished": ("finished_goods", "fifo", "Finished goods (FIFO)"),
    "resale": ("goods_for_resale", "fifo", "Goods for resale (FIFO)"),
}

# (date, product code, quantity (> 0 receipt, < 0 delivery), unit cost)
DEMO_COMPANIES = {
    "no": {
        "module": "l10n_no",
        "name": "Nordlys Møbler AS (demo)",
        "country": "base.no",
        "selling_cost_percent": 5.0,
        # the misc. journal's counterpart of the opening entry: other equity
        "equity": "2050",
        "products": [
            # code, name, category key, unit, sales price
            ("NO-EIK-145", "Eikeplank 22x145", "raw", "uom.product_uom_meter", 0.0),
            ("NO-BRD-200", "Spisebord eik 200 cm", "finished", "", 14900.0),
            ("NO-PLD-010", "Ullpledd Fjell", "resale", "", 899.0),
            # sells below cost: written down to 390 x 95 % = 370.50 a unit
            ("NO-LMP-AUR", "Designlampe Aurora (utgått modell)", "resale", "", 390.0),
        ],
        "moves": [
            ("2024-09-01", "NO-LMP-AUR", 40, 450.00),
            ("2024-10-01", "NO-PLD-010", 100, 310.00),
            ("2024-11-15", "NO-EIK-145", 2000, 40.00),
            ("2024-12-05", "NO-BRD-200", 10, 6200.00),
            ("2025-01-20", "NO-PLD-010", -60, 0),
            ("2025-02-10", "NO-EIK-145", 3000, 45.00),
            ("2025-03-03", "NO-BRD-200", 20, 6400.00),
            ("2025-03-15", "NO-LMP-AUR", -12, 0),
            ("2025-04-15", "NO-BRD-200", -18, 0),
            ("2025-05-20", "NO-EIK-145", -3500, 0),
            ("2025-06-01", "NO-PLD-010", 200, 325.00),
            ("2025-08-20", "NO-BRD-200", 15, 6650.00),
            ("2025-09-15", "NO-EIK-145", 2500, 47.80),
            ("2025-10-10", "NO-PLD-010", -150, 0),
            ("2025-11-25", "NO-EIK-145", -1200, 0),
            ("2025-12-05", "NO-LMP-AUR", -4, 0),
            ("2025-12-10", "NO-BRD-200", -12, 0),
            # after the balance date: the closing at 2025-12-31 leaves it out
            ("2026-01-15", "NO-PLD-010", 50, 330.00),
        ],
        # the ledger after last year's closing (2024-12-31): opening stock at cost,
        # the lamp written down by 40 x (450 - 380) = 2,800
        "opening": [
            ("1400", 80000.00),
            ("1440", 62000.00),
            ("1460", 49000.00),
            ("1469", -2800.00),
        ],
    },
    "se_K2": {
        "module": "l10n_se",
        "name": "Kaffe & Te Lager AB (demo)",
        "country": "base.se",
        "selling_cost_percent": 4.0,
        "equity": "2091",
        "auto_closing": True,
        "products": [
            ("SE-RKF-060", "Råkaffe Brasil Santos", "raw", "uom.product_uom_kgm", 0.0),
            ("SE-PAP-100", "Kaffefilter papper", "consumable", "", 0.0),
            ("SE-KAF-001", "Kaffebönor mörkrost 1 kg", "resale", "", 149.0),
            # sells below cost: written down to 35 x 96 % = 33.60 a unit
            ("SE-KOP-020", "Kopp porslin (gammal design)", "resale", "", 35.0),
        ],
        "moves": [
            ("2024-08-15", "SE-KOP-020", 400, 38.00),
            ("2024-12-01", "SE-PAP-100", 1000, 4.20),
            ("2024-12-02", "SE-RKF-060", 600, 52.00),
            ("2024-12-10", "SE-KAF-001", 500, 89.00),
            ("2025-01-10", "SE-KOP-020", -90, 0),
            ("2025-02-12", "SE-RKF-060", 900, 57.00),
            ("2025-02-14", "SE-KAF-001", 1200, 92.50),
            ("2025-06-18", "SE-RKF-060", -1000, 0),
            ("2025-06-30", "SE-KAF-001", -1400, 0),
            ("2025-07-01", "SE-PAP-100", -600, 0),
            ("2025-10-08", "SE-RKF-060", 700, 61.00),
            ("2025-10-20", "SE-KAF-001", 800, 97.00),
            ("2025-11-01", "SE-PAP-100", 500, 4.56),
            ("2025-12-12", "SE-RKF-060", -400, 0),
            ("2025-12-15", "SE-PAP-100", -100, 0),
            ("2025-12-18", "SE-KAF-001", -650, 0),
        ],
        # last year's closing: stock at cost, the cups written down by
        # 400 x (38.00 - 35.50) = 1,000
        "opening": [
            ("1410", 31200.00),
            ("1420", 4200.00),
            ("1460", 59700.00),
            ("1469", -1000.00),
        ],
    },
}


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
        for chart, spec in DEMO_COMPANIES.items():
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
                    company = self._nordic_demo_company(chart, spec)
                    self.env["ir.model.data"]._update_xmlids(
                        [{"xml_id": xmlid, "record": company, "noupdate": True}]
                    )
            except Exception:  # noqa: BLE001 - demo data must never block the start
                _logger.exception("The %s demo company could not be created.", chart)

    @api.model
    def _nordic_demo_company(self, chart, spec):
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
        categories = {
            key: self._nordic_demo_category(company, *values)
            for key, values in DEMO_CATEGORIES.items()
        }
        products = {}
        for code, name, category, unit, price in spec["products"]:
            uom = self.env.ref(unit) if unit else self.env.ref("uom.product_uom_unit")
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
        for when, code, quantity, unit_cost in sorted(spec["moves"]):
            self._nordic_dated_move(
                company, products[code], quantity, unit_cost, f"{when} 10:00:00"
            )
        self._nordic_demo_opening_entry(company, spec)
        self._nordic_demo_class_shared_categories()
        return company

    @api.model
    def _nordic_demo_category(self, company, inventory_class, cost_method, name):
        return (
            self.env["product.category"]
            .with_company(company)
            .create(
                {
                    "name": f"{company.name} / {name}",
                    "property_cost_method": cost_method,
                    "property_valuation": "manual_periodic",
                    "nordic_inventory_class": inventory_class,
                }
            )
        )

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
