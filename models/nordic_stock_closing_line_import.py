"""Odoo's import of a closing's items (the export/import round trip of the NRV and
replacement-cost columns)."""

from odoo import api, models
from odoo.exceptions import UserError, ValidationError

from .nordic_stock_closing_line import ENTERED_SOURCES

#: the columns of Odoo's import that find the line (the others: ENTERED_SOURCES)
IMPORT_KEYS = (".id", "id", "product_id", "product_id/id", "default_code")


def _import_error(message, row, field):
    """A UserError naming the import's row (0: the first data row) and column."""
    error = UserError(message)
    error.nordic_row, error.nordic_field = row, field
    return error


class NordicStockClosingLineImport(models.Model):
    _inherit = "nordic.stock.closing.line"

    @api.model
    def load(self, fields, data):
        """Odoo's import of closing lines (the export/import round trip): the
        items are found by ``.id``, external id or product reference (in the
        closing the lines were opened from); only the NRV and the replacement cost
        are imported, any other column is refused naming it; each closing is
        valued once."""
        try:
            lines, values_by_line = self._nordic_import_rows(fields, data)
            with self.env.cr.savepoint():
                self._nordic_enter_many(
                    values_by_line,
                    self.env._("an import of %(count)s rows", count=len(data)),
                )
        except UserError as error:  # and its AccessError, ValidationError
            return {"ids": False, "messages": [self._nordic_import_error(error)]}
        return {"ids": lines.ids, "messages": []}

    def _nordic_import_rows(self, fields, data):
        """``(lines, {line: {field: amount or False}})`` of Odoo's import rows;
        a UserError (``error.nordic_row``, ``.nordic_field``) names the first
        problem."""
        refused = [f for f in fields if f not in IMPORT_KEYS + tuple(ENTERED_SOURCES)]
        if refused:
            raise _import_error(
                self.env._(
                    "These columns cannot be imported into a closing's items: "
                    "%(columns)s. Only the net realisable value and the replacement "
                    "cost per unit are entered; the item is found by its ID or its "
                    "product. Remove the other columns and import again.",
                    columns=", ".join(self._nordic_column_name(f) for f in refused),
                ),
                0,
                refused[0],
            )
        keys = [f for f in fields if f in IMPORT_KEYS]
        if not keys:
            raise _import_error(
                self.env._(
                    "Name the item of each row: an ID column (from an export) or the "
                    "product's reference."
                ),
                0,
                None,
            )
        values_by_line, seen = {}, set()
        for index, row in enumerate(data):
            record = dict(zip(fields, row, strict=False))
            line = self._nordic_import_line(keys[0], record[keys[0]], index)
            vals = {}
            for fname in ENTERED_SOURCES:
                if fname not in record:
                    continue
                amount = self._nordic_import_amount(fname, record[fname], index)
                source = line[ENTERED_SOURCES[fname]]
                if amount is False:
                    if source != "manual":
                        continue  # nothing entered, nothing to clear
                elif source != "none" and abs(amount - line[fname]) < 0.005:
                    continue  # the value the item has (entered or proposed)
                vals[fname] = amount
            if line in seen:
                raise _import_error(
                    self.env._(
                        "Row %(row)s: %(product)s is already on an earlier row.",
                        row=index + 2,
                        product=line.product_id.display_name,
                    ),
                    index,
                    keys[0],
                )
            seen.add(line)
            if vals:
                values_by_line[line] = vals
        lines = self.browse([line.id for line in values_by_line])
        return lines, values_by_line

    def _nordic_import_line(self, key, value, index):
        """The line a row names by ``key`` (see IMPORT_KEYS)."""
        line = self.browse()
        text = (value or "").strip()
        if key == ".id" and text.isdigit():
            line = self.browse(int(text)).exists()
        elif key in ("id", "product_id/id") and text:
            record = self.env.ref(text if "." in text else f"__export__.{text}", False)
            if key == "id" and record and record._name == self._name:
                line = record
            elif key == "product_id/id" and record:
                line = self._nordic_import_closing().line_ids.filtered(
                    lambda x: x.product_id == record
                )
        elif text:
            line = self._nordic_import_closing().line_ids.filtered(
                lambda x: text in (x.product_id.default_code, x.product_id.display_name)
            )
        if len(line) != 1:
            raise _import_error(
                self.env._(
                    "Row %(row)s: %(value)s is not an item of this closing.",
                    row=index + 2,
                    value=text or "-",
                ),
                index,
                key,
            )
        return line

    def _nordic_import_closing(self):
        """The closing whose items are imported by product (opened from it)."""
        closing_id = self.env.context.get("default_closing_id")
        closing = self.env["nordic.stock.closing"].browse(closing_id).exists()
        if not closing:
            raise _import_error(
                self.env._(
                    "Import the values from the items of one closing (its Items "
                    "button), or give the ID column of an export."
                ),
                0,
                None,
            )
        return closing

    def _nordic_import_amount(self, fname, value, index):
        text = (value or "").strip() if isinstance(value, str) else value
        if text in ("", None, False):
            return False
        try:
            return self._nordic_check_amount(fname, float(text))
        except (TypeError, ValueError, ValidationError):
            raise _import_error(
                self.env._(
                    "Row %(row)s: %(field)s %(value)s is not an amount from 0 up to "
                    "10^15.",
                    row=index + 2,
                    field=self._nordic_column_name(fname),
                    value=text,
                ),
                index,
                fname,
            ) from None

    def _nordic_column_name(self, fname):
        field = self._fields.get(fname.split("/")[0].lstrip("."))
        return field._description_string(self.env) if field else fname

    @api.model
    def _nordic_import_error(self, error):
        return {
            "type": "error",
            "message": str(error.args[0]),
            "record": getattr(error, "nordic_row", 0),
            "field": getattr(error, "nordic_field", None),
        }
