"""Reading a CSV file of the CLI, with a message naming file, row and field for
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

from .errors import ClosingError

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
FIRST_YEAR, LAST_YEAR = 1900, 2999
AMOUNT_LIMIT = Decimal(10) ** 15  # any number of a file, and a product's stock
MAX_DECIMALS = 10
_DECIMALS = Decimal(1).scaleb(-MAX_DECIMALS)
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


class Table:
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
