"""Accounting frameworks and what each allows, with the rule that says so.

One table for the engine, the CLI and the Odoo settings. The (S) rules of DOMAIN.md
(secondary sources) are kept here as data so that they can be changed in one place.
"""

from dataclasses import dataclass
from decimal import Decimal

from .countries import COUNTRY, Country
from .errors import ClosingError

INVENTORY_CLASSES = (
    "raw_material",
    "consumable",
    "work_in_progress",
    "finished_goods",
    "goods_for_resale",
)
STOCK_RESERVE = "stock_reserve"
FIXED_VALUE_CLASSES = ("raw_material", "consumable")
METHODS = ("fifo", "average")
RULE_97_MODES = ("off", "contra", "reserve")
#: the built-in countries (the CLI's --country choices); COUNTRY (countries.py)
#: holds them and any registered with register_country
COUNTRIES = tuple(COUNTRY)
FIXED_VALUE_BAND = Decimal(20)  # ± percent, BFNAR 2016:10 p. 12.6 (S)
#: Denmark's tax principles per product group (varelagerloven § 1): the replacement
#: price at the year end (dagspris), the purchase price or the manufacturing price
TAX_PRINCIPLES = ("dagspris", "purchase_price", "manufacturing_price")


#: the built-in countries' default frameworks (the CLI's help); a country's own is
#: its ``Country.default_framework``
DEFAULT_FRAMEWORK = {code: c.default_framework for code, c in COUNTRY.items()}


@dataclass(frozen=True)
class Framework:
    """One framework and what it allows; each refusal names the rule.

    ``fixed_value``: ``band`` (kept within ±20 %), ``free`` (kept without a figure),
    ``tolerance`` (kept within a tolerance the company sets, no default) or ``""``
    (refused with ``fixed_value_refusal``). ``replacement_cost``: ``leg`` (the third
    leg of the lowest value, Finland), ``tax`` (the Danish dagspris of the tax view
    and the disclosure) or ``""`` (refused). ``tax_value``: ``cost`` (Norway, and
    Sweden's count list), ``book`` (the book value, Finland) or ``principle`` (per
    product group, Denmark). ``replacement_disclosure``: the rule that asks for the
    replacement value against cost per balance-sheet line, or ``""``.
    """

    country: str
    code: str
    label: str
    chart_template: str
    rule_97_modes: tuple = ()
    rule_97_refusal: str = ""
    collective: bool = False
    collective_rule: str = ""
    collective_refusal: str = ""
    fixed_value: str = ""
    fixed_value_rule: str = ""
    fixed_value_law: str = ""  # the rule in a sentence of the principles
    fixed_value_refusal: str = ""
    k1_threshold: bool = False
    replacement_cost: str = ""
    replacement_cost_refusal: str = ""
    replacement_disclosure: str = ""
    tax_value: str = "cost"

    @property
    def key(self):
        """The Odoo settings value, e.g. ``SE_K2``."""
        return f"{self.country}_{self.code}"


_NO_97 = (
    "the 97 % rule (IL 17:4) is Swedish tax law; in Norway stock is valued at the "
    "lower of cost and fair value (rskl § 5-2, sktl § 14-5)"
)
_DK_97 = (
    "the 97 % rule (IL 17:4) is Swedish tax law; in Denmark stock is valued at the "
    "lower of cost and net realisable value (ÅRL § 46) and for tax per product group "
    "(varelagerloven § 1)"
)
_FI_97 = (
    "the 97 % rule (IL 17:4) is Swedish tax law; in Finland stock is valued at the "
    "lowest of acquisition cost, replacement cost and probable selling price "
    "(KPL 5:6 §, EVL 28 §)"
)
_IFRS_97 = (
    "the 97 % rule (IL 17:4) is Swedish tax law; under IFRS stock is valued at the "
    "lower of cost and net realisable value (IAS 2.9)"
)
_NO_FIXED = "fixed quantity and value (ÅRL 4:12) is Swedish law and not used in Norway"
_DK_FIXED = (
    "the Danish Financial Statements Act has no fixed value for stock: each item is "
    "measured at cost or the lower net realisable value (ÅRL §§ 44-46)"
)
_IFRS_FIXED = "IFRS (IAS 2.9) allows no fixed value for stock (ÅRL 4:12 does not apply)"
_NO_COLLECTIVE = (
    "Norwegian GAAP values stock item by item (rskl § 5-2): collective valuation of "
    "groups is not allowed"
)
_DK_COLLECTIVE = (
    "Danish GAAP measures each item separately (ÅRL § 13 stk. 1 nr. 8): collective "
    "valuation of groups is not allowed"
)
_FI_COLLECTIVE = (
    "Finnish GAAP values stock item by item (KPL 5:6 §): collective valuation of "
    "groups is not allowed"
)
_IFRS_COLLECTIVE = "IAS 2.29"
_SE_REPLACEMENT = (
    "replacement cost is no valuation measure in Sweden: stock is valued at the "
    "lower of acquisition value and net realisable value (ÅRL 4:9, IL 17:3)"
)
_NO_REPLACEMENT = (
    "replacement cost is no valuation measure in Norway: stock is valued at the "
    "lower of cost and fair value (rskl § 5-2)"
)
_IFRS_REPLACEMENT = (
    "IFRS values stock at the lower of cost and net realisable value (IAS 2.9); "
    "replacement cost is only evidence of it for materials (IAS 2.32): give it as "
    "the net realisable value"
)
_SE = {
    "country": "SE",
    "collective": True,
    "collective_rule": "ÅRL 2:4 (homogeneous groups)",
    "fixed_value_law": "ÅRL 4:12",
    "replacement_cost_refusal": _SE_REPLACEMENT,
}
_SE_BAND = {
    "fixed_value": "band",
    "fixed_value_rule": "ÅRL 4:12, BFNAR 2016:10 p. 12.6",
}
_NO = {
    "country": "NO",
    "chart_template": "no",
    "rule_97_refusal": _NO_97,
    "collective_refusal": _NO_COLLECTIVE,
    "fixed_value_refusal": _NO_FIXED,
    "replacement_cost_refusal": _NO_REPLACEMENT,
}
_DK = {
    "country": "DK",
    "chart_template": "dk",
    "rule_97_refusal": _DK_97,
    "collective_refusal": _DK_COLLECTIVE,
    "fixed_value_refusal": _DK_FIXED,
    "replacement_cost": "tax",
    "tax_value": "principle",
}
_FI = {
    "country": "FI",
    "chart_template": "fi",
    "rule_97_refusal": _FI_97,
    "collective_refusal": _FI_COLLECTIVE,
    "fixed_value": "tolerance",
    "fixed_value_rule": "KPL 5:6 § 3 mom.",
    "fixed_value_law": "KPL 5:6 § 3 mom.",
    "replacement_cost": "leg",
    "tax_value": "book",
}
_IFRS = {
    "code": "IFRS",
    "collective": True,
    "collective_rule": _IFRS_COLLECTIVE,
    "fixed_value": "",
    "fixed_value_refusal": _IFRS_FIXED,
}


