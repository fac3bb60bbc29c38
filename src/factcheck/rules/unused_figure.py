"""A figure is recorded but no check uses it.

What it checks:
    Every figure a claim records should take part in some check: in its own claim, or in
    another claim's check as ``claim-id.figure``. This rule reports each figure that no
    check of the corpus names, in a claim where checks relate other figures (a claim with
    figures and no check at all is reported once, by FC302 claim-without-checks). Years and
    dates are not reported: they place a claim in time ("In 2016 werden ...") and are
    recorded for their quotes. The finding is a warning about the record, not about the
    claim: it never changes the claim's verdict.

Why it matters:
    A recorded figure is checked against its quote (FC001, FC002) but against nothing else.
    A figure that was meant to be in a sum and was left out of it, or a check that was
    deleted, leaves the figure looking verified when no arithmetic ever touched it.

Example:
    Passes: both figures are in the comparison.

    ```yaml
    figures:
      total: {quote: "13,4 Millionen Euro", value: "13,4 Mio. €"}
      ehrenamt: {quote: "7,7 Millionen Euro", value: "7,7 Mio. €"}
    checks:
      - compare: "ehrenamt <= total"
    ```

    Fails: "agenturen" is recorded, but no check names it.

    ```yaml
    figures:
      total: {quote: "13,4 Millionen Euro", value: "13,4 Mio. €"}
      ehrenamt: {quote: "7,7 Millionen Euro", value: "7,7 Mio. €"}
      agenturen: {quote: "1,5 Millionen Euro", value: "1,5 Mio. €"}
    checks:
      - compare: "ehrenamt <= total"
    ```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.context import Context
from factcheck.model import Claim, Figure, Outcome, RuleResult
from factcheck.notation import format_reading

CODE = "FC301"
NAME = "unused-figure"
LEVEL = "warning"
CHECK = None
ABOUT_THE_RECORD = True

#: Kinds of figure that place a claim in time rather than state a quantity.
TIME_LABELS = ("year", "date")


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def unused(claim: Claim, context: Context) -> list[Figure]:
    """The figures of ``claim`` that state a quantity and that no check of the corpus
    names, in the order recorded."""
    return [
        figure
        for figure in claim.figures.values()
        if figure.reading is not None
        and figure.reading.kind not in TIME_LABELS
        and not context.figure_named(claim.id, figure.name)
    ]


def evaluate(claim: Claim, context: Context, options: Options) -> Iterator[RuleResult]:
    """Report each figure of the claim that no check uses."""
    figures = unused(claim, context)
    quantities = [
        f for f in claim.figures.values() if f.reading and f.reading.kind not in TIME_LABELS
    ]
    if not claim.checks and len(figures) == len(quantities):
        return  # Nothing of the claim is checked at all: FC302 reports it once.
    lang = context.language(claim)
    for figure in figures:
        shown = format_reading(figure.reading, lang) if figure.reading else figure.value_text
        yield RuleResult(
            Outcome.FAIL,
            figure.location,
            f"figure {figure.name!r} ({shown}) is used by no check: it is checked against its "
            "quote only. Name it in a check of this claim, or of another as "
            f"{claim.id}.{figure.name}, or remove it",
        )
