from odoo import api, fields, models

from ..nordic_closing.countries import COUNTRY


def _company_setting(field_type, fname, **kwargs):
    """A setting shown here and kept on the company (``company_id.<fname>``)."""
    return field_type(related=f"company_id.{fname}", readonly=False, **kwargs)


class ResConfigSettings(models.TransientModel):
    _name = "res.config.settings"
    _inherit = ["res.config.settings", "nordic.framework.mixin"]
    _nordic_framework_field = "nordic_closing_framework"

    nordic_closing_framework = _company_setting(
        fields.Selection, "nordic_closing_framework"
    )
    nordic_closing_journal_id = _company_setting(
        fields.Many2one,
        "nordic_closing_journal_id",
        check_company=True,
        domain="[('type', '=', 'general')]",
    )
    nordic_rule_97 = _company_setting(fields.Selection, "nordic_rule_97")
    nordic_selling_cost_percent = _company_setting(
        fields.Float, "nordic_selling_cost_percent"
    )
    nordic_fixed_value_tolerance = _company_setting(
        fields.Float, "nordic_fixed_value_tolerance"
    )
    nordic_auto_closing = _company_setting(fields.Boolean, "nordic_auto_closing")
    nordic_auto_closing_monthly = _company_setting(
        fields.Boolean, "nordic_auto_closing_monthly"
    )
    nordic_auto_post = _company_setting(fields.Boolean, "nordic_auto_post")
    nordic_closing_available = fields.Boolean(
        "Inventory closing available",
        compute="_compute_nordic_closing_available",
        help="The company's fiscal country is in the engine's country table.",
    )
    nordic_obsolescence_band_count = fields.Integer(
        string="Number of obsolescence bands",
        compute="_compute_nordic_obsolescence_band_count",
    )

    @api.depends("country_code")
    def _compute_nordic_closing_available(self):
        for settings in self:
            settings.nordic_closing_available = settings.country_code in COUNTRY

    @api.depends("company_id")
    def _compute_nordic_obsolescence_band_count(self):
        for settings in self:
            settings.nordic_obsolescence_band_count = len(
                settings.company_id.nordic_obsolescence_band_ids
            )

    def action_nordic_open_obsolescence_bands(self):
        return self._nordic_company_action("nordic_obsolescence_band_action")

    def action_nordic_open_class_accounts(self):
        return self._nordic_company_action("nordic_stock_class_account_action")

    def _nordic_company_action(self, action_name):
        """One of the addon's list actions, on this company's rows."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            f"l10n_nordic_stock_closing.{action_name}"
        )
        action["domain"] = [("company_id", "=", self.company_id.id)]
        action["context"] = {"default_company_id": self.company_id.id}
        return action

    def action_nordic_apply_account_mapping(self):
        self.ensure_one()
        self.company_id._nordic_apply_account_mapping()
        return self.action_nordic_open_class_accounts()
