"""Quotes found in a source with their offsets, and the closest passage to one that is not."""

from __future__ import annotations

from conftest import CORPUS, SOURCE_SLUG

from factcheck.passages import Segmenter, closest_passage, find_quote, line_and_column

TEXT = (CORPUS / SOURCE_SLUG / "source.txt").read_text(encoding="utf-8")


def test_a_quote_is_found_across_typography_and_given_in_the_original_text():
    # The source writes "KOMM–AN" with an en dash; the editor types a hyphen.
    (place,) = find_quote(TEXT, "Die Förderung in KOMM-AN NRW gliedert sich")
    assert place.text == "Die Förderung in KOMM–AN NRW gliedert sich"
    assert TEXT[place.start : place.end] == place.text


def test_a_quote_across_a_line_break_maps_back_to_both_lines():
    (place,) = find_quote(TEXT, "bei den freien Trägern und in den Migrantenselbstorganisationen")
    assert place.text == "bei den freien Trägern\nund in den Migrantenselbstorganisationen"


def test_every_occurrence_is_found():
    assert len(find_quote(TEXT, "Faktencheck – Was NRW")) == 3
    assert find_quote(TEXT, "nicht im Text") == []


def test_closest_passage_to_a_misquote_is_the_passage_in_whole_words_with_its_line():
    passage = closest_passage(TEXT, "Hierfür wurden 13,4 Millionen Euro ausgegeben")
    assert passage is not None
    assert passage.text == "Hierfür wurden 13,4 Millionen Euro veranschlagt"
    assert 75 < passage.score < 100
    assert line_and_column(TEXT, passage.start) == (12, 135)


def test_nothing_close_for_a_quote_too_short_to_compare():
    assert closest_passage(TEXT, "xy") is None


def test_line_and_column_are_one_based():
    text = "ab\ncd"
    assert line_and_column(text, 0) == (1, 1)
    assert line_and_column(text, 4) == (2, 2)


def test_sentences_do_not_end_at_abbreviations_ordinals_or_decimal_marks():
    text = "Durch sog. Treffpunkte am 3. Mai kamen 1,5 Mio. Euro an. Danach: mehr."
    segmenter = Segmenter.of(text, [(26, 28)])  # "3." as find_figures reads it
    first = segmenter.sentence(text.index("1,5"), text.index("1,5") + 3)
    assert first.text == "Durch sog. Treffpunkte am 3. Mai kamen 1,5 Mio. Euro an"
    assert segmenter.sentence(text.index("mehr"), text.index("mehr") + 4).text == "Danach: mehr"
