"""Closed, open and half-open intervals of exact decimals, and the arithmetic on them.

A written figure is never a point: "13,4" stands for every value that rounds to it. All
comparisons in factcheck are between intervals, so rounding never causes a false alarm and
no fixed epsilon can hide a real error.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

INFINITY = Decimal("Infinity")


@dataclass(frozen=True)
class Interval:
    """The set of values between ``lo`` and ``hi``; each end is open or closed."""

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
        """The closed interval ``value ± half_width``."""
        return cls(value - half_width, value + half_width)

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
            self.lo + other.lo,
            self.hi + other.hi,
            self.lo_open or other.lo_open,
            self.hi_open or other.hi_open,
        )

    def __sub__(self, other: Interval) -> Interval:
        return Interval(
            self.lo - other.hi,
            self.hi - other.lo,
            self.lo_open or other.hi_open,
            self.hi_open or other.lo_open,
        )

    def scaled(self, factor: Decimal) -> Interval:
        """The interval multiplied by a positive exact factor."""
        return Interval(self.lo * factor, self.hi * factor, self.lo_open, self.hi_open)

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
