"""The reliability suite: bad input never crashes, never hangs, never hides the good claims.

Every case of ``reliability_cases.CASES`` runs once, in its own child process with bounded
memory; each test below reads what a user would have seen.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_cases import (
    CASES,
    CORPUS,
    CPU_SECONDS,
    FOLDER,
    GOOD_CLAIM,
    MAX_RSS,
    PROJECT,
    SLUG,
    WALL_SECONDS,
    Case,
    Result,
    factcheck_command,
    measure,
    run_all,
    table,
)

_NAMES = [case.name for case in CASES]


@pytest.fixture(scope="module")
def results() -> dict[str, Result]:
    """Every case's result, by name; the cases run two at a time."""
    return {result.case.name: result for result in run_all()}


def test_case_names_are_unique():
    assert len(set(_NAMES)) == len(_NAMES)


@pytest.mark.parametrize("name", _NAMES)
def test_bad_input_is_one_clear_line_without_traceback_in_bounded_time_and_memory(
    results: dict[str, Result], name: str
):
    result = results[name]
    case = result.case
    assert result.code is not None, f"still running after {WALL_SECONDS} s"
    assert "Traceback" not in result.err, result.err
    assert result.code == case.code, result.out + result.err
    assert result.message_line is not None, (
        f"no line with {case.where!r} and {case.says!r}:\n{result.out}{result.err}"
    )
    if case.code == 2:
        # The message is one line, and the file is named at its start.
        start = rf"^(error |factcheck: error: )?{re.escape(case.where)}: "
        assert re.match(start, result.message_line.strip()), result.message_line
    # The other claims are still checked, unless the configuration could not be read.
    assert result.good_claim_reported == case.others_checked, result.out
    assert result.cpu_seconds <= CPU_SECONDS, f"{result.cpu_seconds:.2f} s of processor time"
    assert result.max_rss <= MAX_RSS, f"{result.max_rss / 2**20:.0f} MiB resident"


def test_docs_hold_the_table_the_script_prints(results: dict[str, Result]):
    doc = (PROJECT / "docs" / "reliability.md").read_text(encoding="utf-8")
    assert table(list(results.values())) in doc


def test_script_prints_the_table_of_the_cases_it_ran(results: dict[str, Result]):
    name = "an empty file"
    printed = subprocess.run(
        [sys.executable, PROJECT / "scripts" / "reliability.py", "--case", name],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert printed == table([results[name]])
    assert "| YAML | 1 | 0 | 0 | 0 | 0 B |" in printed


def test_alias_bomb_binary_and_latin1_beside_a_good_claim(tmp_path: Path):
    """The issue's demonstration: three clear messages, and the good claim still checked."""
    folder = tmp_path / "claims" / SLUG
    folder.mkdir(parents=True)
    for name in ("source.yaml", "source.txt", f"{GOOD_CLAIM}.yaml"):
        shutil.copy(CORPUS / SLUG / name, folder / name)
    by_name = {case.name: case for case in CASES}
    for name in ("an alias bomb (billion laughs)", "a binary file", "a Latin-1 claim"):
        by_name[name].build(folder)
    case = Case("demonstration", "three bad files", lambda folder: folder, "", "", 2)
    command = factcheck_command("verify", "claims", "--format", "rich")
    result = measure(command, tmp_path, case, 0)
    assert result.code == 2
    assert result.cpu_seconds <= CPU_SECONDS
    errors = [line for line in result.out.splitlines() if line.startswith("error ")]
    assert errors == [
        f"error {FOLDER}/binary.yaml: a binary file, not text (a NUL byte at offset 7); "
        "expected UTF-8 text",
        f"error {FOLDER}/bomb.yaml:1:5: YAML anchors and aliases (&name, *name) are not "
        "allowed; write the value out",
        f"error {FOLDER}/latin.yaml:6:18: not UTF-8 text: byte 0xfc (offset 186) cannot stand "
        "here in UTF-8; in Latin-1 or Windows-1252 it is 'ü', so the file is likely in one of "
        "those; save the file as UTF-8",
    ]
    assert result.good_claim_reported
    assert "✔ pass FC101" in result.out
    # What CI sees (a pipe gets the concise format), with one process or two.
    for jobs in ("1", "2"):
        concise = measure(factcheck_command("verify", "claims", "--jobs", jobs), tmp_path, case, 0)
        assert concise.code == 2
        assert concise.cpu_seconds <= CPU_SECONDS
        problems = [line for line in concise.out.splitlines() if ": error: " in line]
        assert problems == [
            line.replace("error ", "", 1).replace(": ", ": error: ", 1) for line in errors
        ]
        assert "1 claim: 9 checks passed, 0 failed" in concise.out


def test_docs_quote_the_fuzzing_budgets():
    from test_fuzzing import BUDGETS

    doc = (PROJECT / "docs" / "reliability.md").read_text(encoding="utf-8")
    for name, examples in BUDGETS.items():
        assert re.search(rf"^\| {re.escape(name)} \| .* \| {examples} \|$", doc, re.M), name
