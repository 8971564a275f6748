"""Reading the CLI's CSV files, with a message naming file, row and field for
every problem. Rows are numbered as in a spreadsheet: the header is row 1.

Comma-separated files with a decimal point are read, and so are the semicolon-
separated files with a decimal comma that a Nordic spreadsheet exports.
"""

import csv
import re
from datetime import date
from decimal import Decimal, InvalidOperation

from .closing import ObsolescenceBand
from .errors import ClosingError
from .frameworks import INVENTORY_CLASSES
from .valuation import ADJUSTMENT, ISSUE, MOVEMENT_KINDS, VENDOR_RETURN, Movement

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text, source=None, row=None, field=None):
    text = (text or "").strip()
    try:
        if not _DATE.match(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ClosingError(
            f"{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2025-12-31",
            source,
            row,
            field,
        ) from None


class _Table:
    """A CSV file read row by row with its required and optional columns."""

    def __init__(self, path, required, optional=()):
        self.path = str(path)
        self.required = required
        try:
            self.handle = open(path, newline="", encoding="utf-8-sig")  # noqa: SIM115
        except OSError as error:
            raise ClosingError(
                f"cannot read the file: {error.strerror}", self.path
            ) from None
        header_line = self.handle.readline()
        self.decimal_comma = ";" in header_line and "," not in header_line
        delimiter = ";" if self.decimal_comma else ","
        header = [
            h.strip() for h in next(csv.reader([header_line], delimiter=delimiter), [])
        ]
        missing = [c for c in required if c not in header]
        if missing:
            self.handle.close()
            raise ClosingError(
                f"the header must name the columns {', '.join(required)}"
                + (f" (optional: {', '.join(optional)})" if optional else "")
                + f"; missing: {', '.join(missing)}",
                self.path,
                1,
                missing[0],
            )
        self.columns = {
            name: header.index(name)
            for name in (*required, *optional)
            if name in header
        }
        self.reader = csv.reader(self.handle, delimiter=delimiter)
        self._numbers = {}

    def rows(self):
        """Yield ``(row number, {column: text})`` for the non-empty rows."""
        columns = self.columns.items()
        with self.handle:
            for number, values in enumerate(self.reader, start=2):
                if not any(v.strip() for v in values):
                    continue
                yield (
                    number,
                    {
                        name: values[index].strip() if index < len(values) else ""
                        for name, index in columns
                    },
                )

    def number(self, text, row, field, allow_empty=False):
        """A finite Decimal; ``None`` for an empty cell when allowed."""
        cached = self._numbers.get(text)
        if cached is not None:
            return cached
        if not text:
            if allow_empty:
                return None
            raise ClosingError("a number is required here", self.path, row, field)
        raw = text.replace(",", ".") if self.decimal_comma else text
        try:
            value = Decimal(raw)
            if not value.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            raise ClosingError(
                f"{text!r} is not a number: write it like 1234.50"
                + (" or 1234,50" if self.decimal_comma else ""),
                self.path,
                row,
                field,
            ) from None
        self._numbers[text] = value
        return value

    def date(self, text, row, field, cache):
        value = cache.get(text)
        if value is None:
            value = cache[text] = parse_date(text, self.path, row, field)
        return value


class ProductMovements:
    __slots__ = ("product", "inventory_class", "name", "unit", "movements", "row")

    def __init__(self, product, inventory_class, name, unit, row):
        self.product = product
        self.inventory_class = inventory_class
        self.name = name
        self.unit = unit
        self.movements = []
        self.row = row


def read_moves(path):
    """``{product: ProductMovements}`` in file order.

    Optional columns beside the required ones: ``name``, ``unit``; ``kind`` (see
    ``valuation.MOVEMENT_KINDS``: a receipt is a purchase and a negative quantity an
    issue unless it says otherwise), ``reference`` (a receipt's own reference; for a
    ``vendor_return`` or an ``adjustment`` the reference of the receipt it concerns)
    and ``value`` (the amount of an ``adjustment``, whose quantity is 0).
    """
    table = _Table(
        path,
        ("date", "product", "inventory_class", "quantity", "unit_cost"),
        ("name", "unit", "kind", "reference", "value"),
    )
    products = {}
    dates = {}
    for row, values in table.rows():
        product = values["product"]
        if not product:
            raise ClosingError("the product is empty", table.path, row, "product")
        moved = table.date(values["date"], row, "date", dates)
        inventory_class = values["inventory_class"]
        if inventory_class not in INVENTORY_CLASSES:
            raise ClosingError(
                f"unknown inventory class {inventory_class!r}: use one of "
                f"{', '.join(INVENTORY_CLASSES)}",
                table.path,
                row,
                "inventory_class",
            )
        movement = _movement(table, row, values, product, moved)
        entry = products.get(product)
        if entry is None:
            entry = products[product] = ProductMovements(
                product,
                inventory_class,
                values.get("name", ""),
                values.get("unit", ""),
                row,
            )
        elif entry.inventory_class != inventory_class:
            raise ClosingError(
                f"product {product} is {entry.inventory_class} on row {entry.row} but "
                f"{inventory_class} here: a product belongs to one inventory class",
                table.path,
                row,
                "inventory_class",
            )
        entry.movements.append(movement)
    if not products:
        raise ClosingError("the file has no movements", table.path)
    return products


def _movement(table, row, values, product, moved):
    """One row of the movements file as a ``Movement``."""
    kind = values.get("kind", "")
    if kind and kind not in MOVEMENT_KINDS:
        raise ClosingError(
            f"unknown kind {kind!r}: use one of {', '.join(MOVEMENT_KINDS)}",
            table.path,
            row,
            "kind",
        )
    reference = values.get("reference") or None
    if kind == ADJUSTMENT:
        return _adjustment(table, row, values, product, moved, reference)
    quantity = table.number(values["quantity"], row, "quantity")
    if not quantity:
        raise ClosingError(
            "the quantity is zero: a receipt is positive, an issue negative",
            table.path,
            row,
            "quantity",
        )
    if kind and (quantity > 0) != (kind not in (ISSUE, VENDOR_RETURN)):
        raise ClosingError(
            f"a {kind} needs a "
            + ("negative" if kind in (ISSUE, VENDOR_RETURN) else "positive")
            + " quantity",
            table.path,
            row,
            "quantity",
        )
    if kind == VENDOR_RETURN and not reference:
        raise ClosingError(
            f"product {product}: name the receipt it returns in the reference column",
            table.path,
            row,
            "reference",
        )
    unit_cost = None
    if quantity > 0:
        unit_cost = table.number(
            values["unit_cost"], row, "unit_cost", allow_empty=True
        )
        if unit_cost is None:
            raise ClosingError(
                f"product {product}: a receipt needs its unit cost",
                table.path,
                row,
                "unit_cost",
            )
        if unit_cost < 0:
            raise ClosingError(
                f"product {product}: the unit cost may not be negative",
                table.path,
                row,
                "unit_cost",
            )
    return Movement(
        moved,
        quantity,
        unit_cost,
        row,
        kind=kind,
        reference=reference if quantity > 0 else None,
        returns=reference if kind == VENDOR_RETURN else None,
    )


def _adjustment(table, row, values, product, moved, reference):
    """A landed cost or price difference on receipt ``reference``."""
    if table.number(values["quantity"] or "0", row, "quantity"):
        raise ClosingError(
            "an adjustment changes a value only: its quantity is 0",
            table.path,
            row,
            "quantity",
        )
    if not reference:
        raise ClosingError(
            f"product {product}: name the receipt it adjusts in the reference column",
            table.path,
            row,
            "reference",
        )
    value = table.number(values.get("value", ""), row, "value")
    return Movement(
        moved, Decimal(0), None, row, kind=ADJUSTMENT, adjusts=reference, value=value
    )


def read_balances(path):
    """``{account: balance}``, debit positive, credit negative."""
    table = _Table(path, ("account", "balance"))
    balances, rows = {}, {}
    for row, values in table.rows():
        account = values["account"]
        if not account:
            raise ClosingError("the account is empty", table.path, row, "account")
        if account in rows:
            raise ClosingError(
                f"account {account} is already on row {rows[account]}: give one "
                f"balance "
                "per account",
                table.path,
                row,
                "account",
            )
        rows[account] = row
        balances[account] = table.number(values["balance"], row, "balance")
    return balances


def read_nrv(path):
    """``{product: (net realisable value per unit, valuation group, row)}``."""
    table = _Table(path, ("product", "net_realisable_value"), ("valuation_group",))
    values_by_product = {}
    for row, values in table.rows():
        product = values["product"]
        if not product:
            raise ClosingError("the product is empty", table.path, row, "product")
        if product in values_by_product:
            raise ClosingError(
                f"product {product} is already on row {values_by_product[product][2]}",
                table.path,
                row,
                "product",
            )
        nrv = table.number(values["net_realisable_value"], row, "net_realisable_value")
        if nrv < 0:
            raise ClosingError(
                f"product {product}: the net realisable value may not be negative",
                table.path,
                row,
                "net_realisable_value",
            )
        values_by_product[product] = (nrv, values.get("valuation_group", ""), row)
    return values_by_product, table.path


def read_fixed_values(path):
    """``({inventory_class: fixed value}, {inventory_class: (file, row)})``."""
    table = _Table(path, ("inventory_class", "fixed_value"))
    fixed, origin = {}, {}
    for row, values in table.rows():
        inventory_class = values["inventory_class"]
        if inventory_class not in INVENTORY_CLASSES:
            raise ClosingError(
                f"unknown inventory class {inventory_class!r}",
                table.path,
                row,
                "inventory_class",
            )
        if inventory_class in fixed:
            raise ClosingError(
                f"{inventory_class} is already on row {origin[inventory_class][1]}",
                table.path,
                row,
                "inventory_class",
            )
        value = table.number(values["fixed_value"], row, "fixed_value")
        if value <= 0:
            raise ClosingError(
                "a fixed value must be above zero", table.path, row, "fixed_value"
            )
        fixed[inventory_class] = value
        origin[inventory_class] = (table.path, row)
    return fixed, origin


def parse_bands(text, source="--obsolescence"):
    """``"365:50,730:100"`` → obsolescence bands (days since last movement: %)."""
    bands = []
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        days, _, rate = part.partition(":")
        try:
            band = ObsolescenceBand(int(days), Decimal(rate))
        except (ValueError, InvalidOperation):
            raise ClosingError(
                f"{part!r} is not a band: write days:percent, e.g. 365:50,730:100",
                source,
            ) from None
        if band.days <= 0 or not 0 <= band.percent <= 100:
            raise ClosingError(
                f"{part!r}: days must be above 0 and the percent between 0 and 100",
                source,
            )
        bands.append(band)
    return tuple(bands)
