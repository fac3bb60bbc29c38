"""--statistics: how often each rule did not pass, instead of the report, as ruff does."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from snapshots import FAILING, assert_snapshot, broken_copy, verify, verify_bundled
from snapshots import verify_failing as failing


def test_failing_fixture_counts_the_failed_sum_and_share_and_exits_as_verify_does():
    result = failing("--statistics")
    assert result.code == 1, result.output
    assert_snapshot("failing.statistics.txt", result.out)
    rows = [line.split() for line in result.out.splitlines()]
    assert rows == [
        ["1", "FC101", "parts-do-not-sum-to-total"],
        ["1", "FC102", "share-does-not-match"],
    ]
    assert "Mio. €" not in result.out  # the counts replace the report


def test_json_statistics_for_programs():
    result = failing("--statistics", "--format", "json")
    assert result.code == 1, result.output
    rows = json.loads(result.out)
    assert {"code": "FC101", "name": "parts-do-not-sum-to-total", "count": 1} in rows
    assert rows == sorted(rows, key=lambda row: (-row["count"], row["code"] or "~"))


def test_bundled_corpus_counts_what_its_report_lists_as_not_passed():
    result = verify_bundled("--statistics")
    assert result.code == 0, result.output
    report = json.loads(verify_bundled("--format", "json").out)
    expected = Counter(
        (f["code"], f["rule"])
        for f in report["findings"]
        if f["outcome"] != "pass" and f["suppressed"] is None
    )
    rows = json.loads(verify_bundled("--statistics", "--format", "json").out)
    assert {(row["code"], row["name"]): row["count"] for row in rows} == expected
    assert len(result.out.splitlines()) == len(rows)
    assert all(f["outcome"] != "fail" for f in report["findings"])


def test_input_problems_are_counted_and_exit_2(tmp_path: Path):
    result = verify("claims", "--statistics", cwd=broken_copy(tmp_path))
    assert result.code == 2, result.output
    rows = [line.split() for line in result.out.splitlines()]
    assert ["1", "FC304", "unknown-figure-name"] in rows
    assert ["1", "input-problem"] in rows


def test_under_github_actions_auto_statistics_are_text():
    result = verify("claims", "--statistics", cwd=FAILING, GITHUB_ACTIONS="true")
    assert result.code == 1, result.output
    assert result.out == failing("--statistics").out


def test_formats_without_statistics_are_refused():
    result = failing("--statistics", "--format", "sarif")
    assert result.code == 2
    assert result.out == ""
    assert "--statistics prints text or JSON" in result.err
    assert "Traceback" not in result.err
