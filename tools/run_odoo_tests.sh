#!/usr/bin/env bash
# Run the addon's Odoo tests with Odoo's own test runner on a throwaway database.
#
# Odoo is only DETECTED, never fetched or installed: the machine's python3 (or
# $ODOO_PYTHON) must be able to `import odoo` (Odoo 18.0) with Odoo's requirements.
# When it cannot, the Odoo tests are skipped with a message and this script succeeds.
#
# Steps: find Odoo and its addons directories from the odoo package; start the
# local PostgreSQL cluster if it is down (Debian's pg_ctlcluster) and make sure
# the current user has a superuser role; create a fresh database; install
# l10n_nordic_stock_closing with l10n_no, l10n_se, l10n_dk, l10n_fi and the apps whose flows the
# tests run (purchase, sales, landed costs, manufacturing, dropshipping) and run
# the tests tagged /l10n_nordic_stock_closing; parse Odoo's log; drop the database.
#
# Environment:
#   ODOO_PYTHON               python that imports Odoo (default: python3 on PATH, outside any venv)
#   ODOO_TEST_TAGS            default /l10n_nordic_stock_closing
#   ODOO_EXTRA_MODULES        default l10n_no,l10n_se,l10n_dk,l10n_fi,purchase_stock,sale_stock,
#                             stock_landed_costs,mrp,stock_dropshipping (the Odoo
#                             flows of tests/test_real_flows.py; a test class whose
#                             app is left out is skipped, naming it). They are not
#                             dependencies of the addon.
#   ODOO_TEST_LOG             default out/odoo_tests.log (full Odoo log)
#   ODOO_TESTS_ALLOW_EMPTY=1  do not fail when Odoo ran no test of the module
#   KEEP_DB=1                 keep the database (its name is printed)
set -euo pipefail

MODULE=l10n_nordic_stock_closing
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"

TEST_TAGS=${ODOO_TEST_TAGS:-/$MODULE}
EXTRA_MODULES=${ODOO_EXTRA_MODULES:-l10n_no,l10n_se,l10n_dk,l10n_fi,purchase_stock,sale_stock,stock_landed_costs,mrp,stock_dropshipping}
LOG=${ODOO_TEST_LOG:-out/odoo_tests.log}

say() { printf '[odoo-tests] %s\n' "$*"; }
die() { printf '[odoo-tests] ERROR: %s\n' "$*" >&2; exit 1; }

# --- 1. Find Odoo with the machine's python3 (never the project's .venv) -------------
if [ -n "${VIRTUAL_ENV:-}" ]; then
    PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vxF "$VIRTUAL_ENV/bin" | paste -sd: -)
    unset VIRTUAL_ENV
fi
ODOO_PYTHON=${ODOO_PYTHON:-python3}

if ! ODOO_PKG=$("$ODOO_PYTHON" -c '
import os, odoo
from odoo import release
assert release.version_info[0] == 18, release.version
print(os.path.dirname(odoo.__file__))' 2>/dev/null); then
    echo "Odoo 18.0 is not importable with $ODOO_PYTHON: the Odoo tests were SKIPPED (engine tests ran)"
    exit 0
fi
ODOO_VERSION=$("$ODOO_PYTHON" -c 'from odoo import release; print(release.version)')
say "Odoo $ODOO_VERSION found in $ODOO_PKG ($("$ODOO_PYTHON" -c 'import sys; print(sys.executable)'))"

# The addon's external dependency and Odoo requirements the engine uses.
"$ODOO_PYTHON" -c 'import xlsxwriter, openpyxl, psycopg2' 2>/dev/null \
    || die "$ODOO_PYTHON imports odoo but not xlsxwriter/openpyxl/psycopg2: install Odoo's requirements.txt"

# Addons directories: odoo/addons (base) and, in a source checkout, <odoo>/../addons.
ADDONS_PATH="$ODOO_PKG/addons"
if [ -d "$(dirname "$ODOO_PKG")/addons/stock_account" ]; then
    ADDONS_PATH="$(dirname "$ODOO_PKG")/addons,$ADDONS_PATH"
fi

# --- 2. PostgreSQL --------------------------------------------------------------------
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    elif sudo -n true 2>/dev/null; then
        sudo -n -u postgres "$@"
    else
        return 1
    fi
}
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif sudo -n true 2>/dev/null; then sudo -n "$@"; else return 1; fi
}

if ! pg_isready -q 2>/dev/null; then
    command -v pg_lsclusters >/dev/null \
        || die "PostgreSQL is not running and Debian's postgresql-common is not installed"
    if [ -z "$(pg_lsclusters --no-header 2>/dev/null)" ]; then
        PG_VERSION=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)
        [ -n "$PG_VERSION" ] || die "no PostgreSQL server installed (apt-get install postgresql)"
        say "creating PostgreSQL cluster $PG_VERSION/main"
        as_root pg_createcluster "$PG_VERSION" main >/dev/null || die "cannot create a PostgreSQL cluster"
    fi
    # Start the cluster on $PGPORT (default 5432), else the newest one.
    PG_LINE=$(pg_lsclusters --no-header | awk -v p="${PGPORT:-5432}" '$3 == p {print $1, $2, $4; exit}')
    [ -n "$PG_LINE" ] || PG_LINE=$(pg_lsclusters --no-header | sort -k1,1V | tail -1 | awk '{print $1, $2, $4}')
    read -r PG_VERSION PG_CLUSTER PG_STATUS <<<"$PG_LINE"
    if [ "$PG_STATUS" != "online" ]; then
        say "starting PostgreSQL cluster $PG_VERSION/$PG_CLUSTER"
        as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start \
            || die "cannot start PostgreSQL $PG_VERSION/$PG_CLUSTER (run: pg_ctlcluster $PG_VERSION $PG_CLUSTER start)"
    fi
    for _ in $(seq 30); do pg_isready -q && break; sleep 1; done
    pg_isready -q || die "PostgreSQL did not become ready"
