"""Figures as people write them, read into intervals.

``parse_figure("rund 13,4 Millionen Euro", "de")`` gives a :class:`Reading`: the nominal
value in the unit's base (13 400 000), the interval the words allow, the unit, the
qualifier and the precision of the last written digit. ``find_figures`` finds every figure
in a longer text, such as a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from factcheck.interval import INFINITY, Interval

MAX_DIGITS = 100


class FigureError(ValueError):
    """A figure's text could not be read; the message says what was not understood."""


@dataclass(frozen=True)
class Reading:
    """What the tool reads in a figure's text."""

    text: str
    value: Decimal
    interval: Interval
    unit: str
    qualifier: str | None
    precision: Decimal
    scale: Decimal = Decimal(1)
    scale_word: str | None = None
    decimals: int = 0
    kind: str = "amount"

    def same_figure(self, other: Reading) -> bool:
        """Whether two readings state the same figure (value, interval and qualifier)."""
        return (
            self.value == other.value
            and self.interval == other.interval
            and (self.qualifier or None) == (other.qualifier or None)
        )


# Qualifiers: how each widens or bounds the written value. "round" means the range that
# rounds to the value at its last significant digit.
QUALIFIERS_DE = {
    "rund": "round",
    "etwa": "round",
    "ca.": "round",
    "circa": "round",
    "zirka": "round",
    "über": "above",
    "mehr als": "above",
    "mindestens": "at_least",
    "bis zu": "at_most",
    "weniger als": "below",
    "unter": "below",
}
QUALIFIERS_EN = {
    "about": "round",
    "around": "round",
    "roughly": "round",
    "approximately": "round",
    "over": "above",
    "more than": "above",
    "at least": "at_least",
    "up to": "at_most",
    "under": "below",
    "less than": "below",
}
QUALIFIERS = {**QUALIFIERS_DE, **QUALIFIERS_EN}

SCALES = {
    "tsd.": Decimal(10**3),
    "tsd": Decimal(10**3),
    "tausend": Decimal(10**3),
    "thousand": Decimal(10**3),
    "k": Decimal(10**3),
    "mio.": Decimal(10**6),
    "mio": Decimal(10**6),
    "million": Decimal(10**6),
    "millionen": Decimal(10**6),
    "millions": Decimal(10**6),
    "m": Decimal(10**6),
    "mrd.": Decimal(10**9),
    "mrd": Decimal(10**9),
    "milliarde": Decimal(10**9),
    "milliarden": Decimal(10**9),
    "billion": Decimal(10**9),
    "bn": Decimal(10**9),
}

UNITS = {
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "$": "USD",
    "usd": "USD",
    "£": "GBP",
    "gbp": "GBP",
    "%": "percent",
    "prozent": "percent",
    "percent": "percent",
    "prozentpunkte": "percentage_point",
    "prozentpunkt": "percentage_point",
    "percentage points": "percentage_point",
    "percentage point": "percentage_point",
    "pp": "percentage_point",
}

_MINUS = "-−–"
_NUMBER = r"[-−–+]?\d[\d.,\u00a0\u202f ]*\d|[-−–+]?\d"


