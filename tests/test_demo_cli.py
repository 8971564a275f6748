"""The demo companies (demo/nordic_demo_companies.json) closed twice from the same
movements: by Odoo (``nordic.stock.closing``) and by the engine's command line
(``python -m nordic_closing close --json``) on CSV files written from the JSON file,
not from Odoo's records. Both must agree on the closing value, each item's value and
write-down, the entry's net per account and the disclosures. The Danish and Finnish
companies are also checked against the figures computed by hand in their ``notes``.

The command line applies one cost method (``--method``) to every item, Odoo the
method of each item's category: a company whose categories use both is closed by the
command line once per method, each class taken from the run of its own method (its
accounts must then be its own: checked)."""

import csv
import json
import subprocess
import sys
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_open

from ..models.nordic_stock_closing_demo import DEMO_FILE
from ..nordic_closing.valuation import nrv_from_sales_price

ADDON_ROOT = Path(__file__).resolve().parent.parent
BALANCE_DATE = date(2025, 12, 31)
MOVES_HEADER = ("date", "product", "name", "unit", "inventory_class", "quantity")
NRV_HEADER = ("product", "net_realisable_value", "replacement_cost", "tax_group")


def _write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def _money(amount):
    return round(float(amount or 0), 2)


def _net(lines, code_of):
    """``{account code: net debit}`` of entry lines, zero nets left out."""
    net = {}
    for line in lines:
        code = code_of(line)
        net[code] = _money(
            net.get(code, 0) + _money(line["debit"]) - _money(line["credit"])
        )
    return {code: amount for code, amount in net.items() if amount}


