"""Valuation layers of the Odoo benchmark (see bench_odoo.py), written with COPY.

M layers over 2024-01-01 .. 2026-01-31 spread over the products, generated per
product by bench_profiles.py (never below zero), with a stock move for 5 % of them
and for every return and the move it returns; the importer profiles' landed costs
and price differences point to a landed cost and a vendor bill of their day.
"""

import io
from datetime import date, datetime, timedelta

from bench_profiles import (
    BILL,
    CUSTOMER_RETURN,
    FEATURES,
    LANDED,
    VENDOR_RETURN,
    clean_history,
    profile_history,
)

FIRST_DAY = date(2024, 1, 1)
SPAN_DAYS = (date(2026, 1, 31) - FIRST_DAY).days + 1
CHUNK = 2000  # products per COPY


def money(cents):
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    return f"{sign}{whole}.{frac:02d}"


def dated_records(env, company):
    """A landed cost and a vendor bill (an entry) per day of the span, for the
    adjustments of the importer profiles: ``({day: landed cost id}, {day: bill
    id})``; none of the landed costs without the stock_landed_costs module."""
    cr = env.cr
    journal = env["account.journal"].search(
        [("company_id", "=", company.id), ("type", "=", "purchase")], limit=1
    )
    days = [FIRST_DAY + timedelta(days=n) for n in range(SPAN_DAYS + 31)]
    landed = {}
    if "stock_landed_cost_id" in env["stock.valuation.layer"]:
        cr.execute(
            """
INSERT INTO stock_landed_cost (name, date, state, target_model, company_id,
       account_journal_id, create_uid, write_uid, create_date, write_date)
SELECT 'BENCH LC ' || d::text, d, 'done', 'manual', %s, %s, 1, 1,
       now() at time zone 'UTC', now() at time zone 'UTC'
  FROM unnest(%s::date[]) AS d
RETURNING id, date
            """,
            (company.id, company.nordic_closing_journal_id.id, days),
        )
        landed = {(day - FIRST_DAY).days: id_ for id_, day in cr.fetchall()}
    cr.execute(
        """
INSERT INTO account_move (name, date, state, move_type, auto_post, journal_id,
       company_id, currency_id, create_uid, write_uid, create_date, write_date)
SELECT 'BENCHBILL/' || d::text, d, 'posted', 'entry', 'no', %s, %s, %s, 1, 1,
       now() at time zone 'UTC', now() at time zone 'UTC'
  FROM unnest(%s::date[]) AS d
RETURNING id, date
        """,
        (journal.id, company.id, company.currency_id.id, days),
    )
    bills = {(day - FIRST_DAY).days: id_ for id_, day in cr.fetchall()}
    return landed, bills


