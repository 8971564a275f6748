import math

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .nordic_closing_rows import ClosingRow
from .nordic_selections import (
    INVENTORY_CLASS_SELECTION,
    NRV_SOURCE_SELECTION,
    REPLACEMENT_SOURCE_SELECTION,
    WRITE_DOWN_REASON_SELECTION,
)
from .nordic_stock_closing import _dec, is_server_write, server_env

#: the context key of an import: values entered line by line, valued once after;
#: its value an object no client can send
_DEFER_RESULT = "nordic_closing_defer_result"
_DEFER_TOKEN = object()
#: the largest amount a person may enter (as the engine's CLI accepts)
MAX_AMOUNT = 10**15
#: what a person enters on a line -> the field saying where its value comes from
ENTERED_SOURCES = {
    "net_realisable_value": "nrv_source",
    "replacement_cost": "replacement_source",
}
#: the field parameter ``nordic_column`` of a closing line's field, its one
#: declaration as a column the closing stores (README "Extending"):
#: - ``snapshot``: filled by the computation (the snapshot's SQL, its extra
#:   columns of ``_prepare_snapshot_columns``, ``_prepare_line_rows``), stored with
#:   the line by COPY and read back with it (the engine, the workbook);
#: - ``stored``: filled and stored so, not read back (the ORM reads it where shown);
#: - ``engine``: the engine's figures of the line, written by the closing's one
#:   writer (``_nordic_store_result``); the addon's own three only.
COLUMN_KINDS = ("snapshot", "stored", "engine")


class _EnteredAmount(fields.Monetary):
    """An amount a person may enter on a line (NRV, replacement cost): exported
    blank where the line has none (its source field says ``none``), not as 0. An
    export imported again then enters nothing on those lines; a 0 would be taken
    as entered and write the items down to nothing."""

    def convert_to_export(self, value, record):
        if record[ENTERED_SOURCES[self.name]] == "none":
            return ""
        return super().convert_to_export(value, record)


class NordicClosingPart(models.AbstractModel):
    """What the closing computed (its items, classes and entry preview): created,
    changed and deleted only by the closing itself."""

    _name = "nordic.closing.part"
    _inherit = ["nordic.currency.analysis"]
    _description = "Part of an inventory closing"
    _check_company_auto = True
    # Written only by the closing, whose own record and chatter say who computed and
    # posted it (and who entered an NRV); no per-row user and company columns, so
    # 100,000 lines are stored without 300,000 foreign-key checks.
    _log_access = False

    #: fields a person may write, while the closing is not posted
    _nordic_inputs = frozenset()

    closing_id = fields.Many2one(
        "nordic.stock.closing", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="closing_id.company_id")
    currency_id = fields.Many2one(related="company_id.currency_id")

    @api.model_create_multi
    def create(self, vals_list):
        if not is_server_write(self):
            raise UserError(self._nordic_server_message())
        return super().create(vals_list)

    def write(self, vals):
        if not is_server_write(self):
            if set(vals) - self._nordic_inputs:
                raise UserError(self._nordic_server_message())
            fixed = self.closing_id.filtered(
                lambda c: c.state in ("posted", "reversed")
            )
            if fixed:
                raise UserError(fixed._nordic_fixed_message(fixed[0]))
        return super().write(vals)

    def unlink(self):
        if not is_server_write(self):
            raise UserError(self._nordic_server_message())
        return super().unlink()

    def _nordic_sudo_unlink(self):
        """Delete as the closing itself (before it stores a new result)."""
        return server_env(self).unlink()

    def _nordic_server_message(self):
        return self.env._(
            "The items, classes and entry of an inventory closing are what the "
            "closing computed from the stock: compute it again instead of changing "
            "them (only an item's net realisable value and replacement cost may be "
            "entered)."
        )


