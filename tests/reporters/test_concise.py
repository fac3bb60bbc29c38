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
    r"(?P<outcome>fail|fail \(gross\)|warn|not evaluated|suppressed fail|suppressed warn|error): "
    r"(?P<message>.+)$"
)


def matched(out: str) -> list[re.Match[str]]:
    """The problem lines of the output, each matched by LINE; every other line is summary."""
    lines = out.splitlines()
    found = [match for line in lines if (match := LINE.match(line))]
    assert len(found) == len(lines) - 2, out
    return found


def check_at(problem: re.Match[str]) -> str:
    """The text of the claim file from the line and column a problem names."""
    claim_lines = (FAILING / problem["file"]).read_text(encoding="utf-8").splitlines()
    return claim_lines[int(problem["line"]) - 1][int(problem["column"]) - 1 :]


def test_failing_fixture_lists_the_failed_sum_and_share_at_their_checks():
    run = failing("--format", "concise")
    assert run.code == 1, run.output
    assert_snapshot("failing.concise.txt", run.out)
    problems = {m["code"]: m for m in matched(run.out)}
    assert set(problems) == {"FC101", "FC102"}
    assert {m["outcome"] for m in problems.values()} == {"fail"}
    total = problems["FC101"]
    assert "7,7 + 1,5 + 4,9 = 14,1 Mio. €, but total is stated as 13,4 Mio. €" in total["message"]
    assert check_at(total).startswith("sum: [ehrenamt, agenturen, personal]")
    share = problems["FC102"]
    assert share["message"].startswith("50 von 54 = 92,6 %, but anteil is stated as 95 %")
    assert check_at(share).startswith("share: mit_zentrum")


def test_bundled_corpus_fails_nothing_and_lists_only_its_warnings():
    run = verify_bundled("--format", "concise")
    assert run.code == 0, run.output
    shown = matched(run.out)
    assert {m["outcome"] for m in shown} <= {"warn", "not evaluated", "suppressed warn"}
    summary, provenance = run.out.splitlines()[len(shown) :]
    warned = sum(m["outcome"] == "warn" for m in shown)
    assert re.fullmatch(rf"\d+ claims: \d+ checks passed, 0 failed, {warned} warned, .*", summary)
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
    assert [m["code"] for m in errors] == [None, "FC304"]
    assert problems[: len(errors)] == errors
    assert {"FC101", "FC102"} <= {m["code"] for m in problems[len(errors) :]}


def test_piped_output_is_concise_by_default():
    run = failing()
    assert run.code == 1, run.output
    assert run.out == failing("--format", "concise").out