def _alternation(words: dict[str, object]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_FIGURE = re.compile(
    rf"(?:(?P<qualifier>{_alternation(QUALIFIERS)})\s+)?"
    rf"(?P<number>{_NUMBER})(?P<ordinal>\.(?!\d))?"
    rf"(?:\s*(?P<scale>{_alternation(SCALES)})(?![\w]))?"
    rf"(?:\s*(?P<unit>{_alternation(UNITS)})(?![\w]))?",
    re.IGNORECASE,
)


def read_numeral(text: str, lang: str) -> tuple[Decimal, int]:
    """Read a written numeral by the language's separators; return value and decimals."""
    compact = re.sub(r"[\u00a0\u202f ]", "", text)
    negative = compact[:1] in _MINUS
    digits = compact.lstrip("+" + _MINUS)
    if len(re.sub(r"\D", "", digits)) > MAX_DIGITS:
        raise FigureError(f"{text!r} has more than {MAX_DIGITS} digits")
    decimal_mark = "," if lang == "de" else "."
    group_mark = "." if lang == "de" else ","
    if "," in digits and "." in digits:
        decimal_mark = digits[max(digits.rfind(","), digits.rfind("."))]
        group_mark = "." if decimal_mark == "," else ","
    elif group_mark in digits and not re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        # "13.4" in a German value: one separator that cannot group thousands is a decimal mark.
        decimal_mark, group_mark = group_mark, decimal_mark
    whole, _, fraction = digits.partition(decimal_mark)
    if decimal_mark in fraction or group_mark in fraction:
        raise FigureError(f"{text!r} is not a number: too many separators")
    if whole and not re.fullmatch(rf"\d{{1,3}}(?:\{group_mark}\d{{3}})*|\d+", whole):
        raise FigureError(f"{text!r} is not a number: thousands groups must have three digits")
    try:
        value = Decimal(whole.replace(group_mark, "") + ("." + fraction if fraction else ""))
    except InvalidOperation as error:
        raise FigureError(f"{text!r} is not a number") from error
    return (-value if negative else value), len(fraction)


def _interval(value: Decimal, precision: Decimal, qualifier: str | None) -> Interval:
    meaning = QUALIFIERS.get(qualifier.lower()) if qualifier else None
    if meaning == "above":
        return Interval(value, INFINITY, lo_open=True, hi_open=True)
    if meaning == "below":
        return Interval(-INFINITY, value, lo_open=True, hi_open=True)
    if meaning == "at_least":
        return Interval(value, INFINITY, hi_open=True)
    if meaning == "at_most":
        return Interval(-INFINITY, value, lo_open=True)
    if meaning == "round":
        step = _significant_step(value, precision)
        return Interval(value - step / 2, value + step / 2, hi_open=True)
    return Interval.around(value, precision / 2)


def _significant_step(value: Decimal, precision: Decimal) -> Decimal:
    """The place of the last significant digit: 600 -> 100, 21 000 -> 1 000, 13,4 -> 0,1."""
    if value == 0:
        return precision
    step = precision
    while (value / (step * 10)) == (value / (step * 10)).to_integral_value():
        step *= 10
    return step


def _reading(match: re.Match[str], lang: str) -> Reading:
    number, decimals = read_numeral(match["number"], lang)
    scale_word = match["scale"]
    scale = SCALES[scale_word.lower()] if scale_word else Decimal(1)
    unit = UNITS[match["unit"].lower()] if match["unit"] else ""
    precision = Decimal(1).scaleb(-decimals) * scale
    value = number * scale
    qualifier = match["qualifier"]
    interval = _interval(value, precision, qualifier)
    kind = "ordinal" if match["ordinal"] else ("percent" if unit == "percent" else "amount")
    if match["ordinal"]:
        interval = Interval.point(value)
    elif decimals == 0 and scale == 1 and not unit:
        interval = _whole_numbers(interval)
        kind = "count"
    return Reading(
        text=match.group(0),
        value=value,
        interval=interval,
        unit=unit,
        qualifier=qualifier.lower() if qualifier else None,
        precision=precision,
        scale=scale,
        scale_word=scale_word,
        decimals=decimals,
        kind=kind,
    )


def _whole_numbers(interval: Interval) -> Interval:
    """Counts are whole: keep only the integers the interval holds."""
    lo = interval.lo.to_integral_value(rounding="ROUND_CEILING") if interval.bounded else None
    hi = interval.hi.to_integral_value(rounding="ROUND_FLOOR") if interval.bounded else None
    if lo is None or hi is None:
        return interval
    if interval.lo_open and lo == interval.lo:
        lo += 1
    if interval.hi_open and hi == interval.hi:
        hi -= 1
    return Interval(lo, hi)


def parse_figure(text: str, lang: str = "de") -> Reading:
    """Read a figure written on its own, such as a claim's ``value``; raise FigureError."""
    stripped = " ".join(text.split())
    match = _FIGURE.fullmatch(stripped)
    if not match:
        raise FigureError(
            f"cannot read {text!r} as a figure: expected a number with an optional "
            "qualifier before it and a scale and unit after it, such as '13,4 Mio. €'"
        )
    return _reading(match, lang)


@dataclass(frozen=True)
class Found:
    """A figure found in a longer text, with its character offsets."""

    start: int
    end: int
    reading: Reading


def find_figures(text: str, lang: str = "de") -> list[Found]:
    """Every figure that can be read in ``text``, in order of appearance."""
    found = []
    for match in _FIGURE.finditer(text):
        try:
            reading = _reading(match, lang)
        except FigureError:
            continue
        found.append(Found(match.start(), match.end(), reading))
    return found
