"""The ``concise`` format: one line per finding that did not pass, then the summary.

Made for logs, pre-commit and editors' problem matchers: ``file:line:column: CODE outcome:
message``, an input problem as ``file:line:column: error: message`` (with its rule's code in
front when it has one), and passed checks left out. A failure a suppression accepts reads
``suppressed fail`` and ends with its reason. The last two lines are the summary and
how the report was made.
"""

from __future__ import annotations

from typing import TextIO

from factcheck.model import Report


def render(report: Report, out: TextIO) -> None:
    """Write one line per input problem and per finding that did not pass."""
    from factcheck.reporters.common import (
        findings_to_show,
        message_text,
        outcome_text,
        summary_text,
    )
    from factcheck.reporters.provenance import provenance_text

    for problem in report.problems:
        code = f"{problem.code} " if problem.code else ""
        out.write(f"{problem.location}: {code}error: {_one_line(problem.message)}\n")
    for finding in findings_to_show(report):
        out.write(
            f"{finding.location}: {finding.code} {outcome_text(finding)}: "
            f"{_one_line(message_text(finding))}\n"
        )
    out.write(f"{summary_text(report)}\n")
    out.write(f"{provenance_text(report)}\n")


def _one_line(text: str) -> str:
    """A message on one line, so that each line stays one finding."""
    return " ".join(text.split())
