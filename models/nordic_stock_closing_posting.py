"""Posting: the entry, the write-down layers, the workbook kept as evidence."""

import io
import logging

import psycopg2.errors
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL
from odoo.tools.misc import formatLang

from ..nordic_closing.labels import language_of
from ..nordic_closing.workbook import write_workbook
from .ir_ui_menu import CLOSINGS_MENUS
from .nordic_stock_closing import (
    MANAGER_GROUP,
    XLSX_MIMETYPE,
    server_env,
    without_cycle_collector,
)

_logger = logging.getLogger(__name__)


class NordicStockClosingPosting(models.Model):
    _inherit = "nordic.stock.closing"

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _nordic_check_manager(self):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only users of the group 'Post and reverse inventory closings' may "
                    "post or reverse a closing."
                )
            )
        if not self.env.su and not self.env["account.move"].has_access("create"):
            # said before valuing the stock, not as Odoo's refusal of the entry
            raise AccessError(
                self.env._(
                    "Posting or reversing a closing books a journal entry: "
                    "%(user)s also needs the rights to create journal entries "
                    "(Invoicing or Accounting).",
                    user=self.env.user.name,
                )
            )

    def _nordic_lock_company(self):
        """Lock the company's row until the end of the transaction, so that a lock
        date another user commits while this closing posts is seen: a change
        committed since this transaction began fails here, one committed later waits
        for this posting."""
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM res_company WHERE id = %s FOR NO KEY UPDATE",
                        self.company_id.id,
                    )
                )
        except (psycopg2.errors.SerializationFailure, psycopg2.errors.LockNotAvailable):
            raise UserError(
                self.env._(
                    "The settings of %(company)s (e.g. its lock dates) were changed "
                    "while this closing was being posted: nothing was posted. Try "
                    "again.",
                    company=self.company_id.name,
                )
            ) from None
        self.company_id.invalidate_recordset()

    def _nordic_check_journal_set(self):
        if not self.journal_id:
            raise UserError(
                self.env._(
                    "Choose the closing journal of %(company)s in %(settings)s.",
                    company=self.company_id.name,
                    settings=self.env["ir.ui.menu"]._nordic_settings_path(),
                )
            )

    def _nordic_check_lock_dates(self, accounting_date):
        # Odoo 18 silently re-dates an entry posted into a locked period: refuse,
        # reading the lock dates under the company's row lock
        self._nordic_lock_company()
        violations = self.company_id._get_lock_date_violations(
            accounting_date,
            fiscalyear=True,
            sale=False,
            purchase=False,
            tax=False,
            hard=True,
        )
        if violations:
            raise UserError(
                self.env._(
                    "The period of %(date)s is locked for %(company)s (%(locks)s): "
                    "nothing was posted. Ask an adviser to move the lock date, or "
                    "close at a later date.",
                    date=self._nordic_date(accounting_date),
                    company=self.company_id.name,
                    locks=self.company_id._format_lock_dates(violations),
                )
            )

    @api.model
    def _nordic_posted_closing(self, company, date):
        """The posted closing of ``company`` at ``date`` (one at most)."""
        return self.search(
            [
                ("company_id", "=", company.id),
                ("date", "=", date),
                ("state", "=", "posted"),
            ],
            limit=1,
        )

    def _nordic_check_no_posted_closing(self):
        """Refuse to compute or post this closing while another closing of its
        company and date is posted: that one is the date's evidence, and a second
        would read its entry as part of the ledger it closes."""
        other = self._nordic_posted_closing(self.company_id, self.date) - self
        if other:
            raise UserError(self._nordic_already_posted_message(other))

    def _nordic_claim_posting(self):
        """Mark the closing posted first, so that a second posting fails at once."""
        self._nordic_check_no_posted_closing()
        try:
            with self.env.cr.savepoint():
                self._nordic_write({"state": "posted"})
                self.flush_recordset(["state"])
        except (psycopg2.errors.UniqueViolation, psycopg2.errors.SerializationFailure):
            # another transaction posted the same company and date meanwhile
            self.invalidate_recordset(["state"])
            raise UserError(self._nordic_already_posted_message()) from None

    def _nordic_already_posted_message(self, other=None):
        suffix = f" ({other.name})" if other else ""
        return self.env._(
            "%(company)s already has a posted inventory closing for %(date)s%(other)s: "
            "reverse it (%(menu)s) before posting another one.",
            company=self.company_id.name,
            date=self._nordic_date(self.date),
            other=suffix,
            menu=self.env["ir.ui.menu"]._nordic_menu_path(*CLOSINGS_MENUS),
        )

    # ------------------------------------------------------------------
    # Posting and reversal
    # ------------------------------------------------------------------
    def _nordic_post(self, result):
        """Book ``result`` (the engine's closing just computed): the entry, the
        write-down layers and the workbook kept as the closing's evidence."""
        if self.entry_line_ids:
            self._nordic_write({"move_id": self._nordic_create_move().id})
        self._nordic_write_down_layers()
        self._nordic_write(
            {"workbook_attachment_id": self._nordic_attach_workbook(result).id}
        )
        self._nordic_log(
            self.env._(
                "Posted: stock value %(value)s, entry %(move)s.",
                value=self._nordic_money(self.closing_value),
                move=self.move_id.name or self.env._("none (nothing to book)"),
            )
        )

    def _nordic_reverse(self, date, reason=None):
        _ = self._nordic_document_env()._
        ref = _("Reversal of %(name)s", name=self.name)
        if reason:
            ref = f"{ref}: {reason}"
        if self.move_id:
            # as the closing: Odoo's reversal of its entry is refused to anyone else
            reversal = server_env(self.move_id)._reverse_moves(
                [{"date": date, "ref": ref, "nordic_closing_id": self.id}]
            )
            reversal._post(soft=False)
            self._nordic_write({"reversal_move_id": reversal.id})
        # the write-down layers undone, product by product
        self._nordic_insert_layers(
            SQL(
                "SELECT product_id, -SUM(value) FROM stock_valuation_layer "
                "WHERE nordic_closing_id = %s GROUP BY product_id",
                self.id,
            ),
            ref,
        )
        self._nordic_write({"state": "reversed"})
        move = self.reversal_move_id
        # the reason is the user's text: escaped; the entry is a link
        self._nordic_log(
            Markup(
                self.env._("Reversed on %(date)s by entry %(move)s. Reason: %(reason)s")
            )
            % {
                "date": self._nordic_date(date),
                "move": move._get_html_link() if move else "-",
                "reason": reason or "-",
            }
        )

    def _nordic_workbook_name(self):
        return f"{self.company_id.name} - {self.name}.xlsx".replace("/", "-")

    @without_cycle_collector
    def _nordic_attach_workbook(self, result=None):
        """Write the workbook and attach it to the closing (replacing an older one).

        ``result``: the engine's closing when the caller has it already (posting)."""
        company = self.company_id
        buffer = io.BytesIO()
        result = result or self._nordic_result()
        write_workbook(
            result,
            buffer,
            lang=language_of(self._nordic_document_lang()),
            meta={
                "company": company.name,
                "currency": company.currency_id.name,
                "entry_number": self.move_id.name,
                "date_format": self._nordic_date_format(),
                "nrv_source": self._nordic_document_env()._(
                    "sales price less %(percent)s %% selling costs, unless entered per "
                    "item",
                    # as the document's language writes it (4 % / 4,5 %)
                    percent=formatLang(
                        self._nordic_document_env(),
                        self.selling_cost_percent,
                        digits=0 if self.selling_cost_percent.is_integer() else 2,
                    ),
                ),
                **self._nordic_workbook_extras(result),
            },
        )
        return self._nordic_attach_xlsx(self._nordic_workbook_name(), buffer)

    def _nordic_attach_xlsx(self, name, buffer):
        """Attach the XLSX in ``buffer`` to the closing as ``name``, replacing an
        earlier file of that name of the computed closing (never the posted
        workbook, ``workbook_attachment_id``)."""
        Attachment = self.env["ir.attachment"].sudo()
        Attachment.search(
            [
                ("res_model", "=", self._name),
                ("res_id", "=", self.id),
                ("name", "=", name),
                ("id", "!=", self.workbook_attachment_id.id),
            ]
        ).unlink()
        return Attachment.create(
            {
                "name": name,
                "raw": buffer.getvalue(),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": XLSX_MIMETYPE,
            }
        )

    def _prepare_move_vals(self):
        """Hook: the values of the change-in-inventory entry (``account.move``).

        Called once when the closing posts (after it computed, only when the
        preview has lines). Returns the move's values in the documents' language:
        journal, date, reference and a line per stored preview line
        (``_prepare_move_line_vals``: what the closing shows is what it books).
        An override may add values (e.g. a field of its own, a narration); it
        must not change the journal, the date, the company or the lines' amounts
        (the entry is posted at once and checked against the closing's date)."""
        _ = self._nordic_document_env()._
        return {
            "move_type": "entry",
            "journal_id": self.journal_id.id,
            "company_id": self.company_id.id,
            "date": self.date,
            "ref": _(
                "Inventory closing %(date)s",
                date=self._nordic_date(self.date, document=True),
            ),
            "nordic_closing_id": self.id,
            "line_ids": [
                fields.Command.create(self._prepare_move_line_vals(line))
                for line in self.entry_line_ids
            ],
        }

    def _prepare_move_line_vals(self, entry_line):
        """Hook: the values of a journal item of the entry from ``entry_line``, a
        line of the stored preview (``nordic.stock.closing.entry``).

        Called once per preview line when the closing posts. Returns
        ``account.move.line`` values: account, label, debit, credit. An override
        may change the label or add values, e.g. an ``analytic_distribution`` on
        the profit and loss lines; it must not change the account or the amounts
        (preview and entry are one)."""
        return {
            "account_id": entry_line.account_id.id,
            "name": entry_line.name,
            "debit": entry_line.debit,
            "credit": entry_line.credit,
        }

    def _nordic_create_move(self):
        move = self.env["account.move"].create(self._prepare_move_vals())
        move._post(soft=False)
        if move.date != self.date:
            raise UserError(
                self.env._(
                    "Odoo dated the entry %(moved)s instead of %(date)s (a lock "
                    "date?): nothing was posted.",
                    moved=self._nordic_date(move.date),
                    date=self._nordic_date(self.date),
                )
            )
        return move

    def _nordic_write_down_layers(self):
        """Zero-quantity layers so that Odoo's own valuation shows the write-downs of
        real-time categories: per product, what brings the closing layers of all posted
        closings to minus this closing's write-down."""
        company = self.company_id
        self.env["nordic.stock.closing.line"].flush_model(["closing_id", "categ_id"])
        self.env.cr.execute(
            SQL(
                "SELECT DISTINCT categ_id FROM nordic_stock_closing_line "
                "WHERE closing_id = %s AND categ_id IS NOT NULL",
                self.id,
            )
        )
        categories = self.env["product.category"].with_company(company)
        real_time = [
            category.id
            for category in categories.browse(row[0] for row in self.env.cr.fetchall())
            if category.property_valuation == "real_time"
        ]
        if not real_time:
            return
        self._nordic_insert_layers(
            SQL(
                """
SELECT l.product_id, -l.write_down - COALESCE(b.booked, 0)
  FROM nordic_stock_closing_line l
  LEFT JOIN (SELECT product_id, SUM(value) AS booked
               FROM stock_valuation_layer
              WHERE company_id = %(company)s AND nordic_closing_id IS NOT NULL
              GROUP BY product_id) b ON b.product_id = l.product_id
 WHERE l.closing_id = %(closing)s AND l.categ_id = ANY(%(categories)s)
                """,
                company=company.id,
                closing=self.id,
                categories=real_time,
            ),
            self.env._("Write-down %(name)s", name=self.name),
        )

    def _nordic_insert_layers(self, amounts, description):
        """Insert this closing's zero-quantity layers, one per ``(product id, value)``
        row of the ``amounts`` query (rounded in the currency; none where zero), in
        one statement with the fields Odoo's ORM sets on such a layer: 100,000 ORM
        creates would take minutes."""
        self.env["stock.valuation.layer"].flush_model()
        self.env["nordic.stock.closing.line"].flush_model()
        self.env.cr.execute(
            SQL(
                """
INSERT INTO stock_valuation_layer (
    company_id, product_id, categ_id, quantity, value, description,
    nordic_closing_id, create_uid, write_uid, create_date, write_date)
SELECT %(company)s, a.product_id, pt.categ_id, 0, a.value, %(description)s,
       %(closing)s, %(uid)s, %(uid)s, now() at time zone 'UTC',
       now() at time zone 'UTC'
  FROM (SELECT product_id, ROUND(value, %(digits)s) AS value
          FROM (%(amounts)s) AS raw (product_id, value)) a
  JOIN product_product pp ON pp.id = a.product_id
  JOIN product_template pt ON pt.id = pp.product_tmpl_id
 WHERE a.value <> 0
 ORDER BY a.product_id
                """,
                company=self.company_id.id,
                description=description,
                closing=self.id,
                uid=self.env.uid,
                digits=self.currency_id.decimal_places,
                amounts=amounts,
            )
        )
        self.env["stock.valuation.layer"].invalidate_model()
        self.invalidate_recordset(["valuation_layer_ids"])
