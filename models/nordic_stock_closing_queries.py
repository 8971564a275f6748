"""The SQL of the closing's snapshot, named once (see docs/valuation_rules.md
section 11 for where each figure comes from)."""

# The valuation layers of a company, each with its accounting day and its kind.
#
# The day: the date of the layer's journal entry when it has one (the accounting
# date), else of its landed cost, else the accounting date a count was applied with,
# else the day of its stock move (an adjustment: its creation), in the company's time
# zone. Only the layers near the balance date and the fiscal year start (two days
# either side, wider than any time zone offset) are converted to the local day; the
# others are before or after by their UTC time alone, which spares the conversion of
# millions of layers with the same result.
#
# The kind (nordic_closing.valuation.MOVEMENT_KINDS), from the moves' locations (the
# ids of the vendor, production and "outside" locations: vendors, customers and
# inter-company transit, as Odoo's _is_dropshipped): an adjustment of a receipt
# (landed cost, price difference), a return to the vendor of a receipt, a purchase,
# a production, another receipt (customer return, count gain), an issue. Dropships
# (supplier to customer, and their returns) never touch the stock: left out. So are
# the closings' own write-down layers.
DATED_LAYERS = """
WITH layer AS NOT MATERIALIZED (
    SELECT svl.id, svl.product_id, svl.lot_id, svl.quantity, svl.value,
           svl.create_date,
           svl.stock_valuation_layer_id AS parent_id,
           COALESCE(am.date, %(landed_cost_date)s, sm.nordic_accounting_date)
               AS entry_date,
           CASE WHEN svl.quantity = 0 THEN svl.create_date
                ELSE COALESCE(sm.date, svl.create_date) END AS stamp,
           CASE WHEN svl.quantity = 0 AND svl.stock_valuation_layer_id IS NOT NULL
                    THEN 'adjustment'
                WHEN svl.quantity < 0 AND sm.origin_returned_move_id IS NOT NULL
                     AND sm.location_dest_id = ANY(%(suppliers)s) THEN 'vendor_return'
                WHEN svl.quantity > 0 AND (sm.location_id = ANY(%(suppliers)s)
                                           OR sm.id IS NULL) THEN 'purchase'
                WHEN svl.quantity > 0 AND sm.location_id = ANY(%(productions)s)
                    THEN 'production'
                WHEN svl.quantity > 0 THEN 'other'
                WHEN svl.quantity < 0 THEN 'issue'
                ELSE 'value'
           END AS kind,
           sm.origin_returned_move_id
      FROM stock_valuation_layer svl
 LEFT JOIN stock_move sm ON sm.id = svl.stock_move_id
 LEFT JOIN account_move am ON am.id = svl.account_move_id
 %(landed_cost_join)s
     WHERE svl.company_id = %(company)s
       AND svl.nordic_closing_id IS NULL
       %(created_after)s
       -- dropships: from outside the company's stock to outside (and back)
       AND NOT COALESCE(sm.location_id = ANY(%(outside)s)
                        AND sm.location_dest_id = ANY(%(outside)s), false)
), dated AS NOT MATERIALIZED (
    -- the layers up to the date, with their local day; opening: before the year
    SELECT layer.*,
           CASE WHEN entry_date IS NOT NULL THEN entry_date < %(start)s
                WHEN stamp < %(start_low)s THEN true
                WHEN stamp >= %(start_high)s THEN false
                ELSE (stamp AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date < %(start)s
           END AS opening
      FROM layer
     WHERE CASE WHEN entry_date IS NOT NULL THEN entry_date <= %(date)s
                WHEN stamp < %(end_low)s THEN true
                WHEN stamp >= %(end_high)s THEN false
                ELSE (stamp AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date <= %(date)s
           END
)
"""

