"""The ``sarif`` format: SARIF 2.1.0, which code-scanning services and editors read.

One run of the ``factcheck`` driver with every rule (its description, its section of the
rule reference as help, a link to that section, its default level), one result per finding
that did not pass, located at the claim file's line and column. A failed check is a
``fail`` at the level it ran at; a check that could not be evaluated is a ``review``; a
failure a suppression in the claim file accepts carries an ``inSource`` suppression with
the reason as its justification. An input problem whose kind a rule names is a result of
that rule, any other a tool execution notification; either marks the run as not
successful. File locations are relative URIs as the paths were given (run factcheck from
the repository's root), or file URIs for absolute paths. The invocation carries the date
and the settings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.model import Finding, InputProblem, Location, Outcome, Report

if TYPE_CHECKING:
    from factcheck.rules import Rule

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_LEVEL = {"error": "error", "warning": "warning"}


def _uri(path: str) -> str:
    """A path as a URI reference: relative as given, or a file URI when absolute."""
    from pathlib import PurePath
    from urllib.parse import quote

    return PurePath(path).as_uri() if PurePath(path).is_absolute() else quote(path)


def _location(location: Location) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(location.path)}}
    if location.line:
        physical["region"] = {"startLine": location.line, "startColumn": location.column or 1}
    return {"physicalLocation": physical}


def _rule(rule: Rule) -> dict[str, Any]:
    from factcheck.reporters.common import rule_docs_url
    from factcheck.ruledocs import markdown, sections

    reference = markdown(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": sections(rule)["What it checks"]},
        "help": {"text": reference, "markdown": reference},
        "helpUri": rule_docs_url(rule),
        "defaultConfiguration": {"level": _LEVEL.get(rule.level, "note")},
    }


def _finding(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    from factcheck.reporters.common import decimal_text

    result: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    if finding.outcome is Outcome.NOT_EVALUATED:
        result.update(kind="review", level="none")
    else:
        result.update(kind="fail", level=_LEVEL.get(finding.level, "note"))
    numbers = finding.numbers
    values = {
        "stated": decimal_text(numbers.stated),
        "computed": decimal_text(numbers.computed),
        "tolerance": decimal_text(numbers.tolerance),
        "difference": decimal_text(numbers.difference),
        "unit": numbers.unit,
    }
    result["message"] = {"text": finding.message}
    if finding.suppressed is not None:
        result["suppressions"] = [
            {"kind": "inSource", "status": "accepted", "justification": finding.suppressed}
        ]
    location = _location(finding.location)
    location["logicalLocations"] = [{"name": finding.claim_id, "kind": "object"}]
    result["locations"] = [location]
    result["properties"] = {
        "claim": finding.claim_id,
        "outcome": finding.outcome.value,
        "gross": finding.gross,
        "values": {key: value for key, value in values.items() if value is not None},
    }
    if finding.details:
        result["properties"]["details"] = list(finding.details)
    return result


def _problem_result(problem: InputProblem, code: str, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": code}
    if code in index:
        result["ruleIndex"] = index[code]
    result.update(
        kind="fail",
        level="error",
        message={"text": problem.message},
        locations=[_location(problem.location)],
    )
    return result


def as_data(report: Report) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log."""
    return _log(report, list)


def _log(report: Report, many: Callable[[Iterable[Any]], Any]) -> dict[str, Any]:
    """The SARIF log; ``many`` makes the list of results, which grows with the corpus (a
    list, or a stream written one item at a time)."""
    from itertools import chain

    from factcheck.reporters.common import findings_to_show
    from factcheck.rules import all_rules

    rules = all_rules()
    index = {rule.code: position for position, rule in enumerate(rules)}
    results = many(
        chain(
            (_problem_result(p, p.code, index) for p in report.problems if p.code),
            (_finding(finding, index) for finding in findings_to_show(report)),
        )
    )
    notifications = [
        {
            "level": "error",
            "message": {"text": problem.message},
            "locations": [_location(problem.location)],
        }
        for problem in report.problems
        if not problem.code
    ]
    invocation: dict[str, Any] = {
        "executionSuccessful": not report.problems,
        "endTimeUtc": report.generated.replace("+00:00", "Z"),
        "properties": {"settings": {key: report.settings[key] for key in sorted(report.settings)}},
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": report.tool_version,
                        "semanticVersion": report.tool_version,
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(report: Report, out: TextIO) -> None:
    """Write the report as an indented SARIF 2.1.0 JSON log, its results one at a time."""
    from factcheck.reporters.streamjson import Stream, dump

    dump(_log(report, Stream), out)
    out.write("\n")