def _framework(*parts, **fields):
    """A framework from the country's common fields, updated by ``parts``/``fields``."""
    merged = {}
    for part in parts:
        merged.update(part)
    merged.update(fields)
    return Framework(**merged)


_TABLE = (
    _framework(
        _SE,
        _SE_BAND,
        code="K1",
        label="Sweden K1 (BFNAR 2006:1)",
        chart_template="se",
        rule_97_modes=("contra",),
        rule_97_refusal=(
            "K1 is for sole traders: the untaxed stock reserve 2196/8896 is for legal "
            "persons only (IL 17:4); use the contra account (contra)"
        ),
        k1_threshold=True,
    ),
    _framework(
        _SE,
        _SE_BAND,
        code="K2",
        label="Sweden K2 (BFNAR 2016:10)",
        chart_template="se_K2",
        rule_97_modes=("contra", "reserve"),
    ),
    _framework(
        _SE,
        code="K3",
        label="Sweden K3 (BFNAR 2012:1)",
        chart_template="se_K3",
        rule_97_modes=("reserve",),
        rule_97_refusal=(
            "K3 shows the stock at the lowest value (BFNAR 2012:1 ch. 13); the 3 % of "
            "the 97 % rule (IL 17:4) is a tax allowance and goes to the untaxed stock "
            "reserve (reserve), not to the contra account"
        ),
        fixed_value="free",
        fixed_value_rule="ÅRL 4:12",
    ),
    _framework(
        _SE,
        _IFRS,
        label="Sweden IFRS (IAS 2)",
        chart_template="se_K3",
        rule_97_modes=("reserve",),
        rule_97_refusal=(
            "IFRS writes stock down only to net realisable value (IAS 2.9); the 3 % of "
            "the 97 % rule (IL 17:4) can only be booked as the untaxed reserve "
            "(reserve, RFR 2)"
        ),
        replacement_cost_refusal=_IFRS_REPLACEMENT,
    ),
    _framework(
        _NO, code="NGAAP_SMALL", label="Norway NGAAP, small enterprises (NRS 8)"
    ),
    _framework(_NO, code="NGAAP", label="Norway NGAAP (Accounting Act)"),
    _framework(
        _NO,
        _IFRS,
        label="Norway IFRS (IAS 2)",
        fixed_value_refusal=_NO_FIXED,
        replacement_cost_refusal=_IFRS_REPLACEMENT,
    ),
    _framework(_DK, code="B", label="Denmark class B (ÅRL)"),
    _framework(
        _DK,
        code="C",
        label="Denmark classes C and D (ÅRL)",
        replacement_disclosure="ÅRL § 89 stk. 2",
    ),
    _framework(
        _DK,
        _IFRS,
        label="Denmark IFRS (IAS 2)",
        rule_97_refusal=_IFRS_97,
        fixed_value_refusal="IFRS (IAS 2.9) allows no fixed value for stock",
    ),
    _framework(
        _FI,
        code="FAS",
        label="Finland FAS (KPL, KPA)",
        replacement_disclosure="KPA 2:4 §",
    ),
    _framework(
        _FI, code="PMA", label="Finland small and micro companies (PMA 1753/2015)"
    ),
    _framework(
        _FI,
        _IFRS,
        label="Finland IFRS (IAS 2)",
        rule_97_refusal=_IFRS_97,
        fixed_value_refusal=(
            "IFRS (IAS 2.9) allows no fixed value for stock (KPL 5:6 § 3 mom. does "
            "not apply)"
        ),
        replacement_cost="",
        replacement_cost_refusal=_IFRS_REPLACEMENT,
    ),
)
FRAMEWORKS = {(f.country, f.code): f for f in _TABLE}
#: every framework code, in the table's order (the CLI's --framework choices)
FRAMEWORK_CODES = tuple(dict.fromkeys(f.code for f in _TABLE))


