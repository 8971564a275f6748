"""Writing a workbook leaves nothing in the temporary folder: not on success, not
on error (xlsxwriter's constant-memory mode keeps each sheet's rows in a temporary
file, and made one for the chart sheet that it never removed)."""

import gc
import tempfile
from datetime import date
from decimal import Decimal as D

import pytest
from nordic_closing import ClosingOptions, ItemStock, cli, compute_closing, workbook


@pytest.fixture
def temporary_folder(tmp_path, monkeypatch):
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _result():
    items = [
        ItemStock("R", "raw_material", D(1), D("100.00")),
        ItemStock("G", "goods_for_resale", D(2), D("50.00")),
    ]
    return compute_closing(items, ClosingOptions("NO", date(2025, 12, 31)))


def test_workbook_leaves_no_temporary_file(tmp_path, temporary_folder):
    out = tmp_path / "closing.xlsx"
    workbook.write_workbook(_result(), str(out))
    assert out.stat().st_size
    assert list(temporary_folder.iterdir()) == []


def test_failed_workbook_leaves_no_temporary_file_and_no_file(
    tmp_path, temporary_folder, monkeypatch
):
    def fail(*_args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(workbook, "write_principles", fail)
    out = tmp_path / "closing.xlsx"
    with pytest.raises(RuntimeError, match="disk on fire"):
        workbook.write_workbook(_result(), str(out))
    gc.collect()  # xlsxwriter's destructor must not write the workbook after all
    assert list(temporary_folder.iterdir()) == []
    assert not out.exists()


def test_cli_workbook_leaves_no_temporary_file(tmp_path, temporary_folder, capsys):
    moves = tmp_path / "moves.csv"
    moves.write_text(
        "date,product,inventory_class,quantity,unit_cost\n"
        "2025-03-01,P,goods_for_resale,2,10\n",
        encoding="utf-8",
    )
    out = tmp_path / "closing.xlsx"
    code = cli.main(
        ["close", "--country", "SE", "--date", "2025-12-31"]
        + ["--moves", str(moves), "--xlsx", str(out)]
    )
    assert code == 0, capsys.readouterr().err
    assert out.exists()
    assert list(temporary_folder.iterdir()) == []
    # nor in the workbook's own folder (the atomic write's .part file)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "closing.xlsx",
        "moves.csv",
        "tmp",
    ]
