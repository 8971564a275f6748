"""The closing's lines in the database: the line's declared columns
(``nordic_column``, see ``nordic.stock.closing.line._nordic_columns``) behind the
bulk insert, the read-back and the bulk update of the engine's figures."""

import io
import operator
from decimal import Decimal

import psycopg2.extensions

from odoo import models
from odoo.tools import SQL

from ..nordic_closing import LotStock
from ..nordic_closing.money import round_money
from .nordic_closing_rows import DECIMAL_FIELDS, DECIMAL_TYPES, ROW_FIELDS, fetch_rows
from .nordic_selections import WRITE_DOWN_REASON_SELECTION

#: the engine's figures of a line (the fields declared ``nordic_column="engine"``),
#: with value = acquisition value - write-down: written by the closing's one writer
#: (``_nordic_store_result``), at compute by COPY, later by one UPDATE
ENGINE_COLUMNS = ("write_down", "write_down_reason", "tax_value")
#: lines per COPY statement: the text of a chunk, not of all lines, is in memory
COPY_CHUNK = 10_000


def engine_figures(item):
    """``{column: value}`` of ENGINE_COLUMNS for the engine's ``ItemResult``, as
    stored (amounts rounded to the cent)."""
    return {
        "write_down": round_money(item.write_down),
        "write_down_reason": item.reason or None,
        "tax_value": round_money(item.tax_value),
    }


def _copy_column(values, kind):
    """A column's values as text of PostgreSQL's COPY format."""
    if kind in ("varchar", "text"):
        return [
            "\\N"
            if value is None
            else value.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            for value in values
        ]
    return ["\\N" if value is None else str(value) for value in values]


def _copy_lines(closing_id, rows, columns):
    """The COPY text of ``rows`` (``columns``: ``{name: type}`` of the line's
    declared columns, then value), built a column at a time; ``money`` columns
    rounded to the cent."""
    texts, money = [], {}
    for name, kind in columns.items():
        if name in ROW_FIELDS:
            values = [getattr(row, name) for row in rows]
        else:
            values = [row.get(name) for row in rows]
        if kind == "money":
            values = money[name] = [
                None if value is None else round_money(value) for value in values
            ]
        texts.append(_copy_column(values, kind))
    texts.append(
        _copy_column(
            map(operator.sub, money["acquisition_value"], money["write_down"]),
            "numeric",
        )
    )
    closing = str(closing_id)
    return "".join(
        f"{closing}\t{line}\n" for line in map("\t".join, zip(*texts, strict=True))
    )


