import base64
import csv
import io

from openpyxl import load_workbook

from odoo import fields, models
from odoo.exceptions import UserError

from ..nordic_closing import ClosingError
from ..nordic_closing.inputs import read_nrv

#: the columns of the command line's NRV file that a closing's items take
VALUE_COLUMNS = {
    "net_realisable_value": "net_realisable_value",
    "replacement_cost": "replacement_cost",
}


class NordicStockClosingImport(models.TransientModel):
    """Import values: the NRVs (and replacement costs) of many items from a file
    of the command line's NRV.csv shape (``product``, ``net_realisable_value``,
    optional ``replacement_cost``), CSV in UTF-8 or Windows-1252, or XLSX; the
    product by its reference or barcode. Nothing is changed unless every row is
    right; the closing is valued once."""

    _name = "nordic.stock.closing.import"
    _description = "Import the values of an inventory closing's items"
    _check_company_auto = True

    closing_id = fields.Many2one(
        "nordic.stock.closing", required=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="closing_id.company_id")
    file = fields.Binary(required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        closing = self.closing_id
        if closing.state != "computed":
            raise UserError(
                self.env._(
                    "Values are imported into a computed closing (%(name)s is not).",
                    name=closing.name,
                )
            )
        name = self.filename or "values.csv"
        data = base64.b64decode(self.file or b"")
        if name.lower().endswith(".xlsx"):
            data = self._nordic_xlsx_as_csv(data, name)
        try:
            rows, label = read_nrv(name, data)
        except ClosingError as error:
            raise UserError(str(error)) from None
        values_by_line = self._nordic_values_by_line(rows, label)
        Line = self.env["nordic.stock.closing.line"]
        Line._nordic_enter_many(values_by_line, name)
        return {"type": "ir.actions.act_window_close"}

    def _nordic_values_by_line(self, rows, label):
        """``{line: {field: amount}}`` of the file's rows; every product that is
        not an item of the closing is refused in one message, naming its row."""
        lines = self.closing_id.line_ids
        by_key = {}
        for line in lines:
            for key in (line.product_id.default_code, line.product_id.barcode):
                if key:
                    by_key.setdefault(key, line)
        unknown, values_by_line = [], {}
        for product, row in rows.items():
            line = by_key.get(product)
            if line is None:
                unknown.append(
                    self.env._("row %(row)s: %(product)s", row=row.row, product=product)
                )
                continue
            vals = {
                fname: float(getattr(row, column))
                for column, fname in VALUE_COLUMNS.items()
                if getattr(row, column) is not None
            }
            if vals:
                values_by_line[line] = vals
        if unknown:
            raise UserError(
                self.env._(
                    "%(file)s: these products are not items of %(closing)s (give "
                    "the product's reference or barcode); nothing was imported:\n"
                    "%(rows)s",
                    file=label,
                    closing=self.closing_id.name,
                    rows="\n".join(unknown),
                )
            )
        return values_by_line

    def _nordic_xlsx_as_csv(self, data, name):
        """The first sheet of an XLSX file as CSV bytes (rows as in the sheet)."""
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
            text = io.StringIO()
            writer = csv.writer(text)
            for values in sheet.iter_rows(values_only=True):
                writer.writerow(["" if value is None else value for value in values])
        except Exception as error:  # noqa: BLE001 - any unreadable workbook
            raise UserError(
                self.env._(
                    "%(file)s cannot be read as an XLSX workbook: %(error)s",
                    file=name,
                    error=error,
                )
            ) from None
        return text.getvalue().encode()
