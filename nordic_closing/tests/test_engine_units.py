"""Unit tests of engine pieces the CLI tests do not reach directly.

Every expected figure is computed by hand in the comment above it.
"""

from datetime import date
from decimal import Decimal as D

import pytest
from nordic_closing import (
    ClassAccounts,
    ClosingError,
    ClosingOptions,
    ItemStock,
    ItemTotals,
    Movement,
    compute_closing,
    default_fiscal_year_start,
    items_valued_apart,
    value_movements,
)
from nordic_closing.frameworks import FRAMEWORKS, check_rule_97, get_framework
from nordic_closing.inputs import parse_bands, read_balances, read_moves
from nordic_closing.money import allocate, round_money


def test_round_money_half_up():
    # 0.005 rounds up to 0.01; -0.005 to -0.01 (half away from zero)
    assert round_money(D("0.005")) == D("0.01")
    assert round_money(D("-0.005")) == D("-0.01")
    assert round_money(D("2.675")) == D("2.68")


def test_allocate_keeps_every_cent():
    # 1.00 over three equal weights: 0.33 each, the missing cent to the first
    assert allocate(D("1.00"), [1, 1, 1]) == [D("0.34"), D("0.33"), D("0.33")]
    # 100.00 by 1:3 -> 25.00 / 75.00
    assert allocate(D("100.00"), [D(1), D(3)]) == [D("25.00"), D("75.00")]
    # a negative total keeps its sign: -0.05 over 2:3 -> -0.02 / -0.03
    assert allocate(D("-0.05"), [2, 3]) == [D("-0.02"), D("-0.03")]
    # all-zero weights: split evenly, 0.03 -> 0.02 / 0.01
    assert allocate(D("0.03"), [0, 0]) == [D("0.02"), D("0.01")]


def test_default_fiscal_year_start():
    # twelve months ending at the date
    assert default_fiscal_year_start(date(2025, 12, 31)) == date(2025, 1, 1)
    assert default_fiscal_year_start(date(2025, 6, 30)) == date(2024, 7, 1)
    # 2024-02-29: one year earlier has no 29 February -> 2023-02-28 + 1 day
    assert default_fiscal_year_start(date(2024, 2, 29)) == date(2023, 3, 1)


def test_fifo_keeps_latest_receipts_and_opening():
    moves = [
        Movement(date(2024, 11, 1), D(10), D(5)),  # opening layer
        Movement(date(2025, 3, 1), D(10), D(7)),
        Movement(date(2025, 4, 1), D(-15)),  # consumes 10 @ 5 and 5 @ 7
    ]
    item = value_movements(
        "A", "raw_material", moves, date(2025, 12, 31), date(2025, 1, 1)
    )
    # remaining 5 @ 7 = 35; opening 10 @ 5 = 50; purchases 10 @ 7 = 70
    assert (item.quantity, item.acquisition_value) == (D(5), D("35.00"))
    assert (item.opening_quantity, item.opening_value) == (D(10), D("50.00"))
    assert item.purchases == D("70.00")
    assert item.last_movement == date(2025, 4, 1)


def test_moving_average_single_rounding():
    moves = [
        Movement(date(2025, 1, 1), D(2), D(10)),
        Movement(date(2025, 1, 2), D(1), D(11)),  # 31 / 3 = 10.333...
        Movement(date(2025, 1, 3), D(-1)),  # value 31 - 31/3 = 20.666...
    ]
    item = value_movements(
        "A", "raw_material", moves, date(2025, 12, 31), date(2025, 1, 1), "average"
    )
    # 2 units at 62/3: 20.67 (rounding the average first: 2 x 10.33 = 20.66)
    assert item.acquisition_value == D("20.67")


def test_negative_stock_names_row_and_field():
    moves = [
        Movement(date(2025, 1, 1), D(1), D(10), 2),
        Movement(date(2025, 1, 2), D(-2), None, 3),
    ]
    with pytest.raises(ClosingError) as error:
        value_movements(
            "A",
            "raw_material",
            moves,
            date(2025, 12, 31),
            date(2025, 1, 1),
            source="moves.csv",
        )
    assert (error.value.source, error.value.row, error.value.field) == (
        "moves.csv",
        3,
        "quantity",
    )
    assert "below zero" in str(error.value)


def test_semicolon_file_with_decimal_comma(tmp_path):
    path = tmp_path / "moves.csv"
    path.write_text(
        "date;product;inventory_class;quantity;unit_cost\n"
        "2025-01-10;A;goods_for_resale;3;12,50\n"
        "2025-02-10;A;goods_for_resale;-1;\n",
        encoding="utf-8",
    )
    products = read_moves(path)
    moves = products["A"].movements
    assert [m.quantity for m in moves] == [D(3), D(-1)]
    # 12,50 is 12.50: 2 left @ 12.50 = 25.00
    item = value_movements(
        "A", "goods_for_resale", moves, date(2025, 12, 31), date(2025, 1, 1)
    )
    assert item.acquisition_value == D("25.00")


