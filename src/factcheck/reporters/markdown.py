"""The ``markdown`` format: a summary to post as a pull request comment or a job summary.

A heading with the outcome, the counts, a table of the checks that did not pass (failed,
warned, not evaluated) and one of the input problems, then every claim with its verdict
folded away under ``<details>``, and how the report was made. Everything from a claim file
is escaped, so a quote can neither break the table nor add a link.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from factcheck.model import ClaimResult, Finding, Outcome, Report

_SUPPRESSED = "🔕"
_SYMBOL = {
    Outcome.PASS: "✅",
    Outcome.FAIL: "❌",
    Outcome.WARN: "⚠️",
    Outcome.NOT_EVALUATED: "❔",
}
_SPECIAL = set("\\`*_[]<>|&~#!")


def escape(text: str) -> str:
    """Text that Markdown shows as written, on one line, safe inside a table cell."""
    flat = " ".join(text.split())
    return "".join(f"\\{char}" if char in _SPECIAL else char for char in flat)


def _code(text: str) -> str:
    """Text as inline code, or escaped where a backtick would end the code span."""
    return f"`{text}`" if "`" not in text and text.strip() == text and text else escape(text)


def _heading(report: Report) -> str:
    summary = report.summary
    strict = bool(report.settings.get("strict"))
    if report.problems:
        count = summary.input_problems
        return f"⛔ factcheck: {count} input problem{'s' if count != 1 else ''}, not all checked"
    if summary.failed:
        return f"❌ factcheck: {summary.failed} check{'s' if summary.failed != 1 else ''} failed"
    if summary.warned and strict:
        return (
            f"❌ factcheck: {summary.warned} warning{'s' if summary.warned != 1 else ''} (strict)"
        )
    if summary.warned:
        return f"⚠️ factcheck: every check holds, {summary.warned} with a warning"
    return "✅ factcheck: every check holds"


def _rule(finding: Finding) -> str:
    from factcheck.reporters.common import docs_url, rule_docs_url, rule_of

    rule = rule_of(finding)
    if rule is None or docs_url() is None:
        return f"{finding.code} {escape(finding.rule)}"
    return f"[{finding.code}]({rule_docs_url(rule)}) {escape(finding.rule)}"


def _claim_row(result: ClaimResult) -> str:
    counts: dict[str, int] = {}
    for finding in result.findings:
        kind = "suppressed" if finding.suppressed is not None else finding.outcome.value
        counts[kind] = counts.get(kind, 0) + 1
    order = [outcome.value for outcome in Outcome] + ["suppressed"]
    findings = ", ".join(f"{counts[kind]} {kind}" for kind in order if kind in counts)
    return (
        f"| {_code(result.claim.id)} | {result.verdict.value} | {findings or 'none'} | "
        f"{escape(result.claim.text)} |"
    )


def render(report: Report, out: TextIO) -> None:
    """Write the report as GitHub-flavoured Markdown, one line at a time."""
    from itertools import chain

    from factcheck.reporters.common import (
        findings_to_show,
        message_text,
        outcome_text,
        summary_text,
    )
    from factcheck.reporters.provenance import provenance_text

    def write(lines: Iterable[str]) -> None:
        for line in lines:
            out.write(line + "\n")

    write([f"## {_heading(report)}", "", escape(summary_text(report)) + ".", ""])
    if report.problems:
        write(["### Input problems", "", "| Where | Problem |", "| --- | --- |"])
        for problem in report.problems:
            code = f"{problem.code}: " if problem.code else ""
            write([f"| {_code(str(problem.location))} | {code}{escape(problem.message)} |"])
        write([""])
    shown = findings_to_show(report)
    first = next(shown, None)
    if first is not None:
        write(
            [
                "### Checks that did not pass",
                "",
                "| | Rule | Claim | Where | Finding |",
                "| --- | --- | --- | --- | --- |",
            ]
        )
        for finding in chain([first], shown):
            symbol = _SUPPRESSED if finding.suppressed is not None else _SYMBOL[finding.outcome]
            write(
                [
                    f"| {symbol} {outcome_text(finding)} "
                    f"| {_rule(finding)} | {_code(finding.claim_id)} "
                    f"| {_code(str(finding.location))} | {escape(message_text(finding))} |"
                ]
            )
        write([""])
    if report.results:
        write(
            [
                "<details>",
                f"<summary>Every claim ({len(report.results)})</summary>",
                "",
                "| Claim | Verdict | Findings | Claim text |",
                "| --- | --- | --- | --- |",
            ]
        )
        write(_claim_row(result) for result in report.results)
        write(["", "</details>", ""])
    write([f"<sub>{escape(provenance_text(report))}</sub>"])
