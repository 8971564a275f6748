from odoo import api, models
from odoo.models import regex_field_agg

#: the result key of the number of currencies in a group (never shown)
_CURRENCIES = "__nordic_currency_count"


class NordicCurrencyAnalysis(models.AbstractModel):
    """Amounts of closings of companies in different currencies (NOK, SEK, DKK,
    EUR) are never added together: in a group (pivot, graph, grouped list) whose
    records are in more than one currency, every amount is left empty; a group of
    one currency sums as usual. The analysis views group by currency first."""

    _name = "nordic.currency.analysis"
    _description = "Amounts summed per currency only"

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        grouped = {
            spec.split(":")[0]
            for spec in ([groupby] if isinstance(groupby, str) else groupby or [])
        }
        monetary = [
            key
            for key in self._nordic_monetary_aggregates(fields)
            if key not in grouped
        ]
        if not monetary:
            return super().read_group(
                domain, fields, groupby, offset, limit, orderby, lazy
            )
        groups = super().read_group(
            domain,
            [*fields, f"{_CURRENCIES}:count_distinct(currency_id)"],
            groupby,
            offset,
            limit,
            orderby,
            lazy,
        )
        for group in groups:
            if (group.pop(_CURRENCIES, 0) or 0) > 1:
                group.update(dict.fromkeys(monetary, False))
        return groups

    @api.model
    def _nordic_monetary_aggregates(self, specs):
        """The result keys of the amounts among the aggregates ``specs`` (as
        ``read_group`` takes them: ``field``, ``field:agg``, ``name:agg(field)``)."""
        keys = []
        for spec in specs:
            match = regex_field_agg.match(spec)
            if not match:
                continue
            name, _func, fname = match.groups()
            field = self._fields.get(fname or name)
            if field is not None and field.type == "monetary":
                keys.append(name)
        return keys
