"""The closing's lines in the database: one declaration of their columns behind the
bulk insert, the read-back and the bulk update of the engine's figures, and the row
that holds a line in memory."""

import io
import operator
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from itertools import repeat

import psycopg2.extensions

from odoo import models
from odoo.tools import SQL

from ..nordic_closing import LotStock
from ..nordic_closing.money import round_money

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
#: the line's figures the engine computes from the others (with value =
#: acquisition value - write-down): written by the closing's one writer
#: (``_nordic_store_result``), at compute by COPY, later by one UPDATE
ENGINE_COLUMNS = ("write_down", "write_down_reason", "tax_value")
#: amounts stored rounded to the cent
MONEY_COLUMNS = (
    "acquisition_value",
    "opening_value",
    "purchases",
    "odoo_value",
    "write_down",
    "tax_value",
)
#: lines per COPY statement and rows per FETCH: the text of a chunk, not of all
#: lines, is in memory
COPY_CHUNK = FETCH_CHUNK = 10_000


def engine_figures(item):
    """``{column: value}`` of ENGINE_COLUMNS for the engine's ``ItemResult``, as
    stored (amounts rounded to the cent)."""
    return {
        "write_down": round_money(item.write_down),
        "write_down_reason": item.reason or None,
        "tax_value": round_money(item.tax_value),
    }


@dataclass(slots=True)
class ClosingRow:
    """A closing line in memory: a row of the snapshot before it is stored, or a
    stored line read back. With slots and Decimals read from the numeric's text,
    500,000 of them fit in a fraction of the memory dicts of floats would take."""

    id: int | None = None
    product_id: int | None = None
    categ_id: int | None = None
    inventory_class: str | None = None
    quantity: Decimal | None = None
    acquisition_value: Decimal | None = None
    opening_quantity: Decimal | None = None
    opening_value: Decimal | None = None
    purchases: Decimal | None = None
    odoo_value: Decimal | None = None
    last_movement: date | None = None
    net_realisable_value: Decimal | None = None
    nrv_source: str | None = None
    valuation_note: str | None = None
    replacement_cost: Decimal | None = None
    replacement_source: str | None = None
    write_down: Decimal | None = None
    write_down_reason: str | None = None
    tax_value: Decimal | None = None
    # read with it: the product's code, name and unit (and, in the snapshot, its
    # sales price and whether the engine replays its movements)
    default_code: str | None = None
    name: str | None = None
    unit: str | None = None
    list_price: Decimal | None = None
    replayed: bool | None = None
    # products valued by lot/serial number: [(stock.lot id, engine's LotStock)]
    lots: list | None = None


#: the numeric columns: selected as text, held as exact Decimals
DECIMAL_FIELDS = frozenset(
    f.name for f in fields(ClosingRow) if f.type == Decimal | None
)
#: texts and days many rows share: one object each
SHARED_FIELDS = ("unit", "inventory_class", "nrv_source", "last_movement")
#: what the engine and the update of the write-downs read of a stored line
READ_FIELDS = (
    "id",
    "categ_id",
    "inventory_class",
    "quantity",
    "acquisition_value",
    "opening_quantity",
    "opening_value",
    "purchases",
    "last_movement",
    "net_realisable_value",
    "nrv_source",
    "valuation_note",
    "replacement_cost",
    "replacement_source",
    "write_down",
    "write_down_reason",
    "tax_value",
)


def cursor_chunks(cr, query, name="nordic_rows"):
    """``(description, records)`` of ``query``, FETCH_CHUNK records at a time
    through a server-side cursor ``name``, planned to read every row (a cursor
    is planned for its first tenth). The cursor is closed once all are read (on
    an error the transaction ends, and the cursor with it)."""
    cr.execute(
        SQL(
            "SELECT current_setting('cursor_tuple_fraction'), "
            "set_config('cursor_tuple_fraction', '1', true)"
        )
    )
    fraction = cr.fetchone()[0]
    cursor = SQL.identifier(name)
    cr.execute(SQL("DECLARE %s NO SCROLL CURSOR FOR %s", cursor, query))
    cr.execute(SQL("SELECT set_config('cursor_tuple_fraction', %s, true)", fraction))
    while True:
        cr.execute(SQL("FETCH FORWARD %s FROM %s", FETCH_CHUNK, cursor))
        records = cr.fetchall()
        if not records:
            break
        yield cr.description, records
    cr.execute(SQL("CLOSE %s", cursor))


def fetch_rows(cr, query, order=None, parallel=False):
    """The rows of ``query`` (an SQL) in ``order`` (an SQL of its columns) as
    :class:`ClosingRow`, its numeric columns (selected as text) as exact Decimals.

    Read through a server-side cursor, a chunk at a time: the client never holds
    the whole result as text beside the rows (at 500,000 products that is another
    hundred megabytes). PostgreSQL plans a cursor without parallel workers: with
    ``parallel``, the query's result is written to a temporary table first (which
    it computes in parallel) and the cursor reads that. Equal units, classes,
    days and short numbers share one object."""
    if parallel:
        cr.execute(SQL("DROP TABLE IF EXISTS nordic_rows_result"))
        cr.execute(
            SQL("CREATE TEMPORARY TABLE nordic_rows_result ON COMMIT DROP AS %s", query)
        )
        query = SQL("SELECT * FROM nordic_rows_result")
    if order is not None:
        query = SQL("%s ORDER BY %s", query, order)
    shared = {}
    rows = []
    for description, records in cursor_chunks(cr, query):
        rows.extend(_closing_rows(description, records, shared))
    if parallel:
        cr.execute(SQL("DROP TABLE nordic_rows_result"))
    return rows


