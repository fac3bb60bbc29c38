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
from typing import TYPE_CHECKING

from factcheck.interval import Interval
from factcheck.records import quick_init

if TYPE_CHECKING:
    from factcheck.numbers import Reading


@quick_init
@dataclass(frozen=True, slots=True)
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


def nearest_within(
    allowed: Interval, value: Decimal, precision: Decimal, exact: bool = False
) -> Decimal | None:
    """The value nearest to ``value``, written at ``precision``, that makes a figure meet
    ``allowed``. A figure that is ``exact``ly its written value (a count: "50" is 50) must
    lie in ``allowed``, open ends respected, and None is returned when no multiple of
    ``precision`` does; any other figure's rounding interval need only meet ``allowed``
    (see :func:`nearest_written`)."""
    if not exact:
        return nearest_written(allowed, value, precision)
    if allowed.contains(value):
        return value
    step = precision if precision > 0 else Decimal(1)
    target = allowed.nearest(value)
    rounding = ROUND_CEILING if target > value else ROUND_FLOOR
    candidate = (target / step).to_integral_value(rounding=rounding) * step
    direction = 1 if target > value else -1
    for inward in (candidate, candidate + direction * step):
        if allowed.contains(inward):
            return inward
    return None


def nearest_stated(
    allowed: Interval,
    value: Decimal,
    precision: Decimal,
    exact: bool,
    read_back: Callable[[Decimal], Interval | None] | None = None,
) -> Decimal | None:
    """The value nearest to ``value`` at which a stated figure meets ``allowed`` (see
    :func:`nearest_within`). A figure with a qualifier is written back with it and read
    again by ``read_back`` (its interval, or None when it cannot be read), so that what is
    named really meets: "über 4.800" leaves 4.800 out, "über 4.799" holds it."""
    found = nearest_within(allowed, value, precision, exact)
    if found is None or read_back is None:
        return found
    step = precision if precision > 0 else Decimal(1)
    direction = 1 if found >= value else -1
    for candidate in (found, found + direction * step, found - direction * step):
        interval = read_back(candidate)
        if interval is not None and interval.meets(allowed):
            return candidate
    return None


def qualifier_broken(holds: bool, qualifier: str | None) -> bool:
    """Whether a failed check is gross because the stated figure carries a qualifier.

    "unter 4.000 €", "über 5.000" and "rund 600" make a claim about a range; when the
    computed value falls outside it, the words the release chose are wrong, not a digit.
    """
    return not holds and qualifier is not None


def opposite_direction(computed: Interval, stated: Decimal) -> bool:
    """Whether a computed change lies wholly on the other side of zero than the stated one:
    a rise stated for a fall is a gross error, not a rounding one."""
    if stated > 0:
        return computed.hi < 0 or (computed.hi == 0 and computed.hi_open)
    if stated < 0:
        return computed.lo > 0 or (computed.lo == 0 and computed.lo_open)
    return False


def side(computed: Interval, allowed: Interval) -> int:
    """0 when ``computed`` meets ``allowed``; -1 when it lies below, +1 when above."""
    if computed.meets(allowed):
        return 0
    return -1 if computed.hi <= allowed.lo else 1


def nearest_operand(
    side_at: Callable[[Decimal], int | None],
    value: Decimal,
    precision: Decimal,
    exact: bool = False,
) -> Decimal | None:
    """The value nearest to ``value``, written at ``precision``, at which a check holds,
    found numerically; None when none is found.

    ``side_at(v)`` evaluates the check with one figure set to ``v`` and the others at their
    intervals: 0 when it holds, -1 or +1 when the computed value is below or above what is
    allowed, None when it cannot be computed (a divisor reaches 0). The search steps away
    from ``value`` in doubling distances until the side changes, then bisects to the edge
    where the check starts to hold; it assumes the check moves one way with the figure, as
    sums, differences, products and quotients do.

    ``exact`` is for a figure that is exactly its written value, such as a count ("50" is
    50, not 49,5 to 50,5): the answer is then the multiple of ``precision`` nearest to
    ``value`` at which the check holds, or None when no multiple does (no whole number of
    centres out of 54 makes 95 %).
    """
    start = side_at(value)
    if start is None or start == 0:
        return value if start == 0 else None
    base = abs(value) or precision or Decimal(1)
    found = []
    for direction in (-1, 1):
        previous = value
        for power in range(-12, 41):
            candidate = value + direction * base * Decimal(2) ** power
            other = side_at(candidate)
            if other is None:
                # Past where the check can be computed (a divisor reaches 0): look for a
                # change of side before that point.
                crossed = _crossing_before(side_at, previous, candidate, start)
                if crossed is None:
                    break
                candidate, other = crossed
            if other != start:
                passing = _bisect(side_at, previous, start, candidate, other)
                if passing is not None:
                    found.append(passing)
                break
            previous = candidate
    if not found:
        return None
    passing = min(found, key=lambda v: abs(v - value))
    # Narrow down to the edge nearest ``value``: the check fails at value, holds at passing.
    inside, outside = passing, value
    for _ in range(100):
        middle = (inside + outside) / 2
        if side_at(middle) == 0:
            inside = middle
        else:
            outside = middle
    if exact:
        return _nearest_multiple(side_at, inside, value, precision)
    allowed = Interval(min(inside, passing), max(inside, passing))
    return nearest_written(allowed, value, precision)


