"""Interval arithmetic with open and closed ends."""

from __future__ import annotations

from decimal import Decimal as D

from factcheck.interval import INFINITY, Interval


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
