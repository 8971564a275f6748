from odoo import models

from ..models.nordic_selections import INVENTORY_CLASS_SELECTION
from ..nordic_closing.countries import COUNTRY, country_texts
from ..nordic_closing.labels import language_of


def nordic_country(closing):
    """The engine's :class:`~nordic_closing.countries.Country` of the closing's
    framework (else of its company), or ``None``: what the reports show of it."""
    return COUNTRY.get(closing.nordic_country or closing.company_id.country_id.code)


def nordic_country_texts(closing):
    """The country's texts of the documents (``countries.country_texts``) in the
    language ``closing`` carries in its context (the report's)."""
    return country_texts(nordic_country(closing), language_of(closing.env.lang))


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
            "texts": nordic_country_texts(closing),
            # accounting and tax value side by side (Norway: bokføringsforskriften
            # § 6-1), as the engine's country table says
            "tax_value_column": bool(
                getattr(nordic_country(closing), "count_list_tax_value", False)
            ),
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
