"""Quote normalisation: typographic variants mapped, whitespace runs collapsed, and the
offsets of the normalised characters in the original text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factcheck.textnorm import _TRANSLATION, contains_quote, normalise, normalise_with_offsets

# Letters, every character the table maps, and whitespace of every kind.
_ALPHABET = st.sampled_from(
    ["a", "ü", "7", ",", " ", "\n", "\t", "\u3000", "\u2028", "\x1c", *map(chr, _TRANSLATION)]
)


@given(st.text(_ALPHABET, max_size=30))
def test_normalise_maps_then_collapses_every_whitespace_run(text: str):
    expected = re.sub(r"\s+", " ", text.translate(_TRANSLATION)).strip()
    assert normalise(text) == expected


@given(st.text(_ALPHABET, max_size=40))
def test_offsets_point_at_the_characters_the_normalised_text_came_from(text: str):
    normalised, offsets = normalise_with_offsets(text)
    assert normalised == normalise(text)
    assert len(offsets) == len(normalised)
    assert list(offsets) == sorted(set(offsets))
    for char, offset in zip(normalised, offsets, strict=True):
        if char == " ":
            assert text[offset].isspace()
        else:
            assert normalise(text[offset]) == char


def test_a_quote_is_found_whatever_its_typography():
    source = "Das Programm\u00a0KOMM\u2013AN NRW ist mit\n13,4 Millionen Euro „ausgestattet“."
    assert contains_quote(source, 'KOMM-AN NRW ist mit 13,4 Millionen Euro "ausgestattet"')
    assert not contains_quote(source, "KOMM-AN NRW ist mit 13,5 Millionen Euro")
