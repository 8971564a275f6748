"""The "no quadratic plan" check of the Odoo benchmark (see bench_odoo.py).

``capture()`` records, while the closing is computed, every SQL statement that
reads the valuation layers or the closing's temporary row table (and the
``set_config`` calls that tune them); ``explain()`` then replays them in order
inside a savepoint with ``EXPLAIN (ANALYZE, FORMAT JSON)`` (a ``CREATE TEMPORARY
TABLE ... AS`` as it is, so that the table exists for the statements that read it;
the SELECT of a ``DECLARE ... CURSOR``; ``set_config`` and ``DROP`` run as they
are) and reports every Nested Loop whose inner side (its second child) is a CTE
Scan or Seq Scan, or a Materialize of anything (read again on every loop), of more
than 1,000 rows, estimated or actual: the plans that grow with the square of the
data.
"""

import contextlib
import json
import re

WATCHED = ("stock_valuation_layer", "nordic_rows")
LIMIT = 1000
# EXPLAIN takes a CREATE TABLE ... AS (and with ANALYZE creates the table, which
# later statements read), not a DECLARE: its SELECT is explained
INNER = re.compile(
    r"^\s*DECLARE\s+\S+(?:\s+NO)?(?:\s+SCROLL)?\s+CURSOR(?:\s+WITH(?:OUT)?\s+HOLD)?"
    r"\s+FOR\s+",
    re.IGNORECASE,
)


@contextlib.contextmanager
def capture(statements):
    """Append to ``statements`` the watched statements run in the block, as sent
    (with their parameters)."""
    from odoo import sql_db  # noqa: PLC0415
    from odoo.tools import SQL  # noqa: PLC0415

    original = sql_db.Cursor.execute

    def execute(self, query, params=None, log_exceptions=True):
        code, args = (
            (query.code, query.params)
            if isinstance(query, SQL)
            else (
                query,
                params,
            )
        )
        if any(word in code for word in WATCHED) or "set_config" in code:
            statements.append(self._obj.mogrify(code, args).decode())
        return original(self, query, params, log_exceptions)

    sql_db.Cursor.execute = execute
    try:
        yield statements
    finally:
        sql_db.Cursor.execute = original


def _walk(node, findings, nodes):
    children = node.get("Plans", [])
    loops = node.get("Actual Loops", 1)
    total = node.get("Actual Total Time", 0) * loops
    inner_total = sum(
        c.get("Actual Total Time", 0) * c.get("Actual Loops", 1) for c in children
    )
    nodes.append((total - inner_total, node))
    if node.get("Node Type") == "Nested Loop" and len(children) > 1:
        inner = children[1]
        # a Materialize keeps its rows to read them all again on every loop: as
        # quadratic as a scan, whatever it materializes (e.g. a join of layers)
        materialized = inner.get("Node Type") == "Materialize"
        # the rows read on the inner side over all loops (a Materialize's own)
        rows = inner.get("Actual Rows", 0) * inner.get("Actual Loops", 1)
        loops = inner.get("Actual Loops", 1)
        if materialized and inner.get("Plans"):
            inner = inner["Plans"][0]
        if (materialized or inner.get("Node Type") in ("CTE Scan", "Seq Scan")) and (
            inner.get("Plan Rows", 0) > LIMIT or rows > LIMIT
        ):
            findings.append(
                f"Nested Loop (join {node.get('Join Type')}) over "
                f"{'Materialize of ' if materialized else ''}{_name(inner)}: "
                f"{inner.get('Plan Rows')} rows estimated, "
                f"{rows:.0f} read over {loops} loops"
            )
    for child in children:
        _walk(child, findings, nodes)


def _name(node):
    what = node.get("CTE Name") or node.get("Relation Name") or ""
    alias = node.get("Alias")
    label = node.get("Node Type", "?")
    if what:
        label += f" {what}"
    if alias and alias != what:
        label += f" ({alias})"
    return label


def _label(statement):
    text = " ".join(statement.split())
    if len(text) <= 120:
        return text
    return f"{text[:60]} … {text[-55:]}"


def explain(cr, statements, dump=None):
    """Replay ``statements`` (rolled back): ``[(label, ms, worst node, findings,
    error)]``; each statement and its plan written to the folder ``dump`` if
    given."""
    report = []
    cr.execute("SAVEPOINT bench_explain")
    try:
        for statement in statements:
            stripped = statement.lstrip()
            head = stripped[:40].upper()
            if head.startswith(("FETCH", "CLOSE", "DROP")):
                if head.startswith("DROP"):
                    cr.execute(statement)
                continue
            if head.startswith("SELECT SET_CONFIG"):
                cr.execute(statement)  # the statements' own settings
                continue
            query = INNER.sub("", stripped, count=1)
            cr.execute("SAVEPOINT bench_explain_one")
            try:
                cr.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {query}")
                plan = cr.fetchone()[0]
                cr.execute("RELEASE SAVEPOINT bench_explain_one")
            except Exception as error:  # noqa: BLE001
                cr.execute("ROLLBACK TO SAVEPOINT bench_explain_one")
                report.append((_label(statement), 0, "", [], str(error).strip()))
                continue
            if isinstance(plan, str):
                plan = json.loads(plan)
            top = plan[0]
            findings, nodes = [], []
            _walk(top["Plan"], findings, nodes)
            worst_ms, worst = max(nodes, key=lambda item: item[0])
            worst_text = (
                f"{_name(worst)} {worst_ms:.0f} ms, "
                f"{worst.get('Actual Rows', 0) * worst.get('Actual Loops', 1):.0f} rows"
            )
            if worst.get("Plans"):  # what it joins or reads
                worst_text += (
                    " ["
                    + ", ".join(
                        f"{_name(c)} {c.get('Actual Rows', 0)} rows x "
                        f"{c.get('Actual Loops', 1)} loops"
                        for c in worst["Plans"]
                    )
                    + "]"
                )
            if dump:
                number = len(report) + 1
                with open(f"{dump}/statement{number:02d}.json", "w") as file:
                    json.dump({"statement": statement, "plan": plan}, file, indent=1)
            report.append(
                (
                    _label(statement),
                    top.get("Execution Time", 0),
                    worst_text,
                    findings,
                    None,
                )
            )
    finally:
        cr.execute("ROLLBACK TO SAVEPOINT bench_explain")
    return report
