"""FC302 claim-without-checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome, Verdict


def _result(source_dir: Path, figures: str, extra: str = ""):
    text = f"id: bare\nsource: {SOURCE_SLUG}\nclaim: Eine Zahl\nfigures:\n{figures}{extra}"
    (source_dir / "bare.yaml").write_text(text, "utf-8")
    report = run(load_corpus([source_dir]))
    assert not report.problems, report.problems
    return next(r for r in report.results if r.claim.id == "bare")


def test_figures_without_a_check_warn_once_and_the_claim_is_not_checkable(source_dir: Path):
    result = _result(
        source_dir,
        '  plaetze: {quote: "rund 21.000 Plätze", value: "rund 21.000"}\n'
        '  antraege: {quote: "rund 600 Anträge", value: "rund 600"}\n',
    )
    [finding] = [f for f in result.findings if f.code.startswith("FC30")]
    assert (finding.code, finding.outcome, str(finding.location)) == (
        "FC302",
        Outcome.WARN,
        f"{source_dir / 'bare.yaml'}:1:1",
    )
    assert finding.message == (
        "the claim records plaetze rund 21.000, antraege rund 600 but no check relates them, "
        "so it is not checkable by rules. Add a check, or suppress FC302 with the reason none "
        "applies"
    )
    assert result.verdict is Verdict.NOT_CHECKABLE


@pytest.mark.parametrize(
    "figures",
    [
        '  jahr: {quote: "aus dem Jahr 2012", value: "2012"}\n',
        '  datum: {quote: "Am 12. Februar wurde", value: "12. Februar"}\n',
    ],
)
def test_a_claim_that_only_places_itself_in_time_is_not_reported(source_dir: Path, figures):
    result = _result(source_dir, figures)
    assert [f for f in result.findings if f.code == "FC302"] == []
    assert result.verdict is Verdict.NOT_CHECKABLE


def test_a_figure_another_claim_checks_makes_the_claim_checked(source_dir: Path):
    result = _result(source_dir, '  total: {quote: "13,4 Millionen Euro", value: "13,4 Mio. €"}\n')
    assert [f.code for f in result.findings if f.code == "FC302"] == ["FC302"]
    (source_dir / "uses.yaml").write_text(
        f"id: uses\nsource: {SOURCE_SLUG}\nclaim: x\n"
        'checks:\n  - compare: "komm-an-budget.ki_personal <= bare.total"\n',
        "utf-8",
    )
    report = run(load_corpus([source_dir]))
    bare = next(r for r in report.results if r.claim.id == "bare")
    assert [f for f in bare.findings if f.code == "FC302"] == []


def test_the_bundled_kita_claim_is_suppressed_with_its_reason(factcheck):
    run = factcheck("verify", "--format", "rich")
    assert run.code == 0, run.output
    assert "kita-plaetze not checkable by rules" in run.out
    assert "~ suppressed warn FC302 claims/nrw-spd-faktencheck-integration/kita-plaetze.yaml" in (
        run.out
    )
    assert "reason: The release gives no figure that the 21.000 places add up to" in run.out
