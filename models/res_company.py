import logging

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..nordic_closing.countries import COUNTRY
from ..nordic_closing.frameworks import framework_by_key
from .nordic_selections import framework_selection, rule_97_allowed

_logger = logging.getLogger(__name__)


class ResCompany(models.Model):
    _name = "res.company"
    _inherit = ["res.company", "nordic.framework.mixin"]
    _nordic_framework_field = "nordic_closing_framework"

    nordic_closing_framework = fields.Selection(
        framework_selection,
        string="Inventory closing framework",
        help="Accounting framework the year-end inventory closing follows. It decides "
        "which valuation options are allowed.",
    )
    nordic_closing_journal_id = fields.Many2one(
        "account.journal",
        string="Inventory closing journal",
        check_company=True,
        domain="[('type', '=', 'general')]",
        help="Journal of the inventory closing entries. Defaults to the inventory "
        "valuation journal.",
    )
    nordic_rule_97 = fields.Selection(
        [
            ("off", "Not used"),
            ("contra", "Write-down on the contra account (14x9)"),
            ("reserve", "Stock reserve (2196 / 8896)"),
        ],
        string="97 % rule",
        default="off",
        required=True,
        help="Swedish alternative rule (IL 17:4): the stock may be valued at 97 % of "
        "its total acquisition value when that is lower than the main rule. The 3 % is "
        "booked on the write-down account or, for legal persons, as an untaxed stock "
        "reserve.",
    )
    nordic_selling_cost_percent = fields.Float(
        string="Costs to sell (%)",
        default=0.0,
        digits=(5, 2),
        help="Estimated costs to sell, in percent of the sales price, deducted to "
        "obtain the net realisable value.",
    )
    nordic_fixed_value_tolerance = fields.Float(
        "Fixed value tolerance (%)",
        digits=(5, 2),
        help="Finland (KPL 5:6 § 3 mom.): how far, in percent, the counted value of "
        "materials and supplies carried at a fixed value may differ from it before "
        "the fixed value must be revised. The law gives no percentage: the company "
        "sets it.",
    )
    nordic_obsolescence_band_ids = fields.One2many(
        "nordic.obsolescence.band",
        "company_id",
        string="Obsolescence bands",
    )
    nordic_stock_class_account_ids = fields.One2many(
        "nordic.stock.class.account",
        "company_id",
        string="Inventory closing accounts",
    )
    nordic_auto_closing = fields.Boolean(
        string="Automatic inventory closing",
        help="Prepare the inventory closing automatically at the end of the fiscal "
        "year.",
    )
    nordic_auto_closing_monthly = fields.Boolean(
        string="Monthly inventory closing",
        help="Also prepare an inventory closing at the end of every month.",
    )
    nordic_auto_post = fields.Boolean(
        string="Post automatic closings",
        help="Post the entries of automatic inventory closings; otherwise they stay in "
        "draft for review.",
    )

    _sql_constraints = [
        (
            "nordic_selling_cost_percent_range",
            "CHECK (nordic_selling_cost_percent >= 0 AND nordic_selling_cost_percent "
            "<= 100)",
            "The costs to sell must be between 0 and 100 %.",
        ),
        (
            "nordic_fixed_value_tolerance_range",
            "CHECK (nordic_fixed_value_tolerance >= 0 AND "
            "nordic_fixed_value_tolerance <= 100)",
            "The fixed value tolerance must be between 0 and 100 %.",
        ),
    ]

    @api.constrains("nordic_closing_journal_id")
    def _check_nordic_closing_journal(self):
        # refused when it is set (in the settings), not at the first closing
        for company in self.filtered("nordic_closing_journal_id"):
            company._nordic_check_closing_journal(company.nordic_closing_journal_id)

    def _nordic_check_closing_journal(self, journal):
        """A closing's entry goes to a miscellaneous (general) journal of the
        company: refuse any other with a message naming both."""
        self.ensure_one()
        if journal.type != "general" or journal.company_id != self:
            raise ValidationError(
                self.env._(
                    "The journal of an inventory closing must be a miscellaneous "
                    "journal of %(company)s; %(journal)s is not.",
                    company=self.name,
                    journal=journal.display_name,
                )
            )

    @api.constrains("nordic_closing_framework", "nordic_rule_97")
    def _check_nordic_rule_97(self):
        for company in self:
            refusal = company._nordic_rule_97_refusal()
            if refusal:
                raise ValidationError(
                    self.env._(
                        "%(company)s: %(refusal)s",
                        company=company.display_name,
                        refusal=refusal,
                    )
                )

    def _nordic_rule_97_refusal(self):
        """Why the framework does not allow the chosen 97 % rule ('' if it does);
        what each framework allows is the engine's table."""
        self.ensure_one()
        rule = self.nordic_rule_97 or "off"
        framework = self.nordic_closing_framework
        if rule == "off" or (framework and rule in rule_97_allowed(framework)):
            return ""
        if not framework:
            return self.env._(
                "choose a Swedish inventory closing framework before using the 97 % "
                "rule."
            )
        label = dict(
            self._fields["nordic_closing_framework"]._description_selection(self.env)
        )[framework]
        if not framework.startswith("SE_"):
            return self.env._(
                "the 97 %% rule (IL 17:4) is Swedish tax law and cannot be used with "
                "%(framework)s.",
                framework=label,
            )
        if rule == "contra":
            return self.env._(
                "%(framework)s does not allow booking the 97 %% rule on the "
                "write-down account: the balance sheet must show the stock at its "
                "lowest value, so the 3 %% that is only a tax deduction goes to the "
                "stock reserve (BFNAR 2012:1 ch. 13, IAS 2.9).",
                framework=label,
            )
        return self.env._(
            "%(framework)s does not allow the 97 %% rule as a stock reserve: a sole "
            "trader cannot make untaxed reserves.",
            framework=label,
        )

    def _nordic_get_mapping_rows(self):
        """Mapping rows of the company's chart; its own rows replace the shared ones."""
        self.ensure_one()
        if not self.chart_template:
            return self.env["nordic.stock.account.mapping"]
        rows = (
            self.env["nordic.stock.account.mapping"]
            .sudo()
            .search(
                [
                    ("chart_template", "=", self.chart_template),
                    ("company_id", "in", [False, self.id]),
                ]
            )
        )
        own_roles = set(rows.filtered("company_id").mapped("role"))
        return rows.filtered(lambda row: row.company_id or row.role not in own_roles)

    def _nordic_find_accounts(self, codes):
        """Non-deprecated accounts of this company's chart by code ({code: account})."""
        self.ensure_one()
        Account = self.env["account.account"].sudo().with_company(self)
        accounts = Account.search(
            [
                *Account._check_company_domain(self),
                ("code", "in", list(codes)),
                ("deprecated", "=", False),
            ]
        )
        found = {}
        for account in accounts:
            found.setdefault(account.code, account)
        return found

    def _nordic_apply_account_mapping(self):
        """Create or complete the companies' inventory closing accounts (mapping).

        Only companies whose chart has mapping rows are touched. An account is looked up
        by its code in the company's own chart; a code that is not there is reported in
        missing_account_codes and logged, never replaced by a guess. Accounts already
        set (by a previous run or by hand) are kept. Also proposes the closing framework
        and journal. Can be run again at any time.
        """
        ClassAccount = self.env["nordic.stock.class.account"].sudo()
        for company in self:
            rows = company._nordic_get_mapping_rows()
            if not rows:
                continue
            codes = {
                code
                for row in rows
                for code in row._nordic_codes_by_field().values()
                if code
            }
            accounts = company._nordic_find_accounts(codes)
            existing = {
                record.role: record
                for record in ClassAccount.search([("company_id", "=", company.id)])
            }
            all_missing = []
            for row in rows:
                record = existing.get(row.role)
                vals = {}
                missing = []
                for fname, code in row._nordic_codes_by_field().items():
                    if not code or (record and record[fname]):
                        continue
                    if code in accounts:
                        vals[fname] = accounts[code].id
                    else:
                        missing.append(code)
                vals["missing_account_codes"] = ", ".join(missing) or False
                if record:
                    record.write(vals)
                else:
                    ClassAccount.create(
                        {"company_id": company.id, "role": row.role, **vals}
                    )
                all_missing += missing
            if all_missing:
                _logger.warning(
                    "Inventory closing accounts of company %s (chart %s): accounts %s "
                    "are not in the chart of accounts; they are left empty.",
                    company.name,
                    company.chart_template,
                    ", ".join(sorted(set(all_missing))),
                )
            company._nordic_apply_default_settings()

    def _nordic_default_framework(self):
        """The framework the engine's country table proposes for the company's
        chart of accounts (``Country.charts``): its own country's first, else the
        country whose chart it is; without one, its country's default."""
        self.ensure_one()
        own = COUNTRY.get(self.account_fiscal_country_id.code or self.country_id.code)
        for country in (own, *COUNTRY.values()):
            code = country and country.chart_framework(self.chart_template)
            if code:
                return f"{country.code}_{code}"
        return f"{own.code}_{own.default_framework}" if own else False

    def _nordic_default_closing_journal(self):
        """The company's inventory valuation journal (stock_account's 'STJ')."""
        self.ensure_one()
        Category = self.env["product.category"].sudo().with_company(self)
        journal = Category._fields[
            "property_stock_journal"
        ].get_company_dependent_fallback(Category)
        if not journal:
            journal = (
                self.env["account.chart.template"]
                .with_company(self)
                .ref("inventory_valuation", raise_if_not_found=False)
            )
        if not journal:
            Journal = self.env["account.journal"].sudo()
            journal = Journal.search(
                [
                    *Journal._check_company_domain(self),
                    ("code", "=", "STJ"),
                    ("type", "=", "general"),
                ],
                limit=1,
            )
        return journal.sudo().filtered_domain(
            self.env["account.journal"]._check_company_domain(self)
        )

    def _nordic_apply_default_settings(self):
        """Propose the chart's framework and the stock journal where none is chosen."""
        for company in self:
            vals = {}
            framework = company._nordic_default_framework()
            current = company.nordic_closing_framework
            if framework and (
                not current
                or getattr(framework_by_key(current), "country", None)
                != framework_by_key(framework).country
            ):
                vals["nordic_closing_framework"] = framework
                if company.nordic_rule_97 not in rule_97_allowed(framework):
                    vals["nordic_rule_97"] = "off"
            if not company.nordic_closing_journal_id:
                journal = company._nordic_default_closing_journal()
                if journal:
                    vals["nordic_closing_journal_id"] = journal.id
            if vals:
                company.sudo().write(vals)

    def _nordic_obsolescence_bands(self):
        """Obsolescence schedule for the engine: [(min_days, percent), ...] by age."""
        self.ensure_one()
        return [
            (band.min_days, band.percent)
            for band in self.nordic_obsolescence_band_ids.sorted("min_days")
        ]
