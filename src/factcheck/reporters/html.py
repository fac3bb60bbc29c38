"""The ``html`` format: one self-contained page for people who will not read a terminal.

A summary first, then per source and claim: the verdict, each check with its arithmetic and
a picture, and every figure's quote with the source it is taken from. Pictures are inline
SVG drawn from the optional picture fields of a finding's ``Numbers`` (docs/html-report.md):

- ``parts`` with ``stated``: a stacked bar of the parts against the stated total;
- ``intervals``: interval bars on one axis, showing where each value lies and how far
  rounding lets it go;
- ``share`` (with ``threshold``, ``part`` and ``whole`` when known): a filled bar with the
  threshold marked.

The page loads nothing: no script, font, style sheet or image from anywhere, and a
Content-Security-Policy that forbids it, so it can be mailed, archived and opened offline.
Every text from a claim file is escaped. The reporter only lays out what the Report holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from html import escape
from typing import TextIO

from factcheck.model import (
    ClaimResult,
    Figure,
    Finding,
    Location,
    Numbers,
    Outcome,
    Report,
    Source,
    Span,
    Verdict,
)
from factcheck.notation import format_number
from factcheck.reporters.provenance import settings_text

#: Nothing may be loaded: styles only from the page itself, images only as data.
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

_VERDICT_CLASS = {
    Verdict.CONSISTENT: "ok",
    Verdict.INCONSISTENT: "bad",
    Verdict.GROSSLY_INCONSISTENT: "gross",
    Verdict.WARNING: "warn",
    Verdict.NOT_EVALUATED: "ne",
    Verdict.NOT_CHECKABLE: "nc",
}
_OUTCOME_CLASS = {
    Outcome.PASS: "ok",
    Outcome.FAIL: "bad",
    Outcome.WARN: "warn",
    Outcome.NOT_EVALUATED: "ne",
}
_OUTCOME_SYMBOL = {
    Outcome.PASS: "✔",
    Outcome.FAIL: "✘",
    Outcome.WARN: "!",
    Outcome.NOT_EVALUATED: "?",
}
#: Quotation marks as each language prints them.
_QUOTE_MARKS = {"de": ("„", "“"), "en": ("“", "”")}
#: Part colours, cycled; class names so print and dark mode can restyle them.
_PALETTE_SIZE = 6

# SVG geometry, in viewBox units; the SVG scales to the width of the page.
_WIDTH = 600
_BAR = 26

_STYLE = """
:root {
  --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0;
  --ok: #1a7f37; --bad: #cf222e; --gross: #82071e; --warn: #9a6700; --ne: #8250df;
  --nc: #0969da; --stated: #57606a; --track: #eaeef2;
  --p0: #0969da; --p1: #bf8700; --p2: #1a7f37; --p3: #8250df; --p4: #bc4c00; --p5: #1b7c83;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d;
    --ok: #3fb950; --bad: #f85149; --gross: #ff7b72; --warn: #d29922; --ne: #ab7df8;
    --nc: #4493f8; --stated: #9198a1; --track: #262c36;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg); line-height: 1.5;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
    "Liberation Sans", Arial, sans-serif;
}
.page { max-width: 56rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.2rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 0; overflow-wrap: anywhere; }
h4 { font-size: 0.95rem; margin: 1rem 0 0.4rem; color: var(--muted); }
p, ul, ol, dl, blockquote { margin: 0.4rem 0; }
a { color: var(--nc); }
code, .mono {
  font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", Menlo,
    Consolas, monospace;
  font-size: 0.9em; overflow-wrap: anywhere;
}
.muted { color: var(--muted); }
.provenance { font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
.headline { font-size: 1.15rem; font-weight: 600; margin: 0.8rem 0; }
.headline.ok { color: var(--ok); } .headline.bad { color: var(--bad); }
.headline.warn { color: var(--warn); }
.cards {
  display: grid; grid-template-columns: repeat(auto-fit, minmax(6.5rem, 1fr)); gap: 0.5rem;
  padding: 0; list-style: none;
}
.cards li {
  background: var(--panel); border: 1px solid var(--line); border-radius: 6px;
  padding: 0.5rem 0.7rem;
}
.cards .n { display: block; font-size: 1.5rem; font-weight: 700; }
.cards .ok .n { color: var(--ok); } .cards .bad .n { color: var(--bad); }
.cards .warn .n { color: var(--warn); } .cards .ne .n { color: var(--ne); }
.cards .nc .n { color: var(--nc); }
.toc { list-style: none; padding: 0; }
.toc li {
  display: flex; justify-content: space-between; align-items: center; gap: 0.5rem;
  flex-wrap: wrap; padding: 0.25rem 0; border-bottom: 1px dotted var(--line);
}
.toc a { overflow-wrap: anywhere; }
.badge {
  display: inline-block; border-radius: 1rem; padding: 0.05rem 0.6rem; font-size: 0.8rem;
  line-height: 1.4;
  font-weight: 600; color: #fff; white-space: nowrap; background: var(--muted);
}
.badge.ok { background: var(--ok); } .badge.bad { background: var(--bad); }
.badge.gross { background: var(--gross); } .badge.warn { background: var(--warn); }
.badge.ne { background: var(--ne); } .badge.nc { background: var(--nc); }
.problems li { color: var(--bad); overflow-wrap: anywhere; }
.source-meta { font-size: 0.9rem; color: var(--muted); overflow-wrap: anywhere; }
.claim {
  border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 6px;
  padding: 0.8rem 1rem; margin: 1rem 0; background: var(--bg);
}
.claim.ok { border-left-color: var(--ok); } .claim.bad { border-left-color: var(--bad); }
.claim.gross { border-left-color: var(--gross); } .claim.warn { border-left-color: var(--warn); }
.claim.ne { border-left-color: var(--ne); } .claim.nc { border-left-color: var(--nc); }
.claim-head { display: flex; justify-content: space-between; align-items: baseline;
  gap: 0.5rem; flex-wrap: wrap; }
.claim-text { font-size: 1.05rem; font-style: italic; }
.check { border-top: 1px solid var(--line); padding: 0.6rem 0; overflow-wrap: anywhere; }
.check .outcome { font-weight: 700; }
.outcome.ok { color: var(--ok); } .outcome.bad { color: var(--bad); }
.outcome.warn { color: var(--warn); } .outcome.ne { color: var(--ne); }
.outcome.sup { color: var(--muted); } .reason { font-style: italic; }
.details { color: var(--muted); font-size: .9em; margin: .25em 0; padding-left: 1.2em; }
.arithmetic {
  display: block; background: var(--panel); border-radius: 4px; padding: 0.3rem 0.5rem;
  margin: 0.3rem 0; font-size: 1rem;
}
.where { font-size: 0.8rem; color: var(--muted); overflow-wrap: anywhere; }
figure { margin: 0.6rem 0; }
figcaption { font-size: 0.85rem; color: var(--muted); }
.row-label { font-size: 0.9rem; margin-top: 0.3rem; overflow-wrap: anywhere; }
svg.chart { display: block; width: 100%; height: auto; max-width: 40rem; }
svg.chart text { font: 16px system-ui, "DejaVu Sans", Arial, sans-serif; fill: var(--fg); }
svg.chart text.inside { fill: #fff; font-weight: 600; }
svg.chart .track { fill: var(--track); }
svg.chart .stated { fill: var(--stated); }
svg.chart .mark { stroke: var(--fg); stroke-width: 2; stroke-dasharray: 5 3; }
svg.chart .threshold { stroke: var(--fg); stroke-width: 3; }
svg.chart .axis { stroke: var(--line); stroke-width: 2; }
svg.chart .ok { fill: var(--ok); } svg.chart .bad { fill: var(--bad); }
svg.chart .warn { fill: var(--warn); } svg.chart .ne { fill: var(--ne); }
svg.chart .dot { fill: var(--bg); stroke: var(--fg); stroke-width: 2; }
.p0 { fill: var(--p0); background: var(--p0); } .p1 { fill: var(--p1); background: var(--p1); }
.p2 { fill: var(--p2); background: var(--p2); } .p3 { fill: var(--p3); background: var(--p3); }
.p4 { fill: var(--p4); background: var(--p4); } .p5 { fill: var(--p5); background: var(--p5); }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 1rem;
  font-size: 0.9rem; }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px;
  vertical-align: -0.05rem; margin-right: 0.3rem; }
