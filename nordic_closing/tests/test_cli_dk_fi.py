"""Acceptance tests for closing Danish and Finnish companies with
``python -m nordic_closing close``.

Every expected figure is computed by hand from DOMAIN-DK-FI.md (the worked examples
DK-A, DK-B, FI-A, FI-B, FI-C and the accounts of its section 2); the arithmetic is
written beside each figure. No figure was taken from the program's output.

The scenarios use the scenario helper of ``test_cli_acceptance``: input files as rows
(NRV rows: product, NRV, valuation group, replacement cost, tax group, tax principle;
balance rows: account, balance, previous write-down) and options as keywords.
"""

import pytest
import test_cli_acceptance as scenario
from test_cli_acceptance import (
    CONS,
    FIN,
    RAW,
    RES,
    WIP,
    D,
    cls,
    expect_class,
    expect_item,
    expect_net,
    item,
)

# the scenario helper's fixtures, under the names the tests ask for
close, refused, run = scenario.close, scenario.refused, scenario.run


def expect_accounts(data, name, inventory, contra, change, write_down_pl):
    """The four accounts of a class: stock, contra ("" in Finland), change and the
    write-down P&L account."""
    c = cls(data, name)
    keys = (
        "inventory_account",
        "contra_account",
        "change_account",
        "write_down_pl_account",
    )
    assert tuple(str(c[k]) for k in keys) == (inventory, contra, change, write_down_pl)


def entry_lines(data):
    """The entry as (account, debit, credit, step), in its order."""
    return [
        (str(line["account"]), D(line["debit"]), D(line["credit"]), line["step"])
        for line in data["entry"]
    ]


# --------------------------------------------------------------------------------------
# DK-A: merchandise, class B, FIFO (DOMAIN-DK-FI.md section 3)
# --------------------------------------------------------------------------------------
DK_A_MOVES = [
    ("2024-12-31", "X", RES, 500, 80),  # opening 40,000
    ("2024-12-31", "Z", RES, 100, 100),  # opening 10,000 (damaged in 2025)
    ("2025-04-01", "Y", RES, 200, 60),  # purchase 12,000
]
# product: (NRV/unit, valuation group, dagspris/unit, tax group, tax principle):
# one group per item, dagspris chosen for X (and the damaged Z), cost for Y
DK_A_PRICES = {
    "X": (95, "", 78, "X", "dagspris"),
    "Y": (50, "", 60, "Y", "purchase_price"),
    "Z": (65, "", 65, "Z", "dagspris"),
}
DK_A_LEDGER = {"6140": 50000, "6150": -4000}
DK_A = {
    "country": "DK",
    "moves": DK_A_MOVES,
    "nrv": DK_A_PRICES,
    "balances": DK_A_LEDGER,
}


def check_dk_a(data):
    expect_accounts(data, RES, "6140", "6150", "1770", "1800")
    # X: 500 x 95 = 47,500 > 40,000: no write-down
    expect_item(data, "X", av=40000, write_down=0, value=40000)
    # Y: 200 x 50 = 10,000 < 12,000: write-down 2,000
    expect_item(data, "Y", av=12000, write_down=2000, value=10000)
    # Z: 100 x 65 = 6,500 < 10,000: write-down 3,500
    expect_item(data, "Z", av=10000, write_down=3500, value=6500)
    expect_class(
        data,
        RES,
        opening=46000,  # ledger 6140 50,000 + 6150 -4,000
        purchases=12000,  # Y 200 x 60
        av=62000,  # 40,000 + 12,000 + 10,000
        write_down=5500,  # 2,000 + 3,500
        value=56500,  # 62,000 - 5,500
        cogs=1500,  # 46,000 + 12,000 - 56,500
        change=10500,  # 56,500 - 46,000
    )
    # 6140: 62,000 - 50,000 = debit 12,000 against 1770;
    # 6150: -5,500 - (-4,000) = credit 1,500 against 1800 (write-down P&L)
    expect_net(data, {"6140": 12000, "1770": -12000, "6150": -1500, "1800": 1500})


