"""Acceptance tests for ``python -m nordic_closing close``.

Every expected figure below is computed by hand from DOMAIN.md and
docs/valuation_rules.md; the arithmetic is written above each figure. No figure was
taken from the program's output.

Entries are compared as the NET amount per account (debit - credit), never by line
layout.

Each test states its scenario as keywords of ``close`` / ``refused`` / ``run``: the
input files as rows (written to CSV files in tmp_path) and the command-line options;
the CLI then runs as a subprocess, exactly as a user would run it.
"""

import functools
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

RAW = "raw_material"
CONS = "consumable"
WIP = "work_in_progress"
FIN = "finished_goods"
RES = "goods_for_resale"

MOVES_HEADER = ["date", "product", "inventory_class", "quantity", "unit_cost"]

# input file options -> the file written for them and its columns; a file gets as many
# columns as its rows have (so NRV rows of three also get valuation_group)
FILES = {
    "moves": ("moves.csv", MOVES_HEADER),
    "balances": ("balances.csv", ["account", "balance", "previous_write_down"]),
    "nrv": (
        "nrv.csv",
        [
            "product",
            "net_realisable_value",
            "valuation_group",
            "replacement_cost",
            "tax_group",
            "tax_principle",
        ],
    ),
    "fixed_values": ("fixed.csv", ["inventory_class", "fixed_value"]),
}


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------
def D(x):
    return Decimal(str(x))


