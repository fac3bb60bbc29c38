"""FC303 unit-not-read."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome, Verdict
from factcheck.units import unread_unit


def _result(source_dir: Path, value: str):
    text = (
        f"id: unit\nsource: {SOURCE_SLUG}\nclaim: Ein Betrag\nfigures:\n"
        f'  budget: {{quote: "20 Millionen Euro investiert", value: "{value}"}}\n'
        '  kinder: {quote: "über 5.000 Kindern", value: "über 5.000"}\n'
        'checks:\n  - compare: "kinder <= budget"\n'
    )
    (source_dir / "unit.yaml").write_text(text, "utf-8")
    report = run(load_corpus([source_dir]))
    assert not report.problems, report.problems
    return next(r for r in report.results if r.claim.id == "unit")


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("20 Mio. CHF", "'CHF' looks like a currency code"),
        ("20 Mio. Franken", "'Franken' is a unit"),
        ("20 km", "'km' is a unit"),
        ("20 Mio. Euronen", "'Euronen' looks like a misspelt 'euro'"),
    ],
)
def test_a_unit_factcheck_does_not_read_warns_at_the_value(source_dir: Path, value: str, why: str):
    result = _result(source_dir, value)
    [finding] = [f for f in result.findings if f.code == "FC303"]
    assert finding.outcome is Outcome.WARN
    assert str(finding.location).endswith("unit.yaml:5:58")
    number, _, word = value.rpartition(" ")
    assert finding.message.startswith(
        f"figure 'budget': {why}, which factcheck does not read; {value!r} is read as "
        f"{number} with no unit, counting {word!r}, so checks compare it as a plain number."
    )


def test_a_unit_warning_does_not_change_the_verdict_of_the_checks(source_dir: Path):
    # "20 Mio. CHF" compares as 20 million, so the check holds; the warning says why to
    # look again, and the verdict stays the checks'.
    result = _result(source_dir, "20 Mio. CHF")
    assert result.verdict is Verdict.CONSISTENT


@pytest.mark.parametrize("value", ["20 Mio. €", "20 Mio. Euro"])
def test_units_factcheck_reads_are_not_reported(source_dir: Path, value: str):
    assert [f for f in _result(source_dir, value).findings if f.code == "FC303"] == []


@pytest.mark.parametrize(
    "word", ["Kinder", "Anträge", "Menschen", "Kommunen", "Plätze", "NRW-Kreise"]
)
def test_what_a_figure_counts_is_not_a_unit(word: str):
    assert unread_unit(word) is None
