from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    nordic_closing_framework = fields.Selection(
        related="company_id.nordic_closing_framework", readonly=False
    )
    nordic_closing_journal_id = fields.Many2one(
        related="company_id.nordic_closing_journal_id",
        readonly=False,
        check_company=True,
        domain="[('type', '=', 'general')]",
    )
    nordic_rule_97 = fields.Selection(
        related="company_id.nordic_rule_97", readonly=False
    )
    nordic_selling_cost_percent = fields.Float(
        related="company_id.nordic_selling_cost_percent", readonly=False
    )
    nordic_fixed_value_tolerance = fields.Float(
        related="company_id.nordic_fixed_value_tolerance", readonly=False
    )
    nordic_auto_closing = fields.Boolean(
        related="company_id.nordic_auto_closing", readonly=False
    )
    nordic_auto_closing_monthly = fields.Boolean(
        related="company_id.nordic_auto_closing_monthly", readonly=False
    )
    nordic_auto_post = fields.Boolean(
        related="company_id.nordic_auto_post", readonly=False
    )
    nordic_obsolescence_band_count = fields.Integer(
        string="Number of obsolescence bands",
        compute="_compute_nordic_obsolescence_band_count",
    )

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
