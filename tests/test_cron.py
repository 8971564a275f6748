import xmlrpc.client
from datetime import date, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command, api
from odoo.tests import HttpCase, get_db_name, new_test_user, tagged
from odoo.tools import mute_logger

from ..models.nordic_stock_closing import server_env
from .closing_common import NordicStockClosingCase

CLOSING_LOGGER = "odoo.addons.l10n_nordic_stock_closing.models.nordic_stock_closing"
REVIEW_TYPE = "l10n_nordic_stock_closing.mail_activity_type_nordic_closing_review"


@tagged("post_install", "-at_install")
class TestNordicClosingCron(NordicStockClosingCase):
    """The scheduled action preparing automatic closings, and the API behind it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Closing = cls.env["nordic.stock.closing"]
        cls.manager_no = cls._manager("cron_manager_no", cls.company_no)
        cls.manager_se = cls._manager("cron_manager_se", cls.company_se)

    @classmethod
    def _manager(cls, login, company):
        return new_test_user(
            cls.env,
            login=login,
            # accounting administrators are closing managers (security.xml)
            groups="base.group_user,account.group_account_manager",
            company_id=company.id,
            company_ids=[company.id],
        )

    def _stocked_product(self, company, code="P"):
        """10 units received at 100 on 2025-06-01: stock value 1,000 from then on."""
        category = self._category(company, "goods_for_resale")
        product = self._product(company, category, code, list_price=150)
        self._move(product, 10, 100, "2025-06-01 10:00:00")
        return product

    def _closings(self, company):
        return self.Closing.search([("company_id", "=", company.id)], order="date")

    def _activities(self, closings):
        return self.env["mail.activity"].search(
            [("res_model", "=", "nordic.stock.closing"), ("res_id", "in", closings.ids)]
        )

    def _run(self, **kwargs):
        with mute_logger(CLOSING_LOGGER):
            return self.Closing._cron_prepare_closings(**kwargs)

    # ------------------------------------------------------------------
    # Which periods are due
    # ------------------------------------------------------------------
    def test_yearly_closing_due_after_the_year_end_in_company_time(self):
        """Yearly: only the last passed fiscal year end, and only once it has passed
        in the company's time zone (Oslo, UTC+1 in winter)."""
        company = self.company_no
        self._stocked_product(company)
        company.nordic_auto_closing = True
        with freeze_time("2026-12-31 22:30:00"):  # 23:30 in Oslo: 2026 not over
            created = self._run()
        # last passed year end = 2025-12-31; 2024-12-31 lies before the window
        self.assertEqual(created.mapped("date"), [date(2025, 12, 31)])
        self.assertEqual(created.state, "computed")
        self.assertAlmostEqual(created.closing_value, 1000)  # 10 x 100
        with freeze_time("2026-12-31 23:30:00"):  # 00:30 on 1 January in Oslo
            created = self._run()
        self.assertEqual(created.mapped("date"), [date(2026, 12, 31)])
        self.assertEqual(
            self._closings(company).mapped("date"),
            [date(2025, 12, 31), date(2026, 12, 31)],
        )

    def test_monthly_closings_idempotent(self):
        """Monthly: the last year end and every month end since that has passed; a
        second run creates nothing; a month later only the new month end."""
        company = self.company_se
        self._stocked_product(company)
        company.write(
            {"nordic_auto_closing": True, "nordic_auto_closing_monthly": True}
        )
        with freeze_time("2026-04-10 09:00:00"):
            created = self._run()
            expected = [date(2025, 12, 31), date(2026, 1, 31), date(2026, 2, 28)]
            expected.append(date(2026, 3, 31))  # 2026-04-30 is still ahead
            self.assertEqual(created.mapped("date"), expected)
            self.assertEqual(set(created.mapped("state")), {"computed"})
            messages = self.env["mail.message"].search_count([])
            activities = self.env["mail.activity"].search_count([])
            self.assertFalse(self._run())
            self.assertEqual(len(self._closings(company)), 4)
            self.assertEqual(self.env["mail.message"].search_count([]), messages)
            self.assertEqual(self.env["mail.activity"].search_count([]), activities)
        with freeze_time("2026-05-02 09:00:00"):
            created = self._run()
        self.assertEqual(created.mapped("date"), [date(2026, 4, 30)])

    def test_existing_closings_bound_the_periods(self):
        """A closing in any state (reversed too) makes its period done, and nothing
        before the company's first closing is prepared."""
        company = self.company_se
        self._stocked_product(company)
        company.write(
            {"nordic_auto_closing": True, "nordic_auto_closing_monthly": True}
        )
        first = self.Closing.with_company(company).prepare(company, "2026-01-31")
        reversed_closing = self._closing(company, "2026-02-28")
        server_env(reversed_closing).write({"state": "reversed"})
        with freeze_time("2026-04-10 09:00:00"):
            created = self._run()
        # 2025-12-31 lies before the first closing (2026-01-31); 2026-01-31 and
        # 2026-02-28 have closings: only 2026-03-31 remains
        self.assertEqual(created.mapped("date"), [date(2026, 3, 31)])
        self.assertEqual(first.state, "computed")
        self.assertEqual(reversed_closing.state, "reversed")

    def test_companies_without_automatic_closing_untouched(self):
        self._stocked_product(self.company_no)
        with freeze_time("2026-04-10 09:00:00"):
            self.assertFalse(self._run())
        self.assertFalse(self._closings(self.company_no))

    def test_companies_of_the_hook_only(self):
        """``_get_cron_companies`` decides which companies are closed: narrowed
        to the Swedish one, the Norwegian one with automatic closing is left
        alone; the Swedish year end 2025-12-31 is prepared at 10 x 100 = 1,000."""
        for company in (self.company_no, self.company_se):
            self._stocked_product(company)
            company.nordic_auto_closing = True
        company_se = self.company_se
        with (
            patch.object(
                type(self.Closing),
                "_get_cron_companies",
                lambda self: company_se.sudo(),
            ),
            freeze_time("2026-04-10 09:00:00"),
        ):
            created = self._run()
        self.assertEqual(created.company_id, company_se)
        self.assertEqual(created.mapped("date"), [date(2025, 12, 31)])
        self.assertAlmostEqual(created.closing_value, 1000)
        self.assertFalse(self._closings(self.company_no))

    # ------------------------------------------------------------------
    # Review or automatic posting
    # ------------------------------------------------------------------
    def test_review_activity_for_the_managers_of_the_company(self):
        company = self.company_no
        self._stocked_product(company)
        company.nordic_auto_closing = True
        # a manager of the other company only, and a mere closing user, get nothing
        user = new_test_user(
            self.env,
            login="cron_user_no",
            groups="l10n_nordic_stock_closing.group_nordic_closing_user",
            company_id=company.id,
            company_ids=[company.id],
        )
        with freeze_time("2026-03-15 09:00:00"):
            closing = self._run()
        self.assertEqual(closing.state, "computed")
        self.assertFalse(closing.move_id)
        activity = self._activities(closing)
        self.assertEqual(activity.user_id, self.manager_no)
        self.assertNotIn(user, activity.user_id)
        self.assertEqual(activity.activity_type_id, self.env.ref(REVIEW_TYPE))
        self.assertEqual(activity.summary, "Review and post the inventory closing")
        self.assertEqual(activity.date_deadline, date(2026, 3, 15))
        self.assertTrue(
            any("Prepared automatically" in m.body for m in closing.message_ids)
        )
        # the manager reviews and posts: debit 1460 / credit 4390 1,000 (GL was 0)
        closing.with_user(self.manager_no).action_post()
        self.assertEqual(
            self._net(company, closing.move_id), {"1460": 1000, "4390": -1000}
        )

    def test_review_activity_for_movements_entered_after_computing(self):
        """A delivery of 4 (at 100: value -400) dated 2025-12-20 but entered after the
        automatic closing was computed: the next run asks the managers to review
        it, once (a third run adds nothing)."""
        company = self.company_no
        product = self._stocked_product(company)
        company.nordic_auto_closing = True
        with freeze_time("2026-03-15 09:00:00"):
            closing = self._run()
        self.assertEqual(closing.late_movement_count, 0)
        move = self._move(product, -4, when="2025-12-20 10:00:00")
        self._set_created(
            move.stock_valuation_layer_ids,
            closing.computed_at + timedelta(minutes=1),
        )
        closing.invalidate_recordset(["late_movement_count", "late_movement_value"])
        self.assertEqual(closing.late_movement_count, 1)
        self.assertEqual(closing.late_movement_value, -400)
        with freeze_time("2026-03-16 09:00:00"):
            self._run()
            self._run()
        late = self._activities(closing).filtered(
            lambda a: a.summary == "1 movements entered since the closing was computed"
        )
        self.assertEqual(late.user_id, self.manager_no)
        self.assertIn("worth -400.00 NOK", str(late.note))

    def test_automatic_posting(self):
        company = self.company_no
        self._stocked_product(company)
        company.write({"nordic_auto_closing": True, "nordic_auto_post": True})
        with freeze_time("2026-03-15 09:00:00"):
            closing = self._run()
        self.assertEqual(closing.state, "posted")
        self.assertEqual(closing.move_id.state, "posted")
        self.assertEqual(closing.move_id.date, date(2025, 12, 31))
        # stock 10 x 100 = 1,000 against a ledger of 0 on 1460
        self.assertEqual(
            self._net(company, closing.move_id), {"1460": 1000, "4390": -1000}
        )
        self.assertFalse(self._activities(closing))
        self.assertTrue(
            any("posted automatically" in m.body for m in closing.message_ids)
        )

    # ------------------------------------------------------------------
    # Failures
    # ------------------------------------------------------------------
    def test_failing_company_does_not_stop_the_others(self):
        """Norway has a category without an inventory class: its closing is recorded
        in draft with the error and its managers are told; Sweden is prepared. The
        company waits until the failed closing computes."""
        company_no, company_se = self.company_no, self.company_se
        unclassed = self.env["product.category"].create({"name": "Unclassed NO"})
        product = self._product(company_no, unclassed, "U")
        self._move(product, 5, 20, "2025-03-01 10:00:00")
        self._stocked_product(company_se)
        (company_no | company_se).nordic_auto_closing = True
        with freeze_time("2026-03-15 09:00:00"):
            created = self._run()
        failed = created.filtered(lambda c: c.company_id == company_no)
        done = created - failed
        self.assertEqual(failed.state, "draft")
        self.assertIn(
            "Choose an inventory class on these product categories: Unclassed NO",
            failed.error_message,
        )
        self.assertFalse(failed.line_ids)
        self.assertTrue(
            any("could not prepare this closing" in m.body for m in failed.message_ids)
        )
        activity = self._activities(failed)
        self.assertEqual(activity.user_id, self.manager_no)
        self.assertEqual(activity.summary, "Automatic inventory closing failed")
        self.assertEqual((done.company_id, done.state), (company_se, "computed"))
        self.assertAlmostEqual(done.closing_value, 1000)
        self.assertEqual(self._activities(done).user_id, self.manager_se)

        with freeze_time("2027-01-05 09:00:00"):
            # still failed: Norway waits (no 2026-12-31 closing), Sweden goes on
            created = self._run()
            self.assertEqual(created.company_id, company_se)
            self.assertEqual(created.date, date(2026, 12, 31))
            # the manager classes the category and computes the failed closing again
            unclassed.nordic_inventory_class = "raw_material"
            failed.action_compute()
            self.assertEqual(failed.state, "computed")
            self.assertFalse(failed.error_message)
            created = self._run()
        self.assertEqual(created.company_id, company_no)
        self.assertEqual(created.date, date(2026, 12, 31))

    def test_negative_stock_with_automatic_posting(self):
        """Sweden delivers more than it has: nothing is posted there; Norway posts."""
        company_no, company_se = self.company_no, self.company_se
        self._stocked_product(company_no)
        category = self._category(company_se, "goods_for_resale")
        product = self._product(company_se, category, "NEG")
        # received in 2026, delivered back-dated into 2025: -3 at 2025-12-31
        self._move(product, 5, 50, "2026-01-05 10:00:00")
        self._move(product, -3, when="2026-01-06 10:00:00", dated="2025-12-01 10:00:00")
        (company_no | company_se).write(
            {"nordic_auto_closing": True, "nordic_auto_post": True}
        )
        with freeze_time("2026-03-15 09:00:00"):
            created = self._run()
        failed = created.filtered(lambda c: c.company_id == company_se)
        self.assertEqual(failed.state, "draft")
        self.assertFalse(failed.move_id)
        self.assertIn("negative stock", failed.error_message)
        self.assertIn("[NEG] Product NEG", failed.error_message)
        self.assertEqual(self._activities(failed).user_id, self.manager_se)
        posted = created - failed
        self.assertEqual(posted.state, "posted")
        self.assertEqual(
            self._net(company_no, posted.move_id), {"1460": 1000, "4390": -1000}
        )

    # ------------------------------------------------------------------
    # Scheduler integration
    # ------------------------------------------------------------------
    def test_progress_reported_in_batches(self):
        """Four due month ends, batches of three: 3 done / 1 remaining, then 1 / 0."""
        company = self.company_se
        self._stocked_product(company)
        company.write(
            {"nordic_auto_closing": True, "nordic_auto_closing_monthly": True}
        )
        cron = self.env.ref("l10n_nordic_stock_closing.ir_cron_nordic_prepare_closings")
        Progress = self.env["ir.cron.progress"]
        with freeze_time("2026-04-10 09:00:00"):
            first = Progress.create({"cron_id": cron.id, "done": 0, "remaining": 0})
            self.Closing.with_context(
                ir_cron_progress_id=first.id
            )._cron_prepare_closings(batch_size=3)
            self.assertEqual((first.done, first.remaining), (3, 1))
            second = Progress.create({"cron_id": cron.id, "done": 0, "remaining": 0})
            self.Closing.with_context(
                ir_cron_progress_id=second.id
            )._cron_prepare_closings(batch_size=3)
            self.assertEqual((second.done, second.remaining), (1, 0))
        self.assertEqual(len(self._closings(company)), 4)

    def test_scheduled_action_record(self):
        """The shipped scheduled action runs the preparation (as the scheduler does)."""
        company = self.company_no
        self._stocked_product(company)
        company.nordic_auto_closing = True
        cron = self.env.ref("l10n_nordic_stock_closing.ir_cron_nordic_prepare_closings")
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "days"))
        with (
            freeze_time("2026-03-15 09:00:00"),
            mute_logger("odoo.addons.base.models.ir_cron"),
        ):
            cron.method_direct_trigger()
        self.assertEqual(self._closings(company).mapped("date"), [date(2025, 12, 31)])

    # ------------------------------------------------------------------
    # API for implementers
    # ------------------------------------------------------------------
    def test_prepare_with_id_and_date_string(self):
        company = self.company_no
        self._stocked_product(company)
        closing = self.Closing.prepare(company.id, "2025-12-31")
        self.assertEqual(
            (closing.company_id, closing.date, closing.state),
            (company, date(2025, 12, 31), "computed"),
        )
        self.assertAlmostEqual(closing.closing_value, 1000)
        # a second call reuses the unposted closing; post=True posts it
        again = self.Closing.prepare(company, date(2025, 12, 31), post=True)
        self.assertEqual(again, closing)
        self.assertEqual(closing.state, "posted")

    def test_prepare_over_rpc_returns_the_id(self):
        """What execute_kw does: call_kw, then XML-RPC marshalling of the result; the
        caller's current company (Norway here) need not be the closing's."""
        company = self.company_se
        self._stocked_product(company)
        model = self.Closing.with_company(self.company_no)
        result = api.call_kw(
            model, "prepare", [company.id, "2025-12-31"], {"post": False}
        )
        closing = self._closings(company)
        self.assertEqual(result, closing.id)
        self.assertIsInstance(result, int)
        xmlrpc.client.dumps((result,), methodresponse=True)  # marshallable
        result = api.call_kw(
            model, "prepare", [company.id, "2025-12-31"], {"post": True}
        )
        self.assertEqual(result, closing.id)
        self.assertEqual(closing.state, "posted")
        self.assertEqual(closing.move_id.journal_id.company_id, company)

    def test_prepare_from_a_server_action(self):
        company = self.company_se
        self._stocked_product(company)
        action = self.env["ir.actions.server"].create(
            {
                "name": "Prepare the year-end inventory closing",
                "model_id": self.env.ref(
                    "l10n_nordic_stock_closing.model_nordic_stock_closing"
                ).id,
                "state": "code",
                "code": (
                    f"closing = model.prepare({company.id}, '2025-12-31')\n"
                    "closing.message_post(body='Prepared by a server action')"
                ),
            }
        )
        action.run()
        closing = self._closings(company)
        self.assertEqual(
            (closing.date, closing.state), (date(2025, 12, 31), "computed")
        )
        self.assertTrue(
            any("Prepared by a server action" in m.body for m in closing.message_ids)
        )


