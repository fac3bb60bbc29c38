"""The ``rich`` format: a report for people at a terminal, plain text when piped.

Per claim: its verdict, each consistency check with its arithmetic in the source's own
notation, provenance checks summarised when they pass and listed when they do not; then a
summary table. Colour only on a terminal, and never when ``NO_COLOR`` is set.
"""

from __future__ import annotations

from typing import TextIO

from factcheck.model import ClaimResult, Finding, Outcome, Report, Verdict

_OUTCOME_STYLE = {
    Outcome.PASS: ("✔", "green"),
    Outcome.FAIL: ("✘", "bold red"),
    Outcome.WARN: ("!", "yellow"),
    Outcome.NOT_EVALUATED: ("?", "magenta"),
}
_VERDICT_STYLE = {
    Verdict.CONSISTENT: "green",
    Verdict.INCONSISTENT: "bold red",
    Verdict.GROSSLY_INCONSISTENT: "bold red",
    Verdict.WARNING: "yellow",
    Verdict.NOT_EVALUATED: "magenta",
    Verdict.NOT_CHECKABLE: "cyan",
}


def finding_text(finding: Finding) -> str:
    """A finding as rich markup: its outcome, code and place, then its message, the reason
    of a suppression, and its details, each on a line of its own. ``show`` prints findings
    the same way."""
    from rich.markup import escape

    symbol, style = _OUTCOME_STYLE[finding.outcome]
    gross = " [bold red](gross)[/]" if finding.gross and finding.outcome is Outcome.FAIL else ""
    where = f"[dim]{finding.code} {escape(str(finding.location))}[/]"
    if finding.suppressed is not None:
        lines = [f"  [cyan]~ suppressed {finding.outcome.value}[/] {where}"]
    else:
        lines = [f"  [{style}]{symbol} {finding.outcome.value}[/] {where}{gross}"]
    lines.append(f"      {escape(finding.message)}")
    if finding.suppressed is not None:
        lines.append(f"      [cyan]reason:[/] {escape(finding.suppressed)}")
    lines += [f"        [dim]{escape(detail)}[/]" for detail in finding.details]
    return "\n".join(lines)


def _claim_block(result: ClaimResult) -> list[str]:
    from rich.markup import escape

    claim = result.claim
    style = _VERDICT_STYLE[result.verdict]
    lines = [f"[bold]{escape(claim.id)}[/] [{style}]{result.verdict.value}[/]"]
    lines.append(f"  [italic]{escape(claim.text)}[/]")
    checks = [f for f in result.findings if f.consistency]
    provenance = [f for f in result.findings if not f.consistency]
    lines += [finding_text(f) for f in checks]
    passed = [f for f in provenance if f.outcome is Outcome.PASS]
    if passed:
        lines.append(
            f"  [green]✔ pass[/] [dim]{len(passed)} provenance checks: "
            "quotes found in the source, values as quoted[/]"
        )
    lines += [finding_text(f) for f in provenance if f.outcome is not Outcome.PASS]
    return lines


def render(report: Report, out: TextIO) -> None:
    """Write the report for a person to read."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from factcheck.reporters.provenance import provenance_text

    console = Console(file=out, soft_wrap=True, highlight=False, emoji=False)
    for problem in report.problems:
        code = f" [dim]({problem.code})[/]" if problem.code else ""
        console.print(f"[bold red]error[/] {escape(str(problem))}{code}")
    if report.problems:
        console.print()
    current_source = None
    for result in report.results:
        if result.claim.source_slug != current_source:
            current_source = result.claim.source_slug
            source = result.source
            title = f"{source.title} ({source.publisher})" if source else "unknown source"
            console.rule(f"[bold]{escape(current_source)}[/] — {escape(title)}", align="left")
        # One print per claim: each print costs far more than the text it writes.
        console.print("\n".join(_claim_block(result)) + "\n")
    summary = report.summary
    # One row per count, so the table fits any terminal width without cutting a label.
    table = Table(title="Summary", title_justify="left", show_header=False)
    rows = {
        "claims": summary.claims,
        "checks passed": summary.passed,
        "checks failed": summary.failed,
        "checks warned": summary.warned,
        "checks not evaluated": summary.not_evaluated,
    }
    note = "Checks are counted over all claims"
    if summary.suppressed:
        rows["checks suppressed"] = summary.suppressed
        note += "; a failure or warning a suppression accepts counts only as suppressed"
    rows["claims not checkable by rules"] = summary.not_checkable
    rows["input problems"] = summary.input_problems
    table.add_column(justify="left")
    table.add_column(justify="right")
    for label, count in rows.items():
        table.add_row(label, str(count))
    console.print(table)
    console.print(f"[dim]{note}. {escape(provenance_text(report))}[/]")
