"""verify's options: which format ``auto`` picks, --exit-zero, --output-file, the report date."""

from __future__ import annotations

import sys
from pathlib import Path

from snapshots import DATE, FAILING, environment, verify
from snapshots import verify_failing as failing
from terminal import on_terminal


def test_auto_is_rich_on_a_terminal():
    shown = on_terminal(
        [sys.executable, "-m", "factcheck", "verify", "claims"], FAILING, environment(TERM="xterm")
    )
    assert shown == failing("--format", "rich").out


def test_auto_is_concise_in_a_pipe_and_github_under_github_actions():
    assert failing().out == failing("--format", "concise").out
    in_actions = verify("claims", cwd=FAILING, GITHUB_ACTIONS="true")
    assert in_actions.out == failing("--format", "github").out
    assert in_actions.out.startswith("::error file=claims/musterland-integration/")


def test_auto_with_an_output_file_is_concise(tmp_path: Path):
    out = tmp_path / "report.txt"
    result = failing("--output-file", out)
    assert (result.code, result.out) == (1, "")
    assert out.read_text(encoding="utf-8") == failing("--format", "concise").out


def test_exit_zero_passes_failed_checks_but_not_unusable_input(tmp_path: Path):
    result = failing("--exit-zero")
    assert result.code == 0, result.output
    assert "FC101 fail" in result.out
    broken = tmp_path / "claims"
    broken.mkdir()
    (broken / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    assert verify("claims", "--exit-zero", cwd=tmp_path).code == 2


def test_an_output_file_that_cannot_be_written_is_a_one_line_error(tmp_path: Path):
    result = failing("--output-file", tmp_path / "no-such-folder" / "report.json")
    assert result.code == 2
    assert result.err.startswith("factcheck: error: cannot write ")
    assert "No such file or directory" in result.err
    assert "Traceback" not in result.err


def test_source_date_epoch_fixes_the_report_date_and_a_bad_one_is_refused():
    assert f"generated {DATE}" in failing().out
    result = verify("claims", cwd=FAILING, SOURCE_DATE_EPOCH="yesterday")
    assert result.code == 2
    assert result.err == (
        "factcheck: error: SOURCE_DATE_EPOCH must be a whole number of seconds since "
        "1970-01-01 UTC, not 'yesterday'\n"
    )


def test_an_unknown_format_is_refused_with_the_list_of_formats():
    result = failing("--format", "xml")
    assert result.code == 2
    assert "auto" in result.err and "sarif" in result.err and "markdown" in result.err


def test_a_file_name_with_a_line_break_stays_on_its_one_line(factcheck, source_dir: Path):
    (source_dir / "bad\nname\u2028.yaml").write_text("id: [\n", encoding="utf-8")
    run_ = factcheck("verify", source_dir.parent, "--format", "concise")
    assert run_.code == 2
    [line] = [line for line in run_.out.splitlines() if "name" in line and "error" in line]
    assert line.startswith(f"{source_dir}/bad\\nname\\u2028.yaml:2:1: error: YAML syntax error")
