"""Nordic year-end inventory closing engine (Norway NS 4102, Sweden BAS, Denmark's
standard chart of accounts, Finland).

Pure Python: the standard library and xlsxwriter, never Odoo. The Odoo models of the
addon and the command line (``python -m nordic_closing close``) both call it.
"""

from .closing import (
    ClosingOptions,
    ObsolescenceBand,
    compute_closing,
    default_fiscal_year_start,
    items_valued_apart,
)
from .results import (
    ClassResult,
    ClosingResult,
    EntryLine,
    ItemResult,
    ItemTotals,
    ReplacementLine,
    Rule97,
    TaxGroup,
)
from .errors import ClosingError
from .frameworks import (
    COUNTRY,
    FRAMEWORKS,
    INVENTORY_CLASSES,
    TAX_PRINCIPLES,
    get_framework,
)
from .reference import ClassAccounts, chart_accounts, load_mapping
from .stock import ItemStock, LotStock, Movement
from .valuation import value_movements

__all__ = [
    "COUNTRY",
    "FRAMEWORKS",
    "INVENTORY_CLASSES",
    "TAX_PRINCIPLES",
    "ClassAccounts",
    "ClassResult",
    "ClosingError",
    "ClosingOptions",
    "ClosingResult",
    "EntryLine",
    "ItemResult",
    "ItemStock",
    "ItemTotals",
    "LotStock",
    "Movement",
    "ObsolescenceBand",
    "ReplacementLine",
    "Rule97",
    "TaxGroup",
    "chart_accounts",
    "compute_closing",
    "default_fiscal_year_start",
    "get_framework",
    "items_valued_apart",
    "load_mapping",
    "value_movements",
]
