"""Unit tests of the engine's Danish and Finnish pieces that the command line does
not reach: the account mapping, an own contra account in Finland, the default
ledger, the labels and the frameworks' defaults.

Every expected figure is computed by hand from DOMAIN-DK-FI.md in the comment
beside it.
"""

import re
from datetime import date
from decimal import Decimal as D

import pytest
from nordic_closing import (
    ClassAccounts,
    ClosingError,
    ClosingOptions,
    ItemStock,
    chart_accounts,
    compute_closing,
    get_framework,
)
from nordic_closing.frameworks import COUNTRY, INVENTORY_CLASSES
from nordic_closing.labels import LABELS, LANGUAGES, labels, language_of

BALANCE_DATE = date(2025, 12, 31)


def fi_a_items():
    """FI-A: P 1,000 @ 30 (replacement 28, selling 40), Q 400 @ 40 (41, 38.75)."""
    return [
        ItemStock(
            "P",
            "goods_for_resale",
            D(1000),
            D("30000.00"),
            net_realisable_value=D(40),
            replacement_cost=D(28),
        ),
        ItemStock(
            "Q",
            "goods_for_resale",
            D(400),
            D("16000.00"),
            net_realisable_value=D("38.75"),
            replacement_cost=D(41),
        ),
    ]


@pytest.mark.parametrize(
    "chart, expected",
    [
        (
            "dk",
            {
                "raw_material": ("6080", "6090", "1770", "1800"),
                "consumable": ("6080", "6090", "1770", "1800"),
                "work_in_progress": ("6110", "6120", "1410", "1430"),
                "finished_goods": ("6140", "6150", "1410", "1430"),
                "goods_for_resale": ("6140", "6150", "1770", "1800"),
            },
        ),
        (
            "fi",
            {
                "raw_material": ("1501", "", "4400", "4440"),
                "consumable": ("1501", "", "4400", "4440"),
                "work_in_progress": ("1511", "", "3610", "3620"),
                "finished_goods": ("1521", "", "3600", "3620"),
                "goods_for_resale": ("1531", "", "4410", "4440"),
            },
        ),
    ],
)
def test_dk_and_fi_charts_as_in_the_domain(chart, expected):
    """DOMAIN-DK-FI.md section 2: stock / contra / change / write-down P&L."""
    accounts = chart_accounts(chart)
    assert {
        role: (
            a.balance_account,
            a.contra_account,
            a.change_account,
            a.write_down_counter_account,
        )
        for role, a in accounts.items()
    } == expected


@pytest.mark.parametrize("chart", ["no", "se", "se_K2", "se_K3"])
def test_norway_and_sweden_write_down_against_the_change_account(chart):
    for role, accounts in chart_accounts(chart).items():
        assert accounts.write_down_pl_account == "", role
        assert accounts.write_down_counter_account == accounts.change_account


def test_finland_with_its_own_contra_account_books_like_denmark():
    """A Finnish company that maps a contra account (here 1539) books the
    write-down there: FI-A gives 1531 +6,000 / 4410 and 1539 -2,500 / 4440."""
    own = {
        "goods_for_resale": ClassAccounts(
            "goods_for_resale", "1531", "1539", "4410", "4440"
        )
    }
    options = ClosingOptions(country="FI", balance_date=BALANCE_DATE, accounts=own)
    result = compute_closing(fi_a_items(), options, ledger={"1531": D(40000)})
    # AV 30,000 + 16,000 = 46,000 - 40,000; write-down 2,000 + 500 = 2,500
    assert result.net_by_account() == {
        "1531": D("6000.00"),
        "4410": D("-6000.00"),
        "1539": D("-2500.00"),
        "4440": D("2500.00"),
    }
    # with a contra account, a previous write-down in the stock account is refused
    options.previous_write_downs = {"1531": D(100)}
    with pytest.raises(ClosingError, match="contra") as error:
        compute_closing(fi_a_items(), options, ledger={"1531": D(39900)})
    assert error.value.field == "previous_write_down"


def test_finland_without_ledger_takes_the_previous_write_down_off_the_stock():
    """No ledger: the stock account holds the opening AV less the previous
    write-down. Q: opening 1,000 @ 40 = 40,000, last year written down 2,500;
    NRV 39: need 1,000, so 1,500 is released; the AV step books nothing."""
    item = ItemStock(
        "Q",
        "goods_for_resale",
        D(1000),
        D("40000.00"),
        opening_quantity=D(1000),
        opening_value=D("40000.00"),
        net_realisable_value=D(39),
    )
    options = ClosingOptions(
        country="FI",
        balance_date=BALANCE_DATE,
        previous_write_downs={"1531": D(2500)},
    )
    result = compute_closing([item], options)
    assert result.ledger["1531"] == D("37500.00")  # 40,000 - 2,500
    assert result.net_by_account() == {"1531": D("1500.00"), "4440": D("-1500.00")}
    (cls,) = result.classes
    assert cls.opening_value == D("37500.00")


