#!/usr/bin/env bash
# Run the addon's Odoo tests on a throwaway database, through pytest-odoo (default)
# or Odoo's own test runner (ODOO_TEST_RUNNER=odoo).
#
# Odoo is only DETECTED, never fetched or installed: the machine's python3 (or
# $ODOO_PYTHON) must be able to `import odoo` (Odoo 18.0) with Odoo's requirements.
# When it cannot, the Odoo tests are skipped with a message and this script succeeds.
#
# Steps: find Odoo and its addons directories from the odoo package; start the
# local PostgreSQL cluster if it is down (Debian's pg_ctlcluster) and make sure
# the current user has a superuser role; create a fresh database; install
# l10n_nordic_stock_closing and its example addons (examples/) with l10n_no, l10n_se, l10n_dk, l10n_fi and the apps whose flows the
# tests run (purchase, sales, landed costs, manufacturing, dropshipping); run the tests;
# drop the database.
#
#   pytest runner: install the modules without tests (odoo -i ... --stop-after-init),
#       then `python3 -m pytest --odoo-database=DB --odoo-config=CONF --odoo-http
#       <addons>/l10n_nordic_stock_closing/tests` (pytest-odoo; --odoo-http starts
#       Odoo's HTTP server, which the tour and the XML-RPC tests use). The verdict is
#       pytest's summary ("N passed"), plus no ERROR record in Odoo's log.
#   odoo runner: install with --test-enable --test-tags=/l10n_nordic_stock_closing;
#       the verdict is Odoo's "odoo.tests.result" line and its log.
#
# Environment:
#   ODOO_PYTHON               python that imports Odoo (default: python3 on PATH, outside any venv)
#   ODOO_TEST_RUNNER          pytest or odoo (default: pytest when ODOO_PYTHON imports
#                             pytest_odoo, else odoo, saying so)
#   ODOO_TEST_TAGS            odoo runner: default /l10n_nordic_stock_closing and
#                             /l10n_nordic_stock_closing_example
#   ODOO_EXAMPLE_MODULES      default l10n_nordic_stock_closing_example: the example
#                             addons of examples/, installed and tested with the
#                             module (empty: none)
#   ODOO_PYTEST_ARGS          pytest runner: more pytest arguments (e.g. "-k tour -x")
#   ODOO_EXTRA_MODULES        default l10n_no,l10n_se,l10n_dk,l10n_fi,purchase_stock,sale_stock,
#                             stock_landed_costs,mrp,stock_dropshipping (the Odoo
#                             flows of tests/test_real_flows.py; a test class whose
#                             app is left out is skipped, naming it). They are not
#                             dependencies of the addon.
#   ODOO_TEST_LOG             default out/odoo_tests.log (full Odoo log)
#   ODOO_TESTS_ALLOW_EMPTY=1  do not fail when no test of the module ran
#   KEEP_DB=1                 keep the database (its name is printed)
#   ODOO_UPGRADE_TEST=0       skip the upgrade test (tools/upgrade/run.py: every release
#                             of migrations/releases.csv installed, closed and updated)
set -euo pipefail

MODULE=l10n_nordic_stock_closing
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT"

