"""A stated comparison between figures (≤ < = ≥ >) does not hold.

What it checks:
    A ``compare`` check holds a comparison of two expressions over figures, such as
    ``"mit_zentrum <= kreisebene"`` (50 of 54 cannot be more than the 54) or ``"standort =
    mit_zentrum"`` (the 50th centre makes 50 centres). The relation is one of ``<``, ``<=``
    or ``≤``, ``=`` or ``==``, ``>=`` or ``≥``, ``>``; each side is an expression as in a
    ``derived`` check (figure names, ``claim-id.figure``, numbers with a ``.`` point, ``+ -
    × ÷``, parentheses). Every figure is an interval, so the check holds when some value
    of the left side and some value of the right side stand in the relation: rounding never
    makes it fail. Units are converted to the left side's; an ordinal ("50.") counts as its
    number.

    A failure gives both sides, how far apart they are, and for each figure the nearest
    value, at its written precision, that makes the comparison hold. A failed ordering
    (≤ < ≥ >) is gross, since the figures stand the other way round from what the claim
    says; a failed ``=`` is an inconsistency.

Why it matters:
    Some relations are never written as arithmetic but follow from the claim: a part is no
    more than its whole, the 50th centre opened when there were 50, a count "from 50 to 54"
    rises. When one of the figures is corrected, such a relation is the first thing to break
    unnoticed.

Example:
    Passes: 50 of 54 is no more than 54.

    ```yaml
    figures:
      mit_zentrum: {quote: "50 von 54 Kreisen", value: "50"}
      kreisebene: {quote: "50 von 54 Kreisen", value: "54"}
    checks:
      - compare: "mit_zentrum <= kreisebene"
    ```

    Fails: 50 is not more than 54.

    ```yaml
    figures:
      mit_zentrum: {quote: "50 von 54 Kreisen", value: "50"}
      kreisebene: {quote: "50 von 54 Kreisen", value: "54"}
    checks:
      - compare: "mit_zentrum > kreisebene"
    ```
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from factcheck import expression, units
from factcheck.context import Context
from factcheck.expression import ExpressionError, Name, Node, Relation, Value
from factcheck.interval import Interval
from factcheck.model import Check, Claim, Numbers, Outcome, RuleResult, Span
from factcheck.notation import format_interval, format_quantity, format_reading
from factcheck.numbers import Reading
from factcheck.tolerance import nearest_operand, order_reversed, relation_holds, relation_side

CODE = "FC104"
NAME = "comparison-does-not-hold"
LEVEL = "error"
CHECK = "compare"
PARAMS = {"compare": "comparison"}

_SAYS = {"≤": "at most", "<": "less than", "=": "equal to", "≥": "at least", ">": "more than"}


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def evaluate(claim: Claim, context: Context, options: Options) -> Iterator[RuleResult]:
    """Evaluate every ``compare`` check of the claim."""
    for check in claim.checks:
        if check.kind == CHECK:
            yield _evaluate_compare(claim, check, context)


def _not_evaluated(check: Check, why: str) -> RuleResult:
    return RuleResult(Outcome.NOT_EVALUATED, check.location, f"compare not evaluated: {why}")


@dataclass(frozen=True)
class _Sides:
    """Both sides evaluated, the right one in the left one's unit."""

    left: Value
    right: Interval
    right_nominal: Decimal


