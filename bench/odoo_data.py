"""Company and products of the Odoo benchmark (see bench_odoo.py), and their removal.

Per size and profile a Norwegian company (chart ``no``) with its inventory
categories (FIFO, AVCO and standard price, per inventory class, periodic or real
time), N products inserted with one INSERT ... SELECT each for the templates, the
variants and the lots of those valued by lot; ``vacuum`` and ``cleanup`` once done.
The layers are odoo_layers.py's.
"""

import random
import sys
from datetime import datetime

from bench_profiles import FEATURES

CLASSES = (
    "raw_material",
    "consumable",
    "work_in_progress",
    "finished_goods",
    "goods_for_resale",
)
NO_INVENTORY = {  # DOMAIN.md section 3, Norway
    "raw_material": "1400",
    "consumable": "1405",
    "work_in_progress": "1420",
    "finished_goods": "1440",
    "goods_for_resale": "1460",
}
# cost method per product: (product index // 5) % 5 -> two FIFO, two AVCO, one standard
METHODS = ("fifo", "average", "fifo", "average", "standard")


def setup_company(env, label, mixed=False):
    """A Norwegian company with its inventory categories: ``(company, {(class,
    method, real time): category id})``."""
    company = _create_company(env, label)
    return company, _create_categories(env, company, mixed)


def _create_company(env, label):
    """The company, its warehouse, chart ``no`` and closing settings."""
    if env["ir.module.module"]._get("l10n_no").state != "installed":
        sys.exit("bench_odoo: install l10n_no in this database first (chart 'no')")
    nok = env.ref("base.NOK")
    if not nok.active:
        nok.active = True
    company = env["res.company"].create(
        {
            "name": f"Bench Nordic {label} {datetime.now():%H%M%S}",
            "country_id": env.ref("base.no").id,
            "currency_id": nok.id,
        }
    )
    env.user.company_ids |= company
    # Odoo creates a company's warehouse on company creation only in test mode
    env["stock.warehouse"].create({"company_id": company.id, "code": "BENCH"})
    env["account.chart.template"].try_loading("no", company=company, install_demo=False)
    company.write(
        {
            "nordic_selling_cost_percent": 10.0,
            "nordic_obsolescence_band_ids": [
                (0, 0, {"min_days": 365, "percent": 50.0}),
                (0, 0, {"min_days": 540, "percent": 100.0}),
            ],
        }
    )
    assert (
        company.nordic_closing_framework == "NO_NGAAP"
    ), company.nordic_closing_framework
    return company


def _create_categories(env, company, mixed):
    """Per inventory class a FIFO and a standard price category, periodic, and an
    AVCO one, real time; ``mixed``: a real-time FIFO and a periodic AVCO one too."""
    Account = env["account.account"].with_company(company)

    def account(code):
        return Account.search(
            [*Account._check_company_domain(company), ("code", "=", code)], limit=1
        ).id

    real_time = {
        "property_valuation": "real_time",
        # receipts against a goods-received account, issues against cost of goods
        "property_stock_account_input_categ_id": account("2400"),
        "property_stock_account_output_categ_id": account("4300"),
        "property_stock_journal": company.nordic_closing_journal_id.id,
    }
    Category = env["product.category"].with_company(company)
    categories = {}  # {(class, method, real time): id}
    kinds = [(m, m == "average") for m in ("fifo", "average", "standard")]
    if mixed:  # the other valuation for FIFO and AVCO too
        kinds += [("fifo", True), ("average", False)]
    for inventory_class in CLASSES:
        for method, realtime in kinds:
            categories[inventory_class, method, realtime] = Category.create(
                {
                    "name": f"{company.name} {inventory_class} {method}"
                    + (" real-time" if realtime and mixed else ""),
                    "property_cost_method": method,
                    "property_valuation": "manual_periodic",
                    "nordic_inventory_class": inventory_class,
                    **(
                        {
                            **real_time,
                            # Odoo wants it set: the class's own inventory account
                            "property_stock_valuation_account_id": account(
                                NO_INVENTORY[inventory_class]
                            ),
                        }
                        if realtime
                        else {}
                    ),
                }
            ).id
    return categories


