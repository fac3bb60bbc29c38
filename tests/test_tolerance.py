"""tolerance: the nearest operand that makes a check hold, direction and gross failures."""

from __future__ import annotations

from decimal import Decimal as D

from factcheck.interval import INFINITY, Interval
from factcheck.tolerance import (
    nearest_operand,
    nearest_within,
    opposite_direction,
    order_reversed,
    qualifier_broken,
    relation_holds,
    relation_side,
    share_broken,
    share_threshold,
    side,
    stated_share,
)


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


def test_nearest_operand_for_an_exact_count_keeps_an_open_threshold_out():
    # "die Mehrheit" of 54 is more than 27: 27 of 54 is half, not a majority.
    def side_at(count: D) -> int:
        return side(Interval.point(count) / Interval.point(D(54)), MAJORITY)

    assert nearest_operand(side_at, D(20), D(1), exact=True) == D(28)
    assert nearest_operand(side_at, D(20), D(1)) == D(27)


def test_nearest_operand_for_an_exact_count_finds_none_in_a_gap_between_counts():
    # 94,5 to 95,5 % of 54 is 51,03 to 51,57: no whole number.
    allowed = Interval(D("0.945"), D("0.955"))

    def side_at(count: D) -> int:
        return side(Interval.point(count) / Interval.point(D(54)), allowed)

    assert nearest_operand(side_at, D(50), D(1), exact=True) is None


def test_nearest_operand_looks_before_a_divisor_that_reaches_zero():
    # 20 of how many is 90 % or more? Doubling steps from 54 jump from 27 to 0, where the
    # share cannot be computed; 22 lies before it.
    allowed = Interval(D("0.9"), D(1), hi_open=True)

    def side_at(whole: D) -> int | None:
        if whole <= 0:
            return None
        return side(Interval.point(D(20)) / Interval.point(whole), allowed)

    assert nearest_operand(side_at, D(54), D(1), exact=True) == D(22)


MAJORITY = Interval(D("0.5"), D(1), lo_open=True)


def test_stated_shares_of_percentages_words_and_fractions():
    from factcheck.numbers import parse_figure

    def share(text: str) -> Interval | None:
        return stated_share(parse_figure(text, "de"))

    assert share("92,6 %") == Interval(D("0.9255"), D("0.9265"))
    assert share("die Mehrheit") == MAJORITY
    assert share("knapp die Hälfte") == Interval(D("0.45"), D("0.5"), hi_open=True)
    third = share("jeder dritte")
    assert third is not None and third.contains(D("0.2834")) and third.contains(D("0.3833"))
    assert not third.contains(D("0.2833")) and not third.contains(D("0.3834"))
    assert share("20 Mio. €") is None
    assert share("2 Prozentpunkte") is None
    assert share("verdoppelt") is None


def test_words_and_qualifiers_that_fail_a_share_are_gross():
    from factcheck.numbers import parse_figure

    assert share_broken(False, parse_figure("die Mehrheit", "de"))
    assert share_broken(False, parse_figure("jeder dritte", "de"))
    assert share_broken(False, parse_figure("über 95 %", "de"))
    assert not share_broken(False, parse_figure("95 %", "de"))
    assert not share_broken(True, parse_figure("die Mehrheit", "de"))


def test_the_threshold_is_the_end_that_is_not_none_or_all():
    assert share_threshold(MAJORITY, D("0.926")) == D("0.5")
    almost_all = Interval(D("0.9"), D(1), hi_open=True)
    assert share_threshold(almost_all, D("0.926")) == D("0.9")
    assert share_threshold(almost_all, D("0.98")) == D(1)
    assert share_threshold(Interval(D(1), D(1)), D("0.9")) == D(1)


def test_a_stated_order_holds_when_some_values_of_the_sides_stand_in_it():
    point = Interval.point
    rund_600 = Interval(D(550), D(650))
    assert relation_holds(point(D(54)), "≤", point(D(54)))
    assert not relation_holds(point(D(54)), "<", point(D(54)))
    assert relation_holds(rund_600, "≤", point(D(551)))
    assert not relation_holds(rund_600, "≤", point(D(549)))
    assert not relation_holds(Interval(D(5), D(6), lo_open=True), "≤", point(D(5)))
    assert relation_holds(point(D(5)), "<", Interval(D(5), D(6), lo_open=True))
    assert relation_holds(point(D(60)), "≥", point(D(54)))
    assert not relation_holds(point(D(50)), ">", point(D(54)))
    assert relation_holds(rund_600, "=", point(D(640)))
    assert not relation_holds(rund_600, "=", point(D(700)))


def test_relation_side_and_which_failures_are_gross():
    point = Interval.point
    assert relation_side(point(D(56)), "≤", point(D(54))) == 1
    assert relation_side(point(D(50)), ">", point(D(54))) == -1
    assert relation_side(point(D(50)), "=", point(D(54))) == -1
    assert relation_side(point(D(50)), "≤", point(D(54))) == 0
    assert order_reversed(False, "≤")
    assert not order_reversed(False, "=")
    assert not order_reversed(True, "<")


def test_nearest_within_keeps_an_exact_count_inside_open_ends():
    over_5000 = Interval(D(5000), INFINITY, lo_open=True, hi_open=True)
    assert nearest_within(over_5000, D(4800), D(1), exact=True) == D(5001)
    assert nearest_within(Interval(D(50), D(50)), D(52), D(1), exact=True) == D(50)
    assert nearest_within(Interval(D("51.03"), D("51.57")), D(50), D(1), exact=True) is None
    # A rounded figure needs only its rounding to meet: 13,5 rounds from 13,45.
    assert nearest_within(Interval(D("13.35"), D("13.45")), D("13.6"), D("0.1")) == D("13.5")
