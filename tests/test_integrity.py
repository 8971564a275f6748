"""Issue 11, closing integrity: a closing's figures are the server's, a posted closing
is fixed evidence, and bad input is answered plainly (README "The closing record",
"Python API for implementers").

Users, each in one company: a preparer (prepares, cannot post), a poster (posts and
reverses), a reader (accounting read-only) and an accountant of the other company.
"""

import re
import xmlrpc.client
from contextlib import contextmanager, suppress
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.sql_db import db_connect
from odoo.tests import HttpCase, get_db_name, new_test_user, tagged
from odoo.tools import mute_logger

from .closing_common import NordicStockClosingCase

CLOSING = "nordic.stock.closing"
LINE = "nordic.stock.closing.line"
CLASS = "nordic.stock.closing.class"
ENTRY = "nordic.stock.closing.entry"
DATE = date(2025, 12, 31)
# 10 units received at 100 against an empty ledger: debit 1460 / credit 4390 1,000
ENTRY_NO = {"1460": 1000, "4390": -1000}
PREPARER_GROUPS = (
    "l10n_nordic_stock_closing.group_nordic_closing_user,stock.group_stock_user"
)
POSTER_GROUPS = (
    "l10n_nordic_stock_closing.group_nordic_closing_manager,account.group_account_user"
)
READER_GROUPS = "account.group_account_readonly"
ACCOUNTANT_GROUPS = "account.group_account_manager"
# XML-RPC fault codes of /xmlrpc/2 (odoo/addons/base/controllers/rpc.py)
FAULT_USER_ERROR, FAULT_ACCESS_ERROR = 2, 4
# the date the concurrency test closes the committed main company at
LOCK_DATE = date(2030, 12, 31)


class _RolledBack(Exception):
    """Leaves a savepoint rolled back on purpose."""


