from datetime import timedelta

from odoo.tests import tagged

from .closing_common import NordicStockClosingCase


@tagged("post_install", "-at_install")
class TestPostingValuesTheDatabase(NordicStockClosingCase):
    """Posting books what the engine computes from the database: the stored
    computation when nothing changed since, else a new one."""

    def _computed(self, list_price=0.0):
        company = self.company_no
        category = self._category(company, "goods_for_resale")
        product = self._product(company, category, "P", list_price=list_price)
        self._move(product, 10, 100, "2025-03-01 10:00:00")  # 1,000
        closing = self._closing(company)
        closing.action_compute()
        return closing, product

    def _entered_after_computing(self, closing, move):
        """Stamp ``move``'s layer as entered after ``closing`` was computed."""
        self._set_created(
            move.stock_valuation_layer_ids, closing.computed_at + timedelta(minutes=1)
        )

    def test_nothing_changed_posts_the_stored_computation(self):
        closing, _product = self._computed()
        lines = closing.line_ids
        closing.action_post()
        self.assertEqual(closing.line_ids, lines)  # not computed again
        self.assertEqual(
            self._net(self.company_no, closing.move_id), {"1460": 1000, "4390": -1000}
        )

    def test_movement_entered_after_computing_is_booked(self):
        """A receipt of 5 @ 100 dated 2025-12-15, entered after computing: the
        entry books 1,000 + 500 = 1,500."""
        closing, product = self._computed()
        move = self._move(product, 5, 100, "2025-12-15 10:00:00")
        self._entered_after_computing(closing, move)
        closing.action_post()
        self.assertEqual(closing.line_ids.quantity, 15)
        self.assertEqual(
            self._net(self.company_no, closing.move_id), {"1460": 1500, "4390": -1500}
        )

    def test_setting_changed_after_computing_is_applied(self):
        """Sales price 95, selling costs 0 % when computed: NRV 95 x 10 = 950 <
        1,000, write-down 50. Selling costs raised to 20 % before posting: NRV
        95 x 80 % = 76 a unit, 760 for 10, write-down 240, booked on 1469."""
        self.company_no.nordic_selling_cost_percent = 0.0
        closing, _product = self._computed(list_price=95.0)
        self.assertEqual(closing.line_ids.write_down, 50)  # 1,000 - 950
        self.company_no.nordic_selling_cost_percent = 20.0
        closing.action_post()
        self.assertEqual(closing.line_ids.write_down, 240)  # 1,000 - 10 x 76
        self.assertEqual(
            self._net(self.company_no, closing.move_id),
            {"1460": 1000, "4390": -1000 + 240, "1469": -240},
        )
