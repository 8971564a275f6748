"""The item rules of a closing: the lowest value item by item or per group
(Finland: the lowest of three), obsolescence, and the rules that value the items
from their totals: fixed values (ÅRL 4:12, KPL 5:6 § 3 mom.), Sweden's 97 % rule
(IL 17:4) and the K1 threshold. ``compute_closing`` (``closing.py``) applies them
in that order; ``docs/valuation_rules.md`` describes them.
"""

from decimal import Decimal

from .errors import ClosingError
from .frameworks import FIXED_VALUE_BAND, check_fixed_value
from .labels import format_amount, labels
from .methods import methods_named, methods_used
from .money import ZERO, allocate, percent, round_money
from .reference import k1_threshold
from .results import RATE_97, Rule97


def values_from_totals(framework, options):
    """Whether a rule sets the items' values from the totals of all of them."""
    return bool(
        options.fixed_values
        or options.rule_97 != "off"
        or (framework.k1_threshold and not options.k1_recognise)
    )


def item_write_downs(results, bands, balance_date, replacement_leg):
    """Lowest value item by item (or per allowed group), and obsolescence.

    ``replacement_leg``: the replacement cost is a third leg (Finland, KPL 5:6 §).
    """
    groups = {}
    for result in results:
        if result.stock.valuation_group:
            groups.setdefault(result.stock.valuation_group, []).append(result)
        else:
            _lowest_value_write_down(result, replacement_leg)
    for members in groups.values():
        _group_write_down(members, replacement_leg)
    if bands:
        _obsolescence_write_downs(results, bands, balance_date)
    for result in results:
        if result.write_down > result.stock.acquisition_value:
            result.write_down = result.stock.acquisition_value


def _lowest_value(item, replacement_leg):
    """``(value, leg)``: the lower of quantity × NRV (leg ``nrv``, the selling
    price) and, where it is a leg, quantity × replacement cost (``replacement_cost``);
    the selling price on a tie. ``(AV, "")`` where neither is known."""
    legs = []
    if item.net_realisable_value is not None:
        legs.append((round_money(item.quantity * item.net_realisable_value), "nrv"))
    if replacement_leg and item.replacement_cost is not None:
        value = round_money(item.quantity * item.replacement_cost)
        legs.append((value, "replacement_cost"))
    if not legs:
        return item.acquisition_value, ""
    return min(legs, key=lambda leg: leg[0])


def _lowest_value_write_down(result, replacement_leg):
    item = result.stock
    if item.quantity > 0:
        value, leg = _lowest_value(item, replacement_leg)
        shortfall = item.acquisition_value - value
        if shortfall > 0:
            result.write_down, result.reason = shortfall, leg


def _group_write_down(members, replacement_leg):
    """A homogeneous group tested as one; its loss spread over the items by AV."""
    group_av = sum((r.stock.acquisition_value for r in members), ZERO)
    shortfall = group_av - sum(
        (_lowest_value(r.stock, replacement_leg)[0] for r in members), ZERO
    )
    if shortfall > 0:
        shares = allocate(shortfall, [r.stock.acquisition_value for r in members])
        for member, share in zip(members, shares, strict=True):
            if share:
                member.write_down, member.reason = share, "group"


def _obsolescence_write_downs(results, bands, balance_date):
    """The highest band the item's age reached, when larger than its NRV loss."""
    ordered = sorted(bands, key=lambda b: b.days)
    for result in results:
        item = result.stock
        if not item.acquisition_value or item.last_movement is None:
            continue
        age = (balance_date - item.last_movement).days
        rates = [band.percent for band in ordered if age >= band.days]
        if rates and rates[-1]:
            amount = round_money(item.acquisition_value * rates[-1] / 100)
            if amount > result.write_down:
                result.write_down, result.reason = amount, "obsolescence"


