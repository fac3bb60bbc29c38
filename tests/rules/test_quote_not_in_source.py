"""FC001 quote-not-in-source."""

from __future__ import annotations

from pathlib import Path

from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome


def _findings(source_dir: Path, quote: str):
    (source_dir / "q.yaml").write_text(
        f"id: q\nsource: {SOURCE_SLUG}\nclaim: x\nfigures:\n"
        f"  total:\n    quote: '{quote}'\n    value: 13,4 Mio. €\n",
        encoding="utf-8",
    )
    result = next(r for r in run(load_corpus([source_dir])).results if r.claim.id == "q")
    return [f for f in result.findings if f.code == "FC001"]


def test_quote_in_source_passes_despite_typography(source_dir: Path):
    # The source writes "KOMM–AN" with an en dash and breaks lines; the editor types "-".
    [finding] = _findings(source_dir, "Die Förderung in KOMM-AN NRW gliedert sich wie folgt auf")
    assert finding.outcome is Outcome.PASS


def test_quote_not_in_source_fails_with_file_and_line(source_dir: Path):
    [finding] = _findings(source_dir, "Hierfür wurden 13,4 Millionen Euro ausgegeben")
    assert finding.outcome is Outcome.FAIL
    assert str(finding.location).endswith("q.yaml:6:12")
    assert "'Hierfür wurden 13,4 Millionen Euro ausgegeben' is not in the source text" in (
        finding.message
    )


def test_quote_not_in_source_shows_the_closest_passage_with_its_line(source_dir: Path):
    [finding] = _findings(source_dir, "Hierfür wurden 13,4 Millionen Euro ausgegeben")
    assert finding.message.endswith(
        "the closest passage, at source.txt:12:135 (82 % alike), is "
        "'Hierfür wurden 13,4 Millionen Euro veranschlagt': copy it as it stands"
    )


def test_quote_like_nothing_in_the_source_says_to_copy_it_from_there(source_dir: Path):
    [finding] = _findings(source_dir, "xq")
    assert finding.message.endswith("nothing in it is alike: copy the quote from the source text")


def test_option_ignore_case_finds_a_quote_that_starts_mid_sentence(source_dir: Path):
    from factcheck.engine import Settings
    from factcheck.rules.quote_not_in_source import Options

    (source_dir / "q.yaml").write_text(
        f"id: q\nsource: {SOURCE_SLUG}\nclaim: x\nfigures:\n"
        "  total:\n    quote: 'hierfür wurden 13,4 Millionen Euro veranschlagt'\n"
        "    value: 13,4 Mio. €\n",
        encoding="utf-8",
    )
    for settings, outcome in (
        (Settings(), Outcome.FAIL),
        (Settings(options={"FC001": Options(ignore_case=True)}), Outcome.PASS),
    ):
        result = next(
            r for r in run(load_corpus([source_dir]), settings).results if r.claim.id == "q"
        )
        assert [f.outcome for f in result.findings if f.code == "FC001"] == [outcome]
