"""18.0.1.0.0 → 18.0.1.1.0: the closings posted (or reversed) with 18.0.1.0.0 keep
every figure as posted and gain what 18.0.1.1.0 stores, derived from what was stored
at posting and the engine's rules, never from today's stock or settings:

- the link to the workbook attached when the closing was posted (18.0.1.0.0 attached
  it to the closing; it only lacked the field that points to it);
- each line's tax value by the framework's rule (Norway, sktl § 14-5, and Sweden,
  IL 17:3: the acquisition value; Finland, EVL 28 §: the book value);
- each class's write-down account: the change account, where 18.0.1.0.0 booked the
  write-down (the engine's default in Norway and Sweden), and its temporary
  difference: its tax value less its closing value (the engine's
  ``ClassResult.temporary_difference``);
- the 3 % the Swedish 97 % rule booked: the classes' write-down less the items';
- Sweden's tax view where the 97 % rule was not booked (18.0.1.0.0 computed it when
  printing, 18.0.1.1.0 stores it): the main rule, the items' values (IL 17:3), against
  97 % of their acquisition value (IL 17:4), as the engine's ``tax_rule_97``;
- where a figure cannot be derived (Odoo's own valuation per item, the fixed values
  and settings in force then), the closing's update note says so; nothing is made
  up.
"""

import json
import logging
from decimal import Decimal

from odoo.tools import SQL

from odoo.addons.l10n_nordic_stock_closing.nordic_closing.closing import RATE_97
from odoo.addons.l10n_nordic_stock_closing.nordic_closing.frameworks import (
    get_framework,
)
from odoo.addons.l10n_nordic_stock_closing.nordic_closing.money import round_money

_logger = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIXED = ("posted", "reversed")
#: line tax value by the framework's rule: the SQL of the stored figure it is
TAX_VALUE_SQL = {"cost": SQL("l.acquisition_value"), "book": SQL("l.value")}


def _link_workbooks(cr):
    cr.execute(
        SQL(
            """
UPDATE nordic_stock_closing c
   SET workbook_attachment_id = a.id
  FROM (SELECT DISTINCT ON (res_id) res_id, id
          FROM ir_attachment
         WHERE res_model = 'nordic.stock.closing' AND mimetype = %s
         ORDER BY res_id, id DESC) a
 WHERE a.res_id = c.id AND c.state IN %s AND c.workbook_attachment_id IS NULL
            """,
            XLSX,
            FIXED,
        )
    )
    return cr.rowcount


def _tax_values(cr):
    """Fill the lines' tax values by their closing's framework; the closings whose
    rule needs more than the line (Denmark's product groups) are returned."""
    cr.execute(
        SQL(
            """
SELECT DISTINCT c.framework FROM nordic_stock_closing c
  JOIN nordic_stock_closing_line l ON l.closing_id = c.id
 WHERE l.tax_value IS NULL AND c.framework IS NOT NULL
            """
        )
    )
    underived = []
    for (key,) in cr.fetchall():
        framework = get_framework(*key.split("_", 1))
        figure = TAX_VALUE_SQL.get(framework.tax_value)
        if figure is None:
            underived.append(key)
            continue
        cr.execute(
            SQL(
                """
UPDATE nordic_stock_closing_line l SET tax_value = %s
  FROM nordic_stock_closing c
 WHERE c.id = l.closing_id AND c.framework = %s AND l.tax_value IS NULL
                """,
                figure,
                key,
            )
        )
    return underived


def _swedish_tax_view(cr):
    """Sweden's main rule against the 97 % rule where it was not booked: from the
    stored items, with the engine's rate and rounding."""
    cr.execute(
        SQL(
            """
SELECT c.id, SUM(l.value)::text, SUM(l.acquisition_value)::text
  FROM nordic_stock_closing c
  JOIN nordic_stock_closing_line l ON l.closing_id = c.id
 WHERE split_part(c.framework, '_', 1) = 'SE'
   AND COALESCE(c.rule_97, 'off') = 'off'
   AND COALESCE(c.rule_97_main_value, 0) = 0
   AND COALESCE(c.rule_97_alternative_value, 0) = 0
 GROUP BY c.id
            """
        )
    )
    # (numbers as text: exact Decimals, as the engine computes)
    for closing_id, main, acquisition in cr.fetchall():
        alternative = round_money(Decimal(acquisition) * RATE_97)
        cr.execute(
            SQL(
                "UPDATE nordic_stock_closing SET rule_97_main_value = %s, "
                "rule_97_alternative_value = %s WHERE id = %s",
                Decimal(main),
                alternative,
                closing_id,
            )
        )


def _notes(cr):
    """Say on each closing of 18.0.1.0.0 what the update derived and what that
    version did not record."""
    cr.execute(
        SQL(
            """
SELECT c.id, c.workbook_attachment_id IS NOT NULL,
       split_part(c.framework, '_', 1) = 'SE' AND c.rule_97_chosen = 'alternative',
       split_part(c.framework, '_', 1) = 'SE'
  FROM nordic_stock_closing c
 WHERE c.update_note IS NULL AND c.state IN %s
            """,
            FIXED,
        )
    )
    notes = {}
    for closing_id, has_workbook, allowance, swedish in cr.fetchall():
        lines = [
            "Updated from 18.0.1.0.0: its figures are as posted. Derived from what "
            "was stored then: the items' tax values (the framework's rule), the "
            "classes' write-down account (the change account it was booked on) and "
            "temporary difference"
            + (", the 3 % of the 97 % rule booked" if allowance else "")
            + (", the tax view of the 97 % rule (IL 17:3, 17:4)" if swedish else "")
            + (", the link to the workbook attached at posting" if has_workbook else "")
            + ".",
            "Not recorded by 18.0.1.0.0, so left empty: Odoo's own valuation per "
            "item, the fixed values and their tolerance in force then, the time it "
            "was computed.",
        ]
        if not has_workbook:
            lines.append("No workbook was attached when it was posted.")
        notes[closing_id] = "\n".join(lines)
    for closing_id, note in notes.items():
        cr.execute(
            SQL(
                "UPDATE nordic_stock_closing SET update_note = %s WHERE id = %s",
                note,
                closing_id,
            )
        )
    return len(notes)


def migrate(cr, version):
    if not version:
        return
    workbooks = _link_workbooks(cr)
    underived = _tax_values(cr)
    cr.execute(
        SQL(
            """
UPDATE nordic_stock_closing_class
   SET write_down_account_id = COALESCE(write_down_account_id, change_account_id),
       temporary_difference = COALESCE(temporary_difference,
                                       tax_value - closing_value)
 WHERE write_down_account_id IS NULL OR temporary_difference IS NULL
            """
        )
    )
    cr.execute(
        SQL(
            """
UPDATE nordic_stock_closing c
   SET rule_97_allowance = CASE WHEN c.rule_97_chosen = 'alternative' THEN
       (SELECT COALESCE(SUM(write_down), 0) FROM nordic_stock_closing_class
         WHERE closing_id = c.id)
       - (SELECT COALESCE(SUM(write_down), 0) FROM nordic_stock_closing_line
           WHERE closing_id = c.id)
       ELSE 0 END
 WHERE c.rule_97_allowance IS NULL
            """
        )
    )
    _swedish_tax_view(cr)
    noted = _notes(cr)
    _logger.info(
        "Nordic stock closing 18.0.1.1.0: %s workbook(s) linked, %s closing(s) noted, "
        "tax values not derivable for %s",
        workbooks,
        noted,
        json.dumps(underived),
    )
