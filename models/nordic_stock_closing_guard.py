"""The closing's integrity: the server owns its states and figures, a person gives
only the inputs, and an API caller gets a clear message for bad arguments (README
"Security")."""

from datetime import date as date_type

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .nordic_stock_closing import (
    CHATTER_PREFIXES,
    PRESENTATION_FIELDS,
    SERVER_FIELDS,
    is_server_write,
    server_env,
)


class NordicStockClosingGuard(models.Model):
    _inherit = "nordic.stock.closing"

    # ------------------------------------------------------------------
    # The server owns the states and the figures
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not is_server_write(self):
            for vals in vals_list:
                self._nordic_check_client_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not is_server_write(self):
            self._nordic_check_client_fields(vals)
            if "company_id" in vals:
                raise UserError(
                    self.env._(
                        "The company of an inventory closing cannot be changed: "
                        "create a closing in the other company."
                    )
                )
            fixed = self.filtered(lambda c: c.state in ("posted", "reversed"))
            if fixed and any(
                not f.startswith(CHATTER_PREFIXES) and f not in PRESENTATION_FIELDS
                for f in vals
            ):
                raise UserError(self._nordic_fixed_message(fixed[0]))
            if "date" in vals:
                # a new date: the computed figures are of the old one
                computed = self.filtered(lambda c: c.state == "computed")
                server_env(computed).write({"state": "draft"})
        return super().write(vals)

    def _nordic_check_client_fields(self, vals):
        owned = sorted(SERVER_FIELDS.intersection(vals))
        # the items list of the form: only updates (the NRV, checked by the line)
        if any(
            not isinstance(command, list | tuple) or command[0] != fields.Command.UPDATE
            for command in vals.get("line_ids") or ()
        ):
            owned.append("line_ids")
        if owned:
            raise UserError(
                self.env._(
                    "These fields of an inventory closing are set by the closing "
                    "itself (Compute, Post, Reverse), never by hand: %(fields)s.",
                    fields=", ".join(owned),
                )
            )

    def _nordic_fixed_message(self, closing):
        return self.env._(
            "%(name)s is %(state)s: a posted closing is fixed evidence and cannot be "
            "changed or deleted. Reverse it, then close again.",
            name=closing.name,
            state=dict(closing._fields["state"]._description_selection(self.env))[
                closing.state
            ],
        )

    def _nordic_write(self, vals):
        """Write as the closing itself (states, figures, links)."""
        return server_env(self).write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        fixed = self.filtered(lambda c: c.state in ("posted", "reversed"))
        if fixed:
            raise UserError(self._nordic_fixed_message(fixed[0]))

    @api.constrains("journal_id", "company_id")
    def _check_journal(self):
        for closing in self.filtered("journal_id"):
            closing.company_id._nordic_check_closing_journal(closing.journal_id)

    @api.model
    def _nordic_check_prepare_args(self, company, date, post):
        """``(company, date)`` from what an API caller gave, or a UserError (an
        AccessError for a company the user may not use) naming the argument."""
        if isinstance(company, models.BaseModel):
            if company._name != "res.company" or len(company) != 1:
                raise UserError(self.env._("company: give one company (or its id)."))
            company_id = company.id
        elif isinstance(company, int) and not isinstance(company, bool):
            company_id = company
        elif isinstance(company, str) and company.strip().isdigit():
            company_id = int(company)
        else:
            raise UserError(
                self.env._("company: %(value)r is not a company id.", value=company)
            )
        in_range = 0 < company_id < 2**31  # PostgreSQL's integer ids
        company = (
            in_range and self.env["res.company"].sudo().browse(company_id).exists()
        )
        if not company:
            raise UserError(
                self.env._(
                    "company: there is no company with id %(id)s.", id=company_id
                )
            )
        if not self.env.su and company not in self.env.user.company_ids:
            raise AccessError(
                self.env._(
                    "company: you may not close the inventory of company %(id)s.",
                    id=company_id,
                )
            )
        try:
            if not isinstance(date, date_type | str):
                raise TypeError
            date = fields.Date.to_date(date)
        except (TypeError, ValueError, OverflowError):
            date = None
        if date is None or not 1900 <= date.year <= 2999:
            raise UserError(
                self.env._(
                    "date: give the balance date as YYYY-MM-DD between 1900 and 2999."
                )
            )
        if not isinstance(post, bool):
            raise UserError(self.env._("post: give true or false."))
        return self.env["res.company"].browse(company.id), date
