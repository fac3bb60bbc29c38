"""Passages of a source text: where a quote stands, the passage closest to a quote that does
not, and the clause or sentence around a figure.

Quotes are looked up the way rule FC001 looks them up (typography and whitespace
normalised, see :mod:`factcheck.textnorm`), but every answer is given as character offsets
into the original text, so it can be highlighted there and turned into a line number.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcheck.textnorm import normalise, normalise_with_offsets

#: Words shorter than this are not worth a fuzzy match: any text holds something like them.
MIN_FUZZY_LENGTH = 4
#: A passage less alike than this (in percent) is no help as a suggestion. The cut-off also
#: lets the fuzzy search skip most of a long text.
MIN_ALIKE = 60
#: A longer quote is aligned by its first characters only: the fuzzy search's time grows
#: with the quote's length times the text's, and a quote's start finds its place.
MAX_FUZZY_NEEDLE = 200

# Abbreviations whose full stop does not end a sentence ("sog. Ankommens-Treffpunkte").
_ABBREVIATIONS = frozenset(
    str.split(
        "sog ca bzw vgl usw etc inkl ggf evtl zzgl abs nr mio mrd tsd dr prof st "
        "e.g i.e mr mrs ms no vs approx"
    )
)
_LOOK = 12  # characters looked at around a full stop: enough for any abbreviation
_QUOTE_MARKS = "\"'„“”‚‘’«»‹›"
_SENTENCE_END = re.compile(r"[.!?…]\s+(?=\S)")
_STRONG = re.compile(r"[.!?…]|\n[ \t\u00a0]*\n|•")
_MEDIUM = re.compile(r"[;:]")
_WEAK = re.compile(r",")


@dataclass(frozen=True)
class Passage:
    """A stretch of a source text: its offsets, its text, and how alike it is to what was
    looked for (100 for an exact match)."""

    start: int
    end: int
    text: str
    score: float = 100.0


@dataclass(frozen=True)
class QuoteIndex:
    """A source text normalised once, for looking many quotes up in it."""

    text: str
    normalised: str
    offsets: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> QuoteIndex:
        """Normalise ``text`` and keep where each character came from."""
        normalised, offsets = normalise_with_offsets(text)
        return cls(text, normalised, offsets)

    def find(self, quote: str) -> list[Passage]:
        """Every place where ``quote`` stands in the text (normalised as FC001 does)."""
        needle = normalise(quote)
        if not needle:
            return []
        found = []
        at = self.normalised.find(needle)
        while at != -1:
            start, end = self.offsets[at], self.offsets[at + len(needle) - 1] + 1
            found.append(Passage(start, end, self.text[start:end]))
            at = self.normalised.find(needle, at + 1)
        return found


def find_quote(source_text: str, quote: str) -> list[Passage]:
    """Every place where ``quote`` stands in ``source_text`` (normalised as FC001 does)."""
    return QuoteIndex.of(source_text).find(quote)


def closest_passage(source_text: str, quote: str) -> Passage | None:
    """The passage of ``source_text`` most like ``quote``, widened to whole words; None when
    nothing in the text is alike at all.

    rapidfuzz's ``partial_ratio_alignment`` slides the quote over the text and returns the
    best-aligned stretch with its offsets, in C; difflib would need a window loop in Python.
    A quote longer than :data:`MAX_FUZZY_NEEDLE` is aligned by its start and the passage
    runs on for the quote's length, so no quote, however long, makes the search slow.
    """
    from rapidfuzz import fuzz

    needle = normalise(quote)
    haystack, offsets = normalise_with_offsets(source_text)
    if len(needle) < MIN_FUZZY_LENGTH or not haystack:
        return None
    if len(needle) > len(haystack):
        return Passage(offsets[0], offsets[-1] + 1, source_text[offsets[0] : offsets[-1] + 1], 0)
    alignment = fuzz.partial_ratio_alignment(
        needle[:MAX_FUZZY_NEEDLE], haystack, score_cutoff=MIN_ALIKE
    )
    if alignment is None:
        return None
    lo, hi, score = alignment.dest_start, alignment.dest_end, alignment.score
    if len(needle) > MAX_FUZZY_NEEDLE:
        hi = min(len(haystack), lo + len(needle))
        score = fuzz.ratio(needle, haystack[lo:hi])
        if score < MIN_ALIKE:
            return None
    lo, hi = _best_words(needle, haystack, lo, hi)
    start, end = offsets[lo], offsets[hi - 1] + 1
    return Passage(start, end, source_text[start:end], round(score, 1))


def _best_words(needle: str, haystack: str, lo: int, hi: int) -> tuple[int, int]:
    """The alignment window ``haystack[lo:hi]`` widened to whole words and kept within one
    sentence: the window is as long as the quote, so a quote that runs on past the end of
    what the source says ("bereitgestellt" for "bereit.") would drag the next sentence in.
    A quote that itself spans sentences keeps the whole window."""
    from rapidfuzz import fuzz

    while lo > 0 and not haystack[lo - 1].isspace():
        lo -= 1
    while hi < len(haystack) and not haystack[hi].isspace():
        hi += 1
    pieces = [(lo, hi)]
    if not _SENTENCE_END.search(needle):
        cuts = [m.span() for m in _SENTENCE_END.finditer(haystack, lo, hi)]
        starts = [lo] + [end for _, end in cuts]
        ends = [start for start, _ in cuts] + [hi]
        pieces = list(zip(starts, ends, strict=True))
    trimmed = []
    for start, end in pieces:
        while end > start + 1 and haystack[end - 1] in ".,;:!?" + _QUOTE_MARKS:
            end -= 1  # the passage is quoted back: a full stop is not part of it
        trimmed.append((start, end))
    return max(trimmed, key=lambda piece: fuzz.ratio(needle, haystack[piece[0] : piece[1]]))


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


@dataclass(frozen=True)
class Lines:
    """Line starts of one text, for many offset-to-line look-ups in logarithmic time."""

    starts: list[int]

    @classmethod
    def of(cls, text: str) -> Lines:
        """Index the line starts of ``text``."""
        return cls([0] + [m.end() for m in re.finditer("\n", text)])

    def line_and_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of a character offset."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def _inside(at: int, protected: list[tuple[int, int]]) -> bool:
    """Whether ``at`` falls in one of the sorted, disjoint ``protected`` spans."""
    index = bisect.bisect_right(protected, (at, float("inf"))) - 1
    return index >= 0 and protected[index][0] <= at < protected[index][1]


def _is_boundary(text: str, match: re.Match[str], protected: list[tuple[int, int]]) -> bool:
    at = match.start()
    if _inside(at, protected):
        return False
    char = match.group(0)
    before = text[at - 1] if at else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if char in ".,:" and before.isdigit() and after.isdigit():
        return False  # 5.000, 13,4, 12:30 outside any figure found
    if char == ".":
        # Only a short stretch either side matters; slicing the whole text here would make
        # segmenting quadratic in the text's length.
        word = re.search(r"[\w.]*$", text[max(0, at - _LOOK) : at])
        if word and word.group(0).lower().strip(".") in _ABBREVIATIONS:
            return False
        rest = text[at + 1 : at + 1 + _LOOK].lstrip(" \t\u00a0" + _QUOTE_MARKS)
        if rest[:1].islower():
            return False
    return True


def _boundaries(
    text: str, pattern: re.Pattern[str], protected: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text) if _is_boundary(text, m, protected)]


@dataclass(frozen=True)
class Segmenter:
    """Clause and sentence boundaries of one text, found once and asked many times.

    ``protected`` spans (the figures found in the text) never hold a boundary, so the full
    stop of "50." or the comma of "13,4" does not cut a clause.
    """

    text: str
    sentence_marks: list[tuple[int, int]]
    stop_marks: list[tuple[int, int]]
    clause_marks: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str, protected: list[tuple[int, int]]) -> Segmenter:
        """Find the boundaries of ``text``."""
        protected = sorted(protected)
        strong = _boundaries(text, _STRONG, protected)
        stops = sorted(strong + _boundaries(text, _MEDIUM, protected))
        clauses = sorted(stops + _boundaries(text, _WEAK, protected))
        return cls(text, strong, stops, clauses)

    def _between(self, start: int, end: int, marks: list[tuple[int, int]]) -> tuple[int, int]:
        """The stretch between the last mark ending by ``start`` and the first from ``end``;
        marks are sorted and disjoint, so both are found by bisection."""
        before = bisect.bisect_right(marks, (start, start)) - 1
        while before >= 0 and marks[before][1] > start:
            before -= 1
        after = bisect.bisect_left(marks, (end, -1))
        lo = marks[before][1] if before >= 0 else 0
        hi = marks[after][0] if after < len(marks) else len(self.text)
        return lo, hi

    def _trimmed(self, lo: int, hi: int) -> Passage:
        strip = " \t\r\n\u00a0" + _QUOTE_MARKS
        while lo < hi and self.text[lo] in strip:
            lo += 1
        while hi > lo and self.text[hi - 1] in strip:
            hi -= 1
        return Passage(lo, hi, " ".join(self.text[lo:hi].split()))

    def sentence(self, start: int, end: int) -> Passage:
        """The sentence (or list item, or heading) around ``text[start:end]``."""
        return self._trimmed(*self._between(start, end, self.sentence_marks))

    def clause(self, start: int, end: int, min_words: int = 4) -> Passage:
        """The clause around ``text[start:end]``: cut at sentence ends, ';', ':' and ','.

        A clause of fewer than ``min_words`` words ("In 2016") says too little to be a quote,
        so it is widened over commas to the ';', ':' or sentence end around it.
        """
        clause = self._trimmed(*self._between(start, end, self.clause_marks))
        if len(clause.text.split()) < min_words:
            clause = self._trimmed(*self._between(start, end, self.stop_marks))
        return clause
