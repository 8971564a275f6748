"""A closing line in memory (:class:`ClosingRow`) and the reading of rows from
the database into them: a server-side cursor, a chunk at a time, numbers as exact
Decimals."""

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from itertools import repeat

from odoo.tools import SQL

#: rows per FETCH: the text of a chunk, not of all rows, is in memory
FETCH_CHUNK = 10_000


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
    # the columns other addons declare on the line (``nordic_column``): by name
    extra: dict | None = None

    def get(self, name):
        """The value of the line column ``name``: its own field, else ``extra``'s."""
        if name in ROW_FIELDS:
            return getattr(self, name)
        return (self.extra or {}).get(name)


#: the row's own fields (``extra`` holds the others)
ROW_FIELDS = frozenset(f.name for f in fields(ClosingRow)) - {"extra"}
#: the numeric fields of the row: selected as text, held as exact Decimals
DECIMAL_FIELDS = frozenset(
    f.name for f in fields(ClosingRow) if f.type == Decimal | None
)
#: texts and days many rows share: one object each
SHARED_FIELDS = ("unit", "inventory_class", "nrv_source", "last_movement")
#: the SQL types read as exact Decimals (``money``: numeric stored to the cent)
DECIMAL_TYPES = ("numeric", "money", "float8")


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


def fetch_rows(cr, query, order=None, parallel=False, decimals=DECIMAL_FIELDS):
    """The rows of ``query`` (an SQL) in ``order`` (an SQL of its columns) as
    :class:`ClosingRow`, its numeric columns (selected as text) as exact Decimals.

    Read through a server-side cursor, a chunk at a time: the client never holds
    the whole result as text beside the rows (at 500,000 products that is another
    hundred megabytes). PostgreSQL plans a cursor without parallel workers: with
    ``parallel``, the query's result is written to a temporary table first (which
    it computes in parallel) and the cursor reads that. Equal units, classes,
    days and short numbers share one object. ``decimals``: the columns selected as
    text to read as Decimals (an added line column's among them); a column that is
    no field of the row goes to its ``extra``."""
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
        rows.extend(_closing_rows(description, records, shared, decimals))
    if parallel:
        cr.execute(SQL("DROP TABLE nordic_rows_result"))
    return rows


class _Numbers(dict):
    """Decimals by their text, each made once."""

    def __missing__(self, text):
        number = self[text] = Decimal(text)
        return number


def _closing_rows(description, records, shared, decimals):
    """``records`` as :class:`ClosingRow`, converted a column at a time;
    ``shared``: the numbers and objects already made, by their text."""
    names = [column.name for column in description]
    columns = list(zip(*records, strict=True))
    numbers = shared.setdefault("numbers", _Numbers())
    objects = shared.setdefault("objects", {})
    for index, name in enumerate(names):
        column = columns[index]
        if name in decimals:
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
        if f.name != "extra"
    ]
    # (the absent fields repeat None without end: not strict)
    rows = [ClosingRow(*values) for values in zip(*ordered, strict=False)]
    extra = [name for name in names if name not in ROW_FIELDS]
    if extra:
        values = zip(*(columns[names.index(name)] for name in extra), strict=True)
        for row, found in zip(rows, values, strict=True):
            row.extra = dict(zip(extra, found, strict=True))
    return rows