def test_balances_duplicate_account_refused(tmp_path):
    path = tmp_path / "balances.csv"
    path.write_text("account,balance\n1460,100\n1460,200\n", encoding="utf-8")
    with pytest.raises(ClosingError) as error:
        read_balances(path)
    assert (error.value.row, error.value.field) == (3, "account")


def test_obsolescence_bands_parsed_and_checked():
    bands = parse_bands("730:100, 365:50")
    assert [(b.days, b.percent) for b in bands] == [(730, D(100)), (365, D(50))]
    with pytest.raises(ClosingError, match="days:percent"):
        parse_bands("one year:50")
    with pytest.raises(ClosingError, match="between 0 and 100"):
        parse_bands("365:150")


def test_framework_table_and_refusals_name_the_rule():
    assert get_framework("SE").code == "K2"
    assert get_framework("NO").code == "NGAAP"
    assert {f.key for f in FRAMEWORKS.values()} == {
        "SE_K1",
        "SE_K2",
        "SE_K3",
        "SE_IFRS",
        "NO_NGAAP_SMALL",
        "NO_NGAAP",
        "NO_IFRS",
        "DK_B",
        "DK_C",
        "DK_IFRS",
        "FI_FAS",
        "FI_PMA",
        "FI_IFRS",
    }
    with pytest.raises(ClosingError, match="IL 17:4"):
        check_rule_97(get_framework("NO"), "contra")
    with pytest.raises(ClosingError, match="BFNAR 2012:1"):
        check_rule_97(get_framework("SE", "K3"), "contra")
    with pytest.raises(ClosingError, match="legal persons"):
        check_rule_97(get_framework("SE", "K1"), "reserve")
    with pytest.raises(ClosingError, match="NGAAP"):
        get_framework("SE", "NGAAP")


def _item(product, inventory_class, quantity, value, accounts=None):
    return ItemStock(product, inventory_class, D(quantity), D(value), accounts=accounts)


def test_item_accounts_override_makes_its_own_class_group():
    """A category with its own accounts (an Odoo override) is booked on them."""
    own = ClassAccounts("goods_for_resale", "1461", "1469", "4391")
    items = [
        _item("A", "goods_for_resale", 10, "1000.00"),
        _item("B", "goods_for_resale", 5, "500.00", accounts=own),
    ]
    options = ClosingOptions(country="NO", balance_date=date(2025, 12, 31))
    result = compute_closing(items, options, ledger={})
    # A: 1460 +1,000 / 4390 -1,000; B: 1461 +500 / 4391 -500
    assert result.net_by_account() == {
        "1460": D("1000.00"),
        "4390": D("-1000.00"),
        "1461": D("500.00"),
        "4391": D("-500.00"),
    }
    assert [c.inventory_account for c in result.classes] == ["1460", "1461"]


def test_shared_contra_balance_split_by_targets():
    """Norway: raw materials and consumables share 1409. Ledger 1409 = -300; needs
    raw 200, consumables 100 -> the ledger splits -200 / -100 and nothing is booked."""
    items = [
        ItemStock("R", "raw_material", D(1), D("1000.00"), net_realisable_value=D(800)),
        ItemStock("C", "consumable", D(1), D("500.00"), net_realisable_value=D(400)),
    ]
    options = ClosingOptions(country="NO", balance_date=date(2025, 12, 31))
    ledger = {"1400": D("1000.00"), "1405": D("500.00"), "1409": D("-300.00")}
    result = compute_closing(items, options, ledger)
    assert result.entry == []
    assert [c.opening_value for c in result.classes] == [D("800.00"), D("400.00")]


def test_kept_items_are_not_valued_again():
    """An NRV entered on B: A keeps its earlier valuation, B and the entry change.

    A: 10 units, AV 1,000, NRV 80 -> write-down 200 (the earlier run); kept with a
    deliberately different figure (150) to show it is not valued again. B: 5 units,
    AV 500, NRV now 90 -> value 450, write-down 50. Class 1460: AV 1,500, write-down
    150 + 50 = 200; ledger empty -> 1460 +1,500 / 4390 -1,500, 4390 +200 / 1469 -200.
    """
    items = [
        ItemStock(
            "A", "goods_for_resale", D(10), D("1000.00"), net_realisable_value=D(80)
        ),
        ItemStock(
            "B", "goods_for_resale", D(5), D("500.00"), net_realisable_value=D(90)
        ),
    ]
    options = ClosingOptions(country="NO", balance_date=date(2025, 12, 31))
    result = compute_closing(items, options, ledger={}, kept={0: (D("150.00"), "nrv")})
    assert [(r.write_down, r.reason) for r in result.items] == [
        (D("150.00"), "nrv"),
        (D("50.00"), "nrv"),
    ]
    assert result.classes[0].write_down == D("200.00")
    assert result.net_by_account() == {
        "1460": D("1500.00"),
        "4390": D("-1300.00"),
        "1469": D("-200.00"),
    }


