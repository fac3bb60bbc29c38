"""Every rule's documented examples run: each "Passes" example passes and each "Fails"
example fails, as a claim of the bundled source. A rule added later is covered here with no
test of its own for its examples."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome
from factcheck.ruledocs import Example, examples
from factcheck.rules import INPUT, Rule, all_rules

CASES = [
    pytest.param(rule, example, id=f"{rule.code}-{index}-{'passes' if example.passes else 'fails'}")
    for rule in all_rules()
    for index, example in enumerate(examples(rule), start=1)
]


def test_every_rule_documents_an_example_that_passes_and_one_that_fails():
    for rule in all_rules():
        kinds = {example.passes for example in examples(rule)}
        assert kinds == {True, False}, f"{rule.code} needs a 'Passes' and a 'Fails' example"


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_the_example_passes_or_fails_as_documented(source_dir: Path, rule: Rule, example: Example):
    claim = f"id: example\nsource: {SOURCE_SLUG}\nclaim: The documented example.\n"
    path = source_dir / "example.yaml"
    path.write_text(claim + textwrap.dedent(example.yaml), "utf-8")
    report = run(load_corpus([source_dir]))
    problems = [p for p in report.problems if p.location.path == str(path)]
    if rule.phase == INPUT:
        # A rule that names unusable input fails as an input problem with its code.
        codes = [p.code for p in problems]
        assert codes == ([] if example.passes else [rule.code]), f"{example.says} -- {problems}"
        return
    shown_problems = [str(p) for p in problems]
    assert not problems, (
        f"{rule.code} example {example.says!r} is not a valid claim: {shown_problems}"
    )
    result = next(r for r in report.results if r.claim.id == "example")
    mine = [f for f in result.findings if f.code == rule.code and f.suppressed is None]
    outcomes = [f.outcome for f in mine]
    shown = "; ".join(f"{f.outcome.value}: {f.message}" for f in mine) or "no finding"
    if example.passes:
        assert not set(outcomes) - {Outcome.PASS}, f"{example.says} -- but {shown}"
        if rule.check is not None:
            assert Outcome.PASS in outcomes, f"{example.says} -- but {shown}"
    else:
        assert {Outcome.FAIL, Outcome.WARN} & set(outcomes), f"{example.says} -- but {shown}"
