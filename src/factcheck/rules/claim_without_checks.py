"""A claim records figures but no check relates them.

What it checks:
    A claim that records figures (quantities, not only years or dates) and has no check,
    while no check of another claim names one of its figures either, is reported once: no
    rule can tell whether its figures hold, so it is reported as "not checkable by rules",
    never as passed. When a release gives nothing to relate a figure to, say so with a
    suppression and its reason; the warning then stays in the report as accepted. The
    finding is about the record: it never changes the claim's verdict.

Why it matters:
    Recording a claim's figures is half the work; the checks are the other half. A claim
    left without checks looks, in a long report, like one that was examined, and a
    suppression with a reason tells the next reader it was.

Example:
    Passes: the claim's figure is related to the release's other figures.

    ```yaml
    figures:
      total: {quote: "13,4 Millionen Euro", value: "13,4 Mio. €"}
    checks:
      - compare: "komm-an-budget.ki_personal <= total"
    ```

    Fails: "rund 21.000" is recorded and nothing relates it.

    ```yaml
    figures:
      plaetze: {quote: "rund 21.000 Plätze", value: "rund 21.000"}
    ```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.context import Context
from factcheck.model import Claim, Outcome, RuleResult
from factcheck.notation import format_reading
from factcheck.rules.unused_figure import TIME_LABELS, unused

CODE = "FC302"
NAME = "claim-without-checks"
LEVEL = "warning"
CHECK = None
ABOUT_THE_RECORD = True


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def evaluate(claim: Claim, context: Context, options: Options) -> Iterator[RuleResult]:
    """Report the claim when it records quantities and nothing checks any of them."""
    if claim.checks:
        return
    quantities = [
        f for f in claim.figures.values() if f.reading and f.reading.kind not in TIME_LABELS
    ]
    if not quantities or len(unused(claim, context)) < len(quantities):
        return
    lang = context.language(claim)
    shown = ", ".join(
        f"{figure.name} {format_reading(figure.reading, lang)}"
        for figure in quantities
        if figure.reading
    )
    them = "it" if len(quantities) == 1 else "them"
    yield RuleResult(
        Outcome.FAIL,
        claim.location,
        f"the claim records {shown} but no check relates {them}, so it is not checkable by "
        "rules. Add a check, or suppress FC302 with the reason none applies",
    )
