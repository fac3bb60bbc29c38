"""The data model: frozen records from claim files in, a Report out.

Data flows one way: files -> load -> model -> engine (rules) -> Report -> reporter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.records import by_fields, quick_init

if TYPE_CHECKING:
    from factcheck.numbers import Reading


@quick_init
@dataclass(frozen=True, order=True, slots=True)
class Location:
    """A place in a file: 1-based line and column."""

    __reduce__ = by_fields

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        path = _LINE_BREAKING.sub(_escaped, self.path)
        if not self.line:
            return path
        return f"{path}:{self.line}:{self.column}"


#: Characters a file name may hold that would break a one-line message or act on a terminal:
#: control characters and Unicode's line and paragraph separators.
_LINE_BREAKING = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escaped(match: re.Match[str]) -> str:
    """A character as Python writes it escaped: a line feed as ``\\n``."""
    return match.group().encode("unicode_escape").decode("ascii")


@dataclass(frozen=True, slots=True)
class Source:
    """A source document: its metadata and the archived text the quotes are checked against."""

    __reduce__ = by_fields

    slug: str
    title: str
    publisher: str
    language: str
    text_file: Path
    text: str
    location: Location
    url: str | None = None
    published: str | None = None
    author: str | None = None


@quick_init
@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a claim: the quote it stands in and its value as the editor wrote it."""

    __reduce__ = by_fields

    name: str
    quote: str
    value_text: str
    reading: Reading | None
    location: Location
    quote_location: Location
    value_location: Location


@quick_init
@dataclass(frozen=True, slots=True)
class Check:
    """One relation between figures, as written in the claim's ``checks`` list."""

    __reduce__ = by_fields

    kind: str
    params: dict[str, Any]
    location: Location
    param_locations: dict[str, Location] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Suppression:
    """A finding the editor has reviewed and accepts, with the reason why.

    ``rule`` is the code or name as written; ``scope`` holds the locations a finding must
    stand at to be suppressed (a figure's or a check's), and is empty for a suppression of
    the whole claim.
    """

    __reduce__ = by_fields

    rule: str
    reason: str
    location: Location
    rule_location: Location
    scope: tuple[Location, ...] = ()
    #: What the suppression is attached to, for messages: "the claim", "figure 'total'".
    target: str = "the claim"

    def covers(self, location: Location) -> bool:
        """Whether a finding at ``location`` is in the suppression's scope."""
        return not self.scope or location in self.scope


@quick_init
@dataclass(frozen=True, slots=True)
class Claim:
    """One claim of a source: what it says, the figures it states, the checks that relate them."""

    __reduce__ = by_fields

    id: str
    source_slug: str
    text: str
    figures: dict[str, Figure]
    checks: tuple[Check, ...]
    location: Location
    quote: str | None = None
    note: str | None = None
    suppressions: tuple[Suppression, ...] = ()


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a reference fact is stated: a law, a statistics office's table, a ministry's
    release; ``quote`` is the passage that states the fact, when one does."""

    __reduce__ = by_fields

    title: str
    publisher: str
    url: str | None = None
    published: str | None = None
    quote: str | None = None

    def __str__(self) -> str:
        parts = [self.publisher, self.title]
        if self.published:
            parts.append(self.published)
        return ", ".join(parts) + (f" <{self.url}>" if self.url else "")


@dataclass(frozen=True, slots=True)
class Reference:
    """A fact from a primary source, usable as ``ref:name`` in checks.

    ``level`` is the level of a finding that disagrees with the fact, when the fact sets
    one: a count whose answer depends on a convention may set ``warning``. ``note`` says
    what a reader should know about the fact, such as how another count comes about.
    """

    __reduce__ = by_fields

    name: str
    value_text: str
    reading: Reading | None
    description: str
    sources: tuple[Citation, ...]
    location: Location
    level: str | None = None
    note: str | None = None
    value_location: Location | None = None


class Outcome(Enum):
    """What a check came to. ``NOT_EVALUATED`` is never a pass."""

    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"
    NOT_EVALUATED = "not evaluated"


class Verdict(Enum):
    """What a claim as a whole came to."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    GROSSLY_INCONSISTENT = "grossly inconsistent"
    WARNING = "warning"
    NOT_EVALUATED = "not evaluated"
    NOT_CHECKABLE = "not checkable by rules"


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a total, for the stacked bar a report draws: its name, its value in the
    total's unit base, and the value as the report writes it ("7,7 Mio. €")."""

    __reduce__ = by_fields

    name: str
    value: Decimal
    text: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """A value and the interval rounding allows around it, for an interval bar: ``lo`` and
    ``hi`` may be infinite ("über 5.000"); ``text`` is the value and ``range_text`` the
    interval as the report writes them ("13,4 Mio. €", "13,35 – 13,45 Mio. €")."""

    __reduce__ = by_fields

    label: str
    value: Decimal
    lo: Decimal
    hi: Decimal
    text: str = ""
    range_text: str = ""


