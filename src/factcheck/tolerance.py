"""The one place where "consistent" is decided.

Every rule that compares a computed value with a stated one calls :func:`compare`, so the
meaning of a tolerance is the same everywhere: a stated figure and a computed one agree when
their intervals meet, the tolerance is what rounding allows on both sides, and the nearest
consistent value of a figure is given at the figure's own written precision.
"""

from __future__ import annotations

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
