"""The rule reference: docs/rules.md, ``factcheck rules`` and ``factcheck rule``, all made
from the rules' own docstrings."""

from __future__ import annotations

import json
import re

from conftest import PROJECT

from factcheck import ruledocs
from factcheck.rules import DOCS_PATH, all_rules

RULES_MD = PROJECT / DOCS_PATH


def test_docs_rules_md_is_what_the_docstrings_generate():
    written = RULES_MD.read_text("utf-8") if RULES_MD.is_file() else ""
    assert written == ruledocs.reference(), (
        f"{DOCS_PATH} differs from the rules' docstrings; regenerate it with: "
        f"factcheck rules --format markdown > {DOCS_PATH}"
    )


def test_every_rule_has_a_heading_whose_github_anchor_is_its_docs_anchor():
    headings = re.findall(r"^## (.+)$", ruledocs.reference(), re.MULTILINE)
    assert headings == [rule.title for rule in all_rules()]
    for rule in all_rules():
        github = re.sub(r"[^\w\- ]", "", rule.title.lower()).replace(" ", "-")
        assert rule.docs_anchor == github
        assert rule.docs_link == f"docs/rules.md#{github}"
    assert all_rules()[0].docs_anchor == "fc001-quote-not-in-source"


def test_every_docstring_has_the_three_sections_and_a_one_line_summary():
    for rule in all_rules():
        parts = ruledocs.sections(rule)
        assert list(parts) == ["What it checks", "Why it matters", "Example"], rule.code
        assert all(parts.values()), rule.code
        assert rule.summary.endswith("."), f"{rule.code}: the summary is one sentence"


def test_codes_and_names_are_unique_and_well_formed():
    codes = [rule.code for rule in all_rules()]
    names = [rule.name for rule in all_rules()]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    for rule in all_rules():
        assert re.fullmatch(r"FC\d{3}", rule.code), rule.code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.name), rule.name
        assert rule.level in ("error", "warning"), rule.code


def test_rules_lists_code_name_level_and_summary(factcheck):
    run = factcheck("rules")
    assert run.code == 0, run.output
    lines = run.out.splitlines()
    assert len(lines) == len(all_rules())
    assert re.fullmatch(
        r"FC101  parts-do-not-sum-to-total +error +The parts of a total do not add up to it\.",
        lines[[rule.code for rule in all_rules()].index("FC101")],
    )
    assert re.search(r"^FC901  unused-suppression +warning +A suppression", run.out, re.M)


def test_rules_as_json_gives_each_rule_with_its_options_and_docs_link(factcheck):
    run = factcheck("rules", "--format", "json")
    assert run.code == 0, run.output
    rules = {rule["code"]: rule for rule in json.loads(run.out)}
    assert list(rules) == [rule.code for rule in all_rules()]
    assert rules["FC001"]["options"] == [
        {
            "key": "ignore-case",
            "type": "true or false",
            "default": False,
            "help": rules["FC001"]["options"][0]["help"],
        }
    ]
    assert rules["FC101"]["check"] == "sum"
    assert rules["FC901"] == {
        "code": "FC901",
        "name": "unused-suppression",
        "level": "warning",
        "summary": "A suppression suppresses nothing.",
        "check": None,
        "options": [],
        "docs": "docs/rules.md#fc901-unused-suppression",
    }


def test_rules_as_markdown_is_the_reference(factcheck):
    run = factcheck("rules", "--format", "markdown")
    assert run.code == 0, run.output
    assert run.out == ruledocs.reference()


def test_rule_explains_one_rule_by_code_or_name(factcheck):
    by_code = factcheck("rule", "FC101")
    assert by_code.code == 0, by_code.output
    assert by_code.out.startswith(
        "## FC101 parts-do-not-sum-to-total\n\nThe parts of a total do not add up to it.\n\n"
        "Level: error; check: `sum` (keys `sum`, `equals`).\n\n### What it checks\n\n"
    )
    assert "### Why it matters" in by_code.out and "```yaml\nfigures:\n" in by_code.out
    assert factcheck("rule", "parts-do-not-sum-to-total").out == by_code.out
    assert factcheck("rule", "fc101").out == by_code.out


def test_rule_shows_a_rules_options(factcheck):
    run = factcheck("rule", "quote-not-in-source")
    assert run.code == 0, run.output
    assert "| `ignore-case` | true or false | `false` | Find a quote whatever the case" in run.out


def test_an_unknown_rule_is_exit_2_with_the_nearest_name(factcheck):
    run = factcheck("rule", "quote-not-in-sorce")
    assert run.code == 2
    assert run.err == (
        "factcheck: error: unknown rule 'quote-not-in-sorce' (did you mean "
        "'quote-not-in-source'?); 'factcheck rules' lists them\n"
    )
    assert run.out == ""