def test_dk_a_merchandise_class_b(close):
    data = close(**DK_A)
    assert data["framework"] == "B"  # default for DK
    check_dk_a(data)
    # class B: no disclosure of the replacement value (ÅRL § 89 is for C and D)
    assert data["replacement_disclosure"] is None


def test_dk_a_notes_and_entry_in_the_language_asked(close):
    """``--lang da``: Z (cost 100, dagspris 65, written down) is named in a Danish
    note and the entry's texts are Danish, not only the workbook (issue 23)."""
    data = close(**DK_A, lang="da")
    assert data["notes"] == [
        "varelagerloven § 1: Z er nedskrevet og skattemæssigt værdiansat til en "
        "dagspris under kostprisen: hvor det er dagsprisen for tilsvarende ukurante "
        "varer, skal de oplyses sammen med selvangivelsen (Den juridiske vejledning "
        "C.C.2.3.1.6)"
    ]
    assert all(line["label"].startswith("Lagerafslutning ") for line in data["entry"])


def test_dk_a_tax_value_per_product_group(close):
    data = close(**DK_A)
    groups = {
        g["tax_group"]: (g["principle"], g["book_value"], g["tax_value"])
        for g in data["tax_groups"]
    }
    assert {k: (p, D(b), D(t)) for k, (p, b, t) in groups.items()} == {
        "X": ("dagspris", D(40000), D(39000)),  # 500 x 78 = 39,000
        "Y": ("purchase_price", D(10000), D(12000)),  # cost 200 x 60
        "Z": ("dagspris", D(6500), D(6500)),  # 100 x 65 (obsolete goods' dagspris)
    }
    differences = {g["tax_group"]: D(g["difference"]) for g in data["tax_groups"]}
    # X 39,000 - 40,000 = -1,000; Y 12,000 - 10,000 = 2,000; Z 0
    assert differences == {"X": D(-1000), "Y": D(2000), "Z": D(0)}
    # tax 39,000 + 12,000 + 6,500 = 57,500 against book 56,500: 1,000
    c = cls(data, RES)
    assert (D(c["tax_value"]), D(c["closing_value"])) == (D(57500), D(56500))
    assert sum(differences.values()) == D(1000)
    # the items' tax values: X at dagspris, Y at cost, Z at dagspris
    assert [D(item(data, p)["tax_value"]) for p in "XYZ"] == [
        D(39000),
        D(12000),
        D(6500),
    ]


def test_dk_a_class_c_discloses_replacement_value_per_line(close):
    data = close(
        **DK_A,
        framework="C",
    )
    check_dk_a(data)  # the valuation and the entry are those of class B
    (line,) = data["replacement_disclosure"]
    assert line["inventory_account"] == "6140"
    assert line["inventory_classes"] == [RES]
    # cost 62,000; replacement 500 x 78 + 200 x 60 + 100 x 65 = 39,000 + 12,000 +
    # 6,500 = 57,500; difference 57,500 - 62,000 = -4,500
    assert (D(line["cost"]), D(line["replacement_value"]), D(line["difference"])) == (
        D(62000),
        D(57500),
        D(-4500),
    )


def test_dk_groups_default_to_cost_per_class(close):
    """A product without a tax group is in its class's group, valued at cost:
    the purchase price, or the manufacturing price for produced classes."""
    data = close(
        country="DK",
        moves=[
            ("2025-03-01", "G", RES, 10, 100),  # 1,000
            ("2025-03-01", "F", FIN, 5, 200),  # 1,000
        ],
        nrv={"G": 80},  # 10 x 80 = 800: write-down 200, not deductible at cost
    )
    groups = {
        g["tax_group"]: (g["principle"], D(g["book_value"]), D(g["tax_value"]))
        for g in data["tax_groups"]
    }
    assert groups == {
        RES: ("purchase_price", D(800), D(1000)),  # 1,000 - 200; cost 1,000
        FIN: ("manufacturing_price", D(1000), D(1000)),
    }