class ClosingIntegrityCase(NordicStockClosingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company, other = cls.company_no, cls.company_se
        cls.preparer = cls._integrity_user("integrity_preparer", PREPARER_GROUPS)
        cls.poster = cls._integrity_user("integrity_poster", POSTER_GROUPS)
        cls.reader = cls._integrity_user("integrity_reader", READER_GROUPS)
        cls.accountant_b = cls._integrity_user(
            "integrity_accountant_b", ACCOUNTANT_GROUPS, other
        )
        assert cls.preparer.company_ids == company

    @classmethod
    def _integrity_user(cls, login, groups, company=None):
        company = company or cls.company_no
        return new_test_user(
            cls.env,
            login=login,
            password=login,
            groups=groups,
            company_id=company.id,
            company_ids=[company.id],
        )

    # -- fixtures ---------------------------------------------------------
    def _stock(self, code="I"):
        """10 units received at 100 in Nordvare AS (FIFO, goods for resale, sold at
        150: no write-down)."""
        company = self.company_no
        category = self._category(company, "goods_for_resale")
        product = self._product(company, category, code, list_price=150)
        self._move(product, 10, 100, "2025-06-01 10:00:00")
        return product

    def _computed(self):
        """The preparer's computed closing of Nordvare AS at 2025-12-31 (in the
        superuser's environment)."""
        self._stock()
        closing = (
            self.env[CLOSING]
            .with_user(self.preparer)
            .create({"company_id": self.company_no.id, "date": DATE})
        )
        closing.action_compute()
        self.assertEqual(closing.state, "computed")
        self.assertAlmostEqual(closing.closing_value, 1000)
        return self.env[CLOSING].browse(closing.id)

    def _posted(self):
        closing = self._computed()
        closing.with_user(self.poster).action_post()
        self.assertEqual(closing.state, "posted")
        return closing

    def _other_entry(self):
        """A posted entry of Nordvare AS that is not the closing's (no stock
        account)."""
        return self._ledger_entry(
            self.company_no, "2025-03-31", [("2050", 10), ("1920", -10)]
        )

    def _workbook(self, closing):
        self.assertTrue(
            "workbook_attachment_id" in closing._fields,
            "the closing keeps no workbook_attachment_id",
        )
        return closing.workbook_attachment_id

    # -- expectations -----------------------------------------------------
    # (XML-RPC: for the HttpCase subclasses)
    def _rpc(self, user, model, method, args, kwargs=None):
        result = self.xmlrpc_object.execute_kw(
            get_db_name(), user.id, user.login, model, method, args, kwargs or {}
        )
        self.env.invalidate_all()
        return result

    def _fault(self, user, model, method, args, kwargs=None, codes=None):
        """The fault of a call that must be refused with a UserError (or, with
        ``codes``, those fault codes)."""
        codes = codes or (FAULT_USER_ERROR, FAULT_ACCESS_ERROR)
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self._rpc(user, model, method, args, kwargs)
        self.env.invalidate_all()
        fault = caught.exception
        self.assertIn(fault.faultCode, codes, fault.faultString[-800:])
        return fault

    @contextmanager
    def _refused(self, exception=UserError):
        """Expect ``exception``; what the body did is rolled back either way."""
        with (
            self.env.cr.savepoint(),
            self.assertRaises(exception) as caught,
            self.env.cr.savepoint(),
        ):
            yield caught

    def _attempt(self, func, *args, **kwargs):
        """Call ``func`` in a savepoint rolled back only if it raises: the UserError
        it raised, or None when it was accepted (and its effect kept)."""
        try:
            with self.env.cr.savepoint():
                func(*args, **kwargs)
        except UserError as error:
            return error
        return None

    def _assert_names(self, error, argument):
        self.assertIn(
            argument,
            str(error).lower(),
            f"the message does not name the argument {argument!r}",
        )

    def _assert_points_to_reverse(self, error, closing):
        message = str(error)
        self.assertTrue(
            "Reverse" in message or closing.name in message,
            f"the message names neither Reverse nor {closing.name}: {message}",
        )

    def _download_id(self, action):
        match = re.fullmatch(
            r"/l10n_nordic_stock_closing/download/(\d+)", action["url"]
        )
        self.assertTrue(match, action["url"])
        return int(match.group(1))

    def _bad_prepare_inputs(self):
        """(label, argument the message must name, company, date, post)."""
        company = self.company_no.id
        return [
            ("unknown company", "company", 999999, "2025-12-31", False),
            ("company 'abc'", "company", "abc", "2025-12-31", False),
            ("company beyond the ids", "company", "9" * 30, "2025-12-31", False),
            ("company -1", "company", -1, "2025-12-31", False),
            ("date 2025-13-45", "date", company, "2025-13-45", False),
            ("date 0001-01-01", "date", company, "0001-01-01", False),
            ("date 1899-12-31", "date", company, "1899-12-31", False),
            ("date 3000-01-01", "date", company, "3000-01-01", False),
            ("date 12345", "date", company, 12345, False),
            ("post 'yes'", "post", company, "2025-12-31", "yes"),
        ]


@tagged("post_install", "-at_install", "nordic_closing_integrity")
class TestClosingIntegrity(ClosingIntegrityCase):
    @classmethod
    def setUpClass(cls):
        # The concurrency test needs a company another cursor sees: the main company,
        # given a closing framework in a committed transaction before this class's
        # transaction (and its snapshot) begins, and restored after the class.
        cls._main_company_saved = cls._commit_main_company_framework()
        cls.addClassCleanup(cls._restore_main_company)
        super().setUpClass()

    @classmethod
    def _commit_main_company_framework(cls):
        with db_connect(get_db_name()).cursor() as cr:
            cr.execute(
                "SELECT c.id, c.nordic_closing_framework, c.fiscalyear_lock_date"
                "  FROM res_company c JOIN ir_model_data d"
                "    ON d.model = 'res.company' AND d.res_id = c.id"
                " WHERE d.module = 'base' AND d.name = 'main_company'"
            )
            saved = cr.fetchone()
            cr.execute(
                "UPDATE res_company SET nordic_closing_framework = 'NO_NGAAP'"
                " WHERE id = %s",
                [saved[0]],
            )
        return saved

    @classmethod
    def _restore_main_company(cls):
        company_id, framework, lock_date = cls._main_company_saved
        with db_connect(get_db_name()).cursor() as cr:
            cr.execute(
                "UPDATE res_company SET nordic_closing_framework = %s,"
                " fiscalyear_lock_date = %s WHERE id = %s",
                [framework, lock_date, company_id],
            )

    # ------------------------------------------------------------------
    # Happy paths, one per user
    # ------------------------------------------------------------------
    def test_preparer_prepares_and_computes(self):
        self._stock()
        Closing = self.env[CLOSING].with_user(self.preparer)
        closing = Closing.prepare(self.company_no.id, "2025-12-31")
        self.assertEqual(closing.state, "computed")
        self.assertAlmostEqual(closing.closing_value, 1000)
        preview = self.env[CLOSING].browse(closing.id).entry_line_ids
        self.assertEqual(
            {
                (line.account_id.with_company(self.company_no).code, line.debit)
                for line in preview
            },
            {("1460", 1000), ("4390", 0)},
        )
        self.assertEqual(preview.mapped("credit"), [0, 1000])
        # a person's inputs while the closing is not posted
        with self.subTest("comment"), self.env.cr.savepoint():
            closing.write({"comment": "Counted on 2 January"})
            self.assertEqual(closing.comment, "Counted on 2 January")
        closing.action_reset_to_draft()
        self.assertEqual(closing.state, "draft")
        closing.action_compute()
        self.assertEqual(closing.state, "computed")
        closing.write({"date": date(2025, 11, 30)})
        self.assertEqual(closing.state, "draft")
        closing.action_compute()
        self.assertEqual(closing.state, "computed")

    def test_poster_posts_and_reverses(self):
        closing = self._computed().with_user(self.poster)
        closing.action_post()
        self.assertEqual(closing.state, "posted")
        self.assertEqual(closing.move_id.state, "posted")
        self.assertEqual(self._net(self.company_no, closing.move_id), ENTRY_NO)
        closing.action_reverse()
        self.assertEqual(closing.state, "reversed")
        self.assertEqual(closing.reversal_move_id.reversed_entry_id, closing.move_id)
        self.assertEqual(
            self._net(self.company_no, closing.reversal_move_id),
            {"1460": -1000, "4390": 1000},
        )

    def test_reverse_dialog_is_the_posters(self):
        """The Reverse dialog (date and reason) is the poster's: the preparer
        cannot open it, the reader neither; the poster's reverses the closing
        with the reason in the reversal entry."""
        closing = self._posted()
        Dialog = self.env["nordic.stock.closing.reverse"]
        values = {"closing_id": closing.id, "date": DATE, "reason": "Count error"}
        for name, user in (("preparer", self.preparer), ("reader", self.reader)):
            with self.subTest(user=name), self.assertRaises(AccessError):
                Dialog.with_user(user).create(values)
        self.assertEqual(closing.state, "posted")
        dialog = Dialog.with_user(self.poster).create(values)
        dialog.action_reverse()
        self.assertEqual(closing.state, "reversed")
        self.assertIn("Count error", closing.reversal_move_id.ref)
        self.assertEqual(
            self._net(self.company_no, closing.reversal_move_id),
            {"1460": -1000, "4390": 1000},
        )

    def test_reader_reads_and_downloads_the_posted_workbook(self):
        closing = self._posted()
        attachment = self._workbook(closing)
        checksum = attachment.checksum
        Attachment = self.env["ir.attachment"].with_context(active_test=False)
        count = Attachment.search_count([])
        as_reader = closing.with_user(self.reader)
        [values] = as_reader.read(["state", "closing_value", "move_id", "line_ids"])
        self.assertEqual(values["state"], "posted")
        self.assertEqual(values["closing_value"], 1000)
        self.assertEqual(values["move_id"][0], closing.move_id.id)
        self.assertEqual(as_reader.line_ids.mapped("quantity"), [10])
        action = as_reader.action_download_xlsx()
        self.assertEqual(self._download_id(action), attachment.id)
        self.assertEqual(Attachment.search_count([]), count)
        self.assertEqual(attachment.checksum, checksum)
        self.assertEqual(
            attachment.with_user(self.reader).raw, attachment.raw, "reader reads it"
        )
        # refused (on a posted closing, the refusal may be the closing's own before
        # the access rights': the reader's AccessError is checked on a computed one)
        for vals in ({"date": date(2025, 11, 30)}, {"comment": "reader's note"}):
            with self.subTest(vals=vals), self._refused():
                as_reader.write(vals)

    # ------------------------------------------------------------------
    # 1. Server-owned fields
    # ------------------------------------------------------------------
    def _server_owned_values(self, closing):
        forged = self.env["ir.attachment"].create(
            {
                "name": "forged.xlsx",
                "raw": b"forged",
                "res_model": CLOSING,
                "res_id": closing.id,
            }
        )
        other = self._other_entry()
        return {
            "state": "posted",
            "move_id": other.id,
            "reversal_move_id": other.id,
            "company_id": self.company_se.id,
            "fiscal_year_start": date(2025, 7, 1),
            "framework": "NO_IFRS",
            "rule_97": "contra",
            "rule_97_chosen": "alternative",
            "rule_97_main_value": 1.0,
            "rule_97_alternative_value": 1.0,
            "selling_cost_percent": 50.0,
            "obsolescence_bands": "1:100",
            "acquisition_value": 1.0,
            "write_down": 1.0,
            "closing_value": 1.0,
            "error_message": "edited",
            "workbook_attachment_id": forged.id,
            # the engine's notes on the valuation (a person's go to "comment")
            "notes": "edited",
            "fixed_values": '{"raw_material": "1"}',
            "computed_at": "2025-01-01 00:00:00",
            "rule_97_allowance": 1.0,
        }

    def test_server_owned_fields_not_writable(self):
        """By the superuser or the preparer, on a draft closing (no journal yet) and
        on a computed one."""
        computed = self._computed()
        draft = self.env[CLOSING].create(
            {"company_id": self.company_no.id, "date": date(2025, 11, 30)}
        )
        draft.journal_id = False
        values = self._server_owned_values(computed)
        for closing in (draft, computed):
            state = closing.state
            for who, record in (
                ("superuser", closing),
                ("preparer", closing.with_user(self.preparer)),
            ):
                for fname, value in values.items():
                    with (
                        self.subTest(state=state, user=who, field=fname),
                        self._refused(),
                    ):
                        record.write({fname: value})
        self.assertEqual(computed.state, "computed")
        self.assertAlmostEqual(computed.closing_value, 1000)

    def test_server_owned_fields_not_set_at_create(self):
        values = self._server_owned_values(self._computed())
        del values["company_id"]  # chosen at create
        for who, Closing in (
            ("superuser", self.env[CLOSING]),
            ("preparer", self.env[CLOSING].with_user(self.preparer)),
        ):
            for fname, value in values.items():
                with self.subTest(user=who, field=fname), self._refused():
                    Closing.create(
                        {
                            "company_id": self.company_no.id,
                            "date": date(2025, 10, 31),
                            fname: value,
                        }
                    )

    def test_preparer_cannot_post_by_writing_the_state(self):
        closing = self._computed()
        with self._refused():
            closing.with_user(self.preparer).write({"state": "posted"})
        self.assertEqual(closing.state, "computed")
        self.assertFalse(closing.move_id)
        closing.with_user(self.poster).action_post()
        self.assertEqual(closing.state, "posted")
        self.assertEqual(closing.move_id.state, "posted")
        self.assertEqual(self._net(self.company_no, closing.move_id), ENTRY_NO)

    def test_posted_closing_cannot_be_put_back_to_computed(self):
        """Were the state writable, a second posting would book the entry twice."""
        closing = self._posted()
        first = closing.move_id
        refused = {
            who: self._attempt(record.write, {"state": "computed"})
            for who, record in (
                ("poster", closing.with_user(self.poster)),
                ("superuser", closing),
            )
        }
        self._attempt(closing.with_user(self.poster).action_post)
        for who, error in refused.items():
            with self.subTest(user=who):
                self.assertTrue(error, "state 'computed' written on a posted closing")
        moves = self.env["account.move"].search(
            [("nordic_closing_id", "=", closing.id)]
        )
        self.assertEqual(moves, first, "a second entry was posted")
        self.assertEqual(closing.state, "posted")

    def test_move_cannot_be_redirected_reverse_reverses_its_own_entry(self):
        closing = self._posted()
        own = closing.move_id
        other = self._other_entry()
        refused = {
            who: self._attempt(record.write, {"move_id": other.id})
            for who, record in (
                ("preparer", closing.with_user(self.preparer)),
                ("superuser", closing),
            )
        }
        closing.with_user(self.poster).action_reverse()
        for who, error in refused.items():
            with self.subTest(user=who):
                self.assertTrue(error, "move_id written")
        self.assertEqual(closing.move_id, own)
        self.assertEqual(closing.reversal_move_id.reversed_entry_id, own)
        self.assertFalse(other.reversal_move_ids, "another entry was reversed")
        self.assertEqual(
            self._net(self.company_no, closing.reversal_move_id),
            {"1460": -1000, "4390": 1000},
        )

    def test_line_figures_not_editable_entry_is_the_engines(self):
        closing = self._computed()
        line = closing.line_ids
        accepted = []
        for vals in ({"quantity": 50}, {"acquisition_value": 5000}):
            for who, record in (
                ("preparer", line.with_user(self.preparer)),
                ("superuser", line),
            ):
                if not self._attempt(record.write, vals):
                    accepted.append((who, vals))
        closing.with_user(self.poster).action_post()
        with self.subTest("edits refused"):
            self.assertFalse(accepted, "line figures were written")
        with self.subTest("entry of the engine"):
            self.assertEqual(self._net(self.company_no, closing.move_id), ENTRY_NO)
            self.assertAlmostEqual(closing.acquisition_value, 1000)
            self.assertEqual(closing.line_ids.quantity, 10)
            self.assertAlmostEqual(closing.line_ids.acquisition_value, 1000)

    def test_line_fields_other_than_nrv_not_writable(self):
        closing = self._computed()
        line = closing.line_ids
        other_closing = self.env[CLOSING].create(
            {"company_id": self.company_no.id, "date": date(2025, 11, 30)}
        )
        other_product = self._product(
            self.company_no, line.categ_id, "OTHER", list_price=10
        )
        values = {
            "quantity": 50.0,
            "acquisition_value": 5000.0,
            "write_down": 10.0,
            "write_down_reason": "nrv",
            "value": 1.0,
            "opening_quantity": 5.0,
            "opening_value": 500.0,
            "purchases": 1.0,
            "last_movement": date(2025, 1, 1),
            "nrv_source": "manual",
            "inventory_class": "raw_material",
            "categ_id": self._category(self.company_no, "raw_material").id,
            "product_id": other_product.id,
            "closing_id": other_closing.id,
            "company_id": self.company_se.id,
        }
        for who, record in (
            ("superuser", line),
            ("preparer", line.with_user(self.preparer)),
        ):
            for fname, value in values.items():
                with self.subTest(user=who, field=fname), self._refused():
                    record.write({fname: value})
        with self.subTest("through the closing"), self._refused():
            closing.with_user(self.preparer).write(
                {"line_ids": [Command.update(line.id, {"acquisition_value": 1.0})]}
            )
        # the entered NRV is a person's input: accepted while computed
        closing.with_user(self.preparer).write(
            {"line_ids": [Command.update(line.id, {"net_realisable_value": 90.0})]}
        )
        self.assertAlmostEqual(line.write_down, 100)  # 1,000 - 10 x 90

    def test_lines_classes_entry_not_created_or_deleted_from_outside(self):
        closing = self._computed()
        line, klass = closing.line_ids, closing.class_ids[:1]
        entry = closing.entry_line_ids
        self.assertTrue(klass and len(entry) == 2)
        account = entry[0].account_id
        creates = {
            LINE: {
                "closing_id": closing.id,
                "company_id": self.company_no.id,
                "product_id": line.product_id.id,
                "categ_id": line.categ_id.id,
                "inventory_class": "goods_for_resale",
                "quantity": 1.0,
                "acquisition_value": 1.0,
            },
            CLASS: {
                "closing_id": closing.id,
                "inventory_class": "raw_material",
                "closing_value": 1.0,
            },
            ENTRY: {"closing_id": closing.id, "account_id": account.id, "debit": 1.0},
        }
        for who, env in (
            ("superuser", self.env),
            ("preparer", self.env(user=self.preparer)),
        ):
            for model, vals in creates.items():
                with self.subTest(user=who, model=model, op="create"), self._refused():
                    env[model].create(vals)
            for record in (line, klass, entry):
                with self.subTest(user=who, model=record._name, op="unlink"):
                    with self._refused():
                        record.with_env(env).unlink()
            for record, vals in (
                (klass, {"closing_value": 1.0}),
                (klass, {"change_account_id": account.id}),
                (entry[0], {"debit": 1.0}),
                (entry[0], {"account_id": entry[1].account_id.id}),
            ):
                with self.subTest(user=who, model=record._name, op="write"):
                    with self._refused():
                        record.with_env(env).write(vals)
            as_user = closing.with_env(env)
            without_closing = dict(creates[LINE])
            del without_closing["closing_id"]
            for label, commands in (
                ("delete a line", [Command.delete(line.id)]),
                ("unlink a line", [Command.unlink(line.id)]),
                ("add a line", [Command.create(without_closing)]),
            ):
                with self.subTest(user=who, op=label), self._refused():
                    as_user.write({"line_ids": commands})
        self.assertEqual(len(closing.line_ids), 1)

    def test_posted_and_reversed_closings_are_fixed(self):
        """Inputs (date, journal, comment, NRV) are closed, lines neither added nor
        deleted, the closing not deleted, once posted and once reversed."""
        closing = self._posted()
        line = closing.line_ids
        misc = self.env["account.journal"].search(
            [("company_id", "=", self.company_no.id), ("code", "=", "MISC")]
        )
        new_line = {
            "closing_id": closing.id,
            "company_id": self.company_no.id,
            "product_id": line.product_id.id,
            "quantity": 1.0,
            "acquisition_value": 1.0,
        }
        new_line_in_closing = dict(new_line)
        del new_line_in_closing["closing_id"]
        for state in ("posted", "reversed"):
            if state == "reversed":
                closing.with_user(self.poster).action_reverse()
            self.assertEqual(closing.state, state)
            for who, record in (
                ("preparer", closing.with_user(self.preparer)),
                ("poster", closing.with_user(self.poster)),
                ("superuser", closing),
            ):
                for vals in (
                    {"comment": "changed afterwards"},
                    {"date": date(2025, 11, 30)},
                    {"journal_id": misc.id},
                    {"line_ids": [Command.delete(line.id)]},
                    {"line_ids": [Command.create(new_line_in_closing)]},
                ):
                    with self.subTest(state=state, user=who, vals=vals):
                        with self._refused():
                            record.write(vals)
                with self.subTest(state=state, user=who, op="nrv"), self._refused():
                    line.with_env(record.env).write({"net_realisable_value": 1.0})
                with self.subTest(state=state, user=who, op="line unlink"):
                    with self._refused():
                        line.with_env(record.env).unlink()
                with self.subTest(state=state, user=who, op="line create"):
                    with self._refused():
                        record.env[LINE].create(new_line)
                if who != "preparer":  # the preparer has no delete right anyway
                    with self.subTest(state=state, user=who, op="unlink"):
                        with self._refused():
                            record.unlink()
        self.assertTrue(closing.exists())
        self.assertEqual(closing.line_ids, line)
        self.assertEqual(closing.date, DATE)

    # ------------------------------------------------------------------
    # 2. A posted closing is fixed evidence
    # ------------------------------------------------------------------
    def test_workbook_of_the_posting_downloaded_unchanged(self):
        """Changing the category's class, the selling costs or the framework after
        posting, or reversing, does not change the posted workbook."""
        closing = self._posted().with_user(self.poster)
        attachment = self._workbook(closing)
        self.assertTrue(attachment, "no workbook kept at posting")
        self.assertEqual(
            (attachment.res_model, attachment.res_id), (CLOSING, closing.id)
        )
        checksum = attachment.checksum
        Attachment = self.env["ir.attachment"]
        count = Attachment.search_count([("res_model", "=", CLOSING)])
        self.assertEqual(
            self._download_id(closing.action_download_xlsx()), attachment.id
        )
        category = self.env["product.category"].browse(closing.line_ids.categ_id.id)
        category.nordic_inventory_class = "finished_goods"
        self.company_no.write(
            {"nordic_selling_cost_percent": 25.0, "nordic_closing_framework": "NO_IFRS"}
        )
        self.assertEqual(
            self._download_id(closing.action_download_xlsx()), attachment.id
        )
        closing.action_reverse()
        self.assertEqual(
            self._download_id(closing.action_download_xlsx()), attachment.id
        )
        self.assertEqual(closing.workbook_attachment_id, attachment)
        self.assertEqual(attachment.checksum, checksum)
        self.assertEqual(Attachment.search_count([("res_model", "=", CLOSING)]), count)

    def test_workbook_attachment_not_deleted_or_changed(self):
        closing = self._posted()
        attachment = self._workbook(closing)
        self.assertTrue(attachment)
        checksum = attachment.checksum
        for who, record in (
            ("superuser", attachment),
            ("poster", attachment.with_user(self.poster)),
        ):
            for label, func, args in (
                ("unlink", record.unlink, ()),
                ("write raw", record.write, ({"raw": b"tampered"},)),
                ("write name", record.write, ({"name": "tampered.xlsx"},)),
            ):
                with self.subTest(user=who, op=label), self._refused():
                    func(*args)
        self.assertTrue(attachment.exists())
        self.assertEqual(attachment.checksum, checksum)

    def test_closing_entries_not_reset_cancelled_or_deleted(self):
        """The closing's entry and its reversal: only the closing's Reverse undoes
        them."""
        closing = self._posted()
        for state in ("posted", "reversed"):
            if state == "reversed":
                closing.with_user(self.poster).action_reverse()
            moves = closing.move_id | closing.reversal_move_id
            for move in moves:
                for who, record in (
                    ("poster", move.with_user(self.poster)),
                    ("superuser", move),
                ):
                    for method in ("button_draft", "button_cancel", "unlink"):
                        with self.subTest(
                            state=state, move=move.name, user=who, op=method
                        ):
                            with self._refused() as caught:
                                getattr(record, method)()
                            self._assert_points_to_reverse(caught.exception, closing)
            self.assertEqual(set(moves.mapped("state")), {"posted"})

    # ------------------------------------------------------------------
    # 3. The entered net realisable value
    # ------------------------------------------------------------------
    def test_entered_nrv_validated(self):
        closing = self._computed()
        line = closing.line_ids.with_user(self.preparer)
        for value in (float("nan"), float("inf"), -1.0, 1e300):
            with self.subTest(nrv=value), self._refused():
                line.write({"net_realisable_value": value})
        self.assertEqual(line.nrv_source, "sales_price")
        line.write({"net_realisable_value": 12.5})
        self.assertEqual(line.nrv_source, "manual")
        self.assertAlmostEqual(line.write_down, 875)  # 1,000 - 10 x 12.50
        self.assertAlmostEqual(closing.write_down, 875)
        self.assertAlmostEqual(closing.closing_value, 125)

    # ------------------------------------------------------------------
    # 4. Lines belong to their closing
    # ------------------------------------------------------------------
    def test_lines_belong_to_their_closing(self):
        closing = self._computed()
        self.assertEqual(closing.line_ids.company_id, closing.company_id)
        product = closing.line_ids.product_id
        closing_b = self.env[CLOSING].create(
            {"company_id": self.company_se.id, "date": DATE}
        )
        line_vals = {
            "product_id": product.id,
            "quantity": 1.0,
            "acquisition_value": 1.0,
        }
        for label, Line, vals in (
            (
                "superuser, line of Sweden on a Norwegian closing",
                self.env[LINE],
                {"closing_id": closing.id, "company_id": self.company_se.id},
            ),
            (
                "superuser, line on the Swedish closing",
                self.env[LINE],
                {"closing_id": closing_b.id, "company_id": self.company_no.id},
            ),
            (
                "preparer, line on the Swedish closing",
                self.env[LINE].with_user(self.preparer),
                {"closing_id": closing_b.id, "company_id": self.company_no.id},
            ),
            (
                "accountant of Sweden, line on the Norwegian closing",
                self.env[LINE].with_user(self.accountant_b),
                {"closing_id": closing.id, "company_id": self.company_se.id},
            ),
        ):
            with self.subTest(label), self._refused():
                Line.create(dict(line_vals, **vals))
        self.assertEqual(len(closing.line_ids), 1)
        self.assertFalse(closing_b.line_ids)
        with self._refused(AccessError):
            closing.with_user(self.accountant_b).read(["closing_value"])

    # ------------------------------------------------------------------
    # 5. Concurrency: a lock date committed while posting
    # ------------------------------------------------------------------
    def _commit_lock_date(self, company_id, lock_date):
        """Set the company's fiscal year lock date in another transaction and commit."""
        with (
            mute_logger("odoo.sql_db"),
            db_connect(get_db_name()).cursor() as other,
        ):
            other.execute("SET LOCAL lock_timeout = '10s'")
            other.execute(
                "UPDATE res_company SET fiscalyear_lock_date = %s WHERE id = %s",
                [lock_date, company_id],
            )

    def test_lock_date_committed_meanwhile_refuses_the_posting(self):
        """Another user locks the period while this transaction posts (it cannot see
        the lock date in its snapshot): the posting is refused, nothing posted."""
        company = self.env.ref("base.main_company")  # committed: seen by both
        self.assertEqual(company.nordic_closing_framework, "NO_NGAAP")  # setUpClass
        Account = self.env["account.account"]
        accounts = [
            Account.create(
                {
                    "code": code,
                    "name": f"Integrity {code}",
                    "account_type": account_type,
                    "company_ids": [Command.set(company.ids)],
                }
            )
            for code, account_type in (
                ("NIL140", "asset_current"),
                ("NIL149", "asset_current"),
                ("NIL439", "expense_direct_cost"),
            )
        ]
        category = (
            self.env["product.category"]
            .with_company(company)
            .create(
                {
                    "name": "Integrity goods",
                    "property_cost_method": "fifo",
                    "property_valuation": "manual_periodic",
                    "nordic_inventory_class": "goods_for_resale",
                    "property_stock_valuation_account_id": accounts[0].id,
                    "nordic_writedown_account_id": accounts[1].id,
                    "nordic_change_account_id": accounts[2].id,
                }
            )
        )
        product = self._product(company, category, "LOCK", list_price=150)
        self._move(product, 10, 100, "2030-06-01 10:00:00")
        journal = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "general")], limit=1
        )
        closing = (
            self.env[CLOSING]
            .with_company(company)
            .create(
                {"company_id": company.id, "date": LOCK_DATE, "journal_id": journal.id}
            )
        )
        closing.action_compute()
        self.assertEqual(closing.state, "computed")
        self.assertEqual(len(closing.entry_line_ids), 2)  # 1,000 to book
        # control: without the other user's lock date the posting goes through
        # (rolled back here, the row lock it takes with it)
        with suppress(_RolledBack), self.env.cr.savepoint():
            closing.action_post()
            self.assertEqual(closing.move_id.state, "posted")
            raise _RolledBack
        self.assertEqual(closing.state, "computed")
        saved_lock_date = self._main_company_saved[2]
        try:
            try:
                self._commit_lock_date(company.id, LOCK_DATE)
            except Exception as error:  # noqa: BLE001
                self.fail(
                    "the other transaction could not set the lock date (this "
                    f"transaction holds the company's row?): {error}"
                )
            with self.assertRaises(UserError), mute_logger("odoo.sql_db"):
                closing.action_post()
            posted = self.env["account.move"].search_count(
                [("nordic_closing_id", "=", closing.id), ("state", "=", "posted")]
            )
            self.assertEqual(posted, 0, "an entry was posted into the locked period")
            self.assertNotEqual(closing.state, "posted")
        finally:
            # if this fails, the class cleanup restores the lock date
            with suppress(Exception):
                self._commit_lock_date(company.id, saved_lock_date)

    # ------------------------------------------------------------------
    # 6. The journal
    # ------------------------------------------------------------------
    def test_journal_is_a_general_journal_of_the_company(self):
        closing = self._computed()
        Journal = self.env["account.journal"]
        sale = Journal.search(
            [("company_id", "=", self.company_no.id), ("type", "=", "sale")], limit=1
        )
        other_company = Journal.search(
            [("company_id", "=", self.company_se.id), ("type", "=", "general")],
            limit=1,
        )
        misc = Journal.search(
            [("company_id", "=", self.company_no.id), ("code", "=", "MISC")]
        )
        self.assertTrue(sale and other_company and misc)
        for label, journal in (("sale", sale), ("other company", other_company)):
            for who, record in (
                ("superuser", closing),
                ("preparer", closing.with_user(self.preparer)),
            ):
                with self.subTest(journal=label, user=who), self._refused():
                    record.write({"journal_id": journal.id})
            with self.subTest(journal=label, op="create"), self._refused():
                self.env[CLOSING].create(
                    {
                        "company_id": self.company_no.id,
                        "date": date(2025, 10, 31),
                        "journal_id": journal.id,
                    }
                )
        closing.with_user(self.preparer).write({"journal_id": misc.id})
        self.assertEqual(closing.journal_id, misc)
        closing.with_user(self.poster).action_post()
        self.assertEqual(closing.move_id.journal_id, misc)

    # ------------------------------------------------------------------
    # 7. prepare() answers bad input
    # ------------------------------------------------------------------
    def test_prepare_refuses_bad_input_naming_the_argument(self):
        Closing = self.env[CLOSING].with_user(self.poster)
        for label, argument, company, day, post in self._bad_prepare_inputs():
            with self.subTest(label):
                with self._refused() as caught:
                    Closing.prepare(company, day, post=post)
                self._assert_names(caught.exception, argument)
        for who, user, company in (
            ("accountant of Sweden", self.accountant_b, self.company_no),
            ("preparer", self.preparer, self.company_se),
        ):
            with self.subTest(f"{who}: company not allowed"):
                with self._refused(AccessError) as caught:
                    self.env[CLOSING].with_user(user).prepare(company.id, "2025-12-31")
                self._assert_names(caught.exception, "company")


