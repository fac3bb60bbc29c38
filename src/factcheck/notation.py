"""Writing numbers back in the source's own notation: "13,4 Mio. €" for a German release.

A fact-checker compares the report with the release side by side, so the report speaks the
release's language: its decimal mark, its thousands separator, its scale words.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext
from typing import TYPE_CHECKING

from factcheck.units import SYMBOLS

if TYPE_CHECKING:
    from factcheck.interval import Interval
    from factcheck.numbers import Reading

_SCALE_LABELS = {
    "de": {Decimal(10**3): "Tsd.", Decimal(10**6): "Mio.", Decimal(10**9): "Mrd."},
    "en": {Decimal(10**3): "thousand", Decimal(10**6): "million", Decimal(10**9): "billion"},
}


#: German swaps the English marks: "1,234.5" is "1.234,5".
_GERMAN_MARKS = str.maketrans({",": ".", ".": ","})


def format_number(value: Decimal, lang: str, decimals: int | None = None) -> str:
    """``value`` with the language's decimal mark and thousands separator."""
    if not value.is_finite():
        return "∞" if value > 0 else "−∞"
    if decimals is None:
        decimals = max(0, -value.normalize().as_tuple().exponent)  # type: ignore[operator]
    text = f"{value:,.{decimals}f}"
    if lang == "de":
        text = text.translate(_GERMAN_MARKS)
    return text.replace("-", "−")


def scale_label(scale: Decimal, lang: str) -> str:
    """The scale word the report writes after a number ("Mio."), empty for no scale."""
    return _SCALE_LABELS.get(lang, _SCALE_LABELS["en"]).get(scale, "")


def unit_label(unit: str) -> str:
    """The symbol the report writes for a canonical unit ("€" for EUR)."""
    return SYMBOLS.get(unit, unit)


def format_quantity(
    value: Decimal, unit: str, lang: str, scale: Decimal = Decimal(1), decimals: int | None = None
) -> str:
    """A value in the unit's base written in ``scale``: 13400000 EUR -> "13,4 Mio. €"."""
    number = format_number(value / scale, lang, decimals)
    suffix = " ".join(part for part in (scale_label(scale, lang), unit_label(unit)) if part)
    if unit == "percent" and not scale_label(scale, lang):
        return f"{number} %" if lang == "de" else f"{number}%"
    return f"{number} {suffix}" if suffix else number


_MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "en": "January February March April May June July August September October November December",
}


def _english_ordinal(number: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{'th' if 10 <= number % 100 <= 20 else suffix}"


def format_reading(reading: Reading, lang: str) -> str:
    """A reading written back as the source would write it: "rund 10 Mio. €", "2016",
    "12. Februar", "50." — a year is never "2.016" and a date never a number."""
    number = int(reading.value) if reading.value == reading.value.to_integral_value() else 0
    if reading.kind == "year":
        return str(number)
    if reading.kind == "ordinal":
        return f"{number}." if lang == "de" else _english_ordinal(number)
    if reading.kind == "date":
        year, rest = divmod(number, 10000)
        month, day = divmod(rest, 100)
        name = _MONTHS.get(lang, _MONTHS["en"]).split()[month - 1]
        text = f"{day}. {name}" if lang == "de" else f"{day} {name}"
        return f"{text} {year}" if year else text
    if reading.qualifier == "range" or reading.kind in ("ratio", "share"):
        # A range, a fraction, a factor or a share word ("ein Drittel", "das 1,6-fache",
        # "die Mehrheit") reads best as it was written.
        return reading.text
    shown = format_quantity(reading.value, reading.unit, lang, reading.scale, reading.decimals)
    return f"{reading.qualifier} {shown}" if reading.qualifier else shown


def format_interval(
    interval: Interval, unit: str, lang: str, scale: Decimal = Decimal(1), decimals: int = 0
) -> str:
    """An interval in words, each end rounded outward at ``decimals`` so the words hold the
    whole interval: "between 0 and 4.100 €", "over 5.000", "under 4.000 €"."""
    step = Decimal(1).scaleb(-decimals)

    def end(value: Decimal, rounding: str) -> Decimal:
        with localcontext() as context:
            # quantize fails on a result with more digits than the context keeps, and a
            # figure may be written with many more than its default 28.
            context.prec = max(context.prec, value.adjusted() - scale.adjusted() + decimals + 2)
            return (value / scale).quantize(step, rounding=rounding) * scale

    if interval.lo.is_finite() and interval.hi.is_finite():
        lo = end(interval.lo, ROUND_FLOOR)
        hi = end(interval.hi, ROUND_CEILING)
        if lo == hi:
            return format_quantity(lo, unit, lang, scale, decimals)
        return f"between {format_number(lo / scale, lang, decimals)} and " + format_quantity(
            hi, unit, lang, scale, decimals
        )
    if interval.lo.is_finite():
        lo = end(interval.lo, ROUND_FLOOR)
        word = "over" if interval.lo_open else "at least"
        return f"{word} {format_quantity(lo, unit, lang, scale, decimals)}"
    if interval.hi.is_finite():
        hi = end(interval.hi, ROUND_CEILING)
        word = "under" if interval.hi_open else "at most"
        return f"{word} {format_quantity(hi, unit, lang, scale, decimals)}"
    return "any value"