def test_replacement_cost_is_no_leg_in_denmark(close):
    """FI-A's item P (cost 30, replacement cost 28, selling price 40) stays at cost
    in Denmark: the replacement cost is only the dagspris of the tax view."""
    data = close(
        country="DK",
        moves=[("2025-03-01", "P", RES, 1000, 30)],  # 30,000
        nrv={"P": (40, "", 28, "P", "dagspris")},
    )
    expect_item(data, "P", av=30000, write_down=0, value=30000)  # 40,000 > 30,000
    (group,) = data["tax_groups"]
    assert D(group["tax_value"]) == D(28000)  # 1,000 x 28


# --------------------------------------------------------------------------------------
# DK-B and FI-B: manufacturer
# --------------------------------------------------------------------------------------
MANUFACTURER_MOVES = [
    ("2024-12-31", "R", RAW, 800, 100),  # opening 80,000
    ("2024-12-31", "W", WIP, 400, 100),  # opening 40,000
    ("2024-12-31", "F", FIN, 1200, 100),  # opening 120,000
    ("2025-03-01", "R", RAW, 500, 100),  # purchase 50,000
    ("2025-04-01", "W", WIP, -150, None),  # 250 left: 25,000
    ("2025-05-01", "F", FIN, 600, 100),  # production 60,000
    ("2025-09-01", "R", RAW, -350, None),  # 950 left: 95,000
    ("2025-10-01", "F", FIN, -300, None),  # 1,500 left: 150,000
]


# country: ({class: (stock, contra, change, write-down P&L)}, the net entry)
MANUFACTURER = {
    # DK-B: 6080 / 1770 15,000; 1410 / 6110 15,000; 6140 / 1410 30,000:
    # 1410 = +15,000 - 30,000 = -15,000
    "DK": (
        {
            RAW: ("6080", "6090", "1770", "1800"),
            WIP: ("6110", "6120", "1410", "1430"),
            FIN: ("6140", "6150", "1410", "1430"),
        },
        {"6080": 15000, "1770": -15000, "6110": -15000, "1410": -15000, "6140": 30000},
    ),
    # FI-B: 1501 / 4400 15,000; 3610 / 1511 15,000; 1521 / 3600 30,000
    "FI": (
        {
            RAW: ("1501", "", "4400", "4440"),
            WIP: ("1511", "", "3610", "3620"),
            FIN: ("1521", "", "3600", "3620"),
        },
        {
            "1501": 15000,
            "4400": -15000,
            "1511": -15000,
            "3610": 15000,
            "1521": 30000,
            "3600": -30000,
        },
    ),
}


@pytest.mark.parametrize("country", ["DK", "FI"])
def test_manufacturer_dk_b_and_fi_b(close, country):
    accounts, entry = MANUFACTURER[country]
    data = close(
        country=country,
        moves=MANUFACTURER_MOVES,
        # the ledger holds last year's values: 80,000, 40,000, 120,000
        balances={
            accounts[RAW][0]: 80000,
            accounts[WIP][0]: 40000,
            accounts[FIN][0]: 120000,
        },
    )
    for name, four in accounts.items():
        expect_accounts(data, name, *four)
    # raw: COGS 80,000 + 50,000 - 95,000 = 35,000
    expect_class(data, RAW, opening=80000, av=95000, cogs=35000, change=15000)
    # WIP: COGS 40,000 + 0 - 25,000 = 15,000
    expect_class(data, WIP, opening=40000, av=25000, cogs=15000, change=-15000)
    # finished: COGS 120,000 + 60,000 - 150,000 = 30,000
    expect_class(data, FIN, opening=120000, av=150000, cogs=30000, change=30000)
    expect_net(data, entry)


