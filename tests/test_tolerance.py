"""tolerance: the nearest operand that makes a check hold, direction and gross failures."""

from __future__ import annotations

from decimal import Decimal as D

from factcheck.interval import INFINITY, Interval
from factcheck.tolerance import nearest_operand, opposite_direction, qualifier_broken, side


def test_side_says_where_a_computed_interval_lies():
    allowed = Interval(D(10), D(20))
    assert side(Interval(D(19), D(25)), allowed) == 0
    assert side(Interval(D(1), D(9)), allowed) == -1
    assert side(Interval(D(21), D(25)), allowed) == 1


def test_nearest_operand_finds_a_narrow_window_that_doubling_steps_over():
    # 20 Mio. € (19,5 to 20,5) per child must meet 4.999,5 to 5.000,5 €: only 3.899,6 to
    # 4.100,1 children do, a window doubling steps from 5.000 jump over.
    budget = Interval(D(19_500_000), D(20_500_000))
    expected = Interval(D("4999.5"), D("5000.5"))

    def side_at(children: D) -> int | None:
        if children <= 0:
            return None
        return side(budget / Interval.point(children), expected)

    assert nearest_operand(side_at, D(5000), D(1)) == D(4100)
    assert nearest_operand(side_at, D(4000), D(1)) == D(4000)


def test_nearest_operand_gives_up_when_nothing_holds():
    assert nearest_operand(lambda value: 1, D(5), D(1)) is None
    assert nearest_operand(lambda value: None, D(5), D(1)) is None


def test_a_change_the_other_way_and_a_broken_qualifier_are_gross():
    assert opposite_direction(Interval(D(-600), D(-400)), D(500))
    assert not opposite_direction(Interval(D(-100), D(400)), D(500))
    assert opposite_direction(Interval(D(0), INFINITY, lo_open=True, hi_open=True), D(-2))
    assert qualifier_broken(False, "über")
    assert not qualifier_broken(True, "über")
    assert not qualifier_broken(False, None)
