"""The rich format: the report for people, as a snapshot of what a terminal shows."""

from __future__ import annotations

from pathlib import Path

from snapshots import assert_snapshot, broken_copy, verify
from snapshots import verify_failing as failing


def test_failing_fixture_report_as_people_read_it():
    result = failing("--format", "rich")
    assert result.code == 1, result.output
    assert_snapshot("failing.rich.txt", result.out)
    assert "muster-an-budget inconsistent" in result.out
    assert "✘ fail FC101 claims/musterland-integration/muster-an-budget.yaml:18:5" in result.out
    assert "zentren inconsistent" in result.out
    assert "✘ fail FC102 claims/musterland-integration/zentren.yaml:15:5" in result.out


def test_input_problems_open_the_report_with_file_line_and_column(tmp_path: Path):
    result = verify("claims", "--format", "rich", cwd=broken_copy(tmp_path))
    assert result.code == 2, result.output
    first, second = result.out.splitlines()[:2]
    assert first.startswith("error claims/musterland-integration/kaputt.yaml:3:1: YAML syntax")
    assert second == (
        "error claims/musterland-integration/sprachkurse.yaml:15:23: "
        "unknown figure 'kindr' (did you mean 'kinder'?) (FC304)"
    )
    assert "sprachkurse not evaluated" in result.out
