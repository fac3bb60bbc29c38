"""The ``junit`` format: JUnit XML, which CI servers show as test results.

One ``testsuite`` per source, one ``testcase`` per finding (a rule on one check or figure),
its classname the claim's id. A failed check is a ``failure`` whose type is the rule's code;
a warning is a failure only under ``--strict`` and otherwise passes with the warning in
``system-out``; a check that could not be evaluated is ``skipped``, and so are a claim no
rule can check and a failure a suppression accepts (with the reason). Input problems make
a suite of their own, each an ``error``. Every suite carries the tool version, the date and
the settings as properties.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from factcheck.model import ClaimResult, Finding, Outcome, Report, Verdict

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

#: Characters XML 1.0 cannot hold, even escaped; a source text may contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(element: Element) -> None:
    """Drop from every text and attribute the characters XML 1.0 cannot hold."""
    for node in element.iter():
        if node.text:
            node.text = _NOT_XML.sub("", node.text)
        for key, value in node.attrib.items():
            node.set(key, _NOT_XML.sub("", value))


def _suite(name: str, report: Report, file: str | None = None) -> Element:
    from xml.etree.ElementTree import Element, SubElement

    from factcheck.reporters.provenance import settings_text

    suite = Element("testsuite", name=name)
    if file:
        suite.set("file", file)
    # JUnit's timestamp is a local date-time without a zone; factcheck's is in UTC.
    suite.set("timestamp", report.generated.removesuffix("+00:00"))
    properties = SubElement(suite, "properties")
    for key, value in (
        ("factcheck.version", report.tool_version),
        ("factcheck.generated", report.generated),
        ("factcheck.settings", settings_text(report.settings)),
    ):
        SubElement(properties, "property", name=key, value=value)
    return suite


def _case(suite: Element, classname: str, name: str, file: str, line: int) -> Element:
    from xml.etree.ElementTree import SubElement

    case = SubElement(suite, "testcase", classname=classname, name=name, file=file)
    if line:
        case.set("line", str(line))
    return case


def _finding_case(suite: Element, finding: Finding, strict: bool) -> None:
    from xml.etree.ElementTree import SubElement

    from factcheck.reporters.common import outcome_text

    where = f"{finding.location.line}:{finding.location.column}"
    case = _case(
        suite,
        finding.claim_id,
        f"{finding.code} {finding.rule} at {where}",
        finding.location.path,
        finding.location.line,
    )
    text = "\n".join([f"{finding.location}: {finding.message}", *finding.details])
    if finding.suppressed is not None:
        skipped = SubElement(case, "skipped", message=f"suppressed: {finding.suppressed}")
        skipped.text = f"{outcome_text(finding)}: {text}"
    elif finding.outcome is Outcome.FAIL or (finding.outcome is Outcome.WARN and strict):
        failure = SubElement(case, "failure", message=f"{outcome_text(finding)}: {finding.message}")
        failure.set("type", finding.code)
        failure.text = text
    elif finding.outcome is Outcome.WARN:
        SubElement(case, "system-out").text = f"warning: {text}"
    elif finding.outcome is Outcome.NOT_EVALUATED:
        SubElement(case, "skipped", message=f"not evaluated: {finding.message}")


def _claim_cases(suite: Element, result: ClaimResult, strict: bool) -> None:
    from xml.etree.ElementTree import SubElement

    for finding in result.findings:
        _finding_case(suite, finding, strict)
    if result.verdict is Verdict.NOT_CHECKABLE:
        claim = result.claim
        case = _case(suite, claim.id, "checks", claim.location.path, claim.location.line)
        SubElement(case, "skipped", message="not checkable by rules: the claim has no checks")


def _count(suite: Element) -> None:
    """Set a suite's counts from its test cases, as JUnit readers expect them."""
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    for kind, attribute in (("failure", "failures"), ("error", "errors"), ("skipped", "skipped")):
        suite.set(attribute, str(sum(1 for case in cases if case.find(kind) is not None)))


def _suites(report: Report, strict: bool) -> Iterator[Element]:
    """The test suites, one at a time: input problems, then one per source, in report
    order (which keeps the claims of a source together)."""
    from xml.etree.ElementTree import SubElement

    if report.problems:
        suite = _suite("input problems", report)
        for problem in report.problems:
            location = problem.location
            case = _case(suite, "input", str(location), location.path, location.line)
            error = SubElement(case, "error", message=problem.message)
            error.set("type", problem.code or "input")
            error.text = str(problem)
        yield suite
    suite = None
    slug = None
    for result in report.results:
        if suite is None or result.claim.source_slug != slug:
            if suite is not None:
                yield suite
            slug = result.claim.source_slug
            file = result.source.location.path if result.source else None
            suite = _suite(slug, report, file)
        _claim_cases(suite, result, strict)
    if suite is not None:
        yield suite


def _totals(report: Report, strict: bool) -> dict[str, int]:
    """The counts of the whole document, from the report's summary: a test case per finding,
    per claim no rule can check and per input problem; a failure per failed check (and
    warning, when strict); an error per input problem; a skipped case per check not
    evaluated, per failure or warning a suppression accepts and per claim not checkable."""
    s = report.summary
    findings = s.passed + s.failed + s.warned + s.not_evaluated + s.suppressed
    return {
        "tests": findings + s.not_checkable + s.input_problems,
        "failures": s.failed + (s.warned if strict else 0),
        "errors": s.input_problems,
        "skipped": s.not_evaluated + s.suppressed + s.not_checkable,
    }


def render(report: Report, out: TextIO) -> None:
    """Write the report as a JUnit XML document, one test suite at a time."""
    from xml.etree.ElementTree import Element, indent, tostring

    strict = bool(report.settings.get("strict"))
    root = Element("testsuites", name="factcheck")
    for attribute, total in _totals(report, strict).items():
        root.set(attribute, str(total))
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    # The document as ElementTree would write the whole tree indented: each suite indented
    # one level in, on a line of its own.
    written = False
    for suite in _suites(report, strict):
        if not written:
            root.text = "\0"
            start, _, _ = tostring(root, encoding="unicode").partition("\0")
            out.write(start)
            written = True
        _count(suite)
        _clean(suite)
        indent(suite, level=1)
        out.write("\n  " + tostring(suite, encoding="unicode"))
    if written:
        out.write("\n</testsuites>")
    else:
        out.write(tostring(root, encoding="unicode"))
    out.write("\n")
