"""FC104 comparison-does-not-hold."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome

CLAIM = """\
id: compare
source: {slug}
claim: Ein Vergleich
figures:
  mit_zentrum: {{quote: "50 von 54 Kreisen", value: "{part}"}}
  kreisebene: {{quote: "50 von 54 Kreisen", value: "{whole}"}}
  standort: {{quote: "der 50. Standort", value: "50."}}
  antraege: {{quote: "rund 600 Anträge", value: "rund 600"}}
  kinder: {{quote: "über 5.000 Kindern", value: "über 5.000"}}
checks:
  - compare: "{comparison}"
"""


def _write(source_dir: Path, comparison: str, part: str = "50", whole: str = "54") -> Path:
    text = CLAIM.format(slug=SOURCE_SLUG, part=part, whole=whole, comparison=comparison)
    path = source_dir / "compare.yaml"
    path.write_text(text, "utf-8")
    return path


def _finding(source_dir: Path, comparison: str, part: str = "50", whole: str = "54"):
    _write(source_dir, comparison, part, whole)
    report = run(load_corpus([source_dir]))
    assert not report.problems, report.problems
    result = next(r for r in report.results if r.claim.id == "compare")
    return next(f for f in result.findings if f.code == "FC104")


@pytest.mark.parametrize(
    ("comparison", "message"),
    [
        ("mit_zentrum <= kreisebene", "mit_zentrum ≤ kreisebene: 50 ≤ 54 holds"),
        ("mit_zentrum ≤ kreisebene", "mit_zentrum ≤ kreisebene: 50 ≤ 54 holds"),
        ("mit_zentrum < kreisebene", "mit_zentrum < kreisebene: 50 < 54 holds"),
        ("kreisebene >= mit_zentrum", "kreisebene ≥ mit_zentrum: 54 ≥ 50 holds"),
        ("kreisebene > mit_zentrum", "kreisebene > mit_zentrum: 54 > 50 holds"),
        ("standort = mit_zentrum", "standort = mit_zentrum: 50. = 50 holds"),
        ("standort == mit_zentrum", "standort = mit_zentrum: 50. = 50 holds"),
        ("mit_zentrum + 4 = kreisebene", "mit_zentrum + 4 = kreisebene: 50 + 4 = 54 holds"),
        (
            "antraege * 10 >= kinder",
            "antraege × 10 ≥ kinder: rund 600 × 10 ≥ über 5.000 holds (left between 5.500 "
            "and 6.500, right over 5.000)",
        ),
        ("antraege <= 551", "antraege ≤ 551: rund 600 ≤ 551 holds"),
        ("ki-50-von-54.kreisebene = kreisebene", "ki-50-von-54.kreisebene = kreisebene: 54 = 54"),
    ],
)
def test_a_comparison_that_holds_passes(source_dir: Path, comparison: str, message: str):
    finding = _finding(source_dir, comparison)
    assert finding.outcome is Outcome.PASS, finding.message
    assert finding.message.startswith(message)


def test_a_reversed_order_is_gross_with_the_nearest_values(source_dir: Path):
    finding = _finding(source_dir, "mit_zentrum <= kreisebene", part="56")
    assert finding.outcome is Outcome.FAIL
    assert finding.gross
    assert finding.message == (
        "mit_zentrum ≤ kreisebene: 56 ≤ 54 does not hold: the left side is 2 too high to be "
        "at most the right. The figures stand the other way round from what the claim says. "
        "Nearest consistent values, each on its own: mit_zentrum 54, kreisebene 56"
    )
    assert finding.numbers.nearest == {"mit_zentrum": D(54), "kreisebene": D(56)}
    assert finding.numbers.difference == D(2)


def test_a_strict_order_between_equal_counts_fails(source_dir: Path):
    finding = _finding(source_dir, "mit_zentrum < kreisebene", part="54")
    assert finding.gross
    assert "54 < 54 does not hold: the left side is at best equal to the right, not less than" in (
        finding.message
    )
    assert finding.message.endswith("mit_zentrum 53, kreisebene 55")


def test_a_rounded_figure_is_given_its_whole_range(source_dir: Path):
    finding = _finding(source_dir, "antraege <= 500")
    assert finding.gross
    assert finding.message.startswith(
        "antraege ≤ 500: rund 600 ≤ 500 does not hold (left between 550 and 650, right 500): "
        "the left side is 50 too high to be at most the right."
    )


def test_a_failed_equality_is_an_inconsistency(source_dir: Path):
    finding = _finding(source_dir, "standort = mit_zentrum", part="49")
    assert finding.outcome is Outcome.FAIL
    assert not finding.gross
    assert finding.message == (
        "standort = mit_zentrum: 50. = 49 does not hold: the left side is 1 too high to be "
        "equal to the right. Nearest consistent values, each on its own: standort 49., "
        "mit_zentrum 50"
    )


def test_sides_in_units_that_do_not_convert_are_not_evaluated(source_dir: Path):
    text = CLAIM.format(
        slug=SOURCE_SLUG, part="50", whole="54 €", comparison="mit_zentrum <= kreisebene"
    )
    (source_dir / "compare.yaml").write_text(text, "utf-8")
    result = next(r for r in run(load_corpus([source_dir])).results if r.claim.id == "compare")
    finding = next(f for f in result.findings if f.code == "FC104")
    assert finding.outcome is Outcome.NOT_EVALUATED
    assert "the right side (EUR) cannot be converted to the unit of the left side (a number)" in (
        finding.message
    )


@pytest.mark.parametrize(
    ("comparison", "error"),
    [
        (
            "mit_zentrum <= kreisebne",
            "compare.yaml:11:14: unknown figure 'kreisebne' at column 16 of 'compare' "
            "(did you mean 'kreisebene'?)",
        ),
        (
            "mit_zentrum kreisebene",
            "compare.yaml:11:14: 'compare' is not a comparison over figures: expected a "
            "comparison of two sides with one of < <= = >= > (or ≤ ≥) at column 1",
        ),
        (
            "mit_zentrum < kreisebene < 60",
            "a comparison has one relation; found a second, '<' at column 26",
        ),
        ("mit_zentrum >", "the right side of the comparison is empty at column 14"),
    ],
)
def test_a_malformed_comparison_exits_2_naming_file_line_and_column(
    factcheck, source_dir: Path, comparison: str, error: str
):
    _write(source_dir, comparison)
    run = factcheck("verify", source_dir.parent, "--format", "rich")
    assert run.code == 2, run.output
    assert error in run.out
    assert "Traceback" not in run.output


def test_the_bundled_corpus_relates_the_50th_centre_to_the_50_of_54(factcheck):
    run = factcheck("verify", "--format", "rich")
    assert run.code == 0, run.output
    assert "standort = ki-50-von-54.mit_zentrum: 50. = 50 holds" in run.out
    assert "standort ≤ ki-50-von-54.kreisebene: 50. ≤ 54 holds" in run.out
    assert "mit_zentrum ≤ kreisebene: 50 ≤ 54 holds" in run.out
