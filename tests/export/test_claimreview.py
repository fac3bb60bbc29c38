"""ClaimReview export: the rating scale and the fields each review carries, per verdict."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS

from factcheck.engine import run
from factcheck.export.claimreview import (
    BEST_RATING,
    SCALE,
    WORST_RATING,
    ExportError,
    claim_reviews,
    reviewer,
)
from factcheck.load import load_corpus
from factcheck.model import Verdict

BY = reviewer("Example Checkers", "https://checks.example/nrw.html#top", "https://checks.example")


def reviews_of(claims: Path) -> dict[str, dict]:
    """The export of a corpus, by claim id (from the review's url anchor)."""
    return {r["url"].partition("#")[2]: r for r in claim_reviews(run(load_corpus([claims])), BY)}


def test_scale_rates_checked_verdicts_from_best_to_worst_and_the_rest_by_text_only():
    assert BEST_RATING == SCALE[Verdict.CONSISTENT].value == 4
    assert WORST_RATING == SCALE[Verdict.GROSSLY_INCONSISTENT].value == 1
    assert SCALE[Verdict.INCONSISTENT].value == 2
    assert SCALE[Verdict.NOT_CHECKABLE].value is None
    assert SCALE[Verdict.NOT_EVALUATED].value is None
    assert set(SCALE) == set(Verdict)
    assert len({step.name for step in SCALE.values()}) == len(SCALE)


def test_consistent_claim_has_a_numeric_rating_and_the_source_as_author_and_appearance():
    review = reviews_of(CORPUS)["komm-an-budget"]
    assert review["url"] == "https://checks.example/nrw.html#komm-an-budget"
    assert review["claimReviewed"].startswith("Das Programm KOMM-AN NRW ist mit 13,4 Millionen")
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Consistent",
        "ratingValue": 4,
        "bestRating": 4,
        "worstRating": 1,
    }
    assert review["author"] == {
        "@type": "Organization",
        "name": "Example Checkers",
        "url": "https://checks.example",
    }
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "NRWSPD"}
    assert item["appearance"]["headline"] == "Faktencheck – Was NRW für die Integration tut."
    assert item["appearance"]["publisher"]["name"] == "Pressestelle der NRWSPD"
    assert "7,7 + 1,5 + 4,2 = 13,4 Mio. €" in review["reviewBody"]


def test_not_checkable_claim_is_rated_by_text_never_on_the_scale():
    rating = reviews_of(CORPUS)["infrastruktur-kein-land"]["reviewRating"]
    assert rating == {"@type": "Rating", "alternateName": "Not checkable by rules"}


def test_inconsistent_claim_is_rated_2_and_says_why(source_dir: Path):
    claim = source_dir / "komm-an-budget.yaml"
    claim.write_text(claim.read_text(encoding="utf-8").replace("value: 4,2", "value: 4,9"))
    review = reviews_of(source_dir.parent)["komm-an-budget"]
    assert review["reviewRating"]["ratingValue"] == 2
    assert review["reviewRating"]["alternateName"] == "Inconsistent"
    assert "difference 0,7 Mio. €" in review["reviewBody"]


def test_source_url_and_date_become_the_claims_appearance(source_dir: Path):
    source = source_dir / "source.yaml"
    source.write_text(
        source.read_text(encoding="utf-8")
        + "url: https://press.example/faktencheck\npublished: 2016-02-15\n",
        encoding="utf-8",
    )
    item = reviews_of(source_dir.parent)["komm-an-budget"]["itemReviewed"]
    assert item["datePublished"] == "2016-02-15"
    assert item["appearance"]["url"] == "https://press.example/faktencheck"
    assert item["appearance"]["datePublished"] == "2016-02-15"


@pytest.mark.parametrize(
    ("name", "base_url", "url", "message"),
    [
        (None, "https://a.example/", None, "pass --reviewer NAME"),
        ("  ", "https://a.example/", None, "pass --reviewer NAME"),
        ("X", None, None, "pass --base-url URL"),
        ("X", "javascript:alert(1)", None, "--base-url must be an http or https address"),
        ("X", "https://a.example/", "ftp://a.example", "--reviewer-url must be an http"),
    ],
)
def test_reviewer_settings_that_cannot_make_a_valid_review_are_refused(
    name, base_url, url, message
):
    with pytest.raises(ExportError, match=message):
        reviewer(name, base_url, url)
