"""A suppression suppresses nothing.

What it checks:
    A claim, a figure or a check may hold a ``suppress`` list: each entry names a rule (by
    code or name) and gives the ``reason`` its failure does not apply there. A failure or
    warning of that rule inside the entry's scope (the figure, the check, or the whole
    claim) is then reported as suppressed, with the reason, and neither fails the run nor
    counts as failed. This rule reports every suppression under which the rule it names ran
    and found nothing to suppress: nothing there failed or warned. A suppression whose rule
    is turned off in the configuration, or whose check could not be evaluated, is not
    reported, since nobody can tell whether it is still needed.

Why it matters:
    A suppression outlives its cause: the figure is corrected, the quote fixed, and the
    suppression stays, ready to hide the next real error at the same place. Reporting it as
    soon as it suppresses nothing keeps every suppression in the corpus one that a reader
    can check against its reason.

Example:
    Passes: the quote is from the corrected release, which the archived text predates, and
    the suppression accepts the FC001 failure this causes.

    ```yaml
    figures:
      total:
        quote: "Hierfür wurden 13,4 Millionen Euro bereitgestellt"
        value: "13,4 Mio. €"
        suppress:
          - rule: quote-not-in-source
            reason: "Quoted from the corrected release; the archive holds the first version."
    ```

    Fails: the quote now stands in the archived text, and the suppression suppresses nothing.

    ```yaml
    figures:
      total:
        quote: "Hierfür wurden 13,4 Millionen Euro veranschlagt"
        value: "13,4 Mio. €"
        suppress:
          - rule: quote-not-in-source
            reason: "Quoted from the corrected release; the archive holds the first version."
    ```
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from factcheck.model import Claim, Outcome, RuleResult, SuppressionUse
from factcheck.rules import AFTER_SUPPRESSIONS

CODE = "FC901"
NAME = "unused-suppression"
LEVEL = "warning"
CHECK = None
PHASE = AFTER_SUPPRESSIONS


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def evaluate(
    claim: Claim, uses: Iterable[SuppressionUse], options: Options
) -> Iterator[RuleResult]:
    """Report each suppression of the claim that suppressed nothing."""
    for use in uses:
        if use.state != "unused":
            continue
        suppression = use.suppression
        yield RuleResult(
            Outcome.FAIL,
            suppression.location,
            f"the suppression of {suppression.rule} on {suppression.target} suppresses nothing: no "
            f"{use.code} finding there fails or warns; remove it (its reason was "
            f"{suppression.reason!r})",
        )