def test_dk_release_of_last_years_write_down(close):
    data = close(
        country="DK",
        moves=[("2024-12-31", "W", RES, 100, 100)],  # 10,000, nothing moved in 2025
        nrv={"W": 70},  # 100 x 70 = 7,000: need 3,000
        balances={"6140": 10000, "6150": -5000},  # last year's write-down 5,000
    )
    # opening 10,000 - 5,000 = 5,000; COGS 5,000 + 0 - 7,000 = -2,000
    expect_class(
        data, RES, opening=5000, av=10000, write_down=3000, value=7000, cogs=-2000
    )
    # 6150: -3,000 - (-5,000) = debit 2,000, released against 1800 (not 1770)
    expect_net(data, {"6150": 2000, "1800": -2000})


# --------------------------------------------------------------------------------------
# FI-A: goods for resale, FAS, lowest of three (KPL 5:6 §)
# --------------------------------------------------------------------------------------
FI_A_MOVES = [
    ("2024-12-31", "Q", RES, 1000, 40),  # opening 40,000
    ("2025-02-01", "P", RES, 1000, 30),  # purchase 30,000
    ("2025-06-01", "Q", RES, -600, None),  # 400 left @ 40 = 16,000
]
# product: (selling price less costs/unit, valuation group, replacement cost/unit)
FI_A_PRICES = {"P": (40, "", 28), "Q": ("38.75", "", 41)}


def test_fi_a_lowest_of_three(close):
    data = close(
        country="FI", moves=FI_A_MOVES, nrv=FI_A_PRICES, balances={"1531": 40000}
    )
    assert data["framework"] == "FAS"  # default for FI
    expect_accounts(data, RES, "1531", "", "4410", "4440")
    # P: lowest of 30, 28 (replacement), 40 (selling) = 28: 28,000, write-down 2,000
    expect_item(data, "P", av=30000, write_down=2000, value=28000)
    assert item(data, "P")["reason"] == "replacement_cost"
    # Q: lowest of 40, 41, 38.75 (selling) = 38.75: 15,500, write-down 500
    expect_item(data, "Q", av=16000, write_down=500, value=15500)
    assert item(data, "Q")["reason"] == "nrv"
    expect_class(
        data,
        RES,
        opening=40000,
        purchases=30000,
        av=46000,  # 30,000 + 16,000
        write_down=2500,
        value=43500,
        cogs=26500,  # 40,000 + 30,000 - 43,500
        change=3500,
    )
    # debit 1531 / credit 4410 6,000 (46,000 - 40,000);
    # debit 4440 / credit 1531 2,500 (the write-down on the stock account itself)
    assert entry_lines(data) == [
        ("1531", D(6000), D(0), "acquisition_value"),
        ("4410", D(0), D(6000), "acquisition_value"),
        ("1531", D(0), D(2500), "write_down"),
        ("4440", D(2500), D(0), "write_down"),
    ]
    # Finland: the tax value is the book value (EVL 28 §)
    assert D(cls(data, RES)["tax_value"]) == D(43500)


def test_fi_a_disclosure_under_fas_not_pma(close):
    data = close(country="FI", moves=FI_A_MOVES, nrv=FI_A_PRICES)
    (line,) = data["replacement_disclosure"]
    # cost 46,000; replacement 1,000 x 28 + 400 x 41 = 28,000 + 16,400 = 44,400
    assert (D(line["cost"]), D(line["replacement_value"])) == (D(46000), D(44400))
    data = close(country="FI", framework="PMA", moves=FI_A_MOVES, nrv=FI_A_PRICES)
    assert data["replacement_disclosure"] is None
    expect_item(data, "P", write_down=2000)  # PMA values at the lowest of three too


def test_fi_selling_price_wins_a_tie(close):
    data = close(
        country="FI",
        moves=[("2025-03-01", "T", RES, 10, 50)],  # 500
        nrv={"T": (45, "", 45)},  # both legs 450: write-down 50
    )
    expect_item(data, "T", write_down=50, value=450)
    assert item(data, "T")["reason"] == "nrv"


