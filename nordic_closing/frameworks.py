"""Accounting frameworks and what each allows, with the rule that says so.

One table for the engine, the CLI and the Odoo settings. The (S) rules of DOMAIN.md
(secondary sources) are kept here as data so that they can be changed in one place.
"""

from dataclasses import dataclass

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
COUNTRIES = ("NO", "SE")


@dataclass(frozen=True)
class Framework:
    country: str
    code: str
    label: str
    chart_template: str
    rule_97_modes: tuple = ()
    rule_97_refusal: str = ""
    collective: bool = False
    collective_rule: str = ""
    fixed_value: str = ""  # "band" (±20 %), "free" or "" (not allowed)
    fixed_value_rule: str = ""
    k1_threshold: bool = False

    @property
    def key(self):
        """The Odoo settings value, e.g. ``SE_K2``."""
        return f"{self.country}_{self.code}"


_NO_97 = (
    "the 97 % rule (IL 17:4) is Swedish tax law; in Norway stock is valued at the "
    "lower of cost and fair value (rskl § 5-2, sktl § 14-5)"
)
_NO_FIXED = "fixed quantity and value (ÅRL 4:12) is Swedish law and not used in Norway"
_NO_COLLECTIVE = (
    "Norwegian GAAP values stock item by item (rskl § 5-2): collective valuation of "
    "groups is not allowed"
)
_IFRS_FIXED = "IFRS (IAS 2.9) allows no fixed value for stock (ÅRL 4:12 does not apply)"

FRAMEWORKS = {
    ("SE", "K1"): Framework(
        "SE",
        "K1",
        "Sweden K1 (BFNAR 2006:1)",
        "se",
        rule_97_modes=("contra",),
        rule_97_refusal=(
            "K1 is for sole traders: the untaxed stock reserve 2196/8896 is for legal "
            "persons only (IL 17:4); use the contra account (contra)"
        ),
        collective=True,
        collective_rule="ÅRL 2:4 (homogeneous groups)",
        fixed_value="band",
        fixed_value_rule="ÅRL 4:12, BFNAR 2016:10 p. 12.6",
        k1_threshold=True,
    ),
    ("SE", "K2"): Framework(
        "SE",
        "K2",
        "Sweden K2 (BFNAR 2016:10)",
        "se_K2",
        rule_97_modes=("contra", "reserve"),
        collective=True,
        collective_rule="ÅRL 2:4 (homogeneous groups)",
        fixed_value="band",
        fixed_value_rule="ÅRL 4:12, BFNAR 2016:10 p. 12.6",
    ),
    ("SE", "K3"): Framework(
        "SE",
        "K3",
        "Sweden K3 (BFNAR 2012:1)",
        "se_K3",
        rule_97_modes=("reserve",),
        rule_97_refusal=(
            "K3 shows the stock at the lowest value (BFNAR 2012:1 ch. 13); the 3 % of "
            "the 97 % rule (IL 17:4) is a tax allowance and goes to the untaxed stock "
            "reserve (reserve), not to the contra account"
        ),
        collective=True,
        collective_rule="ÅRL 2:4 (homogeneous groups)",
        fixed_value="free",
        fixed_value_rule="ÅRL 4:12",
    ),
    ("SE", "IFRS"): Framework(
        "SE",
        "IFRS",
        "Sweden IFRS (IAS 2)",
        "se_K3",
        rule_97_modes=("reserve",),
        rule_97_refusal=(
            "IFRS writes stock down only to net realisable value (IAS 2.9); the 3 % of "
            "the 97 % rule (IL 17:4) can only be booked as the untaxed reserve "
            "(reserve, "
            "RFR 2)"
        ),
        collective=True,
        collective_rule="IAS 2.29",
    ),
    ("NO", "NGAAP_SMALL"): Framework(
        "NO", "NGAAP_SMALL", "Norway NGAAP, small enterprises (NRS 8)", "no"
    ),
    ("NO", "NGAAP"): Framework("NO", "NGAAP", "Norway NGAAP (Accounting Act)", "no"),
    ("NO", "IFRS"): Framework(
        "NO",
        "IFRS",
        "Norway IFRS (IAS 2)",
        "no",
        collective=True,
        collective_rule="IAS 2.29",
    ),
}
DEFAULT_FRAMEWORK = {"SE": "K2", "NO": "NGAAP"}


def get_framework(country, code=None):
    """The framework for ``country``; ``code`` defaults to K2 (SE) / NGAAP (NO)."""
    if country not in COUNTRIES:
        raise ClosingError(
            f"unknown country {country!r}: choose NO or SE", source="--country"
        )
    code = code or DEFAULT_FRAMEWORK[country]
    framework = FRAMEWORKS.get((country, code))
    if framework is None:
        allowed = ", ".join(c for (k, c) in FRAMEWORKS if k == country)
        raise ClosingError(
            f"framework {code} does not exist for {country}: choose {allowed}",
            source="--framework",
        )
    return framework


def check_rule_97(framework, mode):
    """Refuse a 97 % rule mode the framework does not allow, naming the rule."""
    if mode in (None, "off"):
        return
    if mode not in RULE_97_MODES:
        raise ClosingError(
            f"unknown 97 % rule mode {mode!r}: choose off, contra or reserve",
            source="--rule-97",
        )
    if framework.country != "SE":
        raise ClosingError(_NO_97, source="--rule-97")
    if mode not in framework.rule_97_modes:
        raise ClosingError(framework.rule_97_refusal, source="--rule-97")


def check_fixed_value(framework, inventory_class):
    """Refuse a fixed value the framework or the class does not allow."""
    if framework.country != "SE":
        raise ClosingError(_NO_FIXED)
    if not framework.fixed_value:
        raise ClosingError(_IFRS_FIXED)
    if inventory_class not in FIXED_VALUE_CLASSES:
        raise ClosingError(
            f"a fixed value (ÅRL 4:12) is only for raw materials and consumables, "
            f"not {inventory_class}"
        )


def check_collective(framework):
    if not framework.collective:
        raise ClosingError(
            _NO_COLLECTIVE
            if framework.country == "NO"
            else "collective valuation is not allowed"
        )
