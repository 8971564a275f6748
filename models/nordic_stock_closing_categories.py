"""The categories a closing values: those of the company's valuation layers, each
with its inventory class, accounts and cost method; refused, all in one message,
where a class or an account is missing."""

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..nordic_closing import ClassAccounts
from ..nordic_closing.countries import COUNTRY
from .ir_ui_menu import CLASS_ACCOUNT_MENUS

#: the accounts every category needs (a country whose charts have no contra
#: account, Finland, needs no contra account)
ACCOUNT_ROLES = ("balance", "contra", "change")


class NordicStockClosingCategories(models.Model):
    _inherit = "nordic.stock.closing"

    def _nordic_categories(self):
        """``{category id: info}`` for the categories whose products the company has
        valued (valuation layers): a category only another company stocks does not
        block this company's closing. Categories without a class or accounts are
        refused, all of them in one message."""
        company = self.company_id
        categories = self._nordic_layer_categories()
        # a country whose charts have no contra account (Finland) books the
        # write-down on the inventory account itself; elsewhere it is required
        country, _code = self._nordic_country()
        required = (
            ACCOUNT_ROLES
            if COUNTRY[country].contra_account
            else tuple(role for role in ACCOUNT_ROLES if role != "contra")
        )
        info, missing_class, missing_accounts = {}, [], []
        for category in categories:
            if not category.nordic_inventory_class:
                missing_class.append(category.complete_name)
                continue
            accounts = {
                key: account.with_company(company)
                for key, account in category._nordic_get_accounts(company).items()
            }
            absent = [k for k in required if not accounts[k]]
            if absent:
                missing_accounts.append(
                    f"{category.complete_name} ({', '.join(absent)})"
                )
                continue
            info[category.id] = self._nordic_category_info(category, accounts)
        if missing_class or missing_accounts:
            raise UserError(
                self._nordic_categories_message(missing_class, missing_accounts)
            )
        # a product group is one category: two of the same name stay apart
        names = [entry["tax_group"] for entry in info.values()]
        for category_id, entry in info.items():
            if names.count(entry["tax_group"]) > 1:
                entry["tax_group"] = f"{entry['tax_group']} ({category_id})"
        return info

    def _nordic_layer_categories(self):
        """The categories of the company's valuation layers (in its company). The
        layers' category is their product's (a stored related field; only storable
        products are valued): read by skipping from one category to the next on
        the index (company, category), not by scanning the layers."""
        company = self.company_id
        self.env["product.template"].flush_model(["categ_id"])
        self.env["stock.valuation.layer"].flush_model(["categ_id", "company_id"])
        self.env.cr.execute(
            SQL(
                """
WITH RECURSIVE layer_category AS (
    (SELECT categ_id FROM stock_valuation_layer
      WHERE company_id = %(company)s AND categ_id IS NOT NULL
      ORDER BY categ_id LIMIT 1)
    UNION ALL
    SELECT (SELECT svl.categ_id FROM stock_valuation_layer svl
             WHERE svl.company_id = %(company)s AND svl.categ_id > c.categ_id
             ORDER BY svl.categ_id LIMIT 1)
      FROM layer_category c
     WHERE c.categ_id IS NOT NULL
)
SELECT categ_id FROM layer_category WHERE categ_id IS NOT NULL
                """,
                company=company.id,
            )
        )
        return (
            self.env["product.category"]
            .with_company(company)
            .browse(row[0] for row in self.env.cr.fetchall())
        )

    def _nordic_category_info(self, category, accounts):
        """What the closing needs of a category: its class, cost method, valuation
        and accounts (by code for the engine, by id for the entry)."""
        inventory_class = category.nordic_inventory_class
        return {
            "class": inventory_class,
            "cost_method": category.property_cost_method,
            "real_time": category.property_valuation == "real_time",
            # Denmark's tax view: the category is the product group
            "tax_group": category.complete_name,
            "tax_principle": category.nordic_tax_principle or False,
            "accounts": ClassAccounts(
                inventory_class,
                accounts["balance"].code,
                accounts["contra"].code or "",
                accounts["change"].code,
                accounts["write_down"].code or "",
            ),
            "account_ids": {
                account.code: account.id for account in accounts.values() if account
            },
        }

    def _nordic_categories_message(self, missing_class, missing_accounts):
        message = []
        if missing_class:
            message.append(
                self.env._(
                    "Choose an inventory class on these product categories: %(list)s",
                    list=", ".join(sorted(missing_class)),
                )
            )
        if missing_accounts:
            message.append(
                self.env._(
                    "These categories miss an inventory, write-down or change "
                    "account: %(list)s. Complete them, or the company's inventory "
                    "closing accounts (%(menu)s).",
                    list=", ".join(sorted(missing_accounts)),
                    menu=self.env["ir.ui.menu"]._nordic_menu_path(*CLASS_ACCOUNT_MENUS),
                )
            )
        return "\n".join(message)
