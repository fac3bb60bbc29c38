"""docs/output-formats.md stays true: a section per format, examples as the tests see them."""

from __future__ import annotations

import json
import re

from conftest import PROJECT
from snapshots import SNAPSHOTS

from factcheck.cli import OutputFormat

PAGE = (PROJECT / "docs" / "output-formats.md").read_text(encoding="utf-8")


def section(name: str) -> str:
    """The text of the page's section headed ``## `name` ``."""
    match = re.search(rf"^## `{re.escape(name)}`\n(.*?)(?=^## |\Z)", PAGE, re.M | re.S)
    assert match, f"docs/output-formats.md has no section for {name}"
    return match.group(1)


def example(name: str, language: str) -> str:
    """The first ```language block of the named section."""
    match = re.search(rf"^```{language}\n(.*?)^```$", section(name), re.M | re.S)
    assert match, f"the {name} section has no {language} example"
    return match.group(1)


def test_every_format_is_in_the_table_and_has_a_section():
    for output_format in OutputFormat:
        assert f"| `{output_format.value}`" in PAGE
        if output_format is not OutputFormat.auto:
            section(output_format.value)


def test_text_examples_are_the_real_output():
    for name, snapshot in (
        ("concise", "failing.concise.txt"),
        ("github", "failing.github.txt"),
        ("--statistics", "failing.statistics.txt"),
    ):
        assert example(name, "text") == (SNAPSHOTS / snapshot).read_text(encoding="utf-8")


def test_json_example_is_the_failing_sum_of_the_real_report():
    report = json.loads((SNAPSHOTS / "failing.json").read_text(encoding="utf-8"))
    shown = json.loads(example("json", "json"))
    assert shown in report["findings"]
    assert shown["outcome"] == "fail"


def test_the_documented_problem_matcher_reads_every_concise_finding_line():
    pattern = re.search(r"can read the lines with\n`(\^.+\$)`", PAGE)
    assert pattern, "the concise section lost its problem matcher"
    matcher = re.compile(pattern.group(1))
    lines = (SNAPSHOTS / "failing.concise.txt").read_text(encoding="utf-8").splitlines()
    found = [matcher.match(line) for line in lines[:-2]]
    assert all(found)
    assert [(m.group(4), m.group(5)) for m in found] == [("FC101", "fail"), ("FC102", "fail")]