# The products the snapshot treats apart, as arrays for the queries below (a
# constant array is a hashed filter: no join the planner could misjudge):
# - fifo_products: those of the FIFO categories;
# - replayed: the engine replays their movements one by one: FIFO products with a
#   return to the vendor (the return takes the units of its own receipt; found from
#   the moves, far fewer to read than the layers), and the products valued by
#   lot/serial number (FIFO or average: each lot from its own layers).
PRODUCT_SETS = """
WITH product AS (
    SELECT pp.id, pt.categ_id = ANY(%(fifo)s) AS fifo,
           pt.lot_valuated AND pt.categ_id = ANY(%(lot_categories)s) AS by_lot
      FROM product_product pp
      JOIN product_template pt ON pt.id = pp.product_tmpl_id
     WHERE pt.categ_id = ANY(%(categories)s)
), returned AS (
    SELECT DISTINCT sm.product_id
      FROM stock_move sm
      JOIN stock_location dst ON dst.id = sm.location_dest_id
     WHERE sm.company_id = %(company)s
       AND sm.origin_returned_move_id IS NOT NULL
       AND sm.state = 'done'
       AND dst.usage = 'supplier'
)
SELECT COALESCE(array_agg(p.id) FILTER (WHERE p.fifo), '{}'),
       COALESCE(array_agg(p.id) FILTER (
           WHERE p.by_lot OR p.fifo AND r.product_id IS NOT NULL), '{}')
  FROM product p
  LEFT JOIN returned r ON r.product_id = p.id
"""

# The other FIFO products with an adjustment of a receipt (landed cost, price
# difference), read through the index of the adjusted layer.
ADJUSTED_PRODUCTS = """
SELECT COALESCE(array_agg(DISTINCT svl.product_id), '{}')
  FROM stock_valuation_layer svl
 WHERE svl.company_id = %(company)s
   AND svl.stock_valuation_layer_id IS NOT NULL
   AND svl.quantity = 0
   AND svl.product_id = ANY(%(fifo_products)s)
   AND svl.product_id <> ALL(%(replayed)s)
"""

