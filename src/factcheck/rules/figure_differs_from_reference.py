"""A figure disagrees with the reference facts it is checked against.

What it checks:
    A ``reference`` check names a figure of the claim and, under ``equals``, the reference
    facts it should agree with: one fact (``ref:kreise-nrw``) or an expression over facts
    and figures (``ref:kreise-nrw + ref:kreisfreie-staedte-nrw``), read like a ``derived``
    check's expression. Reference facts live in ``claims/references/``, each with a value,
    a description and the primary sources that state it (a law, a statistics office, a
    ministry); docs/claims.md shows the format. Every value is an interval, and the check
    holds when the figure's interval meets the facts'. The report gives the arithmetic, each
    fact with its description, sources and note, and, on a failure, the difference and the
    nearest value of the claim's figure that would agree. Facts are not changed to fit a
    claim, so only the claim's figures get a nearest value.

    A fact may set the ``level`` of findings against it: ``warning`` for a count that
    depends on a convention, so a disagreement is reported for a reader to weigh without
    failing the run. With several facts the strictest level set applies; the configuration's
    level for this rule comes before any fact's. A failure is gross when the figure carries
    a qualifier ("rund", "über") that the facts do not meet.

Why it matters:
    A release can be consistent with itself and still wrong about the world. Checking its
    figures against facts from primary sources, with those sources named in the report,
    is what makes a fact-check more than arithmetic; and where the release counts
    differently from the sources, the report says so and says why.

Example:
    Passes: the release's 54 counts the Stadt Aachen beside the 31 Kreise and 22
    kreisfreie Städte.

    ```yaml
    figures:
      kreisebene: {quote: "50 von 54 Kreisen", value: "54"}
    checks:
      - reference: kreisebene
        equals: "ref:kreise-nrw + ref:kreisfreie-staedte-nrw + ref:stadt-aachen-kreisfrei"
    ```

    Fails: 31 Kreise and 22 kreisfreie Städte make 53, not 54 (at the level ``warning``
    that the count of kreisfreie Städte sets).

    ```yaml
    figures:
      kreisebene: {quote: "50 von 54 Kreisen", value: "54"}
    checks:
      - reference: kreisebene
        equals: "ref:kreise-nrw + ref:kreisfreie-staedte-nrw"
    ```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from factcheck import expression, units
from factcheck.context import REFERENCE_PREFIX, Context
from factcheck.expression import ExpressionError, Value
from factcheck.interval import Interval
from factcheck.model import Check, Claim, Numbers, Outcome, Reference, RuleResult, Span
from factcheck.notation import format_interval, format_quantity, format_reading
from factcheck.numbers import FigureError, Reading
from factcheck.rules import LEVELS
from factcheck.tolerance import compare, nearest_stated, qualifier_broken

CODE = "FC201"
NAME = "figure-differs-from-reference"
LEVEL = "error"
CHECK = "reference"
PARAMS = {"reference": "figure", "equals": "expression"}


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def evaluate(claim: Claim, context: Context, options: Options) -> Iterator[RuleResult]:
    """Evaluate every ``reference`` check of the claim."""
    for check in claim.checks:
        if check.kind == CHECK:
            yield _evaluate_reference(claim, check, context)


def _not_evaluated(check: Check, why: str) -> RuleResult:
    return RuleResult(Outcome.NOT_EVALUATED, check.location, f"reference not evaluated: {why}")


def _evaluate_reference(claim: Claim, check: Check, context: Context) -> RuleResult:
    lang = context.language(claim)
    name = str(check.params["reference"])
    text = str(check.params["equals"])
    try:
        node = expression.parse(text)
    except ExpressionError as error:
        return _not_evaluated(check, str(error))
    operands = list(dict.fromkeys(n.name for n in expression.names(node)))
    facts = [ref for n in operands if (ref := context.reference(n)) is not None]
    if not facts:
        return _not_evaluated(
            check, f"{text!r} names no reference fact; name one as {REFERENCE_PREFIX}name"
        )
    figures = {n: context.figure(claim, n) for n in [name, *operands]}
    unreadable = [n for n, figure in figures.items() if figure is None or not figure.reading]
    if unreadable:
        return _not_evaluated(check, f"{', '.join(unreadable)} has no readable value")
    readings: dict[str, Reading] = {n: f.reading for n, f in figures.items()}  # type: ignore[misc,union-attr]
    stated = readings[name]

    def lookup(other: str) -> Value:
        return expression.of_reading(readings[other])

    try:
        result = expression.evaluate(node, lookup)
    except ExpressionError as error:
        return _not_evaluated(check, str(error))
    if not units.compatible(result.unit_name, stated.unit):
        return _not_evaluated(
            check,
            f"{text} gives {result.unit_name or 'a number'}, but {name} is in "
            f"{stated.unit or 'a number'}",
        )
    factor = units.factor(result.unit_name, stated.unit)
    computed = result.interval.scaled(factor)
    nominal = result.nominal * factor
    comparison = compare(computed, nominal, stated.interval, stated.value)
    level = _level(facts)

    def quantity(value: Decimal) -> str:
        return format_quantity(value, stated.unit, lang, stated.scale, stated.decimals)

    def interval_text(interval: Interval) -> str:
        return format_interval(interval, stated.unit, lang, stated.scale, stated.decimals)

    stated_text = format_reading(stated, lang)
    rendered = expression.render(node, lambda n: format_reading(readings[n], lang))
    value_text = quantity(nominal) if computed.width == 0 else interval_text(computed)
    if isinstance(node, expression.Name):
        arithmetic = f"{text} {rendered}"
    else:
        arithmetic = f"{text} = {rendered} = {value_text}"

    def read_back(value: Decimal) -> Interval | None:
        try:
            return context.reader.parse(_written(stated, value, lang), lang).interval
        except FigureError:
            return None

    nearest = {}
    value = nearest_stated(
        computed,
        stated.value,
        stated.precision,
        exact=stated.interval.width == 0,
        read_back=read_back if stated.qualifier else None,
    )
    if value is not None:
        nearest[name] = value
    numbers = Numbers(
        stated=stated.value,
        computed=nominal,
        tolerance=comparison.tolerance,
        difference=comparison.difference,
        unit=stated.unit,
        nearest=nearest,
        intervals=(
            Span(
                f"stated {name}",
                stated.value,
                stated.interval.lo,
                stated.interval.hi,
                stated_text,
                interval_text(stated.interval),
            ),
            Span(
                f"reference {text}",
                nominal,
                computed.lo,
                computed.hi,
                value_text,
                interval_text(computed),
            ),
        ),
    )
    if comparison.holds:
        return RuleResult(
            Outcome.PASS,
            check.location,
            f"{name} {stated_text} agrees with {arithmetic}",
            arithmetic=arithmetic,
            numbers=numbers,
            level=level,
            details=_facts(facts, lang, with_notes=False),
        )
    # The difference is the facts' value less the figure's; the report says how the figure
    # stands to the facts.
    more = "more" if comparison.difference < 0 else "less"
    message = (
        f"{name} {stated_text} does not agree with {arithmetic}: {name} is "
        f"{quantity(abs(comparison.difference))} {more} than the reference facts give"
    )
    if comparison.gap != abs(comparison.difference):
        message += f", {quantity(comparison.gap)} beyond rounding"
    message += "."
    gross = qualifier_broken(comparison.holds, stated.qualifier)
    if gross:
        message += f" The qualifier {stated.qualifier!r} does not hold."
    if nearest:
        message += f" Nearest consistent value: {name} {_written(stated, nearest[name], lang)}."
    noted = [f"{REFERENCE_PREFIX}{fact.name}" for fact in facts if fact.note]
    if noted:
        message += f" See the note on {', '.join(noted)}."
    return RuleResult(
        Outcome.FAIL,
        check.location,
        message,
        gross=gross,
        arithmetic=arithmetic,
        numbers=numbers,
        level=level,
        details=_facts(facts, lang, with_notes=True),
    )


def _level(facts: list[Reference]) -> str | None:
    """The strictest level the facts set, or None when none sets one."""
    levels = [fact.level for fact in facts if fact.level]
    return min(levels, key=LEVELS.index) if levels else None


def _facts(facts: list[Reference], lang: str, *, with_notes: bool) -> tuple[str, ...]:
    """Each fact with its value, description and sources, then, ``with_notes``, the notes
    of those that have one: what a reader needs to weigh a disagreement."""
    details = []
    for fact in facts:
        shown = format_reading(fact.reading, lang) if fact.reading else fact.value_text
        sources = "; ".join(str(citation) for citation in fact.sources)
        details.append(
            f"{REFERENCE_PREFIX}{fact.name} {shown}: {_sentence(fact.description)} "
            f"Sources: {_sentence(sources)}"
        )
    if with_notes:
        details += [
            f"Note on {REFERENCE_PREFIX}{f.name}: {_sentence(f.note)}" for f in facts if f.note
        ]
    return tuple(details)


def _sentence(text: str) -> str:
    """``text`` ending with a full stop."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _written(reading: Reading, value: Decimal, lang: str) -> str:
    """``value`` written as the figure is written: its qualifier, unit, scale and
    decimals."""
    shown = format_quantity(value, reading.unit, lang, reading.scale, reading.decimals)
    return f"{reading.qualifier} {shown}" if reading.qualifier else shown
