"""How the closing writes for its reader: the documents' language, dates and
amounts, and its notes in the chatter."""

import ast
from decimal import ROUND_HALF_EVEN, Decimal

from markupsafe import escape

from odoo import models
from odoo.tools.misc import format_date, get_lang

from odoo.addons.base.models.res_lang import intersperse


class NordicStockClosingLanguage(models.Model):
    _inherit = "nordic.stock.closing"

    def _nordic_document_lang(self):
        """The language of the closing's documents (entry, workbook, count list,
        summary): the one chosen to print in, else the company's, as an auditor
        receives them."""
        return (
            # a document rendered in the background: the language it was asked in
            self.env.context.get("nordic_print_lang")
            or self.print_lang
            or self.company_id.partner_id.lang
            or self.env.lang
            or "en_US"
        )

    def _nordic_document_env(self):
        return self.with_context(lang=self._nordic_document_lang()).env

    def _nordic_date(self, value, document=False):
        """``value`` (a date) as the user's language writes it (its date format in
        Settings > Languages); ``document``: as the closing's documents' language
        does (its name, the entry)."""
        return format_date(self._nordic_document_env() if document else self.env, value)

    def _nordic_date_format(self):
        """The strftime pattern of the documents' language: the engine's entry
        texts are dated with it."""
        return get_lang(self.env, self._nordic_document_lang()).date_format

    def _nordic_log(self, body):
        """Say ``body`` (text, escaped; or Markup) in the closing's chatter as a
        note: as Odoo's field tracking does, it needs no e-mail address of its
        author (preparers are often warehouse staff without one) and notifies no
        one."""
        self.ensure_one()
        return self._message_log(body=escape(body))

    def _nordic_money(self, amount):
        """An amount as the reader's language writes it (separators, currency)."""
        return self._nordic_money_formatter()(amount)

    def _nordic_money_formatter(self):
        """A function writing an amount as the language of ``self.env`` does
        (Odoo's grouping and separators, the currency's decimals and name), with
        the language's data read once: the notes of 100,000 lines are written
        without a call into Odoo's formatting each."""
        currency = self.currency_id
        data = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
        if not data:  # a language not installed: Odoo's own fallback
            data = self.env["res.lang"]._get_data(code="en_US")
        grouping = ast.literal_eval(data.grouping)
        separator, point = data.thousands_sep or "", data.decimal_point
        exponent = Decimal(1).scaleb(-currency.decimal_places)

        def money(amount):
            text = str(Decimal(str(amount)).quantize(exponent, ROUND_HALF_EVEN))
            whole, _dot, fraction = text.partition(".")
            whole = intersperse(whole, grouping, separator)[0]
            return f"{point.join(filter(None, (whole, fraction)))} {currency.name}"

        return money