.figures { padding: 0; list-style: none; }
.figures > li { border-top: 1px dotted var(--line); padding: 0.4rem 0; }
.figure-head { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: baseline; }
.figure-head .value { font-weight: 600; }
blockquote {
  border-left: 3px solid var(--line); margin: 0.3rem 0; padding: 0.1rem 0 0.1rem 0.7rem;
}
blockquote p { margin: 0; }
blockquote footer { font-size: 0.85rem; color: var(--muted); }
footer.page-foot { margin-top: 2rem; border-top: 1px solid var(--line); padding-top: 0.5rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  .page { padding: 0.6rem; }
  .claim { padding: 0.6rem; }
  h1 { font-size: 1.35rem; }
}
@media print {
  :root {
    --fg: #000; --bg: #fff; --panel: #f3f3f3; --muted: #555; --line: #ccc; --track: #eee;
    --stated: #57606a;
  }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10pt; }
  .page { max-width: none; padding: 0; }
  .toc { columns: 2; column-gap: 2rem; font-size: 9pt; }
  .toc li { break-inside: avoid; }
  .claim, figure, .cards li { break-inside: avoid; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  a.external::after { content: " <" attr(href) ">"; font-size: 0.8em; }
}
"""


def _e(text: object) -> str:
    """Escape any text for HTML content and attribute values."""
    return escape(str(text), quote=True)


def _safe_url(url: str | None) -> str | None:
    """A URL that may become a link: only http and https, never ``javascript:`` or data."""
    if url and url.lower().startswith(("https://", "http://")):
        return url
    return None


def _coordinate(value: Decimal) -> float:
    # Layout only: a pixel position need not be exact, so floats are fine here.
    return float(value)


def _fmt(x: float) -> str:
    return f"{x:.1f}"


def _text_fits(text: str, width: float) -> bool:
    # An estimate of a bold label's width at 16px: about 9.5 units a character.
    return len(text) * 9.5 + 8 <= width


def _figure_html(kind: str, rows: list[str], caption: str, legend: str = "") -> str:
    return (
        f'<figure class="picture {kind}">{"".join(rows)}{legend}'
        f"<figcaption>{_e(caption)}</figcaption></figure>"
    )


def _row(label: str, svg_body: str, height: int = _BAR + 8) -> str:
    # Labels are HTML, not SVG text, so they stay readable when the bar shrinks on a phone.
    return (
        f'<div class="row-label">{_e(label)}</div>'
        f'<svg class="chart" viewBox="0 0 {_WIDTH} {height}" role="img" '
        f'aria-label="{_e(label)}">{svg_body}</svg>'
    )


def _stacked_bar(numbers: Numbers) -> str:
    """The parts side by side in one bar, the stated total in a bar beneath it."""
    parts = numbers.parts
    stated = numbers.stated
    if not parts or stated is None or any(part.value < 0 for part in parts) or stated < 0:
        return ""
    ends = [_coordinate(sum((p.value for p in parts), start=Decimal(0))), _coordinate(stated)]
    ends += [_coordinate(s.hi) for s in numbers.intervals if s.hi.is_finite()]
    top = max(ends)
    if top <= 0:
        return ""
    scale = (_WIDTH - 4) / top
    stated_x = 1 + _coordinate(stated) * scale
    mark = (
        f'<line class="mark" x1="{_fmt(stated_x)}" y1="0" x2="{_fmt(stated_x)}" y2="{_BAR + 8}"/>'
    )
    segments = []
    x = 1.0
    for index, part in enumerate(parts):
        width = _coordinate(part.value) * scale
        label = part.text or part.name
        segments.append(
            f'<rect class="p{index % _PALETTE_SIZE}" x="{_fmt(x)}" y="4" width="{_fmt(width)}" '
            f'height="{_BAR}"><title>{_e(part.name)}: {_e(label)}</title></rect>'
        )
        if _text_fits(label, width):
            segments.append(
                f'<text class="inside" x="{_fmt(x + 5)}" y="{_BAR - 4}">{_e(label)}</text>'
            )
        x += width
    total = (
        f'<rect class="stated" x="1" y="4" width="{_fmt(stated_x - 1)}" height="{_BAR}">'
        "<title>stated total</title></rect>"
    )
    legend = "".join(
        f'<li><span class="swatch p{i % _PALETTE_SIZE}"></span>{_e(p.name)} '
        f"<b>{_e(p.text)}</b></li>"
        for i, p in enumerate(parts)
    )
    return _figure_html(
        "stacked",
        [
            _row("the parts, one after the other", "".join(segments) + mark),
            _row("the stated total", total + mark),
        ],
        "The parts stacked in one bar, the stated total beneath; the dashed line marks the "
        "stated total.",
        f'<ul class="legend">{legend}</ul>',
    )


def _interval_bars(spans: tuple[Span, ...], outcome: Outcome) -> str:
    """Each value with the range rounding allows, on one axis, so overlap or gap shows."""
    points = [_coordinate(s.value) for s in spans if s.value.is_finite()]
    points += [_coordinate(end) for s in spans for end in (s.lo, s.hi) if end.is_finite()]
    if not points:
        return ""
    low, high = min(points), max(points)
    pad = (high - low) * 0.15 or abs(high) * 0.05 or 1.0
    low, high = low - pad, high + pad
    left, right = 12.0, _WIDTH - 12.0

    def x_of(value: Decimal) -> float:
        if not value.is_finite():
            return left if value < 0 else right
        return left + (_coordinate(value) - low) / (high - low) * (right - left)

    rows = []
    y = 14
    for index, span in enumerate(spans):
        css = _OUTCOME_CLASS[outcome] if index == 0 else "stated"
        x1, x2 = x_of(span.lo), x_of(span.hi)
        body = [
            f'<line class="axis" x1="{left}" y1="{y}" x2="{right}" y2="{y}"/>',
            f'<rect class="{css}" x="{_fmt(x1)}" y="{y - 8}" width="{_fmt(max(x2 - x1, 2))}" '
            f'height="16" rx="3"><title>{_e(span.range_text or span.text)}</title></rect>',
        ]
        if not span.lo.is_finite():
            body.append(f'<path class="{css}" d="M {left - 10} {y} l 10 -10 v 20 z"/>')
        if not span.hi.is_finite():
            body.append(f'<path class="{css}" d="M {right + 10} {y} l -10 -10 v 20 z"/>')
        if span.value.is_finite():
            body.append(f'<circle class="dot" cx="{_fmt(x_of(span.value))}" cy="{y}" r="5"/>')
        label = f"{span.label}: {span.text}"
        if span.range_text:
            label += f" (rounding allows {span.range_text})"
        rows.append(_row(label, "".join(body), 28))
    return _figure_html(
        "intervals",
        rows,
        "Each bar spans the values its rounding allows; the dot is the value as written or "
        "computed. The check holds when the bars overlap.",
    )


def _percent(fraction: Decimal, lang: str) -> str:
    number = format_number(fraction * 100, lang, 1)
    return f"{number} %" if lang == "de" else f"{number}%"


def _share_bar(numbers: Numbers, outcome: Outcome, lang: str) -> str:
    """The share as a filled bar from 0 to 100 %, with the threshold its word promises."""
    share = numbers.share
    if share is None:
        return ""
    left, right = 1.0, _WIDTH - 1.0

    def x_of(fraction: Decimal) -> float:
        return left + min(max(_coordinate(fraction), 0.0), 1.0) * (right - left)

    label = _percent(share, lang)
    if numbers.part is not None and numbers.whole is not None:
        of = "von" if lang == "de" else "of"
        label = (
            f"{format_number(numbers.part, lang)} {of} {format_number(numbers.whole, lang)} "
            f"= {label}"
        )
    body = [
        f'<rect class="track" x="{left}" y="4" width="{right - left}" height="{_BAR}"/>',
        f'<rect class="{_OUTCOME_CLASS[outcome]}" x="{left}" y="4" '
        f'width="{_fmt(x_of(share) - left)}" height="{_BAR}"><title>{_e(label)}</title></rect>',
    ]
    caption = "The filled part of the bar is the share."
    if numbers.threshold is not None:
        tx = x_of(numbers.threshold)
        label += f"; threshold {_percent(numbers.threshold, lang)}"
        body.append(
            f'<line class="threshold" x1="{_fmt(tx)}" y1="0" x2="{_fmt(tx)}" y2="{_BAR + 8}">'
            f"<title>threshold {_e(_percent(numbers.threshold, lang))}</title></line>"
        )
        caption += " The black line marks the threshold its word promises."
    return _figure_html("share", [_row(f"share: {label}", "".join(body))], caption)


def pictures(finding: Finding, lang: str) -> str:
    """Every picture the finding's numbers allow, as inline SVG in HTML figures."""
    numbers = finding.numbers
    return (
        _share_bar(numbers, finding.outcome, lang)
        + _stacked_bar(numbers)
        + _interval_bars(numbers.intervals, finding.outcome)
    )


