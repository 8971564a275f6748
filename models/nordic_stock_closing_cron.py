"""The scheduled action: automatic closings (README "Automatic closings")."""

import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..nordic_closing.countries import COUNTRY
from .nordic_stock_closing import MANAGER_GROUP, server_env

_logger = logging.getLogger(__name__)


class NordicStockClosingCron(models.Model):
    _inherit = "nordic.stock.closing"

    # ------------------------------------------------------------------
    # Scheduled action: automatic closings (README "Automatic closings")
    # ------------------------------------------------------------------
    @api.model
    def _cron_prepare_closings(self, batch_size=50):
        """Prepare the due closings of the companies with automatic closing.

        Due = a fiscal year end (and with monthly closing each month end) that has
        passed in the company's time zone, has no closing in any state, and is not
        before the last passed fiscal year end nor before the company's first closing.
        Each closing is computed, then posted when the company posts automatically,
        else its managers get an activity to review and post it. A company that fails
        gets a draft closing with the error and an activity; the cron skips it until
        that closing computes or is deleted. Runs ``batch_size`` periods per call and
        reports the rest to the scheduler, which commits and calls again.

        Returns the closings created (the failed ones included).
        """
        due = self._nordic_due_closings()
        batch = due[:batch_size]
        created = self.browse()
        failed = self.env["res.company"]
        for company, date in batch:
            if company in failed:
                continue  # the same cause would fail its later periods too
            closing, ok = self._nordic_auto_close(company, date)
            created |= closing
            if not ok:
                failed |= company
        remaining = sum(
            1 for company, _date in due[batch_size:] if company not in failed
        )
        if not remaining:
            self._nordic_review_late_movements()
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=remaining)
        return created

    @api.model
    def _nordic_review_late_movements(self):
        """Ask the managers to review the automatic companies' closings that
        movements entered since they were computed (dated on or before their date)
        have made out of date: once per closing and count."""
        closings = self.sudo().search(
            [
                ("company_id", "in", self._get_cron_companies().ids),
                ("state", "in", ("computed", "posted")),
            ]
        )
        for closing in closings.filtered("late_movement_count"):
            summary = self.env._(
                "%(count)s movements entered since the closing was computed",
                count=closing.late_movement_count,
            )
            if summary in closing.activity_ids.mapped("summary"):
                continue
            closing._nordic_notify_managers(
                summary,
                self.env._(
                    "%(company)s: %(count)s stock movements dated on or before "
                    "%(date)s, worth %(value)s, were entered after the inventory "
                    "closing was computed. Compute it again (a posted one: reverse "
                    "it and close again).",
                    company=closing.company_id.name,
                    count=closing.late_movement_count,
                    date=closing._nordic_date(closing.date),
                    value=closing._nordic_money(closing.late_movement_value),
                ),
            )

    @api.model
    def _get_cron_companies(self):
        """Hook: the companies the scheduled action closes (``res.company``, as
        superuser), in the order it closes them.

        Called at each run of the scheduled action, for the due closings and the
        review of late movements. Default: the companies with automatic closing
        (Settings). An override may narrow or widen them (e.g. only a group's
        companies in one country); a company returned is closed at its fiscal
        year ends (and month ends with monthly closing), computed and posted as
        its settings say."""
        return (
            self.env["res.company"]
            .sudo()
            .search([("nordic_auto_closing", "=", True)], order="id")
        )

    @api.model
    def _nordic_due_closings(self):
        """``[(company, date)]`` to close automatically, oldest first per company."""
        companies = self._get_cron_companies()
        if not companies:
            return []
        existing = {}
        for closing in self.sudo().search_fetch(
            [("company_id", "in", companies.ids)],
            ["company_id", "date", "state", "error_message"],
        ):
            existing.setdefault(closing.company_id, self.browse())
            existing[closing.company_id] |= closing
        due = []
        for company in companies:
            closings = existing.get(company, self.browse())
            if closings.filtered(lambda c: c.state == "draft" and c.error_message):
                continue  # a failed automatic closing waits for the managers
            closed = set(closings.mapped("date"))
            due += [
                (company, date)
                for date in self._nordic_period_ends(company, closings)
                if date not in closed
            ]
        return due

    @api.model
    def _nordic_company_today(self, company):
        country = COUNTRY.get(company.country_id.code)
        tz = company.partner_id.tz or (country.tz if country else "UTC")
        return fields.Date.context_today(self.with_context(tz=tz))

    @api.model
    def _nordic_period_ends(self, company, closings):
        """Balance dates the automatic closing covers for ``company`` up to today.

        The last fiscal year end that has passed and, with monthly closing, the month
        ends after it that have passed; never before the company's first closing (the
        periods before it were closed elsewhere), never back further than the last
        fiscal year end.
        """
        today = self._nordic_company_today(company)
        year_end = fields.Date.subtract(
            company.compute_fiscalyear_dates(today)["date_from"], days=1
        )
        first = min((c.date for c in closings if c.date < today), default=None)
        start = max(year_end, first) if first else year_end
        ends = {year_end} if year_end >= start else set()
        if company.nordic_auto_closing_monthly:
            end = fields.Date.end_of(start, "month")
            while end < today:
                ends.add(end)
                end = fields.Date.end_of(fields.Date.add(end, days=1), "month")
        return sorted(ends)

    @api.model
    def _nordic_auto_close(self, company, date):
        """Prepare (and maybe post) one closing; ``(closing, succeeded)``.

        The work runs in a savepoint: a failure rolls back this period only and is
        recorded on a draft closing instead.
        """
        Closing = self.with_company(company)
        try:
            with self.env.cr.savepoint():
                closing = Closing.prepare(company, date, post=company.nordic_auto_post)
        except Exception as error:  # noqa: BLE001 - one company must not stop others
            return Closing._nordic_record_failure(company, date, error), False
        money = closing._nordic_money(closing.closing_value)
        if closing.state == "posted":
            closing._nordic_log(
                self.env._(
                    "Prepared and posted automatically by the scheduled action "
                    "(stock value %(value)s).",
                    value=money,
                )
            )
        else:
            closing._nordic_ask_managers(
                self.env._(
                    "Prepared automatically by the scheduled action (stock value "
                    "%(value)s); review and post it.",
                    value=money,
                ),
                self.env._("Review and post the inventory closing"),
                self.env._(
                    "%(company)s: inventory closing at %(date)s prepared, stock value "
                    "%(value)s. Check the items and the entry, then post.",
                    company=company.name,
                    date=closing._nordic_date(date),
                    value=money,
                ),
            )
        return closing, True

    @api.model
    def _nordic_record_failure(self, company, date, error):
        """A draft closing carrying the error, a chatter message and an activity."""
        message = str(error)
        if isinstance(error, UserError):
            _logger.warning(
                "Automatic inventory closing of %s at %s failed: %s",
                company.name,
                date,
                message,
            )
        else:
            _logger.exception(
                "Automatic inventory closing of %s at %s failed", company.name, date
            )
        closing = server_env(self).create(
            {"company_id": company.id, "date": date, "error_message": message}
        )
        closing._nordic_ask_managers(
            self.env._(
                "The scheduled action could not prepare this closing: %(error)s",
                error=message,
            ),
            self.env._("Automatic inventory closing failed"),
            self.env._(
                "%(company)s: the inventory closing at %(date)s could not be prepared: "
                "%(error)s Correct the cause and compute the closing again (or delete "
                "it); automatic closings of this company wait until then.",
                company=company.name,
                date=closing._nordic_date(date),
                error=message,
            ),
        )
        return closing

    def _nordic_ask_managers(self, body, summary, note):
        """Say ``body`` in the chatter and give the managers an activity."""
        self._nordic_log(body)
        self._nordic_notify_managers(summary, note)

    def _nordic_notify_managers(self, summary, note):
        """An activity for each closing manager of the closing's company."""
        self.ensure_one()
        company = self.company_id
        managers = (
            self.env.ref(MANAGER_GROUP)
            .sudo()
            .users.filtered(
                lambda user: user.active
                and not user.share
                and company in user.company_ids
            )
        )
        if not managers:
            _logger.warning(
                "No user of %s may post inventory closings: nobody was asked to "
                "review %s.",
                company.name,
                self.name,
            )
        for user in managers:
            self.activity_schedule(
                "l10n_nordic_stock_closing.mail_activity_type_nordic_closing_review",
                date_deadline=self._nordic_company_today(company),
                summary=summary,
                note=note,
                user_id=user.id,
            )
