"""Normalising text so a quote is found in its source whatever the typography.

Press releases pasted from the web mix typographic quotes, dashes, no-break spaces and
line breaks; an editor types plain ones. Both sides are normalised the same way before a
quote is looked up.
"""

from __future__ import annotations

import re

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
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Map typographic variants to plain ones and collapse every run of whitespace."""
    return _SPACE.sub(" ", text.translate(_TRANSLATION)).strip()


def contains_quote(source_text: str, quote: str) -> bool:
    """Whether ``quote`` stands in ``source_text`` once both are normalised."""
    return normalise(quote) in normalise(source_text)
