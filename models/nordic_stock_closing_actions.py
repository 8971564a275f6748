"""The closing's entries, in the order a closing goes: ``prepare()`` (the API of
the wizard's twin for scripts, scheduled actions and XML-RPC) and the buttons
(compute, post, reverse, reset), and the lists they open. Each calls its steps in
the files named after them: snapshot → settings → result → storage → posting."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from .ir_ui_menu import WIZARD_MENUS


class NordicStockClosingActions(models.Model):
    _inherit = "nordic.stock.closing"

    # ------------------------------------------------------------------
    # API for implementers
    # ------------------------------------------------------------------
    @api.model
    @api.returns("self", lambda closing: closing.id)  # RPC callers get the id
    def prepare(self, company, date, post=False):
        """Compute (and with ``post=True`` post) the closing of ``company`` at ``date``.

        Returns the closing (its id over RPC). Reuses a draft or computed closing for
        the same date; while a closing of the date is posted, returns that one as it
        was posted (neither computed nor posted again: reverse it first). Usable from
        ``odoo-bin shell``, server actions and XML-RPC (company as id, date as
        ``YYYY-MM-DD``), whatever the caller's current company.
        """
        company, date = self._nordic_check_prepare_args(company, date, post)
        # who may not prepare (or post) is refused whether or not the date is closed
        self.check_access("create")
        if post:
            self._nordic_check_manager()
        posted = self._nordic_posted_closing(company, date)
        if posted:
            return posted
        # in the closing's company: defaults (journal) and checks follow it
        Closing = self.with_company(company)
        closing = Closing.search(
            [
                ("company_id", "=", company.id),
                ("date", "=", date),
                ("state", "in", ("draft", "computed")),
            ],
            limit=1,
        ) or Closing.create({"company_id": company.id, "date": date})
        if post:
            closing.action_post()  # computes from the database, then posts
        else:
            closing.action_compute()
        return closing

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_compute(self):
        """Value the stock at the date from the valuation layers; preview the entry."""
        for closing in self:
            if closing.state in ("posted", "reversed"):
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: create a new closing to value the "
                        "stock again.",
                        name=closing.name,
                        state=dict(
                            closing._fields["state"]._description_selection(self.env)
                        )[closing.state],
                    )
                )
            closing._nordic_check_no_posted_closing()
            closing._nordic_compute()
        return True

    def action_post(self):
        """Post what the engine computes from the database (the stored computation
        when nothing changed since, else a new one): the change-in-inventory entry,
        the write-down layers, the workbook."""
        self.ensure_one()
        self._nordic_check_manager()
        if self.state not in ("draft", "computed"):
            raise UserError(
                self.env._(
                    "Only a draft or computed closing can be posted (%(name)s).",
                    name=self.name,
                )
            )
        self._nordic_check_no_posted_closing()
        self._nordic_check_lock_dates(self.date)
        # what is booked must be complete (e.g. every dagspris entered)
        result = self.with_context(nordic_posting=True)._nordic_posting_result()
        self._nordic_check_journal_set()
        self._nordic_claim_posting()
        self._nordic_post(result)
        return True

    def action_reverse(self, date=None, reason=None):
        """Reverse the posted entry (dated ``date``, default the closing's date) and
        the write-down layers; both records stay, and the chatter says when, why
        and by which entry."""
        self.ensure_one()
        self._nordic_check_manager()
        if self.state != "posted":
            raise UserError(
                self.env._(
                    "Only a posted closing can be reversed (%(name)s).", name=self.name
                )
            )
        date = fields.Date.to_date(date) or self.date
        self._nordic_check_lock_dates(date)
        self._nordic_reverse(date, reason)
        return True

    def action_reset_to_draft(self):
        self.ensure_one()
        if self.state != "computed":
            raise UserError(self.env._("Only a computed closing can be reset."))
        self._nordic_write({"state": "draft"})
        return True

    def action_download_xlsx(self):
        """The closing workbook (XLSX) for the auditor: of a posted or reversed
        closing the one attached at posting, never written again."""
        self.ensure_one()
        if self.state == "draft":
            raise UserError(
                self.env._("Compute the closing before downloading its workbook.")
            )
        if self.state in ("posted", "reversed"):
            attachment = self.sudo().workbook_attachment_id
            if not attachment:
                raise UserError(
                    self.env._(
                        "%(name)s was posted without a workbook: print its count "
                        "list and summary instead.",
                        name=self.name,
                    )
                )
        else:
            self.check_access("write")
            attachment = self._nordic_attach_workbook()
        return {
            "type": "ir.actions.act_url",
            "url": attachment._nordic_download_url(),
            "target": "self",
        }

    def copy_data(self, default=None):
        # a closing is what was computed at its date: a copy would be neither
        # (Duplicate is hidden in the form; this answers copy() from the API)
        raise UserError(
            self.env._(
                "An inventory closing cannot be duplicated: create a new one for its "
                "balance date (%(menu)s), which values the stock again.",
                menu=self.env["ir.ui.menu"]._nordic_menu_path(*WIZARD_MENUS),
            )
        )

    def action_open_lines(self):
        """The closing's items, in a list of their own where their NRV and
        replacement cost are entered (the form does not read them: the ids of
        100,000 items took a second); the replacement cost where the framework
        values by it."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Items of %(name)s", name=self.name),
            "res_model": "nordic.stock.closing.line",
            "view_mode": "list",
            "views": [
                (
                    self.env.ref(
                        "l10n_nordic_stock_closing.nordic_stock_closing_item_view_list"
                    ).id,
                    "list",
                )
            ],
            "domain": [("closing_id", "=", self.id)],
            "context": {
                "default_closing_id": self.id,
                "nordic_replacement_cost": self.nordic_has_replacement_cost,
            },
        }

    def action_open_lots(self):
        """The lots of the items valued by lot/serial number, in a list of their
        own (the form does not read them: 100,000 of them took seconds)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Lots/serial numbers of %(name)s", name=self.name),
            "res_model": "nordic.stock.closing.lot",
            "view_mode": "list",
            "domain": [("closing_id", "=", self.id)],
        }

    def action_open_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "view_mode": "form",
            "res_id": self.move_id.id,
        }
