"""FC002 value-differs-from-quote."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome


def _finding(source_dir: Path, quote: str, value: str):
    (source_dir / "v.yaml").write_text(
        f"id: v\nsource: {SOURCE_SLUG}\nclaim: x\nfigures:\n"
        f"  figure:\n    quote: '{quote}'\n    value: '{value}'\n",
        encoding="utf-8",
    )
    result = next(r for r in run(load_corpus([source_dir])).results if r.claim.id == "v")
    return next(f for f in result.findings if f.code == "FC002")


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("Hierfür wurden 13,4 Millionen Euro veranschlagt", "13,4 Mio. €"),
        ("Hierfür wurden 13,4 Millionen Euro veranschlagt", "13.4 Mio EUR"),
        ("4,2 Millionen für mehr Personal", "4,2 Mio. €"),
        ("rund 600 Anträge zur Förderung von über 5.000 Kindern", "über 5.000"),
        ("rund 600 Anträge zur Förderung von über 5.000 Kindern", "rund 600"),
    ],
)
def test_value_as_quoted_passes(source_dir: Path, quote: str, value: str):
    assert _finding(source_dir, quote, value).outcome is Outcome.PASS


def test_different_number_fails_naming_both(source_dir: Path):
    finding = _finding(source_dir, "4,2 Millionen für mehr Personal", "4,9 Mio. €")
    assert finding.outcome is Outcome.FAIL
    assert "the value '4,9 Mio. €' (4,9 Mio. €) differs from '4,2 Millionen'" in finding.message
    assert str(finding.location).endswith("v.yaml:7:12")


def test_dropped_qualifier_fails(source_dir: Path):
    # "rund 600" is 550 to 649; a bare 600 claims an exact count the release never stated.
    finding = _finding(source_dir, "rund 600 Anträge zur Förderung von über 5.000 Kindern", "600")
    assert finding.outcome is Outcome.FAIL
    assert "differs from 'rund 600'" in finding.message
