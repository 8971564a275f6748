"""What an auditor has of a closing, as plain JSON-able data: read the same way by
every released version of the addon (only fields 18.0.1.0.0 already stored), before
and after an update (tools/upgrade/before.py, after.py)."""

import hashlib
import re

from lxml import html

CLOSING_FIELDS = (
    "name",
    "state",
    "date",
    "fiscal_year_start",
    "framework",
    "rule_97",
    "rule_97_chosen",
    # (Sweden's tax view, rule_97_main_value/alternative_value: 18.0.1.0.0 stored it
    # only when the rule was booked and computed it when printing; the summary's
    # amounts below are what an auditor reads of it)
    "selling_cost_percent",
    "obsolescence_bands",
    "acquisition_value",
    "write_down",
    "closing_value",
    "notes",
)
LINE_FIELDS = (
    "inventory_class",
    "quantity",
    "acquisition_value",
    "opening_quantity",
    "opening_value",
    "purchases",
    "last_movement",
    "net_realisable_value",
    "nrv_source",
    "write_down",
    "write_down_reason",
    "value",
)
CLASS_FIELDS = (
    "inventory_class",
    "opening_value",
    "purchases",
    "closing_acquisition_value",
    "write_down",
    "closing_value",
    "cost_of_goods_sold",
    "change",
    "ledger_balance",
    "ledger_difference",
    "tax_value",
)
CLASS_ACCOUNTS = ("inventory_account_id", "contra_account_id", "change_account_id")
ENTRY_FIELDS = ("sequence", "name", "debit", "credit", "inventory_class")
REPORTS = (
    "l10n_nordic_stock_closing.action_report_nordic_count_list",
    "l10n_nordic_stock_closing.action_report_nordic_closing_summary",
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: an amount as the documents print it (1 234,50 / 1,234.50 / 1.234,50)
AMOUNT = re.compile(r"-?\d{1,3}(?:[ \u00a0\u202f.,]\d{3})*[.,]\d{2}(?!\d)")


def _value(value):
    if hasattr(value, "_name"):
        return value.display_name or False
    if isinstance(value, float):
        return round(value, 2)
    return value if value is not None else False


def _read(record, fnames):
    return {fname: _value(record[fname]) for fname in fnames}


def _code(company, account):
    return account.with_company(company).code or False


def _move(company, move):
    if not move:
        return False
    return {
        "name": move.name,
        "date": str(move.date),
        "state": move.state,
        "ref": move.ref or False,
        "lines": sorted(
            (_code(company, line.account_id), line.name or "", line.debit, line.credit)
            for line in move.line_ids
        ),
    }


def workbook_attachment(env, closing):
    """The workbook a closing had attached when it was posted (every version
    attaches it to the closing as an XLSX; the newest is the one posting wrote)."""
    return (
        env["ir.attachment"]
        .sudo()
        .search(
            [
                ("res_model", "=", closing._name),
                ("res_id", "=", closing.id),
                ("mimetype", "=", XLSX),
            ],
            order="id desc",
            limit=1,
        )
    )


def document_amounts(env, report, closing):
    """The amounts a report prints for ``closing`` (its HTML, what the PDF shows),
    as a sorted list of texts."""
    content, _kind = env["ir.actions.report"]._render_qweb_html(report, closing.ids)
    text = html.fromstring(content).text_content()
    return sorted(AMOUNT.findall(text))


def closing_evidence(env, closing):
    company = closing.company_id
    attachment = workbook_attachment(env, closing)
    layers = {}
    for layer in closing.valuation_layer_ids:
        code = layer.product_id.default_code
        layers[code] = round(layers.get(code, 0.0) + layer.value, 2)
    return {
        "id": closing.id,
        "company": company.name,
        "closing": _read(closing, CLOSING_FIELDS)
        | {"journal": closing.journal_id.code or False},
        "lines": sorted(
            [line.product_id.default_code, _read(line, LINE_FIELDS)]
            for line in closing.line_ids
        ),
        "classes": sorted(
            [
                cls.inventory_class,
                _read(cls, CLASS_FIELDS)
                | {f: _code(company, cls[f]) for f in CLASS_ACCOUNTS},
            ]
            for cls in closing.class_ids
        ),
        "entry": sorted(
            [
                line.sequence,
                _read(line, ENTRY_FIELDS)
                | {"account": _code(company, line.account_id)},
            ]
            for line in closing.entry_line_ids
        ),
        "move": _move(company, closing.move_id),
        "reversal_move": _move(company, closing.reversal_move_id),
        "layers": layers,
        "workbook": {
            "id": attachment.id,
            "name": attachment.name,
            "sha256": hashlib.sha256(attachment.raw or b"").hexdigest(),
            "size": len(attachment.raw or b""),
        },
        "documents": {
            report: document_amounts(env, report, closing) for report in REPORTS
        },
    }