def product_plan(rng, index):
    """Class, cost method, unit cost (cents), sales price and dormancy of a product."""
    inventory_class = CLASSES[index % 5]
    method = METHODS[(index // 5) % 5]
    cost = rng.randrange(100, 50_000)
    # some sell below cost (NRV write-downs); raw materials etc. have no sales price
    list_price = round(cost * rng.uniform(0.7, 2.0)) / 100
    dormant = rng.random() < 0.05  # no movement after 2024-10: obsolescence
    return inventory_class, method, cost, list_price, dormant


def create_products(env, company, categories, count, rng, profile="clean"):
    """Products (and the lots of those valued by lot): ``[(product id, category id,
    plan, lot ids)]``."""
    plans = [product_plan(rng, i) for i in range(count)]
    realtime, lot_counts = _valuation_and_lots(plans, rng, profile)
    category_ids = [
        categories[p[0], p[1], rt] for p, rt in zip(plans, realtime, strict=True)
    ]
    template_ids = _insert_templates(env, company, plans, category_ids, lot_counts)
    products = _insert_variants(env.cr, company, template_ids, plans)
    lots = _insert_lots(env.cr, company, products, lot_counts)
    return [
        (product_id, category_id, plan, lots.get(product_id, []))
        for product_id, category_id, plan in zip(
            products, category_ids, plans, strict=True
        )
    ]


def _valuation_and_lots(plans, rng, profile):
    """Per product whether its category is real time and its number of lots (0: not
    valued by lot), drawn from a generator of their own (none for ``clean``)."""
    _adjust, lot_share, mixed = FEATURES[profile]
    extra = random.Random(rng.random() if profile != "clean" else 0)
    realtime, lot_counts = [], []
    for _class, method, _cost, _price, _dormant in plans:
        # the category's valuation: AVCO real-time, others periodic (mixed: either)
        realtime.append(
            extra.random() < 0.5
            if mixed and method != "standard"
            else method == "average"
        )
        lot_counts.append(
            extra.randrange(2, 6)
            if method != "standard" and lot_share and extra.random() < lot_share
            else 0
        )
    return realtime, lot_counts


def _insert_templates(env, company, plans, category_ids, lot_counts):
    """The product templates (codes B000000...), in one INSERT: their ids."""
    from odoo.tools import SQL  # noqa: PLC0415

    cr = env.cr
    uom = env.ref("uom.product_uom_unit").id
    # NOT NULL columns of other modules (purchase, sale) that COPY/INSERT must fill
    cr.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = "
        "'product_template' AND column_name IN ('purchase_line_warn', 'sale_line_warn')"
    )
    warn = [row[0] for row in cr.fetchall()]
    cr.execute(
        SQL(
            """
INSERT INTO product_template (name, type, is_storable, categ_id, uom_id, uom_po_id,
       service_tracking, tracking, lot_valuated, list_price, company_id, active,
       sale_ok, purchase_ok, default_code, create_uid, write_uid, create_date,
       write_date %s)
SELECT jsonb_build_object('en_US', 'Bench item ' || u.code), 'consu', true, u.categ,
       %s, %s, 'no', CASE WHEN u.lots THEN 'lot' ELSE 'none' END,
       CASE WHEN u.lots THEN true END, u.price, %s, true, true, true, u.code,
       1, 1, now() at time zone 'UTC', now() at time zone 'UTC' %s
  FROM unnest(%s::varchar[], %s::int[], %s::numeric[], %s::bool[])
       WITH ORDINALITY AS u(code, categ, price, lots, n)
 ORDER BY u.n
RETURNING id
            """,
            SQL("".join(f", {column}" for column in warn)),
            uom,
            uom,
            company.id,
            SQL(", 'no-message'" * len(warn)),
            [f"B{i:06d}" for i in range(len(plans))],
            category_ids,
            [p[3] for p in plans],
            [bool(n) for n in lot_counts],
        )
    )
    return sorted(row[0] for row in cr.fetchall())


def _insert_variants(cr, company, template_ids, plans):
    """A variant per template, with its unit cost: their ids, in template order."""
    cr.execute(
        """
INSERT INTO product_product (product_tmpl_id, default_code, active, standard_price,
       create_uid, write_uid, create_date, write_date)
SELECT t.id, t.default_code, true, jsonb_build_object(%(company)s::text, u.cost),
       1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
  FROM unnest(%(templates)s::int[], %(costs)s::numeric[]) AS u(template, cost)
  JOIN product_template t ON t.id = u.template
 ORDER BY t.id
RETURNING id, product_tmpl_id
        """,
        {
            "company": company.id,
            "templates": template_ids,
            "costs": [p[2] / 100 for p in plans],
        },
    )
    product_of = dict((t, p) for p, t in cr.fetchall())
    return [product_of[t] for t in template_ids]


def _insert_lots(cr, company, products, lot_counts):
    """The lots of the products valued by lot: ``{product id: [lot ids]}``."""
    lots = {}
    lot_rows = [
        (product_id, f"B{i:06d}-L{k}")
        for i, (product_id, n) in enumerate(zip(products, lot_counts, strict=True))
        for k in range(n)
    ]
    if lot_rows:
        cr.execute(
            """
INSERT INTO stock_lot (product_id, name, company_id, create_uid, write_uid,
       create_date, write_date)
SELECT u.product, u.name, %s, 1, 1, now() at time zone 'UTC',
       now() at time zone 'UTC'
  FROM unnest(%s::int[], %s::varchar[]) WITH ORDINALITY AS u(product, name, n)
 ORDER BY u.n
RETURNING id, product_id
            """,
            (company.id, [r[0] for r in lot_rows], [r[1] for r in lot_rows]),
        )
        for lot_id, product_id in sorted(cr.fetchall()):
            lots.setdefault(product_id, []).append(lot_id)
    return lots


def vacuum(database):
    """VACUUM ANALYZE the bench tables, as autovacuum would after a real load."""
    import psycopg2  # noqa: PLC0415

    from odoo.sql_db import connection_info_for  # noqa: PLC0415

    _name, info = connection_info_for(database)
    connection = psycopg2.connect(**info)
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(
                "VACUUM (ANALYZE) stock_valuation_layer, stock_move, product_product, "
                "product_template, stock_lot, stock_landed_cost, account_move"
            )
    finally:
        connection.close()


def cleanup(env, company_id):
    """Delete the generated products, moves and layers (the company stays)."""
    cr = env.cr
    cr.execute("DELETE FROM stock_valuation_layer WHERE company_id = %s", (company_id,))
    cr.execute("DELETE FROM stock_move WHERE company_id = %s", (company_id,))
    cr.execute("DELETE FROM stock_lot WHERE company_id = %s", (company_id,))
    cr.execute(
        "DELETE FROM account_move WHERE company_id = %s AND name LIKE 'BENCHBILL/%%'",
        (company_id,),
    )
    if "stock_landed_cost_id" in env["stock.valuation.layer"]:
        cr.execute(
            "DELETE FROM stock_landed_cost WHERE company_id = %s AND name LIKE "
            "'BENCH LC %%'",
            (company_id,),
        )
    cr.execute(
        "DELETE FROM product_product p USING product_template t "
        "WHERE t.id = p.product_tmpl_id AND t.company_id = %s",
        (company_id,),
    )
    cr.execute("DELETE FROM product_template WHERE company_id = %s", (company_id,))
    company = env["res.company"].browse(company_id)
    company.write({"name": f"{company.name} (emptied)", "active": False})
