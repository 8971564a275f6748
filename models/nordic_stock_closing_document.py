"""The count list and summary of a large closing, rendered in the background
(README "Reports"): above a number of items a PDF takes longer than a request may
(``limit_time_real``), so the buttons queue it, a scheduled action renders it,
attaches it to the closing and says so in the chatter."""

import logging

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval, time

from odoo.addons.base.models.res_partner import _lang_get

_logger = logging.getLogger(__name__)

#: the system parameter: above this many items a document is rendered in the
#: background
THRESHOLD_PARAM = "l10n_nordic_stock_closing.document_background_lines"
DEFAULT_THRESHOLD = 5000
#: the documents the buttons print: key -> the report's XML id
DOCUMENT_REPORTS = {
    "count_list": "l10n_nordic_stock_closing.action_report_nordic_count_list",
    "summary": "l10n_nordic_stock_closing.action_report_nordic_closing_summary",
}
DOCUMENT_SELECTION = [("count_list", "Count list"), ("summary", "Closing summary")]
#: the context key of a background rendering (and of the benchmark): the size check
#: of the Print menu does not apply; its value an object no client can send
_BACKGROUND = "nordic_closing_background_document"
_BACKGROUND_TOKEN = object()
CRON_XMLID = "l10n_nordic_stock_closing.ir_cron_nordic_render_documents"


def is_background_render(records):
    return records.env.context.get(_BACKGROUND) is _BACKGROUND_TOKEN


class NordicStockClosingDocument(models.Model):
    """A count list or summary asked for on a large closing: queued, then done
    (with its PDF attached to the closing) or failed (with the error)."""

    _name = "nordic.stock.closing.document"
    _description = "Inventory closing: document rendered in the background"
    _order = "create_date desc, id desc"
    _rec_name = "report"
    _check_company_auto = True

    closing_id = fields.Many2one(
        "nordic.stock.closing",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        related="closing_id.company_id", store=True, index=True
    )
    report = fields.Selection(
        DOCUMENT_SELECTION, string="Document", required=True, readonly=True
    )
    lang = fields.Selection(_lang_get, string="Language", readonly=True)
    user_id = fields.Many2one(
        "res.users",
        "Requested by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    state = fields.Selection(
        [("queued", "Queued"), ("done", "Done"), ("failed", "Failed")],
        string="Status",
        default="queued",
        required=True,
        readonly=True,
    )
    attachment_id = fields.Many2one(
        "ir.attachment", "File", readonly=True, ondelete="set null"
    )
    error = fields.Text(readonly=True)

    def action_download(self):
        self.ensure_one()
        if not self.attachment_id:
            raise UserError(
                self.env._("This document is not ready (or its file was deleted).")
            )
        return {
            "type": "ir.actions.act_url",
            "url": self.attachment_id._nordic_download_url(),
            "target": "self",
        }


