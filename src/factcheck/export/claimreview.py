"""schema.org ClaimReview for every claim of a Report, as JSON-LD for publishing.

Search engines and fact-check aggregators read ClaimReview: the claim as reviewed, who made
it and where, who reviewed it, and a rating. factcheck rates a claim by its verdict on the
scale below (docs/claimreview.md). A claim no rule could check, or whose checks could not be
evaluated, gets a text rating only: a number would place it on the scale of how consistent
its figures are, which nobody has found out.

Like a reporter, this module only reads the Report; it decides nothing about the claims.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, TextIO
from urllib.parse import urldefrag, urlsplit

from factcheck.model import ClaimResult, Outcome, Report, Source, Verdict

CONTEXT = "https://schema.org"
BEST_RATING = 4
WORST_RATING = 1


@dataclass(frozen=True)
class Rating:
    """One step of the rating scale: a number (None for no place on the scale) and a text."""

    value: int | None
    name: str


#: The rating scale, best first. ``alternateName`` is the text; ``ratingValue`` the number.
SCALE = {
    Verdict.CONSISTENT: Rating(4, "Consistent"),
    Verdict.WARNING: Rating(3, "Doubtful"),
    Verdict.INCONSISTENT: Rating(2, "Inconsistent"),
    Verdict.GROSSLY_INCONSISTENT: Rating(1, "Grossly inconsistent"),
    Verdict.NOT_EVALUATED: Rating(None, "Not evaluated"),
    Verdict.NOT_CHECKABLE: Rating(None, "Not checkable by rules"),
}


class ExportError(ValueError):
    """The export cannot be made as asked; the message says what is missing."""


@dataclass(frozen=True)
class Reviewer:
    """Who publishes the reviews, and where: ``base_url`` is the page that holds them."""

    name: str
    base_url: str
    url: str | None = None


def _web_address(url: str, what: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ExportError(f"{what} must be an http or https address, not {url!r}")
    return url


def reviewer(
    name: str | None,
    base_url: str | None,
    url: str | None = None,
    given_as: dict[str, str] | None = None,
) -> Reviewer:
    """Check the reviewer's settings; ClaimReview needs a name and an address for each review.

    ``given_as`` says where a value was given, for messages: by default the command-line
    option (``--base-url``); for a value from the configuration, its key and place
    (``claimreview.base-url at .factcheck.yaml:4:3``).
    """
    given_as = {"base-url": "--base-url", "reviewer-url": "--reviewer-url", **(given_as or {})}
    if not name or not name.strip():
        raise ExportError(
            "a ClaimReview needs its reviewer: pass --reviewer NAME (the organisation that "
            "publishes the fact-check) or set claimreview.reviewer in the configuration"
        )
    if not base_url:
        raise ExportError(
            "a ClaimReview needs the address of the page it is published on: pass --base-url "
            "URL or set claimreview.base-url in the configuration (each review's url is that "
            "address with the claim id as its #anchor)"
        )
    page, _ = urldefrag(_web_address(base_url, given_as["base-url"]))
    address = _web_address(url, given_as["reviewer-url"]) if url else None
    return Reviewer(name.strip(), page, address)


def _organisation(name: str, url: str | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        node["url"] = url
    return node


def _appearance(source: Source) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "CreativeWork",
        "headline": source.title,
        "publisher": _organisation(source.publisher),
        "inLanguage": source.language,
    }
    if source.url:
        node["url"] = source.url
    if source.published:
        node["datePublished"] = source.published
    return node


def _item_reviewed(result: ClaimResult) -> dict[str, Any]:
    source = result.source
    item: dict[str, Any] = {"@type": "Claim"}
    if source is None:
        return item
    item["author"] = _organisation(source.author or source.publisher)
    if source.published:
        item["datePublished"] = source.published
    item["appearance"] = _appearance(source)
    return item


def _rating(verdict: Verdict) -> dict[str, Any]:
    step = SCALE[verdict]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": step.name}
    if step.value is not None:
        rating |= {
            "ratingValue": step.value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
        }
    return rating


def _review_body(result: ClaimResult) -> str:
    checks = [f for f in result.findings if f.consistency]
    problems = [f for f in result.findings if not f.consistency and f.outcome is not Outcome.PASS]
    lines = [line for f in checks + problems for line in (f.message, *f.details)]
    if not lines and result.verdict is Verdict.NOT_CHECKABLE:
        lines.append("No check relates this claim's figures, so no rule can confirm or refute it.")
    return " ".join(line if line.endswith(".") else f"{line}." for line in lines)


def claim_review(result: ClaimResult, report: Report, by: Reviewer) -> dict[str, Any]:
    """The ClaimReview of one checked claim."""
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": f"{by.base_url}#{result.claim.id}",
        "claimReviewed": result.claim.text,
        "datePublished": report.generated[:10],
        "author": _organisation(by.name, by.url),
        "reviewRating": _rating(result.verdict),
        "reviewBody": _review_body(result),
        "itemReviewed": _item_reviewed(result),
    }


def claim_reviews(report: Report, by: Reviewer) -> list[dict[str, Any]]:
    """A ClaimReview for every claim of the report, in the report's order."""
    return [claim_review(result, report, by) for result in report.results]


def write(reviews: list[dict[str, Any]], out: TextIO) -> None:
    """Write the reviews as one JSON-LD document: an array of ClaimReview objects."""
    out.write(json.dumps(reviews, ensure_ascii=False, indent=2) + "\n")
