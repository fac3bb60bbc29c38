"""Writing readings back in the source's notation, as rule messages show them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.notation import format_interval, format_reading
from factcheck.numbers import parse_figure


@pytest.mark.parametrize(
    ("lang", "text", "shown"),
    [
        ("de", "2016", "2016"),
        ("de", "50.", "50."),
        ("en", "21st", "21st"),
        ("en", "12th", "12th"),
        ("en", "50th", "50th"),
        ("de", "12. Februar", "12. Februar"),
        ("de", "2016-02-12", "12. Februar 2016"),
        ("en", "February 12, 2016", "12 February 2016"),
        ("de", "rund zehn Millionen Euro", "rund 10 Mio. €"),
        ("de", "über 5.000", "über 5.000"),
        ("de", "13.4 Mio EUR", "13,4 Mio. €"),
        ("de", "das 1,6-fache", "das 1,6-fache"),
        ("de", "5–7 Mio. €", "5–7 Mio. €"),
    ],
)
def test_reading_is_written_back_as_the_source_would(lang, text, shown):
    assert format_reading(parse_figure(text, lang), lang) == shown


def test_a_figure_with_more_digits_than_decimal_keeps_has_an_interval_that_holds_it():
    # Decimal's default context keeps 28 digits: the interval's ends are rounded outward,
    # and writing them back must not fail where quantize would need more digits.
    reading = parse_figure("9" * 90, "de")
    assert reading.interval.contains(Decimal("9" * 90))
    assert format_interval(reading.interval, "", "de").startswith("between 1.000.000.000")
