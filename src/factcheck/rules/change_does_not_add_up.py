"""A stated change does not take the first figure to the second.

What it checks:
    A ``change`` check names two figures, the value before and the value after, and under
    ``by`` the change the text states ("stieg um 500 auf 5.500", "um 20 Prozent", "um 2
    Prozentpunkte", "verdoppelt"). What the change means follows from how ``by`` is written:

    - a factor ("verdoppelt", "das 1,6-fache"): after ÷ before;
    - percentage points ("2 Prozentpunkte"): after − before, both figures in percent;
    - percent ("20 Prozent"): the relative change, (after ÷ before − 1) × 100;
    - anything else (euros, a count): after − before, in the unit of ``by``.

    A fall is a negative change: write ``by`` as "−500". Every figure is an interval, so the
    computed change is an interval, and the check holds when it meets the stated one. A
    failure gives the computed change, the difference and the nearest consistent value of
    each figure. It is gross when the change goes the other way than stated, or when a
    change in percent is stated that only holds in percentage points (a rise from 10 % to
    12 % is 2 percentage points, or 20 percent, and "um 2 Prozent" is wrong).

Why it matters:
    Changes are where releases exaggerate: a percentage-point change sold as a percent, a
    rise that is really a fall, a figure that "verdoppelt" but grew by half. The arithmetic
    is simple and a reader rarely does it.

Example:
    Passes: KOMM-AN's 4,2 Mio. € for staff plus 1,5 Mio. € for the agencies make 5,7 Mio. €.

    ```yaml
    figures:
      personal: {quote: "4,2 Millionen für mehr Personal", value: "4,2 Mio. €"}
      agenturen: {quote: "1,5 Millionen Euro für die Maßnahmen", value: "1,5 Mio. €"}
      zusammen: {quote: "4,2 Millionen für mehr Personal", value: "5,7 Mio. €"}
    checks:
      - change: [personal, zusammen]
        by: agenturen
    ```

    Fails: 4,2 Mio. € doubled is not 13,4 Mio. €.

    ```yaml
    figures:
      personal: {quote: "4,2 Millionen für mehr Personal", value: "4,2 Mio. €"}
      total: {quote: "Hierfür wurden 13,4 Millionen Euro veranschlagt", value: "13,4 Mio. €"}
      faktor: {quote: "4,2 Millionen für mehr Personal", value: "verdoppelt"}
    checks:
      - change: [personal, total]
        by: faktor
    ```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from factcheck import expression, units
from factcheck.context import Context
from factcheck.expression import ExpressionError, Node, Value
from factcheck.interval import Interval
from factcheck.model import Check, Claim, Numbers, Outcome, RuleResult, Span
from factcheck.notation import format_interval, format_quantity, format_reading
from factcheck.numbers import Reading
from factcheck.tolerance import (
    compare,
    nearest_operand,
    nearest_written,
    opposite_direction,
    side,
)

CODE = "FC105"
NAME = "change-does-not-add-up"
LEVEL = "error"
CHECK = "change"
PARAMS = {"change": "figures", "by": "figure"}

#: What each kind of change computes from the figures ``before`` and ``after``, and how a
#: report names it.
CHANGES = {
    "factor": ("after / before", "a factor of"),
    "points": ("after - before", "a change in percentage points of"),
    "percent": ("(after / before - 1) * 100", "a change in percent of"),
    "difference": ("after - before", "a change of"),
}


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def evaluate(claim: Claim, context: Context, options: Options) -> Iterator[RuleResult]:
    """Evaluate every ``change`` check of the claim."""
    for check in claim.checks:
        if check.kind == CHECK:
            yield _evaluate_change(claim, check, context)


def _not_evaluated(check: Check, why: str) -> RuleResult:
    return RuleResult(Outcome.NOT_EVALUATED, check.location, f"change not evaluated: {why}")


def _kind(before: Reading, after: Reading, by: Reading) -> str | None:
    """Which change ``by`` states, or None when the figures' units do not allow it."""
    if by.kind == "ratio":
        return "factor"
    if by.unit == "percentage_point":
        return "points" if before.unit == after.unit == "percent" else None
    if by.unit == "percent":
        return "percent"
    compatible = units.compatible(before.unit, after.unit)
    return "difference" if compatible and units.compatible(after.unit, by.unit) else None


@dataclass(frozen=True)
class _Computed:
    """A change computed from the figures, in the number space of ``by``."""

    interval: Interval
    nominal: Decimal
    node: Node


def _compute(
    kind: str, before: Reading, after: Reading, by: Reading, held: tuple[str, Decimal] | None
) -> _Computed:
    node = expression.parse(CHANGES[kind][0])
    readings = {"before": before, "after": after}

    def lookup(name: str) -> Value:
        if held is not None and held[0] == name:
            return expression.at(readings[name], held[1])
        return expression.of_reading(readings[name])

    result = expression.evaluate(node, lookup)
    factor = Decimal(1)
    if kind == "difference":
        factor = units.factor(result.unit_name, by.unit)
    return _Computed(result.interval.scaled(factor), result.nominal * factor, node)


