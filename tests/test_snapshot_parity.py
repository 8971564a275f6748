"""The SQL snapshot against the engine's own FIFO: random receipts, issues, returns
to the vendor and landed costs over two years, closed at several dates, give the
same quantity, value and purchases per product as ``value_movements`` run on the
same movements."""

import random
from datetime import date, datetime, timedelta
from decimal import Decimal

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from ..nordic_closing.valuation import (
    ADJUSTMENT,
    VENDOR_RETURN,
    Movement,
    value_movements,
)
from .closing_common import NordicStockClosingCase

DATES = (date(2024, 12, 31), date(2025, 6, 30), date(2025, 12, 31))


@tagged("post_install", "-at_install")
class TestSnapshotParity(NordicStockClosingCase):
    def _vendor_return(self, receipt, quantity, when):
        """Return ``quantity`` of the receipt move ``receipt`` to its vendor."""
        company = receipt.company_id
        with freeze_time(when):
            move = (
                self.env["stock.move"]
                .with_company(company)
                .create(
                    {
                        "name": f"return {receipt.name}",
                        "product_id": receipt.product_id.id,
                        "product_uom": self.unit.id,
                        "product_uom_qty": quantity,
                        "company_id": company.id,
                        "location_id": receipt.location_dest_id.id,
                        "location_dest_id": receipt.location_id.id,
                        "origin_returned_move_id": receipt.id,
                    }
                )
            )
            move._action_confirm()
            move._action_assign()
            move.picked = True
            move._action_done()
        return move

    def _landed_cost(self, receipt, value, when):
        """A landed-cost layer on ``receipt`` (as stock_landed_costs makes it: the
        value of the units still in stock), created at ``when``."""
        receipt_layer = receipt.stock_valuation_layer_ids[:1]
        layer = (
            self.env["stock.valuation.layer"]
            .sudo()
            .create(
                {
                    "company_id": receipt.company_id.id,
                    "product_id": receipt.product_id.id,
                    "quantity": 0,
                    "value": value,
                    "description": "landed cost",
                    "stock_valuation_layer_id": receipt_layer.id,
                    "stock_move_id": receipt.id,
                }
            )
        )
        self._set_created(layer, when)
        return layer

    def _random_history(self, product, rng):
        """Random movements of ``product``; the engine's view of them."""
        movements, receipts, stock = [], [], Decimal(0)
        day = datetime(2024, 1, 2, 9, 0)
        for _step in range(rng.randint(12, 18)):
            day += timedelta(days=rng.randint(5, 60), minutes=rng.randint(0, 500))
            when = day.strftime("%Y-%m-%d %H:%M:%S")
            choice = rng.random()
            if choice < 0.4 or not receipts:
                qty, cost = rng.randint(5, 60), rng.randint(5, 40)
                move = self._move(product, qty, cost, when)
                layer = move.stock_valuation_layer_ids
                receipts.append((move, qty))
                stock += qty
                movements.append(
                    Movement(
                        day.date(), Decimal(qty), Decimal(cost), reference=layer.id
                    )
                )
            elif choice < 0.7 and stock > 0:
                qty = rng.randint(1, int(stock))
                self._move(product, -qty, when=when)
                stock -= qty
                movements.append(Movement(day.date(), Decimal(-qty)))
            elif choice < 0.85:
                receipt, received = rng.choice(receipts)
                value = Decimal(rng.randint(1, 300))
                layer = self._landed_cost(receipt, float(value), day)
                movements.append(
                    Movement(
                        day.date(),
                        Decimal(0),
                        kind=ADJUSTMENT,
                        adjusts=layer.stock_valuation_layer_id.id,
                        value=value,
                    )
                )
            elif stock > 0:
                receipt, received = rng.choice(receipts)
                qty = rng.randint(1, max(1, min(int(stock), received // 3)))
                self._vendor_return(receipt, qty, when)
                stock -= qty
                movements.append(
                    Movement(
                        day.date(),
                        Decimal(-qty),
                        kind=VENDOR_RETURN,
                        returns=receipt.stock_valuation_layer_ids[:1].id,
                    )
                )
        return movements

    def test_sql_snapshot_agrees_with_the_engine(self):
        company = self.company_no
        company.partner_id.tz = "UTC"  # the movements' days are their UTC days
        rng = random.Random(20251231)
        category = self._category(company, "goods_for_resale")
        products = [self._product(company, category, f"R{n}") for n in range(6)]
        histories = {p: self._random_history(p, rng) for p in products}
        for balance_date in DATES:
            closing = self._closing(company, fields.Date.to_string(balance_date))
            closing.action_compute()
            lines = {line.product_id: line for line in closing.line_ids}
            for product, movements in histories.items():
                item = value_movements(
                    product.default_code,
                    "goods_for_resale",
                    movements,
                    balance_date,
                    closing.fiscal_year_start,
                    allow_negative=True,
                )
                line = lines.get(product)
                got = (
                    (line.quantity, line.acquisition_value, line.purchases)
                    if line
                    else (0, 0, 0)
                )
                self.assertEqual(
                    got,
                    (
                        float(item.quantity),
                        float(item.acquisition_value),
                        float(item.purchases),
                    ),
                    f"{product.default_code} at {balance_date}",
                )
