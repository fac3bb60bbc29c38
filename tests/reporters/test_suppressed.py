"""A failure a suppression accepts stays visible in every format, with its reason, and
neither fails the run nor counts as failed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from junitparser import JUnitXml, Skipped
from snapshots import SUPPRESSION_REASON, suppressed_copy, verify

#: What each format shows of the suppressed sum.
SHOWN = {
    "concise": "muster-an-budget.yaml:18:5: FC101 suppressed fail: 7,7 + 1,5 + 4,9",
    "rich": "~ suppressed fail FC101 claims/musterland-integration/muster-an-budget.yaml:18:5",
    "github": "::notice file=claims/musterland-integration/muster-an-budget.yaml,line=18,col=5,"
    "title=FC101 parts-do-not-sum-to-total%3A suppressed fail in muster-an-budget::",
    "markdown": "| 🔕 suppressed fail | FC101 parts-do-not-sum-to-total | `muster-an-budget` |",
}


@pytest.mark.parametrize("output_format", sorted(SHOWN))
def test_text_formats_show_the_suppressed_failure_with_its_reason(
    output_format: str, tmp_path: Path
):
    result = verify("claims", "--format", output_format, cwd=suppressed_copy(tmp_path))
    assert result.code == 1, result.output  # the share still fails
    assert SHOWN[output_format] in result.out
    reason = SUPPRESSION_REASON.replace("%", "%25") if output_format == "github" else ""
    assert (reason or SUPPRESSION_REASON) in result.out
    if output_format != "rich":
        assert "1 failed, 0 warned, 0 not evaluated, 1 suppressed;" in result.out


def test_json_keeps_the_outcome_and_gives_the_reason(tmp_path: Path):
    result = verify("claims", "--format", "json", cwd=suppressed_copy(tmp_path))
    report = json.loads(result.out)
    (finding,) = [f for f in report["findings"] if f["suppressed"]]
    assert (finding["code"], finding["outcome"]) == ("FC101", "fail")
    assert finding["suppressed"] == SUPPRESSION_REASON
    assert (report["summary"]["failed"], report["summary"]["suppressed"]) == (1, 1)


def test_sarif_marks_the_result_accepted_in_source(tmp_path: Path):
    result = verify("claims", "--format", "sarif", cwd=suppressed_copy(tmp_path))
    (run,) = json.loads(result.out)["runs"]
    (suppressed,) = [r for r in run["results"] if r["ruleId"] == "FC101"]
    assert suppressed["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": SUPPRESSION_REASON}
    ]


def test_junit_skips_it_with_the_reason(tmp_path: Path):
    root = suppressed_copy(tmp_path)
    verify("claims", "--format", "junit", "--output-file", "junit.xml", cwd=root)
    xml = JUnitXml.fromfile(str(root / "junit.xml"))
    (case,) = [
        c
        for suite in xml
        for c in suite
        if c.classname == "muster-an-budget" and c.name.startswith("FC101")
    ]
    (skipped,) = case.result
    assert isinstance(skipped, Skipped)
    assert skipped.message == f"suppressed: {SUPPRESSION_REASON}"
    assert xml.failures == 1


def test_statistics_do_not_count_it(tmp_path: Path):
    result = verify("claims", "--statistics", cwd=suppressed_copy(tmp_path))
    assert result.out == "1  FC102  share-does-not-match\n"