fi

if ! psql -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    say "creating PostgreSQL superuser role $(id -un)"
    as_postgres createuser --superuser "$(id -un)" \
        || die "cannot connect to PostgreSQL as $(id -un) nor create that role"
fi
psql -d postgres -Atqc 'select 1' >/dev/null || die "cannot connect to PostgreSQL as $(id -un)"

# --- 3. Throwaway database, addons dir, free HTTP port ----------------------------------
DB="nsc_test_$(date +%Y%m%d%H%M%S)_$$"
WORK=$(mktemp -d)
cleanup() {
    if [ "${KEEP_DB:-0}" = "1" ]; then
        say "database kept: $DB"
    else
        dropdb --if-exists "$DB" >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# A CI clone's directory is not named after the module: expose it under its name.
mkdir "$WORK/addons"
ln -s "$REPO_ROOT" "$WORK/addons/$MODULE"
ADDONS_PATH="$ADDONS_PATH,$WORK/addons"

HTTP_PORT=$("$ODOO_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

mkdir -p "$(dirname "$LOG")"
: >"$LOG"

say "database $DB, addons path $ADDONS_PATH"
say "installing $MODULE,$EXTRA_MODULES and running tests tagged $TEST_TAGS (full log: $LOG)"

# Show the test lines and every warning/error record (with its traceback) while running.
# (POSIX awk regexes without {n}: Debian's default awk is mawk.)
filter_log() {
    awk -v mod="$MODULE" '
        /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9:,]+ [0-9]+ [A-Z]+ / {
            show = ($4 ~ /^(WARNING|ERROR|CRITICAL)$/) || index($0, "odoo.tests") \
                || index($0, "odoo.addons." mod) \
                || ($0 ~ /odoo\.modules\.loading: (loading [0-9]+ modules|[0-9]+ modules loaded)/)
        }
        show { print; fflush() }
    '
}

START=$(date +%s)
set +e
TZ=UTC "$ODOO_PYTHON" -m odoo \
    --database="$DB" \
    --addons-path="$ADDONS_PATH" \
    --data-dir="$WORK/data" \
    --init="$MODULE,$EXTRA_MODULES" \
    --without-demo=all \
    --test-enable \
    --test-tags="$TEST_TAGS" \
    --stop-after-init \
    --http-port="$HTTP_PORT" \
    --max-cron-threads=0 \
    --log-level=info \
    </dev/null 2>&1 | tee "$LOG" | filter_log
ODOO_RC=${PIPESTATUS[0]}
set -e
ELAPSED=$(($(date +%s) - START))

# --- 4. Verdict from Odoo's exit status AND its log --------------------------------------
# "odoo.tests.result: F failed, E error(s) of N tests when loading database '...'"
RESULT=$(grep -E "odoo\.tests\.result: [0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests" "$LOG" | tail -1 || true)
FAILED=0 ERRORS=0 TOTAL=0
if [ -n "$RESULT" ]; then
    read -r FAILED ERRORS TOTAL < <(sed -E 's/.*odoo\.tests\.result: ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<<"$RESULT")
fi
SKIPPED=$(grep -cE "^[0-9-]+ [0-9:,]+ [0-9]+ INFO [^ ]+ odoo\.addons\.$MODULE\.[^ ]*: skipped " "$LOG" || true)
# ERROR/CRITICAL records other than the result line itself (a failing test logs one too).
ERROR_RECORDS=$(grep -E "^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) " "$LOG" | grep -vc "odoo\.tests\.result: " || true)
PASSED=$((TOTAL - FAILED - ERRORS - SKIPPED))
[ "$PASSED" -ge 0 ] || PASSED=0

problems=()
[ "$ODOO_RC" -eq 0 ] || problems+=("Odoo exited with status $ODOO_RC")
[ -n "$RESULT" ] || problems+=("no test result line in the log")
[ $((FAILED + ERRORS)) -eq 0 ] || problems+=("$FAILED failed, $ERRORS error(s)")
[ "$ERROR_RECORDS" -eq 0 ] || problems+=("$ERROR_RECORDS ERROR/CRITICAL log record(s)")
if [ -n "$RESULT" ] && [ "$TOTAL" -eq 0 ] && [ "${ODOO_TESTS_ALLOW_EMPTY:-0}" != "1" ]; then
    problems+=("Odoo ran no test of $MODULE")
fi

say "Odoo $ODOO_VERSION, $MODULE: $TOTAL tests, $FAILED failed, $ERRORS error(s), $SKIPPED skipped, in ${ELAPSED}s (exit status $ODOO_RC)"
if [ ${#problems[@]} -gt 0 ]; then
    say "FAILED: $(printf '%s; ' "${problems[@]}" | sed 's/; $//')"
    say "full log: $LOG"
    if [ -n "$RESULT" ]; then
        echo "Odoo: $PASSED passed, $((FAILED + ERRORS)) failed, $SKIPPED skipped"
    else
        echo "Odoo: the tests did not run (see above)"
    fi
    exit 1
fi
echo "Odoo: $PASSED passed, 0 failed, $SKIPPED skipped"