# --------------------------------------------------------------------------------------
# Finland: last year's write-down on the stock account
# --------------------------------------------------------------------------------------
def test_fi_release_of_last_years_write_down(close):
    data = close(
        country="FI",
        moves=[("2024-12-31", "Q", RES, 1000, 40)],  # 40,000, nothing moved in 2025
        nrv={"Q": 39},  # 1,000 x 39 = 39,000: need 1,000
        # 1531 = acquisition value 40,000 less last year's write-down 2,500
        balances={"1531": (37500, 2500)},
    )
    # opening 37,500; COGS 37,500 + 0 - 39,000 = -1,500
    expect_class(
        data,
        RES,
        opening=37500,
        av=40000,
        write_down=1000,
        value=39000,
        cogs=-1500,
        change=1500,
    )
    # acquisition value 40,000 - (37,500 + 2,500) = 0: no line;
    # write-down -1,000 - (-2,500) = debit 1531 1,500, released against 4440
    assert entry_lines(data) == [
        ("1531", D(1500), D(0), "write_down"),
        ("4440", D(0), D(1500), "write_down"),
    ]


def test_fi_stock_sold_releases_its_write_down(close):
    data = close(
        country="FI",
        moves=[
            ("2024-12-31", "Q", RES, 1000, 40),  # 40,000
            ("2025-05-01", "Q", RES, -1000, None),  # all sold
        ],
        balances={"1531": (37500, 2500)},
    )
    # acquisition value 0 - 40,000: credit 1531 / debit 4410 40,000;
    # write-down 0 - (-2,500): debit 1531 / credit 4440 2,500; 1531 net -37,500
    assert entry_lines(data) == [
        ("1531", D(0), D(40000), "acquisition_value"),
        ("4410", D(40000), D(0), "acquisition_value"),
        ("1531", D(2500), D(0), "write_down"),
        ("4440", D(0), D(2500), "write_down"),
    ]
    # COGS 37,500 + 0 - 0
    expect_class(data, RES, opening=37500, value=0, cogs=37500, change=-37500)


# --------------------------------------------------------------------------------------
# FI-C: fixed value within the company's tolerance (KPL 5:6 § 3 mom.)
# --------------------------------------------------------------------------------------
def supplies(quantity):
    return [
        ("2024-12-31", "S", CONS, 100, 100),  # opening 10,000
        ("2025-04-01", "S", CONS, quantity, 100),
        ("2025-08-01", "S", CONS, -50, None),
    ]


# supplies carried at 10,000, the ledger at that value, the company's tolerance 10 %
FI_C = {
    "country": "FI",
    "balances": {"1501": 10000},
    "fixed_values": {CONS: 10000},
    "fixed_value_tolerance": 10,
}


def test_fi_c_fixed_value_inside_tolerance(close):
    data = close(moves=supplies(56), **FI_C)  # 100 + 56 - 50 = 106 @ 100: +6 %
    expect_item(data, "S", quantity=106, av=10600)  # 10,600
    # carried at 10,000; purchases 5,600; COGS 10,000 + 5,600 - 10,000 = 5,600
    expect_class(
        data, CONS, opening=10000, purchases=5600, av=10000, value=10000, cogs=5600
    )
    expect_net(data, {})


def test_fi_c_fixed_value_outside_tolerance_refused(refused):
    # 100 + 65 - 50 = 115 @ 100 = 11,500: +15 %
    msg = refused(
        moves=supplies(65), **FI_C, file="fixed.csv", row=2, field="fixed_value"
    )
    assert "15.00 %" in msg and "10 %" in msg, msg
    assert "revise the fixed value" in msg, msg


def test_fi_c_fixed_value_without_tolerance_refused(refused):
    msg = refused(
        moves=supplies(56),
        **{**FI_C, "fixed_value_tolerance": None},
        file="fixed.csv",
        row=2,
    )
    assert "tolerance" in msg and "KPL 5:6" in msg, msg


