"""FC106 derived-figure-out-of-range."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome

CLAIM = """\
id: derived
source: {slug}
claim: Brückenprojekte
figures:
  budget: {{quote: "20 Millionen Euro investiert", value: "{budget}"}}
  antraege: {{quote: "rund 600 Anträge", value: "rund 600"}}
  kinder: {{quote: "über 5.000 Kindern", value: "über 5.000"}}
  pro_kind: {{quote: "über 5.000 Kindern", value: "5.000"}}
checks:
  - derived: "{expression}"
    expected: "{expected}"
"""


def _report(source_dir: Path, expression: str, expected: str, budget: str = "20 Mio. €"):
    text = CLAIM.format(slug=SOURCE_SLUG, expression=expression, expected=expected, budget=budget)
    (source_dir / "derived.yaml").write_text(text, "utf-8")
    return run(load_corpus([source_dir]))


def _finding(source_dir: Path, expression: str, expected: str, budget: str = "20 Mio. €"):
    report = _report(source_dir, expression, expected, budget)
    result = next(r for r in report.results if r.claim.id == "derived")
    return next(f for f in result.findings if f.code == "FC106")


def test_euros_per_child_under_a_qualified_bound_passes(source_dir: Path):
    finding = _finding(source_dir, "budget / kinder", "unter 4.000 €")
    assert finding.outcome is Outcome.PASS
    assert finding.message == (
        "budget / kinder: 20 Mio. € / über 5.000 = between 0 and 4.100 € (nominal 4.000 €), "
        "which meets the expected unter 4.000 €"
    )


def test_euros_per_application_against_a_rounded_figure(source_dir: Path):
    finding = _finding(source_dir, "budget / antraege", "rund 33.000 €")
    assert finding.outcome is Outcome.PASS
    assert "= between 30.000 and 37.273 € (nominal 33.333 €)" in finding.message
    assert _finding(source_dir, "budget / antraege", "rund 50.000 €").outcome is Outcome.FAIL


def test_a_qualifier_that_no_longer_holds_fails_grossly_with_nearest_values(source_dir: Path):
    finding = _finding(source_dir, "budget / kinder", "über 5.000 €")
    assert finding.outcome is Outcome.FAIL
    assert finding.gross
    assert finding.message.startswith(
        "budget / kinder: 20 Mio. € / über 5.000 = between 0 and 4.100 € (nominal 4.000 €), "
        "outside the expected über 5.000 € (over 5.000 €): a gap of 900 €, "
        "nominal difference −1.000 €. The qualifier 'über' does not hold."
    )
    # 25 Mio. € (24,5 to 25,5) over more than 5.000 children reaches 5.100 € per child;
    # 20 Mio. € (up to 20,5) over exactly 4.100 children is 5.000 €.
    assert "budget 25 Mio. €, kinder 4.100, expected between 0 and 4.100 €" in finding.message
    assert finding.numbers.nearest == {"budget": D(25_000_000), "kinder": D(4100)}
    assert finding.numbers.computed == D(4000)
    assert finding.numbers.stated == D(5000)


def test_an_exact_expected_figure_off_beyond_rounding_is_not_gross(source_dir: Path):
    finding = _finding(source_dir, "budget / pro_kind", "5.000 €")
    assert finding.outcome is Outcome.FAIL
    assert not finding.gross
    assert "= between 3.900 and 4.100 € (nominal 4.000 €)" in finding.message
    assert "a gap of 900 €" in finding.message
    # 3.900 to 4.100 children make 19,5 to 20,5 Mio. € reach 5.000 € per child.
    assert "budget 25 Mio. €, pro_kind 4.100, expected between 3.900 and 4.100 €" in (
        finding.message
    )


def test_expected_may_be_a_figure_name_and_a_percent(source_dir: Path):
    assert _finding(source_dir, "kinder - antraege", "pro_kind").outcome is Outcome.PASS
    finding = _finding(source_dir, "antraege * 2", "pro_kind")
    assert finding.outcome is Outcome.FAIL
    assert (
        "rund 600 × 2 = between 1.100 and 1.300 (nominal 1.200), "
        "outside the expected pro_kind 5.000 (5.000)" in finding.message
    )
    assert finding.message.endswith("each on its own: antraege 2.500, pro_kind 1.300")
    share = _finding(source_dir, "(antraege - 100) / antraege", "unter 90 %")
    assert share.outcome is Outcome.PASS
    # A figure used twice varies independently in each place (plain interval arithmetic),
    # so the interval is wider than 450/550 to 550/650: never narrower than the truth.
    assert "(rund 600 − 100) / rund 600 = between 69 and 100 % (nominal 83 %)" in share.message


def test_division_by_a_figure_that_can_be_zero_is_not_evaluated(source_dir: Path):
    finding = _finding(source_dir, "budget / (antraege - antraege)", "unter 4.000 €")
    assert finding.outcome is Outcome.NOT_EVALUATED
    assert "division by (antraege − antraege), which can be 0 at column 8" in finding.message


def test_units_that_do_not_match_the_expected_are_not_evaluated(source_dir: Path):
    finding = _finding(source_dir, "budget / kinder", "unter 40 %")
    assert finding.outcome is Outcome.NOT_EVALUATED
    assert "budget / kinder gives EUR, but the expected value is in percent" in finding.message


def test_bad_expressions_and_unknown_names_are_input_problems(source_dir: Path):
    report = _report(source_dir, "budget ** kinder", "unter 4.000 €")
    assert [str(p) for p in report.problems if "derived.yaml" in str(p)] == [
        f"{source_dir / 'derived.yaml'}:10:14: 'derived' is not an expression over figures: "
        "'**' is not allowed at column 8"
    ]
    report = _report(source_dir, "budget / kindr", "unter vier Euro Äpfel")
    problems = [str(p) for p in report.problems if "derived.yaml" in str(p)]
    assert problems[0].endswith(
        "derived.yaml:10:14: unknown figure 'kindr' at column 10 of 'derived' "
        "(did you mean 'kinder'?)"
    )
    assert problems[1].startswith(f"{source_dir / 'derived.yaml'}:11:15: 'expected' is neither")


def test_the_corpus_derived_checks_pass(factcheck):
    result = factcheck("verify", "claims/", "--format", "rich")
    assert result.code == 0, result.output
    assert "20 Mio. € / über 5.000 = between 0 and 4.100 €" in result.out
    assert "4,2 Mio. € / rund 10 Mio. € = between 27 and 85 %" in result.out
