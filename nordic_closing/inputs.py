"""Reading the CLI's CSV files, with a message naming file, row and field for
every problem: the ledger balances, the net realisable values, the fixed values,
and the obsolescence bands and percents of the command line.

The movements file is read by ``inputs_moves.py``; how a CSV file is read
(encodings, delimiters, limits of numbers and dates) is in ``inputs_csv.py``. Both
are re-exported here.
"""

from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from .closing import ObsolescenceBand
from .errors import ClosingError
from .frameworks import INVENTORY_CLASSES
from .inputs_csv import AMOUNT_LIMIT, Table, parse_date, source_name
from .inputs_moves import ProductMovements, read_moves

__all__ = [
    "AMOUNT_LIMIT",
    "NRV_OPTIONAL",
    "PriceRow",
    "ProductMovements",
    "parse_bands",
    "parse_date",
    "parse_percent",
    "read_balances",
    "read_fixed_values",
    "read_ledger",
    "read_moves",
    "read_nrv",
    "source_name",
    "tax_principles",
]

MAX_BAND_DAYS = 36525  # 100 years


def read_balances(path):
    """``{account: balance}``, debit positive, credit negative."""
    return read_ledger(path)[0]


def read_ledger(path):
    """``({account: balance}, {account: previous write-down}, {account: (file,
    row)})``: the balances, debit positive, credit negative, and from the optional
    column ``previous_write_down`` the part of an inventory account's balance that
    is the previous closing's write-down (Finland: booked on the stock account
    itself, as a positive amount; empty: none)."""
    table = Table(path, ("account", "balance"), ("previous_write_down",))
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
    table = Table(path, ("product", "net_realisable_value"), NRV_OPTIONAL, data)
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
    table = Table(path, ("inventory_class", "fixed_value"))
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
