"""A country is data: the country table, its texts, and a country registered at
run time closing like a built-in one."""

from datetime import date
from decimal import Decimal as D
from types import MappingProxyType

import pytest
from nordic_closing import ClassAccounts, ClosingOptions, ItemStock, compute_closing
from nordic_closing.countries import COUNTRY, Country, country_text
from nordic_closing.errors import ClosingError
from nordic_closing.frameworks import (
    DEFAULT_FRAMEWORK,
    FRAMEWORKS,
    Framework,
    framework_by_key,
    get_framework,
    register_country,
)

EXAMPLIA = Country(
    "XX",
    "en",
    "EUR",
    "GAAP",
    "Europe/Berlin",
    texts=MappingProxyType({"count_oath": ("Counted truly.",) * 5}),
)
EXAMPLIA_GAAP = Framework(
    country="XX", code="GAAP", label="Examplia GAAP", chart_template="no"
)
ACCOUNTS = ClassAccounts("goods_for_resale", "1400", "1409", "4090")


@pytest.fixture
def examplia():
    unregister = register_country(EXAMPLIA, EXAMPLIA_GAAP)
    yield
    unregister()


def test_texts_of_a_country_else_the_generic_ones():
    assert country_text(COUNTRY["FI"], "count_list_title") == "Inventory list"
    assert country_text(COUNTRY["NO"], "count_list_title") == "Count list"
    assert country_text(COUNTRY["NO"], "count_list_title", "nb") == "Varetellingsliste"
    # the statement signed under the count list: in the country's own language
    assert country_text(COUNTRY["SE"], "count_oath", "en").startswith("Inventeringen")
    # a language the table does not have: English
    assert country_text(None, "count_list_title", "de") == "Count list"
    # a text only some countries have: none elsewhere
    assert country_text(COUNTRY["SE"], "tax_note") == ""
    assert country_text(COUNTRY["FI"], "tax_note").startswith("Tax value: the book")


def test_charts_propose_a_framework():
    assert COUNTRY["SE"].chart_framework("se_K3") == "K3"
    assert COUNTRY["SE"].chart_framework("se") == "K2"
    assert COUNTRY["SE"].chart_framework("no") is None
    assert not COUNTRY["FI"].contra_account
    assert COUNTRY["NO"].contra_account


def test_a_text_in_each_language_or_refused():
    with pytest.raises(ValueError, match="one text per language"):
        Country("YY", "en", "EUR", "G", "UTC", texts={"count_oath": ("Only one",)})
    with pytest.raises(ValueError, match="unknown text 'motto'"):
        Country("YY", "en", "EUR", "G", "UTC", texts={"motto": ("x",) * 5})


def test_registered_country_closes_and_is_removed_again(examplia):
    """10 x 100 = 1,000 booked on Examplia's accounts, as for any country; once
    unregistered the country is unknown again."""
    assert get_framework("XX") is EXAMPLIA_GAAP
    assert framework_by_key("XX_GAAP") is EXAMPLIA_GAAP
    assert country_text(COUNTRY["XX"], "count_oath", "fi") == "Counted truly."
    items = [ItemStock("A", "goods_for_resale", D(10), D("1000.00"), accounts=ACCOUNTS)]
    options = ClosingOptions(country="XX", balance_date=date(2025, 12, 31))
    result = compute_closing(items, options, ledger={})
    assert result.net_by_account() == {"1400": D("1000.00"), "4090": D("-1000.00")}


def test_unregistered_country_is_unknown():
    assert "XX" not in COUNTRY and "XX" not in DEFAULT_FRAMEWORK
    assert ("XX", "GAAP") not in FRAMEWORKS
    with pytest.raises(ClosingError, match="unknown country 'XX'"):
        get_framework("XX")


def test_register_refuses_a_country_without_its_default_framework():
    other = Framework(country="XX", code="OTHER", label="Other", chart_template="")
    with pytest.raises(ClosingError, match="default framework GAAP is not among"):
        register_country(EXAMPLIA, other)
    assert "XX" not in COUNTRY