def _outcome_mark(finding: Finding) -> tuple[str, str]:
    """The CSS class and the words of a finding's outcome: "~ suppressed fail" for a
    failure a suppression accepts."""
    if finding.suppressed is not None:
        return "sup", f"~ suppressed {finding.outcome.value}"
    return _OUTCOME_CLASS[finding.outcome], (
        f"{_OUTCOME_SYMBOL[finding.outcome]} {finding.outcome.value}"
    )


def _finding(finding: Finding, lang: str, with_pictures: bool) -> str:
    css, mark = _outcome_mark(finding)
    gross = ""
    if finding.gross and finding.outcome is Outcome.FAIL and finding.suppressed is None:
        gross = " <b>(gross)</b>"
    parts = [
        f'<div class="check {css}"><span class="outcome {css}">{_e(mark)}</span>{gross} '
        f'<span class="mono">{_e(finding.code)}</span> {_e(finding.rule)}'
    ]
    if finding.arithmetic:
        parts.append(f'<code class="arithmetic">{_e(finding.arithmetic)}</code>')
    parts.append(f"<p>{_e(finding.message)}</p>")
    if finding.suppressed is not None:
        parts.append(f'<p class="reason">Suppressed: {_e(finding.suppressed)}</p>')
    if finding.details:
        items = "".join(f"<li>{_e(detail)}</li>" for detail in finding.details)
        parts.append(f'<ul class="details">{items}</ul>')
    if with_pictures:
        parts.append(pictures(finding, lang))
    parts.append(f'<div class="where">{_e(finding.location)}</div></div>')
    return "".join(parts)