class _Numbers(dict):
    """Decimals by their text, each made once."""

    def __missing__(self, text):
        number = self[text] = Decimal(text)
        return number


def _closing_rows(description, records, shared):
    """``records`` as :class:`ClosingRow`, converted a column at a time;
    ``shared``: the numbers and objects already made, by their text."""
    names = [column.name for column in description]
    columns = list(zip(*records, strict=True))
    numbers = shared.setdefault("numbers", _Numbers())
    objects = shared.setdefault("objects", {})
    for index, name in enumerate(names):
        column = columns[index]
        if name in DECIMAL_FIELDS:
            # short numbers (quantities, zero) repeat: one Decimal each
            columns[index] = [
                None
                if text is None
                else numbers[text]
                if len(text) < 6
                else Decimal(text)
                for text in column
            ]
        elif name in SHARED_FIELDS:
            columns[index] = [objects.setdefault(value, value) for value in column]
    # the row's fields in their order; a field the query does not select: None
    absent = repeat(None)
    ordered = [
        columns[names.index(f.name)] if f.name in names else absent
        for f in fields(ClosingRow)
    ]
    # (the absent fields repeat None without end: not strict)
    return [ClosingRow(*values) for values in zip(*ordered, strict=False)]


def _copy_column(values, kind):
    """A column's values as text of PostgreSQL's COPY format."""
    if kind == "varchar":
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


def _copy_lines(closing_id, rows):
    """The COPY text of ``rows`` (the columns of LINE_COLUMNS, then value), built a
    column at a time."""
    columns, money = [], {}
    for name, kind in LINE_COLUMNS.items():
        values = [getattr(row, name) for row in rows]
        if name in MONEY_COLUMNS:
            values = money[name] = [round_money(value) for value in values]
        columns.append(_copy_column(values, kind))
    columns.append(
        _copy_column(
            map(operator.sub, money["acquisition_value"], money["write_down"]),
            "numeric",
        )
    )
    closing = str(closing_id)
    return "".join(
        f"{closing}\t{line}\n" for line in map("\t".join, zip(*columns, strict=True))
    )


class NordicStockClosingStorage(models.Model):
    _inherit = "nordic.stock.closing"

    def _nordic_insert_lines(self, rows):
        """Write the lines (:class:`ClosingRow`, with the engine's figures) with
        COPY, a chunk at a time: 100,000 ORM creates would take minutes, and one
        statement of all lines would hold their text at once. Amounts are stored
        rounded to the cent, value = acquisition value - write-down."""
        if not rows:
            return
        Line = self.env["nordic.stock.closing.line"]
        Line.flush_model()
        columns = ["closing_id", *LINE_COLUMNS, "value"]
        copy = SQL(
            "COPY %s (%s) FROM STDIN",
            SQL.identifier(Line._table),
            SQL(", ").join(SQL.identifier(name) for name in columns),
        )
        # Odoo does the same around its COPY (models._ensure_xml_id): an
        # asynchronous wait callback does not support it
        callback = psycopg2.extensions.get_wait_callback()
        psycopg2.extensions.set_wait_callback(None)
        try:
            for start in range(0, len(rows), COPY_CHUNK):
                text = _copy_lines(self.id, rows[start : start + COPY_CHUNK])
                self.env.cr.copy_expert(copy.code, io.StringIO(text))
        finally:
            psycopg2.extensions.set_wait_callback(callback)
        Line.invalidate_model()
        self.invalidate_recordset(["line_ids"])
        self._nordic_insert_lots(rows)

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
        ``line_ids``) as :class:`ClosingRow`, what the engine reads of them
        (READ_FIELDS) with their product's code, name and unit: one query, since
        field access on 100,000 records would cost seconds."""
        Line = self.env["nordic.stock.closing.line"]
        for model in ("product.product", "product.template", Line._name):
            self.env[model].flush_model()
        self.env["uom.uom"].flush_model(["name"])
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

        def line_column(name):
            sql = Line._field_to_sql(Line._table, name, query)
            # numbers as text: exact Decimals (Odoo's cursor reads them as floats)
            return SQL("%s::text", sql) if name in DECIMAL_FIELDS else sql

        selected = {name: line_column(name) for name in READ_FIELDS} | {
            "default_code": Product._field_to_sql(product, "default_code", query),
            "name": Product._field_to_sql(product, "name", query),
            "unit": Uom._field_to_sql(uom, "name", query),
        }
        query = query.select(
            *(
                SQL("%s AS %s", sql, SQL.identifier(name))
                for name, sql in selected.items()
            )
        )
        if line_ids is not None:
            # a few lines: found through the indexes (the settings for reading
            # them all turn nested loops off)
            rows = fetch_rows(self.env.cr, query)
        else:
            with self._nordic_sql_settings():
                rows = fetch_rows(self.env.cr, query)
        lots = self._nordic_read_lots(line_ids)
        if lots:
            for row in rows:
                # the lots as the engine's (stock.lot id: not needed again)
                row.lots = [(None, lot) for lot in lots.get(row.id, ())]
        return rows

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