@tagged("post_install", "-at_install")
class TestDemoCli(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with file_open(DEMO_FILE) as demo_file:
            cls.demo = json.load(demo_file)
        cls.env["nordic.stock.closing.demo"]._nordic_demo_create()

    # -- the two closings ----------------------------------------------------
    def _closings(self, key):
        """Odoo's closing of demo company ``key`` and the command line's, checked
        to agree: ``(company, closing)``."""
        spec = self.demo["companies"][key]
        if self.env["ir.module.module"]._get(spec["module"]).state != "installed":
            self.skipTest(f"{spec['module']} is not installed: no {key} demo company")
        company = self.env.ref(
            f"l10n_nordic_stock_closing.demo_company_{key.lower()}",
            raise_if_not_found=False,
        )
        self.assertTrue(company, f"the {key} demo company was not created: see the log")
        self.assertEqual(company.partner_id.lang, spec["lang"])
        closing = self.env["nordic.stock.closing"].create(
            {"company_id": company.id, "date": BALANCE_DATE}
        )
        closing.action_compute()
        cli = self._cli_closing(company, spec)
        self._assert_same(company, closing, cli)
        return company, closing

    def _cli_closing(self, company, spec):
        """The command line's closing of the JSON file's movements, per method."""
        country, framework = company.nordic_closing_framework.split("_", 1)
        self.assertEqual(country, spec["country"].removeprefix("base.").upper())
        categories = self.demo["categories"]
        class_methods = {}
        for _code, _name, key, _unit, _price in spec["products"]:
            category = categories[key]
            method = class_methods.setdefault(
                category["inventory_class"], category["cost_method"]
            )
            self.assertEqual(
                method,
                category["cost_method"],
                f"{category['inventory_class']}: one cost method per class",
            )
        with tempfile.TemporaryDirectory() as folder:
            files = self._write_inputs(Path(folder), spec)
            runs = {
                method: self._run_cli(
                    "--country",
                    country,
                    "--framework",
                    framework,
                    "--method",
                    method,
                    "--rule-97",
                    company.nordic_rule_97 or "off",
                    *files,
                )
                for method in sorted(set(class_methods.values()))
            }
        return self._merge(runs, class_methods)

    def _write_inputs(self, folder, spec):
        """The movements, ledger and NRV files of ``spec`` as command-line options."""
        categories = self.demo["categories"]
        products = {product[0]: product for product in spec["products"]}
        moves = []
        for when, code, quantity, unit_cost in spec["moves"]:
            _code, name, key, unit, _price = products[code]
            unit = unit.removeprefix("uom.product_uom_") or "unit"
            inventory_class = categories[key]["inventory_class"]
            moves.append((when, code, name, unit, inventory_class, quantity, unit_cost))
        principles = spec.get("tax_principles")
        vendor_prices = spec.get("vendor_prices", {})
        prices = []
        for code, _name, key, _unit, price in spec["products"]:
            nrv = nrv_from_sales_price(
                categories[key]["inventory_class"], price, spec["selling_cost_percent"]
            )
            row = (
                code,
                "" if nrv is None else f"{nrv:f}",
                vendor_prices.get(code, ""),
                # Denmark: each category is a product group, as in Odoo
                key if principles else "",
                principles.get(key, "") if principles else "",
            )
            if any(row[1:]):
                prices.append(row)
        return (
            "--moves",
            _write_csv(folder / "moves.csv", (*MOVES_HEADER, "unit_cost"), moves),
            "--balances",
            _write_csv(
                folder / "balances.csv", ("account", "balance"), spec["opening"]
            ),
            "--nrv",
            _write_csv(folder / "nrv.csv", (*NRV_HEADER, "tax_principle"), prices),
        )

    def _run_cli(self, *args):
        process = subprocess.run(
            [sys.executable, "-m", "nordic_closing", "close"]
            + ["--date", BALANCE_DATE.isoformat(), *args, "--json"],
            cwd=ADDON_ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        self.assertEqual(process.returncode, 0, process.stderr)
        return json.loads(process.stdout, parse_float=Decimal)

    def _merge(self, runs, class_methods):
        """One closing from the runs per method: each class, its items and its entry
        lines from the run of its method (the first run for a class without
        items, and the Swedish stock reserve)."""
        first = next(iter(runs.values()))

        def own(run, inventory_class):
            method = class_methods.get(inventory_class)
            return run is (runs[method] if method else first)

        methods_of_account = {}
        for cls in first["classes"]:
            method = class_methods.get(cls["inventory_class"])
            for account in (cls["inventory_account"], cls["contra_account"]):
                methods_of_account.setdefault(account, set()).add(method)
        shared = sorted(a for a, m in methods_of_account.items() if a and len(m) > 1)
        self.assertFalse(shared, "accounts of classes of different cost methods")
        return {
            part: [
                row
                for run in runs.values()
                for row in run[part]
                if own(run, row["inventory_class"])
            ]
            for part in ("classes", "items", "entry")
        } | {
            # single-method companies only (Denmark, Finland)
            "tax_groups": first["tax_groups"] if len(runs) == 1 else None,
            "replacement_disclosure": first["replacement_disclosure"]
            if len(runs) == 1
            else None,
        }

    def _assert_same(self, company, closing, cli):
        self.assertEqual(closing.state, "computed", closing.error_message)
        self.assertAlmostEqual(
            closing.closing_value,
            float(sum(cls["closing_value"] for cls in cli["classes"])),
            places=2,
        )
        self.assertEqual(
            {
                line.product_id.default_code: (
                    _money(line.acquisition_value),
                    _money(line.write_down),
                    line.write_down_reason or "",
                    _money(line.value),
                )
                for line in closing.line_ids
            },
            {
                item["product"]: (
                    _money(item["acquisition_value"]),
                    _money(item["write_down"]),
                    item["reason"],
                    _money(item["value"]),
                )
                for item in cli["items"]
            },
        )
        self.assertEqual(
            self._odoo_net(company, closing),
            _net(cli["entry"], lambda line: line["account"]),
        )
        if cli["tax_groups"] is not None:
            self.assertEqual(
                self._tax_groups(closing),
                sorted(
                    (g["principle"], _money(g["book_value"]), _money(g["tax_value"]))
                    for g in cli["tax_groups"]
                ),
            )
        if cli["replacement_disclosure"] is not None:
            self.assertEqual(
                self._replacement(closing),
                {
                    line["inventory_account"]: (
                        _money(line["cost"]),
                        _money(line["replacement_value"]),
                    )
                    for line in cli["replacement_disclosure"]
                },
            )

    # -- Odoo's figures ------------------------------------------------------
    def _odoo_net(self, company, closing):
        return _net(
            [
                {"line": line, "debit": line.debit, "credit": line.credit}
                for line in closing.entry_line_ids
            ],
            lambda row: row["line"].account_id.with_company(company).code,
        )

    def _tax_groups(self, closing):
        return sorted(
            (d.tax_principle, _money(d.book_value), _money(d.compare_value))
            for d in closing.disclosure_ids
            if d.kind == "tax_group"
        )

    def _replacement(self, closing):
        return {
            d.name: (_money(d.book_value), _money(d.compare_value))
            for d in closing.disclosure_ids
            if d.kind == "replacement"
        }

    def _check_totals(self, key, framework, acquisition, write_down, value):
        """The two closings of ``key`` agree; Odoo's totals are those by hand.
        ``(company, closing, {product code: line})``."""
        company, closing = self._closings(key)
        self.assertEqual(company.nordic_closing_framework, framework)
        self.assertEqual(
            (closing.acquisition_value, closing.write_down, closing.closing_value),
            (acquisition, write_down, value),
        )
        lines = {line.product_id.default_code: line for line in closing.line_ids}
        return company, closing, lines

    # -- the companies' language ----------------------------------------------
    def test_demo_companies_in_their_language(self):
        """Each company's chart reads in its language (the language installed
        before the chart: names from the chart's own translations, Odoo's
        l10n_*/data/template CSV files) and its categories are named in it."""
        expected = {
            # chart key: (account code, its name, {category names})
            "no": (
                "1460",
                "Innkjøpte varer for videresalg",
                {
                    "Råvarer (AVCO)",
                    "Ferdige egentilvirkede varer (FIFO)",
                    "Innkjøpte varer for videresalg (FIFO)",
                },
            ),
            "se_K2": (
                "1460",
                "Lager av handelsvaror",
                {
                    "Råvaror (AVCO)",
                    "Tillsatsmaterial och förnödenheter (AVCO)",
                    "Handelsvaror (FIFO)",
                },
            ),
            "dk": (
                "6140",
                "Fremstillede varer og handelsvarer",
                {
                    "Råvarer (FIFO)",
                    "Fremstillede varer (FIFO)",
                    "Handelsvarer (FIFO)",
                    "Varer under fremstilling (FIFO)",
                },
            ),
            "fi": ("1531", "Tavarat", {"Aineet (FIFO)", "Tavarat (FIFO)"}),
        }
        for key, (code, account_name, category_names) in expected.items():
            spec = self.demo["companies"][key]
            if self.env["ir.module.module"]._get(spec["module"]).state != "installed":
                continue
            with self.subTest(company=key):
                company = self.env.ref(
                    f"l10n_nordic_stock_closing.demo_company_{key.lower()}"
                )
                Account = (
                    self.env["account.account"]
                    .with_company(company)
                    .with_context(lang=spec["lang"])
                )
                account = Account.search(
                    [*Account._check_company_domain(company), ("code", "=", code)]
                )
                self.assertEqual(account.name, account_name)
                products = self.env["product.product"].search(
                    [("company_id", "=", company.id)]
                )
                self.assertEqual(
                    set(products.categ_id.mapped("name")),
                    {f"{spec['name']} / {name}" for name in category_names},
                )

    # -- the companies -------------------------------------------------------
    def test_demo_no(self):
        """Norway: raw materials on AVCO, the rest on FIFO (two command-line runs);
        the totals of README "Demo data"."""
        self._check_totals("no", "NO_NGAAP", 268600, 1908, 266692)

    def test_demo_se_k2(self):
        """Sweden (K2): raw materials and consumables on AVCO, the rest on FIFO; the
        totals of README "Demo data"."""
        self._check_totals("se_K2", "SE_K2", 105750, 1364, 104386)

    def test_demo_dk(self):
        """Denmark, class B, all FIFO (the demo file's notes): cost 132,000, the lamps
        written down to their NRV by 7,000, closing value 125,000; the cushions'
        vendor price 98 is below their cost 100 but only the tax view uses it."""
        company, closing, lines = self._check_totals("dk", "DK_B", 132000, 7000, 125000)
        lamp, cushion = lines["DK-LAMPE-500"], lines["DK-PUDE-600"]
        self.assertEqual((lamp.write_down, lamp.write_down_reason), (7000, "nrv"))
        self.assertEqual(cushion.replacement_source, "vendor_price")
        self.assertAlmostEqual(cushion.replacement_cost, 98)
        self.assertEqual(cushion.write_down, 0)
        self.assertEqual(
            self._odoo_net(company, closing),
            {
                "6080": 12000,  # 60,000 - 48,000
                "1770": -2000,  # raw materials -12,000, goods for resale +10,000
                "6110": -8000,  # 12,000 - 20,000
                "1410": 13000,  # work in progress 8,000, finished goods 5,000
                "6140": -15000,  # 60,000 - 75,000 (25,000 / 50,000 by target)
                "6150": -4000,  # write-down 7,000 against 3,000
                "1800": 4000,
            },
        )
        # varelagerloven § 1: resale at dagspris 40 x 240 + 240 x 98 = 33,120
        self.assertEqual(
            self._tax_groups(closing),
            [
                ("dagspris", 33000, 33120),
                ("manufacturing_price", 12000, 12000),
                ("manufacturing_price", 20000, 20000),
                ("purchase_price", 60000, 60000),
            ],
        )

    def test_demo_fi(self):
        """Finland, FAS, all FIFO (the demo file's notes): cost 18,900; the coffee
        beans written down through their replacement cost (600 x (12 - 11) = 600),
        the cups through their NRV (150 x (8 - 4.50) = 525); closing value
        17,775; the opening ledger at acquisition cost."""
        company, closing, lines = self._check_totals("fi", "FI_FAS", 18900, 1125, 17775)
        beans, cups = lines["FI-KAHVI-001"], lines["FI-KUPPI-002"]
        green = lines["FI-RAAKA-010"]
        self.assertEqual(beans.replacement_source, "vendor_price")
        self.assertAlmostEqual(beans.replacement_cost, 11)
        self.assertAlmostEqual(beans.net_realisable_value, 18)
        self.assertEqual(
            (beans.write_down, beans.write_down_reason), (600, "replacement_cost")
        )
        self.assertEqual((cups.write_down, cups.write_down_reason), (525, "nrv"))
        self.assertAlmostEqual(green.replacement_cost, 7.2)
        self.assertEqual(green.write_down, 0)
        self.assertEqual(
            self._odoo_net(company, closing),
            {"1501": -1500, "4400": 1500, "1531": 675, "4410": -1800, "4440": 1125},
        )
        # KPA 2:4 §: 1,500 x 7.20 = 10,800; 600 x 11 + 150 x 8 (at cost) = 7,800
        self.assertEqual(
            self._replacement(closing),
            {"1501": (10500, 10800), "1531": (8400, 7800)},
        )
