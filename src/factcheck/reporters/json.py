"""The ``json`` format: the whole report as one JSON document for programs.

Its shape is the versioned JSON Schema ``factcheck/schemas/report.schema.json`` (printed by
``factcheck schema report``, documented in docs/output-formats.md). Keys come in a fixed
order, lists in the report's order (sources, then claims by source and id, findings by
place), so the same claims give the same bytes. Decimals are strings, written out exactly
("13400000.0", "Infinity"), so no consumer rounds them through a float.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from factcheck.model import Finding, InputProblem, Location, Report

#: The version of the report's JSON shape: a new field raises the minor version, a changed
#: or removed one the major version.
SCHEMA_VERSION = "1.0"


def _place(location: Location) -> dict[str, Any]:
    return {"file": location.path, "line": location.line, "column": location.column}


def _problem(problem: InputProblem) -> dict[str, Any]:
    return {"code": problem.code, **_place(problem.location), "message": problem.message}


def _finding(finding: Finding) -> dict[str, Any]:
    from factcheck.reporters.common import decimal_text, rule_of

    rule = rule_of(finding)
    numbers = finding.numbers
    return {
        "code": finding.code,
        "rule": finding.rule,
        "level": finding.level,
        "outcome": finding.outcome.value,
        "gross": finding.gross,
        "kind": "consistency" if finding.consistency else "provenance",
        "claim": finding.claim_id,
        **_place(finding.location),
        "message": finding.message,
        "arithmetic": finding.arithmetic,
        "values": {
            "stated": decimal_text(numbers.stated),
            "computed": decimal_text(numbers.computed),
            "tolerance": decimal_text(numbers.tolerance),
            "difference": decimal_text(numbers.difference),
            "unit": numbers.unit,
            "nearest": {name: decimal_text(value) for name, value in numbers.nearest.items()},
        },
        "suppressed": finding.suppressed,
        "details": list(finding.details),
        "docs": rule.docs_link if rule else None,
    }


def as_data(report: Report) -> dict[str, Any]:
    """The report as plain JSON data, in the schema's key order."""
    return _document(report, list)


def _document(report: Report, many: Callable[[Iterable[Any]], Any]) -> dict[str, Any]:
    """The report's JSON data; ``many`` makes each list that grows with the corpus (a
    list, or a stream written one item at a time)."""
    summary = report.summary
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": report.tool_version},
        "generated": report.generated,
        "settings": {key: report.settings[key] for key in sorted(report.settings)},
        "summary": {
            "claims": summary.claims,
            "passed": summary.passed,
            "failed": summary.failed,
            "warned": summary.warned,
            "not_evaluated": summary.not_evaluated,
            "not_checkable": summary.not_checkable,
            "input_problems": summary.input_problems,
            "suppressed": summary.suppressed,
        },
        "problems": [_problem(problem) for problem in report.problems],
        "sources": many(_sources(report)),
        "claims": many(
            {
                "id": result.claim.id,
                "source": result.claim.source_slug,
                **_place(result.claim.location),
                "claim": result.claim.text,
                "verdict": result.verdict.value,
            }
            for result in report.results
        ),
        "findings": many(
            _finding(finding) for result in report.results for finding in result.findings
        ),
    }


def _sources(report: Report) -> Iterator[dict[str, Any]]:
    """The sources of the report's claims, each once, in report order (which keeps the
    claims of a source together)."""
    last = None
    for result in report.results:
        source = result.source
        if source is not None and source.slug != last:
            last = source.slug
            yield {
                "slug": source.slug,
                "title": source.title,
                "publisher": source.publisher,
                "language": source.language,
                "url": source.url,
                "published": source.published,
                **_place(source.location),
            }


def render(report: Report, out: TextIO) -> None:
    """Write the report as indented JSON, UTF-8 as written, ending in a newline; the lists
    of claims and findings are written one item at a time."""
    from factcheck.reporters.streamjson import Stream, dump

    dump(_document(report, Stream), out)
    out.write("\n")
