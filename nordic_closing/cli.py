"""``python -m nordic_closing close``: the whole closing from CSV files, no Odoo.

Exit status 0 on success, 2 on bad input or a refused option (one message naming
file, row and field on stderr, and no output file written).

``--xlsx`` writes a regular file, created or replaced atomically (through a
temporary file in its folder, removed on failure). A symbolic link is followed: the
file it points to is replaced and the link kept; a link to nothing is refused.
Anything else that exists at the path (a folder, a device, a FIFO, a socket) is
refused and left untouched.
"""

import argparse
import errno
import os
import re
import stat
import sys
import tempfile
from decimal import InvalidOperation, Overflow
from pathlib import Path

from .closing import ClosingOptions, compute_closing
from .errors import ClosingError
from .frameworks import (
    COUNTRIES,
    DEFAULT_FRAMEWORK,
    FRAMEWORK_CODES,
    METHODS,
    RULE_97_MODES,
    TAX_PRINCIPLES,
    get_framework,
)
from .inputs import (
    parse_bands,
    parse_percent,
    read_fixed_values,
    read_ledger,
    read_nrv,
    tax_principles,
)
from .inputs_csv import AMOUNT_LIMIT, parse_date, source_name
from .inputs_moves import read_moves
from .labels import LANGUAGES
from .output import to_json, to_text
from .valuation import value_movements

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def build_parser():
    parser = argparse.ArgumentParser(
        prog="python -m nordic_closing",
        description="Nordic year-end inventory closing (Norway NS 4102, Sweden BAS, "
        "Denmark's standard chart of accounts, Finland).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    close = commands.add_parser(
        "close",
        help="value the stock at the balance date and print the change entry",
        description="Value the stock item by item at --date and book the change in "
        "inventory against the ledger balances.",
    )
    close.add_argument("--country", required=True, choices=COUNTRIES)
    close.add_argument("--date", required=True, help="balance date, YYYY-MM-DD")
    close.add_argument(
        "--moves",
        required=True,
        help="MOVES.csv: date,product,inventory_class,quantity,unit_cost[,name,"
        "unit,kind,reference,value,lot]; lot: the lot/serial number of a product "
        "valued by lot/serial number",
    )
    close.add_argument(
        "--framework",
        choices=FRAMEWORK_CODES,
        help="default: "
        + ", ".join(f"{code} ({c})" for c, code in DEFAULT_FRAMEWORK.items()),
    )
    close.add_argument("--method", choices=METHODS, default="fifo")
    close.add_argument(
        "--fiscal-year-start", help="default: twelve months ending at --date"
    )
    close.add_argument(
        "--balances",
        help="BALANCES.csv: account,balance[,previous_write_down] (debit +, "
        "credit -); previous_write_down (Finland): the previous closing's "
        "write-down included in a stock account's balance, positive",
    )
    close.add_argument(
        "--nrv",
        help="NRV.csv: product,net_realisable_value[,valuation_group,"
        "replacement_cost,tax_group,tax_principle]; per unit; replacement_cost: "
        "Finland's third leg of the lowest value (KPL 5:6 §), Denmark's dagspris; "
        f"tax_principle (Denmark, per tax_group): {', '.join(TAX_PRINCIPLES)}",
    )
    close.add_argument(
        "--rule-97",
        choices=RULE_97_MODES,
        default="off",
        help="Swedish 97 %% rule (IL 17:4): book the 3 %% on the contra "
        "account or as untaxed reserve",
    )
    close.add_argument(
        "--obsolescence", help="age bands days:percent, e.g. 365:50,730:100"
    )
    close.add_argument("--fixed-values", help="FIXED.csv: inventory_class,fixed_value")
    close.add_argument(
        "--fixed-value-tolerance",
        metavar="PERCENT",
        help="Finland: the company's tolerance of a fixed value, in percent "
        "(KPL 5:6 §; required with --fixed-values, no default)",
    )
    close.add_argument(
        "--k1-recognise",
        action="store_true",
        help="K1: recognise the stock even at or under the threshold",
    )
    close.add_argument("--json", action="store_true", help="print JSON instead of text")
    close.add_argument("--xlsx", help="write the closing workbook to this file")
    close.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help="language of the workbook, the entry's texts and the notes",
    )
    return parser


