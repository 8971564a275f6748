"""Reference data shared with the Odoo layer: account mapping and K1 thresholds.

Both live in the addon's ``data/`` folder, read here and loaded by Odoo from the
same files, so there is one source of truth. The mapping covers the charts ``no``,
``se``, ``se_K2``, ``se_K3``, ``dk`` and ``fi``; ``write_down_account_code`` is the
write-down P&L account (Denmark, Finland), empty where it is the change account.
"""

import csv
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from .errors import ClosingError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MAPPING_FILE = DATA_DIR / "nordic.stock.account.mapping.csv"
MAPPING_FILES = (MAPPING_FILE,)
K1_FILE = DATA_DIR / "k1_stock_threshold.csv"


@dataclass(frozen=True)
class ClassAccounts:
    """The accounts of one inventory class (or of the Swedish stock reserve).

    The first step of the closing (acquisition value) books the inventory account
    against the change account, the second (write-down, and its release) the contra
    account against the write-down P&L account. Without a contra account (Finland's
    charts) the write-down is booked on the inventory account itself. Without a
    write-down P&L account (Norway, Sweden) it goes to the change account.
    """

    role: str
    balance_account: str  # 14x0 (2196 for the reserve)
    contra_account: str  # 14x9 ("" for the reserve, and in Finland)
    change_account: str  # 4x90 / 49x0 (8896 for the reserve)
    write_down_pl_account: str = ""  # DK 1800/1430, FI 4440/3620; "": the change

    @property
    def write_down_counter_account(self):
        """The P&L account of the write-down step: its own, else the change."""
        return self.write_down_pl_account or self.change_account


@cache
def load_mapping(*paths):
    """``{chart_template: {role: ClassAccounts}}`` from the mapping files
    (``MAPPING_FILES`` unless named); ``write_down_account_code`` is optional."""
    mapping = {}
    for path in paths or MAPPING_FILES:
        charts = {}
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                charts.setdefault(row["chart_template"], {})[row["role"]] = (
                    ClassAccounts(
                        row["role"],
                        row["balance_account_code"],
                        row["contra_account_code"],
                        row["change_account_code"],
                        row.get("write_down_account_code") or "",
                    )
                )
        twice = sorted(charts.keys() & mapping.keys())
        if twice:
            raise ClosingError(f"the chart {twice[0]!r} is mapped twice ({path})")
        mapping.update(charts)
    return mapping


def chart_accounts(chart_template):
    """The accounts of ``chart_template`` (``no``, ``se``, ``se_K2``, ``se_K3``,
    ``dk``, ``fi``)."""
    try:
        return load_mapping()[chart_template]
    except KeyError:
        raise ClosingError(
            f"no account mapping for chart {chart_template!r} in "
            f"{' or '.join(p.name for p in MAPPING_FILES)}"
        ) from None


@cache
def load_k1_thresholds(path=K1_FILE):
    """``{year: (threshold, price_base_amount, source)}``."""
    with open(path, newline="", encoding="utf-8") as handle:
        return {
            int(row["year"]): (
                Decimal(row["threshold"]),
                Decimal(row["price_base_amount"]),
                row["source"],
            )
            for row in csv.DictReader(handle)
        }


def k1_threshold(year):
    """The K1 threshold (IL 17:4 a) for the tax year ending in ``year``."""
    try:
        return load_k1_thresholds()[year]
    except KeyError:
        raise ClosingError(
            f"the K1 stock threshold for {year} is missing: add the year, its price "
            f"base amount and threshold to data/{K1_FILE.name}"
        ) from None
