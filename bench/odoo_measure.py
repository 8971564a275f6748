"""The measurements A to I of the Odoo benchmark and its check (see bench_odoo.py).

``measure`` runs them on a generated company, in the transaction of its cursor
(the caller rolls it back): C, B (its statements captured for the EXPLAIN check of
bench_explain.py), D, then F to I in a savepoint rolled back, E in another, then A
and the check of B against A (``compare``).
"""

import os
import resource
import shutil
import statistics
import time
from datetime import date, datetime

from bench_explain import capture, explain
from odoo_form import arch_spec, form_spec

CLOSING_DATE = date(2025, 12, 31)
# end of 2025-12-31 in Oslo (UTC+1); bench layers are stamped 06:00-18:00 UTC
TO_DATETIME = datetime(2025, 12, 31, 22, 59, 59)


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(steps, name, function):
    start = time.perf_counter()
    result = function()
    steps[name] = {"seconds": time.perf_counter() - start, "peak_mb": peak_mb()}
    seconds, peak = steps[name]["seconds"], steps[name]["peak_mb"]
    print(f"  {name}: {seconds:8.2f} s   peak {peak:7.0f} MB", flush=True)
    return result


def measure_a(env, company):
    """Odoo 18's valuation at a date, batched like its stock valuation report."""
    Product = (
        env["product.product"].with_company(company).with_context(to_date=TO_DATETIME)
    )
    ids = Product.search(
        [("company_id", "=", company.id), ("is_storable", "=", True)], order="id"
    ).ids
    values = {}
    for start in range(0, len(ids), 1000):
        for product in Product.browse(ids[start : start + 1000]):
            values[product.id] = (product.value_svl, product.quantity_svl)
        env.invalidate_all()
    return values


def measure_c(env, company):
    env.cr.execute(
        """
SELECT product_id, SUM(quantity), SUM(value) FROM stock_valuation_layer
 WHERE company_id = %s AND create_date <= %s GROUP BY product_id
        """,
        (company.id, TO_DATETIME),
    )
    return env.cr.fetchall()


def measure_b(env, company):
    closing = env["nordic.stock.closing"].create(
        {"company_id": company.id, "date": CLOSING_DATE}
    )
    closing.action_compute()
    env.flush_all()
    return closing


def compare(env, closing, odoo_values):
    """B against A per product: ``(mismatches, {kind: [products, equal, within
    0.01]}, closing lines)``. AVCO and standard products must be equal; FIFO
    products (rebuilt from the receipts at the date) and products valued by lot
    (replayed lot by lot) within 0.01; every quantity equal."""
    env.cr.execute(
        "SELECT product_id, quantity, acquisition_value FROM nordic_stock_closing_line "
        "WHERE closing_id = %s",
        (closing.id,),
    )
    closing_values = {pid: (qty, value) for pid, qty, value in env.cr.fetchall()}
    env.cr.execute(
        """
SELECT p.id, COALESCE(c.property_cost_method->>%s, 'standard'),
       COALESCE(t.lot_valuated, false),
       EXISTS (SELECT 1 FROM stock_move m
                 JOIN stock_location l ON l.id = m.location_dest_id
                WHERE m.product_id = p.id AND m.origin_returned_move_id IS NOT NULL
                  AND l.usage = 'supplier')
  FROM product_product p
  JOIN product_template t ON t.id = p.product_tmpl_id
  JOIN product_category c ON c.id = t.categ_id
 WHERE p.id = ANY(%s)
        """,
        (str(closing.company_id.id), list(odoo_values)),
    )
    kind_of = {}
    for product_id, method, by_lot, returned in env.cr.fetchall():
        kind = {"average": "avco"}.get(method, method)
        if by_lot:
            kind += " by lot"
        elif returned and method == "fifo":
            kind += " returned to vendor"
        kind_of[product_id] = kind
    bad, counts = [], {}
    for product_id, (value_a, qty_a) in odoo_values.items():
        qty_b, value_b = closing_values.get(product_id, (0, 0))
        qty_diff = abs(float(qty_b) - qty_a)
        value_diff = abs(float(value_b) - value_a)
        kind = kind_of[product_id]
        count = counts.setdefault(kind, [0, 0, 0])
        count[0] += 1
        count[1] += qty_diff <= 1e-6 and value_diff <= 0.005
        count[2] += qty_diff <= 1e-6 and 0.005 < value_diff <= 0.0105
        exact = kind in ("avco", "standard")
        if qty_diff > 1e-6 or value_diff > (0.005 if exact else 0.0105):
            bad.append((product_id, kind, qty_a, value_a, qty_b, value_b))
    return bad, counts, len(closing_values)


def measure_f(env, lines):
    """F: one NRV typed on a line and flushed, for 3 lines: the median seconds."""
    seconds = []
    for line in lines:
        amount = round(float(line.acquisition_value) * 0.5, 2)
        start = time.perf_counter()
        line.write({"net_realisable_value": amount})
        env.flush_all()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def measure_g(env, lines):
    """G: an import of NRVs for ``lines`` at once."""
    values = {
        line: {"net_realisable_value": round(float(line.acquisition_value) * 0.9, 2)}
        for line in lines
    }
    env["nordic.stock.closing.line"]._nordic_enter_many(values, "bench")
    env.flush_all()


COUNT_LIST = "l10n_nordic_stock_closing.action_report_nordic_count_list"


