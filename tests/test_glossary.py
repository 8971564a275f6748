"""One term per thing in every language: the .po files, the form's fields, the
summary PDF and the workbook say the glossary's word (README, "Glossary");
the Swedish tax comparison names the cost methods the stock really uses."""

import io

import openpyxl
import polib
from lxml import html

from odoo.tests import tagged
from odoo.tools.misc import file_path

from ..nordic_closing.glossary import missing_terms
from ..nordic_closing.labels import labels
from .test_reports import SUMMARY, NordicReportCase

MODULE = "l10n_nordic_stock_closing"
LANGS = {"nb": "nb_NO", "sv": "sv_SE", "da": "da_DK", "fi": "fi_FI"}

#: the stock equation's columns in each language, written out by hand
EQUATION = {
    "nb": [
        "Varelagerklasse",
        "Inngående beholdning",
        "Innkjøp / tilvirkning",
        "Utgående anskaffelseskost",
        "Nedskrivning",
        "Utgående beholdning",
        "Varekostnad",
        "Beholdningsendring",
    ],
    "sv": [
        "Lagerklass",
        "Ingående lager",
        "Inköp / tillverkning",
        "Utgående anskaffningsvärde",
        "Nedskrivning",
        "Utgående lager",
        "Kostnad sålda varor",
        "Lagerförändring",
    ],
    "da": [
        "Lagerklasse",
        "Varebeholdning primo",
        "Køb / fremstilling",
        "Kostpris ultimo",
        "Nedskrivning",
        "Varebeholdning ultimo",
        "Vareforbrug",
        "Varelagerregulering",
    ],
    "fi": [
        "Vaihto-omaisuusryhmä",
        "Alkuvarasto",
        "Ostot / valmistus",
        "Loppuvaraston hankintameno",
        "Arvonalennus",
        "Loppuvarasto",
        "Aineiden, tarvikkeiden ja tavaroiden käyttö",
        "Varaston muutos",
    ],
}
#: the form's fields: (model, field, {language: word})
FIELDS = [
    (
        "nordic.stock.closing",
        "company_id",
        ("Selskap", "Företag", "Virksomhed", "Yritys"),
    ),
    (
        "nordic.stock.closing",
        "framework",
        ("Regelverk", "Regelverk", "Regnskabsgrundlag", "Tilinpäätösnormisto"),
    ),
    (
        "nordic.stock.closing",
        "move_id",
        ("Bilag", "Verifikation", "Postering", "Kirjaus"),
    ),
    (
        "nordic.stock.closing.class",
        "opening_value",
        (
            "Inngående beholdning",
            "Ingående lager",
            "Varebeholdning primo",
            "Alkuvarasto",
        ),
    ),
    (
        "nordic.stock.closing.class",
        "closing_value",
        (
            "Utgående beholdning",
            "Utgående lager",
            "Varebeholdning ultimo",
            "Loppuvarasto",
        ),
    ),
    (
        "nordic.stock.closing.class",
        "purchases",
        (
            "Innkjøp / tilvirkning",
            "Inköp / tillverkning",
            "Køb / fremstilling",
            "Ostot / valmistus",
        ),
    ),
    (
        "nordic.stock.closing.class",
        "inventory_class",
        ("Varelagerklasse", "Lagerklass", "Lagerklasse", "Vaihto-omaisuusryhmä"),
    ),
    (
        "nordic.stock.closing.disclosure",
        "difference",
        ("Forskjell", "Skillnad", "Forskel", "Erotus"),
    ),
]


@tagged("post_install", "-at_install")
class TestGlossary(NordicReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in LANGS.values():
            cls.env["res.lang"]._activate_lang(code)
        cls.env["ir.module.module"]._load_module_terms([MODULE], list(LANGS.values()))

    def test_po_files_say_the_glossary_terms(self):
        """Wherever the English text names a glossary term, the translation says
        the glossary's word, and no translation says a word it replaced."""
        for lang in LANGS:
            with self.subTest(lang=lang):
                po = polib.pofile(file_path(f"{MODULE}/i18n/{lang}.po"))
                problems = [
                    (entry.msgid, found)
                    for entry in po
                    for found in missing_terms(entry.msgid, entry.msgstr, lang)
                ]
                self.assertEqual(problems, [])

    def test_form_fields_say_the_glossary_terms(self):
        for model, fname, words in FIELDS:
            for lang, word in zip(LANGS, words, strict=True):
                with self.subTest(field=f"{model}.{fname}", lang=lang):
                    Model = self.env[model].with_context(lang=LANGS[lang])
                    self.assertEqual(Model.fields_get([fname])[fname]["string"], word)

    def _summary(self, closing, lang):
        closing.print_lang = LANGS[lang]
        content, _format = self.env["ir.actions.report"]._render_qweb_html(
            SUMMARY, closing.ids
        )
        return html.fromstring(content)

    def _workbook_equation(self, closing, lang):
        closing.print_lang = LANGS[lang]
        attachment = closing._nordic_attach_workbook()
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw), data_only=True)
        sheet = book[labels(lang)["sheet_equation"]]
        rows = list(sheet.iter_rows(values_only=True))
        return [str(cell) for cell in rows[0] if cell]

    def test_summary_and_workbook_say_the_same_terms(self):
        """The stock equation's columns are the same words in the PDF and the
        workbook, in every language."""
        closing = self._post_swedish_closing()
        for lang, words in EQUATION.items():
            with self.subTest(lang=lang):
                tree = self._summary(closing, lang)
                table = tree.xpath("//table[contains(@class, 'o_nordic_equation')]")[0]
                headers = [
                    " ".join(th.text_content().split()) for th in table.xpath(".//th")
                ]
                self.assertEqual(headers, words)
                self.assertEqual(self._workbook_equation(closing, lang), words)

    def test_swedish_tax_comparison_names_the_methods_used(self):
        """Raw materials at weighted average, goods for resale FIFO: the acquisition
        value the 97 % rule takes is not "FIFO" alone (issue 23)."""
        company = self.company_se
        company.nordic_rule_97 = "contra"
        resale = self._category(company, "goods_for_resale")
        raw = self._category(company, "raw_material", cost_method="average")
        for category, code, qty, cost in ((resale, "X", 10, 50), (raw, "R", 10, 15)):
            product = self._product(company, category, code, 100)
            self._move(product, qty, cost, "2025-03-01 10:00:00")
        closing = self._closing(company)
        closing.action_compute()
        tree = self._summary(closing, "sv")
        (methods,) = tree.xpath("//div[contains(@class, 'o_nordic_methods')]")
        self.assertEqual(
            " ".join(methods.text_content().split()),
            "FIFU (först in, först ut) (Handelsvaror); Vägt genomsnitt (Råvaror)",
        )
        rule = tree.xpath("//table[contains(@class, 'o_nordic_rule_97')]")[0]
        self.assertIn("Anskaffningsvärde för hela lagret", rule.text_content())
        self.assertNotIn("FIFU)", rule.text_content())
        # the workbook's principles say the same
        closing.print_lang = "sv_SE"
        attachment = closing._nordic_attach_workbook()
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw), data_only=True)
        principles = [
            row[0] for row in book["Principer"].iter_rows(values_only=True) if row[0]
        ]
        self.assertIn(
            "Råvaror: Anskaffningsvärdet har beräknats enligt vägda genomsnittspriser.",
            principles,
        )
