"""The closing's lines in the database: one declaration of their columns behind the
bulk insert, the read-back (by name) and the bulk update of the engine's figures."""

from odoo import models
from odoo.tools import SQL, float_repr

from .nordic_stock_closing import _dec

#: The closing-line columns a computation fills, with their SQL type: the one list
#: behind the bulk insert and the read-back (by name).
LINE_COLUMNS = {
    "product_id": "int4",
    "categ_id": "int4",
    "inventory_class": "varchar",
    "quantity": "numeric",
    "acquisition_value": "numeric",
    "opening_quantity": "numeric",
    "opening_value": "numeric",
    "purchases": "numeric",
    "odoo_value": "numeric",
    "last_movement": "date",
    "net_realisable_value": "numeric",
    "nrv_source": "varchar",
    "valuation_note": "varchar",
    "replacement_cost": "numeric",
    "replacement_source": "varchar",
    # the engine's figures of the line
    "write_down": "numeric",
    "write_down_reason": "varchar",
    "tax_value": "numeric",
}
#: amounts stored rounded to the cent
MONEY_COLUMNS = (
    "acquisition_value",
    "opening_value",
    "purchases",
    "odoo_value",
    "write_down",
    "tax_value",
)


class NordicStockClosingStorage(models.Model):
    _inherit = "nordic.stock.closing"

    def _nordic_insert_lines(self, rows):
        """Write the lines, with the engine's figures, in one statement: 100,000
        ORM creates would take minutes."""
        if not rows:
            return
        Line = self.env["nordic.stock.closing.line"]
        Line.flush_model()
        columns = list(LINE_COLUMNS)
        arrays = {}
        for name in columns:
            values = [row[name] for row in rows]
            if LINE_COLUMNS[name] == "varchar":
                arrays[name] = values  # quoted by psycopg2
            else:
                # one array literal: psycopg2 would quote 1,000,000 numbers one by
                # one (the same text: str() of ints, Decimals, floats and dates)
                arrays[name] = (
                    "{"
                    + ",".join(["NULL" if v is None else str(v) for v in values])
                    + "}"
                )
        self.env.cr.execute(
            SQL(
                """
INSERT INTO nordic_stock_closing_line (closing_id, %(columns)s, value)
SELECT %(closing)s, %(values)s,
       ROUND(u.acquisition_value, 2) - ROUND(u.write_down, 2)
  FROM unnest(%(arrays)s) AS u(%(columns)s)
                """,
                columns=SQL(", ").join(SQL.identifier(name) for name in columns),
                values=SQL(", ").join(
                    SQL("ROUND(u.%s, 2)", SQL.identifier(name))
                    if name in MONEY_COLUMNS
                    else SQL("u.%s", SQL.identifier(name))
                    for name in columns
                ),
                arrays=SQL(", ").join(
                    SQL("%s::%s[]", arrays[name], SQL(LINE_COLUMNS[name]))
                    for name in columns
                ),
                closing=self.id,
            )
        )
        Line.invalidate_model()
        self.invalidate_recordset(["line_ids"])

    def _nordic_read_lines(self):
        """The stored lines in their ORM order (as ``line_ids``), by column name, with
        their product's code, name and unit: one query, since field access on
        100,000 records would cost seconds. Numbers come as the ORM holds them."""
        Line = self.env["nordic.stock.closing.line"]
        for model in ("product.product", "product.template", Line._name):
            self.env[model].flush_model()
        self.env["uom.uom"].flush_model(["name"])
        order = ",".join(
            term for term in Line._order.split(",") if term.split()[0] != "closing_id"
        )
        query = Line._search([("closing_id", "=", self.id)], order=order or "id")
        Product, Uom = self.env["product.product"], self.env["uom.uom"]
        product = query.make_alias(Line._table, "product_id")
        query.add_join(
            "LEFT JOIN",
            product,
            Product._table,
            SQL(
                "%s = %s",
                Line._field_to_sql(Line._table, "product_id", query),
                SQL.identifier(product, "id"),
            ),
        )
        uom = query.make_alias(product, "uom_id")
        query.add_join(
            "LEFT JOIN",
            uom,
            Uom._table,
            SQL(
                "%s = %s",
                Product._field_to_sql(product, "uom_id", query),
                SQL.identifier(uom, "id"),
            ),
        )
        selected = [
            (name, Line._field_to_sql(Line._table, name, query))
            for name in ("id", *LINE_COLUMNS)
        ] + [
            ("default_code", Product._field_to_sql(product, "default_code", query)),
            ("name", Product._field_to_sql(product, "name", query)),
            ("unit", Uom._field_to_sql(uom, "name", query)),
        ]
        self.env.cr.execute(query.select(*(sql for _name, sql in selected)))
        names = [name for name, _sql in selected]
        return [dict(zip(names, row, strict=True)) for row in self.env.cr.fetchall()]

    def _nordic_update_lines(self, result):
        """One UPDATE for the lines whose write-down changed (100,000 ORM writes
        would take minutes), with the values the ORM would store: the write-down
        rounded in the currency, value = acquisition value - write-down."""
        currency = self.currency_id
        digits = currency.decimal_places
        changed = {"ids": [], "write_downs": [], "reasons": [], "values": []}
        for line, item in zip(result.lines, result.items, strict=True):
            reason = item.reason or None
            if (
                _dec(line["write_down"]) == item.write_down
                and line["write_down_reason"] == reason
            ):
                continue
            write_down = currency.round(float(item.write_down))
            changed["ids"].append(line["id"])
            changed["write_downs"].append(float_repr(write_down, digits))
            changed["reasons"].append(reason)
            changed["values"].append(
                float_repr(
                    currency.round(float(item.stock.acquisition_value) - write_down),
                    digits,
                )
            )
        if not changed["ids"]:
            return
        Line = self.env["nordic.stock.closing.line"]
        Line.flush_model()
        self.env.cr.execute(
            SQL(
                """
UPDATE nordic_stock_closing_line l
   SET write_down = u.write_down, write_down_reason = u.reason, value = u.value
  FROM unnest(%(ids)s::int[], %(write_downs)s::numeric[], %(reasons)s::varchar[],
              %(values)s::numeric[]) AS u(id, write_down, reason, value)
 WHERE l.id = u.id
                """,
                **changed,
            )
        )
        Line.invalidate_model(["write_down", "write_down_reason", "value"])
