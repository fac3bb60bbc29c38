"""The ``github`` format: GitHub Actions workflow commands that annotate the claim files.

A failure is an ``::error``, a warning a ``::warning``, a check that could not be evaluated
and a failure a suppression accepts (with its reason) a ``::notice``, an input problem an
``::error``; each names the file, line and column and a
title with the rule's code and name. GitHub shows them on the lines of a pull request's
diff and in the run's summary. Values are escaped as GitHub's toolkit does: ``%``, ``\\r``
and ``\\n`` everywhere, and ``:`` and ``,`` too in the properties. The last lines, read as
plain log text, are the summary and how the report was made.
"""

from __future__ import annotations

from typing import TextIO

from factcheck.model import Location, Outcome, Report

_COMMAND = {Outcome.FAIL: "error", Outcome.WARN: "warning", Outcome.NOT_EVALUATED: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, location: Location, title: str, message: str) -> str:
    properties = [f"file={escape_property(location.path)}"]
    if location.line:
        properties.append(f"line={location.line}")
        properties.append(f"col={location.column}")
    properties.append(f"title={escape_property(title)}")
    return f"::{kind} {','.join(properties)}::{escape_data(message)}\n"


def render(report: Report, out: TextIO) -> None:
    """Write one workflow command per input problem and per finding that did not pass."""
    from factcheck.reporters.common import (
        findings_to_show,
        message_text,
        outcome_text,
        summary_text,
    )
    from factcheck.reporters.provenance import provenance_text

    for problem in report.problems:
        title = f"{problem.code} input problem" if problem.code else "input problem"
        out.write(_command("error", problem.location, title, problem.message))
    for finding in findings_to_show(report):
        title = f"{finding.code} {finding.rule}: {outcome_text(finding)} in {finding.claim_id}"
        kind = "notice" if finding.suppressed is not None else _COMMAND[finding.outcome]
        out.write(_command(kind, finding.location, title, message_text(finding)))
    out.write(f"{summary_text(report)}\n")
    out.write(f"{provenance_text(report)}\n")
