"""Closed, open and half-open intervals of exact decimals, and the arithmetic on them.

A written figure is never a point: "13,4" stands for every value that rounds to it. All
comparisons in factcheck are between intervals, so rounding never causes a false alarm and
no fixed epsilon can hide a real error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal

from factcheck.records import by_fields, quick_init

INFINITY = Decimal("Infinity")

#: Significant digits for sums, products and quotients. Each end is rounded outward, so an
#: interval computed with this precision always holds the exact result, however many
#: digits a figure was written with.
PRECISION = 40


class DivisionByZero(ZeroDivisionError):
    """The divisor interval holds zero, so the quotient is not one interval."""


def _sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


#: The arithmetic context of each direction of rounding, made once: every end of every
#: interval operation is rounded in one of them, and entering a local context each time
#: would cost more than the operation. Traps and exponent limits are Python's defaults, as
#: in a local copy of the default context.
_CONTEXTS = {
    rounding: Context(prec=PRECISION, rounding=rounding)
    for rounding in (ROUND_FLOOR, ROUND_CEILING)
}


def _context(rounding: str) -> Context:
    return _CONTEXTS.get(rounding) or Context(prec=PRECISION, rounding=rounding)


def add(a: Decimal, b: Decimal, rounding: str) -> Decimal:
    """``a + b`` rounded at :data:`PRECISION` digits in the direction ``rounding``
    (ROUND_FLOOR for a lower end, ROUND_CEILING for an upper one)."""
    return _context(rounding).add(a, b)


def _times(a: Decimal, b: Decimal, rounding: str) -> Decimal | None:
    # Zero times an unbounded end is zero: the end is a limit the values approach.
    if a == 0 or b == 0:
        return Decimal(0)
    return _context(rounding).multiply(a, b)


def _over(a: Decimal, b: Decimal, rounding: str, positive: bool) -> Decimal | None:
    if a == 0:
        return Decimal(0)
    if b == 0:
        # The divisor only approaches 0 (an open end): the quotient grows without bound.
        return INFINITY * _sign(a) * (1 if positive else -1)
    if not a.is_finite() and not b.is_finite():
        # Bracketed by the neighbouring corners (0 and ±∞), so it adds nothing.
        return None
    if not b.is_finite():
        return Decimal(0)
    return _context(rounding).divide(a, b)


@quick_init
@dataclass(frozen=True, slots=True)
class Interval:
    """The set of values between ``lo`` and ``hi``; each end is open or closed."""

    __reduce__ = by_fields

    lo: Decimal
    hi: Decimal
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        """The interval holding exactly one value."""
        return cls(value, value)

    @classmethod
    def around(cls, value: Decimal, half_width: Decimal) -> Interval:
        """The closed interval ``value ± half_width``, its ends rounded outward."""
        return cls(
            add(value, half_width.copy_negate(), ROUND_FLOOR), add(value, half_width, ROUND_CEILING)
        )

    @property
    def width(self) -> Decimal:
        """The distance between the ends (infinite for an unbounded interval)."""
        return self.hi - self.lo

    @property
    def bounded(self) -> bool:
        """Whether both ends are finite."""
        return self.lo.is_finite() and self.hi.is_finite()

    def __add__(self, other: Interval) -> Interval:
        return Interval(
            add(self.lo, other.lo, ROUND_FLOOR),
            add(self.hi, other.hi, ROUND_CEILING),
            self.lo_open or other.lo_open,
            self.hi_open or other.hi_open,
        )

    def __sub__(self, other: Interval) -> Interval:
        # copy_negate is exact; a plain minus would round in the default context.
        return Interval(
            add(self.lo, other.hi.copy_negate(), ROUND_FLOOR),
            add(self.hi, other.lo.copy_negate(), ROUND_CEILING),
            self.lo_open or other.hi_open,
            self.hi_open or other.lo_open,
        )

    def _corners(
        self, other: Interval, operation: Callable[[Decimal, Decimal, str], Decimal | None]
    ) -> Interval:
        # Products and quotients are monotonic in each operand, so the extremes lie at the
        # corners; each corner is rounded outward and is open when either end is open,
        # except an exact closed 0, which stays 0 whatever it meets.
        corners = []
        for a, a_open in ((self.lo, self.lo_open), (self.hi, self.hi_open)):
            for b, b_open in ((other.lo, other.lo_open), (other.hi, other.hi_open)):
                exact_zero = a == 0 and not a_open
                is_open = not exact_zero and (
                    a_open or b_open or not a.is_finite() or not b.is_finite()
                )
                low = operation(a, b, ROUND_FLOOR)
                high = operation(a, b, ROUND_CEILING)
                if low is not None and high is not None:
                    corners.append((low, high, is_open))
        lo = min(low for low, _, _ in corners)
        hi = max(high for _, high, _ in corners)
        return Interval(
            lo,
            hi,
            all(is_open for low, _, is_open in corners if low == lo),
            all(is_open for _, high, is_open in corners if high == hi),
        )

    def __mul__(self, other: Interval) -> Interval:
        return self._corners(other, _times)

    def __truediv__(self, other: Interval) -> Interval:
        """The quotient; DivisionByZero when the divisor interval holds 0."""
        if other.contains(Decimal(0)):
            raise DivisionByZero("the divisor can be 0")
        positive = other.lo >= 0
        return self._corners(other, lambda a, b, rounding: _over(a, b, rounding, positive))

    def scaled(self, factor: Decimal) -> Interval:
        """The interval multiplied by a positive exact factor, its ends rounded outward."""
        return Interval(
            _times(self.lo, factor, ROUND_FLOOR),  # type: ignore[arg-type]
            _times(self.hi, factor, ROUND_CEILING),  # type: ignore[arg-type]
            self.lo_open,
            self.hi_open,
        )

    def contains(self, value: Decimal) -> bool:
        """Whether ``value`` lies in the interval, respecting open ends."""
        above = value > self.lo or (value == self.lo and not self.lo_open)
        below = value < self.hi or (value == self.hi and not self.hi_open)
        return above and below

    def meets(self, other: Interval) -> bool:
        """Whether the two intervals share at least one value."""
        lo, lo_open = max((self.lo, self.lo_open), (other.lo, other.lo_open))
        hi, hi_open = min((self.hi, not self.hi_open), (other.hi, not other.hi_open))
        hi_open = not hi_open
        if lo < hi:
            return True
        return lo == hi and not lo_open and not hi_open

    def nearest(self, value: Decimal) -> Decimal:
        """The value in the (closure of the) interval nearest to ``value``."""
        return min(max(value, self.lo), self.hi)

    def gap_to(self, other: Interval) -> Decimal:
        """The distance between two intervals; zero when they meet."""
        if self.hi < other.lo:
            return other.lo - self.hi
        if other.hi < self.lo:
            return self.lo - other.hi
        return Decimal(0)
