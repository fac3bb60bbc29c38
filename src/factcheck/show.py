"""One claim, all of it on one screen: ``factcheck show CLAIM-ID``.

The claim's text, each figure as the interval the tool reads it as, each check and
provenance finding with its outcome, and the source passage with every quote highlighted.
On a terminal the quotes are in reverse video; everywhere they are also marked »like
this«, so the highlight survives a pipe, a log or a copy into an issue.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from factcheck.interval import Interval
from factcheck.model import ClaimResult, Outcome, Report
from factcheck.numbers import Reader, Reading
from factcheck.passages import Segmenter, find_quote, line_and_column

if TYPE_CHECKING:
    from rich.console import Console

OPEN_MARK, CLOSE_MARK = "»", "«"


@dataclass(frozen=True)
class Highlighted:
    """A sentence of the source with the offsets (relative to it) of the quotes in it."""

    line: int
    text: str
    marks: tuple[tuple[int, int], ...]


def format_interval(reading: Reading, lang: str) -> str:
    """The interval a figure stands for, in the figure's scale and unit: [13,35; 13,45] Mio. €.

    Brackets show closed ends, parentheses open ones; ';' separates the ends because ','
    is the decimal mark in German.
    """
    from factcheck.notation import format_number, scale_label, unit_label

    if reading.date:
        return reading.date  # "--02-12": a day of the year, not a number to show as one
    interval: Interval = reading.interval

    def end(value: Decimal) -> str:
        if not value.is_finite():
            return "∞" if value > 0 else "−∞"
        if reading.kind in ("year", "date", "ordinal"):
            return format(value.normalize(), "f")  # 2016, not 2.016
        return format_number(value / reading.scale, lang)

    left = "(" if interval.lo_open else "["
    right = ")" if interval.hi_open else "]"
    unit = " ".join(p for p in (scale_label(reading.scale, lang), unit_label(reading.unit)) if p)
    text = f"{left}{end(interval.lo)}; {end(interval.hi)}{right}"
    return f"{text} {unit}" if unit else text


def passages(result: ClaimResult, reader: Reader | None = None) -> list[Highlighted]:
    """The sentences of the source that hold the claim's quotes, each quote marked; the
    figures ``reader`` finds are never split at a sentence boundary."""
    source = result.source
    if source is None:
        return []
    claim = result.claim
    quotes = [f.quote for f in claim.figures.values()]
    if claim.quote:
        quotes.insert(0, claim.quote)
    spans = sorted({(p.start, p.end) for q in quotes for p in find_quote(source.text, q)[:1]})
    if not spans:
        return []
    figures = [(f.start, f.end) for f in (reader or Reader()).find(source.text, source.language)]
    segmenter = Segmenter.of(source.text, figures)
    sentences: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for start, end in spans:
        first, last = segmenter.sentence(start, start + 1), segmenter.sentence(end - 1, end)
        sentences.setdefault((first.start, max(last.end, end)), []).append((start, end))
    shown = []
    for (lo, hi), marks in sorted(sentences.items()):
        merged: list[tuple[int, int]] = []
        for start, end in sorted(marks):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        line, _ = line_and_column(source.text, lo)
        shown.append(
            Highlighted(line, source.text[lo:hi], tuple((s - lo, e - lo) for s, e in merged))
        )
    return shown


def _marked(passage: Highlighted) -> str:
    from rich.markup import escape

    pieces, at = [], 0
    for start, end in passage.marks:
        pieces.append(escape(passage.text[at:start]))
        pieces.append(f"[reverse]{OPEN_MARK}{escape(passage.text[start:end])}{CLOSE_MARK}[/]")
        at = end
    pieces.append(escape(passage.text[at:]))
    return " ".join("".join(pieces).split())


def render(report: Report, claim_id: str, console: Console, reader: Reader | None = None) -> None:
    """Print everything about one claim of ``report`` on a rich console; ``reader`` is the
    one the report's figures were read with."""
    from rich.markup import escape

    from factcheck.reporters.terminal import finding_text

    result = next(r for r in report.results if r.claim.id == claim_id)
    claim, source = result.claim, result.source
    lang = source.language if source else "de"
    print_ = console.print
    print_(f"[bold]{escape(claim.id)}[/] {result.verdict.value}  [dim]{claim.location.path}[/]")
    print_(f"  [italic]{escape(claim.text)}[/]")
    if source:
        print_(f"  source: {escape(source.slug)} — {escape(source.title)}")
    problems = [p for p in report.problems if p.location.path == claim.location.path]
    if problems:
        print_("\n[bold]Problems[/]")
        for problem in problems:
            print_(f"  [bold red]error[/] {escape(str(problem))}")
    if claim.figures:
        print_("\n[bold]Figures[/] (value as read, and the interval it stands for)")
        width = max(len(name) for name in claim.figures)
        values = max(len(figure.value_text) for figure in claim.figures.values())
        for name, figure in claim.figures.items():
            reading = figure.reading
            interval = format_interval(reading, lang) if reading else "cannot be read"
            print_(
                f"  {escape(name.ljust(width))}  {escape(figure.value_text.ljust(values))}  "
                f"{escape(interval)}  [dim]({reading.kind if reading else '?'})[/]"
            )
    checks = [f for f in result.findings if f.consistency]
    print_("\n[bold]Checks[/]")
    if checks:
        for finding in checks:
            print_(finding_text(finding))
    else:
        print_("  none: no rule can check this claim (not checkable, never passed)")
    provenance = [f for f in result.findings if not f.consistency]
    if provenance:
        print_("\n[bold]Provenance[/]")
        for finding in provenance:
            print_(finding_text(finding))
    shown = passages(result, reader)
    if shown and source:
        print_(f"\n[bold]Source passage[/] ({escape(source.text_file.name)}, quotes marked)")
        for passage in shown:
            print_(f"  [dim]line {passage.line}:[/] {_marked(passage)}")


def exit_code(report: Report, claim_id: str) -> int:
    """2 when the claim's file has input problems, 1 when one of its checks fails (and no
    suppression accepts it), else 0."""
    result = next(r for r in report.results if r.claim.id == claim_id)
    if any(p.location.path == result.claim.location.path for p in report.problems):
        return 2
    failed = [f for f in result.findings if f.outcome is Outcome.FAIL and f.suppressed is None]
    return 1 if failed else 0