def _source_cite(source: Source | None) -> str:
    if source is None:
        return "unknown source"
    url = _safe_url(source.url)
    title = f"<cite>{_e(source.title)}</cite>"
    if url:
        title = f'<a class="external" href="{_e(url)}"><cite>{_e(source.title)}</cite></a>'
    return f"{title}, {_e(source.publisher)}"


def _quote(text: str, source: Source | None, lang: str) -> str:
    cite = _safe_url(source.url) if source else None
    cite_attr = f' cite="{_e(cite)}"' if cite else ""
    opening, closing = _QUOTE_MARKS.get(lang, _QUOTE_MARKS["en"])
    return (
        f'<blockquote{cite_attr}><p lang="{_e(lang)}">{opening}{_e(text)}{closing}</p>'
        f"<footer>— {_source_cite(source)}</footer></blockquote>"
    )


def _figure(figure: Figure, findings: list[Finding], source: Source | None, lang: str) -> str:
    marks = "".join(
        f' <span class="outcome {_outcome_mark(f)[0]}" title="{_e(f.code)} {_e(f.rule)}">'
        f"{_e(_outcome_mark(f)[1].split()[0])} {_e(f.code)}</span>"
        for f in findings
    )
    return (
        f'<li><div class="figure-head"><span class="mono">{_e(figure.name)}</span>'
        f'<span class="value" lang="{_e(lang)}">{_e(figure.value_text)}</span>{marks}</div>'
        f"{_quote(figure.quote, source, lang)}</li>"
    )


