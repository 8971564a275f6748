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


class NordicStockClosingCountList(models.Model):
    """The count list's columns: the one list the PDF and the XLSX count list
    render (README "Extending")."""

    _inherit = "nordic.stock.closing"

    def _get_count_list_columns(self):
        """Hook: the columns of the count list, in their order.

        Called once per count list (PDF and XLSX), on the closing, with the
        documents' language in the context. Returns a list of dicts:

        - ``name``: the key of the row's value (``_prepare_count_list_row``); an
          added column's name is a field of ``nordic.stock.closing.line``, whose
          value it shows unless the row gives one;
        - ``string``: its header (the addon's own columns are titled by the
          template, in its translations);
        - ``kind``: ``text``, ``quantity``, ``money`` or ``counted`` (the boxed
          column the counter writes in);
        - ``width``: its share of the PDF's width (e.g. ``"11%"``), or ``""``;
        - ``total``: a money column summed per class and in total;
        - ``xlsx``: also a column of the XLSX count list (whose own columns are
          the engine's: reference, name, unit, quantity, counted, lot).

        An override may add, drop or reorder columns; the class, total and
        signature rows follow. The tax value beside the accounting value is
        shown where the engine's country table says so (``Country.
        count_list_tax_value``: Norway, bokføringsforskriften § 6-1)."""

        def column(name, kind, width="", total=False, string=""):
            return {
                "name": name,
                "string": string,
                "kind": kind,
                "width": width,
                "total": total,
                "xlsx": False,
            }

        columns = [
            column("code", "text", "11%"),
            column("name", "text"),
            column("unit", "text", "7%"),
            column("counted", "counted", "11%"),
            column("quantity", "quantity", "10%"),
            column("unit_value", "money", "11%"),
            column("value", "money", "13%", total=True),
        ]
        country = nordic_country(self)
        if country and country.count_list_tax_value:
            columns.append(column("tax_value", "money", "13%", total=True))
        return columns

    def _prepare_count_list_row(self, line, columns):
        """Hook: the values of ``line`` (``nordic.stock.closing.line``) on the
        count list, by column name (``columns``: ``_get_count_list_columns``).

        Called once per line of the count list PDF, with the documents'
        language. Returns a dict with a value per column and ``quantity_digits``,
        ``value`` and ``tax_value`` (the totals and the adjustment row read
        them) and ``lots`` (each lot to count: name, quantity, unit cost). An
        added column that names a field of the line gets that field's value
        here; an override may give others."""
        quantity = line.quantity
        row = {
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
        for column in columns:
            name = column["name"]
            if name not in row and name in line._fields:
                row[name] = line[name] or None
        return row


class ReportNordicCountList(models.AbstractModel):
    """The count list (inventeringslista / varetellingsliste) of a closing.

    Items grouped per inventory class, by reference; Sweden: each item's quantity,
    unit, value and the total, signed on honour and conscience (inventeringslagen
    1955:257); Norway: accounting and tax value side by side (bokføringsforskriften
    § 6-1). The quantities are the stock ledger's at the balance date (a split per
    location would need today's stock.quant, which is not the balance date's stock).
    The columns are the closing's ``_get_count_list_columns``.
    """

    _name = "report.l10n_nordic_stock_closing.report_nordic_count_list"
    _inherit = "nordic.closing.report"
    _nordic_helper = "nordic_count_list"
    _description = "Inventory closing: count list"

    def _nordic_count_list(self, closing):
        """Columns, groups per class (in the order of the classes), totals and the
        country.

        ``closing`` carries the report's language in its context: the class names
        are translated into it.
        """
        currency = closing.currency_id
        columns = closing._get_count_list_columns()
        summed = ("value", "tax_value", *(c["name"] for c in columns if c["total"]))
        groups = self._nordic_count_groups(closing, columns, dict.fromkeys(summed))
        totals = {
            name: currency.round(sum(group["sums"][name] for group in groups))
            for name in summed
        }
        first_total = next(
            (index for index, column in enumerate(columns) if column["total"]),
            len(columns),
        )
        return {
            "texts": nordic_country_texts(closing),
            "columns": columns,
            # the label of the total rows spans the columns before the first total
            "first_total": first_total,
            "tax_value_column": "tax_value" in {column["name"] for column in columns},
            "groups": groups,
            "totals": totals,
            "value": totals["value"],
            "tax_value": totals["tax_value"],
            # 97 % rule on the contra account, fixed values, K1: booked per class
            "adjustment": currency.round(closing.closing_value - totals["value"]),
            "balance_sheet_value": closing.closing_value,
        }

    def _nordic_count_groups(self, closing, columns, summed):
        """The classes of the count list, in the order of the classes: their name,
        rows (by reference and name), the sums of the ``summed`` columns (``sums``)
        and those rounded (``totals``, ``value``, ``tax_value``)."""
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
            rows = [closing._prepare_count_list_row(line, columns) for line in lines]
            sums = {name: sum(row[name] or 0.0 for row in rows) for name in summed}
            totals = {name: currency.round(amount) for name, amount in sums.items()}
            groups.append(
                {
                    "name": class_names.get(inventory_class, inventory_class),
                    "lines": rows,
                    "sums": sums,
                    "totals": totals,
                    "value": totals["value"],
                    "tax_value": totals["tax_value"],
                }
            )
        return groups
