"""Bad input never gives a traceback: exit status 2, one message naming the file (or
option), the row and the field, and no output file.

The cases of the issue run the CLI as a subprocess, as a user does. A seeded
generator then runs a few hundred mutated input files through ``cli.main``
in-process (to stay fast), with a stand-in for the workbook writer.
"""

import codecs
import os
import random
import re
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from nordic_closing import cli
from nordic_closing.inputs import read_moves

REPO = Path(__file__).resolve().parents[2]

MOVES_HEADER = "date,product,name,inventory_class,quantity,unit_cost"
MOVES = (
    f"{MOVES_HEADER}\n"
    "2024-11-15,P1,Kaffe Ö,goods_for_resale,100,20.50\n"
    "2025-03-01,P1,Kaffe Ö,goods_for_resale,-40,\n"
    "2025-06-01,P2,Plank,raw_material,50,10\n"
    "2025-09-01,P2,Plank,raw_material,-10,\n"
    "2025-10-01,P3,Lampa,finished_goods,5,200\n"
)
# the optional columns of returns and landed costs
MOVES_FLOWS = (
    f"{MOVES_HEADER},kind,reference,value\n"
    "2024-11-15,P1,Kaffe Ö,goods_for_resale,100,20.50,purchase,R1,\n"
    "2025-02-01,P1,Kaffe Ö,goods_for_resale,0,,adjustment,R1,150\n"
    "2025-03-01,P1,Kaffe Ö,goods_for_resale,-10,,vendor_return,R1,\n"
    "2025-04-01,P1,Kaffe Ö,goods_for_resale,5,20,other,,\n"
    "2025-06-01,P2,Plank,raw_material,50,10,,R2,\n"
    "2025-09-01,P2,Plank,raw_material,-10,,issue,,\n"
)
BALANCES = "account,balance\n1460,1230.00\n1410,400\n1440,1000\n"
NRV = "product,net_realisable_value\nP1,15\nP3,250\n"


def run_cli(*args, timeout=60):
    cmd = [sys.executable, "-m", "nordic_closing", "close", *[str(a) for a in args]]
    return subprocess.run(
        cmd, cwd=REPO, capture_output=True, text=True, timeout=timeout
    )


def close_args(moves, *extra):
    return ("--country", "SE", "--date", "2025-12-31", "--moves", moves, *extra)


def leftovers(folder):
    """Workbooks and temporary files in ``folder`` (recursively)."""
    return sorted(
        p.name
        for p in Path(folder).rglob("*")
        if p.suffix in (".xlsx", ".part") and p.is_file() and not p.is_symlink()
    )


def refused(res, *names, row=None, field=None):
    """Exit 2 with one message on stderr naming ``names``, ``row`` and ``field``."""
    report = (
        f"exit {res.returncode}\nstdout:\n{res.stdout[-800:]}\nstderr:\n{res.stderr}"
    )
    assert res.returncode == 2, report
    assert "Traceback" not in res.stderr, report
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), report
    message = lines[0]
    for name in names:
        assert str(name) in message, f"{name!r} not named: {message}"
    if row is not None:
        assert re.search(rf"\brow {row}\b", message), f"row {row} not named: {message}"
    if field is not None:
        assert f"field {field}" in message, f"field {field} not named: {message}"
    return message


