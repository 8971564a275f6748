"""``python -m nordic_closing close``: the whole closing from CSV files, no Odoo.

Exit status 0 on success, 2 on bad input or a refused option (one message naming
file, row and field on stderr, and no output file written).
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

from .closing import ClosingOptions, compute_closing
from .errors import ClosingError
from .frameworks import COUNTRIES, METHODS, RULE_97_MODES, get_framework
from .inputs import (
    parse_bands,
    parse_date,
    read_balances,
    read_fixed_values,
    read_moves,
    read_nrv,
)
from .output import to_json, to_text
from .valuation import value_movements


def build_parser():
    parser = argparse.ArgumentParser(
        prog="python -m nordic_closing",
        description="Nordic year-end inventory closing (Norway NS 4102, Sweden BAS).",
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
        help="MOVES.csv: date,product,"
        "inventory_class,quantity,unit_cost[,name,unit]",
    )
    close.add_argument(
        "--framework",
        choices=("K1", "K2", "K3", "IFRS", "NGAAP", "NGAAP_SMALL"),
        help="default K2 (SE) / NGAAP (NO)",
    )
    close.add_argument("--method", choices=METHODS, default="fifo")
    close.add_argument(
        "--fiscal-year-start", help="default: twelve months ending at --date"
    )
    close.add_argument(
        "--balances", help="BALANCES.csv: account,balance (debit +, credit -)"
    )
    close.add_argument(
        "--nrv", help="NRV.csv: product,net_realisable_value[,valuation_group]"
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
        "--k1-recognise",
        action="store_true",
        help="K1: recognise the stock even at or under the threshold",
    )
    close.add_argument("--json", action="store_true", help="print JSON instead of text")
    close.add_argument("--xlsx", help="write the closing workbook to this file")
    close.add_argument(
        "--lang",
        choices=("en", "nb", "sv"),
        default="en",
        help="language of the workbook",
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
        k1_recognise=args.k1_recognise,
    )
    products = read_moves(args.moves)
    nrv, nrv_path = read_nrv(args.nrv) if args.nrv else ({}, None)
    items = []
    for entry in products.values():
        item = value_movements(
            entry.product,
            entry.inventory_class,
            entry.movements,
            balance_date,
            options.fiscal_year_start,
            args.method,
            source=args.moves,
            name=entry.name,
            unit=entry.unit,
        )
        item.origin["inventory_class"] = (args.moves, entry.row)
        if entry.product in nrv:
            value, group, row = nrv[entry.product]
            item.net_realisable_value = value
            item.nrv_source = "file"
            item.valuation_group = group
            item.origin["net_realisable_value"] = (nrv_path, row)
            item.origin["valuation_group"] = (nrv_path, row)
        items.append(item)
    ledger = read_balances(args.balances) if args.balances else None
    return compute_closing(items, options, ledger)


def _write_atomically(path, write):
    """Write through a temporary file so that a failure leaves no file behind."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent if str(target.parent) else ".", suffix=".part"
    )
    os.close(handle)
    try:
        write(temporary)
        # mkstemp creates the file private (0600); give it the permissions of any file
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        result = close_from_files(args)
        if args.xlsx:
            from .workbook import write_workbook  # xlsxwriter only when asked for

            target = Path(args.xlsx)
            if not target.parent.exists():
                raise ClosingError("the folder does not exist", "--xlsx")
            _write_atomically(
                target, lambda p: write_workbook(result, p, lang=args.lang)
            )
    except ClosingError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(to_json(result) + "\n" if args.json else to_text(result))
    if args.xlsx and not args.json:
        print(f"\nWorkbook written to {args.xlsx}")
    return 0
