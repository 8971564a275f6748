"""Reference data shared with the Odoo layer: account mapping and K1 thresholds.

Both live in the addon's ``data/`` folder, read here and loaded by Odoo from the
same files, so there is one source of truth.
"""

import csv
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from .errors import ClosingError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MAPPING_FILE = DATA_DIR / "nordic.stock.account.mapping.csv"
K1_FILE = DATA_DIR / "k1_stock_threshold.csv"


@dataclass(frozen=True)
class ClassAccounts:
    """The accounts of one inventory class (or of the Swedish stock reserve)."""

    role: str
    balance_account: str  # 14x0 (2196 for the reserve)
    contra_account: str  # 14x9 ("" for the reserve)
    change_account: str  # 4x90 / 49x0 (8896 for the reserve)


@cache
def load_mapping(path=MAPPING_FILE):
    """``{chart_template: {role: ClassAccounts}}`` from the mapping file."""
    mapping = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            mapping.setdefault(row["chart_template"], {})[row["role"]] = ClassAccounts(
                row["role"],
                row["balance_account_code"],
                row["contra_account_code"],
                row["change_account_code"],
            )
    return mapping


def chart_accounts(chart_template):
    """The accounts of ``chart_template`` (``no``, ``se``, ``se_K2``, ``se_K3``)."""
    try:
        return load_mapping()[chart_template]
    except KeyError:
        raise ClosingError(
            f"no account mapping for chart {chart_template!r} in {MAPPING_FILE.name}"
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
