"""The parts of a total do not add up to it.

What it checks:
    A ``sum`` check lists figures that should add up to the figure named by ``equals``.
    Each figure is an interval (13,4 stands for 13,35 to 13,45), units are converted to the
    total's unit, and the check holds when the interval sum of the parts meets the total's
    interval. A failure gives the computed sum, the stated total, the difference, the
    tolerance that rounding allows, and for each figure the nearest value, at its written
    precision, that would make the sum hold.

Why it matters:
    Budgets in press releases are split into parts, and parts that do not add up are the
    most common arithmetic error a fact-checker finds. Interval arithmetic means rounding
    never raises a false alarm while a real error never hides in a fixed epsilon.

Example:
    Passes: 7,7 + 1,5 + 4,2 = 13,4.

    ```yaml
    figures:
      total: {quote: "13,4 Millionen Euro", value: "13,4 Mio. €"}
      ehrenamt: {quote: "7,7 Millionen Euro", value: "7,7 Mio. €"}
      agenturen: {quote: "1,5 Millionen Euro", value: "1,5 Mio. €"}
      personal: {quote: "4,2 Millionen", value: "4,2 Mio. €"}
    checks:
      - sum: [ehrenamt, agenturen, personal]
        equals: total
    ```

    Fails: 7,7 + 1,5 + 4,9 = 14,1, not 13,4.

    ```yaml
    figures:
      total: {quote: "13,4 Millionen Euro", value: "13,4 Mio. €"}
      ehrenamt: {quote: "7,7 Millionen Euro", value: "7,7 Mio. €"}
      agenturen: {quote: "1,5 Millionen Euro", value: "1,5 Mio. €"}
      personal: {quote: "4,9 Millionen", value: "4,9 Mio. €"}
    checks:
      - sum: [ehrenamt, agenturen, personal]
        equals: total
    ```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from factcheck import units
from factcheck.context import Context
from factcheck.interval import Interval
from factcheck.model import Check, Claim, Numbers, Outcome, Part, RuleResult, Span
from factcheck.notation import format_number, format_quantity
from factcheck.numbers import Reading
from factcheck.tolerance import compare, nearest_written

CODE = "FC101"
NAME = "parts-do-not-sum-to-total"
LEVEL = "error"
CHECK = "sum"
PARAMS = {"sum": "figures", "equals": "figure"}


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def evaluate(claim: Claim, context: Context, options: Options) -> Iterator[RuleResult]:
    """Evaluate every ``sum`` check of the claim."""
    for check in claim.checks:
        if check.kind == CHECK:
            yield _evaluate_sum(claim, check, context)


def _evaluate_sum(claim: Claim, check: Check, context: Context) -> RuleResult:
    lang = context.language(claim)
    part_names: list[str] = list(check.params["sum"])
    total_name: str = check.params["equals"]
    figures = {name: context.figure(claim, name) for name in [*part_names, total_name]}
    unreadable = [name for name, figure in figures.items() if figure is None or not figure.reading]
    if unreadable:
        return RuleResult(
            Outcome.NOT_EVALUATED,
            check.location,
            f"sum not evaluated: {', '.join(unreadable)} has no readable value",
        )
    readings = {name: figure.reading for name, figure in figures.items()}  # type: ignore[union-attr]
    total = readings[total_name]
    incompatible = [n for n in part_names if not units.compatible(readings[n].unit, total.unit)]
    if incompatible:
        return RuleResult(
            Outcome.NOT_EVALUATED,
            check.location,
            f"sum not evaluated: {', '.join(incompatible)} cannot be converted to the "
            f"total's unit {total.unit or 'number'}",
        )
    factors = {n: units.factor(readings[n].unit, total.unit) for n in part_names}
    parts = {n: readings[n].interval.scaled(factors[n]) for n in part_names}
    values = {n: readings[n].value * factors[n] for n in part_names}
    computed = sum(parts.values(), start=Interval.point(Decimal(0)))
    computed_value = sum(values.values(), start=Decimal(0))
    result = compare(computed, computed_value, total.interval, total.value)

    scale = total.scale
    decimals = max(r.decimals for r in readings.values())

    def number(value: Decimal) -> str:
        return format_number(value / scale, lang, decimals)

    def quantity(value: Decimal, places: int | None = decimals) -> str:
        return format_quantity(value, total.unit, lang, scale, places)

    arithmetic = (
        " + ".join(number(values[n]) for n in part_names) + f" = {quantity(computed_value)}"
    )
    tolerance = f"±{quantity(result.tolerance, None)}" if result.tolerance is not None else "none"
    nearest = {total_name: nearest_written(computed, total.value, total.precision)}
    for name in part_names:
        others = sum((parts[o] for o in part_names if o != name), start=Interval.point(Decimal(0)))
        allowed = (total.interval - others).scaled(1 / factors[name])
        nearest[name] = nearest_written(allowed, readings[name].value, readings[name].precision)

    def span(label: str, value: Decimal, interval: Interval) -> Span:
        ends = f"{format_number(interval.lo / scale, lang)} – {quantity(interval.hi, None)}"
        return Span(label, value, interval.lo, interval.hi, quantity(value), ends)

    numbers = Numbers(
        stated=total.value,
        computed=computed_value,
        tolerance=result.tolerance,
        difference=result.difference,
        unit=total.unit,
        nearest=nearest,
        parts=tuple(Part(n, values[n], quantity(values[n])) for n in part_names),
        intervals=(
            span("sum of the parts", computed_value, computed),
            span(f"stated {total_name}", total.value, total.interval),
        ),
    )
    if result.holds:
        message = (
            f"{arithmetic}: the parts add up to the stated {total_name} "
            f"{quantity(total.value)} (rounding allows {tolerance})"
        )
        return RuleResult(
            Outcome.PASS, check.location, message, arithmetic=arithmetic, numbers=numbers
        )
    fixes = ", ".join(
        f"{name} {_written(readings[name], value, lang)}" for name, value in nearest.items()
    )
    message = (
        f"{arithmetic}, but {total_name} is stated as {quantity(total.value)}: "
        f"difference {quantity(result.difference)}, rounding allows {tolerance}. "
        f"Nearest consistent values, each on its own: {fixes}"
    )
    return RuleResult(Outcome.FAIL, check.location, message, arithmetic=arithmetic, numbers=numbers)


def _written(reading: Reading, value: Decimal, lang: str) -> str:
    """``value`` written as the figure is written: its unit, scale and decimals."""
    return format_quantity(value, reading.unit, lang, reading.scale, reading.decimals)
