from odoo import fields, models


class NordicStockClosingLine(models.Model):
    _inherit = "nordic.stock.closing.line"

    # one declaration: the closing stores it with the line, reads it back and
    # puts it on the workbook's item sheet; the snapshot fills it
    # (_prepare_snapshot_columns)
    example_barcode = fields.Char("Barcode", readonly=True, nordic_column="snapshot")
    # a reason the engine does not give: set by _prepare_item_results
    write_down_reason = fields.Selection(
        selection_add=[("damaged", "Damaged goods")],
        ondelete={"damaged": "set null"},
    )
