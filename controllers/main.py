from odoo import http
from odoo.exceptions import UserError
from odoo.http import content_disposition, request
from odoo.tools import replace_exceptions

#: the files of inventory closings (workbooks, count lists, rendered documents)
DOWNLOAD_ROUTE = "/l10n_nordic_stock_closing/download"


class NordicStockClosingDownload(http.Controller):
    @http.route(
        f"{DOWNLOAD_ROUTE}/<int:attachment_id>",
        type="http",
        auth="user",
        readonly=True,
    )
    def download(self, attachment_id):
        """A file attached to an inventory closing, under its whole name.

        ``/web/content`` names the file with werkzeug, which puts the RFC 5987
        ``filename*`` between quotes as soon as the name holds a character such as
        ``(`` ("Nordlys Møbler AS (demo) - …"); browsers then ignore it and save
        under the ASCII ``filename``, without its ø, æ or å. Odoo's
        ``content_disposition`` percent-encodes the whole name instead.
        """
        Binary = request.env["ir.binary"]
        with replace_exceptions(UserError, by=request.not_found()):
            # the attachment's own access rules (those of its closing)
            attachment = Binary._find_record(res_id=attachment_id)
            if attachment.res_model != "nordic.stock.closing":
                raise request.not_found()
            stream = Binary._get_stream_from(attachment)
        response = stream.get_response(as_attachment=True)
        response.headers["Content-Disposition"] = content_disposition(
            stream.download_name
        )
        return response