def write_csv(directory, name, header, rows):
    path = directory / name
    lines = [",".join(header)]
    for row in rows:
        lines.append(",".join("" if v is None else str(v) for v in row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_close(tmp_path, date="2025-12-31", **scenario):
    """Run ``python -m nordic_closing close`` for a scenario; return the process.

    ``moves``, ``balances``, ``nrv``, ``fixed_values``: a list of row tuples or a dict
    (key -> value, or key -> tuple of the further columns), written to the CSV file of
    FILES in tmp_path; or the Path of a file the test wrote itself. Every other keyword
    is an option: ``rule_97="contra"`` -> ``--rule-97 contra``, ``json=True`` ->
    ``--json``; None or False leaves it out. ``date`` defaults to 2025-12-31.
    """
    args = ["--date", date]
    for key, value in scenario.items():
        if value is None or value is False:
            continue
        if key in FILES and not isinstance(value, Path):
            name, header = FILES[key]
            if isinstance(value, dict):
                value = [
                    (k, *v) if isinstance(v, tuple) else (k, v)
                    for k, v in value.items()
                ]
            value = write_csv(tmp_path, name, header[: len(value[0])], value)
        args.append("--" + key.replace("_", "-"))
        if value is not True:
            args.append(str(value))
    cmd = [sys.executable, "-m", "nordic_closing", "close", *args]
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300)


def close_json(tmp_path, **scenario):
    """Run with --json; assert exit 0 and a balanced entry; return the parsed JSON."""
    res = run_close(tmp_path, json=True, **scenario)
    assert res.returncode == 0, (
        f"exit {res.returncode}\nstdout:\n{res.stdout[-3000:]}\n"
        f"stderr:\n{res.stderr[-3000:]}"
    )
    data = json.loads(res.stdout, parse_float=Decimal)
    assert_balanced(data)
    return data


def assert_balanced(data):
    debit = sum((D(line["debit"]) for line in data["entry"]), Decimal(0))
    credit = sum((D(line["credit"]) for line in data["entry"]), Decimal(0))
    assert debit == credit, f"entry does not balance: debit {debit} credit {credit}"


def net(data):
    """account -> debit - credit, accounts with a zero net left out."""
    out = {}
    for line in data["entry"]:
        acc = str(line["account"])
        out[acc] = out.get(acc, Decimal(0)) + D(line["debit"]) - D(line["credit"])
    return {a: v for a, v in out.items() if v != 0}


def expect_net(data, expected):
    got = net(data)
    want = {str(a): D(v) for a, v in expected.items() if D(v) != 0}
    assert got == want, f"net per account: got {got}, expected {want}"


def cls(data, name):
    found = [c for c in data["classes"] if c["inventory_class"] == name]
    assert len(found) == 1, f"class {name} not found once in {data['classes']}"
    return found[0]


def item(data, product):
    found = [i for i in data["items"] if i["product"] == product]
    assert len(found) == 1, f"item {product} not found once in {data['items']}"
    return found[0]


# short names for figures of a class or an item: AV, carrying value, COGS
CLASS_FIGURES = {
    "opening": "opening_value",
    "av": "closing_acquisition_value",
    "value": "closing_value",
    "cogs": "cost_of_goods_sold",
}
ITEM_FIGURES = {"av": "acquisition_value"}


def expect_figures(found, label, names, figures):
    for key, value in figures.items():
        field = names.get(key, key)
        got = found[field]
        assert D(got) == D(value), f"{label}.{field}: got {got}, expected {value}"


def expect_class(data, name, **figures):
    """opening, purchases, av, write_down, value, cogs, change of a class."""
    expect_figures(cls(data, name), name, CLASS_FIGURES, figures)


def expect_item(data, product, **figures):
    """quantity, av, write_down, value of an item."""
    expect_figures(item(data, product), product, ITEM_FIGURES, figures)


def expect_accounts(data, name, inventory, contra, change):
    c = cls(data, name)
    keys = ("inventory_account", "contra_account", "change_account")
    assert tuple(str(c[k]) for k in keys) == (inventory, contra, change)


def row_named(msg, row):
    pattern = (
        rf"(?i)(row|line|rad|linje|rekke)\D{{0,4}}{row}(?!\d)"
        rf"|\.csv\D{{0,3}}{row}(?!\d)"
    )
    return re.search(pattern, msg) is not None


def close_refused(tmp_path, file=None, row=None, field=None, **scenario):
    """Run with --json and --xlsx; assert exit 2, one message on stderr, no xlsx."""
    out = tmp_path / "out.xlsx"
    res = run_close(tmp_path, json=True, xlsx=out, **scenario)
    assert res.returncode == 2, (
        f"expected exit 2, got {res.returncode}\nstdout:\n{res.stdout[-2000:]}\n"
        f"stderr:\n{res.stderr[-2000:]}"
    )
    msg = res.stderr
    assert msg.strip(), "no message on stderr"
    if file is not None:
        assert file in msg, f"file name {file!r} not in message: {msg!r}"
    if row is not None:
        assert row_named(msg, row), f"row {row} not named in message: {msg!r}"
    if field is not None:
        assert field in msg, f"field {field!r} not in message: {msg!r}"
    assert not out.exists(), "an output file was written despite the error"
    return msg


# the three ways a test runs a scenario, each bound to the test's tmp_path
@pytest.fixture
def run(tmp_path):
    return functools.partial(run_close, tmp_path)


@pytest.fixture
def close(tmp_path):
    return functools.partial(close_json, tmp_path)


@pytest.fixture
def refused(tmp_path):
    return functools.partial(close_refused, tmp_path)


# Shared data: DOMAIN.md example B (Sweden K2, goods for resale), receipts within 2025.
EXAMPLE_B = [
    ("2025-02-01", "X", RES, 200, 50),  # 200 @ 50 = 10,000
    ("2025-03-01", "Y", RES, 100, 120),  # 100 @ 120 = 12,000
    ("2025-04-01", "Z", RES, 50, 80),  # 50 @ 80 = 4,000
]
NRV_Y90 = {"X": 70, "Y": 90, "Z": 100}  # net realisable value per unit
NRV_Y130 = {"X": 70, "Y": 130, "Z": 100}  # the same with Y at 130
LEDGER_B = {"1460": 20000, "1469": 0}  # the opening ledger


# --------------------------------------------------------------------------------------
# DOMAIN.md example A: Norway, FIFO
# --------------------------------------------------------------------------------------
EXAMPLE_A = [
    ("2024-12-31", "VARE-A", RES, 400, 25),  # opening 400 @ 25 = 10,000
    ("2025-03-01", "VARE-A", RES, 600, 30),  # 600 @ 30 = 18,000
    ("2025-06-01", "VARE-A", RES, 500, 32),  # 500 @ 32 = 16,000
    ("2025-09-01", "VARE-A", RES, -900, None),
]


def test_example_a_norway_fifo(close):
    data = close(country="NO", date="2025-12-31", moves=EXAMPLE_A)
    assert data["country"] == "NO"
    assert data["date"] == "2025-12-31"
    assert data["framework"] == "NGAAP"  # default for NO
    assert data["method"] == "fifo"  # default
    assert data["rule_97"] is None  # Norway: no 97 % rule
    expect_accounts(data, RES, "1460", "1469", "4390")
    expect_class(
        data,
        RES,
        opening=10000,  # 400 @ 25
        purchases=34000,  # 600 @ 30 + 500 @ 32 = 18,000 + 16,000
        # issue 900 = 400 @ 25 + 500 @ 30; left 500 @ 32 + 100 @ 30
        av=19000,
        write_down=0,
        value=19000,
        cogs=25000,  # 10,000 + 34,000 - 19,000
        change=9000,  # 19,000 - 10,000
    )
    expect_item(data, "VARE-A", quantity=600, av=19000, write_down=0, value=19000)
    # 1460 target 19,000 - ledger 10,000 = debit 9,000; credit 4390 9,000
    expect_net(data, {"1460": 9000, "4390": -9000})


def test_example_a_with_balances_and_optional_columns(close, tmp_path):
    header = MOVES_HEADER + ["name", "unit"]
    rows = [r + ("Vare A", "stk") for r in EXAMPLE_A]
    m = write_csv(tmp_path, "moves.csv", header, rows)
    data = close(country="NO", moves=m, balances={"1460": 10000})
    # opening = ledger 1460 10,000 + 1469 0
    expect_class(
        data, RES, opening=10000, purchases=34000, value=19000, cogs=25000, change=9000
    )
    expect_net(data, {"1460": 9000, "4390": -9000})


# --------------------------------------------------------------------------------------
# DOMAIN.md example B: Sweden K2, main rule and 97 % rule
# --------------------------------------------------------------------------------------
def test_example_b_sweden_k2_main_rule(close):
    data = close(country="SE", moves=EXAMPLE_B, nrv=NRV_Y90, balances=LEDGER_B)
    assert data["framework"] == "K2"  # default for SE
    expect_accounts(data, RES, "1460", "1469", "4960")
    expect_class(
        data,
        RES,
        opening=20000,  # ledger 1460 20,000 + 1469 0
        purchases=26000,  # 10,000 + 12,000 + 4,000
        av=26000,
        write_down=3000,  # Y: 12,000 - 100 x 90 = 3,000
        value=23000,  # 26,000 - 3,000
        cogs=23000,  # 20,000 + 26,000 - 23,000
        change=3000,  # 23,000 - 20,000
    )
    # X: 200 x 70 = 14,000 > 10,000 -> no write-down
    expect_item(data, "X", quantity=200, av=10000, write_down=0, value=10000)
    # Y: 100 x 90 = 9,000 < 12,000 -> write-down 3,000
    expect_item(data, "Y", quantity=100, av=12000, write_down=3000, value=9000)
    # Z: 50 x 100 = 5,000 > 4,000 -> no write-down
    expect_item(data, "Z", quantity=50, av=4000, write_down=0, value=4000)
    # 1460: 26,000 - 20,000 = +6,000; 1469: -3,000 - 0; 4960: -6,000 + 3,000 = -3,000
    expect_net(data, {"1460": 6000, "1469": -3000, "4960": -3000})


def test_example_b_main_rule_chosen_when_lower(close):
    data = close(
        country="SE", moves=EXAMPLE_B, nrv=NRV_Y90, balances=LEDGER_B, rule_97="contra"
    )
    r = data["rule_97"]
    assert r is not None
    assert D(r["main_rule_value"]) == D(23000)  # 26,000 - 3,000
    assert D(r["alternative_value"]) == D(25220)  # 0.97 x 26,000
    assert r["chosen"] == "main"  # 23,000 < 25,220
    expect_item(data, "Y", write_down=3000, value=9000)
    expect_net(data, {"1460": 6000, "1469": -3000, "4960": -3000})


def test_example_b_y130_rule_97_off_main_rule_only(close):
    data = close(country="SE", moves=EXAMPLE_B, nrv=NRV_Y130, balances=LEDGER_B)
    assert data["rule_97"] is None or data["rule_97"]["chosen"] == "main"
    # Y: 100 x 130 = 13,000 > 12,000: no write-down anywhere, value 26,000
    expect_class(data, RES, av=26000, write_down=0, value=26000)
    expect_net(data, {"1460": 6000, "4960": -6000})


def test_example_b_y130_rule_97_contra(close):
    data = close(
        country="SE", moves=EXAMPLE_B, nrv=NRV_Y130, balances=LEDGER_B, rule_97="contra"
    )
    r = data["rule_97"]
    assert D(r["main_rule_value"]) == D(26000)  # no NRV shortfall
    assert D(r["alternative_value"]) == D(25220)  # 0.97 x 26,000
    assert r["chosen"] == "alternative"
    expect_class(
        data,
        RES,
        opening=20000,
        purchases=26000,
        av=26000,
        write_down=780,  # 26,000 - 25,220
        value=25220,
        cogs=20780,  # 20,000 + 26,000 - 25,220
        change=5220,  # 25,220 - 20,000
    )
    for p, av in (("X", 10000), ("Y", 12000), ("Z", 4000)):
        expect_item(data, p, av=av, write_down=0, value=av)
    # 1460 +6,000; 1469 -780; 4960 -6,000 + 780 = -5,220
    expect_net(data, {"1460": 6000, "1469": -780, "4960": -5220})


def test_example_b_y130_rule_97_reserve(close):
    data = close(
        country="SE",
        moves=EXAMPLE_B,
        nrv=NRV_Y130,
        balances=LEDGER_B,
        rule_97="reserve",
    )
    r = data["rule_97"]
    assert D(r["alternative_value"]) == D(25220)
    assert r["chosen"] == "alternative"
    expect_class(data, RES, av=26000)
    for p in ("X", "Y", "Z"):
        expect_item(data, p, write_down=0)
    # stock stays at AV: 1460 +6,000 / 4960 -6,000;
    # reserve 3 % = 780: 2196 credit, 8896 debit
    expect_net(data, {"1460": 6000, "4960": -6000, "2196": -780, "8896": 780})


@pytest.mark.parametrize("framework", ["K3", "IFRS"])
def test_k3_and_ifrs_rule_97_reserve_allowed(close, framework):
    data = close(
        country="SE",
        framework=framework,
        moves=EXAMPLE_B,
        nrv=NRV_Y130,
        balances={"1460": 20000},
        rule_97="reserve",
    )
    assert data["framework"] == framework
    assert data["rule_97"]["chosen"] == "alternative"
    # same as the K2 reserve case: 0.03 x 26,000 = 780 to the reserve
    expect_net(data, {"1460": 6000, "4960": -6000, "2196": -780, "8896": 780})


def test_rule_97_reserve_main_chosen_books_no_reserve(close):
    data = close(
        country="SE",
        moves=EXAMPLE_B,
        nrv=NRV_Y90,
        balances={"1460": 20000},
        rule_97="reserve",
    )
    assert data["rule_97"]["chosen"] == "main"  # 23,000 < 25,220
    # main rule as in example B; reserve target 0, ledger 0: nothing on 2196 / 8896
    expect_net(data, {"1460": 6000, "1469": -3000, "4960": -3000})


def test_rule_97_reserve_released_when_main_chosen(close):
    data = close(
        country="SE",
        moves=EXAMPLE_B,
        nrv=NRV_Y90,
        balances={"1460": 20000, "2196": -1000},  # last year's reserve 1,000
        rule_97="reserve",
    )
    assert data["rule_97"]["chosen"] == "main"
    # 2196 target 0 - ledger -1,000 = debit 1,000; 8896 credit 1,000
    expect_net(
        data, {"1460": 6000, "1469": -3000, "4960": -3000, "2196": 1000, "8896": -1000}
    )


def test_rule_97_reserve_second_run_books_nothing(close):
    data = close(
        country="SE",
        moves=EXAMPLE_B,
        nrv=NRV_Y130,
        # ledger after the first reserve run: 1460 26,000, 2196 -780
        balances={"1460": 26000, "2196": -780},
        rule_97="reserve",
    )
    assert data["rule_97"]["chosen"] == "alternative"
    expect_net(data, {})


def test_second_run_with_first_run_targets_books_nothing(close):
    data = close(
        country="SE",
        moves=EXAMPLE_B,
        nrv=NRV_Y90,
        # ledger after the first run: 1460 = 26,000, 1469 = -3,000
        balances={"1460": 26000, "1469": -3000},
    )
    # opening = 26,000 - 3,000 = 23,000 = closing value: change 0
    expect_class(
        data,
        RES,
        opening=23000,
        value=23000,
        change=0,
        cogs=26000,  # 23,000 + 26,000 - 23,000
    )
    expect_net(data, {})


def test_second_run_after_correction_books_only_correction(close):
    # corrected NRV for Y: 100 -> 100 x 100 = 10,000; write-down 12,000 - 10,000 = 2,000
    nrv = {"X": 70, "Y": 100, "Z": 100}
    balances = {"1460": 26000, "1469": -3000}
    data = close(country="SE", moves=EXAMPLE_B, nrv=nrv, balances=balances)
    expect_item(data, "Y", write_down=2000, value=10000)
    # 1469 target -2,000 - ledger -3,000 = debit 1,000; 4960 credit 1,000;
    # 1460 unchanged
    expect_net(data, {"1469": 1000, "4960": -1000})


# --------------------------------------------------------------------------------------
# DOMAIN.md example C: Sweden manufacturing, three classes from balances
# --------------------------------------------------------------------------------------
def test_example_c_sweden_manufacturing(close):
    moves = [
        ("2024-12-31", "R", RAW, 800, 100),  # opening 80,000
        ("2024-12-31", "W", WIP, 400, 100),  # opening 40,000
        ("2024-12-31", "F", FIN, 1200, 100),  # opening 120,000
        ("2025-03-01", "R", RAW, 500, 100),  # purchase 50,000
        ("2025-04-01", "W", WIP, -150, None),
        ("2025-05-01", "F", FIN, 600, 100),  # 60,000
        ("2025-09-01", "R", RAW, -350, None),
        ("2025-10-01", "F", FIN, -300, None),
    ]
    balances = {"1410": 80000, "1440": 40000, "1450": 120000}
    data = close(country="SE", moves=moves, balances=balances)
    expect_accounts(data, RAW, "1410", "1419", "4910")
    expect_accounts(data, WIP, "1440", "1449", "4940")
    expect_accounts(data, FIN, "1450", "1459", "4950")
    # raw: 800 + 500 - 350 = 950 @ 100 = 95,000; COGS 80,000 + 50,000 - 95,000 = 35,000
    expect_class(
        data,
        RAW,
        opening=80000,
        purchases=50000,
        av=95000,
        value=95000,
        cogs=35000,
        change=15000,
    )
    # WIP: 400 - 150 = 250 @ 100 = 25,000; COGS 40,000 + 0 - 25,000 = 15,000
    expect_class(
        data,
        WIP,
        opening=40000,
        purchases=0,
        av=25000,
        value=25000,
        cogs=15000,
        change=-15000,
    )
    # finished: 1200 + 600 - 300 = 1500 @ 100 = 150,000;
    # COGS 120,000 + 60,000 - 150,000 = 30,000
    expect_class(
        data,
        FIN,
        opening=120000,
        purchases=60000,
        av=150000,
        value=150000,
        cogs=30000,
        change=30000,
    )
    expect_net(
        data,
        {
            "1410": 15000,
            "4910": -15000,
            "1440": -15000,
            "4940": 15000,
            "1450": 30000,
            "4950": -30000,
        },
    )


def test_norway_manufacturing_accounts(close):
    moves = [
        ("2024-12-31", "RA", RAW, 50, 100),  # 5,000
        ("2024-12-31", "WA", WIP, 30, 100),  # 3,000
        ("2024-12-31", "FA", FIN, 80, 100),  # 8,000
        ("2025-02-01", "RA", RAW, 30, 110),  # 3,300
        ("2025-05-01", "RA", RAW, -60, None),  # 50 @ 100 + 10 @ 110
        ("2025-06-01", "FA", FIN, -80, None),
        ("2025-12-31", "WA", WIP, -30, None),  # same day, file order: issue first
        ("2025-12-31", "WA", WIP, 40, 120),  # 4,800
    ]
    balances = {"1400": 5000, "1420": 3000, "1440": 8000}
    data = close(country="NO", moves=moves, balances=balances)
    expect_accounts(data, RAW, "1400", "1409", "4090")
    expect_accounts(data, WIP, "1420", "1429", "4190")
    expect_accounts(data, FIN, "1440", "1449", "4290")
    # raw left 20 @ 110 = 2,200; COGS 5,000 + 3,300 - 2,200 = 6,100
    expect_class(
        data, RAW, opening=5000, purchases=3300, value=2200, cogs=6100, change=-2800
    )
    # WIP left 40 @ 120 = 4,800; COGS 3,000 + 4,800 - 4,800 = 3,000
    expect_class(
        data, WIP, opening=3000, purchases=4800, value=4800, cogs=3000, change=1800
    )
    # finished: all issued; COGS 8,000
    expect_class(data, FIN, opening=8000, purchases=0, value=0, cogs=8000, change=-8000)
    # 1400: 2,200 - 5,000 = -2,800; 1420: 4,800 - 3,000 = +1,800; 1440: 0 - 8,000
    expect_net(
        data,
        {
            "1400": -2800,
            "4090": 2800,
            "1420": 1800,
            "4190": -1800,
            "1440": -8000,
            "4290": 8000,
        },
    )


# --------------------------------------------------------------------------------------
# DOMAIN.md example D: fixed value (ÅRL 4:12)
# --------------------------------------------------------------------------------------
def fixed_moves(purchase_qty):
    return [
        ("2024-12-31", "RM", RAW, 500, 100),  # opening 50,000
        ("2025-04-01", "RM", RAW, purchase_qty, 100),
        ("2025-08-01", "RM", RAW, -130, None),
    ]


FIXED = {RAW: 50000}


def test_example_d_fixed_value_kept(close):
    data = close(
        country="SE",
        moves=fixed_moves(200),  # 500 + 200 - 130 = 570 @ 100 = 57,000 (+14 %)
        balances={"1410": 50000},
        fixed_values=FIXED,
    )
    # carried at the fixed value 50,000; purchases 200 @ 100 = 20,000
    expect_class(
        data,
        RAW,
        opening=50000,
        purchases=20000,
        av=50000,
        write_down=0,
        value=50000,
        cogs=20000,
        change=0,
    )
    # the item is still listed at its actual AV 57,000
    expect_item(data, "RM", quantity=570, av=57000)
    expect_net(data, {})  # nothing on 1410 / 4910


def test_example_d_fixed_value_outside_20_percent_refused(refused):
    msg = refused(
        country="SE",
        moves=fixed_moves(250),  # 500 + 250 - 130 = 620 @ 100 = 62,000 (+24 %)
        balances={"1410": 50000},
        fixed_values=FIXED,
    )
    assert "fixed" in msg.lower()
    assert re.search(r"20\s*%|revis", msg, re.I), msg


def test_fixed_value_below_minus_20_percent_refused(refused):
    msg = refused(
        country="SE",
        moves=fixed_moves(20),  # 500 + 20 - 130 = 390 @ 100 = 39,000 (-22 %)
        fixed_values=FIXED,
    )
    assert "fixed" in msg.lower()


def test_fixed_value_k3_kept_without_limit(close):
    data = close(
        country="SE",
        framework="K3",
        moves=fixed_moves(250),  # 62,000, +24 %: K3 keeps it without a figure
        balances={"1410": 50000},
        fixed_values=FIXED,
    )
    expect_class(data, RAW, av=50000, value=50000)
    expect_item(data, "RM", av=62000)
    expect_net(data, {})


def test_fixed_value_refused_under_ifrs(refused):
    refused(country="SE", framework="IFRS", moves=fixed_moves(200), fixed_values=FIXED)


def test_fixed_value_refused_in_norway(refused):
    refused(country="NO", moves=fixed_moves(200), fixed_values=FIXED)


def test_fixed_value_with_rule_97_refused(refused):
    refused(country="SE", moves=fixed_moves(200), fixed_values=FIXED, rule_97="contra")


# --------------------------------------------------------------------------------------
# cost flow
# --------------------------------------------------------------------------------------
def test_fifo_partial_layers(close):
    moves = [
        ("2025-01-10", "P", RES, 10, "5.00"),  # 50.00
        ("2025-02-10", "P", RES, -4, None),  # 4 @ 5 -> left 6 @ 5
        ("2025-03-10", "P", RES, 20, "6.00"),  # 120.00
        ("2025-04-10", "P", RES, -10, None),  # 6 @ 5 + 4 @ 6 -> left 16 @ 6
        ("2025-05-10", "P", RES, 30, "7.25"),  # 217.50
        ("2025-06-10", "P", RES, -20, None),  # 16 @ 6 + 4 @ 7.25 -> left 26 @ 7.25
    ]
    data = close(country="SE", moves=moves)
    # 26 @ 7.25 = 188.50
    expect_item(data, "P", quantity=26, av="188.50", value="188.50")
    # purchases 50 + 120 + 217.50 = 387.50; COGS 0 + 387.50 - 188.50 = 199.00
    # (check: 20 + 30 + 24 + 96 + 29 = 199)
    expect_class(data, RES, opening=0, purchases="387.50", av="188.50", cogs="199.00")
    expect_net(data, {"1460": "188.50", "4960": "-188.50"})


def test_issue_unit_cost_ignored(close):
    moves = [
        ("2025-01-10", "P", RES, 10, 5),
        ("2025-02-10", "P", RES, -4, 999),  # unit cost on an issue is ignored
    ]
    data = close(country="SE", moves=moves)
    # 6 @ 5 = 30; purchases 10 @ 5 = 50 (the issue is no purchase)
    expect_item(data, "P", quantity=6, av=30)
    expect_class(data, RES, purchases=50, cogs=20)


AVG_MOVES = [
    ("2025-01-10", "A", RES, 10, 10),  # 100
    ("2025-02-10", "A", RES, 10, 13),  # 130 -> avg 230 / 20 = 11.50
    ("2025-03-10", "A", RES, -5, None),  # 5 @ 11.50 = 57.50
]


def test_average_cost_moving(close):
    data = close(country="SE", moves=AVG_MOVES, method="average")
    assert data["method"] == "average"
    # 15 @ 11.50 = 172.50
    expect_item(data, "A", quantity=15, av="172.50")
    # purchases 230; COGS 230 - 172.50 = 57.50
    expect_class(data, RES, purchases=230, av="172.50", cogs="57.50")
    expect_net(data, {"1460": "172.50", "4960": "-172.50"})


def test_same_moves_fifo(close):
    data = close(country="SE", moves=AVG_MOVES, method="fifo")
    # issue 5 from the 10 @ 10 layer: 5 @ 10 + 10 @ 13 = 50 + 130 = 180
    expect_item(data, "A", quantity=15, av=180)
    expect_class(data, RES, cogs=50)  # 230 - 180


def test_average_repeating_decimal_rounded_once(close):
    moves = [
        ("2025-01-10", "A", RES, 3, 10),  # 30
        ("2025-02-10", "A", RES, 6, "10.50"),  # 63 -> 9 units, 93, avg 10.3333...
        ("2025-03-10", "A", RES, -2, None),
    ]
    data = close(country="SE", moves=moves, method="average")
    # 93 x 7 / 9 = 72.3333... -> 72.33
    # (rounding the average first would give 7 x 10.33 = 72.31)
    expect_item(data, "A", quantity=7, av="72.33")
    # purchases 30 + 63 = 93; COGS 93 - 72.33 = 20.67
    expect_class(data, RES, purchases=93, cogs="20.67")
    expect_net(data, {"1460": "72.33", "4960": "-72.33"})


def test_average_no_intermediate_rounding_across_receipts(close):
    moves = [
        ("2025-01-10", "A", RES, 3, 10),  # 30
        ("2025-02-10", "A", RES, 6, "10.50"),  # 9 units, 93
        ("2025-03-10", "A", RES, -1, None),  # 8 units, 93 x 8/9
        ("2025-04-10", "A", RES, -1, None),  # 7 units, 93 x 7/9 = 72.3333...
        ("2025-05-10", "A", RES, 1, 11),  # 8 units, 72.3333 + 11 = 83.3333... = 250/3
        ("2025-06-10", "A", RES, -2, None),  # 6 units, 250/3 x 6/8 = 62.50
    ]
    data = close(country="SE", moves=moves, method="average")
    # exact 62.50 (with the average rounded at each step: 7 @ 10.33 = 72.31,
    # +11 -> /8 = 10.41, 6 x 10.41 = 62.46)
    expect_item(data, "A", quantity=6, av="62.50")
    # purchases 30 + 63 + 11 = 104; COGS 104 - 62.50 = 41.50
    expect_class(data, RES, purchases=104, cogs="41.50")


def test_movements_sorted_by_date_not_file_order(close):
    moves = [
        ("2025-05-01", "P", RES, -5, None),  # applied after the January receipt
        ("2025-01-01", "P", RES, 10, 4),
        ("2025-03-01", "P", RES, 10, 6),
    ]
    data = close(country="SE", moves=moves)
    # date order: +10 @ 4, +10 @ 6, -5 (from the @ 4 layer):
    # 5 @ 4 + 10 @ 6 = 20 + 60 = 80
    expect_item(data, "P", quantity=15, av=80)


# --------------------------------------------------------------------------------------
# zero stock, NRV
# --------------------------------------------------------------------------------------
def test_zero_closing_stock_empties_accounts(close):
    moves = [
        ("2024-12-31", "Z", RES, 100, 20),  # opening 2,000
        ("2025-05-01", "Z", RES, -100, None),
    ]
    balances = {"1460": 2000, "1469": -500}
    data = close(country="NO", moves=moves, balances=balances)
    # opening 2,000 - 500 = 1,500; closing 0; COGS 1,500 + 0 - 0 = 1,500
    expect_class(
        data,
        RES,
        opening=1500,
        purchases=0,
        av=0,
        write_down=0,
        value=0,
        cogs=1500,
        change=-1500,
    )
    # 1460: 0 - 2,000 = credit 2,000; 1469: 0 - (-500) = debit 500;
    # 4390: 2,000 - 500 = debit 1,500
    expect_net(data, {"1460": -2000, "1469": 500, "4390": 1500})


def test_item_fully_written_down_nrv_zero(close):
    moves = [("2025-03-01", "A", RES, 10, 50), ("2025-03-01", "B", RES, 20, 10)]
    data = close(country="SE", moves=moves, nrv={"A": 0})
    # A: 10 @ 50 = 500, NRV 10 x 0 = 0 -> write-down 500, value 0
    expect_item(data, "A", av=500, write_down=500, value=0)
    # B: 20 @ 10 = 200, no NRV row -> no test
    expect_item(data, "B", av=200, write_down=0, value=200)
    expect_class(data, RES, av=700, write_down=500, value=200)
    # 1460 +700; 1469 -500; 4960 -700 + 500 = -200
    expect_net(data, {"1460": 700, "1469": -500, "4960": -200})


def test_nrv_above_cost_no_offset_against_other_item(close):
    moves = [("2025-03-01", "P", RES, 10, 100), ("2025-03-01", "Q", RES, 10, 100)]
    data = close(country="SE", moves=moves, nrv={"P": 150, "Q": 80})
    # P: 10 x 150 = 1,500 > 1,000 -> 0 (the 500 gain does not offset Q)
    expect_item(data, "P", av=1000, write_down=0, value=1000)
    # Q: 10 x 80 = 800 < 1,000 -> 200
    expect_item(data, "Q", av=1000, write_down=200, value=800)
    expect_class(data, RES, av=2000, write_down=200, value=1800)
    expect_net(data, {"1460": 2000, "1469": -200, "4960": -1800})


def test_ledger_write_down_released_when_need_smaller(close):
    data = close(
        country="NO",
        moves=[("2024-12-31", "W", RES, 100, 100)],  # 100 @ 100 = 10,000, no 2025 moves
        nrv={"W": 70},  # 100 x 70 = 7,000 -> need 3,000
        balances={"1460": 10000, "1469": -5000},
    )
    # opening 10,000 - 5,000 = 5,000; closing 7,000; COGS 5,000 + 0 - 7,000 = -2,000
    expect_class(
        data,
        RES,
        opening=5000,
        purchases=0,
        av=10000,
        write_down=3000,
        value=7000,
        cogs=-2000,
        change=2000,
    )
    # 1469 target -3,000 - ledger -5,000 = debit 2,000; 4390 credit 2,000;
    # 1460 unchanged
    expect_net(data, {"1469": 2000, "4390": -2000})


SHARED_CONTRA_MOVES = [
    ("2025-03-01", "R", RAW, 10, 100),
    ("2025-03-01", "C", CONS, 20, 50),
]


def test_norway_shared_contra_1409(close):
    data = close(country="NO", moves=SHARED_CONTRA_MOVES, nrv={"R": 80, "C": 45})
    expect_accounts(data, RAW, "1400", "1409", "4090")
    expect_accounts(data, CONS, "1405", "1409", "4090")
    # R: 1,000 - 10 x 80 = 200; C: 1,000 - 20 x 45 = 100
    expect_class(data, RAW, av=1000, write_down=200, value=800)
    expect_class(data, CONS, av=1000, write_down=100, value=900)
    # 1409: -(200 + 100) = -300; 4090: -1,000 - 1,000 + 300 = -1,700
    expect_net(data, {"1400": 1000, "1405": 1000, "1409": -300, "4090": -1700})


@pytest.mark.parametrize(
    "ledger_1409, expected",
    [
        ("-300", {}),  # ledger equals the targets: nothing to book
        ("-400", {"1409": 100, "4090": -100}),  # -300 - (-400) = release 100
    ],
)
def test_norway_shared_contra_second_run(close, ledger_1409, expected):
    data = close(
        country="NO",
        moves=SHARED_CONTRA_MOVES,
        nrv={"R": 80, "C": 45},
        balances={"1400": 1000, "1405": 1000, "1409": ledger_1409},
    )
    expect_net(data, expected)


# --------------------------------------------------------------------------------------
# obsolescence
# --------------------------------------------------------------------------------------
def test_obsolescence_bands_by_age_since_last_movement(close):
    moves = [
        ("2023-01-10", "O6", RES, 20, 10),  # 200 (opening)
        ("2023-06-01", "O2", RES, 5, 30),  # 150 (opening)
        ("2024-06-01", "O1", RES, 10, 40),  # 400 (opening)
        ("2025-06-01", "O3", RES, 8, 25),  # 200 (purchase)
        ("2025-11-01", "O6", RES, -5, None),  # last movement of O6
    ]
    data = close(country="SE", moves=moves, obsolescence="365:50,730:100")
    # O1: 2024-06-01 -> 2025-12-31 = 578 days -> 50 % of 400 = 200
    expect_item(data, "O1", av=400, write_down=200, value=200)
    # O2: 2023-06-01 -> 2025-12-31 = 944 days -> 100 % of 150
    expect_item(data, "O2", av=150, write_down=150, value=0)
    # O3: 213 days -> none
    expect_item(data, "O3", av=200, write_down=0, value=200)
    # O6: last movement the issue on 2025-11-01 -> 60 days -> none; 15 @ 10 = 150
    expect_item(data, "O6", quantity=15, av=150, write_down=0, value=150)
    # AV 400 + 150 + 200 + 150 = 900; write-down 350; value 550
    # opening 200 + 150 + 400 = 750; purchases 200; COGS 750 + 200 - 550 = 400
    expect_class(
        data,
        RES,
        opening=750,
        purchases=200,
        av=900,
        write_down=350,
        value=550,
        cogs=400,
        change=-200,
    )
    # 1460: 900 - 750 = +150; 1469: -350; 4960: -150 + 350 = +200
    expect_net(data, {"1460": 150, "1469": -350, "4960": 200})


def test_obsolescence_and_nrv_larger_not_sum(close):
    data = close(
        country="SE",
        moves=[
            ("2024-06-01", "O4", RES, 10, 40),  # 400, 578 days -> obsolescence 200
            ("2024-06-01", "O5", RES, 10, 40),  # 400, obsolescence 200
            ("2025-10-01", "O7", RES, 10, 40),  # 400, 91 days -> no obsolescence
        ],
        nrv={"O4": 15, "O5": 30, "O7": 35},
        obsolescence="365:50,730:100",
    )
    # O4: NRV 400 - 150 = 250 > obsolescence 200 -> 250 (not 450)
    expect_item(data, "O4", write_down=250, value=150)
    # O5: NRV 400 - 300 = 100 < obsolescence 200 -> 200 (not 300)
    expect_item(data, "O5", write_down=200, value=200)
    # O7: NRV 400 - 350 = 50
    expect_item(data, "O7", write_down=50, value=350)
    # write-down 250 + 200 + 50 = 500; value 1,200 - 500 = 700
    # opening 800; purchases 400; COGS 800 + 400 - 700 = 500
    expect_class(
        data,
        RES,
        opening=800,
        purchases=400,
        av=1200,
        write_down=500,
        value=700,
        cogs=500,
    )
    # 1460: 1,200 - 800 = +400; 1469: -500; 4960: -400 + 500 = +100
    expect_net(data, {"1460": 400, "1469": -500, "4960": 100})


def test_obsolescence_write_down_rounded_half_up(close):
    moves = [("2024-06-01", "H", RES, 1, "10.25")]
    data = close(country="SE", moves=moves, obsolescence="365:50")
    # 50 % of 10.25 = 5.125 -> 5.13 (half up); value 10.25 - 5.13 = 5.12
    expect_item(data, "H", av="10.25", write_down="5.13", value="5.12")
    expect_net(data, {"1469": "-5.13", "4960": "5.13"})


def test_obsolescence_band_boundaries(close):
    moves = [
        ("2024-01-01", "B730", RES, 1, 100),  # 730 days: 100 % band reached
        ("2024-12-31", "B365", RES, 1, 100),  # 365 days: 50 % band reached
        ("2025-01-01", "B364", RES, 1, 100),  # 364 days: no band
    ]
    data = close(country="SE", moves=moves, obsolescence="365:50,730:100")
    expect_item(data, "B730", write_down=100, value=0)
    expect_item(data, "B365", write_down=50, value=50)
    expect_item(data, "B364", write_down=0, value=100)
    # opening 200 (B730, B365), purchase 100;
    # 1460 +100; 1469 -150; 4960 -100 + 150 = +50
    expect_net(data, {"1460": 100, "1469": -150, "4960": 50})


def test_norway_ngaap_small_obsolescence(close):
    data = close(
        country="NO",
        framework="NGAAP_SMALL",
        moves=[("2024-06-01", "OLD", RES, 10, 40)],  # 400, 578 days old
        obsolescence="365:50",
    )
    assert data["framework"] == "NGAAP_SMALL"
    # 50 % of 400 = 200
    expect_class(
        data,
        RES,
        opening=400,
        av=400,
        write_down=200,
        value=200,
        cogs=200,  # 400 + 0 - 200
    )
    expect_net(data, {"1469": -200, "4390": 200})


# --------------------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------------------
def test_fiscal_year_ending_june(close):
    moves = [
        ("2024-06-30", "G", RES, 10, 20),  # before 2024-07-01: opening 200
        ("2024-07-01", "G", RES, 5, 22),  # in the year: purchase 110
        ("2025-06-30", "G", RES, -3, None),  # on the balance date: counts (3 @ 20)
        ("2025-07-01", "G", RES, 100, 1),  # after the balance date: ignored
    ]
    data = close(country="SE", date="2025-06-30", moves=moves)
    # 7 @ 20 + 5 @ 22 = 140 + 110 = 250
    expect_item(data, "G", quantity=12, av=250)
    # COGS 200 + 110 - 250 = 60
    expect_class(data, RES, opening=200, purchases=110, av=250, cogs=60, change=50)
    expect_net(data, {"1460": 50, "4960": -50})


def test_fiscal_year_start_option(close):
    moves = [
        ("2024-08-31", "H", RES, 10, 20),  # before the start: opening 200
        # first day of the (extended) year: purchase 300
        ("2024-09-01", "H", RES, 10, 30),
        ("2025-06-01", "H", RES, -5, None),
    ]
    data = close(
        country="SE", date="2025-12-31", fiscal_year_start="2024-09-01", moves=moves
    )
    # 5 @ 20 + 10 @ 30 = 400; COGS 200 + 300 - 400 = 100
    expect_class(data, RES, opening=200, purchases=300, av=400, cogs=100, change=200)
    expect_net(data, {"1460": 200, "4960": -200})


def test_movements_after_date_ignored(close):
    moves = [
        ("2025-03-01", "K", RES, 10, 10),  # 100
        ("2025-12-31", "K", RES, -2, None),  # counts
        ("2026-01-01", "K", RES, 50, 99),  # ignored
        ("2026-01-02", "K", RES, -100, None),  # ignored, though it would go below zero
    ]
    data = close(country="SE", date="2025-12-31", moves=moves)
    # 8 @ 10 = 80; purchases 100; COGS 20
    expect_item(data, "K", quantity=8, av=80)
    expect_class(data, RES, purchases=100, cogs=20)
    expect_net(data, {"1460": 80, "4960": -80})


# --------------------------------------------------------------------------------------
# rounding
# --------------------------------------------------------------------------------------
def test_rounding_per_item_over_3000_items(close):
    # G: 3 @ 0.335 = 1.005 -> 1.01 each; R: 7 @ 0.1234 = 0.8638 -> 0.86 each
    rows = [("2025-05-05", f"G{i:04d}", RES, 3, "0.335") for i in range(1500)]
    rows += [("2025-05-05", f"R{i:04d}", RAW, 7, "0.1234") for i in range(1500)]
    data = close(country="SE", moves=rows)
    assert len(data["items"]) == 3000
    expect_item(data, "G0000", av="1.01")
    expect_item(data, "R1499", av="0.86")
    # totals are sums of rounded items: 1,500 x 1.01 = 1,515.00 (unrounded 1,507.50);
    # 1,500 x 0.86 = 1,290.00 (unrounded 1,295.70)
    expect_class(data, RES, purchases="1515.00", av="1515.00", value="1515.00", cogs=0)
    expect_class(data, RAW, purchases="1290.00", av="1290.00", value="1290.00", cogs=0)
    for name in (RES, RAW):
        values = [
            i["acquisition_value"]
            for i in data["items"]
            if i["inventory_class"] == name
        ]
        total = sum((D(v) for v in values), Decimal(0))
        assert total == D(cls(data, name)["closing_acquisition_value"])
    expect_net(
        data,
        {"1460": "1515.00", "4960": "-1515.00", "1410": "1290.00", "4910": "-1290.00"},
    )


def test_fifo_item_rounded_once_not_per_layer(close):
    moves = [
        ("2025-01-01", "P", RES, 1, "0.005"),
        ("2025-02-01", "P", RES, 1, "0.005"),  # P: 0.010 -> 0.01 (per layer: 0.02)
        ("2025-01-01", "Q", RES, 1, "0.003"),
        ("2025-02-01", "Q", RES, 1, "0.003"),
        ("2025-03-01", "Q", RES, 1, "0.003"),  # Q: 0.009 -> 0.01 (per layer: 0.00)
    ]
    data = close(country="SE", moves=moves)
    expect_item(data, "P", av="0.01")
    expect_item(data, "Q", av="0.01")
    # purchases per item rounded: 0.01 + 0.01 = 0.02
    expect_class(data, RES, purchases="0.02", av="0.02")
    expect_net(data, {"1460": "0.02", "4960": "-0.02"})


def test_half_up_rounding_with_decimal_quantities(close):
    moves = [
        ("2025-05-05", "H", RES, "1.5", "0.35"),  # 0.525 -> 0.53 (half up, not 0.52)
        ("2025-05-05", "J", RES, "2.5", "3.333"),  # 8.3325 -> 8.33
    ]
    data = close(country="SE", moves=moves)
    expect_item(data, "H", av="0.53")
    expect_item(data, "J", av="8.33")
    # 0.53 + 8.33 = 8.86
    expect_net(data, {"1460": "8.86", "4960": "-8.86"})


# --------------------------------------------------------------------------------------
# K1 threshold
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "date, qty_raw, qty_res",
    [
        # 10,000 + 19,400 = 29,400 = threshold 2025 (58,800 / 2)
        ("2025-12-31", 100, 194),
        ("2024-12-31", 20, 30),  # 2,000 + 3,000 = 5,000 = threshold 2024
        # 10,000 + 19,600 = 29,600 = threshold 2026 (59,200 / 2)
        ("2026-12-31", 100, 196),
    ],
)
def test_k1_at_threshold_closes_at_zero(close, date, qty_raw, qty_res):
    year = date[:4]
    data = close(
        country="SE",
        framework="K1",
        date=date,
        moves=[
            (f"{year}-03-01", "R", RAW, qty_raw, 100),
            (f"{year}-03-01", "G", RES, qty_res, 100),
        ],
        balances={"1460": 3000},  # last year's stock still on the ledger
    )
    expect_class(
        data,
        RAW,
        value=0,
        opening=0,
        purchases=qty_raw * 100,
        cogs=qty_raw * 100,  # 0 + purchases - 0
    )
    expect_class(
        data,
        RES,
        value=0,
        opening=3000,
        purchases=qty_res * 100,
        cogs=3000 + qty_res * 100,
        change=-3000,
    )
    # 1460 target 0 - 3,000 = credit 3,000; 4960 debit 3,000; 1410 stays 0
    expect_net(data, {"1460": -3000, "4960": 3000})