def close_from_files(args):
    """Read the files named by ``args`` and compute the closing."""
    framework = get_framework(args.country, args.framework)
    balance_date = parse_date(args.date, "--date")
    fiscal_year_start = (
        parse_date(args.fiscal_year_start, "--fiscal-year-start")
        if args.fiscal_year_start
        else None
    )
    if fiscal_year_start and fiscal_year_start > balance_date:
        raise ClosingError(
            "the fiscal year must start on or before --date", "--fiscal-year-start"
        )
    fixed, fixed_origin = (
        read_fixed_values(args.fixed_values) if args.fixed_values else ({}, {})
    )
    options = ClosingOptions(
        country=args.country,
        balance_date=balance_date,
        framework=framework.code,
        method=args.method,
        fiscal_year_start=fiscal_year_start,
        rule_97=args.rule_97,
        obsolescence_bands=parse_bands(args.obsolescence),
        fixed_values=fixed,
        fixed_value_origin=fixed_origin,
        fixed_value_tolerance=None
        if args.fixed_value_tolerance is None
        else parse_percent(args.fixed_value_tolerance, "--fixed-value-tolerance"),
        k1_recognise=args.k1_recognise,
        lang=args.lang,
    )
    products = read_moves(args.moves)
    prices, nrv_path = read_nrv(args.nrv) if args.nrv else ({}, None)
    options.tax_principles, options.tax_principle_origin = tax_principles(
        nrv_path, prices
    )
    items = []
    for entry in products.values():
        item = _value_product(entry, args, options)
        item.origin["inventory_class"] = (args.moves, entry.row)
        if entry.product in prices:
            _set_prices(item, prices[entry.product], nrv_path)
        items.append(item)
    ledger = None
    if args.balances:
        ledger, options.previous_write_downs, options.previous_write_down_origin = (
            read_ledger(args.balances)
        )
    return compute_closing(items, options, ledger)


def _set_prices(item, price, path):
    """The NRV file's row ``price`` on ``item``; its stock at each per-unit amount
    must stay within ±10^15 like every number of the files."""
    for name in ("net_realisable_value", "replacement_cost"):
        value = getattr(price, name)
        if value is not None and (item.quantity * value).copy_abs() > AMOUNT_LIMIT:
            raise ClosingError(
                f"product {item.product}: {item.quantity:,f} units at this "
                f"{name.replace('_', ' ')} are worth more than 10^15",
                path,
                price.row,
                name,
            )
    item.net_realisable_value = price.net_realisable_value
    item.nrv_source = "file" if price.net_realisable_value is not None else ""
    item.valuation_group = price.valuation_group
    item.replacement_cost = price.replacement_cost
    item.tax_group = price.tax_group
    for name in ("net_realisable_value", "valuation_group", "replacement_cost"):
        item.origin[name] = (path, price.row)


def _value_product(entry, args, options):
    """``value_movements`` of one product of the movements file, whose quantity and
    values must stay within ±10^15 like every number of the files."""
    arguments = (
        entry.product,
        entry.inventory_class,
        entry.movements,
        options.balance_date,
        options.fiscal_year_start,
        args.method,
    )
    try:
        item = value_movements(
            *arguments, source=args.moves, name=entry.name, unit=entry.unit
        )
    except (InvalidOperation, Overflow):  # an amount too large to round to 0.01
        item = None
    if item is not None and not _too_large(item):
        return item
    # the first movement (by date) from which the product's figures are too large
    moves = sorted(entry.movements, key=lambda m: m.date)
    good, bad = 0, len(moves)
    while bad - good > 1:
        middle = (good + bad) // 2
        try:
            too_large = _too_large(
                value_movements(*arguments[:2], moves[:middle], *arguments[3:])
            )
        except (InvalidOperation, Overflow):
            too_large = True
        good, bad = (good, middle) if too_large else (middle, bad)
    move = moves[bad - 1]
    field = "quantity"
    if move.quantity > 0:
        field = "unit_cost"
    elif not move.quantity:
        field = "value"
    raise ClosingError(
        f"product {entry.product}: from this row on its stock or purchases exceed "
        "±10^15 in quantity or value",
        args.moves,
        move.row,
        field,
    )


