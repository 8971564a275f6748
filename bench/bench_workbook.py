"""Benchmark of the closing workbook (XLSX) for a large stock, without Odoo.

Not a test: run it by hand, e.g.
    .venv/bin/python bench/bench_workbook.py                  # 100,000 items, Sweden
    .venv/bin/python bench/bench_workbook.py --items 20000 --country NO
It builds a synthetic list of ``ItemStock`` (as the Odoo layer does from its stored
closing lines), closes it with ``compute_closing`` and times ``write_workbook``
(constant-memory mode). It prints the seconds of each step, the workbook's size and
the process's peak resident memory before and after writing (the difference is what
the workbook added; tracemalloc is not used because it slows xlsxwriter fourfold).
Target (README): the workbook of 100,000 items in under 15 s.
"""

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nordic_closing import (  # noqa: E402
    INVENTORY_CLASSES,
    ClosingOptions,
    ItemStock,
    ObsolescenceBand,
    compute_closing,
)
from nordic_closing.money import round_money  # noqa: E402
from nordic_closing.workbook import write_workbook  # noqa: E402

UNITS = ("Units", "kg", "m", "l", "Box")


def make_items(count, seed=2025):
    """``count`` items over the five classes; a third with a net realisable value."""
    rng = random.Random(seed)
    first = date(2024, 1, 1).toordinal()
    items = []
    for index in range(count):
        quantity = Decimal(rng.randrange(1, 500))
        unit_cost = Decimal(rng.randrange(100, 50000)) / 100
        acquisition = round_money(quantity * unit_cost)
        opening_quantity = Decimal(rng.randrange(0, 300))
        items.append(
            ItemStock(
                product=f"P{index:06d}",
                inventory_class=INVENTORY_CLASSES[index % len(INVENTORY_CLASSES)],
                quantity=quantity,
                acquisition_value=acquisition,
                opening_quantity=opening_quantity,
                opening_value=round_money(opening_quantity * unit_cost),
                purchases=round_money(acquisition * Decimal("1.4")),
                last_movement=date.fromordinal(first + rng.randrange(0, 730)),
                name=f"Synthetic product {index:06d} for the workbook benchmark",
                unit=UNITS[index % len(UNITS)],
                net_realisable_value=(
                    Decimal(rng.randrange(50, 60000)) / 100 if index % 3 == 0 else None
                ),
                nrv_source="manual" if index % 3 == 0 else "none",
            )
        )
    return items


def _peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--country", choices=("SE", "NO"), default="SE")
    parser.add_argument("--lang", choices=("en", "nb", "sv"), default=None)
    args = parser.parse_args()
    lang = args.lang or ("sv" if args.country == "SE" else "nb")

    started = time.perf_counter()
    items = make_items(args.items)
    generated = time.perf_counter() - started

    options = ClosingOptions(
        country=args.country,
        balance_date=date(2025, 12, 31),
        framework="K2" if args.country == "SE" else "NGAAP",
        rule_97="contra" if args.country == "SE" else "off",
        obsolescence_bands=(
            ObsolescenceBand(365, Decimal(50)),
            ObsolescenceBand(730, Decimal(100)),
        ),
    )
    started = time.perf_counter()
    result = compute_closing(items, options)
    closed = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as folder:
        target = os.path.join(folder, "closing.xlsx")
        before = _peak_mb()
        started = time.perf_counter()
        write_workbook(
            result,
            target,
            lang=lang,
            meta={"company": "Benchmark AB", "entry_number": "MISC/2025/12/0001"},
        )
        written = time.perf_counter() - started
        size = os.path.getsize(target)
    peak = _peak_mb()

    print(f"items {len(result.items):,}  country {args.country}  language {lang}")
    print(f"  build items      {generated:8.2f} s (not part of the workbook)")
    print(f"  compute_closing  {closed:8.2f} s  ({len(result.entry)} entry lines)")
    print(f"  write_workbook   {written:8.2f} s  ({size / 1024 / 1024:.1f} MB xlsx)")
    print(f"  peak memory      {peak:8.0f} MB (whole process; {before:.0f} MB before")
    print(f"                   writing: the workbook added {peak - before:.0f} MB)")
    print(f"  closing value    {result.closing_value:,.2f}")
    print(f"  target: workbook under 15 s -> {'met' if written < 15 else 'MISSED'}")


if __name__ == "__main__":
    main()