def test_k1_above_threshold_2025_recognised(close):
    moves = [("2025-03-01", "G", RES, 1, "29400.01")]
    data = close(country="SE", framework="K1", date="2025-12-31", moves=moves)
    # 29,400.01 > 29,400 -> normal
    expect_class(data, RES, value="29400.01")
    expect_net(data, {"1460": "29400.01", "4960": "-29400.01"})


def test_k1_above_threshold_2024_recognised(close):
    moves = [("2024-03-01", "G", RES, 1, "5000.01")]
    data = close(country="SE", framework="K1", date="2024-12-31", moves=moves)
    # 5,000.01 > 5,000 -> normal
    expect_net(data, {"1460": "5000.01", "4960": "-5000.01"})


def test_k1_recognise_option_keeps_stock(close):
    data = close(
        country="SE",
        framework="K1",
        moves=[("2025-03-01", "G", RES, 294, 100)],  # 29,400 = threshold
        k1_recognise=True,
    )
    expect_class(data, RES, av=29400, value=29400)
    expect_net(data, {"1460": 29400, "4960": -29400})


def test_k1_threshold_tested_on_acquisition_value(close):
    data = close(
        country="SE",
        framework="K1",
        moves=[("2025-03-01", "G", RES, 300, 100)],  # AV 30,000 > 29,400
        nrv={"G": 60},  # value 300 x 60 = 18,000 (under the threshold, irrelevant)
    )
    # recognised: write-down 30,000 - 18,000 = 12,000
    expect_class(data, RES, av=30000, write_down=12000, value=18000)
    expect_net(data, {"1460": 30000, "1469": -12000, "4960": -18000})