def test_kept_ignored_where_totals_value_the_items():
    """Sweden K2 with the 97 % rule: every item is valued again whatever is kept.

    A: AV 1,000, NRV 99/unit x 10 = 990 -> write-down 10; B: AV 500, no NRV.
    Main rule 1,490 against 97 % of 1,500 = 1,455: the alternative wins, so the
    items' own write-downs are not booked (0) and the class carries the 3 %, 45.
    A kept write-down of 300 on A would change that if it were used: it is not.
    """
    items = [
        ItemStock(
            "A", "goods_for_resale", D(10), D("1000.00"), net_realisable_value=D(99)
        ),
        ItemStock("B", "goods_for_resale", D(5), D("500.00")),
    ]
    options = ClosingOptions(
        country="SE", balance_date=date(2025, 12, 31), framework="K2", rule_97="contra"
    )
    fresh = compute_closing(items, options, ledger={})
    again = compute_closing(items, options, ledger={}, kept={0: (D("300.00"), "nrv")})
    assert fresh.classes[0].write_down == again.classes[0].write_down == D("45.00")
    assert [r.write_down for r in again.items] == [r.write_down for r in fresh.items]
    assert again.net_by_account() == fresh.net_by_account()


def test_kept_group_valued_again_when_a_member_changed():
    """Sweden K2 group G: A kept, B changed -> the group is tested again as one.

    A: AV 1,000, NRV 110 x 10 = 1,100; B: AV 1,000, NRV 70 x 10 = 700. Group AV
    2,000, NRV 1,800 -> shortfall 200 spread by AV: A 100, B 100 (reason group).
    """
    items = [
        ItemStock(
            "A",
            "goods_for_resale",
            D(10),
            D("1000.00"),
            net_realisable_value=D(110),
            valuation_group="G",
        ),
        ItemStock(
            "B",
            "goods_for_resale",
            D(10),
            D("1000.00"),
            net_realisable_value=D(70),
            valuation_group="G",
        ),
    ]
    options = ClosingOptions(
        country="SE", balance_date=date(2025, 12, 31), framework="K2"
    )
    result = compute_closing(items, options, ledger={}, kept={0: (D("0.00"), "")})
    assert [(r.write_down, r.reason) for r in result.items] == [
        (D("100.00"), "group"),
        (D("100.00"), "group"),
    ]


def test_missing_dagspris_refused_or_noted():
    """Denmark, group G valued at dagspris, item A (10 x 100 = 1,000) without one:
    refused by default; with require_dagspris=False taxed at cost 1,000, noted."""
    items = [
        ItemStock("A", "goods_for_resale", D(10), D("1000.00"), tax_group="G"),
    ]
    options = ClosingOptions(
        country="DK",
        balance_date=date(2025, 12, 31),
        tax_principles={"G": "dagspris"},
    )
    with pytest.raises(ClosingError, match="dagspris"):
        compute_closing(items, options, ledger={})
    options.require_dagspris = False
    result = compute_closing(items, options, ledger={})
    assert result.items[0].tax_value == D("1000.00")
    assert any("no dagspris" in note and "A" in note for note in result.notes)


def test_workbook_chart_sheet_plots_the_equation(tmp_path):
    """The workbook's chart sheet plots, per class of the stock equation sheet, the
    opening value (last closing: column B), the closing value (F) and the write-down
    (E) of rows 2..3 (two classes), with the class names of A2:A3 as categories."""
    import zipfile

    from nordic_closing.workbook import write_workbook

    items = [
        ItemStock("R", "raw_material", D(1), D("100.00"), opening_value=D("80.00")),
        ItemStock(
            "G", "goods_for_resale", D(2), D("50.00"), net_realisable_value=D(20)
        ),
    ]
    options = ClosingOptions(country="NO", balance_date=date(2025, 12, 31))
    path = tmp_path / "closing.xlsx"
    write_workbook(compute_closing(items, options), str(path), lang="sv")
    with zipfile.ZipFile(path) as book:
        names = book.namelist()
        chart = book.read("xl/charts/chart1.xml").decode()
        workbook_xml = book.read("xl/workbook.xml").decode()
    assert "xl/chartsheets/sheet1.xml" in names
    assert 'name="Diagram"' in workbook_xml  # the chart sheet, in Swedish
    for reference in ("$B$2:$B$3", "$F$2:$F$3", "$E$2:$E$3", "$A$2:$A$3"):
        assert f"<c:f>Lagerekvation!{reference}</c:f>" in chart


