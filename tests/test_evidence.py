"""Issue 21, evidence that stays true: Odoo's own Reverse Entry on a closing's entry,
a second closing of a posted date, entered values by users without an e-mail
address, Duplicate. (The update of the addon itself: tools/upgrade/, run by
``make test``.)

Each through the ORM and XML-RPC, as the least-privileged user who may (preparer:
computes and enters values; poster: posts and reverses) and users who may not.
"""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .test_integrity import (
    CLOSING,
    DATE,
    ENTRY_NO,
    FAULT_USER_ERROR,
    PREPARER_GROUPS,
    ClosingIntegrityCase,
)

REVERSAL = "account.move.reversal"


class EvidenceCase(ClosingIntegrityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # warehouse staff often have no e-mail address
        cls.preparer_no_mail = new_test_user(
            cls.env,
            login="evidence_preparer_no_mail",
            password="evidence_preparer_no_mail",
            groups=PREPARER_GROUPS,
            company_id=cls.company_no.id,
            company_ids=[cls.company_no.id],
            email=False,
        )
        assert not cls.preparer_no_mail.email

    def _reversal_context(self, moves):
        return {"active_model": "account.move", "active_ids": moves.ids}

    def _assert_untouched(self, closing, layers_value):
        """The closing is still posted (or reversed) with its entry and layers."""
        self.env.invalidate_all()
        self.assertIn(closing.state, ("posted", "reversed"))
        self.assertFalse(
            self.env["account.move"].search(
                [("reversed_entry_id", "in", closing.move_id.ids)]
            )
            - closing.reversal_move_id,
            "Odoo reversed the closing's entry behind its back",
        )
        self.assertAlmostEqual(
            sum(closing.valuation_layer_ids.mapped("value")), layers_value
        )


class TestEvidence(EvidenceCase):
    # ------------------------------------------------------------------
    # 1. Odoo's own Reverse Entry
    # ------------------------------------------------------------------
    def _nrv_written_down(self):
        """Real time, posted with a write-down (NRV 80 on 10 @ 100: 200), so that
        the closing has write-down layers Odoo's reversal would leave standing."""
        company = self.company_no
        account = self._nordic_account
        category = (
            self.env["product.category"]
            .with_company(company)
            .create(
                {
                    "name": "Real-time goods",
                    "property_cost_method": "fifo",
                    "property_valuation": "real_time",
                    "nordic_inventory_class": "goods_for_resale",
                    "property_stock_valuation_account_id": account(company, "1460").id,
                    "property_stock_account_input_categ_id": account(
                        company, "2400"
                    ).id,
                    "property_stock_account_output_categ_id": account(
                        company, "4300"
                    ).id,
                    "property_stock_journal": company.nordic_closing_journal_id.id,
                }
            )
        )
        self._move(self._product(company, category, "RT", 150), 10, 100)
        closing = self.env[CLOSING].with_user(self.preparer).prepare(company.id, DATE)
        closing.line_ids.with_user(self.preparer).net_realisable_value = 80
        closing.with_user(self.poster).action_post()
        closing = self.env[CLOSING].browse(closing.id)
        self.assertAlmostEqual(closing.write_down, 200)
        self.assertAlmostEqual(sum(closing.valuation_layer_ids.mapped("value")), -200)
        return closing

    def test_odoo_reverse_entry_refused_for_the_entry_and_its_reversal(self):
        closing = self._nrv_written_down()
        for state in ("posted", "reversed"):
            if state == "reversed":
                closing.with_user(self.poster).action_reverse()
            layers = sum(closing.valuation_layer_ids.mapped("value"))
            for move in closing.move_id | closing.reversal_move_id:
                for who, user in (("poster", self.poster), ("superuser", None)):
                    env = self.env(user=user) if user else self.env
                    Reversal = env[REVERSAL].with_context(
                        **self._reversal_context(move)
                    )
                    with self.subTest(state=state, move=move.name, user=who):
                        # the button Reverse Entry opens the dialog: refused at once
                        with self._refused() as caught:
                            Reversal.default_get(["move_ids", "journal_id"])
                        self._assert_points_to_reverse(caught.exception, closing)
                        # the dialog's Reverse, and the ORM behind every reversal
                        with self._refused():
                            env[REVERSAL].create(
                                {
                                    "move_ids": [(6, 0, move.ids)],
                                    "journal_id": move.journal_id.id,
                                    "date": DATE,
                                }
                            ).reverse_moves()
                        with self._refused():
                            move.with_env(env)._reverse_moves()
                    self._assert_untouched(closing, layers)

    def test_closing_reverse_still_reverses_its_entry(self):
        closing = self._nrv_written_down()
        closing.with_user(self.poster).action_reverse(reason="count corrected")
        self.assertEqual(closing.state, "reversed")
        self.assertEqual(closing.reversal_move_id.reversed_entry_id, closing.move_id)
        self.assertEqual(
            self._net(self.company_no, closing.reversal_move_id),
            {
                code: -amount
                for code, amount in self._net(self.company_no, closing.move_id).items()
            },
        )
        self.assertAlmostEqual(sum(closing.valuation_layer_ids.mapped("value")), 0)

    def test_other_entries_still_reverse(self):
        entry = self._other_entry()
        reversal = entry._reverse_moves([{"date": DATE}])
        self.assertEqual(reversal.reversed_entry_id, entry)

    # ------------------------------------------------------------------
    # 2. One closing per company and date while one is posted
    # ------------------------------------------------------------------
    def test_posted_date_gives_the_posted_closing(self):
        closing = self._posted()
        figures = (closing.acquisition_value, closing.closing_value)
        Closing = self.env[CLOSING]
        count = Closing.search_count([("company_id", "=", self.company_no.id)])
        for who, user in (("preparer", self.preparer), ("poster", self.poster)):
            for post in (False, True):
                if post and user == self.preparer:
                    continue
                with self.subTest(user=who, post=post):
                    got = Closing.with_user(user).prepare(
                        self.company_no.id, DATE, post=post
                    )
                    self.assertEqual(got, closing)
        self.assertEqual(
            Closing.search_count([("company_id", "=", self.company_no.id)]), count
        )
        self.assertEqual((closing.acquisition_value, closing.closing_value), figures)
        self.assertEqual(closing.state, "posted")

    def test_wizard_preview_shows_the_posted_closing(self):
        closing = self._posted()
        wizard = (
            self.env["nordic.stock.closing.wizard"]
            .with_user(self.preparer)
            .create({"company_id": self.company_no.id, "date": DATE})
        )
        self.assertEqual(wizard.posted_closing_id, closing)
        wizard.action_preview()
        self.assertEqual(wizard.closing_id, closing)
        self.assertEqual(
            self.env[CLOSING].search_count(
                [("company_id", "=", self.company_no.id), ("date", "=", DATE)]
            ),
            1,
        )

    def test_draft_of_a_posted_date_is_not_computed_or_posted(self):
        closing = self._posted()
        # a draft of the same date made before the posting (or by the API)
        draft = (
            self.env[CLOSING]
            .with_user(self.preparer)
            .create({"company_id": self.company_no.id, "date": DATE})
        )
        with self._refused() as caught:
            draft.with_user(self.preparer).action_compute()
        self.assertIn(closing.name, str(caught.exception))
        self.assertIn("reverse", str(caught.exception).lower())
        with self._refused():
            draft.with_user(self.poster).action_post()
        self.assertEqual(draft.state, "draft")
        self.assertFalse(draft.line_ids)

    def test_after_reversal_a_new_closing_opens_with_the_year_before(self):
        """Nordvare AS: 10 @ 100 received in 2025, nothing before: opening 0,
        purchases 1,000, closing 1,000, cost of goods sold 0; entry 1460/4390
        1,000. Reversed, a new closing of the date says the same, not the posted
        entry as its opening."""
        closing = self._posted()
        self.assertEqual(self._net(self.company_no, closing.move_id), ENTRY_NO)
        closing.with_user(self.poster).action_reverse()
        again = (
            self.env[CLOSING].with_user(self.preparer).prepare(self.company_no.id, DATE)
        )
        self.assertNotEqual(again, closing)
        self.assertEqual(again.state, "computed")
        cls = self._class(again, "goods_for_resale")
        self.assertEqual(
            (
                cls.opening_value,
                cls.purchases,
                cls.closing_value,
                cls.cost_of_goods_sold,
            ),
            (0, 1000, 1000, 0),
        )
        self.assertEqual(
            {
                line.account_id.code: line.debit - line.credit
                for line in again.entry_line_ids
            },
            ENTRY_NO,
        )

    # ------------------------------------------------------------------
    # 3. Entered values by users without an e-mail address; Duplicate
    # ------------------------------------------------------------------
    def test_preparer_without_email_enters_values(self):
        closing = self._computed()
        line = closing.line_ids.with_user(self.preparer_no_mail)
        line.net_realisable_value = 90  # 10 x 90 = 900: write-down 100
        self.assertAlmostEqual(closing.write_down, 100)
        message = closing.message_ids[0]
        self.assertEqual(message.author_id, self.preparer_no_mail.partner_id)
        self.assertIn("I", message.body)
        self.assertIn("90", message.body)
        # cleared: the NRV from the sales price again (150, no write-down)
        line.net_realisable_value = False
        self.assertEqual(line.nrv_source, "sales_price")
        self.assertAlmostEqual(line.net_realisable_value, 150)
        self.assertAlmostEqual(closing.write_down, 0)
        self.assertEqual(
            closing.message_ids[0].author_id, self.preparer_no_mail.partner_id
        )

    def test_reader_cannot_enter_values(self):
        closing = self._computed()
        with self._refused(AccessError):
            closing.line_ids.with_user(self.reader).net_realisable_value = 90

    def test_duplicate_not_offered_and_refused(self):
        closing = self._posted()
        arch = self.env[CLOSING].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('duplicate="0"', arch)
        for user in (self.poster, self.preparer):
            with self.subTest(user=user.login), self._refused() as caught:
                closing.with_user(user).copy()
            self.assertIn("cannot be duplicated", str(caught.exception))


@tagged("post_install", "-at_install", "nordic_closing_integrity")
class TestEvidenceHttp(EvidenceCase, HttpCase):
    """The same through XML-RPC with the users' own login."""

    def test_xmlrpc_reverse_entry_refused(self):
        closing = self._posted()
        move = closing.move_id
        fault = self._fault(
            self.poster,
            REVERSAL,
            "create",
            [{"move_ids": [(6, 0, move.ids)], "journal_id": move.journal_id.id}],
            {"context": self._reversal_context(move)},
            codes=(FAULT_USER_ERROR,),
        )
        self.assertIn(closing.name, fault.faultString)
        self._assert_untouched(closing, 0)

    def test_xmlrpc_prepare_of_a_posted_date(self):
        closing = self._posted()
        args = [self.company_no.id, "2025-12-31"]
        self.assertEqual(self._rpc(self.preparer, CLOSING, "prepare", args), closing.id)
        # who may not prepare or post is refused, as on any other date
        self._fault(self.reader, CLOSING, "prepare", args)
        self._fault(self.preparer, CLOSING, "prepare", args, {"post": True})

    def test_xmlrpc_preparer_without_email_enters_an_nrv(self):
        closing = self._computed()
        self._rpc(
            self.preparer_no_mail,
            "nordic.stock.closing.line",
            "write",
            [closing.line_ids.ids, {"net_realisable_value": 90}],
        )
        self.assertAlmostEqual(closing.write_down, 100)
        self._fault(
            self.reader,
            "nordic.stock.closing.line",
            "write",
            [closing.line_ids.ids, {"net_realisable_value": 80}],
        )
        self._fault(self.poster, CLOSING, "copy", [[closing.id]])
