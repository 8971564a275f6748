"""The classes of a closing: one ``ClassResult`` per inventory class and accounts
(usually one per class) summing its items and the ``ItemTotals`` of the items not
given, the classes the ledger still holds a balance on (to be emptied), and the
replacement value against cost per balance-sheet line (ÅRL § 89 stk. 2, KPA 2:4 §).
"""

from .frameworks import INVENTORY_CLASSES
from .money import ZERO
from .results import ClassResult, ReplacementLine


def _class_result(framework, inventory_class, acc):
    """An empty ``ClassResult`` of ``inventory_class`` on the accounts ``acc``."""
    return ClassResult(
        inventory_class,
        acc.balance_account,
        acc.contra_account,
        acc.change_account,
        acc.write_down_counter_account,
        tax_basis={"principle": "items"}.get(framework.tax_value, framework.tax_value),
    )


def _class_of(framework, classes, accounts, inventory_class, own_accounts):
    """The ``ClassResult`` of an item (or totals) of ``inventory_class`` on
    ``own_accounts`` (None: the class's), made when first met."""
    acc = own_accounts or accounts[inventory_class]
    key = (
        inventory_class
        if acc == accounts.get(inventory_class)
        else (
            inventory_class,
            acc.balance_account,
            acc.contra_account,
            acc.change_account,
            acc.write_down_counter_account,
        )
    )
    cls = classes.get(key)
    if cls is None:
        cls = classes[key] = _class_result(framework, inventory_class, acc)
    return cls


def class_totals(framework, results, accounts, totals=()):
    """One ``ClassResult`` per inventory class and accounts (usually one per class),
    of the items and of the ``ItemTotals`` of the items not given."""
    classes = {}
    for total in totals:
        _add_to_class(
            _class_of(
                framework, classes, accounts, total.inventory_class, total.accounts
            ),
            total.item_count,
            total.acquisition_value,
            total.write_down,
            total.opening_value,
            total.purchases,
            total.tax_value,
            total.replacement_value,
        )
    for result in results:
        item = result.stock
        _add_to_class(
            _class_of(
                framework, classes, accounts, item.inventory_class, item.accounts
            ),
            1,
            item.acquisition_value,
            result.write_down,
            item.opening_value,
            item.purchases,
            result.tax_value,
            result.replacement_value,
        )
    for cls in classes.values():
        cls.closing_acquisition_value = cls.actual_acquisition_value
    return classes


def _add_to_class(  # noqa: PLR0913
    cls, count, acquisition, write_down, opening, purchases, tax_value, replacement
):
    """Add ``count`` items' figures (one item's, or an ``ItemTotals``) to ``cls``:
    the one place a class sums its items."""
    cls.item_count += count
    cls.actual_acquisition_value += acquisition
    cls.write_down += write_down
    cls.computed_opening_value += opening
    cls.purchases += purchases
    cls.items_tax_value += tax_value
    cls.replacement_value += replacement


def replacement_lines(classes):
    """The replacement value against cost per balance-sheet line (inventory
    account): ÅRL § 89 stk. 2, KPA 2:4 §."""
    lines = {}
    for cls in classes:
        if not cls.item_count:
            continue
        line = lines.get(cls.inventory_account)
        if line is None:
            line = lines[cls.inventory_account] = ReplacementLine(
                cls.inventory_account, ()
            )
        if cls.inventory_class not in line.inventory_classes:
            line.inventory_classes += (cls.inventory_class,)
        line.cost += cls.actual_acquisition_value
        line.replacement_value += cls.replacement_value
    return list(lines.values())


def add_ledger_classes(classes, ledger, accounts, previous):
    """Classes with no stock whose accounts still hold a balance (or, without a
    contra account, a previous write-down) must be emptied."""
    covered = {c.inventory_account for c in classes.values()}
    covered_contra = {c.contra_account for c in classes.values()}
    present = {c.inventory_class for c in classes.values()}
    for inventory_class in INVENTORY_CLASSES:
        acc = accounts.get(inventory_class)
        if acc is None or inventory_class in present:
            continue
        balance = ledger.get(acc.balance_account) or previous.get(acc.balance_account)
        contra = ledger.get(acc.contra_account, ZERO) if acc.contra_account else ZERO
        needed = (balance and acc.balance_account not in covered) or (
            contra and acc.contra_account not in covered_contra
        )
        if needed:
            classes[inventory_class] = ClassResult(
                inventory_class,
                acc.balance_account,
                acc.contra_account,
                acc.change_account,
                acc.write_down_counter_account,
            )
            covered.add(acc.balance_account)
            covered_contra.add(acc.contra_account)