def get_framework(country, code=None):
    """The framework for ``country``; ``code`` defaults to the country's
    (``Country.default_framework``: NGAAP, K2, B, FAS)."""
    if country not in COUNTRY:
        raise ClosingError(
            f"unknown country {country!r}: choose {', '.join(COUNTRY)}",
            source="--country",
        )
    code = code or COUNTRY[country].default_framework
    framework = FRAMEWORKS.get((country, code))
    if framework is None:
        allowed = ", ".join(c for (k, c) in FRAMEWORKS if k == country)
        raise ClosingError(
            f"framework {code} does not exist for {country}: choose {allowed}",
            source="--framework",
        )
    return framework


def framework_by_key(key):
    """The framework of an Odoo settings value (``SE_K2``: ``Framework.key``), or
    ``None`` for an empty or unknown one."""
    country, _sep, code = (key or "").partition("_")
    return FRAMEWORKS.get((country, code))


def register_country(country, *frameworks):
    """Add ``country`` (a :class:`Country`) and its ``frameworks`` to the tables,
    e.g. from an addon's ``post_load`` or a test. Its default framework must be
    among them. Returns a function that removes them again."""
    if not isinstance(country, Country):
        raise TypeError(f"{country!r} is not a Country")
    codes = {framework.code for framework in frameworks}
    if country.default_framework not in codes:
        raise ClosingError(
            f"country {country.code}: its default framework "
            f"{country.default_framework} is not among {', '.join(sorted(codes))}"
        )
    if any(framework.country != country.code for framework in frameworks):
        raise ClosingError(f"country {country.code}: a framework of another country")
    COUNTRY[country.code] = country
    for framework in frameworks:
        FRAMEWORKS[(framework.country, framework.code)] = framework

    def unregister():
        COUNTRY.pop(country.code, None)
        for framework in frameworks:
            FRAMEWORKS.pop((framework.country, framework.code), None)

    return unregister


def check_rule_97(framework, mode):
    """Refuse a 97 % rule mode the framework does not allow, naming the rule."""
    if mode in (None, "off"):
        return
    if mode not in RULE_97_MODES:
        raise ClosingError(
            f"unknown 97 % rule mode {mode!r}: choose off, contra or reserve",
            source="--rule-97",
        )
    if mode not in framework.rule_97_modes:
        raise ClosingError(framework.rule_97_refusal, source="--rule-97")


def check_fixed_value(framework, inventory_class, tolerance=None):
    """Refuse a fixed value the framework or the class does not allow, and one
    without the tolerance the company must set where the law sets none."""
    if not framework.fixed_value:
        raise ClosingError(framework.fixed_value_refusal)
    if inventory_class not in FIXED_VALUE_CLASSES:
        raise ClosingError(
            f"a fixed value ({framework.fixed_value_law}) is only for raw materials "
            f"and consumables, not {inventory_class}"
        )
    if framework.fixed_value == "tolerance" and tolerance is None:
        raise ClosingError(
            f"{framework.fixed_value_law} lets materials and supplies keep a fixed "
            "value while their quantity and value change little, but sets no "
            "tolerance: set the company's tolerance in percent "
            "(--fixed-value-tolerance) and close again"
        )


def check_fixed_value_tolerance(framework, tolerance):
    """The company's tolerance of a fixed value (Finland: KPL 5:6 § 3 mom.):
    refused where it does not apply, and outside 0-100 %."""
    source = "--fixed-value-tolerance"
    if tolerance is None:
        return
    if framework.fixed_value != "tolerance":
        if not framework.fixed_value:
            raise ClosingError(framework.fixed_value_refusal, source=source)
        raise ClosingError(
            "a fixed-value tolerance set by the company is Finnish (KPL 5:6 § 3 "
            f"mom.); {framework.label} "
            + (
                f"keeps a fixed value only within ±{FIXED_VALUE_BAND} % "
                f"({framework.fixed_value_rule})"
                if framework.fixed_value == "band"
                else f"keeps it without a figure ({framework.fixed_value_rule})"
            ),
            source=source,
        )
    if not 0 <= tolerance <= 100:
        raise ClosingError(
            f"the fixed-value tolerance {tolerance} % must lie between 0 and 100",
            source=source,
        )


def check_collective(framework):
    if not framework.collective:
        raise ClosingError(framework.collective_refusal)
