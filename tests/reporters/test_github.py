"""The github format: workflow commands, read back the way GitHub's runner reads them."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

from snapshots import FAILING, assert_snapshot, broken_copy, verify, verify_bundled
from snapshots import verify_failing as failing

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Location, Outcome
from factcheck.reporters.github import render

#: A workflow command: ``::name key=value,key=value::data`` (GitHub's documented syntax).
COMMAND = re.compile(r"^::(?P<name>[a-z-]+)(?: (?P<properties>[^:]*))?::(?P<data>.*)$")


def unescape(text: str) -> str:
    """Undo the toolkit's escaping; ``%25`` last, so ``%253A`` stays ``%3A``."""
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def annotations(out: str) -> list[dict[str, str]]:
    """Each workflow command of the output as ``{command, file, line, col, title, message}``."""
    found = []
    for line in out.splitlines():
        match = COMMAND.match(line)
        if not match:
            continue
        properties = dict(pair.split("=", 1) for pair in match["properties"].split(","))
        annotation = {key: unescape(value) for key, value in properties.items()}
        annotation.update(command=match["name"], message=unescape(match["data"]))
        found.append(annotation)
    return found


def test_failing_sum_and_share_are_error_annotations_on_their_check_lines():
    result = failing("--format", "github")
    assert result.code == 1, result.output
    assert_snapshot("failing.github.txt", result.out)
    errors = [a for a in annotations(result.out) if a["title"].startswith("FC101")]
    assert errors == [
        {
            "command": "error",
            "file": "claims/musterland-integration/muster-an-budget.yaml",
            "line": "18",
            "col": "5",
            "title": "FC101 parts-do-not-sum-to-total: fail in muster-an-budget",
            "message": errors[0]["message"],
        }
    ]
    assert errors[0]["message"].startswith("7,7 + 1,5 + 4,9 = 14,1 Mio. €, but total is stated")
    assert (FAILING / errors[0]["file"]).is_file()
    (share,) = [a for a in annotations(result.out) if a["title"].startswith("FC102")]
    assert (share["command"], share["file"], share["line"], share["col"]) == (
        "error",
        "claims/musterland-integration/zentren.yaml",
        "15",
        "5",
    )
    assert share["title"] == "FC102 share-does-not-match: fail in zentren"
    assert share["message"].startswith("50 von 54 = 92,6 %, but anteil is stated as 95 %")


def test_bundled_corpus_has_no_error_annotation_and_says_so_in_plain_lines():
    result = verify_bundled("--format", "github")
    assert result.code == 0, result.output
    assert {a["command"] for a in annotations(result.out)} <= {"warning", "notice"}
    assert " 0 failed, " in result.out


def test_github_actions_environment_makes_auto_write_annotations():
    result = verify("claims", cwd=FAILING, GITHUB_ACTIONS="true")
    assert result.code == 1, result.output
    assert result.out == failing("--format", "github").out


def test_input_problems_are_error_annotations(tmp_path: Path):
    result = verify("claims", "--format", "github", cwd=broken_copy(tmp_path))
    assert result.code == 2, result.output
    problems = [a for a in annotations(result.out) if a["title"].endswith("input problem")]
    assert [a["title"] for a in problems] == ["input problem", "FC304 input problem"]
    assert {a["command"] for a in problems} == {"error"}
    assert [(a["file"], a["line"], a["col"]) for a in problems] == [
        ("claims/musterland-integration/kaputt.yaml", "3", "1"),
        ("claims/musterland-integration/sprachkurse.yaml", "15", "23"),
    ]
    assert problems[1]["message"] == "unknown figure 'kindr' (did you mean 'kinder'?)"


def test_percent_line_breaks_colons_and_commas_survive_the_round_trip():
    report = run(load_corpus([FAILING / "claims"]))
    first = report.results[0]
    odd = replace(
        first.findings[-1],
        outcome=Outcome.WARN,
        location=Location("claims/a,b: 100%/x.yaml", 3, 7),
        message="50 % of 1,5: not\r\nheld %0A",
    )
    report = replace(report, results=(replace(first, findings=(odd,)),))
    out = io.StringIO()
    render(report, out)
    (annotation,) = annotations(out.getvalue())
    assert annotation["command"] == "warning"
    assert annotation["file"] == "claims/a,b: 100%/x.yaml"
    assert annotation["message"] == "50 % of 1,5: not\r\nheld %0A"
    assert "\n" not in out.getvalue().splitlines()[0]
