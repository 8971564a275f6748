"""The upgrade test: every released version of the addon updated to this checkout.

For each release in migrations/releases.csv older than the manifest's version: its
files from its commit (``git archive``, so a clone with its history is needed) are
installed with Odoo's apps and charts into a throwaway database; before.py builds
stock through Odoo's flows and posts (and reverses) closings with the release's own
code; the database is updated to this checkout (``-u l10n_nordic_stock_closing``);
after.py checks that every posted closing's evidence is as it was. The database is
dropped afterwards (unless KEEP_DB=1).

Run by tools/run_odoo_tests.sh (``make test``) with the python that imports Odoo,
PostgreSQL running and the current user a superuser:

    python3 tools/upgrade/run.py ODOO_ADDONS_PATH [VERSION ...]
"""

import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MODULE = "l10n_nordic_stock_closing"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
APPS = "purchase_stock,sale_stock,stock_landed_costs"
CHARTS = "l10n_no,l10n_se,l10n_dk,l10n_fi"


def say(text):
    print(f"[upgrade-test] {text}", flush=True)


def manifest_version():
    manifest = (ROOT / "__manifest__.py").read_text(encoding="utf-8")
    return eval(manifest)["version"]  # noqa: S307 - our own manifest, a dict literal


def releases():
    """``[(version, commit)]`` of the released versions older than this checkout."""
    current = tuple(int(part) for part in manifest_version().split("."))
    with open(ROOT / "migrations" / "releases.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        (row["version"], row["commit"])
        for row in rows
        if row["commit"] and tuple(int(p) for p in row["version"].split(".")) < current
    ]


def run(args, log, **kwargs):
    """Run ``args``, its output appended to ``log``; the output, or exit naming the
    step and the log."""
    started = time.time()
    result = subprocess.run(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        env={**os.environ, "TZ": "UTC"},
        **kwargs,
    )
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(f"\n$ {' '.join(args)}\n{result.stdout}")
    errors = [
        line
        for line in result.stdout.splitlines()
        if " ERROR " in line or " CRITICAL " in line
    ]
    if result.returncode or errors:
        tail = "\n".join(result.stdout.splitlines()[-40:])
        say(f"FAILED ({result.returncode}, {len(errors)} error records): {args[2:5]}")
        print(tail)
        say(f"full log: {log}")
        raise SystemExit(1)
    say(
        f"  {' '.join(a for a in args[3:] if not a.startswith('--'))} … "
        f"{time.time() - started:.0f}s"
    )
    return result.stdout


def upgrade(version, commit, odoo_addons, work, log):
    old = work / version
    (old / MODULE).mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit],
        stdout=subprocess.PIPE,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(old / MODULE)], input=archive, check=True)
    new = work / "new"
    if not new.exists():
        new.mkdir()
        (new / MODULE).symlink_to(ROOT)
    db = f"nsc_upgrade_{version.replace('.', '_')}_{os.getpid()}"
    state = work / f"{version}.json"
    odoo = [sys.executable, "-m", "odoo"]
    base = [*odoo, f"--database={db}", "--without-demo=all"]
    env_vars = {"NSC_UPGRADE_STATE": str(state), "NSC_UPGRADE_TOOLS": str(HERE)}
    os.environ.update(env_vars)
    say(f"{version} ({commit}) → {manifest_version()} in database {db}")
    try:
        run(
            [
                *base,
                f"--addons-path={odoo_addons},{old}",
                f"--init={MODULE},{CHARTS},{APPS}",
                "--stop-after-init",
                "--log-level=warn",
            ],
            log,
        )
        shell = [*odoo, "shell", *base[3:], "--no-http", "--log-level=warn"]
        with open(HERE / "before.py", encoding="utf-8") as script:
            out = run([*shell, f"--addons-path={odoo_addons},{old}"], log, stdin=script)
        if "NSC-UPGRADE-BEFORE-OK" not in out:
            say(f"FAILED: before.py did not finish; full log: {log}")
            raise SystemExit(1)
        run(
            [
                *base,
                f"--addons-path={odoo_addons},{new}",
                f"--update={MODULE}",
                "--stop-after-init",
                "--log-level=warn",
            ],
            log,
        )
        with open(HERE / "after.py", encoding="utf-8") as script:
            out = run([*shell, f"--addons-path={odoo_addons},{new}"], log, stdin=script)
        if "NSC-UPGRADE-AFTER-OK" not in out:
            say(f"FAILED: after.py did not finish; full log: {log}")
            raise SystemExit(1)
        say(f"  {out.strip().splitlines()[-1]}")
    finally:
        if os.environ.get("KEEP_DB") != "1":
            subprocess.run(["dropdb", "--if-exists", db], check=False)


def main():
    odoo_addons = sys.argv[1]
    wanted = set(sys.argv[2:])
    todo = [(v, c) for v, c in releases() if not wanted or v in wanted]
    log = ROOT / "out" / "upgrade_tests.log"
    log.parent.mkdir(exist_ok=True)
    log.write_text("", encoding="utf-8")
    with tempfile.TemporaryDirectory() as work:
        for version, commit in todo:
            upgrade(version, commit, odoo_addons, Path(work), log)
    # the plain closing line CI reads: one "test" per released version updated
    print(f"Upgrade: {len(todo)} passed, 0 failed")


main()