# Per product: quantity, value (FIFO: the newest receipts up to the quantity, with
# their adjustments per unit left: landed costs, price differences), opening,
# acquisitions of the year, Odoo's own value, the last movement. Every join here is
# of whole sets: run with nested loops off (_nordic_sql_settings), so that a CTE's
# estimate of one row cannot turn a join into a loop over every pair. The aliases
# of the last SELECT (t: the product's totals, pp, pt, uom) are those the columns
# of _prepare_snapshot_columns may read.
PRODUCT_SNAPSHOT = """
, adjusted_layer AS (
    -- the layers of the FIFO products with an adjustment of a receipt, in the
    -- order they happened: the stock and the quantity received so far after each,
    -- and the receipt each belongs to (an adjustment: the receipt it adjusts)
    SELECT d.id, d.kind, d.quantity, d.value, d.opening,
           CASE WHEN d.kind = 'adjustment' THEN d.parent_id ELSE d.id END
               AS receipt_id,
           SUM(d.quantity) OVER upto AS stock,
           COALESCE(SUM(d.quantity) FILTER (WHERE d.quantity > 0) OVER upto, 0)
               AS received
      FROM dated d
     WHERE d.product_id = ANY(%(adjusted)s)
    WINDOW upto AS (
        PARTITION BY d.product_id
            ORDER BY COALESCE(d.entry_date, (d.stamp AT TIME ZONE 'UTC'
                                             AT TIME ZONE %(tz)s)::date), d.id
            ROWS UNBOUNDED PRECEDING)
), with_receipt AS (
    -- each adjustment beside its receipt's figures (the receipt sorts first in
    -- its group): a window, not a join of the layers with themselves
    SELECT a.*,
           FIRST_VALUE(a.id) OVER receipt AS first_id,
           FIRST_VALUE(a.quantity) OVER receipt AS receipt_quantity,
           FIRST_VALUE(a.received) OVER receipt AS receipt_received
      FROM adjusted_layer a
    WINDOW receipt AS (PARTITION BY a.receipt_id
                           ORDER BY a.kind = 'adjustment', a.id)
), adjustment AS (
    -- each adjustment on what was left of its receipt when it was made: the
    -- newest receipts up to the stock then (Odoo books only that part as a layer)
    SELECT receipt_id, value, opening, receipt_quantity AS received,
           LEAST(receipt_quantity,
                 GREATEST(0, stock - (received - receipt_received))) AS left_then
      FROM with_receipt
     WHERE kind = 'adjustment' AND first_id = receipt_id AND receipt_quantity > 0
), landed AS (
    -- per receipt: the adjustments per unit still in stock (up to the date and
    -- before the fiscal year), and the whole adjustments of the year
    SELECT receipt_id,
           SUM(value / left_then) FILTER (WHERE left_then > 0) AS per_unit,
           SUM(value / left_then) FILTER (WHERE left_then > 0 AND opening)
               AS opening_per_unit,
           SUM(CASE WHEN left_then > 0 THEN value * received / left_then
                    ELSE value END) FILTER (WHERE NOT opening) AS acquired
      FROM adjustment
     GROUP BY receipt_id
), totals AS (
    SELECT product_id,
           SUM(quantity) AS quantity,
           SUM(value) AS value,
           COALESCE(SUM(quantity) FILTER (WHERE opening), 0) AS opening_quantity,
           COALESCE(SUM(value) FILTER (WHERE opening), 0) AS opening_value,
           -- acquisitions of the year: receipts less returns to the vendor, and the
           -- adjustments (for FIFO products in full, from "landed")
           COALESCE(SUM(value) FILTER (WHERE NOT opening AND kind IN
               ('purchase', 'production', 'vendor_return')), 0) AS purchases,
           COALESCE(SUM(value) FILTER (WHERE NOT opening AND kind = 'adjustment'), 0)
               AS adjustments,
           MAX(entry_date) FILTER (WHERE quantity <> 0) AS last_entry_date,
           MAX(stamp) FILTER (WHERE quantity <> 0 AND entry_date IS NULL) AS last_stamp
      FROM dated
     GROUP BY product_id
), incoming AS (
    -- receipts of FIFO products not replayed, newest first: the quantity received
    -- after each (up to the date, and before the fiscal year for the opening)
    SELECT d.product_id, d.opening, d.quantity,
           d.value / d.quantity + COALESCE(l.per_unit, 0) AS unit_cost,
           d.value / d.quantity + COALESCE(l.opening_per_unit, 0)
               AS opening_unit_cost,
           COALESCE(l.acquired, 0) AS acquired,
           SUM(d.quantity) OVER newest - d.quantity AS newer,
           SUM(d.quantity) FILTER (WHERE d.opening) OVER newest - d.quantity
               AS newer_opening
      FROM dated d
 LEFT JOIN landed l ON l.receipt_id = d.id
     WHERE d.quantity > 0
       AND d.product_id = ANY(%(fifo_products)s)
       AND d.product_id <> ALL(%(replayed)s)
    WINDOW newest AS (
        PARTITION BY d.product_id
            ORDER BY COALESCE(d.entry_date, (d.stamp AT TIME ZONE 'UTC'
                                             AT TIME ZONE %(tz)s)::date) DESC,
                     d.id DESC)
), fifo AS (
    -- the newest receipts up to the closing (opening) quantity remain
    SELECT i.product_id,
           SUM(i.unit_cost * LEAST(i.quantity, GREATEST(0, t.quantity - i.newer)))
               FILTER (WHERE i.newer < t.quantity) AS value,
           SUM(i.opening_unit_cost
               * LEAST(i.quantity, GREATEST(0, t.opening_quantity - i.newer_opening)))
               FILTER (WHERE i.opening AND i.newer_opening < t.opening_quantity)
               AS opening_value,
           SUM(i.acquired) AS acquired
      FROM incoming i JOIN totals t ON t.product_id = i.product_id
     GROUP BY i.product_id
)
SELECT t.product_id, pt.categ_id, pt.default_code,
       COALESCE(pt.name->>%(lang)s, pt.name->>'en_US') AS name,
       COALESCE(uom.name->>%(lang)s, uom.name->>'en_US') AS unit,
       -- numbers as text: exact Decimals in Python (Odoo's cursor reads floats)
       pt.list_price::text AS list_price,
       t.quantity::text AS quantity,
       (CASE WHEN pt.categ_id = ANY(%(fifo)s) THEN COALESCE(f.value, 0)
             ELSE t.value END)::text AS acquisition_value,
       t.opening_quantity::text AS opening_quantity,
       (CASE WHEN pt.categ_id = ANY(%(fifo)s) THEN COALESCE(f.opening_value, 0)
             ELSE t.opening_value END)::text AS opening_value,
       (t.purchases + CASE WHEN pt.categ_id = ANY(%(fifo)s)
                           THEN COALESCE(f.acquired, 0)
                           ELSE t.adjustments END)::text AS purchases,
       t.value::text AS odoo_value,
       t.product_id = ANY(%(replayed)s) AS replayed,
       -- the local day of the last movement (a day never moves back in UTC)
       GREATEST(t.last_entry_date,
                (t.last_stamp AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date)
           AS last_movement
       -- the columns other addons add (_prepare_snapshot_columns)
       %(extra_columns)s
  FROM totals t
  JOIN product_product pp ON pp.id = t.product_id
  JOIN product_template pt ON pt.id = pp.product_tmpl_id
  JOIN uom_uom uom ON uom.id = pt.uom_id
  LEFT JOIN fifo f ON f.product_id = t.product_id
 WHERE pt.categ_id = ANY(%(categories)s)
   AND (t.quantity <> 0 OR t.value <> 0 OR t.opening_quantity <> 0
        OR t.purchases <> 0 OR t.adjustments <> 0)
"""

