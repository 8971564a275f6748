from odoo import models
from odoo.tools import SQL


class NordicStockClosing(models.Model):
    """Only the documented hooks of l10n_nordic_stock_closing (README
    "Extending")."""

    _inherit = "nordic.stock.closing"

    def _prepare_snapshot_columns(self):
        # the product's barcode, per product of the snapshot (alias pp)
        return {
            **super()._prepare_snapshot_columns(),
            "example_barcode": SQL("pp.barcode"),
        }

    def _prepare_item_results(self, result):
        super()._prepare_item_results(result)
        damaged = set(
            self.env["product.category"]
            .sudo()
            .search([("example_damaged", "=", True)])
            .ids
        )
        if not damaged:
            return
        for row, item in zip(result.lines, result.items, strict=True):
            # the reason only: the amounts stay the engine's
            if item.write_down and row.categ_id in damaged:
                item.reason = "damaged"

    def _get_count_list_columns(self):
        columns = super()._get_count_list_columns()
        Line = self.env["nordic.stock.closing.line"]
        # a column only when an item has a barcode
        if not Line.search_count(
            [("closing_id", "=", self.id), ("example_barcode", "!=", False)], limit=1
        ):
            return columns
        after_name = [column["name"] for column in columns].index("name") + 1
        columns.insert(
            after_name,
            {
                "name": "example_barcode",
                "string": Line._fields["example_barcode"]._description_string(self.env),
                "kind": "text",
                "width": "12%",
                "total": False,
                "xlsx": True,
            },
        )
        return columns

    def _prepare_move_line_vals(self, entry_line):
        vals = super()._prepare_move_line_vals(entry_line)
        analytic = self.company_id.example_analytic_account_id
        if analytic and entry_line.account_id.internal_group in ("income", "expense"):
            vals["analytic_distribution"] = {str(analytic.id): 100.0}
        return vals