def _evaluate_change(claim: Claim, check: Check, context: Context) -> RuleResult:
    lang = context.language(claim)
    names = list(check.params["change"])
    if len(names) != 2:
        return _not_evaluated(
            check, f"'change' names two figures, [before, after], not {len(names)}"
        )
    by_name = str(check.params["by"])
    figures = {name: context.figure(claim, name) for name in [*names, by_name]}
    unreadable = [n for n, figure in figures.items() if figure is None or not figure.reading]
    if unreadable:
        return _not_evaluated(check, f"{', '.join(unreadable)} has no readable value")
    before_name, after_name = names
    before: Reading = figures[before_name].reading  # type: ignore[union-attr,assignment]
    after: Reading = figures[after_name].reading  # type: ignore[union-attr,assignment]
    by: Reading = figures[by_name].reading  # type: ignore[union-attr,assignment]
    kind = _kind(before, after, by)
    if kind is None:
        return _not_evaluated(
            check,
            f"{by_name} ({by.unit or 'a number'}) is not a change from {before_name} "
            f"({before.unit or 'a number'}) to {after_name} ({after.unit or 'a number'})",
        )
    try:
        computed = _compute(kind, before, after, by, None)
    except ExpressionError as error:
        return _not_evaluated(check, f"{before_name} can be 0, so no relative change ({error})")
    comparison = compare(computed.interval, computed.nominal, by.interval, by.value)
    unit = "percent" if kind in ("percent", "points") else by.unit
    # A factor is written "verdoppelt", with no digits to go by: show two decimals.
    decimals = 2 if kind == "factor" else by.decimals

    def quantity(value: Decimal) -> str:
        if kind == "points":
            return format_quantity(value, "", lang, by.scale, decimals) + " Pp."
        return format_quantity(value, unit if kind != "factor" else "", lang, by.scale, decimals)

    def interval_text(interval: Interval) -> str:
        if kind == "points":
            return format_interval(interval, "", lang, by.scale, decimals) + " Pp."
        return format_interval(interval, unit if kind != "factor" else "", lang, by.scale, decimals)

    before_text = format_reading(before, lang)
    after_text = format_reading(after, lang)
    by_text = format_reading(by, lang)
    arithmetic = (
        f"{before_text} → {after_text}: {CHANGES[kind][1]} {interval_text(computed.interval)} "
        f"(nominal {quantity(computed.nominal)})"
    )
    nearest = _nearest(kind, before, after, by, {before_name: "before", after_name: "after"})
    nearest[by_name] = nearest_written(computed.interval, by.value, by.precision)
    numbers = Numbers(
        stated=by.value,
        computed=computed.nominal,
        tolerance=comparison.tolerance,
        difference=comparison.difference,
        unit=by.unit,
        nearest=nearest,
        intervals=(
            Span(
                "computed change",
                computed.nominal,
                computed.interval.lo,
                computed.interval.hi,
                quantity(computed.nominal),
                interval_text(computed.interval),
            ),
            Span(
                f"stated {by_name}",
                by.value,
                by.interval.lo,
                by.interval.hi,
                by_text,
                interval_text(by.interval),
            ),
        ),
    )
    if comparison.holds:
        message = f"{arithmetic}, which meets the stated {by_name} {by_text}"
        return RuleResult(
            Outcome.PASS, check.location, message, arithmetic=arithmetic, numbers=numbers
        )
    message = (
        f"{arithmetic}, but {by_name} is stated as {by_text}: "
        f"difference {quantity(comparison.difference)}, a gap of {quantity(comparison.gap)}."
    )
    gross = False
    if opposite_direction(computed.interval, by.value):
        gross = True
        message += " The change goes the other way."
    if kind == "percent" and before.unit == after.unit == "percent":
        points = _compute("points", before, after, by, None)
        if points.interval.meets(by.interval):
            gross = True
            message += (
                f" {format_quantity(by.value, '', lang, by.scale, decimals)} is the change in "
                f"percentage points ({format_interval(points.interval, '', lang)} Pp.), "
                "not in percent: percent and percentage points are confused."
            )
    fixes = []
    for name, value in nearest.items():
        reading = {before_name: before, after_name: after, by_name: by}[name]
        fixes.append(f"{name} {_written(reading, value, lang)}")
    message += f" Nearest consistent values, each on its own: {', '.join(fixes)}"
    return RuleResult(
        Outcome.FAIL, check.location, message, gross=gross, arithmetic=arithmetic, numbers=numbers
    )


def _nearest(
    kind: str, before: Reading, after: Reading, by: Reading, roles: dict[str, str]
) -> dict[str, Decimal]:
    """For ``before`` and ``after``, the value nearest to the stated one that makes the
    stated change hold, with the other figure as stated."""
    nearest = {}
    for name, role in roles.items():
        reading = before if role == "before" else after

        def side_at(value: Decimal, role: str = role) -> int | None:
            try:
                return side(_compute(kind, before, after, by, (role, value)).interval, by.interval)
            except ExpressionError:
                return None

        value = nearest_operand(side_at, reading.value, reading.precision)
        if value is not None:
            nearest[name] = value
    return nearest


def _written(reading: Reading, value: Decimal, lang: str) -> str:
    """``value`` written as the figure is written: its unit, scale and decimals."""
    if reading.kind == "ratio":
        return f"{format_quantity(value, '', lang, Decimal(1), 2)}-fach"
    return format_quantity(value, reading.unit, lang, reading.scale, reading.decimals)
