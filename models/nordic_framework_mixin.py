from odoo import api, fields, models

from ..nordic_closing.countries import COUNTRY
from ..nordic_closing.frameworks import framework_by_key


class NordicFrameworkMixin(models.AbstractModel):
    """What the engine's country and framework tables say of a record's framework,
    as fields views and reports show or hide by: the one bridge from
    ``nordic_closing/countries.py`` and ``frameworks.py`` to Odoo. No view, report
    or model of the addon tests a country or framework key itself, so a country
    added to the engine's tables shows without other changes.

    A model names its framework field in ``_nordic_framework_field`` (a settings
    value such as ``SE_K2``); without one set, the flags are false and
    ``nordic_country`` is empty.
    """

    _name = "nordic.framework.mixin"
    _description = "Country and framework of an inventory closing"
    _nordic_framework_field = "framework"

    nordic_country = fields.Char(
        "Closing country",
        compute="_compute_nordic_framework_flags",
        help="The country of the framework (the engine's country table).",
    )
    nordic_has_rule_97 = fields.Boolean(
        "97 % rule applies",
        compute="_compute_nordic_framework_flags",
        help="The framework may book the Swedish 97 % rule (IL 17:4).",
    )
    nordic_has_tax_groups = fields.Boolean(
        "Tax value per product group",
        compute="_compute_nordic_framework_flags",
        help="The tax value follows a principle per product group (Denmark, "
        "varelagerloven § 1).",
    )
    nordic_has_replacement_cost = fields.Boolean(
        "Replacement cost applies",
        compute="_compute_nordic_framework_flags",
        help="The framework values by, or discloses, the replacement cost (Finland's "
        "lowest of three, Denmark's dagspris).",
    )
    nordic_has_fixed_value = fields.Boolean(
        "Fixed value allowed",
        compute="_compute_nordic_framework_flags",
        help="Raw materials and consumables may be carried at a fixed value.",
    )
    nordic_has_fixed_value_tolerance = fields.Boolean(
        "Fixed value tolerance applies",
        compute="_compute_nordic_framework_flags",
        help="The company sets how far a fixed value may drift (Finland, KPL 5:6 § "
        "3 mom.).",
    )
    nordic_has_write_down_pl_account = fields.Boolean(
        "Write-down P&L account applies",
        compute="_compute_nordic_framework_flags",
        help="A product category may book its write-downs on a P&L account of its "
        "own (Denmark, Finland).",
    )

    @api.depends(lambda self: [self._nordic_framework_field])
    def _compute_nordic_framework_flags(self):
        for record in self:
            record.update(
                self._nordic_framework_flags(record[self._nordic_framework_field])
            )

    @api.model
    def _nordic_framework_flags(self, key):
        """``{field: value}`` of the mixin's fields for the framework ``key``."""
        framework = framework_by_key(key)
        country = COUNTRY.get(framework.country) if framework else None
        return {
            "nordic_country": framework.country if framework else False,
            "nordic_has_rule_97": bool(framework and framework.rule_97_modes),
            "nordic_has_tax_groups": bool(
                framework and framework.tax_value == "principle"
            ),
            "nordic_has_replacement_cost": bool(
                framework and framework.replacement_cost
            ),
            "nordic_has_fixed_value": bool(framework and framework.fixed_value),
            "nordic_has_fixed_value_tolerance": bool(
                framework and framework.fixed_value == "tolerance"
            ),
            "nordic_has_write_down_pl_account": bool(
                country and country.write_down_pl_account
            ),
        }
