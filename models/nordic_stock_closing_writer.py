"""The closing's one writer: the engine's result stored on the closing, its lines,
classes, disclosures and entry preview, through the documented hooks an
implementer overrides (README "Extending")."""

from odoo import fields, models

from ..nordic_closing import (
    INVENTORY_CLASSES,
)
from .nordic_stock_closing import _dec
from .nordic_stock_closing_storage import engine_figures


class NordicStockClosingWriter(models.Model):
    _inherit = "nordic.stock.closing"

    def _nordic_store_result(self, result, lines_stored=True):
        """The one writer of what the engine computed: the items' figures (new
        lines, ``lines_stored=False``: inserted with them; stored lines: updated
        where they changed), the class summary, the disclosures and the entry
        preview. Compute, an entered NRV or replacement cost, an import and the
        posting all store through here, so that every figure agrees with the
        others."""
        if lines_stored:
            self._nordic_update_lines(result)
        else:
            for row, item in zip(result.lines, result.items, strict=True):
                for fname, value in engine_figures(item).items():
                    setattr(row, fname, value)
            self._nordic_insert_lines(result.lines)
        account_ids = result.account_ids
        self.class_ids._nordic_sudo_unlink()
        self.entry_line_ids._nordic_sudo_unlink()
        self.disclosure_ids._nordic_sudo_unlink()
        booked, rule = result.rule_97, result.tax_rule_97
        self._nordic_write(
            {
                "class_ids": [
                    fields.Command.create(self._prepare_class_vals(c, result))
                    for c in result.classes
                ],
                "entry_line_ids": [
                    fields.Command.create(
                        self._prepare_entry_line_vals(index, line, account_ids)
                    )
                    for index, line in enumerate(result.entry)
                ],
                "disclosure_ids": [
                    fields.Command.create(vals)
                    for vals in self._prepare_disclosure_vals(result)
                ],
                "acquisition_value": result.acquisition_value,
                "write_down": result.write_down,
                "closing_value": result.closing_value,
                "rule_97_chosen": booked.chosen if booked else False,
                "rule_97_allowance": booked.allowance if booked else 0,
                # Sweden: the tax view's figures also when the rule is not booked
                "rule_97_main_value": rule.main_rule_value if rule else 0,
                "rule_97_alternative_value": rule.alternative_value if rule else 0,
                "notes": "\n".join(result.notes) or False,
            }
        )

    def _prepare_item_results(self, result):
        """Hook: the engine's result of the items, before it is stored.

        Called whenever the engine has valued the items (``_nordic_engine``), so
        before any result is stored (compute, an NRV entered, an import, posting)
        or written to the workbook.
        ``result.items`` (the engine's ``ItemResult``) are aligned with
        ``result.lines`` (:class:`ClosingRow`, ``extra`` holding other addons'
        columns); when values were entered on a few lines, only those. An
        override may set an item's ``reason`` to another key of
        ``_get_write_down_reasons()`` (e.g. a customer's own reason for what the
        engine wrote down); the line, the workbook and the list views then show
        it. It must not change an amount (write-down, values: the classes, the
        entry and the disclosures are computed from them) nor the items' order.
        Returns nothing. Default: nothing changed."""

    def _get_write_down_reasons(self):
        """Hook: ``{key: label}`` of the write-down reasons a line may have, in
        the environment's language: the engine's and those another addon adds to
        the line's ``write_down_reason`` (``selection_add``, translated as Odoo
        translates selections). The workbook names a reason the engine does not
        know by its label here; a reason set in ``_prepare_item_results`` must be
        one of these."""
        field = self.env["nordic.stock.closing.line"]._fields["write_down_reason"]
        return dict(field._description_selection(self.env))

    def _nordic_check_reasons(self, result):
        unknown = {item.reason for item in result.items} - {
            "",
            *self._get_write_down_reasons(),
        }
        if unknown:
            raise ValueError(
                "write-down reasons not offered by _get_write_down_reasons: "
                + ", ".join(sorted(unknown))
            )

    def _prepare_entry_line_vals(self, index, line, account_ids):
        """Hook: a line of the entry preview (``nordic.stock.closing.entry``).

        Called by the one writer for each of the engine's ``EntryLine`` (``index``:
        its position; ``account_ids``: ``{account code: id}``) whenever a result is
        stored. Returns the values of the preview line; the posted entry is built
        from these stored lines (``_prepare_move_line_vals``), so preview and entry
        are one. An override may change the label (``name``) or add values of
        fields it adds to the preview; it must not change the account or the
        amounts (the entry balances and reconciles with the classes)."""
        return {
            "sequence": index,
            "account_id": account_ids[line.account],
            "debit": line.debit,
            "credit": line.credit,
            "name": line.label,
            "inventory_class": line.inventory_class
            if line.inventory_class in INVENTORY_CLASSES
            else False,
        }

    def _prepare_disclosure_vals(self, result):
        """Hook: the disclosures (``nordic.stock.closing.disclosure``) of
        ``result``, as the engine computed them: Denmark's tax value per product
        group and the replacement value note per inventory account. Called by the
        one writer whenever a result is stored; returns a list of values. An
        override may add values (of its own fields, or its own rows); it must not
        change the engine's figures."""
        groups = [
            {
                "kind": "tax_group",
                "sequence": index,
                "name": group.name,
                "tax_principle": group.principle,
                "book_value": group.book_value,
                "compare_value": group.tax_value,
                "difference": group.difference,
            }
            for index, group in enumerate(result.tax_groups or ())
        ]
        accounts = [
            {
                "kind": "replacement",
                "sequence": index,
                "name": line.inventory_account,
                "account_id": result.account_ids.get(line.inventory_account),
                "book_value": line.cost,
                "compare_value": line.replacement_value,
                "difference": line.difference,
            }
            for index, line in enumerate(result.replacement_disclosure or ())
        ]
        return groups + accounts

    def _prepare_class_vals(self, cls, result):
        """Hook: a class of the stock equation (``nordic.stock.closing.class``)
        from the engine's ``cls`` of ``result``. Called by the one writer for each
        class whenever a result is stored; returns its values. An override may add
        values of its own fields; it must not change the engine's figures."""
        account_ids = result.account_ids
        ledger_balance = _dec(result.ledger.get(cls.inventory_account, 0))
        return {
            "inventory_class": cls.inventory_class,
            "inventory_account_id": account_ids.get(cls.inventory_account),
            "contra_account_id": account_ids.get(cls.contra_account),
            "change_account_id": account_ids.get(cls.change_account),
            "write_down_account_id": account_ids.get(cls.write_down_pl_account),
            "opening_value": cls.opening_value,
            "purchases": cls.purchases,
            "closing_acquisition_value": cls.closing_acquisition_value,
            "write_down": cls.write_down,
            "closing_value": cls.closing_value,
            "cost_of_goods_sold": cls.cost_of_goods_sold,
            "change": cls.change,
            "ledger_balance": ledger_balance,
            "ledger_difference": cls.closing_acquisition_value - ledger_balance,
            "tax_value": cls.tax_value,
            "temporary_difference": cls.temporary_difference,
        }