class NordicStockClosingStorage(models.Model):
    _inherit = "nordic.stock.closing"

    def _nordic_insert_lines(self, rows):
        """Write the lines (:class:`ClosingRow`, with the engine's figures) with
        COPY, a chunk at a time: 100,000 ORM creates would take minutes, and one
        statement of all lines would hold their text at once. The columns are
        the line's declared ones (``nordic_column``, the line's ``_nordic_columns``),
        other addons' too; amounts are stored rounded to the cent, value =
        acquisition value - write-down."""
        if not rows:
            return
        Line = self.env["nordic.stock.closing.line"]
        Line.flush_model()
        declared = Line._nordic_columns()
        copy = SQL(
            "COPY %s (%s) FROM STDIN",
            SQL.identifier(Line._table),
            SQL(", ").join(
                SQL.identifier(name) for name in ("closing_id", *declared, "value")
            ),
        )
        # Odoo does the same around its COPY (models._ensure_xml_id): an
        # asynchronous wait callback does not support it
        callback = psycopg2.extensions.get_wait_callback()
        psycopg2.extensions.set_wait_callback(None)
        try:
            for start in range(0, len(rows), COPY_CHUNK):
                chunk = rows[start : start + COPY_CHUNK]
                text = _copy_lines(self.id, chunk, declared)
                self.env.cr.copy_expert(copy.code, io.StringIO(text))
        finally:
            psycopg2.extensions.set_wait_callback(callback)
        Line.invalidate_model()
        self.invalidate_recordset(["line_ids"])
        self._nordic_insert_lots(rows)

    def _nordic_workbook_extras(self, result):
        """The workbook's ``item_columns`` and ``reasons`` (``write_workbook``'s
        meta) from other addons: their line columns read back with the lines
        (each where an item has a value, titled with the field's label), and the
        labels of the write-down reasons they add, in the documents' language."""
        env = self._nordic_document_env()
        Line = env["nordic.stock.closing.line"]
        columns = []
        for name in Line._nordic_columns(("snapshot", "engine")):
            if name in ROW_FIELDS:
                continue
            values = [row.get(name) for row in result.lines]
            values = [None if value is False else value for value in values]
            if any(value not in (None, "") for value in values):
                title = Line._fields[name]._description_string(env)
                columns.append((title, values))
        engine_reasons = {key for key, _label in WRITE_DOWN_REASON_SELECTION}
        reasons = {
            key: label
            for key, label in self.with_env(env)._get_write_down_reasons().items()
            if key not in engine_reasons
        }
        return {"item_columns": tuple(columns), "reasons": reasons}

    def _nordic_insert_lots(self, rows):
        """Store the lots of the items valued by lot/serial number, each on its
        line (one line per product)."""
        lots = [
            (row.product_id, lot_id, lot.lot, lot.quantity, lot.acquisition_value)
            for row in rows
            for lot_id, lot in row.lots or ()
        ]
        if not lots:
            return
        product_ids, lot_ids, names, quantities, values = map(
            list, zip(*lots, strict=True)
        )
        self.env.cr.execute(
            SQL(
                """
INSERT INTO nordic_stock_closing_lot
       (closing_id, line_id, lot_id, lot_name, quantity, acquisition_value)
SELECT l.closing_id, l.id, u.lot_id, u.name, u.quantity, u.value
  FROM unnest(%s::int[], %s::int[], %s::varchar[], %s::numeric[], %s::numeric[])
       WITH ORDINALITY AS u(product_id, lot_id, name, quantity, value, n)
  JOIN nordic_stock_closing_line l
    ON l.closing_id = %s AND l.product_id = u.product_id
 ORDER BY u.n  -- the lots' ids in the items' and lot names' order (their _order)
                """,
                product_ids,
                lot_ids,
                names,
                [str(quantity) for quantity in quantities],
                [str(value) for value in values],
                self.id,
            )
        )
        self.env["nordic.stock.closing.lot"].invalidate_model()

    def _nordic_read_lots(self, line_ids=None):
        """``{line id: (LotStock, ...)}`` of the stored lots (``line_ids``: of these
        lines only), by lot name."""
        self.env["nordic.stock.closing.lot"].flush_model()
        self.env.cr.execute(
            SQL(
                """
SELECT line_id, lot_name, quantity::text, acquisition_value::text
  FROM nordic_stock_closing_lot
 WHERE closing_id = %s AND (%s OR line_id = ANY(%s))
 ORDER BY line_id, lot_name, id
                """,
                self.id,
                line_ids is None,
                list(line_ids or ()),
            )
        )
        lots = {}
        for line_id, name, quantity, value in self.env.cr.fetchall():
            lots.setdefault(line_id, []).append(
                LotStock(name, Decimal(quantity), Decimal(value))
            )
        return {line_id: tuple(found) for line_id, found in lots.items()}

    def _nordic_read_lines(self, line_ids=None):
        """The stored lines (``line_ids``: only these) in their ORM order (as
        ``line_ids``) as :class:`ClosingRow`: what the engine, the update of the
        write-downs and the documents read of them (the line's columns declared
        ``snapshot`` and ``engine``, other addons' in ``extra``) with their
        product's code, name and unit: one query, since field access on 100,000
        records would cost seconds."""
        Line = self.env["nordic.stock.closing.line"]
        for model in ("product.product", "product.template", Line._name):
            self.env[model].flush_model()
        self.env["uom.uom"].flush_model(["name"])
        read = Line._nordic_columns(("snapshot", "engine"))
        query = self._nordic_lines_query(line_ids, read)
        decimals = DECIMAL_FIELDS | {
            name for name, kind in read.items() if kind in DECIMAL_TYPES
        }
        if line_ids is not None:
            # a few lines: found through the indexes (the settings for reading
            # them all turn nested loops off)
            rows = fetch_rows(self.env.cr, query, decimals=decimals)
        else:
            with self._nordic_sql_settings():
                rows = fetch_rows(self.env.cr, query, decimals=decimals)
        lots = self._nordic_read_lots(line_ids)
        if lots:
            for row in rows:
                # the lots as the engine's (stock.lot id: not needed again)
                row.lots = [(None, lot) for lot in lots.get(row.id, ())]
        return rows

    def _nordic_lines_query(self, line_ids, read):
        """The SQL of the stored lines' ``read`` columns (``{name: type}``), their
        numbers as text, with their product's code, name and unit, in the lines'
        ORM order."""
        Line = self.env["nordic.stock.closing.line"]
        order = ",".join(
            term for term in Line._order.split(",") if term.split()[0] != "closing_id"
        )
        domain = [("closing_id", "=", self.id)]
        if line_ids is not None:
            domain.append(("id", "in", line_ids))
        query = Line._search(domain, order=order or "id")
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
        selected = {"id": SQL.identifier(Line._table, "id")}
        for name, kind in read.items():
            sql = Line._field_to_sql(Line._table, name, query)
            # numbers as text: exact Decimals (Odoo's cursor reads them as floats)
            selected[name] = SQL("%s::text", sql) if kind in DECIMAL_TYPES else sql
        selected.update(
            default_code=Product._field_to_sql(product, "default_code", query),
            name=Product._field_to_sql(product, "name", query),
            unit=Uom._field_to_sql(uom, "name", query),
        )
        return query.select(
            *(
                SQL("%s AS %s", sql, SQL.identifier(name))
                for name, sql in selected.items()
            )
        )

    def _nordic_update_lines(self, result):
        """One UPDATE of the engine's figures (ENGINE_COLUMNS and value) for the
        stored lines where they changed (100,000 ORM writes would take minutes),
        rounded as stored, value = acquisition value - write-down."""
        changed = {column: [] for column in ("ids", *ENGINE_COLUMNS, "value")}
        for line, item in zip(result.lines, result.items, strict=True):
            figures = engine_figures(item)
            if all(getattr(line, name) == value for name, value in figures.items()):
                continue
            changed["ids"].append(line.id)
            for name, value in figures.items():
                changed[name].append(None if value is None else str(value))
            changed["value"].append(
                str(round_money(line.acquisition_value) - figures["write_down"])
            )
        if not changed["ids"]:
            return
        Line = self.env["nordic.stock.closing.line"]
        Line.flush_model()
        self.env.cr.execute(
            SQL(
                """
UPDATE nordic_stock_closing_line l
   SET write_down = u.write_down, write_down_reason = u.write_down_reason,
       tax_value = u.tax_value, value = u.value
  FROM unnest(%(ids)s::int[], %(write_down)s::numeric[],
              %(write_down_reason)s::varchar[], %(tax_value)s::numeric[],
              %(value)s::numeric[])
       AS u(id, write_down, write_down_reason, tax_value, value)
 WHERE l.id = u.id
                """,
                **changed,
            )
        )
        Line.invalidate_model([*ENGINE_COLUMNS, "value"])