def _claim(result: ClaimResult) -> str:
    claim = result.claim
    source = result.source
    lang = source.language if source else "de"
    css = _VERDICT_CLASS[result.verdict]
    out = [
        f'<article class="claim {css}" id="{_e(claim.id)}">',
        f'<div class="claim-head"><h3>{_e(claim.id)}</h3>'
        f'<span class="badge {css}">{_e(result.verdict.value)}</span></div>',
        f'<p class="claim-text" lang="{_e(lang)}">{_e(claim.text)}</p>',
    ]
    if claim.quote:
        out.append(_quote(claim.quote, source, lang))
    if claim.note:
        out.append(f'<p class="muted">Note: {_e(claim.note)}</p>')
    checks = [f for f in result.findings if f.consistency]
    out.append("<h4>Checks</h4>")
    if checks:
        out += [_finding(f, lang, with_pictures=True) for f in checks]
    elif not claim.checks:
        out.append(
            '<p class="muted">No rule can check this claim: it is reported as not checkable '
            "by rules, never as passed.</p>"
        )
    else:
        out.append('<p class="muted">Its checks were not run: see the input problems above.</p>')
    provenance = [f for f in result.findings if not f.consistency]
    by_place: dict[Location, list[Finding]] = {}
    for finding in provenance:
        by_place.setdefault(finding.location, []).append(finding)
    if claim.figures:
        out.append('<h4>Figures and their quotes</h4><ul class="figures">')
        for figure in claim.figures.values():
            places = (figure.location, figure.quote_location, figure.value_location)
            mine = [f for place in places for f in by_place.get(place, [])]
            out.append(_figure(figure, mine, source, lang))
        out.append("</ul>")
    passed = sum(1 for f in provenance if f.outcome is Outcome.PASS)
    if passed:
        out.append(
            f'<p><span class="outcome ok">✔ pass</span> {passed} provenance checks: quotes '
            "found in the source, values as quoted</p>"
        )
    problems = [f for f in provenance if f.outcome is not Outcome.PASS]
    if problems:
        out.append("<h4>Provenance</h4>")
        out += [_finding(f, lang, with_pictures=False) for f in problems]
    out.append(f'<div class="where">{_e(claim.location)}</div></article>')
    return "".join(out)


