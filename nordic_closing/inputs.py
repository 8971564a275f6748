"""Reading the CLI's CSV files, with a message naming file, row and field for
every problem. Rows are numbered as in a spreadsheet: the header is row 1.

Comma-separated files with a decimal point are read, and so are the semicolon-
separated files with a decimal comma that a Nordic spreadsheet exports.

Encodings: a byte order mark decides (UTF-8, UTF-16, UTF-32); without one a file
is UTF-8 when all of it decodes as UTF-8, else Windows-1252 (what Excel saves as
"CSV" in the Nordic locales). Messages name a file read in another encoding than
UTF-8 with it, e.g. ``moves.csv (read as Windows-1252)``. Bytes that do not decode
and NUL characters (a binary file) are refused with their row.

Limits: numbers are finite, within ±10^15 and have at most 10 decimals; dates lie
in the years 1900-2999; a field holds at most 131,072 characters.
"""

import codecs
import csv
import io
import os
import re
import stat
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from .closing import ObsolescenceBand
from .errors import ClosingError
from .frameworks import INVENTORY_CLASSES
from .valuation import ADJUSTMENT, ISSUE, MOVEMENT_KINDS, VENDOR_RETURN, Movement

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
FIRST_YEAR, LAST_YEAR = 1900, 2999
AMOUNT_LIMIT = Decimal(10) ** 15  # any number of a file, and a product's stock
MAX_DECIMALS = 10
_DECIMALS = Decimal(1).scaleb(-MAX_DECIMALS)
MAX_BAND_DAYS = 36525  # 100 years
# (byte order mark, codec, name); UTF-32 first: its little-endian mark begins with
# the UTF-16 one
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
)
_WIDE_BOMS = tuple(bom for bom, _, name in _BOMS if name != "UTF-8")
_CHUNK = 1 << 20


def parse_date(text, source=None, row=None, field=None):
    text = (text or "").strip()
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        value = date.fromisoformat(text)
    except ValueError:
        raise ClosingError(
            f"{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2025-12-31",
            source,
            row,
            field,
        ) from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ClosingError(
            f"{text!r} is outside the years {FIRST_YEAR}-{LAST_YEAR}",
            source,
            row,
            field,
        )
    return value


def _read_bytes(handle):
    """All of an open binary file; a pipe or a device only up to its first NUL byte
    unless it has a UTF-16/32 byte order mark (/dev/zero is refused, not read on)."""
    if stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        return handle.read()
    chunks = []
    while chunk := handle.read(_CHUNK):
        chunks.append(chunk)
        if b"\0" in chunk and not chunks[0].startswith(_WIDE_BOMS):
            break
    return b"".join(chunks)


def _encoding(data):
    """``(codec, name)`` of the encoding to read ``data`` in (see the module)."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return codec, name
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252", "Windows-1252"
    return "utf-8", "UTF-8"


def _label(path, name):
    return str(path) if name == "UTF-8" else f"{path} (read as {name})"


def _row_at(text):
    """The row (line) where ``text``, the beginning of a file, ends."""
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1


def _check_text(data, codec, name, source):
    """Refuse bytes that do not decode, and NUL characters (a binary file)."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        raise ClosingError(
            f"byte {error.start + 1} of the file (0x{data[error.start]:02X}) cannot "
            f"be read as {name}: is it a CSV file? Save it as CSV UTF-8",
            source,
            _row_at(data[: error.start].decode(codec, "replace")),
        ) from None
    nul = text.find("\0")
    if nul >= 0:
        raise ClosingError(
            "the file contains a NUL character: it is a binary file, not CSV text",
            source,
            _row_at(text[:nul]),
        )


def _open_text(path, data=None):
    """``(text handle, the file's name in messages)``, once every byte is checked.
    ``data``: the file's bytes when it is not on disk (an upload), ``path`` its
    name."""
    try:
        raw = open(path, "rb") if data is None else io.BytesIO(data)  # noqa: SIM115
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        raise ClosingError(
            f"cannot read the file: {getattr(error, 'strerror', None) or error}",
            str(path),
        ) from None
    try:
        uploaded = data is not None
        if not uploaded:
            data = _read_bytes(raw)
        codec, name = _encoding(data)
        label = _label(path, name)
        _check_text(data, codec, name, label)
        if uploaded or stat.S_ISREG(os.fstat(raw.fileno()).st_mode):
            raw.seek(0)
        else:  # a pipe: read it again from memory
            raw.close()
            raw = io.BytesIO(data)
        return io.TextIOWrapper(raw, encoding=codec, newline=""), label
    except OSError as error:
        raw.close()
        raise ClosingError(
            f"cannot read the file: {error.strerror or error}", str(path)
        ) from None
    except ClosingError:
        raw.close()
        raise