# The movements of the replayed products, in the order they happened: each receipt
# is named by its layer, a return by the layer of the receipt it returns, an
# adjustment by the layer it adjusts; with the lot of the layer (products valued by
# lot/serial number: the engine values each lot apart).
REPLAYED_MOVEMENTS = """
SELECT d.product_id, d.kind, d.quantity, d.value,
       COALESCE(d.entry_date,
                (d.stamp AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date) AS day,
       d.id AS reference,
       CASE WHEN d.kind = 'adjustment' THEN d.parent_id
            WHEN d.kind = 'vendor_return' THEN (
                -- the receipt's layer of the same lot (one per lot it received)
                SELECT MIN(o.id) FROM stock_valuation_layer o
                 WHERE o.stock_move_id = d.origin_returned_move_id AND o.quantity > 0
                   AND o.lot_id IS NOT DISTINCT FROM d.lot_id)
       END AS target,
       d.lot_id, lot.name AS lot
  FROM dated d
  LEFT JOIN stock_lot lot ON lot.id = d.lot_id
 WHERE d.product_id = ANY(%(replayed)s)
 ORDER BY d.product_id, day, d.id
"""

# Per product: the first vendor price valid at the date (Odoo's order of vendor
# prices), less its discount, per unit of the product's unit of measure (the price
# is per the purchase unit), in the vendor line's currency: the replacement
# cost proposed for Denmark and Finland.
VENDOR_PRICES = """
SELECT DISTINCT ON (pp.id) pp.id,
       si.price * (1 - COALESCE(si.discount, 0) / 100)
           * CASE WHEN puom.category_id = uom.category_id
                  THEN puom.factor / uom.factor ELSE 1 END,
       si.currency_id
  FROM product_product pp
  JOIN product_template pt ON pt.id = pp.product_tmpl_id
  JOIN uom_uom uom ON uom.id = pt.uom_id
  JOIN product_supplierinfo si ON si.product_tmpl_id = pt.id
                              AND (si.product_id IS NULL OR si.product_id = pp.id)
  JOIN uom_uom puom ON puom.id = pt.uom_po_id
 WHERE pp.id = ANY(%(products)s)
   AND (si.company_id IS NULL OR si.company_id = %(company)s)
   AND (si.date_start IS NULL OR si.date_start <= %(date)s)
   AND (si.date_end IS NULL OR si.date_end >= %(date)s)
 ORDER BY pp.id, si.sequence, si.min_qty DESC, si.price, si.id
"""