def refused_close(tmp_path, moves, *extra, names=(), row=None, field=None):
    """Run a closing with --xlsx; refused as ``refused`` says, and no file left."""
    out = tmp_path / "out.xlsx"
    res = run_cli(*close_args(moves, *extra, "--xlsx", out))
    message = refused(res, *names, row=row, field=field)
    assert leftovers(tmp_path) == [], f"files left behind: {leftovers(tmp_path)}"
    return message


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def workbook_text(path):
    """Every cell of the workbook at ``path`` as text."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(path, read_only=True)
    return [
        str(cell)
        for sheet in book
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    ]


# --------------------------------------------------------------------------------------
# encodings
# --------------------------------------------------------------------------------------
def test_windows_1252_file_closes_with_its_names(tmp_path):
    moves = write(tmp_path, "moves.csv", MOVES, "cp1252")
    with pytest.raises(UnicodeDecodeError):
        moves.read_bytes().decode("utf-8")
    assert read_moves(moves)["P1"].name == "Kaffe Ö"
    out = tmp_path / "out.xlsx"
    res = run_cli(*close_args(moves, "--xlsx", out))
    assert res.returncode == 0, res.stderr
    assert "Kaffe Ö" in workbook_text(out)


@pytest.mark.parametrize(
    "encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
)
def test_files_with_a_byte_order_mark_close(tmp_path, encoding):
    text = MOVES
    if encoding in ("utf-16-le", "utf-16-be"):  # Python writes no mark for these
        text = "\ufeff" + text
    moves = write(tmp_path, "moves.csv", text, encoding)
    assert read_moves(moves)["P1"].name == "Kaffe Ö"
    res = run_cli(*close_args(moves, "--json"))
    assert res.returncode == 0, res.stderr


def test_semicolon_decimal_comma_windows_1252(tmp_path):
    text = MOVES.replace(",", ";").replace("20.50", "20,50")
    moves = write(tmp_path, "moves.csv", text, "cp1252")
    res = run_cli(*close_args(moves, "--json"))
    assert res.returncode == 0, res.stderr
    assert '"acquisition_value": 1230.00' in res.stdout  # 60 × 20.50


def test_error_in_windows_1252_file_names_the_encoding(tmp_path):
    moves = write(tmp_path, "moves.csv", MOVES.replace("-40,", "-4x0,"), "cp1252")
    refused_close(
        tmp_path,
        moves,
        names=(moves, "(read as Windows-1252)"),
        row=3,
        field="quantity",
    )


def test_engine_error_in_windows_1252_file_names_the_encoding(tmp_path):
    # the stock goes below zero: found while valuing, after the file was read
    moves = write(tmp_path, "moves.csv", MOVES.replace("-40,", "-400,"), "cp1252")
    refused_close(
        tmp_path,
        moves,
        names=(moves, "(read as Windows-1252)"),
        row=3,
        field="quantity",
    )


def test_byte_undefined_in_windows_1252_names_its_row(tmp_path):
    data = MOVES.encode("cp1252").replace(b"Plank", b"Pl\x81nk", 1)
    moves = write(tmp_path, "moves.csv", data)
    message = refused_close(tmp_path, moves, names=(moves, "Windows-1252"), row=4)
    assert "0x81" in message


def test_nul_byte_names_its_row(tmp_path):
    data = MOVES.encode().replace(b"Lampa", b"La\x00mpa")
    moves = write(tmp_path, "moves.csv", data)
    refused_close(tmp_path, moves, names=(moves, "NUL"), row=6)


def test_utf_16_without_byte_order_mark_is_refused(tmp_path):
    moves = write(tmp_path, "moves.csv", MOVES, "utf-16-le")
    refused_close(tmp_path, moves, names=(moves, "NUL"), row=1)


def test_truncated_utf_16_names_the_encoding_and_row(tmp_path):
    # half a character at the end: the line break that ends row 6
    data = MOVES.encode("utf-16")[:-1]
    moves = write(tmp_path, "moves.csv", data)
    refused_close(tmp_path, moves, names=(moves, "(read as UTF-16)"), row=6)


def test_binary_file_is_refused_with_file_and_row(tmp_path):
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(5000))
    nrv = write(tmp_path, "nrv.csv", data)
    moves = write(tmp_path, "moves.csv", MOVES)
    refused_close(tmp_path, moves, "--nrv", nrv, names=(nrv,), row=r"\d+")


def test_binary_without_bad_bytes_is_refused_by_its_header(tmp_path):
    # every byte decodes in Windows-1252: the header is garbage
    data = bytes(range(0xA0, 0x100)) * 4
    moves = write(tmp_path, "moves.csv", data)
    refused_close(
        tmp_path, moves, names=(moves, "(read as Windows-1252)", "header"), row=1
    )


def test_device_input_is_refused_without_reading_on(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    refused_close(tmp_path, "/dev/zero", names=("/dev/zero", "NUL"), row=1)


# --------------------------------------------------------------------------------------
# amounts, fields, dates, header
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("amount", ["1e27", "1e400", "NaN", "inf", "-1e16"])
def test_amount_out_of_range_in_moves(tmp_path, amount):
    moves = write(tmp_path, "moves.csv", MOVES.replace("20.50", amount))
    refused_close(tmp_path, moves, names=(moves,), row=2, field="unit_cost")


@pytest.mark.parametrize(
    ("name", "text", "row", "field"),
    [
        ("balances.csv", BALANCES.replace("400", "1e27"), 3, "balance"),
        ("nrv.csv", NRV.replace("250", "Infinity"), 3, "net_realisable_value"),
        ("moves.csv", MOVES.replace(",50,", ",1e400,"), 4, "quantity"),
        ("moves.csv", MOVES.replace("20.50", "0.00000000001"), 2, "unit_cost"),
    ],
)
def test_amount_out_of_range_in_each_file(tmp_path, name, text, row, field):
    files = {"moves.csv": MOVES, "balances.csv": BALANCES, "nrv.csv": NRV}
    files[name] = text
    paths = {n: write(tmp_path, n, t) for n, t in files.items()}
    refused_close(
        tmp_path,
        paths["moves.csv"],
        "--balances",
        paths["balances.csv"],
        "--nrv",
        paths["nrv.csv"],
        names=(paths[name],),
        row=row,
        field=field,
    )


def test_product_worth_more_than_the_limit(tmp_path):
    # 10^15 units at 10^15 each: both within the limit, their product is not
    moves = write(
        tmp_path,
        "moves.csv",
        MOVES.replace("50,10", "1000000000000000,1000000000000000"),
    )
    refused_close(tmp_path, moves, names=(moves, "P2"), row=4, field="unit_cost")


def test_stock_at_net_realisable_value_over_the_limit(tmp_path):
    moves = write(tmp_path, "moves.csv", MOVES.replace("5,200", "1000000000,0.01"))
    nrv = write(tmp_path, "nrv.csv", NRV.replace("250", "1000000000"))
    refused_close(
        tmp_path,
        moves,
        "--nrv",
        nrv,
        names=(nrv, "P3"),
        row=3,
        field="net_realisable_value",
    )


@pytest.mark.parametrize("bands", ["365:NaN", "365:inf", "1e400:50", "365:1e400"])
def test_obsolescence_band_not_finite(tmp_path, bands):
    moves = write(tmp_path, "moves.csv", MOVES)
    refused_close(tmp_path, moves, "--obsolescence", bands, names=("--obsolescence",))


def test_field_over_the_csv_limit(tmp_path):
    moves = write(tmp_path, "moves.csv", MOVES.replace("Plank", "x" * 140_000, 1))
    message = refused_close(tmp_path, moves, names=(moves,), row=4)
    assert "131,072" in message


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "3000-01-01"])
def test_date_outside_the_years_1900_2999_in_a_file(tmp_path, day):
    moves = write(tmp_path, "moves.csv", MOVES.replace("2025-06-01", day))
    refused_close(tmp_path, moves, names=(moves, day), row=4, field="date")


@pytest.mark.parametrize("option", ["--date", "--fiscal-year-start"])
def test_date_option_in_year_1(tmp_path, option):
    moves = write(tmp_path, "moves.csv", MOVES)
    out = tmp_path / "out.xlsx"
    args = list(close_args(moves, "--xlsx", out))
    if option == "--date":
        args[args.index("--date") + 1] = "0001-01-01"
    else:
        args += [option, "0001-01-01"]
    refused(run_cli(*args), option, "0001-01-01")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "header", "column"),
    [
        (
            "moves.csv",
            "date,product,product,inventory_class,quantity,unit_cost",
            "product",
        ),
        (
            "nrv.csv",
            "product,net_realisable_value,net_realisable_value",
            "net_realisable_value",
        ),
        ("balances.csv", "account,balance,account", "account"),
    ],
)
def test_duplicate_column_is_refused(tmp_path, name, header, column):
    files = {"moves.csv": MOVES, "balances.csv": BALANCES, "nrv.csv": NRV}
    files[name] = header + "\n" + files[name].split("\n", 1)[1]
    paths = {n: write(tmp_path, n, t) for n, t in files.items()}
    refused_close(
        tmp_path,
        paths["moves.csv"],
        "--balances",
        paths["balances.csv"],
        "--nrv",
        paths["nrv.csv"],
        names=(paths[name],),
        row=1,
        field=column,
    )


# --------------------------------------------------------------------------------------
# --xlsx
# --------------------------------------------------------------------------------------
@pytest.fixture
def moves(tmp_path):
    return write(tmp_path, "moves.csv", MOVES)


def xlsx_refused(moves, target, *reason):
    res = run_cli(*close_args(moves, "--xlsx", target))
    return refused(res, "--xlsx", *reason)


def test_xlsx_in_a_missing_folder(tmp_path, moves):
    xlsx_refused(moves, tmp_path / "missing" / "x.xlsx", "does not exist")
    assert not (tmp_path / "missing").exists()


def test_xlsx_under_a_file(tmp_path, moves):
    xlsx_refused(moves, moves / "x.xlsx", "not a folder")
    assert moves.read_text(encoding="utf-8") == MOVES


def test_xlsx_is_a_folder(tmp_path, moves):
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    xlsx_refused(moves, folder, "is a folder")
    xlsx_refused(moves, f"{folder}/", "not a file name")
    assert folder.is_dir() and not any(folder.iterdir())
    assert leftovers(tmp_path) == []


def test_xlsx_name_too_long(tmp_path, moves):
    xlsx_refused(moves, tmp_path / ("x" * 300 + ".xlsx"), "too long")
    assert leftovers(tmp_path) == []


def test_xlsx_empty_name(moves):
    xlsx_refused(moves, "", "not a file name")


def test_xlsx_in_a_folder_that_cannot_be_written(tmp_path, moves):
    if os.geteuid() != 0:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o555)
        try:
            xlsx_refused(moves, folder / "x.xlsx", "Permission denied")
        finally:
            folder.chmod(0o755)
        assert not any(folder.iterdir())
    elif os.path.isdir("/sys") and not os.access("/sys", os.W_OK):
        xlsx_refused(moves, "/sys/x.xlsx", "/sys")
    elif os.path.isdir("/sys"):  # root: sysfs refuses new files all the same
        xlsx_refused(moves, "/sys/closing-test.xlsx", "/sys")
        assert not os.path.exists("/sys/closing-test.xlsx")
    else:
        pytest.skip("running as root without a read-only folder to try")


def test_xlsx_device_is_left_untouched(moves):
    before = os.stat("/dev/null")
    xlsx_refused(moves, "/dev/null", "not a regular file")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_xlsx_fifo_and_socket_are_left_untouched(tmp_path, moves):
    fifo = tmp_path / "fifo.xlsx"
    os.mkfifo(fifo)
    xlsx_refused(moves, fifo, "not a regular file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    sock_path = tmp_path / "s.xlsx"
    if len(str(sock_path)) < 100:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(sock_path))
            xlsx_refused(moves, sock_path, "not a regular file")
            assert stat.S_ISSOCK(os.lstat(sock_path).st_mode)
    assert [p.name for p in tmp_path.glob("*.part")] == []


def test_xlsx_regular_file_replaced(tmp_path, moves):
    out = tmp_path / "out.xlsx"
    out.write_text("old")
    res = run_cli(*close_args(moves, "--xlsx", out))
    assert res.returncode == 0, res.stderr
    assert out.read_bytes()[:2] == b"PK"
    assert leftovers(tmp_path) == ["out.xlsx"]


def test_xlsx_symlink_writes_the_file_it_points_to(tmp_path, moves):
    # documented choice: the link is followed and kept, its file replaced
    real = tmp_path / "real.xlsx"
    real.write_text("old")
    link = tmp_path / "link.xlsx"
    link.symlink_to(real)
    res = run_cli(*close_args(moves, "--xlsx", link))
    assert res.returncode == 0, res.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes()[:2] == b"PK"
    assert "Kaffe Ö" in workbook_text(real)


def test_xlsx_symlink_to_nothing_or_to_a_device_is_refused(tmp_path, moves):
    dangling = tmp_path / "dangling.xlsx"
    dangling.symlink_to(tmp_path / "nothing.xlsx")
    xlsx_refused(moves, dangling, "link to nothing")
    assert dangling.is_symlink() and not (tmp_path / "nothing.xlsx").exists()
    device = tmp_path / "device.xlsx"
    device.symlink_to("/dev/null")
    xlsx_refused(moves, device, "not a regular file")
    assert device.is_symlink()


def test_failed_write_leaves_no_file(tmp_path, moves, monkeypatch, capsys):
    from nordic_closing import workbook

    def fail(result, path, lang="en"):
        Path(path).write_bytes(b"half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(workbook, "write_workbook", fail)
    out = tmp_path / "out.xlsx"
    code = cli.main(["close", *close_args(str(moves), "--xlsx", str(out))])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: --xlsx") and "No space left" in err
    assert leftovers(tmp_path) == []


def test_message_stays_on_one_line(tmp_path, moves, capsys):
    text = MOVES.replace("P2,Plank", '"P2\nsecond line",Plank').replace("-10,", "-99,")
    path = write(tmp_path, "lines.csv", text)
    assert cli.main(["close", *close_args(str(path))]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "P2\\nsecond line" in err


# --------------------------------------------------------------------------------------
# seeded generator of malformed files, run in-process
# --------------------------------------------------------------------------------------
BASES = {"moves": MOVES, "balances": BALANCES, "nrv": NRV}
NASTY_NUMBERS = [
    "1e27",
    "1e400",
    "-1e400",
    "NaN",
    "nan",
    "sNaN",
    "inf",
    "-Infinity",
    "1e15",
    "1000000000000001",
    "-1e16",
    "1e-30",
    "0.00000000001",
    "",
    " ",
    "12,5",
    "1.2.3",
    "0x10",
    "1_000",
    "٣",
    "0",
    "-0",
    "+5",
    "9" * 400,
    "1e999999999999",
    "--1",
]
NASTY_DATES = [
    "0001-01-01",
    "1899-12-31",
    "3000-01-01",
    "9999-12-31",
    "2025-02-30",
    "2025-13-01",
    "31.12.2025",
    "2025-1-1",
    "",
    "２０２５-01-01",
    "20251231",
    "2025-12-31T00:00",
    "1900-01-01",
    "2999-12-31",
]
NASTY_TEXT = [
    "",
    "Ö",
    "\x00",
    "\x81",
    '"',
    '""',
    "\r",
    "\n",
    ";",
    ",",
    "\ufeff",
    "\u2028",
    "x" * 131_073,
    "y" * 131_072,
]
ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "cp1252",
    "latin-1",
    "utf-16",
    "utf-32",
    "utf-16-le",
    "cp1252",
]


def _cells(text):
    return [line.split(",") for line in text.split("\n")]


def _join(rows):
    return "\n".join(",".join(row) for row in rows)


def _set_cell(rng, rows, body, value):
    if not body:
        return None
    row = rows[rng.choice(body)]
    row[rng.randrange(len(row))] = value
    return _join(rows)


def _delimiter(rng, text, rows):
    new = rng.choice([";", "\t", "|", ", "])
    if rng.random() < 0.5:
        return text.replace(",", new)
    line = rng.randrange(len(rows))
    rows[line] = [new.join(rows[line])]
    return _join(rows)


def _bad_bytes(rng, text):
    data = bytearray(text.encode(rng.choice(["utf-8", "cp1252"]), "replace"))
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(data) + 1)
        data[at:at] = bytes([rng.choice([0, 0x81, 0x8D, 0xFF, 0xC3, 0xE2, 0x9D])])
    return bytes(data)


def _binary(rng):
    size = rng.choice([0, 1, 2, 3, 16, 500, 5000])
    head = rng.choice([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE])
    return head + bytes(rng.randrange(256) for _ in range(size))


def _drop_column(rng, rows):
    col = rng.randrange(len(rows[0]))
    return _join([r[:col] + r[col + 1 :] for r in rows])


def _insert(rng, text, piece):
    at = rng.randrange(len(text) + 1)
    return text[:at] + piece + text[at:]


def _swap(rng, rows, body):
    if len(body) < 2:
        return None
    a, b = rng.sample(body, 2)
    row = rows[a]
    i, j = rng.sample(range(len(row)), 2)
    row[i], row[j] = row[j], row[i]
    rows[a], rows[b] = rows[b], rows[a]
    return _join(rows)


def _repeat_row(rng, rows, body):
    if not body:
        return None
    rows.insert(rng.randrange(1, len(rows) + 1), list(rows[rng.choice(body)]))
    return _join(rows)


def _duplicate_header(rng, rows):
    rows[0].insert(rng.randrange(len(rows[0]) + 1), rng.choice(rows[0]))
    return _join(rows)


MUTATIONS = {
    "number": lambda r, t, rows, b: _set_cell(r, rows, b, r.choice(NASTY_NUMBERS)),
    "date": lambda r, t, rows, b: _set_cell(r, rows, b, r.choice(NASTY_DATES)),
    "text": lambda r, t, rows, b: _set_cell(r, rows, b, r.choice(NASTY_TEXT)),
    "empty": lambda r, t, rows, b: _set_cell(r, rows, b, ""),
    "long": lambda r, t, rows, b: _set_cell(
        r, rows, b, "z" * r.choice([131_071, 131_072, 131_073, 300_000])
    ),
    "duplicate_header": lambda r, t, rows, b: _duplicate_header(r, rows),
    "delimiter": lambda r, t, rows, b: _delimiter(r, t, rows),
    "truncate": lambda r, t, rows, b: t[: r.randrange(len(t) + 1)],
    "bytes": lambda r, t, rows, b: _bad_bytes(r, t),
    "binary": lambda r, t, rows, b: _binary(r),
    "drop_column": lambda r, t, rows, b: _drop_column(r, rows),
    "extra_column": lambda r, t, rows, b: _join(
        [[*row, r.choice(["", "x", "1e400"])] for row in rows]
    ),
    "quote": lambda r, t, rows, b: _insert(r, t, '"'),
    "line_endings": lambda r, t, rows, b: t.replace(
        "\n", r.choice(["\r", "\r\n", "\n\n", "\n\r"])
    ),
    "encoding": lambda r, t, rows, b: t.encode(r.choice(ENCODINGS), "replace"),
    "swap": lambda r, t, rows, b: _swap(r, rows, b),
    "repeat_row": lambda r, t, rows, b: _repeat_row(r, rows, b),
    "header_case": lambda r, t, rows, b: _join(
        [[c.upper() if r.random() < 0.5 else f" {c} " for c in rows[0]], *rows[1:]]
    ),
}


def mutate(rng, text):
    """One mutation of ``text`` (a CSV file), as text or bytes, and its name."""
    rows = _cells(text)
    body = [i for i in range(1, len(rows)) if len(rows[i]) > 1]
    kind = rng.choice(sorted(MUTATIONS))
    mutated = MUTATIONS[kind](rng, text, rows, body)
    return (text, "unchanged") if mutated is None else (mutated, kind)


def generated_cases(count=400, seed=20251231):
    rng = random.Random(seed)
    for number in range(count):
        files = dict(BASES)
        if rng.random() < 0.3:
            files["moves"] = MOVES_FLOWS
        changed = []
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            name = rng.choice(list(files))
            text = files[name]
            if isinstance(text, bytes):
                continue
            files[name], kind = mutate(rng, text)
            changed.append((name, kind))
        options = rng.choice(
            [[], ["--method", "average"], ["--obsolescence", "365:50,730:100"]]
        )
        yield number, files, changed, options


def test_generated_malformed_files(tmp_path, monkeypatch, capsys):
    from nordic_closing import workbook

    def stand_in(result, path, lang="en"):
        Path(path).write_bytes(b"PK stand-in")

    monkeypatch.setattr(workbook, "write_workbook", stand_in)
    outcomes = {0: 0, 2: 0}
    for number, files, changed, options in generated_cases():
        folder = tmp_path / f"case{number}"
        folder.mkdir()
        paths = {}
        for name, content in files.items():
            paths[name] = folder / f"{name}.csv"
            if isinstance(content, str):
                content = content.encode("utf-8")
            paths[name].write_bytes(content)
        out = folder / "out.xlsx"
        argv = [
            "close",
            "--country",
            "SE",
            "--date",
            "2025-12-31",
            "--moves",
            str(paths["moves"]),
            "--balances",
            str(paths["balances"]),
            "--nrv",
            str(paths["nrv"]),
            "--xlsx",
            str(out),
            *options,
        ]
        case = f"case {number}: {changed} {options}"
        try:
            code = cli.main(argv)
        except BaseException as error:  # noqa: BLE001 - the test reports the case
            pytest.fail(f"{case}: {type(error).__name__} escaped: {error!r}")
        out_text, err = capsys.readouterr()
        assert code in (0, 2), f"{case}: exit {code}\n{err}"
        outcomes[code] += 1
        if code == 2:
            lines = err.splitlines()
            assert len(lines) == 1 and lines[0].startswith("error: "), f"{case}: {err}"
            named = [str(p) for p in paths.values() if str(p) in lines[0]]
            assert named, f"{case}: no file named in {lines[0]}"
            assert leftovers(folder) == [], f"{case}: files left {leftovers(folder)}"
        else:
            assert err == "", f"{case}: {err}"
            assert leftovers(folder) == ["out.xlsx"], f"{case}: {leftovers(folder)}"
    # the generator exercises both outcomes
    print(outcomes)
    assert outcomes[0] > 10 and outcomes[2] > 200, outcomes


def test_nrv_read_from_bytes_of_an_upload_windows_1252():
    """The NRV file's rules apply to an uploaded file's bytes too (the Odoo import
    of values): Windows-1252 with decimal commas, rows named in the messages."""
    from decimal import Decimal

    from nordic_closing import ClosingError
    from nordic_closing.inputs import read_nrv

    data = "product;net_realisable_value\nBÅT-1;1250,50\nÆRE-2;40\n".encode("cp1252")
    values, name = read_nrv("values.csv", data)
    assert name == "values.csv (read as Windows-1252)"
    assert {p: (v.net_realisable_value, v.row) for p, v in values.items()} == {
        "BÅT-1": (Decimal("1250.50"), 2),
        "ÆRE-2": (Decimal("40"), 3),
    }
    bad = b"product,net_realisable_value\nA,10\nA,12\n"
    with pytest.raises(ClosingError) as caught:
        read_nrv("values.csv", bad)
    assert (caught.value.row, caught.value.field) == (3, "product")
