from odoo import api, fields, models

from .nordic_selections import MAPPING_ROLES, account_field

# Account fields filled from the mapping (see product_category.py for the category).
CLASS_ACCOUNT_FIELDS = (
    "balance_account_id",
    "contra_account_id",
    "change_account_id",
    "write_down_account_id",
)


class NordicStockClassAccount(models.Model):
    """The accounts of one inventory class (or the Swedish stock reserve) in a company.

    Created from the chart mapping by res.company._nordic_apply_account_mapping(); an
    account that cannot be found in the company's chart stays empty and its code is
    listed in missing_account_codes. Accounts set by hand are never overwritten.
    """

    _name = "nordic.stock.class.account"
    _inherit = ["nordic.company.setting"]
    _description = "Nordic inventory closing: accounts per inventory class"
    _order = "company_id, sequence, id"

    role = fields.Selection(MAPPING_ROLES, string="Inventory class", required=True)
    sequence = fields.Integer(compute="_compute_sequence", store=True)
    balance_account_id = account_field(
        "Inventory account",
        "Balance sheet account holding the stock (14x0) or the stock reserve "
        "(2196).",
    )
    contra_account_id = account_field(
        "Write-down account",
        "Contra account for accumulated write-downs: net realisable value, "
        "obsolescence and the booked 3 % (14x9).",
    )
    change_account_id = account_field(
        "Change in inventory account",
        "Profit and loss account for the change in inventory (49x0, 4x90) or "
        "in the stock reserve (8896).",
    )
    write_down_account_id = account_field(
        "Write-down P&L account",
        "Profit and loss account of the write-down and its release (Denmark "
        "1800/1430, Finland 4440/3620). Empty: the change in inventory account, as "
        "in Norway and Sweden.",
    )
    fixed_value = fields.Monetary(
        string="Fixed value",
        help="Raw materials and consumables carried at a fixed quantity and value "
        "(Sweden K1/K2/K3: ÅRL 4:12; Finland FAS/PMA: KPL 5:6 § 3 mom., within the "
        "company's tolerance). Leave empty to value the stock item by item.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    nordic_has_fixed_value = fields.Boolean(
        related="company_id.nordic_has_fixed_value",
        help="The company's framework allows a fixed value (Sweden ÅRL 4:12, Finland "
        "KPL 5:6 § 3 mom.).",
    )
    missing_account_codes = fields.Char(
        string="Missing account codes",
        readonly=True,
        help="Account codes of the chart mapping that were not found in this company's "
        "chart of accounts. Create the accounts or choose others, then apply the "
        "mapping again.",
    )

    _sql_constraints = [
        (
            "company_role_uniq",
            "UNIQUE (company_id, role)",
            "Each inventory class has one set of accounts per company.",
        ),
    ]

    @api.depends("role")
    def _compute_sequence(self):
        order = [role for role, _label in MAPPING_ROLES]
        for record in self:
            record.sequence = (
                order.index(record.role) if record.role in order else len(order)
            )

    @api.depends("role", "company_id")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for record in self:
            record.display_name = roles.get(record.role) or ""

    def write(self, vals):
        # An account chosen by hand answers the missing code it replaces.
        res = super().write(vals)
        if (
            any(fname in vals for fname in CLASS_ACCOUNT_FIELDS)
            and "missing_account_codes" not in vals
        ):
            self.filtered("missing_account_codes")._nordic_update_missing_codes()
        return res

    def _nordic_update_missing_codes(self):
        """Keep only the missing codes whose account is still empty."""
        for record in self:
            mapping = record.company_id._nordic_get_mapping_rows().filtered(
                lambda m, r=record: m.role == r.role
            )
            if not mapping:
                continue
            missing = [
                code
                for fname, code in mapping._nordic_codes_by_field().items()
                if code
                and not record[fname]
                and code in (record.missing_account_codes or "").split(", ")
            ]
            record.sudo().write({"missing_account_codes": ", ".join(missing) or False})