def test_k1_year_missing_from_table_refused(run):
    res = run(
        country="SE",
        framework="K1",
        date="2018-12-31",
        moves=[("2018-03-01", "G", RES, 10, 100)],
        json=True,
    )
    assert res.returncode != 0
    assert res.stderr.strip()


# --------------------------------------------------------------------------------------
# frameworks refusing options
# --------------------------------------------------------------------------------------
SIMPLE_MOVES = [("2025-03-01", "G", RES, 10, 100)]


def test_norway_rule_97_refused(refused):
    refused(country="NO", moves=SIMPLE_MOVES, rule_97="contra")


@pytest.mark.parametrize("framework", ["K3", "IFRS"])
def test_rule_97_contra_refused_under_k3_and_ifrs(refused, framework):
    msg = refused(
        country="SE", framework=framework, moves=SIMPLE_MOVES, rule_97="contra"
    )
    # the message names the rule
    assert any(
        w in msg for w in ("97", "17:4", "lternativ", "contra", "BFNAR", "IAS")
    ), msg


def test_k1_rule_97_reserve_refused(refused):
    refused(country="SE", framework="K1", moves=SIMPLE_MOVES, rule_97="reserve")


@pytest.mark.parametrize(
    "country, framework",
    [("NO", "K2"), ("NO", "K1"), ("SE", "NGAAP"), ("SE", "NGAAP_SMALL")],
)
def test_framework_of_other_country_refused(refused, country, framework):
    refused(country=country, framework=framework, moves=SIMPLE_MOVES)