def _nearest_multiple(
    side_at: Callable[[Decimal], int | None], edge: Decimal, value: Decimal, precision: Decimal
) -> Decimal | None:
    """The multiple of ``precision`` next to ``edge`` (where the check starts to hold,
    seen from ``value``) nearest to ``value`` at which the check holds."""
    step = precision if precision > 0 else Decimal(1)
    rounding = ROUND_CEILING if edge > value else ROUND_FLOOR
    middle = (edge / step).to_integral_value(rounding=rounding) * step
    holding = [c for c in (middle - step, middle, middle + step) if side_at(c) == 0]
    return min(holding, key=lambda c: abs(c - value), default=None)


def _crossing_before(
    side_at: Callable[[Decimal], int | None], good: Decimal, bad: Decimal, start: int
) -> tuple[Decimal, int] | None:
    """Between ``good`` (on side ``start``) and ``bad`` (not computable), a point on another
    side, with that side; None when there is none to be found."""
    for _ in range(100):
        middle = (good + bad) / 2
        middle_side = side_at(middle)
        if middle_side is None:
            bad = middle
        elif middle_side != start:
            return middle, middle_side
        else:
            good = middle
    return None


def _bisect(
    side_at: Callable[[Decimal], int | None],
    low: Decimal,
    low_side: int,
    high: Decimal,
    high_side: int,
) -> Decimal | None:
    """A value between ``low`` (on ``low_side``) and ``high`` at which the check holds."""
    for _ in range(200):
        if high_side == 0:
            return high
        middle = (low + high) / 2
        middle_side = side_at(middle)
        if middle_side is None:
            return None
        if middle_side == low_side:
            low = middle
        else:
            high, high_side = middle, middle_side
    return None


def stated_share(reading: Reading) -> Interval | None:
    """The shares of a whole, as fractions of 1, that a stated share allows; None when the
    reading states no share (an amount, a count, percentage points).

    A percentage is divided by 100 ("92,6 %" is 0,9255 to 0,9265); a share word
    ("nahezu flächendeckend", "die Mehrheit") allows the interval its lexicon entry gives; a
    fraction word with a qualifier ("knapp die Hälfte") its qualified interval. A fraction
    word on its own ("jeder dritte", "die Hälfte") is a share rounded to that fraction at the
    step fraction words are read at (0,1), so "jeder dritte" allows 28,3 % to 38,3 %: a
    writer who says "jeder dritte" of 17 out of 54 has rounded, not erred.
    """
    from factcheck.numbers import RATIO_STEP

    if reading.kind == "percent" and reading.unit == "percent":
        hundred = Decimal(100)
        interval = reading.interval
        return Interval(
            interval.lo / hundred, interval.hi / hundred, interval.lo_open, interval.hi_open
        )
    if reading.kind == "share":
        return reading.interval
    if reading.kind == "ratio" and reading.value <= 1:
        if reading.qualifier is not None:
            return reading.interval
        return Interval.around(reading.value, RATIO_STEP / 2)
    return None


def share_broken(holds: bool, reading: Reading) -> bool:
    """Whether a failed share check is gross: the share was stated in words ("die
    Mehrheit", "jeder dritte") or with a qualifier ("über 90 %"), and those words do not
    hold. A plain percentage that is off ("95 %" for 92,6 %) is an inconsistency."""
    words = reading.kind in ("share", "ratio")
    return not holds and (words or reading.qualifier is not None)


def share_threshold(allowed: Interval, share: Decimal) -> Decimal:
    """The end of the shares ``allowed`` nearest to ``share``: the threshold a stated share
    is judged by ("die Mehrheit" for 37 % by its 50 %, "fast alle" for 98 % by the 100 % it
    stops short of). A closed end at none or all (0 or 1) is where every share ends, not a
    threshold, so it counts only when the statement has no other end ("flächendeckend")."""
    ends = [(allowed.lo, allowed.lo_open), (allowed.hi, allowed.hi_open)]
    limits = [end for end, is_open in ends if is_open or end not in (0, 1)]
    candidates = limits or [end for end, _ in ends]
    return min(candidates, key=lambda end: abs(end - share))


def relation_holds(left: Interval, relation: str, right: Interval) -> bool:
    """Whether some value of ``left`` and some value of ``right`` stand in ``relation``
    (one of ≤ < = ≥ >): rounding never makes a stated comparison fail. "54 ≤ 54" holds;
    "54 < 54" does not, nor does "rund 600 ≤ 500" (550 is the least "rund 600" can be)."""
    if relation == "=":
        return left.meets(right)
    if relation in ("≥", ">"):
        return relation_holds(right, "≤" if relation == "≥" else "<", left)
    if left.lo < right.hi:
        return True
    both_closed = not left.lo_open and not right.hi_open
    return relation == "≤" and left.lo == right.hi and both_closed


def relation_side(left: Interval, relation: str, right: Interval) -> int:
    """0 when the relation holds; +1 when ``left`` lies too high for it, -1 too low."""
    if relation_holds(left, relation, right):
        return 0
    if relation in ("≤", "<"):
        return 1
    if relation in ("≥", ">"):
        return -1
    return side(left, right)


def order_reversed(holds: bool, relation: str) -> bool:
    """Whether a failed comparison is gross: an order was stated ("50 ≤ 54") and the figures
    stand the other way round beyond rounding, so the claim says the opposite of what its
    figures show. A failed "=" is an inconsistency, as with the same figure stated twice."""
    return not holds and relation != "="
