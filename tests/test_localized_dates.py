"""Dates as the language writes them (Settings > Languages: nb_NO 31.12.2025,
sv_SE 2025-12-31, en_US 12/31/2025): the closing's name and entry in the language of
its documents (the company's), the chatter in the user's; the model's description
as the chatter names it; the downloads under their whole name."""

import io
from datetime import date
from urllib.parse import unquote

import openpyxl

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .closing_common import NordicStockClosingCase

CLOSING = "nordic.stock.closing"
MANAGER_GROUPS = (
    "l10n_nordic_stock_closing.group_nordic_closing_manager,account.group_account_user"
)


class LocalizedCase(NordicStockClosingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in ("nb_NO", "sv_SE"):
            cls.env["res.lang"]._activate_lang(lang)
        cls.env["ir.module.module"]._load_module_terms(
            ["l10n_nordic_stock_closing"], ["nb_NO", "sv_SE"]
        )
        cls.company_no.partner_id.lang = "nb_NO"
        cls.company_se.partner_id.lang = "sv_SE"

    def _computed(self, company, user_lang="en_US"):
        """10 units received at 100 (goods for resale, no sales price: no
        write-down): the entry books 1,000 on 1460."""
        product = self._product(
            company, self._category(company, "goods_for_resale"), "D"
        )
        self._move(product, 10, 100, "2025-06-01 10:00:00")
        closing = self._closing(company).with_context(lang=user_lang)
        closing.action_compute()
        return closing


@tagged("post_install", "-at_install")
class TestLocalizedDates(LocalizedCase):
    def test_norwegian_name_and_entry(self):
        """A Norwegian company's closing and entry, prepared by an English user:
        31.12.2025 in the name, the entry's reference, its lines and the workbook."""
        closing = self._computed(self.company_no)
        self.assertEqual(closing.name, "Varelageravslutning 31.12.2025")
        labels = closing.entry_line_ids.mapped("name")
        self.assertTrue(labels)
        for label in labels:
            self.assertTrue(label.startswith("Varelageravslutning 31.12.2025: "), label)
        closing.action_post()
        move = closing.move_id
        self.assertEqual(move.ref, "Varelageravslutning 31.12.2025")
        self.assertEqual(set(move.line_ids.mapped("name")), set(labels))
        book = openpyxl.load_workbook(
            io.BytesIO(closing.workbook_attachment_id.raw), data_only=True
        )
        texts = [
            cell
            for row in book["Sammendrag"].iter_rows(values_only=True)
            for cell in row
            if isinstance(cell, str) and cell.startswith("Varelageravslutning ")
        ]
        self.assertTrue(texts)
        for text in texts:
            self.assertTrue(text.startswith("Varelageravslutning 31.12.2025: "), text)
        self.assertEqual(
            closing.workbook_attachment_id.name,
            "Nordvare AS - Varelageravslutning 31.12.2025.xlsx",
        )

    def test_swedish_name_and_entry(self):
        """Swedish writes dates year first (SS-ISO 8601), as Odoo's sv_SE does."""
        closing = self._computed(self.company_se)
        self.assertEqual(closing.name, "Lagerbokslut 2025-12-31")
        for label in closing.entry_line_ids.mapped("name"):
            self.assertTrue(label.startswith("Lagerbokslut 2025-12-31: "), label)

    def test_english_name_follows_en_us(self):
        self.company_no.partner_id.lang = "en_US"
        closing = self._computed(self.company_no)
        self.assertEqual(closing.name, "Inventory closing 12/31/2025")
        for label in closing.entry_line_ids.mapped("name"):
            self.assertTrue(label.startswith("Inventory closing 12/31/2025: "), label)
        # no slash in a file name
        attachment = closing._nordic_attach_workbook()
        self.assertEqual(
            attachment.name, "Nordvare AS - Inventory closing 12-31-2025.xlsx"
        )

    def test_document_names_in_the_documents_language(self):
        """The Print menu's PDF names (``print_report_name``) and the XLSX count
        list say the document in the company's language, dated as it writes dates,
        whatever the user's language."""
        closing = self._computed(self.company_no)
        Report = self.env["ir.actions.report"]
        for xmlid, expected in (
            (
                "l10n_nordic_stock_closing.action_report_nordic_count_list",
                "Varetellingsliste - Nordvare AS - 31.12.2025",
            ),
            (
                "l10n_nordic_stock_closing.action_report_nordic_closing_summary",
                "Sammendrag av varelageravslutning - Nordvare AS - 31.12.2025",
            ),
        ):
            report = Report._get_report(xmlid)
            name = safe_eval(report.print_report_name, {"object": closing})
            self.assertEqual(name, expected)
        attachment = closing._nordic_attach_count_list_xlsx()
        self.assertEqual(
            attachment.name, "Varetellingsliste - Nordvare AS - 31.12.2025.xlsx"
        )

    def test_chatter_in_the_users_language(self):
        """The reversal's message is the user's: a Norwegian user reads 01.01.2026,
        a Swedish one 2026-01-01; the reversal entry names the closing in the
        company's language."""
        for company, lang, expected in (
            (self.company_no, "nb_NO", "Reversert 01.01.2026 med bilag"),
            (self.company_se, "nb_NO", "Reversert 01.01.2026 med bilag"),
            (self.company_no, "sv_SE", "Återfört 2026-01-01 genom verifikation"),
        ):
            with self.subTest(company=company.name, lang=lang):
                closing = self._computed(company, user_lang=lang)
                closing.action_post()
                closing.action_reverse(date=date(2026, 1, 1), reason="feil")
                self.assertIn(expected, " ".join(closing.message_ids.mapped("body")))
                self.assertIn(closing.name, closing.reversal_move_id.ref)

    def test_description(self):
        """The chatter names the model by its description: "Inventory closing",
        not the countries."""
        Model = self.env["ir.model"]
        self.assertEqual(Model._get(CLOSING).name, "Inventory closing")
        self.assertEqual(
            Model.with_context(lang="nb_NO")._get(CLOSING).name, "Varelageravslutning"
        )
        closing = (
            self.env[CLOSING]
            .with_context(lang="sv_SE")
            .create({"company_id": self.company_se.id, "date": date(2025, 6, 30)})
        )
        (created,) = closing.message_ids.mapped("body")
        self.assertIn("Lagerbokslut", created)
        self.assertNotIn("Norge", created)


@tagged("post_install", "-at_install")
class TestDownloadNames(LocalizedCase, HttpCase):
    """The closing's files keep their whole name over HTTP: a company name with
    ø and brackets ("Nordlys Møbler AS (demo)") in an RFC 5987 ``filename*``
    that browsers read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_no.name = "Nordlys Møbler AS (demo)"
        cls.manager = new_test_user(
            cls.env,
            login="download_manager",
            password="download_manager",
            groups=MANAGER_GROUPS,
            company_id=cls.company_no.id,
            company_ids=[cls.company_no.id],
        )

    def _download(self, action):
        self.authenticate("download_manager", "download_manager")
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        return response

    def test_workbook_download_keeps_the_whole_name(self):
        closing = self._computed(self.company_no).with_user(self.manager)
        action = closing.action_download_xlsx()
        response = self._download(action)
        name = "Nordlys Møbler AS (demo) - Varelageravslutning 31.12.2025.xlsx"
        self.assertEqual(
            response.headers["Content-Disposition"],
            "attachment; filename*=UTF-8''Nordlys%20M%C3%B8bler%20AS%20%28demo%29"
            "%20-%20Varelageravslutning%2031.12.2025.xlsx",
        )
        value = response.headers["Content-Disposition"].split("UTF-8''", 1)[1]
        self.assertEqual(unquote(value), name)
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].rsplit("/", 1)[1])
        )
        self.assertEqual(attachment.name, name)
        self.assertEqual(response.content, attachment.raw)

    def test_count_list_download_keeps_the_whole_name(self):
        closing = self._computed(self.company_no).with_user(self.manager)
        response = self._download(closing.action_download_count_list_xlsx())
        value = response.headers["Content-Disposition"].split("UTF-8''", 1)[1]
        self.assertEqual(
            unquote(value),
            "Varetellingsliste - Nordlys Møbler AS (demo) - 31.12.2025.xlsx",
        )

    def test_only_the_closings_files(self):
        """The route serves the files of closings, not any attachment."""
        other = self.env["ir.attachment"].create(
            {
                "name": "other.txt",
                "raw": b"x",
                "res_model": "res.partner",
                "res_id": self.manager.partner_id.id,
            }
        )
        self.authenticate("download_manager", "download_manager")
        response = self.url_open(f"/l10n_nordic_stock_closing/download/{other.id}")
        self.assertEqual(response.status_code, 404)