@dataclass(frozen=True, slots=True)
class Numbers:
    """The arithmetic behind a finding, in the unit's base (for example euros, not millions).

    The optional picture fields let a report draw the finding (docs/html-report.md):
    ``parts`` a stacked bar of the parts against ``stated``; ``intervals`` interval bars on
    one axis; ``share`` (a fraction of 1, with ``part`` of ``whole``) a filled bar with
    ``threshold`` (a fraction of 1) marked.
    """

    __reduce__ = by_fields

    stated: Decimal | None = None
    computed: Decimal | None = None
    tolerance: Decimal | None = None
    difference: Decimal | None = None
    unit: str | None = None
    nearest: dict[str, Decimal] = field(default_factory=dict)
    parts: tuple[Part, ...] = ()
    intervals: tuple[Span, ...] = ()
    part: Decimal | None = None
    whole: Decimal | None = None
    share: Decimal | None = None
    threshold: Decimal | None = None


#: The arithmetic of a finding that has none (a quote found, a value as quoted): one shared
#: record, since most findings of a corpus are of that kind and each would otherwise carry
#: an empty one of its own.
NO_NUMBERS = Numbers()


@quick_init
@dataclass(frozen=True, slots=True)
class Finding:
    """The result of one rule on one check or figure, stamped with its level by the engine."""

    __reduce__ = by_fields

    code: str
    rule: str
    outcome: Outcome
    claim_id: str
    location: Location
    message: str
    gross: bool = False
    level: str = "error"
    arithmetic: str | None = None
    numbers: Numbers = NO_NUMBERS
    consistency: bool = True
    #: The reason of the suppression that accepts this failure or warning, if one does; a
    #: suppressed finding keeps its outcome but neither fails the run nor counts as failed.
    suppressed: str | None = None
    #: What a reader needs to weigh the finding beyond its one-line message, a paragraph
    #: each: the reference facts with their sources, a note on how they count.
    details: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SuppressionUse:
    """What a suppression came to in a run: ``used`` (it suppressed a failure or warning),
    ``unused`` (its rule ran on its scope and nothing there failed or warned), or
    ``unknown`` (its rule did not run there, or could not tell)."""

    __reduce__ = by_fields

    suppression: Suppression
    code: str
    state: str


@dataclass(frozen=True, slots=True)
class InputProblem:
    """Input that could not be used: a file, a line, and what was expected; ``code`` names
    the rule when one is about this kind of problem."""

    __reduce__ = by_fields

    location: Location
    message: str
    #: The rule that names this kind of problem, when one does ("FC304" for an unknown
    #: figure name), so a report can show it and link its documentation.
    code: str | None = None

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@quick_init
@dataclass(frozen=True, slots=True)
class ClaimResult:
    """A claim with its findings and its verdict."""

    __reduce__ = by_fields

    claim: Claim
    source: Source | None
    findings: tuple[Finding, ...]
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over a whole report."""

    __reduce__ = by_fields

    claims: int
    passed: int
    failed: int
    warned: int
    not_evaluated: int
    not_checkable: int
    input_problems: int
    #: Failures and warnings a suppression accepts; they are not counted as failed or warned.
    suppressed: int = 0


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a reporter may show; reporters read it and compute nothing."""

    __reduce__ = by_fields

    #: In report order; a tuple, or for ``verify`` a sequence read from disk one result at
    #: a time (:class:`factcheck.store.StoredResults`): iterate it, do not hold it.
    results: Sequence[ClaimResult]
    problems: tuple[InputProblem, ...]
    summary: Summary
    tool_version: str
    generated: str
    settings: dict[str, Any] = field(default_factory=dict)


@quick_init
@dataclass(frozen=True, slots=True)
class RuleResult:
    """What a rule yields: an outcome and its explanation, before the engine stamps the
    rule's code, name and level on it."""

    __reduce__ = by_fields

    outcome: Outcome
    location: Location
    message: str
    gross: bool = False
    arithmetic: str | None = None
    numbers: Numbers = NO_NUMBERS
    #: The level this finding is reported at, when the data it is judged against sets one
    #: (a reference fact's ``level``); the configuration's level for the rule comes first.
    level: str | None = None
    #: Paragraphs a reader needs beyond the message (see ``Finding.details``).
    details: tuple[str, ...] = ()