def apply_fixed_values(framework, options, classes, results, notes):
    for inventory_class, fixed in options.fixed_values.items():
        origin = options.fixed_value_origin.get(inventory_class, (None, None))
        try:
            check_fixed_value(framework, inventory_class, options.fixed_value_tolerance)
        except ClosingError as error:
            raise error.located(*origin, field="inventory_class") from None
        groups = [c for c in classes.values() if c.inventory_class == inventory_class]
        if len(groups) > 1:
            raise ClosingError(
                f"{inventory_class}: a fixed value needs one set of accounts for the "
                "whole class; align the categories' accounts",
                *origin,
                field="fixed_value",
            )
        cls = groups[0] if groups else None
        actual = cls.actual_acquisition_value if cls else ZERO
        band, why = {
            "band": (FIXED_VALUE_BAND, framework.fixed_value_rule),
            "tolerance": (
                options.fixed_value_tolerance,
                f"the company's tolerance, {framework.fixed_value_rule}",
            ),
        }.get(framework.fixed_value, (None, ""))
        if band is not None:
            deviation = percent(actual - fixed, fixed)
            if deviation is None or abs(deviation) > band:
                direction = "above" if actual >= fixed else "below"
                raise ClosingError(
                    f"{inventory_class}: the actual acquisition value {actual:,.2f} is "
                    f"{abs(deviation or Decimal(100)):.2f} % {direction} the fixed "
                    f"value "
                    f"{fixed:,.2f}; {framework.code} keeps a fixed value only within "
                    f"±{band.normalize():f} % ({why}): revise the "
                    "fixed value (e.g. to the actual value) and close again",
                    *origin,
                    field="fixed_value",
                )
        if cls is None:
            continue
        cls.fixed_value = fixed
        cls.closing_acquisition_value = fixed
        cls.write_down = ZERO
        for result in results:
            if result.stock.inventory_class == inventory_class:
                result.write_down, result.reason = ZERO, "fixed_value"
        text, lang = labels(options.lang), options.lang
        notes.append(
            text["note_fixed_value"].format(
                cls=text.get(inventory_class, inventory_class),
                fixed=format_amount(fixed, lang),
                actual=format_amount(actual, lang),
                rule=framework.fixed_value_rule,
            )
        )


def apply_rule_97(framework, options, classes, results, notes):
    if options.rule_97 in (None, "off"):
        return None
    if options.fixed_values:
        raise ClosingError(
            "the 97 % rule (IL 17:4) values the whole stock at acquisition value and "
            "cannot be combined with fixed values (ÅRL 4:12): remove one of them",
            source="--rule-97",
        )
    text, lang = labels(options.lang), options.lang
    acquisition = sum((c.closing_acquisition_value for c in classes.values()), ZERO)
    main = sum((c.closing_value for c in classes.values()), ZERO)
    alternative = round_money(acquisition * RATE_97)
    rule = Rule97(
        options.rule_97,
        main,
        acquisition,
        alternative,
        "alternative" if alternative < main else "main",
    )
    if rule.chosen == "alternative":
        # Every item at AV: no NRV or obsolescence write-down is mixed in.
        for result in results:
            result.write_down, result.reason = ZERO, ""
        ordered = list(classes.values())
        shares = allocate(
            rule.allowance, [c.closing_acquisition_value for c in ordered]
        )
        for cls, share in zip(ordered, shares, strict=True):
            cls.write_down_97 = share
            cls.write_down = share if rule.mode == "contra" else ZERO
        notes.append(
            text["note_rule_97"].format(
                acquisition=format_amount(acquisition, lang),
                alternative=format_amount(alternative, lang),
                main=format_amount(main, lang),
                allowance=format_amount(rule.allowance, lang),
                booked=text[f"note_rule_97_{rule.mode}"],
            )
        )
    used = methods_used(options, classes.values())
    not_fifo = {method: used[method] for method in used if method != "fifo"}
    if not_fifo:
        notes.append(
            text["note_rule_97_not_fifo"].format(methods=methods_named(text, not_fifo))
        )
    return rule


def apply_k1(framework, options, classes, results, notes):
    if not framework.k1_threshold:
        return None
    year = options.balance_date.year
    threshold, base_amount, source = k1_threshold(year)
    total = sum((c.closing_acquisition_value for c in classes.values()), ZERO)
    applies = total <= threshold and not options.k1_recognise
    if applies:
        for cls in classes.values():
            cls.closing_acquisition_value = ZERO
            cls.write_down = ZERO
            cls.write_down_97 = ZERO
        for result in results:
            result.write_down, result.reason = ZERO, "k1"
        text, lang = labels(options.lang), options.lang
        notes.append(
            text["note_k1"].format(
                total=format_amount(total, lang),
                threshold=format_amount(threshold, lang),
                year=year,
                source=source,
            )
        )
    return {
        "year": year,
        "threshold": threshold,
        "price_base_amount": base_amount,
        "stock_value": total,
        "not_recognised": applies,
    }
