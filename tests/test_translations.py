"""The translations ship complete: the template holds exactly what Odoo exports
from the addon today, and Norwegian, Swedish, Danish and Finnish translate every
term with the same placeholders."""

import re

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

MODULE = "l10n_nordic_stock_closing"
LANGUAGES = ("nb", "sv", "da", "fi")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sr]|%[sr%]")


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def _po(self, name):
        return polib.pofile(file_path(f"{MODULE}/i18n/{name}"))

    def test_template_matches_the_code(self):
        # a development checkout may hold a virtualenv (make): not the addon's terms
        exported = {
            source
            for _module, _type, name, _res_id, source, _value, _comments in (
                TranslationModuleReader(self.env.cr, modules=[MODULE])
            )
            if "/.venv/" not in (name or "")
        }
        template = {entry.msgid for entry in self._po(f"{MODULE}.pot")}
        self.assertEqual(sorted(exported - template), [], "terms missing in .pot")
        self.assertEqual(sorted(template - exported), [], "obsolete terms in .pot")

    def test_every_language_translates_every_term(self):
        template = {entry.msgid for entry in self._po(f"{MODULE}.pot")}
        for lang in LANGUAGES:
            with self.subTest(lang=lang):
                po = self._po(f"{lang}.po")
                self.assertEqual({entry.msgid for entry in po}, template)
                self.assertEqual([e.msgid for e in po if not e.msgstr], [])
                self.assertEqual([e.msgid for e in po if "fuzzy" in e.flags], [])
                wrong = [
                    entry.msgid
                    for entry in po
                    if sorted(PLACEHOLDER.findall(entry.msgid))
                    != sorted(PLACEHOLDER.findall(entry.msgstr))
                ]
                self.assertEqual(wrong, [], f"placeholders differ in {lang}.po")