def test_previous_write_down_on_an_unknown_account_refused():
    options = ClosingOptions(
        country="FI",
        balance_date=BALANCE_DATE,
        previous_write_downs={"9999": D(1)},
        previous_write_down_origin={"9999": ("balances.csv", 4)},
    )
    with pytest.raises(ClosingError) as error:
        compute_closing(fi_a_items(), options, ledger={})
    assert (error.value.source, error.value.row) == ("balances.csv", 4)
    assert "9999" in error.value.message


def test_fixed_value_tolerance_checked_in_the_engine():
    """The Odoo layer passes the company's tolerance: Finland only, 0-100 %."""
    options = ClosingOptions(
        country="FI", balance_date=BALANCE_DATE, fixed_value_tolerance=D(-1)
    )
    with pytest.raises(ClosingError, match="between 0 and 100"):
        compute_closing(fi_a_items(), options)
    options = ClosingOptions(
        country="NO", balance_date=BALANCE_DATE, fixed_value_tolerance=D(10)
    )
    with pytest.raises(ClosingError, match="not used in Norway"):
        compute_closing(fi_a_items(), options)


def test_dk_tax_principle_checked_in_the_engine():
    items = fi_a_items()
    for stock in items:
        stock.tax_group = "g"
    options = ClosingOptions(
        country="DK",
        balance_date=BALANCE_DATE,
        tax_principles={"g": "average"},
    )
    with pytest.raises(ClosingError, match="unknown tax principle"):
        compute_closing(items, options)
    # dagspris: P 1,000 x 28 + Q 400 x 41 = 28,000 + 16,400 = 44,400 against the
    # book value 46,000 - Q's write-down (16,000 - 400 x 38.75 = 500) = 45,500
    options.tax_principles = {"g": "dagspris"}
    (group,) = compute_closing(items, options).tax_groups
    assert (group.tax_value, group.book_value) == (D("44400.00"), D("45500.00"))
    assert group.difference == D("-1100.00")


def test_frameworks_defaults_and_country_table():
    assert get_framework("DK").code == "B"
    assert get_framework("FI").code == "FAS"
    assert {c: (COUNTRY[c].lang, COUNTRY[c].currency) for c in COUNTRY} == {
        "NO": ("nb", "NOK"),
        "SE": ("sv", "SEK"),
        "DK": ("da", "DKK"),
        "FI": ("fi", "EUR"),
    }
    assert get_framework("FI", "FAS").replacement_cost == "leg"
    assert get_framework("FI", "PMA").replacement_cost == "leg"
    for country, code in (("FI", "IFRS"), ("NO", "NGAAP"), ("SE", "K2")):
        assert not get_framework(country, code).replacement_cost
    with pytest.raises(ClosingError, match="NO, SE, DK, FI"):
        get_framework("IS")


def test_every_label_in_five_languages():
    assert LANGUAGES == ("en", "nb", "sv", "da", "fi")
    for key, texts in LABELS.items():
        assert len(texts) == 5 and all(texts), key
    for lang in LANGUAGES:
        text = labels(lang)
        for key in ("sheet_summary", "sheet_items", "sheet_equation", "sheet_tax"):
            assert len(text[key]) <= 31 and not re.search(r"[\[\]:*?/\\]", text[key])
        for inventory_class in INVENTORY_CLASSES:
            assert text[inventory_class]
    # the glossary's words (DOMAIN-DK-FI.md section 4)
    assert labels("da")["change"] == "Varelagerregulering"
    assert labels("fi")["write_down"] == "Arvonalennus"
    assert labels("fi")["count_list"] == "Inventaariolista"
    assert labels("da")["count_list"] == "Optællingsliste"


@pytest.mark.parametrize(
    "code, lang",
    [
        ("da_DK", "da"),
        ("fi_FI", "fi"),
        ("fi", "fi"),
        ("fil_PH", "en"),
        ("nb_NO", "nb"),
        ("sv_SE", "sv"),
        ("de_DE", "en"),
    ],
)
def test_language_of_odoo_codes(code, lang):
    assert language_of(code) == lang