def _summary(report: Report) -> str:
    """The summary's headline and counts, and the start of its list of claims (the entries
    follow from :func:`_contents`)."""
    summary = report.summary
    if report.problems:
        headline, css = "Some input could not be used.", "bad"
    elif summary.failed:
        verb = "check fails" if summary.failed == 1 else "checks fail"
        headline, css = f"{summary.failed} {verb}.", "bad"
    elif summary.warned:
        verb = "warns" if summary.warned == 1 else "warn"
        headline, css = f"No check fails; {summary.warned} {verb}.", "warn"
    else:
        headline, css = "Every check that could be evaluated holds.", "ok"
    cards = [
        ("claims", summary.claims, ""),
        ("checks passed", summary.passed, "ok"),
        ("checks failed", summary.failed, "bad"),
        ("checks warned", summary.warned, "warn"),
        ("checks not evaluated", summary.not_evaluated, "ne"),
        ("claims not checkable", summary.not_checkable, "nc"),
        ("input problems", summary.input_problems, "bad" if summary.input_problems else ""),
    ]
    if summary.suppressed:
        cards.append(("checks suppressed", summary.suppressed, ""))
    items = "".join(
        f'<li class="{css_}"><span class="n">{count}</span>{_e(label)}</li>'
        for label, count, css_ in cards
    )
    return (
        f'<section class="summary" aria-label="summary"><p class="headline {css}">'
        f'{_e(headline)}</p><ul class="cards">{items}</ul>'
        f'<nav class="contents" aria-label="claims"><h2>Claims</h2><ol class="toc">'
    )


