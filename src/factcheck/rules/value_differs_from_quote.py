"""A figure's value is not the number its quote states.

What it checks:
    The number written in the figure's ``quote`` must read to the same figure as its
    ``value``: the same amount after scale words ("13,4 Millionen" is 13 400 000), the same
    written precision and the same qualifier ("rund 600" is not "600"). A unit is compared
    where the quote names one.

Why it matters:
    Every check uses the value, but a reader trusts the quote. When an editor mistypes a
    value, every check on it tests a number the release never stated.

Example:
    Passes when value and quote agree:

    ```yaml
    figures:
      ki_personal: {quote: "4,2 Millionen für mehr Personal", value: "4,2 Mio. €"}
    ```

    Fails when they do not:

    ```yaml
    figures:
      ki_personal: {quote: "4,2 Millionen für mehr Personal", value: "4,9 Mio. €"}
    ```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.context import Context
from factcheck.model import Claim, Figure, Outcome, RuleResult
from factcheck.notation import format_reading
from factcheck.numbers import Found, Reading

CODE = "FC002"
NAME = "value-differs-from-quote"
LEVEL = "error"
CHECK = None


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _agrees(value: Reading, quoted: Reading) -> bool:
    if quoted.unit and value.unit and quoted.unit != value.unit:
        return False
    return value.same_figure(quoted)


def _check(figure: Figure, found: list[Found], lang: str) -> RuleResult:
    value = figure.reading
    where = figure.value_location
    if value is None:
        return RuleResult(
            Outcome.NOT_EVALUATED, where, f"figure {figure.name!r}: the value cannot be read"
        )
    if not found:
        return RuleResult(
            Outcome.NOT_EVALUATED,
            figure.quote_location,
            f"figure {figure.name!r}: no number could be read in the quote {figure.quote!r}",
        )
    shown = format_reading(value, lang)
    for candidate in found:
        if _agrees(value, candidate.reading):
            return RuleResult(
                Outcome.PASS,
                where,
                f"figure {figure.name!r}: value {shown} is what the quote says "
                f"({candidate.reading.text!r})",
            )
    closest = min(found, key=lambda f: abs(f.reading.value - value.value)).reading
    return RuleResult(
        Outcome.FAIL,
        where,
        f"figure {figure.name!r}: the value {figure.value_text!r} ({shown}) differs from "
        f"{closest.text!r} in the quote; write the value as the quote states it",
    )


def evaluate(claim: Claim, context: Context, options: Options) -> Iterator[RuleResult]:
    """Compare each figure's value with the figures read in its quote."""
    lang = context.language(claim)
    # Figures often share a quote ("50 von 54 Kreisen"): each quote is read once.
    found: dict[str, list[Found]] = {}
    for figure in claim.figures.values():
        if figure.quote not in found:
            found[figure.quote] = context.reader.find(figure.quote, lang)
        yield _check(figure, found[figure.quote], lang)
