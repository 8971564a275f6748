"""The tax view of a closing that differs from its book values per item:
Denmark's product groups and the principle of each (varelagerloven § 1: dagspris,
purchase or manufacturing price), what each item's tax value is (Norway and Sweden:
cost, Finland: the book value) and the notes on them.
"""

from .errors import ClosingError
from .frameworks import TAX_PRINCIPLES
from .labels import labels
from .methods import class_methods_of, methods_named
from .results import TaxGroup
from .stock import PRODUCED_CLASSES


def _products_named(text, products, shown=10):
    """At most ``shown`` products by name, then how many more."""
    listed = ", ".join(products[:shown])
    if len(products) <= shown:
        return listed
    return text["note_and_more"].format(list=listed, count=len(products) - shown)


def tax_principles(framework, options, results):
    """Denmark (varelagerloven § 1): ``{product group: principle}`` of the items'
    groups: the company's choice, else its cost (the manufacturing price for a
    group of produced classes only, else the purchase price). Refused elsewhere."""
    given = options.tax_principles
    for group, principle in given.items():
        origin = options.tax_principle_origin.get(group, (None, None))
        if framework.tax_value != "principle":
            raise ClosingError(
                f"product group {group}: a tax principle per product group is Danish "
                f"tax law (varelagerloven § 1) and does not apply in "
                f"{framework.label}",
                *origin,
                field="tax_principle",
            )
        if principle not in TAX_PRINCIPLES:
            raise ClosingError(
                f"product group {group}: unknown tax principle {principle!r}; choose "
                f"{', '.join(TAX_PRINCIPLES)} (varelagerloven § 1)",
                *origin,
                field="tax_principle",
            )
    if framework.tax_value != "principle":
        return {}
    classes = {}
    for result in results:
        result.tax_group = result.stock.tax_group or result.stock.inventory_class
        classes.setdefault(result.tax_group, set()).add(result.stock.inventory_class)
    return {
        group: given.get(group)
        or (
            "manufacturing_price"
            if members <= set(PRODUCED_CLASSES)
            else "purchase_price"
        )
        for group, members in classes.items()
    }


def tax_bases(framework, options, results, principles, notes):
    """What each item's tax value is (``ItemResult.tax_basis``); Denmark's dagspris
    needs the item's replacement cost."""
    missing = []
    for result in results:
        if framework.tax_value == "book":
            result.tax_basis = "book"
        elif framework.tax_value == "principle":
            result.tax_basis = principles[result.tax_group]
        item = result.stock
        if (
            result.tax_basis == "dagspris"
            and item.replacement_cost is None
            and item.quantity
        ):
            if not options.require_dagspris:
                result.tax_basis = "cost"
                missing.append(item.product)
                continue
            origin = item.origin.get("replacement_cost") or (
                options.tax_principle_origin.get(result.tax_group, (None, None))
            )
            raise ClosingError(
                f"product {item.product}: its product group {result.tax_group} is "
                "valued at dagspris for tax (varelagerloven § 1): give its "
                "replacement cost (dagspris) per unit",
                *origin,
                field="replacement_cost",
            )
    if missing:
        text = labels(options.lang)
        notes.append(text["note_no_dagspris"].format(products=", ".join(missing)))


def tax_groups(options, results, principles, notes):
    """Denmark: the tax view per product group (varelagerloven § 1)."""
    groups = {}
    for result in results:
        group = groups.get(result.tax_group)
        if group is None:
            group = groups[result.tax_group] = TaxGroup(
                result.tax_group, principles[result.tax_group]
            )
        group.book_value += result.value
        group.tax_value += result.tax_value
        group.item_count += 1
    text = labels(options.lang)
    at_cost = {}
    for r in results:
        if r.tax_basis == "dagspris":
            continue
        for method in class_methods_of(options, r.stock.inventory_class):
            classes = at_cost.setdefault(method, [])
            if r.stock.inventory_class not in classes:
                classes.append(r.stock.inventory_class)
    not_fifo = {method: at_cost[method] for method in at_cost if method != "fifo"}
    if not_fifo:
        notes.append(
            text["note_dagspris_not_fifo"].format(methods=methods_named(text, not_fifo))
        )
    obsolete = [
        r.stock.product
        for r in results
        if r.tax_basis == "dagspris"
        and r.write_down
        and r.stock.replacement_cost < r.stock.unit_cost
    ]
    if obsolete:
        notes.append(
            text["note_dagspris_obsolete"].format(
                products=_products_named(text, obsolete)
            )
        )
    return list(groups.values())
