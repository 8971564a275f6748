from odoo import models

from ..models.nordic_selections import INVENTORY_CLASS_SELECTION


def nordic_country(closing):
    """SE, NO or the company's country code: which legal wording the reports use."""
    if closing.framework:
        return closing.framework.split("_", 1)[0]
    return closing.company_id.country_id.code or ""


class ReportNordicCountList(models.AbstractModel):
    """The count list (inventeringslista / varetellingsliste) of a closing.

    Items grouped per inventory class, by reference; Sweden: each item's quantity,
    unit, value and the total, signed on honour and conscience (inventeringslagen
    1955:257); Norway: accounting and tax value side by side (bokføringsforskriften
    § 6-1). The quantities are the stock ledger's at the balance date (a split per
    location would need today's stock.quant, which is not the balance date's stock).
    """

    _name = "report.l10n_nordic_stock_closing.report_nordic_count_list"
    _inherit = "nordic.closing.report"
    _nordic_helper = "nordic_count_list"
    _description = "Inventory closing: count list"

    def _nordic_count_list(self, closing):
        """Groups per class (in the order of the classes), totals and the country.

        ``closing`` carries the report's language in its context: the class names
        are translated into it.
        """
        currency = closing.currency_id
        class_names = dict(
            closing.line_ids._fields["inventory_class"]._description_selection(
                closing.env
            )
        )
        by_class = {}
        for line in closing.line_ids:
            by_class.setdefault(line.inventory_class, []).append(line)
        groups = []
        total_value = total_tax_value = 0.0
        for inventory_class, _name in INVENTORY_CLASS_SELECTION:
            lines = by_class.get(inventory_class)
            if not lines:
                continue
            lines.sort(
                key=lambda line: (
                    line.product_id.default_code or "",
                    line.product_id.name or "",
                    line.id,
                )
            )
            rows = [self._nordic_count_row(line) for line in lines]
            value = sum(row["value"] for row in rows)
            tax_value = sum(row["tax_value"] for row in rows)
            groups.append(
                {
                    "name": class_names.get(inventory_class, inventory_class),
                    "lines": rows,
                    "value": currency.round(value),
                    "tax_value": currency.round(tax_value),
                }
            )
            total_value += value
            total_tax_value += tax_value
        total_value = currency.round(total_value)
        return {
            "country": nordic_country(closing),
            "groups": groups,
            "value": total_value,
            "tax_value": currency.round(total_tax_value),
            # 97 % rule on the contra account, fixed values, K1: booked per class
            "adjustment": currency.round(closing.closing_value - total_value),
            "balance_sheet_value": closing.closing_value,
        }

    def _nordic_count_row(self, line):
        quantity = line.quantity
        return {
            "code": line.product_id.default_code or "",
            "name": line.product_id.name,
            "unit": line.product_id.uom_id.name,
            "quantity": quantity,
            "quantity_digits": 0 if quantity == round(quantity) else 3,
            "unit_value": line.value / quantity if quantity else 0.0,
            "value": line.value,
            "tax_value": line.tax_value,  # the engine's (sktl § 14-5)
            # valued by lot/serial number: the lots to count, each at its cost
            "lots": [
                {
                    "name": lot.lot_name,
                    "quantity": lot.quantity,
                    "unit_cost": lot.unit_cost,
                }
                for lot in line.lot_ids
            ],
        }
