"""Interval arithmetic with open and closed ends."""

from __future__ import annotations

from decimal import Decimal as D
from decimal import localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.interval import INFINITY, DivisionByZero, Interval


def test_sum_adds_ends():
    total = Interval(D("7.65"), D("7.75")) + Interval(D("1.45"), D("1.55"))
    assert total == Interval(D("9.10"), D("9.30"))


def test_difference_subtracts_opposite_ends():
    assert Interval(D(10), D(12)) - Interval(D(1), D(2)) == Interval(D(8), D(11))


def test_touching_closed_intervals_meet_but_open_ends_do_not():
    assert Interval(D(1), D(2)).meets(Interval(D(2), D(3)))
    assert not Interval(D(1), D(2), hi_open=True).meets(Interval(D(2), D(3)))
    assert not Interval(D(5000), INFINITY, lo_open=True).contains(D(5000))
    assert Interval(D(5000), INFINITY, lo_open=True).contains(D(5001))


def test_gap_and_nearest():
    a, b = Interval(D(1), D(2)), Interval(D(5), D(6))
    assert a.gap_to(b) == D(3) == b.gap_to(a)
    assert a.nearest(D(4)) == D(2)


def test_product_takes_the_extreme_corners_with_signs():
    assert Interval(D(-1), D(2)) * Interval(D(3), D(4)) == Interval(D(-4), D(8))
    assert Interval(D(-3), D(-2)) * Interval(D(-5), D(4)) == Interval(D(-12), D(15))


def test_an_end_is_open_only_when_every_corner_reaching_it_is_open():
    product = Interval(D(2), D(3), lo_open=True) * Interval(D(4), D(5))
    assert product == Interval(D(8), D(15), lo_open=True, hi_open=False)
    # A closed 0 stays 0 whatever it meets, even an unbounded end.
    unbounded = Interval(D(0), D(1)) * Interval(D(1), INFINITY, hi_open=True)
    assert unbounded == Interval(D(0), INFINITY, lo_open=False, hi_open=True)


def test_quotient_of_a_budget_over_an_open_count():
    # 20 Mio. € (19,5 to 20,5) over "über 5.000" children: more than 0, less than 4.100.
    per_child = Interval(D(19_500_000), D(20_500_000)) / Interval(D(5000), INFINITY, True, True)
    assert per_child == Interval(D(0), D(4100), lo_open=True, hi_open=True)


def test_quotient_rounds_each_end_outward():
    third = Interval(D(1), D(2)) / Interval(D(3), D(3))
    assert third.lo * 3 <= 1 <= third.lo * 3 + D("1e-38")
    assert third.hi * 3 >= 2


def test_division_by_an_interval_holding_zero_is_refused():
    with pytest.raises(DivisionByZero):
        Interval(D(1), D(2)) / Interval(D(-1), D(1))
    with pytest.raises(DivisionByZero):
        Interval(D(1), D(2)) / Interval(D(0), D(1))
    # An open end at 0 only approaches it: the quotient is unbounded, not an error.
    assert Interval(D(1), D(2)) / Interval(D(0), D(1), lo_open=True) == Interval(
        D(1), INFINITY, hi_open=True
    )


_ENDS = st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False)


@st.composite
def _intervals(draw: st.DrawFn) -> Interval:
    lo, hi = sorted([draw(_ENDS), draw(_ENDS)])
    return Interval(lo, hi)


@given(_intervals(), _intervals(), st.floats(0, 1), st.floats(0, 1))
def test_products_and_quotients_hold_every_product_and_quotient_of_members(
    a: Interval, b: Interval, s: float, t: float
):
    with localcontext() as ctx:
        ctx.prec = 80
        # A member of each interval, exact: a fraction of the way from one end to the other.
        u = a.lo + (a.hi - a.lo) * D(str(s))
        v = b.lo + (b.hi - b.lo) * D(str(t))
        assert (a * b).contains(u * v)
        if not b.contains(D(0)):
            assert (a / b).contains(u / v)


# Up to 60 digits, more than Decimal's default context and the interval precision keep.
_LONG = st.integers(-(10**60), 10**60).flatmap(
    lambda n: st.integers(-30, 30).map(lambda exponent: D(n).scaleb(exponent))
)


@given(_LONG, _LONG, _LONG)
def test_sums_differences_and_scalings_hold_the_exact_result_however_long(a, b, c):
    with localcontext() as ctx:
        ctx.prec = 200
        exact_sum, exact_difference, exact_scaled = a + b, a - b, a * abs(c)
    assert (Interval.point(a) + Interval.point(b)).contains(exact_sum)
    assert (Interval.point(a) - Interval.point(b)).contains(exact_difference)
    if c:
        assert Interval.point(a).scaled(abs(c)).contains(exact_scaled)
    assert Interval.around(a, abs(b)).contains(a)
