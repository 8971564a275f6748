"""Decimal amounts: rounding to öre/øre and splitting without losing a cent."""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def round_money(value):
    """Round to 0.01, half up, as Odoo and the accountant do."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def allocate(total, weights):
    """Split ``total`` (a 0.01 amount) over ``weights``, to the cent.

    Largest remainder: the parts are rounded down, then the missing cents go to the
    largest remainders (the earliest weight on a tie), so the parts always add up to
    ``total``. Zero weights only all-zero: the total is split as evenly as possible.
    """
    total = round_money(total)
    count = len(weights)
    if not count:
        if total:
            raise ValueError("cannot allocate a non-zero amount over nothing")
        return []
    weights = [abs(Decimal(w)) for w in weights]
    weight_sum = sum(weights)
    if not weight_sum:
        weights = [Decimal(1)] * count
        weight_sum = Decimal(count)
    sign = -1 if total < 0 else 1
    cents = int(abs(total) / CENT)
    exact = [Decimal(cents) * w / weight_sum for w in weights]
    parts = [int(e) for e in exact]
    missing = cents - sum(parts)
    order = sorted(range(count), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[:missing]:
        parts[i] += 1
    return [sign * Decimal(p) * CENT for p in parts]


def percent(part, whole):
    """``part`` as a percentage of ``whole``, two decimals (None when whole is 0)."""
    if not whole:
        return None
    return round_money(Decimal(part) * 100 / Decimal(whole))
