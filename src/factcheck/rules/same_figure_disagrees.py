"""The same figure, stated twice or in several claims, does not agree with itself.

What it checks:
    A ``same`` check lists figures that state one and the same quantity: the 50 of "50 von
    54 Kreisen" and the 50 of "Mit den 50 Kreisen", in this claim or in others
    (``claim-id.figure``). Each is an interval, units are converted to the first figure's,
    and the check holds when all the intervals share a value, so "rund 600" and "640"
    agree, as do "13,4 Mio. €" and "13.400.000 €". A failure gives every figure with its
    interval, the largest gap between two of them, and for each figure the nearest value,
    at its written precision, that agrees with all the others. It is gross when a figure
    with a qualifier ("rund 600", "über 5.000") is among those that disagree, since then
    the words do not hold.

    An ordinal, a date or a year is never the same figure as a count: "der 50. Standort" is
    not the number 50. Relate them with a ``compare`` check ("standort = mit_zentrum").

Why it matters:
    Releases repeat their key figures, in the lead, in a quote, in a summary box, and a
    correction made in one place and not in the others leaves two versions. A figure that
    changes between claims of one release, or between releases, is the first thing a
    reader who compares them notices.

Example:
    Passes: the release says "50 von 54" and "Mit den 50 Kreisen".

    ```yaml
    figures:
      mit_zentrum: {quote: "50 von 54 Kreisen", value: "50"}
      im_zitat: {quote: "Mit den 50 Kreisen", value: "50"}
    checks:
      - same: [mit_zentrum, im_zitat]
    ```

    Fails: the quote was changed to 52 and the lead was not.

    ```yaml
    figures:
      mit_zentrum: {quote: "50 von 54 Kreisen", value: "50"}
      im_zitat: {quote: "Mit den 50 Kreisen", value: "52"}
    checks:
      - same: [mit_zentrum, im_zitat]
    ```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from factcheck import units
from factcheck.context import Context
from factcheck.interval import Interval
from factcheck.model import Check, Claim, Numbers, Outcome, RuleResult, Span
from factcheck.notation import format_interval, format_quantity, format_reading
from factcheck.numbers import FigureError, Reading
from factcheck.tolerance import compare, nearest_stated, qualifier_broken

CODE = "FC103"
NAME = "same-figure-disagrees"
LEVEL = "error"
CHECK = "same"
PARAMS = {"same": "figures"}

#: Kinds that label rather than measure; each is only ever the same figure as its own kind.
_LABELS = ("year", "date", "ordinal")


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def evaluate(claim: Claim, context: Context, options: Options) -> Iterator[RuleResult]:
    """Evaluate every ``same`` check of the claim."""
    for check in claim.checks:
        if check.kind == CHECK:
            yield _evaluate_same(claim, check, context)


def _not_evaluated(check: Check, why: str) -> RuleResult:
    return RuleResult(Outcome.NOT_EVALUATED, check.location, f"same not evaluated: {why}")


def _family(reading: Reading) -> str:
    return reading.kind if reading.kind in _LABELS else "quantity"


def _evaluate_same(claim: Claim, check: Check, context: Context) -> RuleResult:
    lang = context.language(claim)
    names = list(dict.fromkeys(check.params["same"]))
    if len(names) < 2:
        return _not_evaluated(check, "'same' lists at least two different figures")
    figures = {name: context.figure(claim, name) for name in names}
    unreadable = [n for n, figure in figures.items() if figure is None or not figure.reading]
    if unreadable:
        return _not_evaluated(check, f"{', '.join(unreadable)} has no readable value")
    readings: dict[str, Reading] = {n: f.reading for n, f in figures.items()}  # type: ignore[misc,union-attr]
    first = readings[names[0]]
    families = {name: _family(reading) for name, reading in readings.items()}
    if len(set(families.values())) > 1:
        kinds = ", ".join(f"{name} ({readings[name].kind})" for name in names)
        return _not_evaluated(
            check,
            f"{kinds} are not the same kind of figure: an ordinal, a date or a year is never "
            "the same figure as a count; relate them with a 'compare' check such as "
            f"'{names[0]} = {names[1]}'",
        )
    incompatible = [n for n in names if not units.compatible(readings[n].unit, first.unit)]
    if incompatible:
        return _not_evaluated(
            check,
            f"{', '.join(incompatible)} cannot be converted to the unit of {names[0]} "
            f"({first.unit or 'a number'})",
        )
    factors = {n: units.factor(readings[n].unit, first.unit) for n in names}
    intervals = {n: readings[n].interval.scaled(factors[n]) for n in names}
    values = {n: readings[n].value * factors[n] for n in names}

    def quantity(value: Decimal) -> str:
        return format_quantity(value, first.unit, lang, first.scale, None)

    def stated(name: str) -> str:
        return f"{name} {format_reading(readings[name], lang)}"

    # A rounded figure's ends need one digit more than the figure ("13,35 to 13,45").
    rounded = any(r.interval.width and not r.qualifier for r in readings.values())
    decimals = max(r.decimals for r in readings.values()) + (1 if rounded else 0)

    def interval_text(name: str) -> str:
        return format_interval(intervals[name], first.unit, lang, first.scale, decimals)

    spans = tuple(
        Span(
            name,
            values[name],
            intervals[name].lo,
            intervals[name].hi,
            format_reading(readings[name], lang),
            interval_text(name),
        )
        for name in names
    )
    arithmetic = " = ".join(stated(name) for name in names)
    pairs = [
        (a, b, compare(intervals[a], values[a], intervals[b], values[b]))
        for a, b in combinations(names, 2)
    ]
    if all(comparison.holds for _, _, comparison in pairs):
        message = f"{arithmetic}: the figures agree"
        widths = [comparison.tolerance for _, _, comparison in pairs]
        if all(width is not None and width == 0 for width in widths):
            message += " exactly"
        else:
            message += " within their rounding"
        numbers = Numbers(stated=values[names[0]], unit=first.unit, intervals=spans)
        return RuleResult(
            Outcome.PASS, check.location, message, arithmetic=arithmetic, numbers=numbers
        )
    worst_a, worst_b, worst = max(pairs, key=lambda pair: pair[2].gap)
    nearest = {}
    for name in names:
        others = [intervals[other] for other in names if other != name]
        common = _common(others)
        if common is None:
            continue
        value = _nearest(readings[name], common.scaled(1 / factors[name]), context, lang)
        if value is not None:
            nearest[name] = value
    numbers = Numbers(
        stated=values[worst_a],
        computed=values[worst_b],
        tolerance=worst.tolerance,
        difference=worst.difference,
        unit=first.unit,
        nearest=nearest,
        intervals=spans,
    )
    ranges = ", ".join(
        f"{stated(name)} ({interval_text(name)})"
        for name in names
        if readings[name].interval.width or readings[name].qualifier
    )
    message = (
        f"{arithmetic} does not hold: {worst_a} and {worst_b} differ by "
        f"{quantity(abs(worst.difference))}, a gap of {quantity(worst.gap)} beyond rounding"
    )
    if ranges:
        message += f" (rounding allows {ranges})"
    message += "."
    qualified = [n for n in (worst_a, worst_b) if readings[n].qualifier]
    gross = any(qualifier_broken(False, readings[n].qualifier) for n in qualified)
    if gross:
        message += f" The qualifier {readings[qualified[0]].qualifier!r} does not hold."
    if nearest:
        fixes = ", ".join(
            f"{name} {_written(readings[name], v, lang)}" for name, v in nearest.items()
        )
        message += f" Nearest consistent values, each on its own: {fixes}"
    return RuleResult(
        Outcome.FAIL, check.location, message, gross=gross, arithmetic=arithmetic, numbers=numbers
    )


def _common(intervals: list[Interval]) -> Interval | None:
    """The values every interval holds, or None when they share none."""
    lo, lo_open = max(((i.lo, i.lo_open) for i in intervals), key=lambda end: (end[0], end[1]))
    hi, hi_open = min(((i.hi, i.hi_open) for i in intervals), key=lambda end: (end[0], not end[1]))
    common = Interval(lo, hi, lo_open, hi_open)
    if lo > hi or (lo == hi and (lo_open or hi_open)):
        return None
    return common


def _nearest(reading: Reading, allowed: Interval, context: Context, lang: str) -> Decimal | None:
    """The value nearest to the figure's, written as it is written, that agrees with
    ``allowed``; with a qualifier, one that agrees as read back with it ("rund 700")."""

    def read_back(value: Decimal) -> Interval | None:
        try:
            return context.reader.parse(_written(reading, value, lang), lang).interval
        except FigureError:
            return None

    return nearest_stated(
        allowed,
        reading.value,
        reading.precision,
        exact=reading.interval.width == 0,
        read_back=read_back if reading.qualifier else None,
    )


def _written(reading: Reading, value: Decimal, lang: str) -> str:
    """``value`` written as the figure is written: its qualifier, unit, scale and
    decimals."""
    shown = format_quantity(value, reading.unit, lang, reading.scale, reading.decimals)
    return f"{reading.qualifier} {shown}" if reading.qualifier else shown
