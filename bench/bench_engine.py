"""Benchmark of the pure-Python engine: a whole CLI closing of N movements over M items.

Not a test: run it by hand, e.g.
    python bench/bench_engine.py                 # 1,000,000 movements, 50,000 items
    python bench/bench_engine.py --movements 200000 --items 10000
It writes a MOVES.csv and NRV.csv into a temporary folder, then times reading,
valuing, closing and (with --xlsx) the workbook, and prints the peak memory of the
process. Targets (README): at most 10 s and 1 GB for 1,000,000 / 50,000.
"""

import argparse
import csv
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nordic_closing.cli import build_parser, close_from_files  # noqa: E402
from nordic_closing.frameworks import INVENTORY_CLASSES  # noqa: E402


def make_files(folder, movements, items, seed=2025):
    """Receipts and issues over two years that never take stock below zero."""
    rng = random.Random(seed)
    moves_path = Path(folder) / "moves.csv"
    nrv_path = Path(folder) / "nrv.csv"
    per_item = movements // items
    first = date(2024, 1, 1).toordinal()
    dates = [date.fromordinal(first + day).isoformat() for day in range(730)]
    with open(moves_path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("date", "product", "inventory_class", "quantity", "unit_cost"))
        for item in range(items):
            product = f"P{item:06d}"
            inventory_class = INVENTORY_CLASSES[item % len(INVENTORY_CLASSES)]
            stock = 0
            days = sorted(rng.randrange(0, 730) for _ in range(per_item))
            for day in days:
                when = dates[day]
                if stock > 5 and rng.random() < 0.45:
                    quantity = -rng.randrange(1, stock)
                    writer.writerow((when, product, inventory_class, quantity, ""))
                else:
                    quantity = rng.randrange(1, 50)
                    cost = f"{rng.uniform(1, 500):.2f}"
                    writer.writerow((when, product, inventory_class, quantity, cost))
                stock += quantity
    with open(nrv_path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("product", "net_realisable_value"))
        for item in range(0, items, 3):
            writer.writerow((f"P{item:06d}", f"{rng.uniform(1, 400):.2f}"))
    return moves_path, nrv_path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--movements", type=int, default=1_000_000)
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--method", choices=("fifo", "average"), default="fifo")
    parser.add_argument("--xlsx", action="store_true", help="also write the workbook")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        moves, nrv = make_files(folder, args.movements, args.items)
        generated = time.perf_counter() - started
        cli = build_parser().parse_args(
            [
                "close",
                "--country",
                "SE",
                "--date",
                "2025-12-31",
                "--moves",
                str(moves),
                "--nrv",
                str(nrv),
                "--method",
                args.method,
                "--rule-97",
                "contra",
                "--obsolescence",
                "365:50,730:100",
            ]
        )
        started = time.perf_counter()
        result = close_from_files(cli)
        closed = time.perf_counter() - started
        workbook = None
        if args.xlsx:
            from nordic_closing.workbook import write_workbook  # noqa: PLC0415

            started = time.perf_counter()
            write_workbook(result, os.path.join(folder, "closing.xlsx"))
            workbook = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"movements {args.movements:,}  items {args.items:,}  method {args.method}")
    print(f"  generate files   {generated:8.2f} s (not part of the closing)")
    print(
        f"  closing (CLI)    {closed:8.2f} s  read + value + close, "
        f"{len(result.items):,} items, {len(result.entry)} entry lines"
    )
    if workbook is not None:
        print(f"  workbook (xlsx)  {workbook:8.2f} s")
    print(f"  peak memory      {peak:8.0f} MB")
    print(
        f"  closing value    {result.closing_value:,.2f}  "
        f"(debit {result.total_debit:,.2f} = credit {result.total_credit:,.2f})"
    )


if __name__ == "__main__":
    main()