@tagged("post_install", "-at_install")
class TestNordicClosingXmlRpc(NordicStockClosingCase, HttpCase):
    """The API over a real XML-RPC connection (``execute_kw``)."""

    def test_prepare_over_xmlrpc(self):
        company = self.company_se
        category = self._category(company, "goods_for_resale")
        product = self._product(company, category, "RPC", list_price=150)
        self._move(product, 10, 100, "2025-06-01 10:00:00")  # 1,000 in stock
        admin = self.env.ref("base.user_admin")
        admin.write(
            {
                "company_ids": [Command.link(company.id)],
                "groups_id": [
                    Command.link(self.env.ref("account.group_account_manager").id)
                ],
            }
        )
        closing_id = self.xmlrpc_object.execute_kw(
            get_db_name(),
            admin.id,
            "admin",
            "nordic.stock.closing",
            "prepare",
            [company.id, "2025-12-31"],
            {"post": True},
        )
        closing = self.env["nordic.stock.closing"].browse(closing_id)
        self.assertEqual((closing.company_id, closing.state), (company, "posted"))
        # stock 10 x 100 = 1,000 against a ledger of 0: debit 1460 / credit 4960
        self.assertEqual(
            self._net(company, closing.move_id), {"1460": 1000, "4960": -1000}
        )