# --------------------------------------------------------------------------------------
# collective valuation
# --------------------------------------------------------------------------------------
GROUP_MOVES = [
    ("2025-03-01", "G1", RES, 10, 100),  # 1,000
    ("2025-03-01", "G2", RES, 10, 100),  # 1,000
    ("2025-03-01", "G3", RES, 10, 100),  # 1,000
    ("2025-03-01", "G4", RES, 30, 100),  # 3,000
]
# product -> (net_realisable_value, valuation_group)
GROUP_NRV = {"G1": (80, "g"), "G2": (130, "g"), "G3": (70, "h"), "G4": (100, "h")}


def check_groups(data):
    # group g: AV 2,000, NRV 800 + 1,300 = 2,100 -> no write-down
    # (item by item G1 would lose 200)
    expect_item(data, "G1", write_down=0, value=1000)
    expect_item(data, "G2", write_down=0, value=1000)
    # group h: AV 4,000, NRV 700 + 3,000 = 3,700 -> 300,
    # spread by AV: 1/4 = 75, 3/4 = 225
    expect_item(data, "G3", write_down=75, value=925)
    expect_item(data, "G4", write_down=225, value=2775)
    expect_class(data, RES, av=6000, write_down=300, value=5700)


def test_collective_group_sweden_k2_tested_together(close):
    data = close(country="SE", moves=GROUP_MOVES, nrv=GROUP_NRV)
    check_groups(data)
    # 1460 +6,000; 1469 -300; 4960 -5,700
    expect_net(data, {"1460": 6000, "1469": -300, "4960": -5700})


