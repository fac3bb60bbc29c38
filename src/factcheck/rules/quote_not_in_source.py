"""A figure's quote does not stand in the archived source text.

What it checks:
    Every figure's ``quote`` (and the claim's own ``quote``) must be found in the source's
    archived text. Whitespace, line breaks, no-break spaces, dashes and typographic quotes
    are normalised on both sides first, so "KOMM–AN" matches "KOMM-AN". A failure shows the
    passage of the source most like the quote (by fuzzy matching), with its line, so a typo
    can be fixed by copying the passage.

Why it matters:
    A figure whose quote is not in the source cannot be traced to what the release said.
    A typo in a quote, or a quote from another release, makes every check built on the
    figure meaningless.

Example:
    Passes when the quote stands in the source:

    ```yaml
    figures:
      total: {quote: "Hierfür wurden 13,4 Millionen Euro veranschlagt", value: "13,4 Mio. €"}
    ```

    Fails when it does not (the release says "veranschlagt"):

    ```yaml
    figures:
      total: {quote: "Hierfür wurden 13,4 Millionen Euro ausgegeben", value: "13,4 Mio. €"}
    ```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from factcheck.context import Context
from factcheck.model import Claim, Outcome, RuleResult
from factcheck.textnorm import contains_quote

CODE = "FC001"
NAME = "quote-not-in-source"
LEVEL = "error"
CHECK = None


@dataclass(frozen=True)
class Options:
    """How quotes are looked up."""

    ignore_case: bool = field(
        default=False,
        metadata={
            "help": "Find a quote whatever the case of its letters, for quotes that start "
            "in the middle of a sentence ('hierfür wurden' for 'Hierfür wurden')."
        },
    )


def evaluate(claim: Claim, context: Context, options: Options) -> Iterator[RuleResult]:
    """Look up each quote of the claim in its source's text."""
    source = context.source(claim)
    quotes = [(f"figure {f.name!r}", f.quote, f.quote_location) for f in claim.figures.values()]
    if claim.quote:
        quotes.insert(0, ("the claim", claim.quote, claim.location))
    for what, quote, location in quotes:
        if source is None:
            yield RuleResult(
                Outcome.NOT_EVALUATED,
                location,
                f"{what}: the source is unknown, quote not looked up",
            )
        elif contains_quote(source.text, quote, options.ignore_case):
            yield RuleResult(Outcome.PASS, location, f"{what}: quote found in the source")
        else:
            yield RuleResult(
                Outcome.FAIL,
                location,
                f"{what}: the quote {quote!r} is not in the source text "
                f"{source.text_file.name}{_closest(source.text, quote, source.text_file.name)}",
            )


def _closest(text: str, quote: str, file_name: str) -> str:
    """Where the source says something close to the quote, as a way forward."""
    from factcheck.passages import closest_passage, line_and_column

    passage = closest_passage(text, quote)
    if passage is None:
        return "; nothing in it is alike: copy the quote from the source text"
    line, column = line_and_column(text, passage.start)
    return (
        f"; the closest passage, at {file_name}:{line}:{column} ({passage.score:.0f} % alike), "
        f"is {' '.join(passage.text.split())!r}: copy it as it stands"
    )
