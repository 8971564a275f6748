from odoo import models

from ..nordic_closing import INVENTORY_CLASSES
from ..nordic_closing.closing import EQUATION_FIELDS, METHOD_ORDER, methods_named
from ..nordic_closing.labels import labels, language_of
from .report_nordic_count_list import nordic_country, nordic_country_texts


class ReportNordicClosingSummary(models.AbstractModel):
    """One page for the file: the stock equation per class, the entry, the tax view."""

    _name = "report.l10n_nordic_stock_closing.report_nordic_closing_summary"
    _inherit = "nordic.closing.report"
    _nordic_helper = "nordic_summary"
    _description = "Inventory closing: summary"

    def _nordic_summary(self, closing):
        """Account codes read in the closing's company; the posted entry's lines when
        there is one, else the preview."""
        closing = closing.with_company(closing.company_id)
        currency = closing.currency_id
        entry = self._nordic_summary_entry(closing)
        totals = {
            fname: currency.round(sum(closing.class_ids.mapped(fname)))
            for fname in (*EQUATION_FIELDS, "tax_value", "temporary_difference")
        }
        # totals of the engine's disclosure rows (Denmark's tax view, the note)
        disclosure = {
            kind: {
                fname: currency.round(sum(rows.mapped(fname)))
                for fname in ("book_value", "compare_value", "difference")
            }
            for kind in ("tax_group", "replacement")
            for rows in [closing.disclosure_ids.filtered(lambda d, k=kind: d.kind == k)]
        }
        country = nordic_country(closing)
        rule_97 = None
        if closing.nordic_has_rule_97:
            # the engine's tax view, stored on the closing (booked or not)
            rule_97 = {
                "used": closing.rule_97 in ("contra", "reserve"),
                "acquisition_value": totals["closing_acquisition_value"],
                "main": closing.rule_97_main_value,
                "alternative": closing.rule_97_alternative_value,
                "chosen": closing.rule_97_chosen,
                "allowance": closing.rule_97_allowance,
                "methods": self._nordic_methods(closing),
            }
        return {
            "texts": nordic_country_texts(closing),
            # tax value against accounting value per class (Norway, sktl § 14-5)
            "tax_difference": bool(country and country.tax_difference),
            "classes": [
                {"record": cls, "accounts": self._nordic_class_accounts(cls)}
                for cls in closing.class_ids
            ],
            "totals": totals,
            "entry": entry,
            "entry_posted": bool(closing.move_id),
            "debit": currency.round(sum(line["debit"] for line in entry)),
            "credit": currency.round(sum(line["credit"] for line in entry)),
            "rule_97": rule_97,
            "disclosure": disclosure,
        }

    def _nordic_methods(self, closing):
        """The cost methods the closing's items use, each with its classes, in the
        language of ``closing``'s context: the acquisition value the 97 % rule
        takes is at these methods (FIFO, weighted average, standard cost)."""
        rows = self.env["nordic.stock.closing.line"]._read_group(
            [("closing_id", "=", closing.id)], ["inventory_class", "categ_id"]
        )
        found = {}
        for inventory_class, category in rows:
            method = category.with_company(closing.company_id).property_cost_method
            found.setdefault(method, set()).add(inventory_class)
        used = {
            method: [c for c in INVENTORY_CLASSES if c in found[method]]
            for method in METHOD_ORDER
            if method in found
        }
        if len(used) == 1:  # one method for the whole stock: no classes named
            used = {method: [] for method in used}
        text = labels(language_of(closing.env.lang))
        return methods_named(text, used, sentence=False)

    def _nordic_summary_entry(self, closing):
        """The posted entry's lines when there is one, else the preview."""
        return [
            {
                "code": line.account_id.code,
                "account": line.account_id.name,
                "label": line.name or "",
                "debit": line.debit,
                "credit": line.credit,
            }
            for line in closing.move_id.line_ids or closing.entry_line_ids
        ]

    def _nordic_class_accounts(self, cls):
        accounts = (cls.inventory_account_id, cls.contra_account_id)
        return " / ".join(
            account.code for account in (*accounts, cls.change_account_id) if account
        )
