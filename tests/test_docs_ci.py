"""docs/ci.md stays true: each row of its exit code table is a case that runs."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROJECT, Run
from snapshots import (
    FAILING,
    broken_copy,
    suppressed_copy,
    verify,
    verify_bundled,
    warning_copy,
)
from snapshots import verify_failing as failing

PAGE = (PROJECT / "docs" / "ci.md").read_text(encoding="utf-8")


def exit_code_rows() -> list[tuple[int, str]]:
    """The table under "## Exit codes": (exit code, when) per row."""
    section = re.search(r"^## Exit codes\n(.*?)(?=^## |\Z)", PAGE, re.M | re.S)
    assert section, "docs/ci.md has no Exit codes section"
    rows = re.findall(r"^\| `(\d)` \| (.+?) \| .+ \|$", section.group(1), re.M)
    return [(int(code), when) for code, when in rows]


def _holds(tmp_path: Path) -> list[Run]:
    root = suppressed_copy(tmp_path)
    shares = root / "claims" / "musterland-integration" / "zentren.yaml"
    shares.write_text(
        shares.read_text(encoding="utf-8") + "    suppress: [{rule: FC102, reason: As printed.}]\n",
        encoding="utf-8",
    )
    return [verify_bundled(), verify("claims", cwd=root)]


def _exit_zero(tmp_path: Path) -> list[Run]:
    return [failing("--exit-zero")]


def _failed(tmp_path: Path) -> list[Run]:
    return [failing(), failing("--format", "json")]


def _strict(tmp_path: Path) -> list[Run]:
    root = warning_copy(tmp_path)
    lenient = verify("claims", cwd=root)
    assert lenient.code == 0 and "FC101 warn" in lenient.out, lenient.output
    return [verify("claims", "--strict", cwd=root)]


def _bad_input(tmp_path: Path) -> list[Run]:
    root = broken_copy(tmp_path)
    return [
        verify("claims", cwd=root),
        verify("claims", "--exit-zero", cwd=root),
        failing("claims/no-such-claim.yaml"),
    ]


def _bad_command(tmp_path: Path) -> list[Run]:
    bad_config = tmp_path / "bad-config"
    shutil.copytree(FAILING, bad_config)
    (bad_config / ".factcheck.yaml").write_text("rulez: {}\n", "utf-8")
    return [
        failing("--no-such-option"),
        failing("--format", "xml"),
        failing("--statistics", "--format", "junit"),
        failing("--output-file", tmp_path / "missing" / "report.txt"),
        verify("claims", cwd=bad_config),
        verify("claims", cwd=FAILING, SOURCE_DATE_EPOCH="tomorrow"),
    ]


#: A phrase of the row's "when" cell -> the runs that show it.
CASES: dict[str, Callable[[Path], list[Run]]] = {
    "every check that could be evaluated holds": _holds,
    "with `--exit-zero`, checks failed": _exit_zero,
    "a check failed: a figure is inconsistent": _failed,
    "with `--strict`, a check warned": _strict,
    "the input could not be used": _bad_input,
    "the command could not be used": _bad_command,
}


def test_every_row_has_a_case_and_every_case_a_row():
    rows = exit_code_rows()
    assert {code for code, _ in rows} == {0, 1, 2}
    for _, when in rows:
        assert sum(phrase in when for phrase in CASES) == 1, when
    for phrase in CASES:
        assert any(phrase in when for _, when in rows), phrase


@pytest.mark.parametrize(("code", "when"), exit_code_rows())
def test_each_row_exits_as_the_table_says(code: int, when: str, tmp_path: Path):
    (case,) = [case for phrase, case in CASES.items() if phrase in when]
    for run in case(tmp_path):
        assert run.code == code, (when, run.output)
        assert "Traceback" not in run.output
