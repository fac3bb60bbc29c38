"""factcheck show: one claim with its figures as intervals, its checks, and its quotes."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import CORPUS, SOURCE_SLUG


def test_show_gives_claim_intervals_checks_and_highlighted_passage(factcheck):
    run = factcheck("show", "komm-an-budget", "--corpus", CORPUS)
    assert run.code == 0, run.output
    lines = run.out.splitlines()
    assert lines[0].startswith("komm-an-budget consistent")
    assert "  total        13,4 Mio. €  [13,35; 13,45] Mio. €  (amount)" in lines
    assert "7,7 + 1,5 + 4,2 = 13,4 Mio. €: the parts add up" in run.out
    assert any(
        line.startswith("  ✔ pass FC101 ") and line.endswith("komm-an-budget.yaml:18:5")
        for line in lines
    )
    assert "  line 12: »Hierfür wurden 13,4 Millionen Euro veranschlagt«" in lines
    assert "»7,7 Millionen Euro zur Unterstützung des Ehrenamtes«; »1,5 Millionen Euro" in run.out


def test_open_and_rounded_intervals(factcheck):
    run = factcheck("show", "brueckenprojekte", "--corpus", CORPUS)
    assert run.code == 0, run.output
    assert "über 5.000  (5.000; ∞)" in run.out
    # "rund 600" is the range around 600 at its last significant digit: 550 up to 649 as
    # whole counts, or up to 650 where the lexicon reads the range as closed.
    assert re.search(r"rund 600    \[550; 6(49|50)[\])]  \(count\)", run.out)
    assert (
        "Für 2016 liegen schon jetzt »rund 600 Anträge zur Förderung von über 5.000 Kindern«"
        in (run.out)
    )


def test_a_claim_no_rule_checks_is_never_passed(factcheck):
    run = factcheck("show", "kita-plaetze", "--corpus", CORPUS)
    assert run.code == 0, run.output
    assert "none: no rule can check this claim (not checkable, never passed)" in run.out


def test_a_failing_claim_shows_the_failure_and_exits_1(factcheck, source_dir: Path):
    claim = source_dir / "komm-an-budget.yaml"
    text = claim.read_text(encoding="utf-8")
    claim.write_text(text.replace("value: 4,2", "value: 4,9").replace("veranschlagt", "ausgegeben"))
    run = factcheck("show", "komm-an-budget", "--corpus", source_dir.parent)
    assert run.code == 1, run.output
    assert "komm-an-budget inconsistent" in run.out
    assert "7,7 + 1,5 + 4,9 = 14,1 Mio. €" in run.out
    assert "✘ fail FC002" in run.out
    assert "the value '4,9 Mio. €' (4,9 Mio. €) differs from '4,2 Millionen'" in run.out
    assert (
        "the closest passage, at source.txt:12:135 (82 % alike), is "
        "'Hierfür wurden 13,4 Millionen Euro veranschlagt': copy it as it stands"
    ) in run.out


def test_unknown_claim_suggests_the_nearest_and_exits_2(factcheck):
    run = factcheck("show", "komm-an-budgt", "--corpus", CORPUS)
    assert run.code == 2
    assert "unknown claim 'komm-an-budgt' (did you mean 'komm-an-budget'?)" in run.err
    assert "Traceback" not in run.output


def test_a_claim_with_an_unknown_figure_in_a_check_shows_the_problem_and_exits_2(
    factcheck, source_dir: Path
):
    claim = source_dir / "komm-an-budget.yaml"
    claim.write_text(claim.read_text(encoding="utf-8").replace("equals: total", "equals: totl"))
    run = factcheck("show", "komm-an-budget", "--corpus", source_dir.parent)
    assert run.code == 2, run.output
    assert "komm-an-budget.yaml:19:13: unknown figure 'totl' (did you mean 'total'?)" in run.out


def test_show_default_corpus_is_the_projects_claims_folder(factcheck):
    run = factcheck("show", "kita-plaetze")
    assert run.code == 0, run.output
    assert f"claims/{SOURCE_SLUG}/kita-plaetze.yaml" in run.out
    assert "»Diese Vorsorge umfasst rund 21.000 Plätze insgesamt«" in run.out


def test_a_date_is_shown_as_a_date_and_an_ordinal_as_its_number(factcheck):
    run = factcheck("show", "ki-50-standort-coesfeld", "--corpus", CORPUS)
    assert run.code == 0, run.output
    assert "  standort  50.          [50; 50]  (ordinal)" in run.out
    assert "  datum     12. Februar  --02-12  (date)" in run.out
