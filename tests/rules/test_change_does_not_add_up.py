"""FC105 change-does-not-add-up."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome

CLAIM = """\
id: change
source: {slug}
claim: Eine Veränderung
figures:
  vorher: {{quote: "rund 600 Anträge", value: "{before}"}}
  nachher: {{quote: "rund 600 Anträge", value: "{after}"}}
  um: {{quote: "rund 600 Anträge", value: "{by}"}}
checks:
  - change: [vorher, nachher]
    by: um
"""


def _finding(source_dir: Path, before: str, after: str, by: str):
    text = CLAIM.format(slug=SOURCE_SLUG, before=before, after=after, by=by)
    (source_dir / "change.yaml").write_text(text, "utf-8")
    report = run(load_corpus([source_dir]))
    result = next(r for r in report.results if r.claim.id == "change")
    return next(f for f in result.findings if f.code == "FC105")


@pytest.mark.parametrize(
    ("before", "after", "by", "message"),
    [
        ("5.000", "5.500", "500", "5.000 → 5.500: a change of 500 (nominal 500)"),
        ("5.000", "4.500", "−500", "5.000 → 4.500: a change of −500 (nominal −500)"),
        ("10 %", "12 %", "2 Prozentpunkte", "10 % → 12 %: a change in percentage points of"),
        ("10 %", "12 %", "20 Prozent", "10 % → 12 %: a change in percent of between 9 and 32 %"),
        (
            "10 Mio. €",
            "20 Mio. €",
            "verdoppelt",
            "a factor of between 1,85 and 2,16 (nominal 2,00)",
        ),
        ("10 Mio. €", "13,4 Mio. €", "3,4 Mio. €", "a change of between 2,8 and 4,0 Mio. €"),
    ],
)
def test_a_change_that_adds_up_passes(
    source_dir: Path, before: str, after: str, by: str, message: str
):
    finding = _finding(source_dir, before, after, by)
    assert finding.outcome is Outcome.PASS, finding.message
    assert message in finding.message


def test_stieg_um_x_auf_y_that_does_not_add_up(source_dir: Path):
    finding = _finding(source_dir, "5.000", "5.500", "700")
    assert finding.outcome is Outcome.FAIL
    assert not finding.gross
    assert finding.message == (
        "5.000 → 5.500: a change of 500 (nominal 500), but um is stated as 700: "
        "difference −200, a gap of 200. "
        "Nearest consistent values, each on its own: vorher 4.800, nachher 5.700, um 500"
    )
    assert finding.numbers.nearest == {"vorher": D(4800), "nachher": D(5700), "um": D(500)}


def test_percent_for_percentage_points_is_gross(source_dir: Path):
    finding = _finding(source_dir, "10 %", "12 %", "2 Prozent")
    assert finding.outcome is Outcome.FAIL
    assert finding.gross
    assert finding.message.startswith(
        "10 % → 12 %: a change in percent of between 9 and 32 % (nominal 20 %), "
        "but um is stated as 2 %: difference 18 %"
    )
    assert (
        "2 is the change in percentage points (between 1 and 3 Pp.), not in percent: "
        "percent and percentage points are confused." in finding.message
    )
    assert "um 10 %" in finding.message


def test_a_rise_stated_for_a_fall_is_gross(source_dir: Path):
    finding = _finding(source_dir, "5.000", "4.500", "500")
    assert finding.outcome is Outcome.FAIL
    assert finding.gross
    assert "a change of −500 (nominal −500), but um is stated as 500" in finding.message
    assert "The change goes the other way." in finding.message
    assert "vorher 4.000, nachher 5.500, um −500" in finding.message


def test_verdoppelt_that_only_grew_by_half(source_dir: Path):
    finding = _finding(source_dir, "10 Mio. €", "15 Mio. €", "verdoppelt")
    assert finding.outcome is Outcome.FAIL
    assert "a factor of between 1,38 and 1,64 (nominal 1,50)" in finding.message
    assert "vorher 8 Mio. €, nachher 19 Mio. €, um 1,63-fach" in finding.message


def test_units_that_cannot_change_into_each_other_are_not_evaluated(source_dir: Path):
    finding = _finding(source_dir, "10 Mio. €", "12 Mio. €", "2 Prozentpunkte")
    assert finding.outcome is Outcome.NOT_EVALUATED
    assert "um (percentage_point) is not a change from vorher (EUR) to nachher (EUR)" in (
        finding.message
    )


def test_a_relative_change_from_zero_is_not_evaluated(source_dir: Path):
    finding = _finding(source_dir, "0", "12", "20 %")
    assert finding.outcome is Outcome.NOT_EVALUATED
    assert "vorher can be 0" in finding.message