class NordicStockClosingDocuments(models.Model):
    _inherit = "nordic.stock.closing"

    document_ids = fields.One2many(
        "nordic.stock.closing.document",
        "closing_id",
        "Documents",
        readonly=True,
        copy=False,
        help="Count lists and summaries of a large closing, rendered in the "
        "background and attached to the closing.",
    )

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------
    def action_print_count_list(self):
        return self._nordic_print("count_list")

    def action_print_summary(self):
        return self._nordic_print("summary")

    def _nordic_print(self, report):
        """The report action (printed at once) up to the threshold of items; above
        it the document is queued for the scheduled action and a notification
        says so. Who may print (read the closing) may queue."""
        self.ensure_one()
        self.check_access("read")
        xmlid = DOCUMENT_REPORTS[report]
        if self.line_count <= self._nordic_document_threshold():
            return self.env.ref(xmlid).report_action(self)
        Document = self.env["nordic.stock.closing.document"].sudo()
        lang = self._nordic_document_lang()
        pending = Document.search(
            [
                ("closing_id", "=", self.id),
                ("report", "=", report),
                ("lang", "=", lang),
                ("state", "=", "queued"),
            ],
            limit=1,
        )
        if not pending:
            Document.create(
                {
                    "closing_id": self.id,
                    "report": report,
                    "lang": lang,
                    "user_id": self.env.user.id,
                }
            )
        self.env.ref(CRON_XMLID).sudo()._trigger()
        name = dict(
            self.env["nordic.stock.closing.document"]
            ._fields["report"]
            ._description_selection(self.env)
        )[report]
        message = self.env._(
            "%(document)s of %(count)s items is being prepared; it will be attached "
            "to the closing and announced in its chatter.",
            document=name,
            count=self.line_count,
        )
        if report == "count_list":
            message = self.env._(
                "%(message)s The XLSX count list is available at once.",
                message=message,
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": name,
                "message": message,
                "type": "info",
                "sticky": False,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _nordic_document_threshold(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(THRESHOLD_PARAM, DEFAULT_THRESHOLD)
        )
        try:
            return max(int(value), 0)
        except (TypeError, ValueError):
            _logger.warning(
                "%s is not a number (%r): %s items are printed at once",
                THRESHOLD_PARAM,
                value,
                DEFAULT_THRESHOLD,
            )
            return DEFAULT_THRESHOLD

    def _nordic_check_document_size(self):
        """Refuse, with the way round, a document too large to print within a
        request (the Print menu); the buttons and the background pass."""
        if is_background_render(self):
            return
        threshold = self._nordic_document_threshold()
        large = self.filtered(lambda closing: closing.line_count > threshold)
        if large:
            raise UserError(
                self.env._(
                    "%(name)s has %(count)s items, more than can be printed while "
                    "you wait (%(threshold)s). Use the Count list or Closing summary "
                    "button of the closing instead: the document is prepared in the "
                    "background, attached to the closing and announced in its "
                    "chatter. The XLSX count list is available at once.",
                    name=large[0].name,
                    count=large[0].line_count,
                    threshold=threshold,
                )
            )

    # ------------------------------------------------------------------
    # Rendering
    # ------------------------------------------------------------------
    def _nordic_render_document(self, report_xmlid):
        """Render the report ``report_xmlid`` of this closing and attach it to the
        closing (as the Print menu would name it); returns the attachment.

        Runs with the caller's rights (the rendering reads the closing as them);
        only the attachment is written as superuser, as a reader may not attach."""
        self.ensure_one()
        report = self.env.ref(report_xmlid)
        # past the size check of the Print menu: this is the background
        content, kind = (
            self.env["ir.actions.report"]
            .with_context(**{_BACKGROUND: _BACKGROUND_TOKEN})
            ._render_qweb_pdf(report_xmlid, self.ids)
        )
        # ``kind`` is 'pdf'; 'html' in Odoo's test mode (no wkhtmltopdf there)
        name = safe_eval(report.print_report_name, {"object": self, "time": time})
        name = f"{name}.{kind}"
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": name,
                    "raw": content,
                    "res_model": self._name,
                    "res_id": self.id,
                    "mimetype": "application/pdf" if kind == "pdf" else "text/html",
                }
            )
        )

    @api.model
    def _cron_render_documents(self):
        """Render the oldest queued document, then report the rest to the
        scheduler, which commits and calls again (one document per call: each may
        take minutes). Returns the documents handled.

        When the previous call was stopped by the cron worker's time limit, the
        oldest queued document is the one it was rendering: it fails with that
        cause instead of being tried again and again."""
        Document = self.env["nordic.stock.closing.document"].sudo()
        queued = Document.search([("state", "=", "queued")], order="id")
        handled = Document
        if queued and self._nordic_cron_timed_out():
            handled = queued[0]
            self._nordic_render_queued(handled, timed_out=True)
            queued = queued[1:]
        if queued:
            handled |= queued[0]
            self._nordic_render_queued(queued[0])
        self.env["ir.cron"]._notify_progress(
            done=len(handled), remaining=len(queued[1:])
        )
        return handled

    @api.model
    def _nordic_cron_timed_out(self):
        """Whether the scheduler's previous call of this job did not finish (Odoo
        counts it in the progress of this call: 1 when the previous one ended)."""
        progress_id = self.env.context.get("ir_cron_progress_id")
        if not progress_id:
            return False
        progress = self.env["ir.cron.progress"].sudo().browse(progress_id)
        return progress.timed_out_counter > 1

    @api.model
    def _nordic_render_queued(self, document, timed_out=False):
        """Render ``document`` as the user who asked for it (their rights, their
        language for the chatter, the document's language for the PDF): all of it
        (PDF, attachment, chatter, done) or, on an error, none of it and the
        document failed with the error, said in the chatter. ``timed_out``: the
        previous attempt was stopped by the time limit; not tried again."""
        user = document.user_id
        closing = (
            document.closing_id.with_user(user)
            .with_company(document.company_id)
            .with_context(lang=user.lang, nordic_print_lang=document.lang)
        )
        name = dict(document._fields["report"]._description_selection(closing.env))[
            document.report
        ]
        try:
            with self.env.cr.savepoint():
                if timed_out:
                    raise UserError(
                        closing.env._(
                            "The rendering took longer than a scheduled action may "
                            "run (limit_time_real_cron). Ask the administrator to "
                            "raise that limit, then ask again; the XLSX count list is "
                            "available at once."
                        )
                    )
                attachment = closing._nordic_render_document(
                    DOCUMENT_REPORTS[document.report]
                )
                document.write({"state": "done", "attachment_id": attachment.id})
                link = Markup('<a href="%s">%s</a>') % (
                    attachment._nordic_download_url(),
                    attachment.name,
                )
                closing.sudo()._nordic_log(
                    Markup(
                        closing.env._(
                            "%(document)s requested by %(user)s is attached: %(file)s"
                        )
                    )
                    % {"document": name, "user": user.name, "file": link}
                )
        except Exception as error:  # noqa: BLE001 - one document must not stop others
            message = str(error)
            _logger.warning(
                "Inventory closing %s: %s could not be rendered",
                document.closing_id.id,
                document.report,
                exc_info=not isinstance(error, UserError),
            )
            document.write({"state": "failed", "error": message})
            closing.sudo()._nordic_log(
                closing.env._(
                    "%(document)s requested by %(user)s could not be prepared: "
                    "%(error)s",
                    document=name,
                    user=user.name,
                    error=message,
                )
            )

    # ------------------------------------------------------------------
    # Names
    # ------------------------------------------------------------------
    def _nordic_document_name(self, document):
        """The file name, without extension, of the closing's ``document``
        (``count_list``, ``summary``) in the documents' language and dated as that
        language writes dates: the Print menu (``print_report_name``), the
        background rendering and the XLSX count list name their files with it."""
        self.ensure_one()
        _ = self.with_context(lang=self._nordic_document_lang()).env._
        values = {
            "company": self.company_id.name,
            "date": self._nordic_date(self.date, document=True),
        }
        if document == "summary":
            name = _("Closing summary - %(company)s - %(date)s", **values)
        else:
            name = _("Count list - %(company)s - %(date)s", **values)
        # a date written with slashes (en_US) would make folders of the name
        return name.replace("/", "-")
