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
NULL = r"\N"  # in COPY text


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


def create_layers(env, company, products, n_layers, rng, profile="clean"):
    """COPY the layers (and a stock move for 5 % of them, and for every return and
    the move it returns)."""
    env.flush_all()
    adjust, _lot_share, _mixed = FEATURES[profile]
    landed_of, bill_of = dated_records(env, company) if adjust else ({}, {})
    copy = _Copy(env, company, n_layers, bool(landed_of))
    per_product, extra = divmod(n_layers, len(products))
    total = lot_products = 0
    kinds = {}  # {profile layer kind: count}
    for number, product in enumerate(products):
        count = per_product + (1 if number < extra else 0)
        layers, remaining, needs_move = _product_layers(
            rng, count, product, profile, adjust
        )
        _write_product(
            copy, rng, product, layers, remaining, needs_move, landed_of, bill_of
        )
        total += len(layers)
        for layer in layers:
            kinds[layer[6]] = kinds.get(layer[6], 0) + 1
        lot_products += bool(product[3])
        if number % CHUNK == CHUNK - 1:
            copy.flush()
    copy.flush()
    for table in (
        "stock_valuation_layer",
        "stock_move",
        "product_product",
        "product_template",
    ):
        env.cr.execute(f"ANALYZE {table}")
    if profile != "clean":
        print(
            f"  generated: {kinds.get(LANDED, 0)} landed costs, {kinds.get(BILL, 0)} "
            f"price differences, {kinds.get(VENDOR_RETURN, 0)} returns to the vendor, "
            f"{kinds.get(CUSTOMER_RETURN, 0)} customer returns; {lot_products} "
            "products valued by lot",
            flush=True,
        )
    return total, copy.moves


def _product_layers(rng, count, product, profile, adjust):
    """One product's ``count`` layers, as (day, second, qty, value, parent index,
    lot index, kind, origin index), the FIFO receipts' remaining ``{index: (qty,
    value)}`` and the indexes of the layers a return returns."""
    _product_id, _categ_id, plan, lot_ids = product
    _class, method, cost, _price, dormant = plan
    if profile == "clean":
        rows, remaining = clean_history(rng, count, method, cost, dormant, SPAN_DAYS)
        layers = [(d, s, q, v, p, None, None, None) for d, s, q, v, p in rows]
        return layers, remaining, ()
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
    return layers, remaining, needs_move


def _write_product(
    copy, rng, product, layers, remaining, needs_move, landed_of, bill_of
):
    """Write one product's layers (and their moves) to the COPY buffers."""
    product_id, categ_id, plan, lot_ids = product
    method = plan[1]
    first_id = copy.layer_id
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
        else:  # Odoo keeps remaining_qty on AVCO/standard incoming layers too
            left_qty = left_value = 0
        move = NULL
        if qty and (rng.random() < 0.05 or origin is not None or index in needs_move):
            returned = move_of[origin] if origin is not None else None
            move_of[index] = copy.move(product_id, qty, kind, returned, stamp)
            move = str(move_of[index])
        landed_cost = bill = NULL
        if kind == LANDED:
            landed_cost = str(landed_of.get(day, NULL))
        elif kind == BILL:
            bill = str(bill_of[day])
        copy.layer(
            [
                product_id,
                categ_id,
                qty,
                money(round(value / qty)) if qty else "0",
                money(value),
                left_qty,
                money(left_value),
                "bench",
                first_id + parent if parent is not None else NULL,
                move,
                lot_ids[lot] if lot is not None else NULL,
                *([landed_cost] if copy.landed else []),
                bill,
                1,
                1,
                stamp,
                stamp,
            ]
        )


class _Copy:
    """The COPY buffers of the layers and stock moves, the ids they take (reserved
    from their sequences) and the places the moves go between."""

    def __init__(self, env, company, n_layers, landed):
        self.cr = env.cr
        self.company_id = company.id
        self.landed = landed  # the layers name a landed cost
        warehouse = env["stock.warehouse"].search(
            [("company_id", "=", company.id)], limit=1
        )
        self.stock = warehouse.lot_stock_id.id
        self.supplier = env.ref("stock.stock_location_suppliers").id
        self.customer = env.ref("stock.stock_location_customers").id
        self.uom = env.ref("uom.product_uom_unit").id
        cr = self.cr
        cr.execute(
            "SELECT nextval('stock_valuation_layer_id_seq'), "
            "nextval('stock_move_id_seq')"
        )
        self.layer_id, self.move_id = cr.fetchone()
        # reserve the ids (setval is not rolled back: a re-run just skips them); a
        # profile's adjustments may add a few layers beyond the count
        cr.execute(
            "SELECT setval('stock_valuation_layer_id_seq', %s), "
            "setval('stock_move_id_seq', %s)",
            (self.layer_id + 2 * n_layers + 10, self.move_id + 2 * n_layers + 10),
        )
        self.moves = 0
        self.layer_buffer, self.move_buffer = io.StringIO(), io.StringIO()

    def move(self, product_id, qty, kind, returned, stamp):
        """A done stock move of ``qty`` (its direction from ``kind`` and the sign);
        ``returned``: the move it returns. Its id."""
        move_id = self.move_id
        self.move_id += 1
        self.moves += 1
        source, target = (self.supplier, self.stock)
        if kind == VENDOR_RETURN:
            source, target = (self.stock, self.supplier)
        elif kind == CUSTOMER_RETURN:
            source, target = (self.customer, self.stock)
        elif qty < 0:
            source, target = (self.stock, self.customer)
        returned = NULL if returned is None else returned
        self.move_buffer.write(
            f"{move_id}\tbench {product_id}\t{product_id}\t{self.uom}\t{abs(qty)}\t"
            f"{abs(qty)}\t{abs(qty)}\t{source}\t{target}\t{self.company_id}\t"
            f"{stamp}\tdone\tmake_to_stock\tt\t{returned}\t1\t1\t{stamp}\t"
            f"{stamp}\n"
        )
        return move_id

    def layer(self, row):
        """A layer row: its id, the company and ``row`` (the columns of the COPY
        after ``company_id``)."""
        self.layer_buffer.write(
            "\t".join(map(str, [self.layer_id, self.company_id, *row])) + "\n"
        )
        self.layer_id += 1

    def flush(self):
        self.move_buffer.seek(0)
        self.cr._obj.copy_expert(
            "COPY stock_move (id, name, product_id, product_uom, product_uom_qty, "
            "product_qty, quantity, location_id, location_dest_id, company_id, date, "
            "state, procure_method, picked, origin_returned_move_id, create_uid, "
            "write_uid, create_date, write_date) FROM STDIN",
            self.move_buffer,
        )
        self.layer_buffer.seek(0)
        self.cr._obj.copy_expert(
            "COPY stock_valuation_layer (id, company_id, product_id, categ_id, "
            "quantity, unit_cost, value, remaining_qty, remaining_value, description, "
            "stock_valuation_layer_id, stock_move_id, lot_id, "
            + ("stock_landed_cost_id, " if self.landed else "")
            + "account_move_id, create_uid, write_uid, create_date, write_date) "
            "FROM STDIN",
            self.layer_buffer,
        )
        self.layer_buffer, self.move_buffer = io.StringIO(), io.StringIO()
