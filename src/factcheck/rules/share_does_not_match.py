"""A share of a whole does not match the percentage or the words that state it.

What it checks:
    A ``share`` check names the part, under ``of`` the whole, and under ``is`` how the
    release states the share: a figure's name, or a share as written, such as "92,6 %",
    "jeder dritte", "die Mehrheit" or "nahezu flächendeckend". The part is divided by the
    whole (units converted; each is an interval, so 50 of 54 is exactly 92,59 %, and 13,4 of
    rund 20 is a range), and the check holds when that share meets what is stated:

    - a percentage as written: "93 %" allows 92,5 to 93,5 %;
    - a share word: the shares its lexicon entry allows ("die Mehrheit" more than 50 %,
      "nahezu flächendeckend" at least 90 % and less than 100 %; docs/figures.md lists
      every word and why);
    - a fraction word: the share rounded to it at a step of 0,1 ("jeder dritte" 28,3 to
      38,3 %); with a qualifier, the qualified interval ("knapp die Hälfte" 45 to 50 %).

    A failure gives the computed share, what the statement allows, the threshold it is
    judged by and the gap, and the nearest value of each figure that would make it hold: the
    nearest whole count of the part and of the whole, and the nearest percentage. A
    percentage that is off ("95 %" for 92,6 %) is an inconsistency; words that do not hold
    ("die Mehrheit" for 20 of 54), or a qualifier that does not ("über 95 %"), make it gross.

Why it matters:
    "50 von 54" is a count; "nahezu flächendeckend" is what the release wants a reader to
    take from it. Releases state both, and a word that oversells the count ("die Mehrheit"
    for a third) changes the message while every number stays right.

Example:
    Passes: 50 of 54 is 92,6 %, at least the 90 % "nahezu flächendeckend" asks for.

    ```yaml
    figures:
      mit_zentrum: {quote: "50 von 54 Kreisen", value: "50"}
      kreisebene: {quote: "50 von 54 Kreisen", value: "54"}
      abdeckung: {quote: "eine nahezu flächendeckende Struktur", value: "nahezu flächendeckend"}
    checks:
      - share: mit_zentrum
        of: kreisebene
        is: abdeckung
    ```

    Fails: 50 of 54 is 92,6 %, not 95 %.

    ```yaml
    figures:
      mit_zentrum: {quote: "50 von 54 Kreisen", value: "50"}
      kreisebene: {quote: "50 von 54 Kreisen", value: "54"}
    checks:
      - share: mit_zentrum
        of: kreisebene
        is: "95 %"
    ```
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from factcheck import units
from factcheck.context import Context
from factcheck.interval import DivisionByZero, Interval
from factcheck.model import Check, Claim, Numbers, Outcome, RuleResult, Span
from factcheck.notation import format_interval, format_number, format_quantity, format_reading
from factcheck.numbers import Reading
from factcheck.tolerance import (
    compare,
    nearest_operand,
    nearest_written,
    share_broken,
    share_threshold,
    side,
    stated_share,
)

CODE = "FC102"
NAME = "share-does-not-match"
LEVEL = "error"
CHECK = "share"
PARAMS = {"share": "figure", "of": "figure", "is": "figure-or-value"}

_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def evaluate(claim: Claim, context: Context, options: Options) -> Iterator[RuleResult]:
    """Evaluate every ``share`` check of the claim."""
    for check in claim.checks:
        if check.kind == CHECK:
            yield _evaluate_share(claim, check, context)


def _not_evaluated(check: Check, why: str) -> RuleResult:
    return RuleResult(Outcome.NOT_EVALUATED, check.location, f"share not evaluated: {why}")


def _percent(fraction: Decimal, lang: str, decimals: int) -> str:
    """A fraction of 1 as a percentage at ``decimals``, with fewer when they are zeros of
    an exact value ("50 %", but "37,0 %" for 37,04 %)."""
    value = fraction * _HUNDRED
    places = decimals
    if value.quantize(Decimal(1).scaleb(-decimals)) == value:
        exponent = int(value.normalize().as_tuple().exponent)
        places = max(0, min(decimals, -exponent))
    return format_quantity(value, "percent", lang, Decimal(1), places)


def _bounds(allowed: Interval, lang: str, decimals: int) -> str:
    """What a share word allows, in words with its open and closed ends: "more than 50 %",
    "at least 90 % and less than 100 %"."""
    if allowed.lo == allowed.hi:
        return f"exactly {_percent(allowed.lo, lang, decimals)}"
    words = []
    if allowed.lo > 0 or allowed.lo_open:
        word = "more than" if allowed.lo_open else "at least"
        words.append(f"{word} {_percent(allowed.lo, lang, decimals)}")
    if allowed.hi < 1 or allowed.hi_open:
        word = "less than" if allowed.hi_open else "at most"
        words.append(f"{word} {_percent(allowed.hi, lang, decimals)}")
    return " and ".join(words) or "any share"


def _evaluate_share(claim: Claim, check: Check, context: Context) -> RuleResult:
    lang = context.language(claim)
    part_name = str(check.params["share"])
    whole_name = str(check.params["of"])
    stated_name = str(check.params["is"])
    figures = {name: context.figure(claim, name) for name in (part_name, whole_name)}
    unreadable = [n for n, figure in figures.items() if figure is None or not figure.reading]
    if unreadable:
        return _not_evaluated(check, f"{', '.join(unreadable)} has no readable value")
    part: Reading = figures[part_name].reading  # type: ignore[union-attr,assignment]
    whole: Reading = figures[whole_name].reading  # type: ignore[union-attr,assignment]
    stated, is_figure = context.figure_or_value(claim, str(check.params["is"]))
    if stated is None:
        return _not_evaluated(check, f"cannot read the stated share {stated_name!r}")
    allowed = stated_share(stated)
    if allowed is None:
        return _not_evaluated(
            check,
            f"{stated_name} ({format_reading(stated, lang)}) states no share: expected a "
            "percentage, a fraction or a share word such as 'die Mehrheit'",
        )
    if not units.compatible(part.unit, whole.unit):
        return _not_evaluated(
            check,
            f"{part_name} ({part.unit or 'a number'}) cannot be converted to the unit of "
            f"{whole_name} ({whole.unit or 'a number'})",
        )
    factor = units.factor(part.unit, whole.unit)

    def share_of(part_interval: Interval, whole_interval: Interval) -> Interval:
        return part_interval.scaled(factor) / whole_interval

    try:
        share = share_of(part.interval, whole.interval)
    except DivisionByZero:
        return _not_evaluated(check, f"{whole_name} can be 0, so it has no shares")
    nominal = part.value * factor / whole.value
    words = stated.kind != "percent"
    mark = share_threshold(allowed, nominal)
    # A share in words is judged by its threshold; a percentage by its stated value.
    stated_value = mark if words else stated.value / _HUNDRED
    comparison = compare(share, nominal, allowed, stated_value)
    # One digit more than the stated percentage, so its rounding range can be read.
    decimals = stated.decimals + 1 if not words else 1
    share_text = _percent(nominal, lang, decimals)
    of = "von" if lang == "de" else "of"
    arithmetic = f"{format_reading(part, lang)} {of} {format_reading(whole, lang)} = {share_text}"
    if share.width * _HUNDRED >= Decimal(1).scaleb(-decimals):
        arithmetic += f" ({_range(share, lang, decimals)})"
    stated_text = format_reading(stated, lang)
    shown = repr(stated_text) if words else stated_text
    label = f"{stated_name} {shown}" if is_figure else shown
    allows = _bounds(allowed, lang, decimals) if words else _range(allowed, lang, decimals)
    nearest = _nearest(part, whole, part_name, whole_name, share_of, allowed)
    nearest_share = _nearest_stated(stated, share, nominal)
    if is_figure:
        nearest[stated_name] = nearest_share
    numbers = Numbers(
        stated=stated_value * _HUNDRED,
        computed=nominal * _HUNDRED,
        tolerance=None
        if words or comparison.tolerance is None
        else comparison.tolerance * _HUNDRED,
        difference=comparison.difference * _HUNDRED,
        unit="percent",
        nearest=nearest,
        intervals=(
            Span(
                f"share {part_name} / {whole_name}",
                nominal * _HUNDRED,
                share.lo * _HUNDRED,
                share.hi * _HUNDRED,
                share_text,
                _range(share, lang, decimals),
            ),
            Span(
                f"stated {stated_name}",
                stated_value * _HUNDRED,
                allowed.lo * _HUNDRED,
                allowed.hi * _HUNDRED,
                stated_text,
                allows,
            ),
        ),
        part=part.value * factor,
        whole=whole.value,
        share=nominal,
        threshold=mark if words else None,
    )
    judged = f" (threshold {_percent(mark, lang, decimals)})" if words else ""
    if comparison.holds:
        message = f"{arithmetic}: {label} allows {allows}{judged}"
        return RuleResult(
            Outcome.PASS, check.location, message, arithmetic=arithmetic, numbers=numbers
        )
    gap = format_number(comparison.gap * _HUNDRED, lang, decimals)
    if words and comparison.gap == 0:
        message = (
            f"{arithmetic}, but {label} allows {allows}: the share is its threshold "
            f"{_percent(mark, lang, decimals)}, which the words leave out."
        )
    elif words:
        where = "below" if side(share, allowed) < 0 else "above"
        message = (
            f"{arithmetic}, but {label} allows {allows}: {gap} percentage points {where} its "
            f"threshold {_percent(mark, lang, decimals)}."
        )
    else:
        message = (
            f"{arithmetic}, but {stated_name if is_figure else 'the share'} is stated as "
            f"{stated_text} ({allows}): a gap of {gap} percentage points."
        )
    gross = share_broken(comparison.holds, stated)
    if gross and words:
        message += f" The words {stated_text!r} do not hold."
    elif gross:
        message += f" The qualifier {stated.qualifier!r} does not hold."
    fixes = [
        f"{name} {_written(reading, nearest[name], lang)}"
        for name, reading in ((part_name, part), (whole_name, whole))
        if name in nearest
    ]
    places = 0 if words else stated.decimals
    fixes.append(
        f"{stated_name if is_figure else 'the share'} "
        f"{_percent(nearest_share / _HUNDRED, lang, places)}"
    )
    message += f" Nearest consistent values, each on its own: {', '.join(fixes)}"
    return RuleResult(
        Outcome.FAIL, check.location, message, gross=gross, arithmetic=arithmetic, numbers=numbers
    )


def _range(interval: Interval, lang: str, decimals: int) -> str:
    """An interval of shares (fractions of 1) as percentages: "between 92,5 and 93,5 %"."""
    hundred = Interval(
        interval.lo * _HUNDRED, interval.hi * _HUNDRED, interval.lo_open, interval.hi_open
    )
    return format_interval(hundred, "percent", lang, Decimal(1), decimals)


def _nearest(
    part: Reading,
    whole: Reading,
    part_name: str,
    whole_name: str,
    share_of: Callable[[Interval, Interval], Interval],
    allowed: Interval,
) -> dict[str, Decimal]:
    """For the part and the whole, the value nearest to the stated one at which the share
    meets what is stated, with the other figure as stated."""
    nearest = {}
    for name, reading in ((part_name, part), (whole_name, whole)):

        def side_at(value: Decimal, name: str = name) -> int | None:
            point = Interval.point(value)
            try:
                if name == part_name:
                    return side(share_of(point, whole.interval), allowed)
                return side(share_of(part.interval, point), allowed)
            except DivisionByZero:
                return None

        exact = reading.interval.width == 0
        value = nearest_operand(side_at, reading.value, reading.precision, exact=exact)
        if value is not None:
            nearest[name] = value
    return nearest


def _nearest_stated(stated: Reading, share: Interval, nominal: Decimal) -> Decimal:
    """The percentage nearest to the stated one that the computed share meets, at the
    stated percentage's precision (a whole percent when the share was stated in words)."""
    percent = Interval(share.lo * _HUNDRED, share.hi * _HUNDRED)
    if stated.kind == "percent":
        return nearest_written(percent, stated.value, stated.precision)
    return nearest_written(percent, nominal * _HUNDRED, Decimal(1))


def _written(reading: Reading, value: Decimal, lang: str) -> str:
    """``value`` written as the figure is written: its unit, scale and decimals."""
    return format_quantity(value, reading.unit, lang, reading.scale, reading.decimals)
