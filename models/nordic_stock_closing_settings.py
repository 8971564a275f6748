"""What the engine is told: the settings kept on the closing, the options built
from them and the accounts of each class."""

import json
from decimal import Decimal

from odoo import models
from odoo.exceptions import UserError

from ..nordic_closing import (
    INVENTORY_CLASSES,
    ClassAccounts,
    ClosingOptions,
    ObsolescenceBand,
)
from ..nordic_closing.closing import METHOD_ORDER, format_bands
from ..nordic_closing.frameworks import STOCK_RESERVE
from ..nordic_closing.labels import language_of
from .ir_ui_menu import CLASS_ACCOUNT_MENUS
from .nordic_stock_closing import _dec


class NordicStockClosingSettings(models.Model):
    _inherit = "nordic.stock.closing"

    def _prepare_settings_vals(self):
        """Hook: the company's settings as the closing uses them, kept on it.

        Called on the closing before each computation (to write them) and before
        posting (to compare: posting computes again where they changed). Returns
        ``{field of nordic.stock.closing: value}``; an override may add values of
        its own fields (the settings an addon's rule reads), and must return the
        same values for the same company settings (else every posting computes
        again). It must not read the stock: the snapshot comes after."""
        company = self.company_id
        bands = tuple(
            ObsolescenceBand(days, _dec(percent))
            for days, percent in company._nordic_obsolescence_bands()
        )
        fixed_values = {
            record.role: str(_dec(record.fixed_value))
            for record in company.nordic_stock_class_account_ids
            if record.fixed_value and record.role in INVENTORY_CLASSES
        }
        return {
            "fiscal_year_start": self._nordic_fiscal_year_start(),
            "framework": company.nordic_closing_framework,
            "rule_97": company.nordic_rule_97 or "off",
            "selling_cost_percent": company.nordic_selling_cost_percent,
            "obsolescence_bands": format_bands(bands),
            "obsolescence_band_data": [
                {"days": band.days, "percent": str(band.percent)} for band in bands
            ],
            "fixed_values": json.dumps(fixed_values, sort_keys=True)
            if fixed_values
            else False,
            "fixed_value_tolerance": company.nordic_fixed_value_tolerance,
            "previous_write_downs": self._nordic_previous_closing_write_downs(),
            "journal_id": self.journal_id.id or company.nordic_closing_journal_id.id,
            "error_message": False,
            # the clock of the layers' create_date (the transaction's)
            "computed_at": self.env.cr.now(),
        }

    def _nordic_options(self, accounts_by_class, categories):
        """The engine's options from the settings kept on the closing."""
        class_methods, mix = {}, {}
        for info in categories.values():
            # a class whose categories mix methods is stated as FIFO's, and its
            # principles name every method its products use
            if class_methods.get(info["class"]) != "fifo":
                class_methods[info["class"]] = info["cost_method"]
            methods = mix.setdefault(info["class"], [])
            if info["cost_method"] not in methods:
                methods.append(info["cost_method"])
        country, code = self.framework.split("_", 1)
        fixed_values = {
            role: Decimal(value)
            for role, value in json.loads(self.fixed_values or "{}").items()
        }
        return ClosingOptions(
            country=country,
            balance_date=self.date,
            framework=code,
            method="fifo",
            class_methods=class_methods,
            class_method_mix={
                cls: tuple(sorted(methods, key=METHOD_ORDER.index))
                for cls, methods in mix.items()
                if len(methods) > 1
            },
            fiscal_year_start=self.fiscal_year_start,
            rule_97=self.rule_97 or "off",
            obsolescence_bands=tuple(
                ObsolescenceBand(band["days"], Decimal(band["percent"]))
                for band in self.obsolescence_band_data or ()
            ),
            fixed_values=fixed_values,
            fixed_value_tolerance=_dec(self.fixed_value_tolerance)
            if fixed_values and self.fixed_value_tolerance
            else None,
            previous_write_downs=self._nordic_previous_write_downs(accounts_by_class),
            tax_principles={
                info["tax_group"]: info["tax_principle"]
                for info in categories.values()
                if info["tax_principle"] and self.nordic_has_tax_groups
            },
            # Denmark: while preparing, a missing dagspris is noted (it is entered
            # on the line); posting refuses it
            require_dagspris=bool(self.env.context.get("nordic_posting")),
            accounts=accounts_by_class,
            lang=language_of(self._nordic_document_lang()),
            date_format=self._nordic_date_format(),
        )

    def _nordic_previous_closing_write_downs(self):
        """The write-downs the company's previous posted closing booked on inventory
        accounts without a contra account, per account code (JSON), or False."""
        previous = self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "posted"),
                ("date", "<", self.date),
            ],
            order="date desc",
            limit=1,
        )
        amounts = {}
        for cls in previous.class_ids.filtered(lambda c: not c.contra_account_id):
            code = cls.inventory_account_id.with_company(self.company_id).code
            amounts[code] = amounts.get(code, Decimal(0)) + _dec(cls.write_down)
        amounts = {
            code: str(amount.quantize(Decimal("0.01")))
            for code, amount in amounts.items()
            if amount
        }
        return json.dumps(amounts, sort_keys=True) if amounts else False

    def _nordic_previous_write_downs(self, accounts_by_class):
        """``{inventory account code: write-down}`` of the previous posted closing,
        kept on this one, for the accounts that carry their write-down themselves
        (no contra account: Finland)."""
        without_contra = {
            accounts.balance_account
            for role, accounts in accounts_by_class.items()
            if role in INVENTORY_CLASSES and not accounts.contra_account
        }
        stored = json.loads(self.previous_write_downs or "{}")
        return {
            code: Decimal(amount)
            for code, amount in stored.items()
            if code in without_contra
        }

    def _nordic_class_accounts(self, categories):
        """``({class: ClassAccounts}, {code: account id})``: the accounts of the
        categories' classes, then the company's for the classes no category has
        (their balance must still be brought to the closing value, zero), and the
        Swedish stock reserve."""
        accounts_by_class, account_ids = {}, {}
        for info in categories.values():
            accounts_by_class.setdefault(info["class"], info["accounts"])
            account_ids.update(info["account_ids"])
        company = self.company_id
        records = company.nordic_stock_class_account_ids.with_company(company)
        for record in records:
            role = record.role
            balance, contra, change, write_down = (
                record.balance_account_id,
                record.contra_account_id,
                record.change_account_id,
                record.write_down_account_id,
            )
            if role in accounts_by_class or not (balance and change):
                continue
            if role not in INVENTORY_CLASSES and role != STOCK_RESERVE:
                continue
            accounts_by_class[role] = ClassAccounts(
                role,
                balance.code,
                contra.code or "",
                change.code,
                write_down.code or "",
            )
            account_ids.update(
                {a.code: a.id for a in (balance, contra, change, write_down) if a}
            )
        if self.rule_97 == "reserve" and STOCK_RESERVE not in accounts_by_class:
            raise UserError(
                self.env._(
                    "The 97 %% rule is booked as stock reserve, but %(company)s has no "
                    "stock reserve accounts (2196/8896): add them under %(menu)s.",
                    company=company.name,
                    menu=self.env["ir.ui.menu"]._nordic_menu_path(*CLASS_ACCOUNT_MENUS),
                )
            )
        return accounts_by_class, account_ids
