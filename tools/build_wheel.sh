#!/usr/bin/env bash
# Build the OCA-style wheel odoo-addon-l10n_nordic_stock_closing with whool.
#
# Usage: tools/build_wheel.sh [OUTDIR]      (default out/dist)
# Prints the wheel's path as the last line of its standard output.
#
# whool (the build backend of OCA's 18.0 addons, [build-system] in pyproject.toml)
# packages the files that git tracks in the addon directory, under
# odoo/addons/<addon>/, and names the distribution after THAT DIRECTORY: it has no
# option for the addon's name. A repository whose root is the addon is supported
# as it is (`pip wheel --no-deps .` in a checkout named l10n_nordic_stock_closing),
# but a clone under another name (CI's, a git worktree) would give a wheel named
# after the clone. So this script builds from a temporary git clone named after the
# module, at the same commit, with the same staged and unstaged changes as the
# checkout: the same files and the same version (the manifest's, plus whool's ".N"
# commits since the version last changed) as whool gives in a well-named checkout.
#
# Environment:
#   PYTHON   python with whool (default .venv/bin/python, see requirements-dev.txt);
#            built with --no-build-isolation so the pinned whool is the one used.
set -euo pipefail

MODULE=l10n_nordic_stock_closing
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
OUT=${1:-$REPO_ROOT/out/dist}
PYTHON=${PYTHON:-$REPO_ROOT/.venv/bin/python}

die() { printf '[wheel] ERROR: %s\n' "$*" >&2; exit 1; }

git -C "$REPO_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1 \
    || die "$REPO_ROOT is not a git checkout: whool packages the files git tracks"
[ "$(git -C "$REPO_ROOT" rev-parse --show-toplevel)" = "$REPO_ROOT" ] \
    || die "the addon must be the root of its git repository"
"$PYTHON" -c 'import whool.buildapi' 2>/dev/null \
    || die "$PYTHON cannot import whool (make installs it into .venv from requirements-dev.txt)"

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

SRC="$WORK/$MODULE"
git clone --quiet --no-checkout "$REPO_ROOT" "$SRC"
git -C "$SRC" checkout --quiet --detach "$(git -C "$REPO_ROOT" rev-parse HEAD)"
# Staged changes go to the clone's index, unstaged ones to its work tree only, as
# whool counts unstaged changes (git diff) as uncommitted.
git -C "$REPO_ROOT" diff --cached --binary | git -C "$SRC" apply --index --allow-empty
git -C "$REPO_ROOT" diff --binary | git -C "$SRC" apply --allow-empty

rm -f "$OUT"/odoo_addon_"$MODULE"-*.whl
(cd "$SRC" && "$PYTHON" -m pip --disable-pip-version-check wheel --quiet \
    --no-deps --no-build-isolation --wheel-dir "$OUT" .) >&2

shopt -s nullglob
wheels=("$OUT"/odoo_addon_"$MODULE"-*.whl)
[ ${#wheels[@]} -eq 1 ] || die "expected one odoo_addon_$MODULE wheel in $OUT, found ${#wheels[@]}"
printf '[wheel] built %s\n' "${wheels[0]#"$REPO_ROOT"/}" >&2
echo "${wheels[0]}"