def create_layers(env, company, products, n_layers, rng, profile="clean"):  # noqa: C901
    """COPY the layers (and a stock move for 5 % of them, and for every return and
    the move it returns)."""
    cr = env.cr
    env.flush_all()
    adjust, _lot_share, _mixed = FEATURES[profile]
    landed_of, bill_of = dated_records(env, company) if adjust else ({}, {})
    warehouse = env["stock.warehouse"].search(
        [("company_id", "=", company.id)], limit=1
    )
    stock_location = warehouse.lot_stock_id.id
    supplier = env.ref("stock.stock_location_suppliers").id
    customer = env.ref("stock.stock_location_customers").id
    uom = env.ref("uom.product_uom_unit").id
    per_product, extra = divmod(n_layers, len(products))
    cr.execute(
        "SELECT nextval('stock_valuation_layer_id_seq'), nextval('stock_move_id_seq')"
    )
    layer_id, move_id = cr.fetchone()
    # reserve the ids (setval is not rolled back: a re-run just skips them); a
    # profile's adjustments may add a few layers beyond the count
    cr.execute(
        "SELECT setval('stock_valuation_layer_id_seq', %s), "
        "setval('stock_move_id_seq', %s)",
        (layer_id + 2 * n_layers + 10, move_id + 2 * n_layers + 10),
    )
    total = moves = lot_products = 0
    kinds = {}  # {profile layer kind: count}
    layer_buffer, move_buffer = io.StringIO(), io.StringIO()

    def flush():
        nonlocal layer_buffer, move_buffer
        move_buffer.seek(0)
        cr._obj.copy_expert(
            "COPY stock_move (id, name, product_id, product_uom, product_uom_qty, "
            "product_qty, quantity, location_id, location_dest_id, company_id, date, "
            "state, procure_method, picked, origin_returned_move_id, create_uid, "
            "write_uid, create_date, write_date) FROM STDIN",
            move_buffer,
        )
        layer_buffer.seek(0)
        cr._obj.copy_expert(
            "COPY stock_valuation_layer (id, company_id, product_id, categ_id, "
            "quantity, unit_cost, value, remaining_qty, remaining_value, description, "
            "stock_valuation_layer_id, stock_move_id, lot_id, "
            + ("stock_landed_cost_id, " if landed_of else "")
            + "account_move_id, create_uid, write_uid, create_date, write_date) "
            "FROM STDIN",
            layer_buffer,
        )
        layer_buffer, move_buffer = io.StringIO(), io.StringIO()

    company_id = company.id
    null = r"\N"
    for number, (product_id, categ_id, plan, lot_ids) in enumerate(products):
        _class, method, cost, _price, dormant = plan
        count = per_product + (1 if number < extra else 0)
        if profile == "clean":
            rows, remaining = clean_history(
                rng, count, method, cost, dormant, SPAN_DAYS
            )
            layers = [(d, s, q, v, p, None, None, None) for d, s, q, v, p in rows]
            needs_move = ()
        else:
            generated, remaining = profile_history(
                rng, count, method, cost, dormant, SPAN_DAYS, adjust, len(lot_ids)
            )
            layers = [
                (
                    x.day,
                    x.second,
                    x.qty,
                    x.value,
                    x.parent,
                    x.lot if lot_ids else None,
                    x.kind,
                    x.origin,
                )
                for x in generated
            ]
            needs_move = {x.origin for x in generated if x.origin is not None}
        first_id = layer_id
        move_of = {}  # {layer index: its stock move id}
        for index, (day, second, qty, value, parent, lot, kind, origin) in enumerate(
            layers
        ):
            stamp = datetime.combine(
                FIRST_DAY + timedelta(days=day), datetime.min.time()
            ) + timedelta(seconds=second)
            stamp = stamp.strftime("%Y-%m-%d %H:%M:%S")
            if method == "fifo" and qty > 0:
                left_qty, left_value = remaining.get(index, (0, 0))
            elif method == "fifo":
                left_qty = left_value = 0
            else:  # Odoo keeps remaining_qty on AVCO/standard incoming layers too
                left_qty = left_value = 0
            move = null
            if qty and (
                rng.random() < 0.05 or origin is not None or index in needs_move
            ):
                move = str(move_id)
                move_of[index] = move_id
                move_id += 1
                moves += 1
                source, target = (supplier, stock_location)
                if kind == VENDOR_RETURN:
                    source, target = (stock_location, supplier)
                elif kind == CUSTOMER_RETURN:
                    source, target = (customer, stock_location)
                elif qty < 0:
                    source, target = (stock_location, customer)
                returned = str(move_of[origin]) if origin is not None else null
                move_buffer.write(
                    f"{move}\tbench {product_id}\t{product_id}\t{uom}\t{abs(qty)}\t"
                    f"{abs(qty)}\t{abs(qty)}\t{source}\t{target}\t{company_id}\t"
                    f"{stamp}\tdone\tmake_to_stock\tt\t{returned}\t1\t1\t{stamp}\t"
                    f"{stamp}\n"
                )
            unit_cost = money(round(value / qty)) if qty else "0"
            parent_id = str(first_id + parent) if parent is not None else null
            lot_id = str(lot_ids[lot]) if lot is not None else null
            landed_cost = bill = null
            if kind == LANDED:
                landed_cost = str(landed_of.get(day, null))
            elif kind == BILL:
                bill = str(bill_of[day])
            layer_buffer.write(
                f"{layer_id}\t{company_id}\t{product_id}\t{categ_id}\t{qty}\t"
                f"{unit_cost}\t{money(value)}\t{left_qty}\t{money(left_value)}\t"
                f"bench\t{parent_id}\t{move}\t{lot_id}\t"
                + (f"{landed_cost}\t" if landed_of else "")
                + f"{bill}\t1\t1\t{stamp}\t{stamp}\n"
            )
            layer_id += 1
        total += len(layers)
        for layer in layers:
            kinds[layer[6]] = kinds.get(layer[6], 0) + 1
        lot_products += bool(lot_ids)
        if number % CHUNK == CHUNK - 1:
            flush()
    flush()
    cr.execute("ANALYZE stock_valuation_layer")
    cr.execute("ANALYZE stock_move")
    cr.execute("ANALYZE product_product")
    cr.execute("ANALYZE product_template")
    if profile != "clean":
        print(
            f"  generated: {kinds.get(LANDED, 0)} landed costs, {kinds.get(BILL, 0)} "
            f"price differences, {kinds.get(VENDOR_RETURN, 0)} returns to the vendor, "
            f"{kinds.get(CUSTOMER_RETURN, 0)} customer returns; {lot_products} "
            "products valued by lot",
            flush=True,
        )
    return total, moves
