"""A country is data: one registered in the engine's table shows in Odoo's
settings, closing, count list and summary without any other change, and no view,
report or model of the addon tests a country or framework key itself."""

import re
from pathlib import Path
from types import MappingProxyType

from lxml import html

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.l10n_nordic_stock_closing.nordic_closing.countries import Country
from odoo.addons.l10n_nordic_stock_closing.nordic_closing.frameworks import (
    Framework,
    register_country,
)

from .closing_common import NordicStockClosingCase

ADDON = Path(__file__).resolve().parent.parent
#: a country or framework key written as a literal ('SE', "DK_B", 'FI_FAS')
KEY_LITERAL = re.compile(r"""["'](NO|SE|DK|FI)(_[A-Z0-9]+)?["']""")


def _texts(text):
    """One text in each of the five languages (Examplia writes only English)."""
    return (text,) * 5


EXAMPLIA = Country(
    "XX",
    "en",
    "EUR",
    "GAAP",
    "Europe/Berlin",
    # Examplia's companies use the Norwegian chart (its mapping rows exist)
    charts=(("no", "GAAP"),),
    count_list_tax_value=True,
    tax_difference=True,
    texts=MappingProxyType(
        {
            "count_list_title": _texts("Stocktake sheet"),
            "count_list_law": _texts("Stocktake sheet under the Examplia Stock Act."),
            "count_oath": _texts("Counted truly, Examplia Stock Act § 3."),
            "tax_difference_heading": _texts("Examplia tax value (ETA § 9)"),
            "tax_difference_note": _texts("Examplia: write-downs deductible later."),
        }
    ),
)
EXAMPLIA_GAAP = Framework(
    country="XX",
    code="GAAP",
    label="Examplia GAAP",
    chart_template="no",
    rule_97_modes=("contra",),
    fixed_value="tolerance",
    fixed_value_rule="Examplia Stock Act § 4",
    fixed_value_law="Examplia Stock Act § 4",
)


@tagged("post_install", "-at_install")
class TestCountryAsData(NordicStockClosingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.addClassCleanup(register_country(EXAMPLIA, EXAMPLIA_GAAP))
        cls.examplia = cls.env["res.country"].create(
            {
                "name": "Examplia",
                "code": "XX",
                "currency_id": cls.env.ref("base.EUR").id,
            }
        )
        company = cls._nordic_create_company("Examplia Stock AS", "NO", "no")
        company.write(
            {
                "country_id": cls.examplia.id,
                "account_fiscal_country_id": cls.examplia.id,
            }
        )
        company._nordic_apply_default_settings()
        cls.company = company

    def test_settings_offer_the_country(self):
        """The company's framework is proposed from the table (Examplia for the
        chart ``no`` in Examplia), the settings show the block and the options
        the framework allows."""
        company = self.company
        self.assertEqual(company.nordic_closing_framework, "XX_GAAP")
        settings = self.env["res.config.settings"].with_company(company).create({})
        self.assertTrue(settings.nordic_closing_available)
        self.assertEqual(settings.nordic_country, "XX")
        self.assertTrue(settings.nordic_has_rule_97)
        self.assertTrue(settings.nordic_has_fixed_value_tolerance)
        self.assertFalse(settings.nordic_has_tax_groups)
        labels = dict(
            company._fields["nordic_closing_framework"]._description_selection(self.env)
        )
        self.assertEqual(labels["XX_GAAP"], "Examplia GAAP")
        # the 97 % rule the framework allows (contra) is accepted, not reserve
        company.nordic_rule_97 = "contra"
        self.assertFalse(company._nordic_rule_97_refusal())
        with self.assertRaisesRegex(ValidationError, "Examplia GAAP"):
            company.nordic_rule_97 = "reserve"

    def test_closing_and_documents(self):
        """10 units received at 100: the closing values 1,000 (10 x 100); its form
        shows the 97 % rule; the count list and the summary speak Examplia's
        words, with the tax value column and the tax view its table asks for."""
        company = self.company
        category = self._category(company, "goods_for_resale")
        product = self._product(company, category, "EX-1", list_price=150.0)
        self._move(product, 10, 100.0, when="2025-06-01 12:00:00")
        closing = self._closing(company)
        closing.action_compute()
        self.assertEqual(closing.framework, "XX_GAAP")
        self.assertEqual(closing.nordic_country, "XX")
        self.assertTrue(closing.nordic_has_rule_97)
        self.assertAlmostEqual(closing.closing_value, 1000.0, places=2)

        count_list, _format = self.env["ir.actions.report"]._render_qweb_html(
            "l10n_nordic_stock_closing.action_report_nordic_count_list", closing.ids
        )
        text = " ".join(html.fromstring(count_list).text_content().split())
        for expected in (
            "Stocktake sheet",
            "Stocktake sheet under the Examplia Stock Act.",
            "Counted truly, Examplia Stock Act § 3.",
            "Tax value",
        ):
            self.assertIn(expected, text)
        summary, _format = self.env["ir.actions.report"]._render_qweb_html(
            "l10n_nordic_stock_closing.action_report_nordic_closing_summary",
            closing.ids,
        )
        text = " ".join(html.fromstring(summary).text_content().split())
        self.assertIn("Examplia tax value (ETA § 9)", text)
        self.assertIn("Examplia: write-downs deductible later.", text)

    def test_no_country_keys_outside_the_engine(self):
        """Views, reports and the Odoo layer's Python show or hide by the computed
        fields of ``nordic.framework.mixin``, never by a country or framework key."""
        found = []
        for folder in ("views", "reports", "wizards", "models", "controllers", "data"):
            for path in sorted((ADDON / folder).glob("*.*")):
                if path.suffix not in (".py", ".xml"):
                    continue
                for number, line in enumerate(path.read_text().splitlines(), 1):
                    if KEY_LITERAL.search(line):
                        found.append(f"{folder}/{path.name}:{number}: {line.strip()}")
        self.assertEqual(found, [])
