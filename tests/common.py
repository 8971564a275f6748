from unittest import SkipTest

from odoo.tests import TransactionCase
from odoo.tools import mute_logger

# Expected accounts per inventory class, from DOMAIN.md section 3 (not from the module)
# class -> (inventory 14x0, write-down 14x9, change in inventory).
NO_ACCOUNTS = {
    "raw_material": ("1400", "1409", "4090"),
    "consumable": ("1405", "1409", "4090"),
    "work_in_progress": ("1420", "1429", "4190"),
    "finished_goods": ("1440", "1449", "4290"),
    "goods_for_resale": ("1460", "1469", "4390"),
}
SE_ACCOUNTS = {
    "raw_material": ("1410", "1419", "4910"),
    "consumable": ("1420", "1429", "4920"),
    "work_in_progress": ("1440", "1449", "4940"),
    "finished_goods": ("1450", "1459", "4950"),
    "goods_for_resale": ("1460", "1469", "4960"),
}
# Denmark and Finland (DOMAIN-DK-FI.md section 2): class -> (stock, contra, change,
# write-down P&L); Finland has no contra account.
DK_ACCOUNTS = {
    "raw_material": ("6080", "6090", "1770", "1800"),
    "consumable": ("6080", "6090", "1770", "1800"),
    "work_in_progress": ("6110", "6120", "1410", "1430"),
    "finished_goods": ("6140", "6150", "1410", "1430"),
    "goods_for_resale": ("6140", "6150", "1770", "1800"),
}
FI_ACCOUNTS = {
    "raw_material": ("1501", False, "4400", "4440"),
    "consumable": ("1501", False, "4400", "4440"),
    "work_in_progress": ("1511", False, "3610", "3620"),
    "finished_goods": ("1521", False, "3600", "3620"),
    "goods_for_resale": ("1531", False, "4410", "4440"),
}
# Swedish untaxed stock reserve (DOMAIN.md sections 2, 4): 2196 against 8896, no contra.
SE_STOCK_RESERVE = ("2196", False, "8896")

MAPPING_LOGGER = "odoo.addons.l10n_nordic_stock_closing.models.res_company"


class NordicClosingCommon(TransactionCase):
    """Companies with a Nordic chart loaded the way Odoo loads it."""

    @classmethod
    def _nordic_create_company(cls, name, country_code, chart_template):
        module = {
            "no": "l10n_no",
            "dk": "l10n_dk",
            "fi": "l10n_fi",
            "generic_coa": "account",
        }.get(chart_template, "l10n_se")
        if cls.env["ir.module.module"]._get(module).state != "installed":
            raise SkipTest(f"{module} is not installed")
        country = cls.env.ref(f"base.{country_code.lower()}")
        company = cls.env["res.company"].create(
            {
                "name": name,
                "country_id": country.id,
                "currency_id": country.currency_id.id,
            }
        )
        cls.env.user.company_ids |= company
        # A chart without some mapped accounts ('se') logs a warning: expected here.
        with mute_logger(MAPPING_LOGGER):
            cls.env["account.chart.template"].try_loading(
                chart_template, company=company, install_demo=False
            )
        return company

    def _nordic_class_account(self, company, role):
        return self.env["nordic.stock.class.account"].search(
            [("company_id", "=", company.id), ("role", "=", role)]
        )

    def _nordic_codes(self, company, record, fnames):
        """Codes of a record's account fields, read in the company (False if empty)."""
        record = record.with_company(company)
        return tuple(record[fname].code or False for fname in fnames)

    def _nordic_account(self, company, code):
        Account = self.env["account.account"].with_company(company)
        account = Account.search(
            [*Account._check_company_domain(company), ("code", "=", code)]
        )
        self.assertEqual(len(account), 1, f"account {code} in {company.name}")
        return account
