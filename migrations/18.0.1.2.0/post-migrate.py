"""18.0.1.1.0 → 18.0.1.2.0: the closings keep their obsolescence bands also as the
engine takes them (``obsolescence_band_data``), derived once from the bands they
recorded (``obsolescence_bands``, the text ``365:50,730:100``) with the engine's
own reader; the figures are not touched. Lots and serial numbers of items valued by
lot (new in 18.0.1.2.0) are stored from the next computation on: a closing posted
before keeps the valuation it was posted with."""

import json
import logging

from odoo.tools import SQL

from odoo.addons.l10n_nordic_stock_closing.nordic_closing.inputs import parse_bands

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL(
            "SELECT id, obsolescence_bands FROM nordic_stock_closing "
            "WHERE obsolescence_band_data IS NULL"
        )
    )
    rows = cr.fetchall()
    for closing_id, text in rows:
        bands = [
            {"days": band.days, "percent": str(band.percent)}
            for band in parse_bands(text or "")
        ]
        cr.execute(
            SQL(
                "UPDATE nordic_stock_closing SET obsolescence_band_data = %s::jsonb "
                "WHERE id = %s",
                json.dumps(bands),
                closing_id,
            )
        )
    _logger.info(
        "Nordic stock closing 18.0.1.2.0: obsolescence bands of %s closing(s) kept "
        "as the engine takes them",
        len(rows),
    )