@tagged("post_install", "-at_install")
class TestNordicClosingDemo(NordicStockClosingCase):
    """The demo companies (created here without demo data) close as computed by hand
    in README "Demo data"."""

    def test_demo_companies_closing(self):
        self.env["nordic.stock.closing.demo"]._nordic_demo_create()
        Closing = self.env["nordic.stock.closing"]
        company_no = self.env.ref("l10n_nordic_stock_closing.demo_company_no")
        closing = Closing.prepare(company_no, "2025-12-31")
        # raw materials (AVCO) 2,800 m x 46.00 = 128,800; finished goods (FIFO)
        # 15 x 6,650 = 99,750; resale 90 x 325 = 29,250 + lamps 24 x 450 = 10,800
        self.assertAlmostEqual(closing.acquisition_value, 268600)
        # lamps: 10,800 - 24 x 390 x 95 % (8,892) = 1,908
        self.assertAlmostEqual(closing.write_down, 1908)
        self.assertAlmostEqual(closing.closing_value, 266692)
        closing.action_post()
        # ledger 2024-12-31: 1400 80,000, 1440 62,000, 1460 49,000, 1469 -2,800
        self.assertEqual(
            self._net(company_no, closing.move_id),
            {
                "1400": 48800,  # 128,800 - 80,000
                "4090": -48800,
                "1440": 37750,  # 99,750 - 62,000
                "4290": -37750,
                "1460": -8950,  # 40,050 - 49,000
                "1469": 892,  # -1,908 - (-2,800)
                "4390": 8058,  # 8,950 - 892
            },
        )
        company_se = self.env.ref("l10n_nordic_stock_closing.demo_company_se_k2")
        self.assertEqual(company_se.chart_template, "se_K2")
        closing = Closing.prepare(company_se, "2025-12-31")
        # raw (AVCO) 800 kg x 58.50 = 46,800; filters (AVCO) 800 x 4.40 = 3,520;
        # coffee (FIFO) 450 x 97 = 43,650; cups 310 x 38 = 11,780
        self.assertAlmostEqual(closing.acquisition_value, 105750)
        # cups: 11,780 - 310 x 35 x 96 % (10,416) = 1,364
        self.assertAlmostEqual(closing.write_down, 1364)
        self.assertAlmostEqual(closing.closing_value, 104386)
        closing.action_post()
        # ledger 2024-12-31: 1410 31,200, 1420 4,200, 1460 59,700, 1469 -1,000
        self.assertEqual(
            self._net(company_se, closing.move_id),
            {
                "1410": 15600,  # 46,800 - 31,200
                "4910": -15600,
                "1420": -680,  # 3,520 - 4,200
                "4920": 680,
                "1460": -4270,  # 55,430 - 59,700
                "1469": -364,  # -1,364 - (-1,000)
                "4960": 4634,  # 4,270 + 364
            },
        )
        # a second call creates nothing more
        companies = self.env["res.company"].search_count([])
        self.env["nordic.stock.closing.demo"]._nordic_demo_create()
        self.assertEqual(self.env["res.company"].search_count([]), companies)
