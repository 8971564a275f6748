"""The wheel odoo-addon-l10n_nordic_stock_closing built by whool (plain pytest).

``make test`` builds it with tools/build_wheel.sh and passes its path in NSC_WHEEL;
without NSC_WHEEL this test builds it itself (the running python needs whool).

It checks what an installation needs: the addon under odoo/addons/<module>/ (where
Odoo finds addons installed with pip), every file the manifest loads, the
translations, the engine with its reference data, and nothing of a work tree
(.git, .venv, out/, caches). The tests are shipped, as in OCA's wheels. The file
list equals the files git tracks (whool's rule), pyproject.toml aside. The metadata
carries the name and the manifest's version in whool's scheme for 18.0
(``18.0.x.y.z`` or ``18.0.x.y.z.N``, N commits since the version last changed).
"""

import ast
import fnmatch
import json
import os
import re
import subprocess
import sys
import zipfile
from email.parser import HeaderParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULE = "l10n_nordic_stock_closing"
DIST_NAME = f"odoo-addon-{MODULE}"
PREFIX = f"odoo/addons/{MODULE}/"
MANIFEST = ast.literal_eval((ROOT / "__manifest__.py").read_text(encoding="utf-8"))
WORK_TREE_ONLY = {
    ".git",
    ".venv",
    "out",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".benchmarks",
    "build",
    "dist",
}


@pytest.fixture(scope="module")
def wheel_path(tmp_path_factory):
    given = os.environ.get("NSC_WHEEL")
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        ["bash", str(ROOT / "tools" / "build_wheel.sh"), str(out)],
        env={**os.environ, "PYTHON": sys.executable},
        check=True,
        capture_output=True,
        text=True,
    )
    return Path(built.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def wheel(wheel_path):
    with zipfile.ZipFile(wheel_path) as archive:
        yield archive


@pytest.fixture(scope="module")
def names(wheel):
    return set(wheel.namelist())


@pytest.fixture(scope="module")
def addon_files(names):
    """The addon's files in the wheel, relative to the addon directory."""
    return {name[len(PREFIX) :] for name in names if name.startswith(PREFIX)}


@pytest.fixture(scope="module")
def metadata(wheel, names):
    (path,) = (n for n in names if re.fullmatch(r"[^/]+\.dist-info/METADATA", n))
    return HeaderParser().parsestr(wheel.read(path).decode("utf-8"))


def _repo_files(pattern):
    return {
        path.relative_to(ROOT).as_posix()
        for path in ROOT.glob(pattern)
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_name_version_and_requirements(wheel_path, metadata):
    version = MANIFEST["version"]
    assert metadata["Name"] == DIST_NAME
    assert re.fullmatch(re.escape(version) + r"(\.\d+)?", metadata["Version"]), (
        metadata["Version"],
        version,
    )
    assert wheel_path.name == (
        f"{DIST_NAME.replace('-', '_')}-{metadata['Version']}-py3-none-any.whl"
    )
    requires = metadata.get_all("Requires-Dist")
    assert "odoo==18.0.*" in requires
    for dependency in MANIFEST["external_dependencies"]["python"]:
        assert dependency in requires
    assert metadata["License"] == MANIFEST["license"]


def test_everything_is_under_odoo_addons(names):
    outside = {
        name
        for name in names
        if not name.startswith(PREFIX) and not name.split("/")[0].endswith(".dist-info")
    }
    assert not outside


def test_the_manifest_and_every_file_it_loads(addon_files):
    required = {"__manifest__.py", "__init__.py", "hooks.py"}
    required |= set(MANIFEST["data"]) | set(MANIFEST["demo"])
    assert required <= addon_files, sorted(required - addon_files)
    for bundle, globs in MANIFEST["assets"].items():
        for glob in globs:
            relative = glob.removeprefix(f"{MODULE}/")
            shipped = set(fnmatch.filter(addon_files, relative))
            assert shipped, f"{bundle}: nothing matches {glob}"
            assert _repo_files(relative) <= shipped, glob


def test_python_packages_translations_and_static(addon_files):
    for package in ("models", "wizards", "reports", "controllers", "tests"):
        expected = _repo_files(f"{package}/*.py")
        assert f"{package}/__init__.py" in expected
        assert expected <= addon_files, sorted(expected - addon_files)
    po_files = _repo_files("i18n/*.po") | _repo_files("i18n/*.pot")
    assert {"i18n/da.po", "i18n/fi.po", "i18n/nb.po", "i18n/sv.po"} <= po_files
    assert po_files <= addon_files, sorted(po_files - addon_files)
    static = _repo_files("static/**/*")
    assert "static/description/index.html" in static
    assert static <= addon_files, sorted(static - addon_files)


def test_the_engine_and_its_reference_data(addon_files):
    engine = _repo_files("nordic_closing/**/*.py")
    assert {"nordic_closing/__init__.py", "nordic_closing/__main__.py"} <= engine
    assert engine <= addon_files, sorted(engine - addon_files)
    assert {
        "data/nordic.stock.account.mapping.csv",
        "data/k1_stock_threshold.csv",
    } <= addon_files


def test_nothing_of_a_work_tree(addon_files):
    leaked = {
        path
        for path in addon_files
        if WORK_TREE_ONLY & set(path.split("/")) or path.endswith((".pyc", ".pyo"))
    }
    assert not leaked, sorted(leaked)
    # whool leaves out its own configuration
    assert not {"pyproject.toml", "PKG-INFO"} & addon_files


def test_the_files_are_those_git_tracks(addon_files):
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if tracked.returncode:
        pytest.skip("not a git checkout")
    expected = set(tracked.stdout.split()) - {"pyproject.toml"}
    assert addon_files == expected, {
        "missing": sorted(expected - addon_files),
        "extra": sorted(addon_files - expected),
    }


def test_the_engine_runs_from_the_installed_layout(wheel, tmp_path):
    """The engine reads its mapping from the wheel's data/ and closes a sample
    company as it does from the checkout."""
    wheel.extractall(tmp_path)
    addon = tmp_path / PREFIX
    args = [
        "-m",
        "nordic_closing",
        "close",
        "--country",
        "NO",
        "--date",
        "2025-12-31",
        "--moves",
        "sample_data/no_moves.csv",
        "--balances",
        "sample_data/no_balances.csv",
        "--nrv",
        "sample_data/no_nrv.csv",
        "--json",
    ]
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}

    def close(cwd):
        run = subprocess.run(
            [sys.executable, *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        return json.loads(run.stdout)

    mapping = subprocess.run(
        [
            sys.executable,
            "-c",
            "import nordic_closing.reference as r; print(r.MAPPING_FILE)",
        ],
        cwd=addon,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(mapping.stdout.strip()) == (
        addon.resolve() / "data" / "nordic.stock.account.mapping.csv"
    )
    from_wheel = close(addon)
    assert from_wheel["entry"], "no change-in-inventory entry"
    assert from_wheel == close(ROOT)
