"""Nordic year-end inventory closing engine (Norway NS 4102, Sweden BAS).

Pure Python: the standard library and xlsxwriter, never Odoo. The Odoo models of the
addon and the command line (``python -m nordic_closing close``) both call it.
"""

from .closing import (
    ClassResult,
    ClosingOptions,
    ClosingResult,
    EntryLine,
    ItemResult,
    ObsolescenceBand,
    Rule97,
    compute_closing,
    default_fiscal_year_start,
)
from .errors import ClosingError
from .frameworks import FRAMEWORKS, INVENTORY_CLASSES, get_framework
from .reference import ClassAccounts, chart_accounts, load_mapping
from .valuation import ItemStock, Movement, value_movements

__all__ = [
    "FRAMEWORKS",
    "INVENTORY_CLASSES",
    "ClassAccounts",
    "ClassResult",
    "ClosingError",
    "ClosingOptions",
    "ClosingResult",
    "EntryLine",
    "ItemResult",
    "ItemStock",
    "Movement",
    "ObsolescenceBand",
    "Rule97",
    "chart_accounts",
    "compute_closing",
    "default_fiscal_year_start",
    "get_framework",
    "load_mapping",
    "value_movements",
]
