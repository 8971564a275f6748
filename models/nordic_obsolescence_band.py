from odoo import api, fields, models


class NordicObsolescenceBand(models.Model):
    """One age band of the obsolescence schedule (inkurans / ukurans).

    The age of an item is the number of days from its last movement up to the balance
    date; the highest band reached applies, as a percentage of the item's acquisition
    value.
    """

    _name = "nordic.obsolescence.band"
    _inherit = ["nordic.company.setting"]
    _description = "Nordic inventory closing: obsolescence age band"
    _order = "company_id, min_days"

    min_days = fields.Integer(
        "From age (days)",
        required=True,
        help="The band applies to items whose last movement is at least this many days "
        "before the balance date.",
    )
    percent = fields.Float(
        "Write-down (%)",
        required=True,
        digits=(5, 2),
        help="Write-down as a percentage of the acquisition value.",
    )

    _sql_constraints = [
        (
            "min_days_positive",
            "CHECK (min_days > 0)",
            "The age of an obsolescence band must be at least one day.",
        ),
        (
            "percent_range",
            "CHECK (percent >= 0 AND percent <= 100)",
            "The write-down of an obsolescence band must be between 0 and 100 %.",
        ),
        (
            "company_min_days_uniq",
            "UNIQUE (company_id, min_days)",
            "A company has one obsolescence band per age.",
        ),
    ]

    @api.depends("min_days", "percent")
    def _compute_display_name(self):
        for band in self:
            percent = f"{band.percent:g}"
            band.display_name = self.env._(
                "From %(days)s days: %(percent)s %%",
                days=band.min_days,
                percent=percent,
            )
