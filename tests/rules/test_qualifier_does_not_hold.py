"""FC107 qualifier-does-not-hold."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome

CLAIM = """\
id: qualified
source: {slug}
claim: Brückenprojekte
figures:
  qualified: {{quote: "{quote}", value: "{qualified}"}}
  exact: {{quote: "{quote}", value: "{exact}"}}
checks:
  - qualified: qualified
    exact: exact
"""


def _finding(source_dir: Path, qualified: str, exact: str, quote: str = "über 5.000 Kindern"):
    text = CLAIM.format(slug=SOURCE_SLUG, quote=quote, qualified=qualified, exact=exact)
    (source_dir / "qualified.yaml").write_text(text, "utf-8")
    report = run(load_corpus([source_dir]))
    result = next(r for r in report.results if r.claim.id == "qualified")
    return next(f for f in result.findings if f.code == "FC107")


@pytest.mark.parametrize(
    ("qualified", "exact", "message"),
    [
        ("über 5.000", "5.213", "exact 5.213 lies in qualified über 5.000 (over 5.000)"),
        ("rund 600", "640", "exact 640 lies in qualified rund 600 (between 550 and 650)"),
        ("rund 10 Mio. €", "9,8 Mio. €", "exact 9,8 Mio. € lies in qualified rund 10 Mio. €"),
        ("rund 10 Mio. €", "9.800.000 €", "exact 9.800.000 € lies in qualified rund 10 Mio. €"),
    ],
)
def test_an_exact_figure_the_qualifier_covers_passes(
    source_dir: Path, qualified: str, exact: str, message: str
):
    finding = _finding(source_dir, qualified, exact)
    assert finding.outcome is Outcome.PASS
    assert finding.message.startswith(message)


def test_rund_600_does_not_cover_700_grossly(source_dir: Path):
    finding = _finding(source_dir, "rund 600", "700")
    assert finding.outcome is Outcome.FAIL
    assert finding.gross
    assert finding.message == (
        "exact 700 is outside qualified rund 600 (between 550 and 650): a gap of 50. "
        "The qualifier 'rund' does not hold. "
        "Nearest consistent values, each on its own: exact 650, qualified rund 700"
    )
    assert finding.numbers.nearest == {"exact": D(650), "qualified": D(700)}
    assert finding.numbers.computed == D(700)
    assert finding.numbers.stated == D(600)


def test_ueber_5000_does_not_cover_4800(source_dir: Path):
    finding = _finding(source_dir, "über 5.000", "4.800")
    assert finding.outcome is Outcome.FAIL
    assert finding.gross
    # Counts are whole numbers: 4.800 is exactly 4.800, and 5.000 is not "über 5.000".
    assert "a gap of 200" in finding.message
    assert finding.message.endswith("exact 5.001, qualified über 4.000")


def test_a_figure_without_qualifier_fails_but_not_grossly(source_dir: Path):
    finding = _finding(source_dir, "5.000", "5.213")
    assert finding.outcome is Outcome.FAIL
    assert not finding.gross
    assert finding.message == (
        "exact 5.213 is outside qualified 5.000 (5.000): a gap of 213. "
        "Nearest consistent values, each on its own: exact 5.000, qualified 5.213"
    )


def test_incompatible_units_are_not_evaluated(source_dir: Path):
    finding = _finding(source_dir, "über 5.000", "5.213 €")
    assert finding.outcome is Outcome.NOT_EVALUATED
    assert "exact (EUR) cannot be converted to the unit of qualified (a number)" in (
        finding.message
    )
