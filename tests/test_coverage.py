"""factcheck coverage: per source, the share of its figures that some claim records."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS, SOURCE_SLUG

from factcheck.coverage import coverage
from factcheck.load import load_corpus


def _not_recorded(corpus: Path) -> set[str]:
    (result,) = coverage(load_corpus([corpus]))
    return {f"{f.line}:{f.text}" for f in result.missing}


def test_bundled_corpus_reports_share_and_figures_no_claim_records(factcheck):
    run = factcheck("coverage", CORPUS)
    assert run.code == 0, run.output
    (result,) = coverage(load_corpus([CORPUS]))
    first = f"{SOURCE_SLUG}: {result.recorded} of {len(result.figures)} figures recorded"
    assert run.out.startswith(first)
    assert 0 < result.recorded < len(result.figures)
    # The second 2016 ("Für 2016 liegen ...") is in no claim's quote; the heading's "50." is
    # not the one the claim quotes ("der 50. Standort").
    assert "source.txt:13:379  2016" in run.out
    assert "source.txt:18:1  50. (ordinal)  in: 50. Kommunales Integrationszentrum" in run.out
    # Recorded figures are not listed: 13,4 Millionen Euro is komm-an-budget's total.
    assert "13,4 Millionen Euro" not in run.out


def test_a_removed_claim_lowers_the_share_and_lists_its_figures(corpus_copy: Path):
    before = _not_recorded(corpus_copy)
    assert "12:13,4 Millionen Euro" not in before
    (corpus_copy / SOURCE_SLUG / "komm-an-budget.yaml").unlink()
    after = _not_recorded(corpus_copy)
    assert after - before == {
        "12:13,4 Millionen Euro",
        "12:7,7 Millionen Euro",
        "12:1,5 Millionen Euro",
        "12:4,2 Millionen",
    }


def test_a_figure_counts_only_where_its_value_is_the_number_in_the_quote(corpus_copy: Path):
    # ki-50-von-54 quotes "50 von 54 ..." for both figures; with the 54 recorded as 55 the
    # quote still stands around 54, but no claim records that number.
    claim = corpus_copy / SOURCE_SLUG / "ki-50-von-54.yaml"
    claim.write_text(claim.read_text(encoding="utf-8").replace('"54"', '"55"'))
    assert "11:54" in _not_recorded(corpus_copy)
    assert "11:50" not in _not_recorded(corpus_copy)


def test_json_lists_counts_and_unrecorded_figures(factcheck):
    run = factcheck("coverage", CORPUS, "--format", "json")
    assert run.code == 0, run.output
    (entry,) = json.loads(run.out)
    assert entry["source"] == SOURCE_SLUG
    assert entry["recorded"] + len(entry["not_recorded"]) == entry["figures"]
    assert entry["share"] == round(entry["recorded"] / entry["figures"], 4)
    assert any(
        {"text": "2016", "line": 13, "column": 379}.items() <= figure.items()
        for figure in entry["not_recorded"]
    )


def test_default_path_is_the_projects_claims_folder(factcheck):
    run = factcheck("coverage")
    assert run.code == 0, run.output
    assert run.out.startswith(f"{SOURCE_SLUG}: ")
