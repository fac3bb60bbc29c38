"""What several formats say in the same words: the summary, the findings worth showing, and
how a rule's documentation is linked. Like the reporters, it only reads the Report."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

from factcheck.model import Finding, Outcome, Report

if TYPE_CHECKING:
    from factcheck.rules import Rule

#: The label of the project URL that says where the docs/ folder is published.
DOCS_URL_LABEL = "Documentation"


def findings_to_show(report: Report) -> Iterator[Finding]:
    """Every finding that did not pass, in the report's order: failures, warnings, and
    checks that could not be evaluated (which are never a pass).

    Results read from verify's store offer the ones with such a finding on their own
    (``with_findings_to_show``), so that a report of a large corpus whose claims mostly pass
    reads only the few that do not.
    """
    shown = getattr(report.results, "with_findings_to_show", None)
    for result in shown() if shown else report.results:
        for finding in result.findings:
            if finding.outcome is not Outcome.PASS:
                yield finding


def outcome_text(finding: Finding) -> str:
    """``fail``, ``fail (gross)``, ``warn`` or ``not evaluated``; ``suppressed fail`` or
    ``suppressed warn`` for one a suppression accepts."""
    if finding.suppressed is not None:
        return f"suppressed {finding.outcome.value}"
    gross = " (gross)" if finding.gross and finding.outcome is Outcome.FAIL else ""
    return f"{finding.outcome.value}{gross}"


def message_text(finding: Finding) -> str:
    """A finding's message, with the reason of the suppression that accepts it."""
    if finding.suppressed is None:
        return finding.message
    return f"{finding.message} (suppressed: {finding.suppressed})"


def summary_text(report: Report) -> str:
    """The counts of a report in one sentence, the same in every text format."""
    s = report.summary
    claims = "1 claim" if s.claims == 1 else f"{s.claims} claims"
    problems = "1 input problem" if s.input_problems == 1 else f"{s.input_problems} input problems"
    suppressed = f", {s.suppressed} suppressed" if s.suppressed else ""
    return (
        f"{claims}: {s.passed} checks passed, {s.failed} failed, {s.warned} warned, "
        f"{s.not_evaluated} not evaluated{suppressed}; {s.not_checkable} not checkable by "
        f"rules; {problems}"
    )


@cache
def docs_url() -> str | None:
    """Where factcheck's docs/ folder is published, from the ``Documentation`` project URL
    in pyproject.toml; None while the project declares none."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("factcheck").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip() == DOCS_URL_LABEL and url.strip():
            return url.strip().rstrip("/")
    return None


def rule_docs_url(rule: Rule) -> str:
    """A link to the rule's section in the rule reference: absolute where the project
    declares where its docs are published, else relative to the project's root."""
    base = docs_url()
    if base is None:
        return rule.docs_link
    return f"{base}/{rule.docs_link.removeprefix('docs/')}"


def rule_of(finding: Finding) -> Rule | None:
    """The rule that made a finding."""
    from factcheck.rules import find_rule

    return find_rule(finding.code)


def decimal_text(value: Decimal | None) -> str | None:
    """A decimal written out exactly, never in exponent notation: ``13400000.0``,
    ``Infinity``; None stays None."""
    if value is None:
        return None
    if value.is_infinite():
        return "-Infinity" if value < 0 else "Infinity"
    return format(value, "f")
