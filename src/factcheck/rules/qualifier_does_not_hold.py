"""A qualified figure ("über 5.000", "rund 600") does not cover the exact figure it summarises.

What it checks:
    A ``qualified`` check names a figure written with a qualifier and, under ``exact``, the
    exact figure it stands for. "über 5.000" is the interval (5.000, ∞), "rund 600" is 550
    to 650; the check holds when the exact figure (as an interval, so its own rounding
    counts) meets the qualified one: 5.213 Kinder are "über 5.000", 640 Anträge are "rund
    600", 700 are not. Units are converted to the qualified figure's unit. A failure is
    gross, since the words the release chose do not hold; it gives the gap, the nearest
    exact value that the qualified figure covers, and the nearest figure with the same
    qualifier, at its written step, that covers the exact one.

Why it matters:
    Releases round and qualify exact counts for effect ("über 5.000", "fast 100 %"), and a
    qualifier that does not fit the underlying count overstates the claim. When the exact
    figure is known (from an annex, a reply to a parliamentary question), the qualified one
    must cover it.

Example:
    Passes: 5.213 Kinder are "über 5.000".

    ```yaml
    figures:
      kinder: {quote: "über 5.000 Kindern", value: "über 5.000"}
      kinder_genau: {quote: "über 5.000 Kindern", value: "5.213"}
    checks:
      - qualified: kinder
        exact: kinder_genau
    ```

    Fails: 700 Anträge are not "rund 600" (550 to 650).

    ```yaml
    figures:
      antraege: {quote: "rund 600 Anträge", value: "rund 600"}
      antraege_genau: {quote: "rund 600 Anträge", value: "700"}
    checks:
      - qualified: antraege
        exact: antraege_genau
    ```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from factcheck import units
from factcheck.context import Context
from factcheck.interval import Interval
from factcheck.model import Check, Claim, Numbers, Outcome, RuleResult, Span
from factcheck.notation import format_interval, format_quantity, format_reading
from factcheck.numbers import FigureError, Reader, Reading, significant_step
from factcheck.tolerance import compare, nearest_written, qualifier_broken

CODE = "FC107"
NAME = "qualifier-does-not-hold"
LEVEL = "error"
CHECK = "qualified"
PARAMS = {"qualified": "figure", "exact": "figure"}


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def evaluate(claim: Claim, context: Context, options: Options) -> Iterator[RuleResult]:
    """Evaluate every ``qualified`` check of the claim."""
    for check in claim.checks:
        if check.kind == CHECK:
            yield _evaluate_qualified(claim, check, context)


def _evaluate_qualified(claim: Claim, check: Check, context: Context) -> RuleResult:
    lang = context.language(claim)
    qualified_name = str(check.params["qualified"])
    exact_name = str(check.params["exact"])
    figures = {name: context.figure(claim, name) for name in (qualified_name, exact_name)}
    unreadable = [n for n, figure in figures.items() if figure is None or not figure.reading]
    if unreadable:
        return RuleResult(
            Outcome.NOT_EVALUATED,
            check.location,
            f"qualified not evaluated: {', '.join(unreadable)} has no readable value",
        )
    qualified: Reading = figures[qualified_name].reading  # type: ignore[union-attr,assignment]
    exact: Reading = figures[exact_name].reading  # type: ignore[union-attr,assignment]
    if not units.compatible(exact.unit, qualified.unit):
        return RuleResult(
            Outcome.NOT_EVALUATED,
            check.location,
            f"qualified not evaluated: {exact_name} ({exact.unit or 'a number'}) cannot be "
            f"converted to the unit of {qualified_name} ({qualified.unit or 'a number'})",
        )
    factor = units.factor(exact.unit, qualified.unit)
    exact_interval = exact.interval.scaled(factor)
    exact_value = exact.value * factor
    comparison = compare(exact_interval, exact_value, qualified.interval, qualified.value)

    def quantity(value: Decimal, decimals: int | None = qualified.decimals) -> str:
        return format_quantity(value, qualified.unit, lang, qualified.scale, decimals)

    def interval_text(interval: Interval) -> str:
        return format_interval(interval, qualified.unit, lang, qualified.scale, qualified.decimals)

    exact_text = format_reading(exact, lang)
    qualified_text = format_reading(qualified, lang)
    nearest = {exact_name: _nearest_exact(qualified.interval, exact_value, exact.precision)}
    suggestion = _nearest_qualified(qualified, exact_interval, lang, context.reader)
    if suggestion is not None:
        nearest[qualified_name] = suggestion.value
    numbers = Numbers(
        stated=qualified.value,
        computed=exact_value,
        tolerance=comparison.tolerance,
        difference=comparison.difference,
        unit=qualified.unit,
        nearest=nearest,
        intervals=(
            Span(
                f"exact {exact_name}",
                exact_value,
                exact_interval.lo,
                exact_interval.hi,
                exact_text,
                interval_text(exact_interval),
            ),
            Span(
                f"qualified {qualified_name}",
                qualified.value,
                qualified.interval.lo,
                qualified.interval.hi,
                qualified_text,
                interval_text(qualified.interval),
            ),
        ),
    )
    arithmetic = f"{exact_text} in {qualified_text} ({interval_text(qualified.interval)})"
    if comparison.holds:
        message = (
            f"{exact_name} {exact_text} lies in {qualified_name} {qualified_text} "
            f"({interval_text(qualified.interval)})"
        )
        return RuleResult(
            Outcome.PASS, check.location, message, arithmetic=arithmetic, numbers=numbers
        )
    gross = qualifier_broken(comparison.holds, qualified.qualifier)
    fixes = [f"{exact_name} {_written(exact, nearest[exact_name] / factor, lang)}"]
    if suggestion is not None:
        fixes.append(f"{qualified_name} {suggestion.text}")
    message = (
        f"{exact_name} {exact_text} is outside {qualified_name} {qualified_text} "
        f"({interval_text(qualified.interval)}): a gap of {quantity(comparison.gap, None)}."
    )
    if gross:
        message += f" The qualifier {qualified.qualifier!r} does not hold."
    message += f" Nearest consistent values, each on its own: {', '.join(fixes)}"
    return RuleResult(
        Outcome.FAIL, check.location, message, gross=gross, arithmetic=arithmetic, numbers=numbers
    )


def _nearest_exact(allowed: Interval, value: Decimal, precision: Decimal) -> Decimal:
    """The exact value nearest to ``value``, at its precision, that ``allowed`` covers; one
    step inside an open end, since 5.000 is not "über 5.000"."""
    nearest = nearest_written(allowed, value, precision)
    if nearest == allowed.lo and allowed.lo_open:
        return nearest + precision
    if nearest == allowed.hi and allowed.hi_open:
        return nearest - precision
    return nearest


def _nearest_qualified(
    qualified: Reading, exact: Interval, lang: str, reader: Reader
) -> Reading | None:
    """The figure with the same qualifier, at the step its value is written to, nearest to
    the stated one that covers ``exact``: "rund 700" for 700, "über 4.000" for 4.800."""
    if qualified.qualifier is None:
        value = nearest_written(exact, qualified.value, qualified.precision)
        return reader.parse(_written(qualified, value, lang), lang)
    step = significant_step(qualified.value, qualified.precision)
    if step <= 0 or not (exact.lo.is_finite() and exact.hi.is_finite()):
        return None
    low = (exact.lo / step).to_integral_value(rounding=ROUND_FLOOR) - 1
    high = (exact.hi / step).to_integral_value(rounding=ROUND_CEILING) + 1
    found = []
    for multiple in range(int(low), int(high) + 1):
        value = multiple * step
        shown = format_quantity(value, qualified.unit, lang, qualified.scale, qualified.decimals)
        try:
            reading = reader.parse(f"{qualified.qualifier} {shown}", lang)
        except FigureError:
            continue
        if reading.interval.meets(exact):
            found.append(reading)
    return min(found, key=lambda r: abs(r.value - qualified.value), default=None)


def _written(reading: Reading, value: Decimal, lang: str) -> str:
    """``value`` written as the figure is written: its unit, scale and decimals."""
    return format_quantity(value, reading.unit, lang, reading.scale, reading.decimals)
