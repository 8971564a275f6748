from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .nordic_selections import MAPPING_ROLES


class NordicStockAccountMapping(models.Model):
    """Chart-level account codes per inventory class.

    The rows shipped with the module come from data/nordic.stock.account.mapping.csv,
    the file the engine reads too; they are reset from that file when the module is
    updated. A row with a company applies to that company only and takes precedence over
    the shipped row of the same chart and role.
    """

    _name = "nordic.stock.account.mapping"
    _description = "Nordic inventory closing: account mapping per chart"
    _order = "chart_template, company_id, role"

    chart_template = fields.Char(
        string="Chart template",
        required=True,
        index=True,
        help="Technical code of the chart of accounts template "
        "(res.company.chart_template), e.g. no, se, se_K2, se_K3.",
    )
    role = fields.Selection(MAPPING_ROLES, string="Inventory class", required=True)
    balance_account_code = fields.Char(
        "Inventory account code",
        help="Balance sheet account holding the stock (14x0) or the stock reserve "
        "(2196).",
    )
    contra_account_code = fields.Char(
        "Write-down account code",
        help="Contra account for accumulated write-downs (14x9).",
    )
    write_down_account_code = fields.Char(
        "Write-down P&L account code",
        help="Profit and loss account of the write-down and its release (Denmark "
        "1800/1430, Finland 4440/3620); empty: the change in inventory account.",
    )
    change_account_code = fields.Char(
        "Change in inventory account code",
        help="Profit and loss account for the change in inventory (49x0, 4x90) or "
        "in the stock reserve (8896).",
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty for a mapping that applies to every company using the "
        "chart.",
    )

    @api.constrains("chart_template", "role", "company_id")
    def _check_unique_role(self):
        for mapping in self:
            duplicate = self.sudo().search_count(
                [
                    ("id", "!=", mapping.id),
                    ("chart_template", "=", mapping.chart_template),
                    ("role", "=", mapping.role),
                    ("company_id", "=", mapping.company_id.id),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "The chart %(chart)s already maps the role %(role)s.",
                        chart=mapping.chart_template,
                        role=dict(
                            self._fields["role"]._description_selection(self.env)
                        )[mapping.role],
                    )
                )

    @api.depends("chart_template", "role")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for mapping in self:
            mapping.display_name = (
                f"{mapping.chart_template or ''} / {roles.get(mapping.role, '')}"
            )

    def _nordic_codes_by_field(self):
        """Codes of this row by the nordic.stock.class.account field they fill."""
        self.ensure_one()
        return {
            "balance_account_id": self.balance_account_code,
            "contra_account_id": self.contra_account_code,
            "change_account_id": self.change_account_code,
            "write_down_account_id": self.write_down_account_code,
        }