EXAMPLE_MODULES=${ODOO_EXAMPLE_MODULES-l10n_nordic_stock_closing_example}
DEFAULT_TAGS=/$MODULE
for example in ${EXAMPLE_MODULES//,/ }; do DEFAULT_TAGS+=",/$example"; done
TEST_TAGS=${ODOO_TEST_TAGS:-$DEFAULT_TAGS}
EXTRA_MODULES=${ODOO_EXTRA_MODULES:-l10n_no,l10n_se,l10n_dk,l10n_fi,purchase_stock,sale_stock,stock_landed_costs,mrp,stock_dropshipping}
LOG=${ODOO_TEST_LOG:-out/odoo_tests.log}

say() { printf '[odoo-tests] %s\n' "$*"; }
# Stop if the caller's "problems" array names any: say them, where the log is, and
# the verdict line $1 ("Odoo: ..."), then exit 1.
fail_on_problems() {
    [ ${#problems[@]} -eq 0 ] && return 0
    say "FAILED: $(printf '%s; ' "${problems[@]}" | sed 's/; $//')"
    say "full log: $LOG"
    echo "$1"
    exit 1
}
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
    echo "Odoo 18.0 is not importable with $ODOO_PYTHON: the Odoo tests were SKIPPED (the engine tests and the wheel check need no Odoo)"
    exit 0
fi
ODOO_VERSION=$("$ODOO_PYTHON" -c 'from odoo import release; print(release.version)')
say "Odoo $ODOO_VERSION found in $ODOO_PKG ($("$ODOO_PYTHON" -c 'import sys; print(sys.executable)'))"

# The addon's external dependency and Odoo requirements the engine uses.
"$ODOO_PYTHON" -c 'import xlsxwriter, openpyxl, psycopg2' 2>/dev/null \
    || die "$ODOO_PYTHON imports odoo but not xlsxwriter/openpyxl/psycopg2: install Odoo's requirements.txt"
# Odoo's HttpCase drives Chromium through websocket-client; without it the tour is
# silently skipped, so refuse to run instead.
"$ODOO_PYTHON" -c 'import websocket' 2>/dev/null \
    || die "$ODOO_PYTHON imports odoo but not websocket (pip install websocket-client): the tour would be skipped"

# Which runner: pytest-odoo when the same python has it, else Odoo's own.
RUNNER=${ODOO_TEST_RUNNER:-}
HAS_PYTEST_ODOO=0
"$ODOO_PYTHON" -c 'import pytest, pytest_odoo' 2>/dev/null && HAS_PYTEST_ODOO=1
case "$RUNNER" in
    "")
        if [ "$HAS_PYTEST_ODOO" = 1 ]; then
            RUNNER=pytest
        else
            RUNNER=odoo
            say "pytest-odoo is not importable with $ODOO_PYTHON: using Odoo's own test runner (pip install pytest-odoo for the pytest run)"
        fi
        ;;
    pytest)
        [ "$HAS_PYTEST_ODOO" = 1 ] \
            || die "ODOO_TEST_RUNNER=pytest but $ODOO_PYTHON cannot import pytest_odoo (pip install pytest-odoo)"
        ;;
    odoo) ;;
    *) die "ODOO_TEST_RUNNER must be pytest or odoo, not '$RUNNER'" ;;