def test_collective_group_write_down_spread_largest_remainder(close):
    data = close(
        country="SE",
        moves=[
            ("2025-03-01", "GA", RES, 1, "10.00"),
            ("2025-03-01", "GB", RES, 1, "10.00"),
            ("2025-03-01", "GC", RES, 1, "10.01"),
        ],
        nrv={"GA": ("9.00", "k"), "GB": ("10.00", "k"), "GC": ("10.01", "k")},
    )
    # group AV 30.01, NRV 29.01 -> 1.00; shares in öre by AV: 33.322, 33.322, 33.356
    # floors 33 + 33 + 33 = 99, the last öre to GC (largest remainder)
    expect_item(data, "GA", write_down="0.33", value="9.67")
    expect_item(data, "GB", write_down="0.33", value="9.67")
    expect_item(data, "GC", write_down="0.34", value="9.67")
    expect_class(data, RES, av="30.01", write_down="1.00", value="29.01")
    expect_net(data, {"1460": "30.01", "1469": "-1.00", "4960": "-29.01"})


def test_collective_group_norway_ifrs_allowed(close):
    data = close(country="NO", framework="IFRS", moves=GROUP_MOVES, nrv=GROUP_NRV)
    check_groups(data)
    expect_net(data, {"1460": 6000, "1469": -300, "4390": -5700})


