"""Upgrade test, step 2: run in ``odoo shell`` of THIS checkout after
``-u l10n_nordic_stock_closing`` of a database that before.py filled.

Checks that every closing the released version posted or reversed is as it was
(every figure, the entry, the write-down layers, the as-posted workbook's bytes, the
amounts its count list and summary print), that what the new version stores was
derived from what was stored then (tax values, the link to the workbook, the
write-down accounts), that Download XLSX gives the as-posted workbook, that the
posted closings reverse cleanly and that a new closing of a reversed date computes
the same figures again. Writes NSC-UPGRADE-AFTER-OK, or raises naming the
difference.
"""

# ruff: noqa: F821 - ``env`` is the shell's
import json
import os
import sys
from collections import Counter

sys.path.insert(0, os.environ["NSC_UPGRADE_TOOLS"])
from evidence import closing_evidence, workbook_attachment  # noqa: E402

from odoo.addons.l10n_nordic_stock_closing.nordic_closing.frameworks import (  # noqa: E402
    get_framework,
)

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def compare(before, after, path):
    """Every value recorded before is the same after (new keys may be added); the
    documents print at least every amount they printed before (a newer layout may
    print more, e.g. the tax values)."""
    if path.endswith(".documents"):
        for report, amounts in before.items():
            # (a newer layout may show a write-down with its minus sign)
            missing = Counter(a.lstrip("-") for a in amounts) - Counter(
                a.lstrip("-") for a in after.get(report, [])
            )
            if missing:
                problems.append(f"{path}.{report}: no longer prints {sorted(missing)}")
    elif isinstance(before, dict):
        for key, value in before.items():
            if key not in after:
                problems.append(f"{path}.{key}: gone after the update")
            else:
                compare(value, after[key], f"{path}.{key}")
    elif isinstance(before, list) and before and isinstance(before[0], list):
        if len(before) != len(after):
            problems.append(f"{path}: {len(before)} rows before, {len(after)} after")
        for index, (old, new) in enumerate(zip(before, after, strict=False)):
            compare(old, new, f"{path}[{index}]")
    elif before != after:
        problems.append(f"{path}: {before!r} before, {after!r} after")


def check_derived(closing):
    """What the new version stores, derived from what the release stored."""
    name = f"{closing.company_id.name} {closing.name}"
    framework = get_framework(*closing.framework.split("_", 1))
    for line in closing.line_ids:
        expected = {"cost": line.acquisition_value, "book": line.value}.get(
            framework.tax_value
        )
        if expected is not None:
            check(
                abs(line.tax_value - expected) < 0.005,
                f"{name} {line.product_id.default_code}: tax value {line.tax_value}, "
                f"expected {expected} ({framework.tax_value})",
            )
    check(
        round(sum(closing.class_ids.mapped("tax_value")), 2)
        == round(sum(closing.line_ids.mapped("tax_value")), 2)
        or framework.tax_value != "cost",
        f"{name}: the classes' tax value differs from its lines'",
    )
    check(
        [(b["days"], float(b["percent"])) for b in closing.obsolescence_band_data or ()]
        == [
            (int(days), float(percent))
            for days, _, percent in (
                part.partition(":")
                for part in (closing.obsolescence_bands or "").split(",")
                if part
            )
        ],
        f"{name}: bands {closing.obsolescence_band_data} against "
        f"{closing.obsolescence_bands!r}",
    )
    for cls in closing.class_ids:
        check(
            cls.write_down_account_id,
            f"{name} {cls.inventory_class}: no write-down account",
        )
        check(
            abs(cls.temporary_difference - (cls.tax_value - cls.closing_value)) < 0.005,
            f"{name} {cls.inventory_class}: temporary difference "
            f"{cls.temporary_difference}, tax value {cls.tax_value}, closing value "
            f"{cls.closing_value}",
        )
    attachment = workbook_attachment(env, closing)
    check(
        closing.workbook_attachment_id == attachment,
        f"{name}: workbook link {closing.workbook_attachment_id} instead of "
        f"{attachment}",
    )
    action = closing.action_download_xlsx()
    # the addon's download route (18.0.1.4.0: the file's whole name) of that
    # very attachment
    check(
        action["url"] == f"/l10n_nordic_stock_closing/download/{attachment.id}",
        f"{name}: Download XLSX gives {action['url']}",
    )


def check_reversal(closing, evidence):
    """The posted closing reverses: the entry mirrored, the layers undone, and a
    new closing of the date computes the figures that were posted."""
    name = f"{closing.company_id.name} {closing.name}"
    closing.action_reverse()
    check(closing.state == "reversed", f"{name}: {closing.state} after Reverse")
    move, reversal = closing.move_id, closing.reversal_move_id
    check(reversal.state == "posted", f"{name}: reversal entry not posted")
    mirrored = sorted(
        (line.account_id.id, line.credit, line.debit) for line in move.line_ids
    )
    check(
        mirrored
        == sorted(
            (line.account_id.id, line.debit, line.credit) for line in reversal.line_ids
        ),
        f"{name}: the reversal does not mirror the entry",
    )
    check(
        abs(sum(closing.valuation_layer_ids.mapped("value"))) < 0.005,
        f"{name}: write-down layers not undone",
    )
    again = env["nordic.stock.closing"].prepare(closing.company_id.id, closing.date)
    check(again != closing and again.state == "computed", f"{name}: no new closing")
    for fname in ("acquisition_value", "write_down", "closing_value"):
        check(
            abs(again[fname] - evidence["closing"][fname]) < 0.005,
            f"{name}: new closing {fname} {again[fname]} against "
            f"{evidence['closing'][fname]} posted",
        )
    for cls in again.class_ids:
        old = dict(evidence["classes"])[cls.inventory_class]
        check(
            abs(cls.opening_value - old["opening_value"]) < 0.005,
            f"{name} {cls.inventory_class}: opening {cls.opening_value} against "
            f"{old['opening_value']}",
        )


def main():
    with open(os.environ["NSC_UPGRADE_STATE"], encoding="utf-8") as handle:
        state = json.load(handle)
    Closing = env["nordic.stock.closing"]
    for before in state["closings"]:
        closing = Closing.browse(before["id"])
        after = json.loads(json.dumps(closing_evidence(env, closing), default=str))
        compare(before, after, f"{before['company']} {before['closing']['name']}")
        check_derived(closing)
    for before in state["closings"]:
        closing = Closing.browse(before["id"])
        if closing.state == "posted":
            check_reversal(closing, before)
    env.cr.rollback()
    if problems:
        print("NSC-UPGRADE-AFTER-FAILED")
        for problem in problems:
            print(f"  {problem}")
        raise SystemExit(1)
    print(f"NSC-UPGRADE-AFTER-OK {len(state['closings'])} closings")


main()