def source_name(path):
    """``path`` as the messages about its content name it: with the encoding it is
    read in when that is not UTF-8, e.g. ``moves.csv (read as Windows-1252)``."""
    try:
        with open(path, "rb") as handle:
            return _label(path, _encoding(_read_bytes(handle))[1])
    except (OSError, ValueError):
        return str(path)


class _Table:
    """A CSV file read row by row with its required and optional columns."""

    def __init__(self, path, required, optional=(), data=None):
        self.required = required
        self.handle, self.path = _open_text(path, data)
        try:
            header_line = self.handle.readline()
            self.decimal_comma = ";" in header_line and "," not in header_line
            delimiter = ";" if self.decimal_comma else ","
            header = [
                h.strip()
                for h in next(csv.reader([header_line], delimiter=delimiter), [])
            ]
        except (csv.Error, OSError, UnicodeError) as error:
            self.handle.close()
            raise self._unreadable(error, 1) from None
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
        for name in (*required, *optional):
            places = [str(i) for i, h in enumerate(header, start=1) if h == name]
            if len(places) > 1:
                self.handle.close()
                raise ClosingError(
                    f"the column {name} is named {len(places)} times (columns "
                    f"{', '.join(places)}): keep one",
                    self.path,
                    1,
                    name,
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
        number = 1
        with self.handle:
            try:
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
            except (csv.Error, OSError, UnicodeError) as error:
                raise self._unreadable(error, number + 1) from None

    def _unreadable(self, error, row):
        """A ClosingError for a row that the csv module or the system cannot read."""
        if isinstance(error, csv.Error) and "field limit" in str(error):
            message = (
                f"a field is longer than {csv.field_size_limit():,} characters "
                "(is a quote not closed?)"
            )
        elif isinstance(error, OSError):
            message = f"cannot read the file: {error.strerror or error}"
        else:
            message = f"cannot read the row: {error}"
        return ClosingError(message, self.path, row)

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
        if value.copy_abs() > AMOUNT_LIMIT:
            raise ClosingError(
                f"{text!r} is too large: numbers must lie within ±10^15 "
                "(1,000,000,000,000,000)",
                self.path,
                row,
                field,
            )
        if value.quantize(_DECIMALS) != value:
            raise ClosingError(
                f"{text!r} has more than {MAX_DECIMALS} decimals",
                self.path,
                row,
                field,
            )
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
    and ``value`` (the amount of an ``adjustment``, whose quantity is 0); ``lot``
    (the lot or serial number moved, for a product valued by lot/serial number:
    every receipt, issue and return to the vendor of such a product names it, an
    adjustment may leave it empty to take the lot of the receipt it adjusts).
    """
    table = _Table(
        path,
        ("date", "product", "inventory_class", "quantity", "unit_cost"),
        ("name", "unit", "kind", "reference", "value", "lot"),
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
        lot=values.get("lot") or None,
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
        moved,
        Decimal(0),
        None,
        row,
        kind=ADJUSTMENT,
        adjusts=reference,
        value=value,
        lot=values.get("lot") or None,
    )


def read_balances(path):
    """``{account: balance}``, debit positive, credit negative."""
    return read_ledger(path)[0]


def read_ledger(path):
    """``({account: balance}, {account: previous write-down}, {account: (file,
    row)})``: the balances, debit positive, credit negative, and from the optional
    column ``previous_write_down`` the part of an inventory account's balance that
    is the previous closing's write-down (Finland: booked on the stock account
    itself, as a positive amount; empty: none)."""
    table = _Table(path, ("account", "balance"), ("previous_write_down",))
    balances, rows, previous = {}, {}, {}
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
        written_down = table.number(
            values.get("previous_write_down", ""),
            row,
            "previous_write_down",
            allow_empty=True,
        )
        if written_down is not None:
            if written_down < 0:
                raise ClosingError(
                    f"account {account}: the previous write-down is the positive "
                    "amount by which last year's closing wrote the stock down",
                    table.path,
                    row,
                    "previous_write_down",
                )
            previous[account] = written_down
    origin = {account: (table.path, rows[account]) for account in previous}
    return balances, previous, origin


class PriceRow(NamedTuple):
    """A row of the NRV file: per unit amounts, groups and the row number."""

    net_realisable_value: Decimal | None
    valuation_group: str
    row: int
    replacement_cost: Decimal | None = None
    tax_group: str = ""
    tax_principle: str = ""


NRV_OPTIONAL = ("valuation_group", "replacement_cost", "tax_group", "tax_principle")


def read_nrv(path, data=None):
    """``({product: PriceRow}, the file's name)``; ``data``: the file's bytes
    when it is not read from ``path`` (an upload named ``path``).

    Optional columns: ``valuation_group`` (collective valuation), ``replacement_cost``
    per unit (Finland's third leg, Denmark's dagspris), ``tax_group`` and
    ``tax_principle`` (Denmark: the product group and the principle chosen for it,
    the same on every row of the group that gives one). The net realisable value
    may be empty on a row that gives a replacement cost or a tax group.
    """
    table = _Table(path, ("product", "net_realisable_value"), NRV_OPTIONAL, data)
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
        others = [values.get(name, "") for name in NRV_OPTIONAL[1:]]
        amounts = {}
        for name in ("net_realisable_value", "replacement_cost"):
            amount = table.number(
                values.get(name, ""),
                row,
                name,
                allow_empty=name == "replacement_cost" or any(others),
            )
            if amount is not None and amount < 0:
                raise ClosingError(
                    f"product {product}: the {name.replace('_', ' ')} may not be "
                    "negative",
                    table.path,
                    row,
                    name,
                )
            amounts[name] = amount
        if values.get("tax_principle") and not values.get("tax_group"):
            raise ClosingError(
                f"product {product}: name the product group (tax_group) whose tax "
                "principle this is",
                table.path,
                row,
                "tax_group",
            )
        values_by_product[product] = PriceRow(
            amounts["net_realisable_value"],
            values.get("valuation_group", ""),
            row,
            amounts["replacement_cost"],
            values.get("tax_group", ""),
            values.get("tax_principle", ""),
        )
    return values_by_product, table.path


def tax_principles(path, rows):
    """``({product group: principle}, {product group: (file, row)})`` of the NRV
    file's ``rows``; a group has one principle a year: every row of the group that
    names one must agree."""
    principles, origin = {}, {}
    for price in rows.values():
        if not price.tax_principle:
            continue
        group = price.tax_group
        if group not in principles:
            principles[group] = price.tax_principle
            origin[group] = (path, price.row)
        elif principles[group] != price.tax_principle:
            raise ClosingError(
                f"product group {group} is {principles[group]} on row "
                f"{origin[group][1]}: a group has one tax principle a year",
                path,
                price.row,
                "tax_principle",
            )
    return principles, origin


def parse_percent(text, source):
    """A percent given on the command line, e.g. ``10`` or ``7.5``."""
    try:
        value = Decimal(text.strip().replace(",", "."))
        if not value.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise ClosingError(
            f"{text!r} is not a percent: write it like 10 or 7.5", source
        ) from None
    return value


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
        if value < Decimal("0.01"):
            raise ClosingError(
                "a fixed value must be at least 0.01", table.path, row, "fixed_value"
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
            if not band.percent.is_finite():
                raise InvalidOperation
        except (ValueError, InvalidOperation):
            raise ClosingError(
                f"{part!r} is not a band: write days:percent, e.g. 365:50,730:100",
                source,
            ) from None
        if not 0 < band.days <= MAX_BAND_DAYS or not 0 <= band.percent <= 100:
            raise ClosingError(
                f"{part!r}: days must be from 1 to {MAX_BAND_DAYS} (100 years) and "
                "the percent between 0 and 100",
                source,
            )
        bands.append(band)
    return tuple(bands)
