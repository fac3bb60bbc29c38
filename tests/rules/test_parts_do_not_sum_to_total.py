"""FC101 parts-do-not-sum-to-total."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome

FIGURES = """\
id: budget
source: {slug}
claim: KOMM-AN
figures:
  total: {{quote: "13,4 Millionen Euro", value: "{total}"}}
  ehrenamt: {{quote: "7,7 Millionen Euro", value: "7,7 Mio. €"}}
  agenturen: {{quote: "1,5 Millionen Euro", value: "1,5 Mio. €"}}
  personal: {{quote: "4,2 Millionen", value: "{personal}"}}
checks:
  - sum: [ehrenamt, agenturen, personal]
    equals: total
"""


def _sum_finding(source_dir: Path, total: str = "13,4 Mio. €", personal: str = "4,2 Mio. €"):
    path = source_dir / "budget.yaml"
    path.write_text(FIGURES.format(slug=SOURCE_SLUG, total=total, personal=personal), "utf-8")
    report = run(load_corpus([source_dir]))
    result = next(r for r in report.results if r.claim.id == "budget")
    return next(f for f in result.findings if f.code == "FC101")


def test_parts_that_add_up_pass_with_the_tolerance(source_dir: Path):
    finding = _sum_finding(source_dir)
    assert finding.outcome is Outcome.PASS
    assert finding.message.startswith("7,7 + 1,5 + 4,2 = 13,4 Mio. €")
    assert "rounding allows ±0,2 Mio. €" in finding.message


def test_rounding_alone_never_fails(source_dir: Path):
    # The parts allow [13,25; 13,55]: a stated 13,2 ([13,15; 13,25]) still touches it, so
    # rounding could explain it; 13,1 ([13,05; 13,15]) cannot be explained by rounding.
    assert _sum_finding(source_dir, total="13,2 Mio. €").outcome is Outcome.PASS
    assert _sum_finding(source_dir, total="13,1 Mio. €").outcome is Outcome.FAIL


def test_failure_gives_computed_stated_difference_and_nearest_values(source_dir: Path):
    finding = _sum_finding(source_dir, personal="4,9 Mio. €")
    assert finding.outcome is Outcome.FAIL
    assert finding.message.startswith(
        "7,7 + 1,5 + 4,9 = 14,1 Mio. €, but total is stated as 13,4 Mio. €: "
        "difference 0,7 Mio. €, rounding allows ±0,2 Mio. €."
    )
    assert "total 13,9 Mio. €" in finding.message
    assert "personal 4,4 Mio. €" in finding.message
    assert finding.numbers.computed == D("14100000")
    assert finding.numbers.stated == D("13400000")
    assert finding.numbers.difference == D("700000")


def test_units_are_converted_to_the_totals(source_dir: Path):
    finding = _sum_finding(source_dir, personal="4.200 Tsd. €")
    assert finding.outcome is Outcome.PASS, finding.message


def test_incompatible_units_are_not_evaluated_never_passed(source_dir: Path):
    finding = _sum_finding(source_dir, personal="4,2 %")
    assert finding.outcome is Outcome.NOT_EVALUATED
    assert "personal cannot be converted to the total's unit EUR" in finding.message


def test_finding_carries_the_parts_and_intervals_a_report_draws(source_dir: Path):
    numbers = _sum_finding(source_dir, personal="4,9 Mio. €").numbers
    assert [(p.name, p.value, p.text) for p in numbers.parts] == [
        ("ehrenamt", D("7700000"), "7,7 Mio. €"),
        ("agenturen", D("1500000"), "1,5 Mio. €"),
        ("personal", D("4900000"), "4,9 Mio. €"),
    ]
    computed, stated = numbers.intervals
    assert (computed.label, computed.lo, computed.hi) == ("sum of the parts", 13950000, 14250000)
    assert computed.range_text == "13,95 – 14,25 Mio. €"
    assert (stated.label, stated.text, stated.range_text) == (
        "stated total",
        "13,4 Mio. €",
        "13,35 – 13,45 Mio. €",
    )