def _contents(report: Report) -> Iterator[str]:
    """The entries of the summary's list of claims, one per claim."""
    for r in report.results:
        yield (
            f'<li><a href="#{_e(r.claim.id)}">{_e(r.claim.id)}</a>'
            f'<span class="badge {_VERDICT_CLASS[r.verdict]}">{_e(r.verdict.value)}</span></li>'
        )


def _source_section(source: Source | None, slug: str) -> str:
    if source is None:
        return f'<h2>{_e(slug)}</h2><p class="source-meta">unknown source</p>'
    meta = [f"publisher: {_e(source.publisher)}"]
    if source.author:
        meta.append(f"author: {_e(source.author)}")
    if source.published:
        meta.append(f"published: {_e(source.published)}")
    url = _safe_url(source.url)
    if url:
        meta.append(f'<a class="external" href="{_e(url)}">{_e(url)}</a>')
    elif source.url:
        meta.append(f"url: {_e(source.url)}")
    meta.append(f"archived text: {_e(source.text_file.name)}")
    return (
        f'<h2 lang="{_e(source.language)}">{_e(source.title)}</h2>'
        f'<p class="source-meta">{" · ".join(meta)}</p>'
    )


def _provenance(report: Report) -> str:
    return (
        f'<p class="provenance">factcheck {_e(report.tool_version)} · generated '
        f'<time datetime="{_e(report.generated)}">{_e(report.generated)}</time> · settings: '
        f'<span class="settings">{_e(settings_text(report.settings))}</span></p>'
    )


def render(report: Report, out: TextIO) -> None:
    """Write the report as one self-contained HTML page, a claim at a time."""
    title = f"factcheck report: {report.summary.claims} claims"
    out.write(
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        f'<meta name="generator" content="factcheck {_e(report.tool_version)}">\n'
        f"<title>{_e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        '<div class="page">'
    )
    out.write("<header><h1>Fact-check report</h1>")
    out.write(_provenance(report))
    out.write("</header>")
    out.write(_summary(report))
    for entry in _contents(report):
        out.write(entry)
    out.write("</ol></nav></section>")
    if report.problems:
        items = "".join(
            f"<li><code>{_e(problem)}</code>{f' ({_e(problem.code)})' if problem.code else ''}</li>"
            for problem in report.problems
        )
        out.write(f'<section class="problems"><h2>Input problems</h2><ul>{items}</ul></section>')
    current = None
    out.write("<main>")
    for result in report.results:
        if result.claim.source_slug != current:
            if current is not None:
                out.write("</section>")
            current = result.claim.source_slug
            out.write('<section class="source">')
            out.write(_source_section(result.source, current))
        out.write(_claim(result))
    if current is not None:
        out.write("</section>")
    out.write("</main>")
    out.write(
        '<footer class="page-foot">'
        + _provenance(report)
        + '<p class="provenance">This page is self-contained: it loads no script, font, '
        "style sheet or image.</p></footer>"
    )
    out.write("</div>\n</body>\n</html>\n")