def _evaluate_compare(claim: Claim, check: Check, context: Context) -> RuleResult:
    lang = context.language(claim)
    text = str(check.params["compare"])
    try:
        relation = expression.parse_relation(text)
    except ExpressionError as error:
        return _not_evaluated(check, str(error))
    operands = list(
        dict.fromkeys(name.name for side in relation.sides for name in expression.names(side))
    )
    figures = {name: context.figure(claim, name) for name in operands}
    unreadable = [n for n, figure in figures.items() if figure is None or not figure.reading]
    if unreadable:
        return _not_evaluated(check, f"{', '.join(unreadable)} has no readable value")
    readings: dict[str, Reading] = {n: f.reading for n, f in figures.items()}  # type: ignore[misc,union-attr]

    def compute(name: str | None = None, nominal: Decimal = Decimal(0)) -> _Sides:
        def lookup(other: str) -> Value:
            if other == name:
                return expression.at(readings[other], nominal)
            return expression.of_reading(readings[other])

        left = expression.evaluate(relation.left, lookup)
        right = expression.evaluate(relation.right, lookup)
        if left.bare and not right.bare:
            # A bare number on the left ("5000 < kinder") is in the right side's unit.
            left = Value(left.interval, left.nominal, right.unit)
        unit = left.unit_name
        if right.bare or not units.compatible(right.unit_name, unit):
            if not right.bare:
                raise _Incompatible(right.unit_name, unit)
            return _Sides(left, right.interval, right.nominal)
        factor = units.factor(right.unit_name, unit)
        return _Sides(left, right.interval.scaled(factor), right.nominal * factor)

    try:
        sides = compute()
    except ExpressionError as error:
        return _not_evaluated(check, str(error))
    except _Incompatible as error:
        return _not_evaluated(
            check,
            f"the right side ({error.right or 'a number'}) cannot be converted to the unit "
            f"of the left side ({error.left or 'a number'})",
        )
    unit = sides.left.unit_name
    holds = relation_holds(sides.left.interval, relation.relation, sides.right)
    scale, decimals = _notation(relation, readings)

    def interval_text(interval: Interval) -> str:
        return format_interval(interval, unit, lang, scale, decimals)

    left_text = _render(relation.left, readings, lang)
    right_text = _render(relation.right, readings, lang)
    arithmetic = f"{left_text} {relation.relation} {right_text}"
    names_text = _render(relation, None, lang)
    nearest = _nearest(readings, compute, relation.relation)
    left_range = interval_text(sides.left.interval)
    right_range = interval_text(sides.right)
    numbers = Numbers(
        stated=sides.right_nominal,
        computed=sides.left.nominal,
        difference=sides.left.nominal - sides.right_nominal,
        unit=unit,
        nearest=nearest,
        intervals=(
            Span(
                f"left: {_render(relation.left, None, lang)}",
                sides.left.nominal,
                sides.left.interval.lo,
                sides.left.interval.hi,
                left_text,
                left_range,
            ),
            Span(
                f"right: {_render(relation.right, None, lang)}",
                sides.right_nominal,
                sides.right.lo,
                sides.right.hi,
                right_text,
                right_range,
            ),
        ),
    )
    ranges = ""
    if sides.left.interval.width or sides.right.width:
        ranges = f" (left {left_range}, right {right_range})"
    if holds:
        message = f"{names_text}: {arithmetic} holds{ranges}"
        return RuleResult(
            Outcome.PASS, check.location, message, arithmetic=arithmetic, numbers=numbers
        )
    gap = sides.left.interval.gap_to(sides.right)
    says = _SAYS[relation.relation]
    if gap:
        too = (
            "high"
            if relation_side(sides.left.interval, relation.relation, sides.right) > 0
            else "low"
        )
        how_far = (
            f"the left side is {format_quantity(gap, unit, lang, scale, None)} too {too} to be "
            f"{says} the right"
        )
    elif relation.relation in ("<", ">"):
        how_far = f"the left side is at best equal to the right, not {says} it"
    else:
        how_far = "the sides touch only at an end that one of them leaves out"
    message = f"{names_text}: {arithmetic} does not hold{ranges}: {how_far}."
    gross = order_reversed(holds, relation.relation)
    if gross:
        message += " The figures stand the other way round from what the claim says."
    if nearest:
        fixes = ", ".join(
            f"{name} {_written(readings[name], value, lang)}" for name, value in nearest.items()
        )
        message += f" Nearest consistent values, each on its own: {fixes}"
    return RuleResult(
        Outcome.FAIL, check.location, message, gross=gross, arithmetic=arithmetic, numbers=numbers
    )


class _Incompatible(Exception):
    """The two sides of a comparison are in units that do not convert."""

    def __init__(self, right: str, left: str) -> None:
        super().__init__(right, left)
        self.right = right
        self.left = left


def _notation(relation: Relation, readings: dict[str, Reading]) -> tuple[Decimal, int]:
    """The scale and decimals to write both sides in: those of a side that is one figure
    (the left first), else plain numbers with the most decimals any figure has."""
    for side in relation.sides:
        if isinstance(side, Name):
            reading = readings[side.name]
            return reading.scale, reading.decimals
    return Decimal(1), max((r.decimals for r in readings.values()), default=0)


def _render(node: Node | Relation, readings: dict[str, Reading] | None, lang: str) -> str:
    """An expression or a comparison written back: with each figure's name when
    ``readings`` is None, else with each figure as the source writes it ("50.", "54")."""

    def written(name: str) -> str:
        return name if readings is None else format_reading(readings[name], lang)

    if isinstance(node, Relation):
        left = expression.render(node.left, written)
        return f"{left} {node.relation} {expression.render(node.right, written)}"
    return expression.render(node, written)


def _nearest(
    readings: dict[str, Reading], compute: Callable[[str, Decimal], _Sides], relation: str
) -> dict[str, Decimal]:
    """For each figure, the value nearest to its stated one that makes the comparison hold,
    with the other figures as stated."""
    nearest = {}
    for name, reading in readings.items():

        def side_at(nominal: Decimal, name: str = name) -> int | None:
            try:
                sides = compute(name, nominal)
            except (ExpressionError, _Incompatible):
                return None
            return relation_side(sides.left.interval, relation, sides.right)

        exact = reading.interval.width == 0
        value = nearest_operand(side_at, reading.value, reading.precision, exact=exact)
        if value is not None:
            nearest[name] = value
    return nearest


def _written(reading: Reading, value: Decimal, lang: str) -> str:
    """``value`` written as the figure is written: its unit, scale and decimals."""
    if reading.kind == "ordinal":
        return format_reading(replace(reading, value=value), lang)
    return format_quantity(value, reading.unit, lang, reading.scale, reading.decimals)