@tagged("post_install", "-at_install", "nordic_closing_integrity")
class TestClosingIntegrityHttp(ClosingIntegrityCase, HttpCase):
    """XML-RPC (``execute_kw`` with the users' own login) and the download."""

    def test_xmlrpc_prepare_refuses_bad_input_with_the_message(self):
        cases = [
            *self._bad_prepare_inputs(),
            ("company not allowed", "company", self.company_se.id, "2025-12-31", False),
        ]
        for label, argument, company, day, post in cases:
            with self.subTest(label):
                fault = self._fault(
                    self.poster, CLOSING, "prepare", [company, day], {"post": post}
                )
                text = fault.faultString
                for name in ("TypeError", "ValueError", "OverflowError"):
                    self.assertNotIn(name, text)
                self.assertIn(argument, text.lower())
                with self._refused() as caught:
                    self.env[CLOSING].with_user(self.poster).prepare(
                        company, day, post=post
                    )
                self.assertIn(str(caught.exception), text)

    def test_xmlrpc_preparer_gives_inputs_but_not_server_fields(self):
        self._stock()
        closing_id = self._rpc(
            self.preparer, CLOSING, "prepare", [self.company_no.id, "2025-12-31"]
        )
        closing = self.env[CLOSING].browse(closing_id)
        self.assertEqual(closing.state, "computed")
        line = closing.line_ids
        # a person's inputs
        self._rpc(
            self.preparer, LINE, "write", [[line.id], {"net_realisable_value": 90}]
        )
        self.assertAlmostEqual(line.write_down, 100)  # 1,000 - 10 x 90
        with self.subTest("comment"):
            self._rpc(
                self.preparer, CLOSING, "write", [[closing_id], {"comment": "Counted"}]
            )
            self.assertEqual(closing.comment, "Counted")
        # the server's figures
        for fname, value in (
            ("state", "posted"),
            ("closing_value", 1.0),
            ("write_down", 0.0),
            ("move_id", self._other_entry().id),
        ):
            with self.subTest(field=fname):
                self._fault(
                    self.preparer, CLOSING, "write", [[closing_id], {fname: value}]
                )
        with self.subTest("line figures"):
            self._fault(self.preparer, LINE, "write", [[line.id], {"quantity": 50}])
        with self.subTest("line created"):
            self._fault(
                self.preparer,
                LINE,
                "create",
                [
                    {
                        "closing_id": closing_id,
                        "company_id": self.company_no.id,
                        "product_id": line.product_id.id,
                        "quantity": 1,
                        "acquisition_value": 1,
                    }
                ],
            )
        with self.subTest("closing created posted"):
            self._fault(
                self.preparer,
                CLOSING,
                "create",
                [
                    {
                        "company_id": self.company_no.id,
                        "date": "2025-10-31",
                        "state": "posted",
                    }
                ],
            )
        self.assertEqual(closing.state, "computed")
        self.assertEqual(len(closing.line_ids), 1)
        # the poster posts over XML-RPC: the server's figures, then nothing changes
        self._rpc(self.poster, CLOSING, "action_post", [[closing_id]])
        self.assertEqual(closing.state, "posted")
        self.assertEqual(
            self._net(self.company_no, closing.move_id),
            {"1460": 1000, "1469": -100, "4390": -900},
        )
        with self.subTest("poster writes the state of a posted closing"):
            self._fault(
                self.poster, CLOSING, "write", [[closing_id], {"state": "computed"}]
            )
        with self.subTest("preparer writes the notes of a posted closing"):
            self._fault(
                self.preparer, CLOSING, "write", [[closing_id], {"comment": "x"}]
            )
        self.assertEqual(closing.state, "posted")
        self.assertNotEqual(closing.comment, "x")

    def test_xmlrpc_reader_reads_but_writes_nothing(self):
        closing = self._computed()
        line = closing.line_ids
        [row] = self._rpc(
            self.reader, CLOSING, "read", [closing.ids, ["state", "closing_value"]]
        )
        self.assertEqual((row["state"], row["closing_value"]), ("computed", 1000))
        rows = self._rpc(
            self.reader,
            LINE,
            "search_read",
            [[("closing_id", "=", closing.id)], ["quantity", "acquisition_value"]],
        )
        self.assertEqual(
            [(r["quantity"], r["acquisition_value"]) for r in rows], [(10, 1000)]
        )
        for label, model, ids, vals in (
            ("comment", CLOSING, closing.ids, {"comment": "reader"}),
            ("date", CLOSING, closing.ids, {"date": "2025-11-30"}),
            ("nrv", LINE, line.ids, {"net_realisable_value": 1}),
        ):
            with self.subTest(label):
                self._fault(
                    self.reader,
                    model,
                    "write",
                    [ids, vals],
                    codes=(FAULT_ACCESS_ERROR,),
                )
        with self.subTest("state"):
            self._fault(
                self.reader, CLOSING, "write", [closing.ids, {"state": "draft"}]
            )
        self.assertEqual(closing.state, "computed")
        self.assertFalse(closing.comment and "reader" in closing.comment)

    def test_reader_downloads_the_posted_workbook_over_http(self):
        closing = self._posted()
        attachment = self._workbook(closing)
        self.assertTrue(attachment)
        checksum = attachment.checksum
        Attachment = self.env["ir.attachment"].with_context(active_test=False)
        count = Attachment.search_count([])
        action = self._rpc(self.reader, CLOSING, "action_download_xlsx", [closing.ids])
        self.assertEqual(self._download_id(action), attachment.id)
        self.authenticate(self.reader.login, self.reader.login)
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, attachment.raw)
        self.assertEqual(Attachment.search_count([]), count)
        self.assertEqual(attachment.checksum, checksum)
