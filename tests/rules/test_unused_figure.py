"""FC301 unused-figure."""

from __future__ import annotations

from pathlib import Path

from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome, Verdict

CLAIM = """\
id: budget
source: {slug}
claim: Ein Budget
figures:
  total: {{quote: "13,4 Millionen Euro", value: "13,4 Mio. €"}}
  ehrenamt: {{quote: "7,7 Millionen Euro", value: "7,7 Mio. €"}}
  agenturen: {{quote: "1,5 Millionen Euro", value: "1,5 Mio. €"}}
  jahr: {{quote: "In 2016 werden", value: "2016"}}
{checks}
"""


def _result(source_dir: Path, checks: str, other: str = ""):
    (source_dir / "budget.yaml").write_text(CLAIM.format(slug=SOURCE_SLUG, checks=checks), "utf-8")
    if other:
        (source_dir / "other.yaml").write_text(other, "utf-8")
    report = run(load_corpus([source_dir]))
    assert not report.problems, report.problems
    return next(r for r in report.results if r.claim.id == "budget")


def test_a_figure_no_check_names_warns_and_the_claim_stays_consistent(source_dir: Path):
    result = _result(source_dir, 'checks:\n  - compare: "ehrenamt <= total"')
    unused = [f for f in result.findings if f.code == "FC301"]
    assert [(f.outcome, f.level, str(f.location).rsplit(":", 2)[1:]) for f in unused] == [
        (Outcome.WARN, "warning", ["7", "3"])
    ]
    assert unused[0].message == (
        "figure 'agenturen' (1,5 Mio. €) is used by no check: it is checked against its quote "
        "only. Name it in a check of this claim, or of another as budget.agenturen, or remove it"
    )
    # The year places the claim in time and is not reported; the verdict is the checks'.
    assert result.verdict is Verdict.CONSISTENT


def test_a_figure_used_in_an_expression_or_by_another_claim_is_used(source_dir: Path):
    other = (
        f"id: other\nsource: {SOURCE_SLUG}\nclaim: x\n"
        'checks:\n  - compare: "budget.agenturen <= budget.total"\n'
    )
    result = _result(
        source_dir, 'checks:\n  - derived: "ehrenamt / total"\n    expected: "57 %"', other
    )
    assert [f for f in result.findings if f.code == "FC301"] == []


def test_a_claim_without_any_check_is_left_to_fc302(source_dir: Path):
    result = _result(source_dir, "")
    assert [f.code for f in result.findings if f.code.startswith("FC30")] == ["FC302"]
    assert result.verdict is Verdict.NOT_CHECKABLE


def test_the_bundled_corpus_has_no_unused_figure(factcheck):
    run = factcheck("verify")
    assert run.code == 0, run.output
    assert "FC301" not in run.out
