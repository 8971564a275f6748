from odoo import api, fields, models

from .nordic_selections import (
    INVENTORY_CLASS_SELECTION,
    TAX_PRINCIPLE_SELECTION,
    account_field,
)

# product.category field -> nordic.stock.class.account field it is proposed from.
CATEGORY_ACCOUNT_FIELDS = {
    "property_stock_valuation_account_id": "balance_account_id",
    "nordic_writedown_account_id": "contra_account_id",
    "nordic_change_account_id": "change_account_id",
    "nordic_write_down_pl_account_id": "write_down_account_id",
}


class ProductCategory(models.Model):
    _inherit = "product.category"

    nordic_inventory_class = fields.Selection(
        INVENTORY_CLASS_SELECTION,
        "Inventory class",
        help="Inventory class of the year-end closing. Choosing it proposes the "
        "inventory, write-down and change in inventory accounts of the class where "
        "they are empty.",
    )
    nordic_change_account_id = account_field(
        "Change in inventory account",
        "Profit and loss account the inventory closing books the change in "
        "inventory on (49x0, 4x90).",
        company_dependent=True,
    )
    nordic_has_tax_groups = fields.Boolean(
        "Tax value per product group",
        compute="_compute_nordic_framework_flags",
        help="The current company's framework values stock for tax per product group "
        "(Denmark, varelagerloven § 1): the category's principle applies.",
    )
    nordic_has_write_down_pl_account = fields.Boolean(
        "Write-down P&L account applies",
        compute="_compute_nordic_framework_flags",
        help="The current company's country books write-downs on a P&L account of "
        "the category's own (Denmark, Finland).",
    )
    nordic_tax_principle = fields.Selection(
        TAX_PRINCIPLE_SELECTION,
        "Tax value principle (Denmark)",
        company_dependent=True,
        help="Denmark (varelagerloven § 1): the principle this product group is "
        "valued by for tax this year: the replacement price at the year end "
        "(dagspris), the purchase price or the manufacturing price. Empty: at cost "
        "(the purchase price, or the manufacturing price for work in progress and "
        "finished goods).",
    )
    nordic_write_down_pl_account_id = account_field(
        "Write-down P&L account",
        "Profit and loss account the inventory closing books this category's "
        "write-down and its release on (Denmark 1800/1430, Finland 4440/3620); "
        "empty: the change in inventory account.",
        company_dependent=True,
    )
    nordic_writedown_account_id = account_field(
        "Write-down account",
        "Contra account for the accumulated write-downs of this category's stock "
        "(14x9).",
        company_dependent=True,
    )

    @api.depends_context("company")
    def _compute_nordic_framework_flags(self):
        """What the current company's framework shows of a category (the engine's
        tables, through ``nordic.framework.mixin``)."""
        flags = self.env["nordic.framework.mixin"]._nordic_framework_flags(
            self.env.company.nordic_closing_framework
        )
        self.nordic_has_tax_groups = flags["nordic_has_tax_groups"]
        self.nordic_has_write_down_pl_account = flags[
            "nordic_has_write_down_pl_account"
        ]

    # ------------------------------------------------------------------
    # Proposed accounts
    # ------------------------------------------------------------------

    def _nordic_class_accounts(self, inventory_class, company):
        """The company's class accounts of ``inventory_class`` (maybe empty)."""
        if not inventory_class:
            return self.env["nordic.stock.class.account"]
        # the company's few class accounts are read once and kept in the cache:
        # a closing asks for them category by category
        return company.sudo().nordic_stock_class_account_ids.filtered(
            lambda record: record.role == inventory_class
        )[:1]

    def _nordic_proposed_account_values(self, new_class, old_class, company, skip=()):
        """Values filling this category's accounts (in ``company``) for ``new_class``.

        A field is filled when it is empty, still shows the company default of the
        field, or still shows the account the previous class proposed. Anything else was
        chosen by hand and is kept. Odoo's stock valuation account is never emptied.
        """
        self.ensure_one()
        category = self.with_company(company)
        new_accounts = self._nordic_class_accounts(new_class, company)
        old_accounts = self._nordic_class_accounts(old_class, company)
        if not new_accounts:
            return {}
        vals = {}
        for fname, class_fname in CATEGORY_ACCOUNT_FIELDS.items():
            if fname in skip:
                continue
            current = category[fname]
            field = category._fields[fname]
            replaceable = (
                not current
                or current == field.get_company_dependent_fallback(category)
                or (old_accounts and current == old_accounts[class_fname])
            )
            proposed = new_accounts[class_fname]
            if not replaceable or current == proposed:
                continue
            if proposed or fname != "property_stock_valuation_account_id":
                vals[fname] = proposed
        return vals

    @api.onchange("nordic_inventory_class")
    def _onchange_nordic_inventory_class(self):
        company = self.env.company
        for category in self:
            vals = category._nordic_proposed_account_values(
                category.nordic_inventory_class,
                category._origin.nordic_inventory_class,
                company,
            )
            for fname, account in vals.items():
                category[fname] = account

    def _nordic_fill_class_accounts(self, old_classes, skip=()):
        """Fill the current company's accounts once create or write set the class."""
        company = self.env.company
        for category in self:
            vals = category._nordic_proposed_account_values(
                category.nordic_inventory_class,
                old_classes.get(category.id),
                company,
                skip=skip,
            )
            if vals:
                category.with_company(company).with_context(
                    nordic_skip_class_accounts=True
                ).write({fname: account.id for fname, account in vals.items()})

    @api.model_create_multi
    def create(self, vals_list):
        categories = super().create(vals_list)
        if not self.env.context.get("nordic_skip_class_accounts"):
            for category, vals in zip(categories, vals_list, strict=True):
                if vals.get("nordic_inventory_class"):
                    category._nordic_fill_class_accounts({}, skip=set(vals))
        return categories

    def write(self, vals):
        if "nordic_inventory_class" not in vals or self.env.context.get(
            "nordic_skip_class_accounts"
        ):
            return super().write(vals)
        old_classes = {
            category.id: category.nordic_inventory_class for category in self
        }
        res = super().write(vals)
        self._nordic_fill_class_accounts(old_classes, skip=set(vals))
        return res

    def _nordic_get_accounts(self, company=None):
        """Accounts the closing uses for this category in ``company``.

        The category's own accounts first, else those of its inventory class in the
        company. Returns a dict with keys balance, contra, change, write_down
        (account.account records, maybe empty).
        """
        self.ensure_one()
        company = company or self.env.company
        category = self.with_company(company)
        class_accounts = self._nordic_class_accounts(
            self.nordic_inventory_class, company
        )
        return {
            "balance": category.property_stock_valuation_account_id
            or class_accounts.balance_account_id,
            "contra": category.nordic_writedown_account_id
            or class_accounts.contra_account_id,
            "change": category.nordic_change_account_id
            or class_accounts.change_account_id,
            "write_down": category.nordic_write_down_pl_account_id
            or class_accounts.write_down_account_id,
        }
