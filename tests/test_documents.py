"""The count list and summary of a large closing, rendered in the background, and
the XLSX count list (README "Reports").

The Norwegian closing of ``NordicReportCase`` has three items: F 40 (finished
goods), A 600 and B 100 (goods for resale). With the threshold at 2 items it is a
"large" closing; at the default 5,000 a small one.
"""

import io
import shutil
from unittest.mock import patch

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .test_reports import COUNT_LIST, SUMMARY, NordicReportCase

THRESHOLD = "l10n_nordic_stock_closing.document_background_lines"
CRON = "l10n_nordic_stock_closing.ir_cron_nordic_render_documents"


@tagged("post_install", "-at_install")
class TestNordicClosingDocuments(NordicReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user_vals = {
            "company_id": cls.company_no.id,
            "company_ids": [cls.company_no.id],
        }
        cls.accountant = new_test_user(
            cls.env, "nordic_doc_accountant", "account.group_account_user", **user_vals
        )
        # reads the closings (and may print them) but changes nothing
        cls.auditor = new_test_user(
            cls.env, "nordic_doc_auditor", "account.group_account_readonly", **user_vals
        )
        cls.employee = new_test_user(
            cls.env, "nordic_doc_employee", "base.group_user", **user_vals
        )

    def setUp(self):
        super().setUp()
        self.closing = self._post_norwegian_closing()
        self.env["ir.config_parameter"].sudo().set_param(THRESHOLD, "2")
        # with wkhtmltopdf, a real PDF even in test mode (else Odoo's HTML fallback)
        self.pdf = bool(shutil.which("wkhtmltopdf"))
        self.Closing = self.env["nordic.stock.closing"].with_context(
            force_report_rendering=self.pdf
        )

    def _attachments(self):
        return self.env["ir.attachment"].search(
            [
                ("res_model", "=", "nordic.stock.closing"),
                ("res_id", "=", self.closing.id),
                ("id", "!=", self.closing.workbook_attachment_id.id),
            ]
        )

    def _triggers(self):
        return self.env["ir.cron.trigger"].search(
            [("cron_id", "=", self.env.ref(CRON).id)]
        )

    def _messages(self):
        return self.closing.message_ids.mapped("body")

    def _assert_rendered(self, attachment, expected_text):
        content = attachment.raw
        if self.pdf:
            self.assertEqual(attachment.mimetype, "application/pdf")
            self.assertTrue(content.startswith(b"%PDF"))
            self.assertTrue(attachment.name.endswith(".pdf"))
        else:  # Odoo's test mode without wkhtmltopdf renders the HTML
            self.assertIn(expected_text.encode(), content)

    def test_below_the_threshold_the_button_prints_at_once(self):
        self.env["ir.config_parameter"].sudo().set_param(THRESHOLD, "3")  # 3 items
        triggers = self._triggers()
        for method, xmlid in (
            ("action_print_count_list", COUNT_LIST),
            ("action_print_summary", SUMMARY),
        ):
            action = getattr(self.closing.with_user(self.accountant), method)()
            self.assertEqual(action["type"], "ir.actions.report")
            self.assertEqual(action["report_name"], self.env.ref(xmlid).report_name)
        self.assertFalse(self.closing.document_ids)
        self.assertEqual(self._triggers(), triggers)

    def test_default_threshold(self):
        self.env["ir.config_parameter"].sudo().set_param(THRESHOLD, False)
        self.assertEqual(self.Closing._nordic_document_threshold(), 5000)
        self.env["ir.config_parameter"].sudo().set_param(THRESHOLD, "many")
        self.assertEqual(self.Closing._nordic_document_threshold(), 5000)

    def test_above_the_threshold_queued_then_attached_and_announced(self):
        attachments, triggers = self._attachments(), self._triggers()
        action = self.closing.with_user(self.accountant).action_print_count_list()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("attached to the closing", action["params"]["message"])
        self.assertIn("3 items", action["params"]["message"])
        document = self.closing.document_ids
        self.assertEqual(
            (document.report, document.state, document.user_id, document.lang),
            (
                "count_list",
                "queued",
                self.accountant,
                self.closing._nordic_document_lang(),
            ),
        )
        self.assertFalse(document.attachment_id)
        self.assertEqual(self._attachments(), attachments)  # no PDF yet
        self.assertEqual(len(self._triggers() - triggers), 1)  # rendered at once
        # asked again while queued: still one document
        self.closing.with_user(self.accountant).action_print_count_list()
        self.assertEqual(self.closing.document_ids, document)

        handled = self.Closing._cron_render_documents()
        self.assertEqual(handled, document)
        self.assertEqual((document.state, document.error), ("done", False))
        attachment = document.attachment_id
        self.assertEqual(self._attachments() - attachments, attachment)
        self.assertTrue(
            attachment.name.startswith("Count list - Nordvare AS - 12-31-2025.")
        )
        # the three items of the closing, in the count list
        self._assert_rendered(attachment, "Product F")
        self.assertTrue(
            any(
                attachment.name in body and self.accountant.name in body
                for body in self._messages()
            )
        )
        # the message's author is who asked, not the scheduled action
        message = self.closing.message_ids.filtered(lambda m: attachment.name in m.body)
        self.assertEqual(message.author_id, self.accountant.partner_id)
        # nothing left: the next run does nothing
        self.assertFalse(self.Closing._cron_render_documents())
        download = document.with_user(self.accountant).action_download()
        self.assertEqual(
            download["url"], f"/l10n_nordic_stock_closing/download/{attachment.id}"
        )

    def test_a_reader_may_queue_and_gets_the_document_in_its_language(self):
        """Who may print may queue: an accounting reader, who may not change the
        closing, asks for the count list in Swedish; it is rendered with the reader's
        rights and attached all the same."""
        self.env["res.lang"]._activate_lang("sv_SE")
        self.env["ir.module.module"]._load_module_terms(
            ["l10n_nordic_stock_closing"], ["sv_SE"]
        )
        self.closing.print_lang = "sv_SE"
        self.closing.with_user(self.auditor).action_print_count_list()
        self.closing.print_lang = False  # changed later: the request keeps its own
        document = self.closing.document_ids
        self.assertEqual(document.lang, "sv_SE")
        self.Closing._cron_render_documents()
        self.assertEqual(document.state, "done")
        self._assert_rendered(document.attachment_id, "Inventeringslista")

    def test_who_may_not_print_may_not_queue(self):
        with self.assertRaises(AccessError):
            self.closing.with_user(self.employee).action_print_count_list()
        with self.assertRaises(AccessError):
            self.closing.with_user(self.employee).action_download_count_list_xlsx()
        self.assertFalse(self.closing.document_ids)
        # nor may anyone write the queue directly
        with self.assertRaises(AccessError):
            self.env["nordic.stock.closing.document"].with_user(self.accountant).create(
                {"closing_id": self.closing.id, "report": "summary"}
            )

    def test_the_print_menu_refuses_a_large_closing_with_the_way_round(self):
        for report in (COUNT_LIST, SUMMARY):
            with (
                self.subTest(report=report),
                self.assertRaisesRegex(UserError, r"3 items.*\(2\).*button"),
            ):
                self.env["ir.actions.report"]._render_qweb_html(
                    report, self.closing.ids
                )

    def test_a_failed_rendering_is_marked_and_leaves_nothing_half_done(self):
        self.closing.with_user(self.accountant).action_print_summary()
        self.closing.with_user(self.accountant).action_print_count_list()
        summary, count_list = self.closing.document_ids.sorted("id")
        attachments = self._attachments()
        Closing = type(self.env["nordic.stock.closing"])
        render = Closing._nordic_render_document

        def render_then_fail(closing, report_xmlid):
            render(closing, report_xmlid)  # the attachment is made, then the error
            raise OSError("The disk is full")

        with patch.object(Closing, "_nordic_render_document", render_then_fail):
            self.Closing._cron_render_documents()
        self.assertEqual(
            (summary.state, summary.error, summary.attachment_id),
            ("failed", "The disk is full", self.env["ir.attachment"]),
        )
        self.assertEqual(self._attachments(), attachments)  # rolled back
        self.assertTrue(
            any(
                "could not be prepared: The disk is full" in body
                for body in self._messages()
            )
        )
        # one failed document does not stop the next
        self.Closing._cron_render_documents()
        self.assertEqual(count_list.state, "done")
        self.assertEqual(self._attachments() - attachments, count_list.attachment_id)

    def test_xlsx_count_list(self):
        """The Norwegian closing's count list as a workbook, in the PDF's order
        (finished goods, then goods for resale by reference), written at once
        whatever the threshold."""
        action = self.closing.with_user(self.auditor).action_download_count_list_xlsx()
        (attachment,) = self._attachments()
        self.assertEqual(
            action["url"], f"/l10n_nordic_stock_closing/download/{attachment.id}"
        )
        # the date as en_US writes it (12/31/2025), no slash in a file name
        self.assertEqual(attachment.name, "Count list - Nordvare AS - 12-31-2025.xlsx")
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw))
        rows = [list(row) for row in book.active.iter_rows(values_only=True)]
        self.assertEqual(
            rows,
            [
                [
                    "Product",
                    "Name",
                    "Unit",
                    "Quantity",
                    "Counted quantity",
                    "Lot/serial number",
                ],
                ["F", "Product F", "Units", 40, None, None],
                ["A", "Product A", "Units", 600, None, None],
                ["B", "Product B", "Units", 100, None, None],
            ],
        )
        # downloaded again: replaced, not added
        self.closing.action_download_count_list_xlsx()
        self.assertEqual(len(self._attachments()), 1)

    def test_a_rendering_stopped_by_the_time_limit_is_not_tried_again(self):
        """Odoo's scheduler counts a call after one that did not end (killed by
        limit_time_real_cron) with a timed-out counter above 1: the document that
        call was rendering (the oldest queued) fails with the cause; the next one is
        rendered."""
        self.closing.with_user(self.accountant).action_print_count_list()
        self.closing.with_user(self.accountant).action_print_summary()
        stopped, summary = self.closing.document_ids.sorted("id")
        Progress = self.env["ir.cron.progress"]
        cron = self.env.ref(CRON)
        progress = Progress.create({"cron_id": cron.id, "timed_out_counter": 2})
        handled = self.Closing.with_context(
            ir_cron_progress_id=progress.id
        )._cron_render_documents()
        self.assertEqual(handled, stopped | summary)
        self.assertEqual(stopped.state, "failed")
        self.assertIn("limit_time_real_cron", stopped.error)
        self.assertFalse(stopped.attachment_id)
        self.assertEqual(summary.state, "done")
        self.assertEqual((progress.done, progress.remaining), (2, 0))
        # a call after one that ended (counter 1): rendered as usual
        self.closing.with_user(self.accountant).action_print_count_list()
        again = self.closing.document_ids.filtered(lambda d: d.state == "queued")
        progress = Progress.create({"cron_id": cron.id, "timed_out_counter": 1})
        self.Closing.with_context(
            ir_cron_progress_id=progress.id
        )._cron_render_documents()
        self.assertEqual(again.state, "done")
