"""The junit format: read back with junitparser, as CI servers read test results."""

from __future__ import annotations

from pathlib import Path

from junitparser import Error, Failure, JUnitXml, Skipped
from snapshots import (
    DATE,
    SETTINGS_TEXT,
    assert_snapshot,
    broken_copy,
    verify,
    verify_bundled,
    warning_copy,
)
from snapshots import verify_failing as failing

from factcheck import __version__


def parse(path: Path) -> JUnitXml:
    """The JUnit document, as junitparser reads it."""
    return JUnitXml.fromfile(str(path))


def cases(xml: JUnitXml) -> list:
    """Every test case of every suite, in order."""
    return [case for suite in xml for case in suite]


def test_failing_sum_and_share_are_failed_testcases_of_their_claims(tmp_path: Path):
    out = tmp_path / "junit.xml"
    result = failing("--format", "junit", "--output-file", out)
    assert result.code == 1, result.output
    assert_snapshot("failing.junit.xml", out.read_text(encoding="utf-8"))
    xml = parse(out)
    (suite,) = list(xml)
    assert suite.name == "musterland-integration"
    failed = [case for case in cases(xml) if not case.is_passed and not case.is_skipped]
    assert [(case.classname, case.name) for case in failed] == [
        ("muster-an-budget", "FC101 parts-do-not-sum-to-total at 18:5"),
        ("zentren", "FC102 share-does-not-match at 15:5"),
    ]
    (failure,) = failed[0].result
    assert isinstance(failure, Failure)
    assert failure.type == "FC101"
    assert "7,7 + 1,5 + 4,9 = 14,1 Mio. €, but total is stated as 13,4 Mio. €" in failure.message
    (share,) = failed[1].result
    assert share.type == "FC102"
    assert "50 von 54 = 92,6 %, but anteil is stated as 95 %" in share.message
    assert xml.failures == suite.failures == 2
    assert suite.tests == len(list(suite))


def test_bundled_corpus_passes_every_check_and_skips_claims_no_rule_can_check(tmp_path: Path):
    out = tmp_path / "junit.xml"
    result = verify_bundled("--format", "junit", "--output-file", out)
    assert result.code == 0, result.output
    xml = parse(out)
    every = cases(xml)
    assert xml.failures == 0 and xml.errors == 0
    assert xml.tests == len(every) > 30
    skipped = [case for case in every if case.is_skipped]
    assert {case.classname for case in skipped} >= {"infrastruktur-kein-land"}
    assert all(isinstance(case.result[0], Skipped) for case in skipped)
    assert any(
        case.classname == "komm-an-budget" and case.name.startswith("FC101") for case in every
    )
    (suite,) = list(xml)
    properties = {prop.name: prop.value for prop in suite.properties()}
    assert properties == {
        "factcheck.version": __version__,
        "factcheck.generated": DATE,
        "factcheck.settings": SETTINGS_TEXT,
    }


def test_input_problems_are_errors_in_a_suite_of_their_own(tmp_path: Path):
    root = broken_copy(tmp_path)
    result = verify("claims", "--format", "junit", "--output-file", "junit.xml", cwd=root)
    assert result.code == 2, result.output
    xml = parse(root / "junit.xml")
    problems = next(suite for suite in xml if suite.name == "input problems")
    errors = [case.result[0] for case in problems]
    assert all(isinstance(error, Error) for error in errors)
    assert [case.name for case in problems] == [
        "claims/musterland-integration/kaputt.yaml:3:1",
        "claims/musterland-integration/sprachkurse.yaml:15:23",
    ]
    assert errors[1].message == "unknown figure 'kindr' (did you mean 'kinder'?)"
    assert xml.errors == 2


def test_a_warning_passes_with_its_text_and_fails_under_strict(tmp_path: Path):
    root = warning_copy(tmp_path)
    lenient = verify("claims", "--format", "junit", "--output-file", "lenient.xml", cwd=root)
    strict = verify(
        "claims", "--strict", "--format", "junit", "--output-file", "strict.xml", cwd=root
    )
    assert (lenient.code, strict.code) == (0, 1)
    (case,) = [
        c
        for c in cases(parse(root / "lenient.xml"))
        if c.classname == "muster-an-budget" and c.name.startswith("FC101 ")
    ]
    assert case.is_passed
    assert case.system_out.startswith("warning: claims/musterland-integration/muster-an-budget")
    xml = parse(root / "strict.xml")
    (failed,) = [
        c for c in cases(xml) if c.classname == "muster-an-budget" and c.name.startswith("FC101 ")
    ]
    (failure,) = failed.result
    assert isinstance(failure, Failure) and failure.message.startswith("warn: 7,7 + 1,5 + 4,9")
    assert xml.failures == 2
