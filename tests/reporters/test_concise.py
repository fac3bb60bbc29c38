"""The concise format: one line per finding that did not pass, as logs and editors read it."""

from __future__ import annotations

import re
from pathlib import Path

from snapshots import (
    DATE,
    FAILING,
    SETTINGS_TEXT,
    assert_snapshot,
    broken_copy,
    verify,
    verify_bundled,
)
from snapshots import verify_failing as failing

from factcheck import __version__

#: How an editor's problem matcher reads a line: file, line, column, code, outcome, message.
LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?:(?P<code>FC\d{3}) )?"
    r"(?P<outcome>fail|fail \(gross\)|warn|not evaluated|error): (?P<message>.+)$"
)


def matched(out: str) -> list[re.Match[str]]:
    """The problem lines of the output, each matched by LINE; every other line is summary."""
    lines = out.splitlines()
    found = [match for line in lines if (match := LINE.match(line))]
    assert len(found) == len(lines) - 2, out
    return found


def test_failing_fixture_lists_the_failed_sum_at_its_check(tmp_path: Path):
    run = failing("--format", "concise")
    assert run.code == 1, run.output
    assert_snapshot("failing.concise.txt", run.out)
    problems = matched(run.out)
    sums = [m for m in problems if m["code"] == "FC101"]
    assert len(sums) == 1
    (problem,) = sums
    assert problem["outcome"] == "fail"
    assert "7,7 + 1,5 + 4,9 = 14,1 Mio. €, but total is stated as 13,4 Mio. €" in problem["message"]
    claim_lines = (FAILING / problem["file"]).read_text(encoding="utf-8").splitlines()
    line = claim_lines[int(problem["line"]) - 1]
    assert line[int(problem["column"]) - 1 :].startswith("sum: [ehrenamt, agenturen, personal]")


def test_bundled_corpus_prints_only_the_summary_and_provenance():
    run = verify_bundled("--format", "concise")
    assert run.code == 0, run.output
    assert matched(run.out) == []
    summary, provenance = run.out.splitlines()
    assert re.fullmatch(r"\d+ claims: \d+ checks passed, 0 failed, 0 warned, .*", summary)
    assert provenance == (f"factcheck {__version__}, generated {DATE}, settings: {SETTINGS_TEXT}")


def test_input_problems_come_first_with_file_line_and_column(tmp_path: Path):
    run = verify("claims", "--format", "concise", cwd=broken_copy(tmp_path))
    assert run.code == 2, run.output
    problems = matched(run.out)
    errors = [m for m in problems if m["outcome"] == "error"]
    assert [(m["file"], m["line"], m["column"]) for m in errors] == [
        ("claims/musterland-integration/kaputt.yaml", "3", "1"),
        ("claims/musterland-integration/sprachkurse.yaml", "15", "23"),
    ]
    assert errors[1]["message"] == "unknown figure 'kindr' (did you mean 'kinder'?)"
    assert problems[: len(errors)] == errors


def test_piped_output_is_concise_by_default():
    run = failing()
    assert run.code == 1, run.output
    assert run.out == failing("--format", "concise").out