def test_collective_group_norway_ngaap_refused(refused):
    refused(country="NO", moves=GROUP_MOVES, nrv=GROUP_NRV)


# --------------------------------------------------------------------------------------
# 97 % rule
# --------------------------------------------------------------------------------------
def test_rule_97_split_over_classes_by_av(close):
    moves = [
        ("2025-03-01", "RM", RAW, 100, 100),  # 10,000
        ("2025-03-01", "GR", RES, 200, 100),  # 20,000
    ]
    data = close(country="SE", moves=moves, rule_97="contra")
    r = data["rule_97"]
    assert D(r["main_rule_value"]) == D(30000)
    assert D(r["alternative_value"]) == D(29100)  # 0.97 x 30,000
    assert r["chosen"] == "alternative"
    # 3 % = 900: raw 900 x 10/30 = 300, resale 900 x 20/30 = 600
    expect_class(data, RAW, av=10000, write_down=300, value=9700)
    expect_class(data, RES, av=20000, write_down=600, value=19400)
    expect_net(
        data,
        {
            "1410": 10000,
            "1419": -300,
            "4910": -9700,
            "1460": 20000,
            "1469": -600,
            "4960": -19400,
        },
    )


def test_rule_97_split_largest_remainder(close):
    moves = [
        ("2025-03-01", "R1", RAW, 1, "11.15"),
        ("2025-03-01", "C1", CONS, 1, "11.12"),
        ("2025-03-01", "G1", RES, 1, "11.06"),
    ]
    data = close(country="SE", moves=moves, rule_97="contra")
    r = data["rule_97"]
    # AV 33.33; 0.97 x 33.33 = 32.3301 -> 32.33; 3 % = 1.00
    assert D(r["main_rule_value"]) == D("33.33")
    assert D(r["alternative_value"]) == D("32.33")
    assert r["chosen"] == "alternative"
    # shares in öre: 100 x 11.15/33.33 = 33.453, 100 x 11.12/33.33 = 33.363,
    # 100 x 11.06/33.33 = 33.183 -> floors 33+33+33 = 99, the last öre to raw (.453)
    expect_class(data, RAW, write_down="0.34", value="10.81")
    expect_class(data, CONS, write_down="0.33", value="10.79")
    expect_class(data, RES, write_down="0.33", value="10.73")
    expect_accounts(data, CONS, "1420", "1429", "4920")
    expect_net(
        data,
        {
            "1410": "11.15",
            "1419": "-0.34",
            "4910": "-10.81",
            "1420": "11.12",
            "1429": "-0.33",
            "4920": "-10.79",
            "1460": "11.06",
            "1469": "-0.33",
            "4960": "-10.73",
        },
    )


