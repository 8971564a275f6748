from odoo import fields, models


class NordicCompanySetting(models.AbstractModel):
    """A row of a company's closing settings (obsolescence bands, accounts per
    class): it belongs to one company and goes with it."""

    _name = "nordic.company.setting"
    _description = "Nordic inventory closing: company setting"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        ondelete="cascade",
    )
