"""factcheck new: a claim file from a few answers, checked against the source as it writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SOURCE_SLUG

from factcheck import scaffold
from factcheck.load import load_corpus

BUDGET = [
    "--figure",
    "total=Hierfür wurden 13,4 Millionen Euro veranschlagt",
    "--figure",
    "ehrenamt=7,7 Millionen Euro zur Unterstützung des Ehrenamtes",
    "--figure",
    "agenturen=1,5 Millionen Euro für die Maßnahmen",
    "--figure",
    "personal=4,2 Millionen für mehr Personal",
    "--sum",
    "ehrenamt+agenturen+personal=total",
]


def new(factcheck, corpus: Path, claim_id: str, *options: str):
    """Run ``factcheck new`` on the corpus copy."""
    return factcheck("new", claim_id, "--corpus", corpus, "--source", SOURCE_SLUG, *options)


def test_new_writes_a_claim_that_passes_verify(factcheck, corpus_copy: Path):
    run = new(factcheck, corpus_copy, "komm-an-neu", "--claim", "KOMM-AN hat 13,4 Mio. €.", *BUDGET)
    assert run.code == 0, run.output
    written = corpus_copy / SOURCE_SLUG / "komm-an-neu.yaml"
    assert f"wrote {written}" in run.out
    assert "7,7 + 1,5 + 4,2 = 13,4 Mio. €" in run.out
    text = written.read_text(encoding="utf-8")
    assert 'value: "13,4 Millionen Euro"' in text  # read from the quote, as written there
    # The quote "4,2 Millionen für mehr Personal" names no unit; the sum's other figures do.
    assert 'value: "4,2 Millionen €"' in text
    assert "note: figure 'personal': the quote names no unit; € taken from" in run.out
    assert "  - sum: [ehrenamt, agenturen, personal]\n    equals: total\n" in text
    verify = factcheck("verify", corpus_copy, "--format", "rich")
    assert verify.code == 0, verify.output
    assert "komm-an-neu consistent" in verify.out
    # Created as any new file is (0666 less the umask), not private like a temporary file.
    umask = os.umask(0o022)
    os.umask(umask)
    assert written.stat().st_mode & 0o777 == 0o666 & ~umask


def test_new_twice_with_the_same_id_refuses_and_leaves_the_first_file(factcheck, corpus_copy: Path):
    first = new(factcheck, corpus_copy, "komm-an-neu", *BUDGET)
    assert first.code == 0, first.output
    written = corpus_copy / SOURCE_SLUG / "komm-an-neu.yaml"
    before = written.read_bytes(), written.stat().st_mtime_ns
    second = new(factcheck, corpus_copy, "komm-an-neu", "--figure", "x=50 von [54] Kreisen")
    assert second.code == 2, second.output
    assert "already exists" in second.err and "never overwrites" in second.err
    assert "Traceback" not in second.output
    assert (written.read_bytes(), written.stat().st_mtime_ns) == before
    assert sorted(p.name for p in written.parent.glob(".*")) == []  # no temporary file left


def test_an_id_taken_by_a_bundled_claim_is_refused(factcheck, corpus_copy: Path):
    run = new(factcheck, corpus_copy, "komm-an-budget", *BUDGET)
    assert run.code == 2
    assert "komm-an-budget.yaml: a claim 'komm-an-budget' already exists" in run.err


def test_a_quote_not_in_the_source_shows_the_closest_passage_and_writes_nothing(
    factcheck, corpus_copy: Path
):
    run = new(
        factcheck,
        corpus_copy,
        "typo",
        "--figure",
        "total=Hierfür wurden 13,4 Mio Euro veranschlagt",
    )
    assert run.code == 2
    assert "source.txt:12:135: figure 'total': the quote" in run.err
    assert "'Hierfür wurden 13,4 Millionen Euro veranschlagt': copy it as it stands" in run.err
    assert not (corpus_copy / SOURCE_SLUG / "typo.yaml").exists()


def test_unknown_source_suggests_the_nearest(factcheck, corpus_copy: Path):
    run = factcheck(
        "new", "x", "--corpus", corpus_copy, "--source", "nrw-spd-faktencheck-integraton"
    )
    assert run.code == 2
    assert f"unknown source 'nrw-spd-faktencheck-integraton' (did you mean '{SOURCE_SLUG}'?)" in (
        run.err
    )


def test_unknown_figure_in_a_sum_suggests_the_nearest(factcheck, corpus_copy: Path):
    run = new(factcheck, corpus_copy, "x", *BUDGET[:-1], "ehrenamt+agenturen+personal=totl")
    assert run.code == 2
    assert "unknown figure 'totl' (did you mean 'total'?)" in run.err


def test_a_quote_with_several_figures_asks_for_brackets_and_brackets_pick_one(
    factcheck, corpus_copy: Path
):
    quote = "50 von 54 Kreisen und kreisfreien Städten"
    run = new(factcheck, corpus_copy, "ki", "--figure", f"kreise={quote}")
    assert run.code == 2
    assert "the quote holds 2 figures ([50], [54]); mark the one" in run.err
    run = new(factcheck, corpus_copy, "ki", "--figure", "kreise=50 von [54] Kreisen")
    assert run.code == 0, run.output
    text = (corpus_copy / SOURCE_SLUG / "ki.yaml").read_text(encoding="utf-8")
    assert 'quote: "50 von 54 Kreisen"\n    value: "54"' in text


def test_an_interrupted_write_leaves_no_file(corpus_copy: Path, monkeypatch):
    target = corpus_copy / SOURCE_SLUG / "halb.yaml"

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        scaffold.write_new(target, "id: halb\n" * 1000)
    assert not target.exists()
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []


def test_without_options_and_no_terminal_it_says_what_is_needed(factcheck, corpus_copy: Path):
    run = factcheck("new", "x", "--corpus", corpus_copy)
    assert run.code == 2
    assert "--source: name the source's slug" in run.err


def test_in_a_terminal_it_asks_for_each_piece(corpus_copy: Path):
    import pty

    controller, terminal = pty.openpty()
    answers = [
        "nrw-spd-faktencheck",  # a typo: asked again
        SOURCE_SLUG,
        "Die Brückenprojekte kosten 20 Millionen Euro.",
        "budget",
        "In 2016 werden hierfür 20 Millionen Euro investieren",  # not in the source: asked again
        "budget",
        "In 2016 werden hierfür [20 Millionen Euro] investiert",
        "",
    ]
    os.write(controller, ("\n".join(answers) + "\n").encode())
    completed = subprocess.run(
        [sys.executable, "-m", "factcheck", "new", "bruecken-budget", "--corpus", corpus_copy],
        stdin=terminal,
        capture_output=True,
        text=True,
        timeout=60,
    )
    os.close(terminal)
    os.close(controller)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "unknown source 'nrw-spd-faktencheck'" in completed.stdout
    assert "closest passage" in completed.stdout
    assert "budget: value 20 Millionen Euro" in completed.stdout
    corpus = load_corpus([corpus_copy])
    claim = next(c for c in corpus.claims if c.id == "bruecken-budget")
    assert claim.figures["budget"].value_text == "20 Millionen Euro"
    assert not corpus.problems


def test_in_a_terminal_a_taken_id_is_refused_before_any_question(corpus_copy: Path):
    import pty

    controller, terminal = pty.openpty()
    completed = subprocess.run(
        [sys.executable, "-m", "factcheck", "new", "komm-an-budget", "--corpus", corpus_copy],
        stdin=terminal,
        capture_output=True,
        text=True,
        timeout=60,
    )
    os.close(terminal)
    os.close(controller)
    assert completed.returncode == 2
    assert "a claim 'komm-an-budget' already exists" in completed.stderr
    assert "Source" not in completed.stdout