def measure_h(env, closing):
    """H: the count list of the closing; how it was rendered. Without wkhtmltopdf
    Odoo refuses a PDF outside its tests: the HTML is rendered instead."""
    if not shutil.which("wkhtmltopdf"):
        # as the background rendering does (the Print menu's size check is off)
        from odoo.addons.l10n_nordic_stock_closing.models import (  # noqa: PLC0415
            nordic_stock_closing_document as document,
        )

        env["ir.actions.report"].with_context(
            **{document._BACKGROUND: document._BACKGROUND_TOKEN}
        )._render_qweb_html(COUNT_LIST, closing.ids)
        return "HTML only (no wkhtmltopdf)"
    closing._nordic_render_document(COUNT_LIST)
    env.flush_all()
    return "_nordic_render_document (PDF)"


def measure_i(env, closing, steps):
    """I: opening the closing's form (``web_read`` of the form's fields, with the
    web client's bin_size context); its ``get_views`` is timed apart. The form
    reads no items: they open from its Items button, whose list (the first 80
    items and their count, as the list view asks) is timed apart too."""
    from lxml import etree  # noqa: PLC0415

    views = timed(
        steps,
        "I get_views",
        lambda: env["nordic.stock.closing"].get_views([(False, "form")]),
    )
    spec = form_spec(env, views, "nordic.stock.closing")
    env.invalidate_all()
    timed(
        steps,
        "I web_read form",
        lambda: closing.with_context(bin_size=True).web_read(spec),
    )
    action = closing.action_open_lines()
    Line = env[action["res_model"]].with_context(**action["context"])
    list_views = Line.get_views(action["views"])
    list_arch = etree.fromstring(list_views["views"]["list"]["arch"])
    list_spec = arch_spec(list_views, list_arch, action["res_model"])
    env.invalidate_all()
    timed(
        steps,
        "I items list",
        lambda: Line.web_search_read(
            action["domain"],
            list_spec,
            limit=int(list_arch.get("limit", 80)),
            count_limit=10001,
        ),
    )


def measure_fghi(env, closing, steps, documents):
    """F, G, H and I on the computed closing (rolled back afterwards)."""
    env.cr.execute("SAVEPOINT bench_fghi")
    lines = env["nordic.stock.closing.line"].search(
        [("closing_id", "=", closing.id)], order="id", limit=1003
    )
    median = measure_f(env, lines[:3])
    steps["F one NRV (median of 3)"] = {"seconds": median, "peak_mb": peak_mb()}
    print(f"  F one NRV (median of 3): {median:8.3f} s", flush=True)
    timed(steps, "G import 1000 NRV", lambda: measure_g(env, lines[3:1003]))
    if documents:
        how = timed(steps, "H count list", lambda: measure_h(env, closing))
        steps["H count list"]["how"] = how
        print(f"   H rendered as {how}", flush=True)
    measure_i(env, closing, steps)
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_fghi")
    env.invalidate_all()


def run_explain(env, statements, dump=None):
    """The EXPLAIN check of B's statements: the number of quadratic nodes."""
    if dump:
        os.makedirs(dump, exist_ok=True)
    report = explain(env.cr, statements, dump)
    bad = 0
    print(f"  EXPLAIN of {len(report)} statements of B:", flush=True)
    for label, ms, worst, findings, error in report:
        if error:
            print(f"   [not explained: {error.splitlines()[0]}] {label}", flush=True)
            continue
        print(f"   {ms:9.1f} ms  worst {worst}  | {label}", flush=True)
        for finding in findings:
            bad += 1
            print(f"     QUADRATIC: {finding}", flush=True)
    print(f"  EXPLAIN: {bad} nested loops over a scan of > 1,000 rows", flush=True)
    env.invalidate_all()
    return bad


def measure(env, company, skip_a, steps, documents=False, dump=None):
    env.invalidate_all()
    c_rows = timed(steps, "C sql aggregate", lambda: measure_c(env, company))
    del c_rows
    statements = []
    with capture(statements):
        closing = timed(steps, "B action_compute", lambda: measure_b(env, company))
    quadratic = run_explain(env, statements, dump)
    timed(
        steps,
        "D workbook",
        lambda: (closing._nordic_attach_workbook(), env.flush_all()),
    )
    measure_fghi(env, closing, steps, documents)
    env.cr.execute("SAVEPOINT bench_post")
    timed(steps, "E action_post", lambda: (closing.action_post(), env.flush_all()))
    result = {
        "steps": steps,
        "peak_bde_mb": peak_mb(),
        "lines": closing.line_count,
        "quadratic": quadratic,
    }
    # Odoo's valuation must not see the write-down layers posted by E
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_post")
    env.invalidate_all()
    if not skip_a:
        odoo_values = timed(steps, "A odoo value_svl", lambda: measure_a(env, company))
        bad, counts, lines = compare(env, closing, odoo_values)
        result.update(counts=counts, mismatches=len(bad), compared=len(odoo_values))
        print(
            f"  check: {len(odoo_values)} products read by A, {lines} closing lines; "
            f"mismatches {len(bad)}",
            flush=True,
        )
        for kind, (number, equal, cent) in sorted(counts.items()):
            print(
                f"   {kind:24} {number:7} products, {equal:7} equal, {cent:5} "
                "within 0.01",
                flush=True,
            )
        for row in bad[:10]:
            print("   mismatch (product, kind, A qty, A value, B qty, B value)", row)
    return result
