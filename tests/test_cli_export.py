"""``factcheck export claimreview``: the export of the bundled corpus as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, CORPUS_CLAIMS

SCHEMA = "https://schema.org/"
OPTIONS = ("--reviewer", "Example Checkers", "--base-url", "https://checks.example/nrw.html")
#: Google's required (claimReviewed, reviewRating, url) and recommended fields.
REVIEW_FIELDS = ("claimReviewed", "reviewRating", "url", "author", "datePublished", "itemReviewed")


def offline_schema_org(url: str, options: dict | None = None) -> dict:
    """A JSON-LD document loader that never fetches: schema.org's context, reduced to the
    one rule the export relies on (every term is a schema.org term)."""
    assert url.rstrip("/") == SCHEMA.rstrip("/"), url
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": SCHEMA}},
    }


def test_bundled_corpus_exports_one_review_per_claim_with_every_google_field(
    factcheck, tmp_path: Path
):
    out = tmp_path / "reviews.jsonld"
    run = factcheck("export", "claimreview", CORPUS, *OPTIONS, "--output-file", out)
    assert run.code == 0, run.output
    reviews = json.loads(out.read_text(encoding="utf-8"))
    claims = sorted(
        p.stem
        for p in CORPUS.glob("*/*.yaml")
        if p.name != "source.yaml" and p.parent.name != "references"
    )
    assert sorted(r["url"].partition("#")[2] for r in reviews) == claims
    for review in reviews:
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        missing = [field for field in REVIEW_FIELDS if not review.get(field)]
        assert missing == [], review["url"]
        assert review["reviewRating"]["@type"] == "Rating"
        assert review["reviewRating"]["alternateName"]
        assert review["url"].startswith("https://checks.example/nrw.html#")
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["author"]["name"] == "NRWSPD"


def test_bundled_corpus_export_parses_as_json_ld(factcheck):
    from pyld import jsonld

    run = factcheck("export", "claimreview", CORPUS, *OPTIONS)
    assert run.code == 0, run.output
    expanded = jsonld.expand(json.loads(run.out), {"documentLoader": offline_schema_org})
    assert len(expanded) == CORPUS_CLAIMS
    for node in expanded:
        assert node["@type"] == [SCHEMA + "ClaimReview"]
        rating = node[SCHEMA + "reviewRating"][0]
        assert rating["@type"] == [SCHEMA + "Rating"]
        assert rating[SCHEMA + "alternateName"][0]["@value"]
        assert node[SCHEMA + "itemReviewed"][0]["@type"] == [SCHEMA + "Claim"]
    # Every property survives expansion: nothing was dropped as an unknown term.
    triples = jsonld.to_rdf(expanded, {"format": "application/n-quads"})
    assert triples.count(f"<{SCHEMA}claimReviewed>") == CORPUS_CLAIMS


def test_export_without_reviewer_or_address_exits_2_naming_the_option(factcheck):
    run = factcheck("export", "claimreview", CORPUS, "--base-url", "https://checks.example/")
    assert run.code == 2
    assert "pass --reviewer NAME" in run.err
    run = factcheck("export", "claimreview", CORPUS, "--reviewer", "Example Checkers")
    assert run.code == 2
    assert "pass --base-url URL" in run.err
    assert "Traceback" not in run.output


def test_export_of_unreadable_claims_exits_2_and_writes_nothing(
    factcheck, source_dir: Path, tmp_path: Path
):
    (source_dir / "kita-plaetze.yaml").write_text("id: kita-plaetze\nfigures: [\n")
    out = tmp_path / "reviews.jsonld"
    run = factcheck("export", "claimreview", source_dir.parent, *OPTIONS, "--output-file", out)
    assert run.code == 2
    assert "kita-plaetze.yaml:" in run.err
    assert not out.exists()


def test_export_to_a_folder_that_does_not_exist_exits_2_without_traceback(
    factcheck, tmp_path: Path
):
    out = tmp_path / "missing" / "reviews.jsonld"
    run = factcheck("export", "claimreview", CORPUS, *OPTIONS, "--output-file", out)
    assert run.code == 2
    assert f"cannot write {out}: No such file or directory" in run.err
    assert "Traceback" not in run.output


def test_reviewer_and_address_come_from_the_configuration_and_options_override_them(
    factcheck, tmp_path: Path
):
    (tmp_path / ".factcheck.yaml").write_text(
        "claimreview:\n"
        "  reviewer: Faktencheck-Redaktion\n"
        "  reviewer-url: https://faktencheck.example\n"
        "  base-url: https://faktencheck.example/nrw.html\n",
        "utf-8",
    )
    run = factcheck("export", "claimreview", CORPUS, cwd=tmp_path)
    assert run.code == 0, run.output
    review = json.loads(run.out)[0]
    assert review["author"] == {
        "@type": "Organization",
        "name": "Faktencheck-Redaktion",
        "url": "https://faktencheck.example",
    }
    assert review["url"].startswith("https://faktencheck.example/nrw.html#")
    run = factcheck("export", "claimreview", CORPUS, "--reviewer", "Andere", cwd=tmp_path)
    assert json.loads(run.out)[0]["author"]["name"] == "Andere"


def test_a_bad_address_in_the_configuration_names_its_key_and_place(factcheck, tmp_path: Path):
    (tmp_path / ".factcheck.yaml").write_text(
        "claimreview:\n  reviewer: Faktencheck-Redaktion\n  base-url: ftp://faktencheck.example\n",
        "utf-8",
    )
    run = factcheck("export", "claimreview", CORPUS, cwd=tmp_path)
    assert run.code == 2
    assert run.err == (
        "factcheck: error: claimreview.base-url at .factcheck.yaml:3:3 must be an http or "
        "https address, not 'ftp://faktencheck.example'\n"
    )
    assert run.out == ""
