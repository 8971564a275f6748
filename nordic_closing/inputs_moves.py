"""Reading the movements file of the CLI (``--moves``): per product its class,
name, unit and movements (receipts, issues, returns to the vendor, value
adjustments, with their lots), checked row by row.
"""

from decimal import Decimal

from .errors import ClosingError
from .frameworks import INVENTORY_CLASSES
from .inputs_csv import Table
from .stock import ADJUSTMENT, ISSUE, MOVEMENT_KINDS, VENDOR_RETURN, Movement


class ProductMovements:
    __slots__ = ("product", "inventory_class", "name", "unit", "movements", "row")

    def __init__(self, product, inventory_class, name, unit, row):
        self.product = product
        self.inventory_class = inventory_class
        self.name = name
        self.unit = unit
        self.movements = []
        self.row = row


def read_moves(path):
    """``{product: ProductMovements}`` in file order.

    Optional columns beside the required ones: ``name``, ``unit``; ``kind`` (see
    ``valuation.MOVEMENT_KINDS``: a receipt is a purchase and a negative quantity an
    issue unless it says otherwise), ``reference`` (a receipt's own reference; for a
    ``vendor_return`` or an ``adjustment`` the reference of the receipt it concerns)
    and ``value`` (the amount of an ``adjustment``, whose quantity is 0); ``lot``
    (the lot or serial number moved, for a product valued by lot/serial number:
    every receipt, issue and return to the vendor of such a product names it, an
    adjustment may leave it empty to take the lot of the receipt it adjusts).
    """
    table = Table(
        path,
        ("date", "product", "inventory_class", "quantity", "unit_cost"),
        ("name", "unit", "kind", "reference", "value", "lot"),
    )
    products = {}
    dates = {}
    for row, values in table.rows():
        product = values["product"]
        if not product:
            raise ClosingError("the product is empty", table.path, row, "product")
        moved = table.date(values["date"], row, "date", dates)
        inventory_class = values["inventory_class"]
        if inventory_class not in INVENTORY_CLASSES:
            raise ClosingError(
                f"unknown inventory class {inventory_class!r}: use one of "
                f"{', '.join(INVENTORY_CLASSES)}",
                table.path,
                row,
                "inventory_class",
            )
        movement = _movement(table, row, values, product, moved)
        entry = products.get(product)
        if entry is None:
            entry = products[product] = ProductMovements(
                product,
                inventory_class,
                values.get("name", ""),
                values.get("unit", ""),
                row,
            )
        elif entry.inventory_class != inventory_class:
            raise ClosingError(
                f"product {product} is {entry.inventory_class} on row {entry.row} but "
                f"{inventory_class} here: a product belongs to one inventory class",
                table.path,
                row,
                "inventory_class",
            )
        entry.movements.append(movement)
    if not products:
        raise ClosingError("the file has no movements", table.path)
    return products


def _movement(table, row, values, product, moved):
    """One row of the movements file as a ``Movement``."""
    kind = values.get("kind", "")
    if kind and kind not in MOVEMENT_KINDS:
        raise ClosingError(
            f"unknown kind {kind!r}: use one of {', '.join(MOVEMENT_KINDS)}",
            table.path,
            row,
            "kind",
        )
    reference = values.get("reference") or None
    if kind == ADJUSTMENT:
        return _adjustment(table, row, values, product, moved, reference)
    quantity = table.number(values["quantity"], row, "quantity")
    if not quantity:
        raise ClosingError(
            "the quantity is zero: a receipt is positive, an issue negative",
            table.path,
            row,
            "quantity",
        )
    if kind and (quantity > 0) != (kind not in (ISSUE, VENDOR_RETURN)):
        raise ClosingError(
            f"a {kind} needs a "
            + ("negative" if kind in (ISSUE, VENDOR_RETURN) else "positive")
            + " quantity",
            table.path,
            row,
            "quantity",
        )
    if kind == VENDOR_RETURN and not reference:
        raise ClosingError(
            f"product {product}: name the receipt it returns in the reference column",
            table.path,
            row,
            "reference",
        )
    unit_cost = None
    if quantity > 0:
        unit_cost = table.number(
            values["unit_cost"], row, "unit_cost", allow_empty=True
        )
        if unit_cost is None:
            raise ClosingError(
                f"product {product}: a receipt needs its unit cost",
                table.path,
                row,
                "unit_cost",
            )
        if unit_cost < 0:
            raise ClosingError(
                f"product {product}: the unit cost may not be negative",
                table.path,
                row,
                "unit_cost",
            )
    return Movement(
        moved,
        quantity,
        unit_cost,
        row,
        kind=kind,
        reference=reference if quantity > 0 else None,
        returns=reference if kind == VENDOR_RETURN else None,
        lot=values.get("lot") or None,
    )


def _adjustment(table, row, values, product, moved, reference):
    """A landed cost or price difference on receipt ``reference``."""
    if table.number(values["quantity"] or "0", row, "quantity"):
        raise ClosingError(
            "an adjustment changes a value only: its quantity is 0",
            table.path,
            row,
            "quantity",
        )
    if not reference:
        raise ClosingError(
            f"product {product}: name the receipt it adjusts in the reference column",
            table.path,
            row,
            "reference",
        )
    value = table.number(values.get("value", ""), row, "value")
    return Movement(
        moved,
        Decimal(0),
        None,
        row,
        kind=ADJUSTMENT,
        adjusts=reference,
        value=value,
        lot=values.get("lot") or None,
    )