def test_rule_97_items_at_av_when_alternative_chosen(close):
    data = close(
        country="SE",
        moves=EXAMPLE_B,
        nrv={"X": 49},  # X: 200 x 49 = 9,800 -> main-rule write-down 200
        rule_97="contra",
    )
    r = data["rule_97"]
    assert D(r["main_rule_value"]) == D(25800)  # 26,000 - 200
    assert D(r["alternative_value"]) == D(25220)
    assert r["chosen"] == "alternative"
    # no NRV write-down combined with the 97 % rule
    expect_item(data, "X", av=10000, write_down=0, value=10000)
    expect_class(data, RES, av=26000, write_down=780, value=25220)
    expect_net(data, {"1460": 26000, "1469": -780, "4960": -25220})


def test_rule_97_tie_keeps_main_rule(close):
    data = close(
        country="SE",
        moves=[("2025-03-01", "A", RES, 100, 100)],  # 10,000
        nrv={"A": 97},  # 9,700 = 0.97 x 10,000
        rule_97="contra",
    )
    r = data["rule_97"]
    assert D(r["main_rule_value"]) == D(9700)
    assert D(r["alternative_value"]) == D(9700)
    assert r["chosen"] == "main"
    expect_item(data, "A", write_down=300, value=9700)
    expect_net(data, {"1460": 10000, "1469": -300, "4960": -9700})


# --------------------------------------------------------------------------------------
# bad input
# --------------------------------------------------------------------------------------
def test_bad_unknown_class(refused):
    moves = [
        ("2025-01-10", "ALPHA", RES, 5, 2),
        ("2025-02-10", "BETA", "widgets", 5, 2),
    ]
    refused(country="SE", moves=moves, file="moves.csv", row=3, field="inventory_class")


def test_bad_malformed_date(refused):
    moves = [
        ("2025-01-10", "ALPHA", RES, 5, 2),
        ("2025-02-10", "ALPHA", RES, 5, 2),
        ("2025-02-30", "ALPHA", RES, 5, 2),
    ]
    refused(country="SE", moves=moves, file="moves.csv", row=4, field="date")


def test_bad_malformed_quantity(refused):
    moves = [("2025-01-10", "ALPHA", RES, 5, 2), ("2025-02-10", "ALPHA", RES, "ten", 2)]
    refused(country="SE", moves=moves, file="moves.csv", row=3, field="quantity")


def test_bad_malformed_unit_cost(refused):
    moves = [("2025-01-10", "ALPHA", RES, 5, "1.2.3")]
    refused(country="SE", moves=moves, file="moves.csv", row=2, field="unit_cost")


def test_bad_receipt_without_unit_cost(refused):
    moves = [("2025-01-10", "ALPHA", RES, 5, 2), ("2025-02-10", "ALPHA", RES, 5, None)]
    refused(country="SE", moves=moves, file="moves.csv", row=3, field="unit_cost")


def test_bad_stock_below_zero(refused):
    moves = [
        ("2025-01-10", "ALPHA", RES, 10, 2),
        ("2025-02-10", "ALPHA", RES, -4, None),  # 6 left
        ("2025-03-10", "ALPHA", RES, -7, None),  # 6 - 7 < 0 at row 4
    ]
    refused(country="SE", moves=moves, file="moves.csv", row=4, field="quantity")


def test_bad_stock_below_zero_in_date_order(refused):
    moves = [
        ("2025-01-01", "ALPHA", RES, 10, 2),  # row 2
        ("2025-03-01", "ALPHA", RES, -8, None),  # row 3
        ("2025-02-01", "ALPHA", RES, -5, None),  # row 4
    ]
    # date order: +10, -5 (row 4) -> 5, -8 (row 3) -> below zero at row 3
    refused(country="SE", moves=moves, file="moves.csv", row=3, field="quantity")


def test_bad_stock_below_zero_same_day_file_order(refused):
    moves = [
        ("2025-03-01", "ALPHA", RES, -5, None),  # row 2: first on the day
        ("2025-03-01", "ALPHA", RES, 10, 4),
    ]
    refused(country="SE", moves=moves, file="moves.csv", row=2, field="quantity")


def test_bad_stock_below_zero_before_fiscal_year(refused):
    moves = [
        ("2024-01-01", "ALPHA", RES, -1, None),  # row 2: below zero in 2024
        ("2025-01-01", "ALPHA", RES, 10, 2),
    ]
    refused(country="SE", moves=moves, file="moves.csv", row=2, field="quantity")


def test_bad_missing_header_column(refused, tmp_path):
    header = ["date", "product", "inventory_class", "quantity"]  # no unit_cost
    m = write_csv(tmp_path, "moves.csv", header, [("2025-01-10", "ALPHA", RES, 5)])
    refused(country="SE", moves=m, file="moves.csv", row=1, field="unit_cost")


def test_bad_balance_number(refused, tmp_path):
    rows = [("1460", "2000"), ("1469", "abc")]
    b = write_csv(tmp_path, "ledger.csv", ["account", "balance"], rows)
    refused(
        country="SE",
        moves=SIMPLE_MOVES,
        balances=b,
        file="ledger.csv",
        row=3,
        field="balance",
    )


def test_bad_nrv_number(refused, tmp_path):
    header = ["product", "net_realisable_value"]
    n = write_csv(tmp_path, "prices.csv", header, [("G", "seventy")])
    refused(
        country="SE",
        moves=SIMPLE_MOVES,
        nrv=n,
        file="prices.csv",
        row=2,
        field="net_realisable_value",
    )


def test_bad_balance_date_argument(refused):
    refused(country="SE", date="2025-02-30", moves=SIMPLE_MOVES)


# --------------------------------------------------------------------------------------
# outputs: xlsx and text
# --------------------------------------------------------------------------------------
def _cell_numbers(value):
    if value is None or isinstance(value, bool):
        return set()
    if isinstance(value, int | float | Decimal):
        return {D(value).quantize(Decimal("0.01"))}
    text = str(value)
    for ch in (" ", "\u00a0", "\u202f", "'", "kr", "NOK", "SEK"):
        text = text.replace(ch, "")
    if "," in text and "." in text:
        text = text.replace(",", "")
    elif "," in text:
        text = text.replace(",", ".")
    try:
        return {Decimal(text).quantize(Decimal("0.01"))}
    except Exception:
        return set()


def test_xlsx_written_and_contains_entry_amounts(run, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "closing.xlsx"
    res = run(country="NO", moves=EXAMPLE_A, xlsx=out)
    assert res.returncode == 0, res.stderr
    assert out.exists()
    numbers = set()
    for data_only in (True, False):
        wb = openpyxl.load_workbook(out, data_only=data_only)
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                for v in row:
                    numbers |= _cell_numbers(v)
    # entry 9,000 (1460 / 4390) and the closing value 19,000
    assert D("9000.00") in numbers
    assert D("19000.00") in numbers


def test_text_output_names_accounts_and_amounts(run):
    res = run(country="NO", moves=EXAMPLE_A)
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "1460" in out and "4390" in out
    # 9,000 in some format: 9000, 9 000, 9,000, 9.000, 9000.00 ...
    assert re.search(r"(?<![\d.,])9[\s,.\u00a0\u202f']?000(?!\d)", out), out