class NordicStockClosingLine(models.Model):
    _name = "nordic.stock.closing.line"
    _inherit = ["nordic.closing.part"]
    _description = "Inventory closing item"
    # the lines' own columns only: ordering by the product (or the closing) joins
    # and sorts its tables for every line, 1.4 s when the form of a 100,000-line
    # closing opens; a closing inserts its lines in the product's order (code,
    # name), so the id keeps that order within a class
    _order = "inventory_class, id"
    _nordic_inputs = frozenset({"net_realisable_value", "replacement_cost"})

    state = fields.Selection(related="closing_id.state")
    product_id = fields.Many2one(
        "product.product",
        required=True,
        readonly=True,
        check_company=True,
        nordic_column="stored",
    )
    default_code = fields.Char(related="product_id.default_code", string="Reference")
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    categ_id = fields.Many2one(
        "product.category",
        readonly=True,
        check_company=True,
        string="Product category",
        nordic_column="snapshot",
    )
    inventory_class = fields.Selection(
        INVENTORY_CLASS_SELECTION,
        readonly=True,
        string="Inventory class",
        nordic_column="snapshot",
    )
    quantity = fields.Float(
        digits="Product Unit of Measure", readonly=True, nordic_column="snapshot"
    )
    acquisition_value = fields.Monetary(
        string="Acquisition value", readonly=True, nordic_column="snapshot"
    )
    unit_cost = fields.Monetary(compute="_compute_unit_cost", string="Cost per unit")
    opening_quantity = fields.Float(
        string="Opening quantity",
        digits="Product Unit of Measure",
        readonly=True,
        nordic_column="snapshot",
    )
    opening_value = fields.Monetary(
        string="Opening value", readonly=True, nordic_column="snapshot"
    )
    purchases = fields.Monetary(readonly=True, nordic_column="snapshot")
    odoo_value = fields.Monetary(
        "Odoo's valuation",
        readonly=True,
        help="The value Odoo's own stock valuation shows at the date (the sum of the "
        "product's valuation layers).",
        nordic_column="stored",
    )
    valuation_note = fields.Char(
        "Valuation note",
        readonly=True,
        help="Why the closing's acquisition value differs from Odoo's own valuation.",
        nordic_column="snapshot",
    )
    last_movement = fields.Date(
        string="Last movement", readonly=True, nordic_column="snapshot"
    )
    net_realisable_value = _EnteredAmount(
        string="Net realisable value per unit",
        help="Expected selling price less the costs to sell, per unit. Enter it to "
        "override the value from the sales price.",
        nordic_column="snapshot",
    )
    nrv_source = fields.Selection(
        NRV_SOURCE_SELECTION,
        "NRV source",
        default="none",
        readonly=True,
        nordic_column="snapshot",
    )
    replacement_cost = _EnteredAmount(
        "Replacement cost per unit",
        help="Denmark and Finland: what a unit would cost to buy at the balance date "
        "(Finland's third leg of the lowest value, KPL 5:6 §; Denmark's dagspris and "
        "the replacement value of the note). Proposed from the product's vendor "
        "price; enter it to override.",
        nordic_column="snapshot",
    )
    replacement_source = fields.Selection(
        REPLACEMENT_SOURCE_SELECTION,
        "Replacement cost source",
        default="none",
        readonly=True,
        nordic_column="snapshot",
    )
    lot_ids = fields.One2many(
        "nordic.stock.closing.lot",
        "line_id",
        "Lots/serial numbers",
        help="Products valued by lot/serial number: each lot's units on hand at the "
        "date at its own cost.",
    )
    write_down = fields.Monetary(
        string="Write-down", readonly=True, nordic_column="engine"
    )
    write_down_reason = fields.Selection(
        WRITE_DOWN_REASON_SELECTION,
        readonly=True,
        string="Write-down reason",
        nordic_column="engine",
    )
    value = fields.Monetary(compute="_compute_value", store=True)
    tax_value = fields.Monetary(
        string="Tax value",
        readonly=True,
        help="Norway (sktl § 14-5): cost, write-downs are not deductible until the "
        "goods are sold or scrapped.",
        nordic_column="engine",
    )

    def _valid_field_parameter(self, field, name):
        return name == "nordic_column" or super()._valid_field_parameter(field, name)

    @api.model
    def _nordic_columns(self, kinds=COLUMN_KINDS):
        """``{field name: type}`` of the line's fields declared with a
        ``nordic_column`` of ``kinds`` (COLUMN_KINDS), in their order: the
        columns the closing stores, reads back and updates. The type is the
        field's SQL column type, ``money`` for an amount stored to the cent (every
        Monetary but the amounts per unit a person enters)."""
        columns = {}
        for name, field in self._fields.items():
            if getattr(field, "nordic_column", None) not in kinds:
                continue
            if field.type == "monetary" and name not in ENTERED_SOURCES:
                columns[name] = "money"
            else:
                columns[name] = field.column_type[0]
        return columns

    @api.depends("acquisition_value", "quantity")
    def _compute_unit_cost(self):
        for line in self:
            line.unit_cost = (
                line.acquisition_value / line.quantity if line.quantity else 0
            )

    @api.depends("acquisition_value", "write_down")
    def _compute_value(self):
        for line in self:
            line.value = line.acquisition_value - line.write_down

    def write(self, vals):
        entered = (
            [] if is_server_write(self) else [f for f in ENTERED_SOURCES if f in vals]
        )
        vals = {
            **vals,
            **{
                fname: self._nordic_check_amount(fname, vals[fname])
                for fname in entered
            },
        }
        res = super().write(vals)
        if entered:
            server_env(self).write(
                {
                    ENTERED_SOURCES[fname]: "manual"
                    for fname in entered
                    if vals[fname] is not False
                }
            )
            cleared = [fname for fname in entered if vals[fname] is False]
            if cleared:
                self._nordic_propose(cleared)
            if self.env.context.get(_DEFER_RESULT) is not _DEFER_TOKEN:
                self._nordic_log_entered(entered)
                self._nordic_revalue()
        return res

    def _nordic_revalue(self):
        """Value these lines' closings again after values were entered on them:
        only these lines, their classes and the entry preview change."""
        for closing in self.closing_id.filtered(lambda c: c.state == "computed"):
            lines = self.filtered(lambda line, c=closing: line.closing_id == c)
            closing._nordic_store_result(
                closing._nordic_result(changed_line_ids=set(lines.ids))
            )

    def _nordic_enter_many(self, values_by_line, source):
        """Enter many values at once (an import): ``{line: {field: amount or
        False}}``, each checked as when typed; then each closing is valued once and
        its chatter says how many values who entered from ``source``."""
        deferred = self.with_context(**{_DEFER_RESULT: _DEFER_TOKEN})
        for line, vals in values_by_line.items():
            deferred.browse(line.id).write(vals)
        lines = self.browse([line.id for line in values_by_line])
        lines._nordic_revalue()
        for closing in lines.closing_id:
            count = sum(
                len(vals)
                for line, vals in values_by_line.items()
                if line.closing_id == closing
            )
            closing._nordic_log(
                self.env._(
                    "%(count)s values entered by %(user)s from %(origin)s.",
                    count=count,
                    user=self.env.user.name,
                    origin=source,
                )
            )
        return lines

    def _nordic_propose(self, fnames):
        """A cleared value is what a computation proposes again (the NRV from the
        sales price, the replacement cost from the vendor price), as computing the
        closing again would give."""
        for closing in self.closing_id:
            lines = self.filtered(lambda line, c=closing: line.closing_id == c)
            proposed = closing._nordic_proposed_inputs(
                [
                    ClosingRow(
                        product_id=line.product_id.id,
                        inventory_class=line.inventory_class,
                        list_price=_dec(line.product_id.list_price),
                    )
                    for line in lines
                ]
            )
            for line in lines:
                vals = {}
                for fname in fnames:
                    amount, source = proposed[line.product_id.id][fname]
                    vals[fname] = float(amount) if amount is not None else False
                    vals[ENTERED_SOURCES[fname]] = source
                server_env(line).write(vals)

    def _nordic_log_entered(self, fnames):
        """Who entered what, in the closing's chatter (the lines keep no author)."""
        for closing in self.closing_id:
            lines = self.filtered(lambda line, c=closing: line.closing_id == c)
            items = ", ".join(
                f"{line.product_id.display_name}: "
                + (
                    closing._nordic_money(line[fname])
                    if line[ENTERED_SOURCES[fname]] == "manual"
                    else "-"
                )
                for line in lines
                for fname in fnames
            )
            closing._nordic_log(
                self.env._(
                    "%(fields)s entered: %(items)s",
                    fields=", ".join(
                        self._fields[fname]._description_string(self.env)
                        for fname in fnames
                    ),
                    items=items,
                )
            )

    def _nordic_check_amount(self, fname, value):
        """An entered amount per unit (NRV, replacement cost): a finite amount from
        0 up to 10^15, or False (none)."""
        if value is False or value is None:
            return False
        try:
            amount = float(value)
        except (TypeError, ValueError):
            amount = math.nan
        if isinstance(value, bool) or not (
            math.isfinite(amount) and 0 <= amount <= MAX_AMOUNT
        ):
            raise ValidationError(
                self.env._(
                    "%(field)s: enter an amount from 0 up to 10^15 (%(value)r is not "
                    "one).",
                    field=self._fields[fname]._description_string(self.env),
                    value=value,
                )
            )
        return amount
