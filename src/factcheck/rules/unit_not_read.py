"""A figure's value names a unit factcheck cannot read.

What it checks:
    factcheck reads euros, dollars, pounds sterling, percent and percentage points
    (docs/figures.md). A word after a number that is none of these is read as what the
    figure counts ("über 5.000 Kinder"), which is right for things and wrong for units: "20
    Mio. CHF" would be twenty million of something called CHF, and a check would compare it
    as a plain number. This rule reports a value whose counted word is a three-letter
    currency code, a listed measure or currency factcheck does not convert (km, t, kWh,
    Franken, Yen ...), or a near miss of a unit it reads ("Euronen"). The finding is a
    warning about the record and does not change the claim's verdict; the value is still
    read, so checks run, but their result for that figure deserves a second look.

Why it matters:
    A unit that is silently dropped makes 20 Mio. Swiss francs equal to 20 Mio. euros and
    lets a misspelt "Euronen" escape every check that converts units.

Example:
    Passes: "Euro" is a unit factcheck reads.

    ```yaml
    figures:
      budget: {quote: "20 Millionen Euro investiert", value: "20 Mio. Euro"}
    ```

    Fails: "CHF" is read as what the figure counts, not as a currency.

    ```yaml
    figures:
      budget: {quote: "20 Millionen Euro investiert", value: "20 Mio. CHF"}
    ```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.context import Context
from factcheck.model import Claim, Outcome, RuleResult
from factcheck.units import unread_unit

CODE = "FC303"
NAME = "unit-not-read"
LEVEL = "warning"
CHECK = None
ABOUT_THE_RECORD = True


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def evaluate(claim: Claim, context: Context, options: Options) -> Iterator[RuleResult]:
    """Report each figure whose value ends in a unit factcheck does not read."""
    for figure in claim.figures.values():
        reading = figure.reading
        if reading is None or not reading.counted:
            continue
        why = unread_unit(reading.counted)
        if why is None:
            continue
        number = reading.text[: len(reading.text) - len(reading.counted)].strip()
        yield RuleResult(
            Outcome.FAIL,
            figure.value_location,
            f"figure {figure.name!r}: {why}, which factcheck does not read; "
            f"{figure.value_text!r} is read as {number} with no unit, counting "
            f"{reading.counted!r}, so checks compare it as a plain number. Units factcheck "
            "reads: € EUR Euro, $ USD Dollar, £ GBP, % Prozent, Prozentpunkte",
        )
