"""The change-in-inventory entry of a closing (DOMAIN.md section 4): step 1 the
inventory account against the change account, step 2 the write-down on the contra
account (or the inventory account) against the write-down P&L account, step 3
Sweden's untaxed stock reserve; each line's text in the closing's language.
"""

from .dates import date_format_of
from .frameworks import STOCK_RESERVE
from .labels import entry_label, labels
from .money import ZERO, allocate
from .results import EntryLine


def entry_lines(options, classes, ledger):
    """Steps 1 and 2 of DOMAIN.md section 4, per account and class.

    Step 1 books the inventory account against the change account, step 2 the
    contra account against the write-down P&L account. A class without a contra
    account books step 2 on its inventory account: that account's ledger balance
    is then split into its acquisition value (balance + previous write-down) and
    its write-down (− previous write-down).
    """
    previous = options.previous_write_downs

    def acquisition(cls):
        account = cls.inventory_account
        balance = ledger.get(account, ZERO) + previous.get(account, ZERO)
        return account, balance, cls.closing_acquisition_value, cls.change_account

    def write_down(cls):
        if cls.contra_account:
            account, balance = cls.contra_account, ledger.get(cls.contra_account, ZERO)
        else:
            account = cls.inventory_account
            balance = -previous.get(account, ZERO)
        return account, balance, -cls.write_down, cls.write_down_pl_account

    lines = []
    for step, part in (("acquisition_value", acquisition), ("write_down", write_down)):
        by_account = {}
        for cls in classes:
            account, balance, target, counter = part(cls)
            by_account.setdefault(account, (balance, []))[1].append(
                (cls, target, counter)
            )
        for account, (balance, members) in by_account.items():
            targets = [target for _cls, target, _counter in members]
            weights = (
                targets
                if any(targets)
                else [cls.computed_opening_value for cls, _t, _c in members]
            )
            shares = allocate(balance, weights)
            for (cls, target, counter), share in zip(members, shares, strict=True):
                cls.opening_value += share
                amount = target - share
                if amount:
                    lines += _pair(
                        options, account, counter, amount, cls.inventory_class, step
                    )
    return lines


def book_reserve(options, result, ledger):
    """Step 3: the Swedish untaxed stock reserve (2196/8896)."""
    accounts = result.reserve_accounts
    if accounts is None:
        return
    opening = ledger.get(accounts.balance_account, ZERO)
    rule = result.rule_97
    target = -rule.allowance if rule and rule.mode == "reserve" else ZERO
    result.reserve_opening, result.reserve_target = opening, target
    if target - opening:
        result.entry += _pair(
            options,
            accounts.balance_account,
            accounts.change_account,
            target - opening,
            STOCK_RESERVE,
            STOCK_RESERVE,
        )


def _pair(options, account, counter_account, amount, inventory_class, step):
    """A debit of ``amount`` on ``account`` against ``counter_account``."""
    label = entry_label(
        labels(options.lang),
        options.balance_date,
        inventory_class,
        step,
        date_format_of(options.lang, options.date_format),
    )
    debit, credit = (amount, ZERO) if amount > 0 else (ZERO, -amount)
    return [
        EntryLine(account, debit, credit, label, inventory_class, step),
        EntryLine(counter_account, credit, debit, label, inventory_class, step),
    ]