def _too_large(item):
    return any(
        figure.copy_abs() > AMOUNT_LIMIT
        for figure in (
            item.quantity,
            item.acquisition_value,
            item.opening_quantity,
            item.opening_value,
            item.purchases,
        )
    )


def _xlsx_target(name):
    """The regular file to write for ``--xlsx name`` (see the module's docstring)."""
    if not name or name.endswith(("/", os.sep)) or "\0" in name:
        raise ClosingError(f"{name!r} is not a file name, e.g. closing.xlsx", "--xlsx")
    path = name
    if os.path.islink(path):
        path = os.path.realpath(path)
        if not os.path.exists(path):
            raise ClosingError(
                f"{name} is a symbolic link to nothing ({path}); it is left as it is",
                "--xlsx",
            )
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        folder = os.path.dirname(path) or "."
        if not os.path.isdir(folder):
            raise ClosingError(
                f"cannot write {name}: the folder {folder} does not exist", "--xlsx"
            ) from None
        return path
    except OSError as error:
        reason = (
            "a part of the path is a file, not a folder"
            if error.errno == errno.ENOTDIR
            else error.strerror or str(error)
        )
        raise ClosingError(f"cannot write {name}: {reason}", "--xlsx") from None
    if stat.S_ISDIR(mode):
        raise ClosingError(
            f"{name} is a folder: name the workbook's file, e.g. {name}/closing.xlsx",
            "--xlsx",
        )
    if not stat.S_ISREG(mode):
        raise ClosingError(
            f"{name} is not a regular file (a device, FIFO or socket): it is left "
            "as it is; name another file",
            "--xlsx",
        )
    return path


def _write_atomically(path, write, errors=()):
    """Write through a temporary file so that a failure leaves no file behind.

    ``errors`` (raised by ``write``, besides OSError) become a ClosingError.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else "."
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
    except OSError as error:
        raise ClosingError(
            f"cannot write in the folder {folder}: {error.strerror or error}",
            "--xlsx",
        ) from None
    os.close(handle)
    try:
        write(temporary)
        # mkstemp creates the file private (0600); give it the permissions of any file
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        _xlsx_target(str(path))  # still a regular file or nothing
        os.replace(temporary, target)
    except (OSError, *errors) as error:
        raise ClosingError(
            f"cannot write {path}: {getattr(error, 'strerror', None) or error}",
            "--xlsx",
        ) from None
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        if args.xlsx is not None:
            _xlsx_target(args.xlsx)  # refused before the closing is computed
        try:
            result = close_from_files(args)
        except ClosingError as error:
            if error.source and error.source == args.moves:
                # name the encoding the file was read in, as read_moves does
                raise ClosingError(
                    error.message, source_name(args.moves), error.row, error.field
                ) from None
            raise
        if args.xlsx is not None:
            from xlsxwriter.exceptions import XlsxFileError

            from .workbook import write_workbook  # xlsxwriter only when asked for

            _write_atomically(
                _xlsx_target(args.xlsx),
                lambda p: write_workbook(result, p, lang=args.lang),
                (XlsxFileError,),
            )
    except ClosingError as error:
        # one line, whatever the files put into the message (a name with a line break)
        message = _CONTROL.sub(lambda m: repr(m.group())[1:-1], str(error))
        print(f"error: {message}", file=sys.stderr)
        return 2
    sys.stdout.write(to_json(result) + "\n" if args.json else to_text(result))
    if args.xlsx and not args.json:
        print(f"\nWorkbook written to {args.xlsx}")
    return 0
