"""A figure derived from others falls outside what is expected of it.

What it checks:
    A ``derived`` check holds an expression over figures (names, numbers, ``+ - × ÷`` and
    parentheses, such as ``budget / kinder``) and the value it is ``expected`` to have:
    either the name of a figure or a figure written as the source's language writes it
    ("unter 4.000 €", "rund 33.000 €"), so qualifiers such as rund, über, unter and
    höchstens apply. Every figure is an interval, so the expression gives an interval
    (20 Mio. € / über 5.000 is between 0 and 4.100 € per child), and the check holds when
    it meets the expected interval. A failure gives the computed interval, the expected
    one, the gap between them and, for each figure, the value nearest to the stated one that
    would make the check hold with the other figures as stated. It is gross when the
    expected figure carries a qualifier, since then the words of the claim do not hold.
    The expression is read by factcheck's own small evaluator, never by Python or pint.
    A figure named twice in one expression varies independently at each place, so the
    computed interval may be wider than the truth, never narrower.

Why it matters:
    Per-unit figures (euros per child, per application, per inhabitant) are how readers
    judge a budget, and a release rarely states them: it states a total and a count. A
    derived check makes the per-unit figure explicit and keeps it honest when either the
    total or the count is corrected.

Example:
    Passes: 20 Mio. € for über 5.000 Kinder is under 4.000 € per child (up to 4.100 €
    with the rounding of the 20 Mio.).

    ```yaml
    figures:
      budget: {quote: "20 Millionen Euro investiert", value: "20 Mio. €"}
      kinder: {quote: "über 5.000 Kindern", value: "über 5.000"}
    checks:
      - derived: "budget / kinder"
        expected: "unter 4.000 €"
    ```

    Fails: over 5.000 € per child would need more than 25 Mio. € or fewer children.

    ```yaml
    figures:
      budget: {quote: "20 Millionen Euro investiert", value: "20 Mio. €"}
      kinder: {quote: "über 5.000 Kindern", value: "über 5.000"}
    checks:
      - derived: "budget / kinder"
        expected: "über 5.000 €"
    ```
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
    qualifier_broken,
    side,
)

CODE = "FC106"
NAME = "derived-figure-out-of-range"
LEVEL = "error"
CHECK = "derived"
PARAMS = {"derived": "expression", "expected": "figure-or-value"}


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def evaluate(claim: Claim, context: Context, options: Options) -> Iterator[RuleResult]:
    """Evaluate every ``derived`` check of the claim."""
    for check in claim.checks:
        if check.kind == CHECK:
            yield _evaluate_derived(claim, check, context)


def _not_evaluated(check: Check, why: str) -> RuleResult:
    return RuleResult(Outcome.NOT_EVALUATED, check.location, f"derived not evaluated: {why}")


def _evaluate_derived(claim: Claim, check: Check, context: Context) -> RuleResult:
    lang = context.language(claim)
    text = str(check.params["derived"])
    try:
        node = expression.parse(text)
    except ExpressionError as error:
        return _not_evaluated(check, str(error))
    operands = list(dict.fromkeys(name.name for name in expression.names(node)))
    figures = {name: context.figure(claim, name) for name in operands}
    unreadable = [n for n, figure in figures.items() if figure is None or not figure.reading]
    if unreadable:
        return _not_evaluated(check, f"{', '.join(unreadable)} has no readable value")
    readings: dict[str, Reading] = {n: f.reading for n, f in figures.items()}  # type: ignore[misc,union-attr]
    expected, is_figure = context.figure_or_value(claim, str(check.params["expected"]))
    if expected is None:
        return _not_evaluated(check, f"cannot read the expected {check.params['expected']!r}")

    def compute(name: str | None = None, nominal: Decimal = Decimal(0)) -> Value:
        def lookup(other: str) -> Value:
            if other == name:
                return expression.at(readings[other], nominal)
            return expression.of_reading(readings[other])

        return expression.evaluate(node, lookup)

    try:
        result = compute()
    except ExpressionError as error:
        return _not_evaluated(check, str(error))
    if not units.compatible(result.unit_name, expected.unit):
        return _not_evaluated(
            check,
            f"{text} gives {result.unit_name or 'a number'}, "
            f"but the expected value is in {expected.unit or 'a number'}",
        )
    factor = units.factor(result.unit_name, expected.unit)
    computed = result.interval.scaled(factor)
    nominal = result.nominal * factor
    comparison = compare(computed, nominal, expected.interval, expected.value)

    def quantity(value: Decimal) -> str:
        return format_quantity(value, expected.unit, lang, expected.scale, expected.decimals)

    def interval_text(interval: Interval) -> str:
        return format_interval(interval, expected.unit, lang, expected.scale, expected.decimals)

    expected_text = format_reading(expected, lang)
    # A figure is named, so the reader can find it in the claim.
    expected_label = f"{check.params['expected']} {expected_text}" if is_figure else expected_text
    arithmetic = (
        f"{_render(node, readings, lang)} = {interval_text(computed)} (nominal {quantity(nominal)})"
    )
    numbers = Numbers(
        stated=expected.value,
        computed=nominal,
        tolerance=comparison.tolerance,
        difference=comparison.difference,
        unit=expected.unit,
        nearest=_nearest(readings, compute, factor, expected.interval),
        intervals=(
            Span(
                text, nominal, computed.lo, computed.hi, quantity(nominal), interval_text(computed)
            ),
            Span(
                f"expected {check.params['expected']}",
                expected.value,
                expected.interval.lo,
                expected.interval.hi,
                expected_text,
                interval_text(expected.interval),
            ),
        ),
    )
    if comparison.holds:
        message = f"{text}: {arithmetic}, which meets the expected {expected_label}"
        return RuleResult(
            Outcome.PASS, check.location, message, arithmetic=arithmetic, numbers=numbers
        )
    fixes = [
        f"{name} {_written(readings[name], value, lang)}" for name, value in numbers.nearest.items()
    ]
    if is_figure:
        name = str(check.params["expected"])
        fixes.append(
            f"{name} {quantity(nearest_written(computed, expected.value, expected.precision))}"
        )
    else:
        fixes.append(f"expected {interval_text(computed)}")
    gross = qualifier_broken(comparison.holds, expected.qualifier)
    message = (
        f"{text}: {arithmetic}, outside the expected {expected_label} "
        f"({interval_text(expected.interval)}): a gap of {quantity(comparison.gap)}, "
        f"nominal difference {quantity(comparison.difference)}."
    )
    if gross:
        message += f" The qualifier {expected.qualifier!r} does not hold."
    message += f" Nearest consistent values, each on its own: {', '.join(fixes)}"
    return RuleResult(
        Outcome.FAIL, check.location, message, gross=gross, arithmetic=arithmetic, numbers=numbers
    )


def _render(node: Node, readings: dict[str, Reading], lang: str) -> str:
    """The expression with each figure written as the source writes it ("20 Mio. €")."""
    return expression.render(node, lambda name: format_reading(readings[name], lang))


def _nearest(
    readings: dict[str, Reading],
    compute: Callable[[str, Decimal], Value],
    factor: Decimal,
    expected: Interval,
) -> dict[str, Decimal]:
    """For each figure, the value nearest to its stated one that makes the check hold."""
    nearest = {}
    for name, reading in readings.items():

        def side_at(nominal: Decimal, name: str = name) -> int | None:
            try:
                return side(compute(name, nominal).interval.scaled(factor), expected)
            except ExpressionError:
                return None

        value = nearest_operand(side_at, reading.value, reading.precision)
        if value is not None:
            nearest[name] = value
    return nearest


def _written(reading: Reading, value: Decimal, lang: str) -> str:
    """``value`` written as the figure is written: its unit, scale and decimals."""
    return format_quantity(value, reading.unit, lang, reading.scale, reading.decimals)
