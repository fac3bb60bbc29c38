"""FC102 share-does-not-match."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome

CLAIM = """\
id: share
source: {slug}
claim: Ein Anteil
figures:
  mit_zentrum: {{quote: "50 von 54 Kreisen", value: "{part}"}}
  kreisebene: {{quote: "50 von 54 Kreisen", value: "{whole}"}}
checks:
  - share: mit_zentrum
    of: kreisebene
    is: "{stated}"
"""


def _write(source_dir: Path, part: str, whole: str, stated: str) -> Path:
    path = source_dir / "share.yaml"
    text = CLAIM.format(slug=SOURCE_SLUG, part=part, whole=whole, stated=stated)
    path.write_text(text, "utf-8")
    return path


def _finding(source_dir: Path, part: str, whole: str, stated: str):
    _write(source_dir, part, whole, stated)
    report = run(load_corpus([source_dir]))
    assert not report.problems, report.problems
    result = next(r for r in report.results if r.claim.id == "share")
    return next(f for f in result.findings if f.code == "FC102")


@pytest.mark.parametrize(
    ("part", "whole", "stated", "message"),
    [
        (
            "50",
            "54",
            "nahezu flächendeckend",
            "50 von 54 = 92,6 %: 'nahezu flächendeckend' allows at least 90 % and less than "
            "100 % (threshold 90 %)",
        ),
        ("50", "54", "93 %", "50 von 54 = 92,6 %: 93 % allows between 92,5 and 93,5 %"),
        ("50", "54", "92,6 %", "50 von 54 = 92,59 %: 92,6 % allows between 92,55 and 92,65 %"),
        (
            "28",
            "54",
            "die Mehrheit",
            "28 von 54 = 51,9 %: 'die Mehrheit' allows more than 50 % (threshold 50 %)",
        ),
        (
            "17",
            "54",
            "jeder dritte",
            "17 von 54 = 31,5 %: 'jeder dritte' allows at least 28,3 % and at most 38,3 % "
            "(threshold 28,3 %)",
        ),
        (
            "25",
            "54",
            "knapp die Hälfte",
            "25 von 54 = 46,3 %: 'knapp die Hälfte' allows at least 45 % and less than 50 %",
        ),
        ("7,7 Mio. €", "13,4 Mio. €", "57 %", "7,7 Mio. € von 13,4 Mio. € = 57,5 % (between"),
        ("53", "54", "über 95 %", "53 von 54 = 98,1 %: über 95 % allows over 95,0 %"),
    ],
)
def test_a_share_that_matches_what_is_stated_passes(
    source_dir: Path, part: str, whole: str, stated: str, message: str
):
    finding = _finding(source_dir, part, whole, stated)
    assert finding.outcome is Outcome.PASS, finding.message
    assert finding.message.startswith(message)


def test_die_mehrheit_for_20_of_54_is_gross_with_threshold_and_nearest_counts(source_dir: Path):
    finding = _finding(source_dir, "20", "54", "die Mehrheit")
    assert finding.outcome is Outcome.FAIL
    assert finding.gross
    assert finding.message == (
        "20 von 54 = 37,0 %, but 'die Mehrheit' allows more than 50 %: 13,0 percentage "
        "points below its threshold 50 %. The words 'die Mehrheit' do not hold. "
        "Nearest consistent values, each on its own: mit_zentrum 28, kreisebene 39, "
        "the share 37 %"
    )
    numbers = finding.numbers
    assert numbers.nearest == {"mit_zentrum": D(28), "kreisebene": D(39)}
    assert (numbers.part, numbers.whole, numbers.threshold) == (D(20), D(54), D("0.5"))
    assert round(numbers.share, 4) == D("0.3704")


def test_a_percentage_off_beyond_rounding_is_an_inconsistency_not_gross(source_dir: Path):
    finding = _finding(source_dir, "50", "54", "95 %")
    assert finding.outcome is Outcome.FAIL
    assert not finding.gross
    # No whole number of centres out of 54, nor 50 out of a whole number, makes 94,5 to
    # 95,5 %: only the stated percentage can be corrected.
    assert finding.message == (
        "50 von 54 = 92,6 %, but the share is stated as 95 % (between 94,5 and 95,5 %): "
        "a gap of 1,9 percentage points. Nearest consistent values, each on its own: "
        "the share 93 %"
    )
    assert finding.numbers.threshold is None
    assert round(finding.numbers.difference, 2) == D("-2.41")


def test_nahezu_flaechendeckend_for_20_of_54_names_the_count_that_would_hold(source_dir: Path):
    finding = _finding(source_dir, "20", "54", "nahezu flächendeckend")
    assert finding.gross
    assert "53,0 percentage points below its threshold 90 %" in finding.message
    # 49 of 54 is 90,7 %; 20 of 22 is 90,9 %.
    assert "mit_zentrum 49, kreisebene 22, the share 37 %" in finding.message


def test_all_of_them_is_not_nahezu_flaechendeckend(source_dir: Path):
    finding = _finding(source_dir, "54", "54", "nahezu flächendeckend")
    assert finding.gross
    assert "the share is its threshold 100 %, which the words leave out" in finding.message
    assert "mit_zentrum 53, kreisebene 55" in finding.message


def test_a_qualifier_that_does_not_hold_is_gross(source_dir: Path):
    finding = _finding(source_dir, "50", "54", "über 95 %")
    assert finding.gross
    assert "The qualifier 'über' does not hold." in finding.message
    assert "mit_zentrum 52, kreisebene 52, the share 93 %" in finding.message


def test_jeder_dritte_for_half_is_gross(source_dir: Path):
    finding = _finding(source_dir, "27", "54", "jeder dritte")
    assert finding.gross
    assert finding.message.startswith(
        "27 von 54 = 50 %, but 'jeder dritte' allows at least 28,3 % and at most 38,3 %: "
    )
    assert "11,7 percentage points above its threshold 38,3 %" in finding.message
    assert "mit_zentrum 20, kreisebene 71" in finding.message


@pytest.mark.parametrize(
    ("part", "whole", "stated", "why"),
    [
        ("50", "0", "50 %", "kreisebene can be 0, so it has no shares"),
        ("50 €", "54", "50 %", "mit_zentrum (EUR) cannot be converted to the unit of kreisebene"),
        ("50", "54", "20 Mio. €", "20 Mio. € (20 Mio. €) states no share"),
    ],
)
def test_what_cannot_be_a_share_is_not_evaluated(
    source_dir: Path, part: str, whole: str, stated: str, why: str
):
    finding = _finding(source_dir, part, whole, stated)
    assert finding.outcome is Outcome.NOT_EVALUATED
    assert why in finding.message


def test_the_cli_prints_share_threshold_and_nearest_count(factcheck, source_dir: Path):
    path = _write(source_dir, "20", "54", "die Mehrheit")
    run = factcheck("verify", source_dir.parent, "--format", "rich")
    assert run.code == 1, run.output
    assert f"{path.name}:8:5 (gross)" in run.out
    assert "20 von 54 = 37,0 %" in run.out
    assert "threshold 50 %" in run.out
    assert "mit_zentrum 28" in run.out
    assert "share grossly inconsistent" in run.out


def test_the_bundled_corpus_checks_nahezu_flaechendeckend(factcheck):
    run = factcheck("verify", "--format", "rich")
    assert run.code == 0, run.output
    assert (
        "50 von 54 = 92,6 %: abdeckung 'nahezu flächendeckend' allows at least 90 % and "
        "less than 100 % (threshold 90 %)" in run.out
    )