# --------------------------------------------------------------------------------------
# the workbook in Danish and Finnish
# --------------------------------------------------------------------------------------
def sheets(path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(path)
    return {
        sheet.title: [
            [v for v in row if v is not None]
            for row in sheet.iter_rows(values_only=True)
            if any(v is not None for v in row)
        ]
        for sheet in book
    }


def test_danish_workbook_shows_the_tax_groups(run, tmp_path):
    out = tmp_path / "dk.xlsx"
    res = run(
        **DK_A,
        framework="C",
        lang="da",
        xlsx=out,
    )
    assert res.returncode == 0, res.stderr
    book = sheets(out)
    assert list(book) == [
        "Oversigt",
        "Varer post for post",
        "Vareforbrugsopgørelse",
        "Skat",
        "Principper",
    ]
    tax = book["Skat"]
    assert ["X", "Dagspris ved årets udgang", 40000, 39000, -1000] in tax
    assert ["Y", "Indkøbspris (FIFO)", 10000, 12000, 2000] in tax
    # ÅRL § 89 stk. 2: 6140 cost 62,000 against replacement 57,500
    assert ["6140 Handelsvarer", 62000, 57500, -4500] in book["Principper"]
    # the class with its four accounts: stock, contra, change, write-down P&L
    row = ["Handelsvarer", "6140 / 6150 / 1770 / 1800", 62000, 5500, 56500, 10500]
    assert row in book["Oversigt"]


def test_finnish_workbook_names_the_leg_that_won(run, tmp_path):
    out = tmp_path / "fi.xlsx"
    res = run(country="FI", moves=FI_A_MOVES, nrv=FI_A_PRICES, lang="fi", xlsx=out)
    assert res.returncode == 0, res.stderr
    book = sheets(out)
    items = {row[0]: row for row in book["Nimikkeittäin"][1:]}
    assert "Jälleenhankintameno" in items["P"]
    assert "Todennäköinen luovutushinta" in items["Q"]
    assert ["Valuutta", "EUR"] in book["Yhteenveto"]
    assert ["Tavarat", 43500, 43500, 0] in book["Verotus"]  # tax = book value


def test_workbook_blank_where_there_is_no_figure(run, tmp_path):
    """Issue 23: P 100 @ 30, NRV 50, replacement cost 28 (written down 200 to
    2,800); Q 50 @ 40 not in the NRV file (no NRV, no replacement cost: 2,000);
    R 10 @ 5 with an NRV of 0 and no replacement cost (worthless: written down 50
    to 0). The items sheet leaves no figure blank and shows R's 0."""
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "fi.xlsx"
    moves = [
        ("2025-02-01", "P", RES, 100, 30),
        ("2025-02-01", "Q", RES, 50, 40),
        ("2025-02-01", "R", RES, 10, 5),
    ]
    res = run(
        country="FI", moves=moves, nrv={"P": (50, "", 28), "R": (0, "", "")}, xlsx=out
    )
    assert res.returncode == 0, res.stderr
    rows = list(openpyxl.load_workbook(out)["Items"].iter_rows(values_only=True))
    header = rows[0]
    columns = [
        header.index(name)
        for name in (
            "Net realisable value per unit",
            "Replacement cost per unit",
            "Write-down",
            "Value",
        )
    ]
    figures = {row[0]: [row[c] for c in columns] for row in rows[1:4]}
    assert figures == {
        "P": [50, 28, 200, 2800],
        "Q": [None, None, 0, 2000],
        "R": [0, None, 50, 0],
    }


# --------------------------------------------------------------------------------------
# refusals of the new options and columns
# --------------------------------------------------------------------------------------
SIMPLE = [("2025-03-01", "G", RES, 10, 100)]


@pytest.mark.parametrize(
    "country, framework, law",
    [
        ("NO", None, "rskl § 5-2"),
        ("SE", None, "ÅRL 4:9"),
        ("SE", "IFRS", "IAS 2"),
        ("FI", "IFRS", "IAS 2.32"),
    ],
)
def test_replacement_cost_refused_where_it_is_no_measure(
    refused, country, framework, law
):
    msg = refused(
        country=country,
        framework=framework,
        moves=SIMPLE,
        nrv={"G": (90, "", 80)},
        file="nrv.csv",
        row=2,
        field="replacement_cost",
    )
    assert law in msg, msg


# (case, country, file, its rows, the row and field named, words of the message)
BAD_COLUMNS = [
    ("negative replacement cost", "FI", "nrv", {"G": (90, "", "-1")}, 2,
     "replacement_cost", "negative"),
    ("replacement cost not a number", "FI", "nrv", {"G": (90, "", "abc")}, 2,
     "replacement_cost", "not a number"),
    ("previous write-down not a number", "FI", "balances", {"1531": (1000, "abc")}, 2,
     "previous_write_down", "not a number"),
    ("negative previous write-down", "FI", "balances", {"1531": (1000, "-10")}, 2,
     "previous_write_down", "positive"),
    # a contra account holds its own write-down
    ("previous write-down beside a contra", "DK", "balances", {"6140": (900, 100)}, 2,
     "previous_write_down", "contra"),
    ("unknown tax principle", "DK", "nrv", {"G": (90, "", "", "g", "lifo")}, 2,
     "tax_principle", "dagspris"),
    ("two principles in a group", "DK", "nrv",
     {"G": (90, "", 80, "g", "dagspris"), "H": (1, "", 1, "g", "purchase_price")}, 3,
     "tax_principle", "row 2"),
    ("principle without group", "DK", "nrv", {"G": (90, "", "", "", "dagspris")}, 2,
     "tax_group", "tax_group"),
    ("dagspris without replacement cost", "DK", "nrv",
     {"G": (90, "", "", "g", "dagspris")}, 2, "replacement_cost", "dagspris"),
    ("tax principle outside Denmark", "SE", "nrv", {"G": (90, "", "", "g", "dagspris")},
     2, "tax_principle", "varelagerloven"),
]  # fmt: skip


@pytest.mark.parametrize(
    "country, name, rows, row, field, words",
    [case[1:] for case in BAD_COLUMNS],
    ids=[case[0] for case in BAD_COLUMNS],
)
def test_bad_new_columns(refused, country, name, rows, row, field, words):
    msg = refused(
        country=country,
        moves=SIMPLE + [("2025-03-01", "H", RES, 1, 1)],
        **{name: rows},
        file=f"{name}.csv",
        row=row,
        field=field,
    )
    assert words in msg, msg


def test_nrv_may_be_empty_beside_a_replacement_cost(close):
    data = close(country="FI", moves=SIMPLE, nrv={"G": ("", "", 90)})
    # 10 x 90 = 900 < 1,000: the replacement cost alone writes down 100
    expect_item(data, "G", write_down=100, value=900)
    assert item(data, "G")["net_realisable_value"] is None


@pytest.mark.parametrize(
    "country, framework, tolerance, words",
    [
        ("SE", None, "10", "±20 %"),  # K2's band is the law's
        ("SE", "K3", "10", "without a figure"),
        ("DK", None, "10", "ÅRL"),  # Denmark has no fixed values
        ("FI", None, "abc", "not a percent"),
        ("FI", None, "150", "between 0 and 100"),
    ],
)
def test_bad_fixed_value_tolerance(refused, country, framework, tolerance, words):
    msg = refused(
        country=country,
        framework=framework,
        moves=SIMPLE,
        fixed_value_tolerance=tolerance,
    )
    assert "--fixed-value-tolerance" in msg and words in msg, msg


@pytest.mark.parametrize(
    "country, framework, law",
    [
        ("DK", None, "ÅRL §§ 44-46"),
        ("DK", "IFRS", "IAS 2.9"),
        ("FI", "IFRS", "IAS 2.9"),
    ],
)
def test_fixed_value_refused(refused, country, framework, law):
    msg = refused(
        country=country,
        framework=framework,
        moves=supplies(56),
        fixed_values={CONS: 10000},
        file="fixed.csv",
        row=2,
    )
    assert law in msg, msg


@pytest.mark.parametrize(
    "country, framework, law",
    [("DK", None, "ÅRL § 13"), ("DK", "C", "ÅRL § 13"), ("FI", None, "KPL 5:6")],
)
def test_collective_valuation_refused(refused, country, framework, law):
    msg = refused(
        country=country,
        framework=framework,
        moves=SIMPLE,
        nrv={"G": (90, "grp")},
        file="nrv.csv",
        row=2,
        field="valuation_group",
    )
    assert law in msg, msg


@pytest.mark.parametrize("framework", ["IFRS"])
@pytest.mark.parametrize("country", ["DK", "FI"])
def test_collective_valuation_allowed_under_ifrs(close, country, framework):
    data = close(
        country=country,
        framework=framework,
        moves=SIMPLE + [("2025-03-01", "H", RES, 10, 100)],
        nrv={"G": (80, "grp"), "H": (110, "grp")},
    )
    # group AV 2,000, NRV 800 + 1,100 = 1,900: write-down 100, spread 50 / 50
    expect_item(data, "G", write_down=50)
    expect_item(data, "H", write_down=50)


@pytest.mark.parametrize(
    "country, words", [("DK", "Denmark"), ("FI", "lowest of acquisition cost")]
)
def test_rule_97_refused(refused, country, words):
    msg = refused(country=country, moves=SIMPLE, rule_97="contra")
    assert "IL 17:4" in msg and words in msg, msg


@pytest.mark.parametrize(
    "country, framework", [("DK", "K2"), ("DK", "FAS"), ("FI", "B"), ("NO", "C")]
)
def test_framework_of_another_country_refused(refused, country, framework):
    msg = refused(country=country, framework=framework, moves=SIMPLE)
    assert framework in msg, msg


# --------------------------------------------------------------------------------------
# the sample companies of `make demo` (sample_data/README.md)
# --------------------------------------------------------------------------------------
def sample(country):
    """The scenario of a sample company: its three files."""
    folder = scenario.REPO / "sample_data"
    prefix = country.lower()
    return {
        "country": country,
        **{
            name: folder / f"{prefix}_{name}.csv"
            for name in ("moves", "balances", "nrv")
        },
    }


def test_danish_sample_company(close):
    data = close(**sample("DK"))
    # 6080: 750 @ 60 + (25 + 100) @ 40 = 45,000 + 5,000 - 54,000 = -4,000;
    # 6110: 10 @ 1,500 = 15,000; 6140: 32 @ 625 = 20,000 (chairs) + 40 @ 400 =
    # 16,000 (lamps) + 240 @ 100 = 24,000 (cushions) = 60,000 - 72,000 = -12,000,
    # its ledger split 24,000 / 48,000 by the targets 20,000 / 40,000: chairs
    # -4,000 against 1410, goods for resale -8,000 against 1770;
    # 6150: lamps 40 x (400 - 250) = 6,000 - 3,000 = credit 3,000 against 1800
    expect_net(
        data,
        {
            "6080": -4000,
            "1770": 12000,  # 4,000 + 8,000
            "6110": 15000,
            "1410": -11000,  # -15,000 + 4,000
            "6140": -12000,
            "6150": -3000,
            "1800": 3000,
        },
    )
    lamps = next(g for g in data["tax_groups"] if g["tax_group"] == "Lamper")
    # dagspris 40 x 240 = 9,600 against the book value 10,000
    assert (D(lamps["tax_value"]), D(lamps["difference"])) == (D(9600), D(-400))


def test_finnish_sample_company(close):
    data = close(**sample("FI"))
    # coffee 600 @ 12 = 7,200, lowest of 12, 11, 18: 6,600 (replacement cost)
    expect_item(data, "FI-KAHVI-001", av=7200, write_down=600, value=6600)
    assert item(data, "FI-KAHVI-001")["reason"] == "replacement_cost"
    # cups 150 @ 8 = 1,200, lowest of 8, 7, 5: 750 (selling price)
    expect_item(data, "FI-KUPPI-002", av=1200, write_down=450, value=750)
    # 1501: 1,200 @ 0.50 = 600 - 500 = 100; 1531: AV 8,400 - (6,300 + 300) =
    # 1,800 against 4410, write-down -1,050 - (-300) = -750 against 4440
    expect_net(
        data,
        {"1501": 100, "4400": -100, "1531": 1050, "4410": -1800, "4440": 750},
    )