esac

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
# The example addons (examples/, never installed with the module elsewhere) beside it.
EXAMPLE_TESTS=()
for example in ${EXAMPLE_MODULES//,/ }; do
    [ -f "$REPO_ROOT/examples/$example/__manifest__.py" ] || die "no example addon examples/$example"
    ln -s "$REPO_ROOT/examples/$example" "$WORK/addons/$example"
    EXAMPLE_TESTS+=("$WORK/addons/$example/tests")
done
INSTALL=$MODULE${EXAMPLE_MODULES:+,$EXAMPLE_MODULES},$EXTRA_MODULES
ODOO_ADDONS_PATH=$ADDONS_PATH
ADDONS_PATH="$ADDONS_PATH,$WORK/addons"

HTTP_PORT=$("$ODOO_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

mkdir -p "$(dirname "$LOG")"
: >"$LOG"

# The whole configuration in one file, read by both `odoo` runs and by pytest-odoo.
CONF="$WORK/odoo.conf"
cat >"$CONF" <<CONF
[options]
addons_path = $ADDONS_PATH
data_dir = $WORK/data
db_name = $DB
http_interface = 127.0.0.1
http_port = $HTTP_PORT
max_cron_threads = 0
without_demo = all
CONF

say "database $DB, addons path $ADDONS_PATH"

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
# ERROR/CRITICAL records of a log file other than Odoo's test result line (a failing
# test logs one too) and, with pytest-odoo, the one record that pytest-odoo itself
# causes: it imports odoo.tests before its fixtures switch test mode on (setting
# test_enable for the whole run would make loading the registry run every module's
# at_install tests), so odoo.tests.common logs "Importing test framework, avoid
# importing from business modules and when not running in test mode" once.
PYTEST_ODOO_IMPORT_RECORD='odoo\.tests\.common: Importing test framework, avoid importing from business modules'
error_records() {
    grep -E "^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) " "$1" \
        | grep -v "odoo\.tests\.result: " | grep -Ev "${2:-^$}" || true
}
count_error_records() {
    error_records "$@" | grep -c . || true
}

# --- 4a. pytest-odoo ------------------------------------------------------------------------
run_pytest() {
    local install_log="$WORK/install.log" pytest_log="$WORK/pytest.log" test_log="$WORK/odoo_pytest.log"
    local start elapsed install_rc pytest_rc summary problems=()
    local passed failed errors skipped install_errors test_errors

    say "installing $INSTALL without tests (full log: $LOG)"
    start=$(date +%s)
    set +e
    TZ=UTC "$ODOO_PYTHON" -m odoo --config="$CONF" \
        --init="$INSTALL" --stop-after-init --log-level=info \
        </dev/null 2>&1 | tee "$install_log" | filter_log
    install_rc=${PIPESTATUS[0]}
    set -e
    cat "$install_log" >>"$LOG"
    install_errors=$(count_error_records "$install_log")
    [ "$install_rc" -eq 0 ] || problems+=("the installation exited with status $install_rc")
    [ "$install_errors" -eq 0 ] || problems+=("$install_errors ERROR/CRITICAL log record(s) while installing")
    fail_on_problems "Odoo: the tests did not run (see above)"
    say "installed in $(($(date +%s) - start))s"

    # pytest collects the tests through the module's name under the temporary addons
    # directory, so pytest-odoo imports them as odoo.addons.$MODULE.tests.*; Odoo's log
    # of the run goes to a file (pytest keeps its own output readable).
    say "pytest-odoo: $ODOO_PYTHON -m pytest --odoo-database=$DB --odoo-config=$CONF --odoo-http $WORK/addons/$MODULE/tests ${EXAMPLE_TESTS[*]}"
    start=$(date +%s)
    set +e
    # shellcheck disable=SC2086 # ODOO_PYTEST_ARGS is a list of words
    (cd "$WORK" && TZ=UTC "$ODOO_PYTHON" -m pytest \
        -p no:cacheprovider --rootdir="$WORK/addons/$MODULE" \
        --odoo-database="$DB" --odoo-config="$CONF" --odoo-http \
        --odoo-log-level=info --odoo-extra="logfile=$test_log" \
        -q -rfEs ${ODOO_PYTEST_ARGS:-} "$WORK/addons/$MODULE/tests" "${EXAMPLE_TESTS[@]}" </dev/null) 2>&1 | tee "$pytest_log"
    pytest_rc=${PIPESTATUS[0]}
    set -e
    elapsed=$(($(date +%s) - start))
    touch "$test_log"
    cat "$test_log" >>"$LOG"
    test_errors=$(count_error_records "$test_log" "$PYTEST_ODOO_IMPORT_RECORD")
    if [ "$test_errors" -gt 0 ]; then
        say "ERROR records in Odoo's log during the tests (tracebacks in $LOG):"
        error_records "$test_log" "$PYTEST_ODOO_IMPORT_RECORD"
    fi

    # pytest's closing line, e.g. "95 passed, 2 skipped, 3 warnings in 301.20s".
    # (none, e.g. "170 deselected": no line, said below; grep's status must not stop us)
    summary=$({ grep -E '(passed|failed|error|errors|skipped|no tests ran).* in [0-9.]+s' "$pytest_log" || true; } | tail -1 | sed -E 's/^=+ //; s/ =+$//')
    count() { sed -nE "s/.*\b([0-9]+) $1\b.*/\1/p" <<<"$summary" | head -1; }
    passed=$(count passed); failed=$(count failed); errors=$(count 'errors?'); skipped=$(count skipped)
    passed=${passed:-0} failed=${failed:-0} errors=${errors:-0} skipped=${skipped:-0}

    [ "$pytest_rc" -eq 0 ] || problems+=("pytest exited with status $pytest_rc")
    [ -n "$summary" ] || problems+=("no pytest summary line")
    [ $((failed + errors)) -eq 0 ] || problems+=("$failed failed, $errors error(s)")
    [ "$test_errors" -eq 0 ] || problems+=("$test_errors ERROR/CRITICAL log record(s) during the tests")
    if grep -q "because it is an HttpCase and --odoo-http is not set" "$pytest_log"; then
        problems+=("HttpCase tests skipped: Odoo's HTTP server was not started")
    fi
    if [ "$passed" -eq 0 ] && [ "${ODOO_TESTS_ALLOW_EMPTY:-0}" != "1" ]; then
        problems+=("no test of $MODULE passed")
    fi

    say "Odoo $ODOO_VERSION, $MODULE through pytest-odoo: ${summary:-no summary} (exit status $pytest_rc, ${elapsed}s)"
    fail_on_problems "Odoo: $passed passed, $((failed + errors)) failed, $skipped skipped"
    echo "Odoo: $passed passed, 0 failed, $skipped skipped"
}

# --- 4b. Odoo's own test runner ---------------------------------------------------------------
run_odoo() {
    local start elapsed odoo_rc result failed=0 errors=0 total=0 skipped error_records passed problems=()

    say "installing $INSTALL and running tests tagged $TEST_TAGS with Odoo's runner (full log: $LOG)"
    start=$(date +%s)
    set +e
    TZ=UTC "$ODOO_PYTHON" -m odoo --config="$CONF" \
        --init="$INSTALL" \
        --test-enable \
        --test-tags="$TEST_TAGS" \
        --stop-after-init \
        --log-level=info \
        </dev/null 2>&1 | tee "$LOG" | filter_log
    odoo_rc=${PIPESTATUS[0]}
    set -e
    elapsed=$(($(date +%s) - start))

    # "odoo.tests.result: F failed, E error(s) of N tests when loading database '...'"
    result=$(grep -E "odoo\.tests\.result: [0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests" "$LOG" | tail -1 || true)
    if [ -n "$result" ]; then
        read -r failed errors total < <(sed -E 's/.*odoo\.tests\.result: ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<<"$result")
    fi
    skipped=$(grep -cE "^[0-9-]+ [0-9:,]+ [0-9]+ INFO [^ ]+ odoo\.addons\.$MODULE\.[^ ]*: skipped " "$LOG" || true)
    error_records=$(count_error_records "$LOG")
    passed=$((total - failed - errors - skipped))
    [ "$passed" -ge 0 ] || passed=0

    [ "$odoo_rc" -eq 0 ] || problems+=("Odoo exited with status $odoo_rc")
    [ -n "$result" ] || problems+=("no test result line in the log")
    [ $((failed + errors)) -eq 0 ] || problems+=("$failed failed, $errors error(s)")
    [ "$error_records" -eq 0 ] || problems+=("$error_records ERROR/CRITICAL log record(s)")
    if [ -n "$result" ] && [ "$total" -eq 0 ] && [ "${ODOO_TESTS_ALLOW_EMPTY:-0}" != "1" ]; then
        problems+=("Odoo ran no test of $MODULE")
    fi

    say "Odoo $ODOO_VERSION, $MODULE: $total tests, $failed failed, $errors error(s), $skipped skipped, in ${elapsed}s (exit status $odoo_rc)"
    if [ -n "$result" ]; then
        fail_on_problems "Odoo: $passed passed, $((failed + errors)) failed, $skipped skipped"
    else
        fail_on_problems "Odoo: the tests did not run (see above)"
    fi
    echo "Odoo: $passed passed, 0 failed, $skipped skipped"
}

if [ "$RUNNER" = pytest ]; then run_pytest; else run_odoo; fi

# --- 5. The upgrade test: each released version updated to this checkout -------------------
# (migrations/releases.csv; tools/upgrade/run.py says how). Needs the commits of the
# releases: a clone with its history.
if [ "${ODOO_UPGRADE_TEST:-1}" = "1" ]; then
    say "upgrade test: tools/upgrade/run.py (ODOO_UPGRADE_TEST=0 skips it; log: out/upgrade_tests.log)"
    "$ODOO_PYTHON" tools/upgrade/run.py "$ODOO_ADDONS_PATH" \
        || { echo "Upgrade: 0 passed, 1 failed"; exit 1; }
fi