def test_workbook_names_the_framework_in_its_language(tmp_path):
    """A Swedish K2 workbook in Swedish says "Sverige K2 (BFNAR 2016:10)", the
    label the Odoo settings show in Swedish, not the English "Sweden"."""
    import openpyxl
    from nordic_closing.workbook import write_workbook

    items = [ItemStock("G", "goods_for_resale", D(1), D("10.00"))]
    options = ClosingOptions(
        country="SE", balance_date=date(2025, 12, 31), framework="K2"
    )
    path = tmp_path / "closing.xlsx"
    write_workbook(compute_closing(items, options), str(path), lang="sv")
    texts = [
        cell
        for sheet in openpyxl.load_workbook(path).worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    ]
    assert "Sverige K2 (BFNAR 2016:10)" in texts
    assert not any("Sweden K2" in text for text in texts)


def test_totals_stand_for_the_unchanged_items():
    """An NRV entered on B, A given as stored totals: the same classes and entry as
    valuing both.

    A: 10 units, AV 1,000, written down 200 earlier (NRV 80), given as totals only.
    B: 5 units, AV 500, NRV now 90 -> write-down 50. Class 1460: AV 1,500,
    write-down 250; ledger empty -> 1460 +1,500, 1469 -250, 4390 -1,250. Only B is
    among the items of the result.
    """
    options = ClosingOptions(country="NO", balance_date=date(2025, 12, 31))
    b = ItemStock(
        "B", "goods_for_resale", D(5), D("500.00"), net_realisable_value=D(90)
    )
    totals = [
        ItemTotals(
            "goods_for_resale",
            item_count=1,
            acquisition_value=D("1000.00"),
            write_down=D("200.00"),
            tax_value=D("1000.00"),
            replacement_value=D("1000.00"),
        )
    ]
    result = compute_closing([b], options, ledger={}, totals=totals)
    assert [(r.stock.product, r.write_down) for r in result.items] == [
        ("B", D("50.00"))
    ]
    assert result.classes[0].write_down == D("250.00")
    assert result.classes[0].item_count == 2
    assert result.net_by_account() == {
        "1460": D("1500.00"),
        "4390": D("-1250.00"),
        "1469": D("-250.00"),
    }
    a = ItemStock(
        "A", "goods_for_resale", D(10), D("1000.00"), net_realisable_value=D(80)
    )
    whole = compute_closing([a, b], options, ledger={})
    assert result.entry == whole.entry


def test_totals_refused_where_a_rule_values_all_items():
    """Sweden K2 with the 97 % rule and Denmark's tax view: items are not valued
    apart from the others."""
    b = ItemStock("B", "goods_for_resale", D(5), D("500.00"))
    totals = [ItemTotals("goods_for_resale", item_count=1)]
    for options in (
        ClosingOptions(
            country="SE",
            balance_date=date(2025, 12, 31),
            framework="K2",
            rule_97="contra",
        ),
        ClosingOptions(country="DK", balance_date=date(2025, 12, 31), framework="B"),
    ):
        assert not items_valued_apart(options)
        with pytest.raises(ClosingError, match="cannot be valued apart"):
            compute_closing([b], options, ledger={}, totals=totals)
    assert items_valued_apart(
        ClosingOptions(country="FI", balance_date=date(2025, 12, 31), framework="FAS")
    )


def test_sweden_tax_view_counts_the_totals():
    """Sweden K3, 97 % rule off: the tax view compares the main rule with 97 % of
    all items, the totals included. A (totals): AV 1,000, write-down 10; B: AV 500,
    no NRV. Main rule 1,490; 97 % of 1,500 = 1,455."""
    options = ClosingOptions(
        country="SE", balance_date=date(2025, 12, 31), framework="K3"
    )
    b = ItemStock("B", "goods_for_resale", D(5), D("500.00"))
    totals = [
        ItemTotals(
            "goods_for_resale",
            item_count=1,
            acquisition_value=D("1000.00"),
            write_down=D("10.00"),
        )
    ]
    rule = compute_closing([b], options, ledger={}, totals=totals).tax_rule_97
    assert (rule.main_rule_value, rule.alternative_value) == (
        D("1490.00"),
        D("1455.00"),
    )
