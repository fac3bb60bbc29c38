"""FC103 same-figure-disagrees."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome

CLAIM = """\
id: same
source: {slug}
claim: Dieselbe Zahl
figures:
  erste: {{quote: "50 von 54 Kreisen", value: "{first}"}}
  zweite: {{quote: "50 von 54 Kreisen", value: "{second}"}}
checks:
  - same: [{names}]
"""


def _finding(source_dir: Path, first: str, second: str, names: str = "erste, zweite"):
    text = CLAIM.format(slug=SOURCE_SLUG, first=first, second=second, names=names)
    (source_dir / "same.yaml").write_text(text, "utf-8")
    report = run(load_corpus([source_dir]))
    assert not report.problems, report.problems
    result = next(r for r in report.results if r.claim.id == "same")
    return next(f for f in result.findings if f.code == "FC103")


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        ("50", "50", "erste 50 = zweite 50: the figures agree exactly"),
        ("rund 600", "640", "erste rund 600 = zweite 640: the figures agree within their rounding"),
        ("13,4 Mio. €", "13.400.000 €", "erste 13,4 Mio. € = zweite 13.400.000 €: the figures"),
        ("über 5.000", "5.213", "erste über 5.000 = zweite 5.213: the figures agree"),
    ],
)
def test_figures_that_share_a_value_agree(source_dir: Path, first: str, second: str, message):
    finding = _finding(source_dir, first, second)
    assert finding.outcome is Outcome.PASS, finding.message
    assert finding.message.startswith(message)


def test_50_and_52_disagree_with_the_nearest_values(source_dir: Path):
    finding = _finding(source_dir, "50", "52")
    assert finding.outcome is Outcome.FAIL
    assert not finding.gross
    assert finding.message == (
        "erste 50 = zweite 52 does not hold: erste and zweite differ by 2, a gap of 2 beyond "
        "rounding. Nearest consistent values, each on its own: erste 52, zweite 50"
    )
    assert finding.numbers.nearest == {"erste": D(52), "zweite": D(50)}


def test_amounts_disagree_beyond_their_rounding(source_dir: Path):
    finding = _finding(source_dir, "13,4 Mio. €", "13,6 Mio. €")
    assert finding.outcome is Outcome.FAIL
    assert "differ by 0,2 Mio. €, a gap of 0,1 Mio. € beyond rounding" in finding.message
    assert (
        "(rounding allows erste 13,4 Mio. € (between 13,35 and 13,45 Mio. €), zweite 13,6 Mio. € "
        "(between 13,55 and 13,65 Mio. €))" in finding.message
    )
    # 13,5 rounds from 13,45 to 13,55, which meets both.
    assert finding.message.endswith("erste 13,5 Mio. €, zweite 13,5 Mio. €")


def test_a_qualifier_that_does_not_cover_the_other_figure_is_gross(source_dir: Path):
    finding = _finding(source_dir, "rund 600", "700")
    assert finding.gross
    assert (
        "erste rund 600 = zweite 700 does not hold: erste and zweite differ by 100, a gap of "
        "50 beyond rounding (rounding allows erste rund 600 (between 550 and 650))."
        " The qualifier 'rund' does not hold." in finding.message
    )
    assert finding.message.endswith("erste rund 700, zweite 650")


def test_ueber_names_a_threshold_below_the_other_figure(source_dir: Path):
    finding = _finding(source_dir, "über 5.000", "4.800")
    assert finding.gross
    # "über 4.800" leaves 4.800 out; "über 4.799" holds it.
    assert finding.message.endswith("erste über 4.799, zweite 5.001")


def test_three_figures_name_the_pair_furthest_apart(source_dir: Path):
    text = CLAIM.format(slug=SOURCE_SLUG, first="50", second="52", names="erste, zweite, dritte")
    text = text.replace("checks:", '  dritte: {quote: "50 von 54 Kreisen", value: "50"}\nchecks:')
    (source_dir / "same.yaml").write_text(text, "utf-8")
    result = next(r for r in run(load_corpus([source_dir])).results if r.claim.id == "same")
    finding = next(f for f in result.findings if f.code == "FC103")
    assert finding.message.startswith(
        "erste 50 = zweite 52 = dritte 50 does not hold: erste and zweite differ by 2"
    )
    assert finding.message.endswith("zweite 50")


def test_a_figure_in_another_claim(source_dir: Path):
    finding = _finding(source_dir, "50", "50", "erste, ki-50-von-54.mit_zentrum")
    assert finding.outcome is Outcome.PASS
    assert finding.message == "erste 50 = ki-50-von-54.mit_zentrum 50: the figures agree exactly"


@pytest.mark.parametrize(
    ("first", "second", "names", "why"),
    [
        ("50.", "50", "erste, zweite", "erste (ordinal), zweite (count) are not the same kind"),
        ("50 €", "50", "erste, zweite", "zweite cannot be converted to the unit of erste (EUR)"),
        ("50", "50", "erste, erste", "'same' lists at least two different figures"),
    ],
)
def test_figures_that_cannot_be_the_same_are_not_evaluated(
    source_dir: Path, first: str, second: str, names: str, why: str
):
    finding = _finding(source_dir, first, second, names)
    assert finding.outcome is Outcome.NOT_EVALUATED
    assert why in finding.message


def test_an_ordinal_is_pointed_to_compare(source_dir: Path):
    finding = _finding(source_dir, "50.", "50")
    assert "relate them with a 'compare' check such as 'erste = zweite'" in finding.message


def test_the_cli_reports_the_disagreement_and_exits_1(factcheck, source_dir: Path):
    claim = source_dir / "ki-nahezu-flaechendeckend.yaml"
    text = claim.read_text("utf-8").replace('value: "50"', 'value: "52"')
    text = text.replace("Mit den 50 Kreisen", "Mit den 52 Kreisen")
    claim.write_text(text, "utf-8")
    source = source_dir / "source.txt"
    source.write_text(source.read_text("utf-8").replace("Mit den 50", "Mit den 52"), "utf-8")
    run = factcheck("verify", source_dir.parent)
    assert run.code == 1, run.output
    assert (
        "mit_zentrum 52 = ki-50-von-54.mit_zentrum 50 does not hold: mit_zentrum and "
        "ki-50-von-54.mit_zentrum differ by 2" in run.out
    )
