from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _post_load_data(self, template_code, company, template_data):
        """Resolve the inventory closing accounts once a chart is (re)loaded.

        Runs after Odoo's own post-load step (and stock_account's, which sets the stock
        journal), so the accounts and the inventory valuation journal exist. Companies
        whose chart has no inventory closing mapping are left alone.
        """
        res = super()._post_load_data(template_code, company, template_data)
        company = company or self.env.company
        company._nordic_apply_account_mapping()
        return res
