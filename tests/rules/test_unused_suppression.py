"""FC901 unused-suppression."""

from __future__ import annotations

from pathlib import Path

from conftest import SOURCE_SLUG

from factcheck.engine import Settings, run
from factcheck.load import load_corpus
from factcheck.model import Outcome

CLAIM = f"""\
id: budget
source: {SOURCE_SLUG}
claim: KOMM-AN
figures:
  total: {{quote: "13,4 Millionen Euro", value: "13,4 Mio. €"}}
  ehrenamt: {{quote: "7,7 Millionen Euro", value: "7,7 Mio. €"}}
  agenturen: {{quote: "1,5 Millionen Euro", value: "1,5 Mio. €"}}
  personal: {{quote: "4,2 Millionen", value: "PERSONAL"}}
checks:
  - sum: [ehrenamt, agenturen, personal]
    equals: total
    suppress:
      - rule: FC101
        reason: The staff budget was raised after the release.
"""


def _fc901(source_dir: Path, personal: str, settings: Settings | None = None):
    (source_dir / "budget.yaml").write_text(CLAIM.replace("PERSONAL", personal), "utf-8")
    report = run(load_corpus([source_dir]), settings)
    result = next(r for r in report.results if r.claim.id == "budget")
    return [f for f in result.findings if f.code == "FC901"]


def test_a_suppression_that_suppresses_a_failure_is_not_reported(source_dir: Path):
    assert _fc901(source_dir, "4,9 Mio. €") == []


def test_a_suppression_with_nothing_to_suppress_warns_at_its_place(source_dir: Path):
    [finding] = _fc901(source_dir, "4,2 Mio. €")
    assert finding.outcome is Outcome.WARN
    assert finding.level == "warning"
    assert str(finding.location).endswith("budget.yaml:13:9")
    assert finding.message == (
        "the suppression of FC101 on the 'sum' check at line 10 suppresses nothing: no FC101 "
        "finding there fails or warns; remove it (its reason was 'The staff budget was raised "
        "after the release.')"
    )


def test_an_unused_suppression_fails_the_run_only_with_strict(factcheck, source_dir: Path):
    (source_dir / "budget.yaml").write_text(CLAIM.replace("PERSONAL", "4,2 Mio. €"), "utf-8")
    run_ = factcheck("verify", source_dir, "--format", "rich")
    assert run_.code == 0, run_.output
    assert "! warn FC901" in run_.out
    assert factcheck("verify", source_dir, "--strict").code == 1


def test_a_suppression_of_a_rule_that_did_not_run_is_not_judged(source_dir: Path):
    assert _fc901(source_dir, "4,2 Mio. €", Settings(off=frozenset({"FC101"}))) == []


def test_a_suppression_of_a_check_that_was_not_evaluated_is_not_judged(source_dir: Path):
    # A percentage cannot be added to euros: the sum is not evaluated, so nobody can tell
    # whether the suppression is still needed.
    assert _fc901(source_dir, "4,2 %") == []


def test_turned_off_or_raised_to_error_in_the_configuration(source_dir: Path):
    assert _fc901(source_dir, "4,2 Mio. €", Settings(off=frozenset({"FC901"}))) == []
    [finding] = _fc901(source_dir, "4,2 Mio. €", Settings(levels={"FC901": "error"}))
    assert finding.outcome is Outcome.FAIL
