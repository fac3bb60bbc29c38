"""The one place where "consistent" is decided.

Every rule that compares a computed value with a stated one calls :func:`compare`, so the
meaning of a tolerance is the same everywhere: a stated figure and a computed one agree when
their intervals meet, the tolerance is what rounding allows on both sides, and the nearest
consistent value of a figure is given at the figure's own written precision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from factcheck.interval import Interval


@dataclass(frozen=True)
class Comparison:
    """A computed interval against a stated one."""

    holds: bool
    computed: Decimal
    stated: Decimal
    difference: Decimal
    tolerance: Decimal | None
    gap: Decimal


def compare(
    computed: Interval, computed_value: Decimal, stated: Interval, stated_value: Decimal
) -> Comparison:
    """Whether ``computed`` meets ``stated``; the difference of the nominal values and the
    tolerance rounding allows (None when an interval is unbounded)."""
    tolerance = None
    if computed.bounded and stated.bounded:
        tolerance = (computed.width + stated.width) / 2
    return Comparison(
        holds=computed.meets(stated),
        computed=computed_value,
        stated=stated_value,
        difference=computed_value - stated_value,
        tolerance=tolerance,
        gap=computed.gap_to(stated),
    )


def nearest_written(allowed: Interval, value: Decimal, precision: Decimal) -> Decimal:
    """The value nearest to ``value``, written at ``precision``, whose rounding interval
    meets ``allowed``: what the figure would have to say for the check to hold."""
    if precision <= 0:
        return allowed.nearest(value)
    half = precision / 2
    widened = Interval(allowed.lo - half, allowed.hi + half)
    target = widened.nearest(value)
    if target == value:
        return value
    # Round towards the inside of the allowed range, so the written value still meets it.
    rounding = ROUND_CEILING if target > value else ROUND_FLOOR
    steps = (target / precision).to_integral_value(rounding=rounding)
    return steps * precision


def qualifier_broken(holds: bool, qualifier: str | None) -> bool:
    """Whether a failed check is gross because the stated figure carries a qualifier.

    "unter 4.000 €", "über 5.000" and "rund 600" make a claim about a range; when the
    computed value falls outside it, the words the release chose are wrong, not a digit.
    """
    return not holds and qualifier is not None


def nearest_operand(
    holds: Callable[[Decimal], bool], value: Decimal, precision: Decimal
) -> Decimal | None:
    """The value nearest to ``value``, written at ``precision``, for which ``holds`` is true,
    found numerically; None when no value up to 2**40 times the size of ``value`` holds.

    ``holds`` evaluates a check with one figure set to the given value and the others held
    at their intervals. The search steps outward in doubling distances to find a value that
    holds, then bisects to the edge, so it is approximate only below the written precision.
    """
    if holds(value):
        return value
    base = abs(value) or precision or Decimal(1)
    found = None
    for power in range(-12, 41):
        distance = base * Decimal(2) ** power
        found = next((c for c in (value - distance, value + distance) if holds(c)), None)
        if found is not None:
            break
    if found is None:
        return None
    inside, outside = found, value
    for _ in range(80):
        middle = (inside + outside) / 2
        if holds(middle):
            inside = middle
        else:
            outside = middle
    allowed = Interval(min(inside, found), max(inside, found))
    return nearest_written(allowed, value, precision)
