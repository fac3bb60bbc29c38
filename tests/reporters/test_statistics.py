"""--statistics: how often each rule did not pass, instead of the report, as ruff does."""

from __future__ import annotations

import json
from pathlib import Path

from snapshots import assert_snapshot, broken_copy, verify, verify_bundled
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


def test_bundled_corpus_has_nothing_to_count():
    result = verify_bundled("--statistics")
    assert (result.code, result.out) == (0, "")
    assert json.loads(verify_bundled("--statistics", "--format", "json").out) == []


def test_input_problems_are_counted_and_exit_2(tmp_path: Path):
    result = verify("claims", "--statistics", cwd=broken_copy(tmp_path))
    assert result.code == 2, result.output
    rows = [line.split() for line in result.out.splitlines()]
    assert ["2", "input-problem"] in rows


def test_formats_without_statistics_are_refused():
    result = failing("--statistics", "--format", "sarif")
    assert result.code == 2
    assert result.out == ""
    assert "--statistics prints text or JSON" in result.err
    assert "Traceback" not in result.err
