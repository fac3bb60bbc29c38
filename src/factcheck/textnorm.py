"""Normalising text so a quote is found in its source whatever the typography.

Press releases pasted from the web mix typographic quotes, dashes, no-break spaces and
line breaks; an editor types plain ones. Both sides are normalised the same way before a
quote is looked up.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TRANSLATION = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2212": "-",  # minus sign
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u00ad": None,  # soft hyphen
    }
)
# str.translate looks every character up in the table, which costs microseconds per quote
# and a large part of a second for a long source text; every character it maps is outside
# ASCII and maps to ASCII or to nothing, so replacing the ones a text holds, each in one
# pass in C, gives the same text, and an ASCII text needs nothing at all. Splitting on
# whitespace and joining with single spaces collapses runs as a regular expression would,
# several times faster.
_REPLACEMENTS = tuple((chr(code), plain or "") for code, plain in _TRANSLATION.items())


def normalise(text: str) -> str:
    """Map typographic variants to plain ones and collapse every run of whitespace."""
    if not text.isascii():
        for variant, plain in _REPLACEMENTS:
            if variant in text:
                text = text.replace(variant, plain)
    return " ".join(text.split())


def contains_quote(source_text: str, quote: str, ignore_case: bool = False) -> bool:
    """Whether ``quote`` stands in ``source_text`` once both are normalised (and, with
    ``ignore_case``, case-folded)."""
    if ignore_case:
        return normalise(quote).casefold() in _normalised_source(source_text).casefold()
    return normalise(quote) in _normalised_source(source_text)


# A source's claims are checked one after another, each with several quotes: normalising
# the whole text once per source instead of once per quote takes a corpus's run from
# minutes to seconds. A few entries suffice, since claims come sorted by source.
@lru_cache(maxsize=8)
def _normalised_source(source_text: str) -> str:
    return normalise(source_text)


# A run of whitespace, or a run of characters that are neither whitespace nor soft hyphens
# (soft hyphens match neither, so the search steps over them: they are dropped).
_RUNS = re.compile(r"(\s+)|[^\s\u00ad]+")


@lru_cache(maxsize=8)
def normalise_with_offsets(text: str) -> tuple[str, tuple[int, ...]]:
    """``normalise(text)`` and, for each of its characters, the offset it came from in
    ``text``, so a match in the normalised text can be shown in the original.

    It works a run of characters at a time, not a character at a time, so a source text of
    a million characters takes a fraction of a second; and it is kept for the last few texts,
    as every quote of a claim is looked up in the same source.
    """
    chars: list[str] = []
    offsets: list[int] = []
    space_at: int | None = None
    for run in _RUNS.finditer(text):
        if run.group(1) is not None:
            if chars and space_at is None:
                space_at = run.start()
            continue
        if space_at is not None:
            chars.append(" ")
            offsets.append(space_at)
            space_at = None
        # Every mapping but the soft hyphen's is one character to one, and no character
        # outside a whitespace run maps to whitespace, so offsets follow the run.
        chars.append(run.group().translate(_TRANSLATION))
        offsets.extend(range(run.start(), run.end()))
    return "".join(chars), tuple(offsets)
