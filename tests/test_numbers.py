"""Figures as people write them: numerals, words, units, qualifiers, dates, ambiguity."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.numbers import (
    _FIGURE_STARTS,
    MAX_DIGITS,
    FigureError,
    LexiconError,
    Reader,
    find_figures,
    load_lexicon,
    parse_figure,
)
from factcheck.readout import qualifier_interval

PROJECT = Path(__file__).resolve().parent.parent
INF = None  # an unbounded end

# (lang, text, lo, hi, ends, unit): ends is "[]", "[)", "(]" or "()"; None is unbounded.
PHRASINGS = [
    # German numerals and units
    ("de", "13,4 Millionen Euro", "13350000", "13450000", "[]", "EUR"),
    ("de", "13,4 Mio. €", "13350000", "13450000", "[]", "EUR"),
    ("de", "13.4 Mio EUR", "13350000", "13450000", "[]", "EUR"),
    ("de", "€ 13,4 Mio.", "13350000", "13450000", "[]", "EUR"),
    ("de", "13,40 Mio. €", "13395000", "13405000", "[]", "EUR"),
    ("de", "7,7 Millionen Euro", "7650000", "7750000", "[]", "EUR"),
    ("de", "4,2 Millionen", "4150000", "4250000", "[]", ""),
    ("de", "20 Millionen Euro", "19500000", "20500000", "[]", "EUR"),
    ("de", "1,5 Mrd. Euro", "1450000000", "1550000000", "[]", "EUR"),
    ("de", "3 Milliarden Euro", "2500000000", "3500000000", "[]", "EUR"),
    ("de", "250 Tsd. €", "249500", "250500", "[]", "EUR"),
    ("de", "5 Tausend Euro", "4500", "5500", "[]", "EUR"),
    ("de", "2 Billionen Euro", "1500000000000", "2500000000000", "[]", "EUR"),
    ("de", "1.234,5 €", "1234.45", "1234.55", "[]", "EUR"),
    ("de", "21.000", "21000", "21000", "[]", ""),
    ("de", "5 000", "5000", "5000", "[]", ""),
    ("de", "5\u00a0000 Euro", "4999.5", "5000.5", "[]", "EUR"),
    ("de", "5\u202f000 Euro", "4999.5", "5000.5", "[]", "EUR"),
    ("de", "1.234", "1234", "1234", "[]", ""),
    ("de", "1,234", "1.2335", "1.2345", "[]", ""),
    ("de", "−3,5 %", "-3.55", "-3.45", "[]", "percent"),
    ("de", "-2,5 Prozent", "-2.55", "-2.45", "[]", "percent"),
    ("de", "+0,7 Prozentpunkte", "0.65", "0.75", "[]", "percentage_point"),
    ("de", "2,5 Prozent", "2.45", "2.55", "[]", "percent"),
    ("de", "2,5 %", "2.45", "2.55", "[]", "percent"),
    ("de", "2,5%", "2.45", "2.55", "[]", "percent"),
    ("de", "3 Prozentpunkte", "2.5", "3.5", "[]", "percentage_point"),
    ("de", "1,2 Prozentpunkten", "1.15", "1.25", "[]", "percentage_point"),
    ("de", "0,5 Pp.", "0.45", "0.55", "[]", "percentage_point"),
    ("de", "50 Dollar", "49.5", "50.5", "[]", "USD"),
    ("de", "5 Mio. US-Dollar", "4500000", "5500000", "[]", "USD"),
    ("de", "50", "50", "50", "[]", ""),
    ("de", "54", "54", "54", "[]", ""),
    # German qualifiers
    ("de", "rund 600", "550", "650", "[]", ""),
    ("de", "rund 21.000", "20500", "21500", "[]", ""),
    ("de", "rund 10 Mio. €", "5000000", "15000000", "[]", "EUR"),
    ("de", "etwa 13,4 Mio. €", "13350000", "13450000", "[]", "EUR"),
    ("de", "ca. 600", "550", "650", "[]", ""),
    ("de", "circa 2,5 %", "2.45", "2.55", "[]", "percent"),
    ("de", "gut 600 %", "600", "650", "(]", "percent"),
    ("de", "knapp 50 %", "45", "50", "[)", "percent"),
    ("de", "fast 1,5 Mio. €", "1450000", "1500000", "[)", "EUR"),
    ("de", "nahezu 50 %", "45", "50", "[)", "percent"),
    ("de", "über 5.000", "5000", INF, "()", ""),
    ("de", "mehr als 20 Mio. €", "20000000", INF, "()", "EUR"),
    ("de", "mindestens 3", "3", INF, "[)", ""),
    ("de", "bis zu 20 Mio. €", INF, "20000000", "(]", "EUR"),
    ("de", "weniger als 10 %", INF, "10", "()", "percent"),
    ("de", "unter 10 %", INF, "10", "()", "percent"),
    ("de", "Rund 600", "550", "650", "[]", ""),
    # German ranges
    ("de", "zwischen 5 und 7", "5", "7", "[]", ""),
    ("de", "zwischen 5 und 7 Mio. €", "4500000", "7500000", "[]", "EUR"),
    ("de", "5–7 Mio. €", "4500000", "7500000", "[]", "EUR"),
    ("de", "5 bis 7 %", "4.5", "7.5", "[]", "percent"),
    ("de", "1,5-2,5 Mrd. €", "1450000000", "2550000000", "[]", "EUR"),
    # German number words
    ("de", "zehn", "10", "10", "[]", ""),
    ("de", "einundzwanzigtausend", "21000", "21000", "[]", ""),
    ("de", "eine Million", "500000", "1500000", "[]", ""),
    ("de", "eine Million Euro", "500000", "1500000", "[]", "EUR"),
    ("de", "zweieinhalb Millionen", "2450000", "2550000", "[]", ""),
    ("de", "dreizehn Komma vier", "13.35", "13.45", "[]", ""),
    ("de", "rund zehn Millionen Euro", "5000000", "15000000", "[]", "EUR"),
    ("de", "zwölf", "12", "12", "[]", ""),
    ("de", "dreihundert", "300", "300", "[]", ""),
    ("de", "ein Dutzend", "12", "12", "[]", ""),
    ("de", "anderthalb Millionen", "1450000", "1550000", "[]", ""),
    # German fractions and multiples
    ("de", "die Hälfte", "0.5", "0.5", "[]", ""),
    ("de", "jeder zweite", "0.5", "0.5", "[]", ""),
    ("de", "ein Viertel", "0.25", "0.25", "[]", ""),
    ("de", "drei Viertel", "0.75", "0.75", "[]", ""),
    ("de", "das 1,6-fache", "1.55", "1.65", "[]", ""),
    ("de", "verdoppelt", "2", "2", "[]", ""),
    ("de", "halbiert", "0.5", "0.5", "[]", ""),
    ("de", "knapp die Hälfte", "0.45", "0.5", "[)", ""),
    ("de", "mehr als die Hälfte", "0.5", INF, "()", ""),
    # German counts of things and ordinals with their determiner
    ("de", "über 5.000 Kinder", "5000", INF, "()", ""),
    ("de", "rund 600 Anträge", "550", "650", "[]", ""),
    ("de", "rund 21.000 Plätze", "20500", "21500", "[]", ""),
    ("de", "über 5 Millionen Menschen", "5000000", INF, "()", ""),
    ("de", "der 50. Standort", "50", "50", "[]", ""),
    ("de", "das 50. Kommunale Integrationszentrum", "50", "50", "[]", ""),
    # English numerals, units, qualifiers
    ("en", "13.4 million euros", "13350000", "13450000", "[]", "EUR"),
    ("en", "1,234.5", "1234.45", "1234.55", "[]", ""),
    ("en", "1,234", "1234", "1234", "[]", ""),
    ("en", "1.234", "1.2335", "1.2345", "[]", ""),
    ("en", "$5m", "4500000", "5500000", "[]", "USD"),
    ("en", "£2bn", "1500000000", "2500000000", "[]", "GBP"),
    ("en", "10k", "9500", "10500", "[]", ""),
    ("en", "USD 3.5 billion", "3450000000", "3550000000", "[]", "USD"),
    ("en", "GBP 12 million", "11500000", "12500000", "[]", "GBP"),
    ("en", "2.5 per cent", "2.45", "2.55", "[]", "percent"),
    ("en", "2.5 percent", "2.45", "2.55", "[]", "percent"),
    ("en", "0.3 percentage points", "0.25", "0.35", "[]", "percentage_point"),
    ("en", "about 600", "550", "650", "[]", ""),
    ("en", "around 20%", "15", "25", "[]", "percent"),
    ("en", "roughly 1.5 billion dollars", "1450000000", "1550000000", "[]", "USD"),
    ("en", "almost 50%", "45", "50", "[)", "percent"),
    ("en", "nearly 2 million", "1500000", "2000000", "[)", ""),
    ("en", "over 5,000", "5000", INF, "()", ""),
    ("en", "more than 5,000", "5000", INF, "()", ""),
    ("en", "at least 3 percentage points", "3", INF, "[)", "percentage_point"),
    ("en", "up to 20%", INF, "20", "(]", "percent"),
    ("en", "under 10%", INF, "10", "()", "percent"),
    ("en", "less than 1 million", INF, "1000000", "()", ""),
    ("en", "between 5 and 7", "5", "7", "[]", ""),
    ("en", "5–7 million", "4500000", "7500000", "[]", ""),
    # English words, fractions, multiples
    ("en", "ten", "10", "10", "[]", ""),
    ("en", "two and a half million", "2450000", "2550000", "[]", ""),
    ("en", "a dozen", "12", "12", "[]", ""),
    ("en", "twenty-one thousand", "21000", "21000", "[]", ""),
    ("en", "a hundred", "100", "100", "[]", ""),
    ("en", "half a million", "450000", "550000", "[]", ""),
    ("en", "thirteen point four", "13.35", "13.45", "[]", ""),
    ("en", "about ten million euros", "5000000", "15000000", "[]", "EUR"),
    ("en", "half", "0.5", "0.5", "[]", ""),
    ("en", "twice", "2", "2", "[]", ""),
    ("en", "a quarter", "0.25", "0.25", "[]", ""),
    ("en", "1.6 times", "1.55", "1.65", "[]", ""),
    ("en", "nearly half", "0.45", "0.5", "[)", ""),
    ("en", "more than 5,000 children", "5000", INF, "()", ""),
    ("en", "about 600 applications", "550", "650", "[]", ""),
    ("en", "the 50th centre", "50", "50", "[]", ""),
]


def _bound(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


@pytest.mark.parametrize(("lang", "text", "lo", "hi", "ends", "unit"), PHRASINGS)
def test_phrasing_reads_to_its_interval_and_unit(lang, text, lo, hi, ends, unit):
    reading = parse_figure(text, lang)
    interval = reading.interval
    got_lo = interval.lo if interval.lo.is_finite() else None
    got_hi = interval.hi if interval.hi.is_finite() else None
    assert (got_lo, got_hi) == (_bound(lo), _bound(hi)), text
    assert (interval.lo_open, interval.hi_open) == (ends[0] == "(", ends[1] == ")"), text
    assert reading.unit == unit, text


def test_the_table_has_at_least_80_phrasings_in_both_languages():
    assert len(PHRASINGS) >= 80
    assert {lang for lang, *_ in PHRASINGS} == {"de", "en"}


def test_a_third_is_held_exactly():
    interval = parse_figure("ein Drittel", "de").interval
    third = Decimal(1) / Decimal(3)
    assert interval.lo <= third <= interval.hi
    assert interval.hi - interval.lo < Decimal("1e-20")
    assert parse_figure("jeder dritte", "de").interval == interval
    assert parse_figure("one in three", "en").interval == interval


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("de", "13,4 Mio. €", "amount"),
        ("de", "rund 600", "count"),
        ("de", "2,5 %", "percent"),
        ("de", "3 Prozentpunkte", "percent"),
        ("de", "die Hälfte", "ratio"),
        ("de", "das 1,6-fache", "ratio"),
        ("de", "2016", "year"),
        ("de", "50.", "ordinal"),
        ("de", "12. Februar", "date"),
        ("en", "50th", "ordinal"),
        ("en", "February 12, 2016", "date"),
        ("de", "über 5.000 Kinder", "count"),
        ("de", "2016 Kinder", "count"),
        ("de", "der 50. Standort", "ordinal"),
        ("de", "jede dritte Kommune", "ratio"),
        ("en", "the 50th centre", "ordinal"),
    ],
)
def test_each_figure_is_labelled_with_its_kind(lang, text, kind):
    assert parse_figure(text, lang).kind == kind


@pytest.mark.parametrize(
    ("lang", "text", "iso"),
    [
        ("de", "12. Februar", "--02-12"),
        ("de", "12. Februar 2016", "2016-02-12"),
        ("de", "12.02.2016", "2016-02-12"),
        ("de", "2016-02-12", "2016-02-12"),
        ("en", "12 February 2016", "2016-02-12"),
        ("en", "February 12, 2016", "2016-02-12"),
        ("en", "12th Feb 2016", "2016-02-12"),
    ],
)
def test_dates_read_to_iso(lang, text, iso):
    reading = parse_figure(text, lang)
    assert (reading.kind, reading.date) == ("date", iso)


def test_no_such_day_is_an_error():
    with pytest.raises(FigureError, match="no such day"):
        parse_figure("31. Februar 2016", "de")


def test_year_and_ordinal_read_as_points():
    year = parse_figure("2016", "de")
    ordinal = parse_figure("50.", "de")
    assert (year.interval.lo, year.interval.hi) == (Decimal(2016), Decimal(2016))
    assert (ordinal.value, ordinal.interval.lo, ordinal.interval.hi) == (50, 50, 50)


def test_precision_comes_from_the_last_written_digit_trailing_zeros_included():
    assert parse_figure("13,4", "de").precision == Decimal("0.1")
    assert parse_figure("13,40", "de").precision == Decimal("0.01")
    assert parse_figure("13,4 Mio. €", "de").precision == Decimal(100000)
    wide = parse_figure("13,4", "de").interval
    tight = parse_figure("13,40", "de").interval
    assert wide.lo < tight.lo and tight.hi < wide.hi


@pytest.mark.parametrize(
    ("rounding", "lo", "hi", "lo_open", "hi_open"),
    [
        ("up-or-down", "13.35", "13.45", False, False),
        ("half-up", "13.35", "13.45", False, True),
        ("truncated", "13.4", "13.5", False, True),
    ],
)
def test_rounding_convention_is_configurable(rounding, lo, hi, lo_open, hi_open):
    interval = parse_figure("13,4", "de", rounding=rounding).interval
    assert (interval.lo, interval.hi) == (Decimal(lo), Decimal(hi))
    assert (interval.lo_open, interval.hi_open) == (lo_open, hi_open)


def test_truncated_negative_values_are_cut_towards_zero():
    interval = parse_figure("-13,4", "de", rounding="truncated").interval
    assert (interval.lo, interval.hi, interval.lo_open) == (
        Decimal("-13.5"),
        Decimal("-13.4"),
        True,
    )


def test_a_reader_reads_a_figure_by_its_own_rounding_and_lexicon_after_another_did(tmp_path):
    # Readers keep what they read: what one kept must never be handed to another.
    override = tmp_path / "lexicon.yaml"
    override.write_text(
        "qualifiers:\n"
        "  rund: {means: exactly x, step: written, lo: {offset: 0, open: false},"
        " hi: {offset: 0, open: false}}\n",
        encoding="utf-8",
    )
    assert Reader().parse("rund 13,4", "de").interval.hi == Decimal("13.45")
    assert Reader(rounding="truncated").parse("13,4", "de").interval.hi == Decimal("13.5")
    assert Reader().parse("13,4", "de").interval.hi == Decimal("13.45")
    exact = Reader(lexicon_files=(("de", str(override)),)).parse("rund 13,4", "de")
    assert exact.interval.width == 0
    assert Reader().parse("rund 13,4", "de").interval.width > 0
    with pytest.raises(FigureError, match="qualifier"):  # "rund" is no English word
        Reader().parse("rund 13,4", "en")


def test_unknown_rounding_convention_names_the_choices():
    with pytest.raises(FigureError, match="up-or-down, half-up, truncated"):
        parse_figure("13,4", "de", rounding="banker")


@pytest.mark.parametrize(
    ("text", "grouped", "decimal"), [("1.234", 1234, "1.234"), ("1,234", 1234, "1.234")]
)
def test_ambiguous_numeral_without_language_says_both_readings(text, grouped, decimal):
    with pytest.raises(FigureError) as error:
        parse_figure(text, None)
    assert str(grouped) in str(error.value) and decimal in str(error.value)
    assert "--lang" in str(error.value)


def test_numerals_no_language_can_misread_are_read_without_one():
    assert parse_figure("13,4", None).value == Decimal("13.4")
    assert parse_figure("1.234,5", None).value == Decimal("1234.5")
    assert parse_figure("1,234.5", None).value == Decimal("1234.5")


def test_billion_is_ambiguous_without_language():
    assert parse_figure("2 Billionen", "de").value == Decimal(2 * 10**12)
    assert parse_figure("2 billion", "en").value == Decimal(2 * 10**9)
    with pytest.raises(FigureError, match="10\\^12 in German"):
        parse_figure("2 Billion", None)


@pytest.mark.parametrize(
    ("text", "understood"),
    [
        ("13,4 Mio. € Äpfel", "'Äpfel'"),
        ("4,5 Kinder", "'Kinder'"),
        ("1e999999999", "'e999999999'"),
        ("5 m", "not 'm'"),
        ("die 600 Anträge", "'die'"),
        ("irgendwie 5", "'irgendwie'"),
        ("fünfzehnhundertzig", "no number"),
        ("", "no number"),
        ("5.00.000", "not '.000'"),
    ],
)
def test_unreadable_text_says_what_was_not_understood(text, understood):
    with pytest.raises(FigureError, match=understood):
        parse_figure(text, "de")


def test_a_count_keeps_the_things_it_counts():
    assert parse_figure("über 5.000 Kinder", "de").counted == "Kinder"
    assert parse_figure("der 50. Standort", "de").counted == "Standort"
    assert parse_figure("über 5.000", "de").counted is None
    # A number with a unit takes no noun, so an unknown currency is never read as a known one.
    assert parse_figure("13,4 Millionen Zloty", "de").unit == ""
    assert parse_figure("13,4 Millionen Zloty", "de").counted == "Zloty"


def test_huge_input_is_refused():
    with pytest.raises(FigureError, match="at most"):
        parse_figure("1" * 1000, "de")
    with pytest.raises(FigureError, match=f"more than {MAX_DIGITS} digits"):
        parse_figure("1" * (MAX_DIGITS + 1), "de")


def test_same_figure_tells_an_ordinal_from_a_count():
    assert not parse_figure("50.", "de").same_figure(parse_figure("50", "de"))
    assert parse_figure("rund 10 Mio. €", "de").same_figure(
        parse_figure("rund zehn Millionen Euro", "de")
    )
    assert parse_figure("13.4 Mio EUR", "de").same_figure(parse_figure("13,4 Mio. €", "de"))


# --- find_figures on the bundled release ------------------------------------------------

SOURCE = (PROJECT / "claims" / "nrw-spd-faktencheck-integration" / "source.txt").read_text(
    encoding="utf-8"
)


def _found(text: str, lang: str = "de") -> list[tuple[str, str]]:
    return [(f.reading.text, f.reading.kind) for f in find_figures(text, lang)]


def test_find_figures_labels_every_figure_of_the_release():
    found = _found(SOURCE)
    for expected in [
        ("13,4 Millionen Euro", "amount"),
        ("7,7 Millionen Euro", "amount"),
        ("1,5 Millionen Euro", "amount"),
        ("4,2 Millionen", "amount"),
        ("20 Millionen Euro", "amount"),
        ("rund 600", "count"),
        ("über 5.000", "count"),
        ("rund 21.000", "count"),
        ("rund zehn Millionen Euro", "amount"),
        ("12. Februar", "date"),
        ("2016", "year"),
        ("2012", "year"),
        ("50.", "ordinal"),
        ("50", "count"),
        ("54", "count"),
        ("nahezu flächendeckende", "share"),
    ]:
        assert expected in found


def test_find_figures_offsets_point_at_the_text():
    for figure in find_figures(SOURCE, "de"):
        assert SOURCE[figure.start : figure.end] == figure.reading.text


def test_a_sentence_final_year_is_not_an_ordinal():
    assert _found("Das Gesetz stammt aus 2012. Danach kamen 50 von 54.") == [
        ("2012", "year"),
        ("50", "count"),
        ("54", "count"),
    ]


def test_ordinal_after_a_determiner_or_at_a_line_start():
    assert _found("Am Montag wurde der 50. Standort eröffnet") == [("50.", "ordinal")]
    assert _found("Titel\n50. Kommunales Integrationszentrum") == [("50.", "ordinal")]


def test_lone_articles_are_not_figures_but_scaled_ones_are():
    assert _found("Es gibt ein Zentrum und eine Million Euro") == [("eine Million Euro", "amount")]
    assert _found("one of the best, with a third of the votes", "en") == [("a third", "ratio")]


def test_numbers_side_by_side_stay_apart():
    assert _found("In 2016 20 Millionen Euro") == [
        ("2016", "year"),
        ("20 Millionen Euro", "amount"),
    ]


def test_und_joins_a_range_only_after_zwischen():
    assert _found("50 und 54") == [("50", "count"), ("54", "count")]
    assert _found("zwischen 50 und 54 Kreise") == [("zwischen 50 und 54", "count")]


def test_lowercase_may_is_no_month():
    assert _found("10 may be too many", "en") == [("10", "count")]


# --- lexicon ----------------------------------------------------------------------------


def test_override_file_replaces_adds_and_removes_qualifiers(tmp_path):
    override = tmp_path / "lexicon.yaml"
    override.write_text(
        "qualifiers:\n"
        "  rund: {means: exactly x, step: written, lo: {offset: 0, open: false},"
        " hi: {offset: 0, open: false}}\n"
        "  grob: {means: roughly, step: significant, lo: rounding, hi: rounding}\n"
        "  unter: null\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon("de", override)
    assert parse_figure("rund 600", "de", lexicon=lexicon).interval.width == 0
    assert parse_figure("grob 600", "de", lexicon=lexicon).interval.hi == 650
    with pytest.raises(FigureError):
        parse_figure("unter 10 %", "de", lexicon=lexicon)
    assert parse_figure("über 10 %", "de", lexicon=lexicon).qualifier == "über"


def test_bad_override_names_file_and_entry(tmp_path):
    override = tmp_path / "lexicon.yaml"
    override.write_text("qualifiers:\n  grob: {step: significant, lo: round, hi: rounding}\n")
    with pytest.raises(LexiconError, match=r"lexicon.yaml: qualifier 'grob' lo: expected"):
        load_lexicon("de", override)


@pytest.mark.parametrize(
    ("lang", "text", "lo", "hi", "ends", "value"),
    [
        ("de", "nahezu flächendeckend", "0.9", "1", "[)", "0.9"),
        ("de", "eine nahezu flächendeckende", None, None, None, None),
        ("de", "die Mehrheit", "0.5", "1", "(]", "0.5"),
        ("de", "die Minderheit", "0", "0.5", "[)", "0.5"),
        ("de", "fast alle", "0.9", "1", "[)", "0.9"),
        ("de", "flächendeckend", "1", "1", "[]", "1"),
        ("en", "the majority", "0.5", "1", "(]", "0.5"),
        ("en", "almost all", "0.9", "1", "[)", "0.9"),
    ],
)
def test_share_words_read_to_the_shares_they_allow(lang, text, lo, hi, ends, value):
    if lo is None:
        # A share word inside a text is found, its article left out.
        assert _found(text, lang) == [("nahezu flächendeckende", "share")]
        return
    reading = parse_figure(text, lang)
    assert reading.kind == "share"
    assert (reading.interval.lo, reading.interval.hi) == (Decimal(lo), Decimal(hi))
    assert (reading.interval.lo_open, reading.interval.hi_open) == (ends[0] == "(", ends[1] == ")")
    assert reading.value == Decimal(value)


def test_a_share_word_is_read_whole_not_as_a_qualifier_before_a_word():
    # "nahezu" and "fast" are qualifiers too; the share word wins.
    assert parse_figure("fast alle", "de").qualifier is None
    assert parse_figure("nahezu 90 %", "de").qualifier == "nahezu"


def test_override_file_changes_a_share_word(tmp_path):
    override = tmp_path / "lexicon.yaml"
    override.write_text('shares:\n  nahezu flächendeckend: "[95, 100)"\n  die Mehrheit: null\n')
    lexicon = load_lexicon("de", override)
    assert parse_figure("nahezu flächendeckend", "de", lexicon=lexicon).interval.lo == 95 / Decimal(
        100
    )
    with pytest.raises(FigureError):
        parse_figure("die Mehrheit", "de", lexicon=lexicon)


@pytest.mark.parametrize("entry", ['"[90, 110)"', '"90 to 100"', '"(60, 50]"', "[90, 100]"])
def test_a_malformed_share_entry_names_file_and_word(tmp_path, entry):
    override = tmp_path / "lexicon.yaml"
    override.write_text(f"shares:\n  fast alle: {entry}\n")
    with pytest.raises(LexiconError, match=r"lexicon.yaml: share 'fast alle': expected shares"):
        load_lexicon("de", override)


def test_docs_list_every_share_word_with_its_interval():
    docs = (PROJECT / "docs" / "figures.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| (\w\w) \| ([^|]+?) \| ([^|]+?) \|", docs, re.MULTILINE))
    for lang in ("de", "en"):
        data = load_lexicon(lang)
        for word, interval in data.shares.items():
            lo, hi = (end * 100 for end in (interval.lo, interval.hi))
            shown = (
                f"{'(' if interval.lo_open else '['}{lo.normalize():f} %, "
                f"{hi.normalize():f} %{')' if interval.hi_open else ']'}"
            )
            listed = {
                (w.lower(), i)
                for row_lang, words, i in rows
                if row_lang == lang
                for w in words.split(", ")
            }
            assert (word, shown) in listed, word


def test_docs_list_every_qualifier_with_its_interval():
    docs = (PROJECT / "docs" / "figures.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| (\w\w) \| ([^|]+?) \| ([^|]+?) \|", docs, re.MULTILINE))
    for lang in ("de", "en"):
        for qualifier in load_lexicon(lang).qualifiers.values():
            assert (lang, qualifier.word, qualifier_interval(qualifier)) in rows


# --- properties -------------------------------------------------------------------------

GROUPS = {"de": [".", " ", "\u00a0", "\u202f", ""], "en": [",", " ", ""]}
DECIMAL_MARK = {"de": ",", "en": "."}


def _format(digits: int, decimals: int, lang: str, group: str, minus: str) -> str:
    text = str(abs(digits)).rjust(decimals + 1, "0")
    whole, fraction = text[: len(text) - decimals], text[len(text) - decimals :]
    grouped = f"{int(whole):,}".replace(",", group)
    sign = minus if digits < 0 else ""
    return sign + grouped + (DECIMAL_MARK[lang] + fraction if decimals else "")


@settings(max_examples=300, deadline=None)
@given(
    digits=st.integers(-(10**12), 10**12),
    decimals=st.integers(0, 4),
    lang=st.sampled_from(["de", "en"]),
    data=st.data(),
)
def test_formatted_number_parses_back_to_value_and_precision(digits, decimals, lang, data):
    group = data.draw(st.sampled_from(GROUPS[lang]))
    minus = data.draw(st.sampled_from(["-", "−"]))
    text = _format(digits, decimals, lang, group, minus)
    reading = parse_figure(text, lang)
    assert reading.value == Decimal(digits).scaleb(-decimals), text
    assert reading.precision == Decimal(1).scaleb(-decimals), text


def _significant(value: Decimal, step: Decimal) -> Decimal:
    while value % (step * 10) == 0:
        step *= 10
    return step


# How each qualifier is documented: (low end, high end), each "round" (x ∓ s/2, closed),
# "x" with open/closed, or None (unbounded).
ROUND = ("round", "round")
JUST_BELOW = (("x-s/2", False), ("x", True))
JUST_ABOVE = (("x", True), ("x+s/2", False))
DOCUMENTED = {
    **dict.fromkeys(["rund", "etwa", "ca.", "circa", "zirka", "ungefähr"], ROUND),
    **dict.fromkeys(["about", "around", "roughly", "approximately", "some"], ROUND),
    **dict.fromkeys(["knapp", "fast", "nahezu", "beinahe"], JUST_BELOW),
    **dict.fromkeys(["almost", "nearly", "just under"], JUST_BELOW),
    **dict.fromkeys(["gut", "just over"], JUST_ABOVE),
    **dict.fromkeys(["über", "mehr als", "over", "more than"], (("x", True), None)),
    **dict.fromkeys(["mindestens", "at least"], (("x", False), None)),
    **dict.fromkeys(["bis zu", "höchstens", "up to", "at most"], (None, ("x", False))),
    **dict.fromkeys(
        ["weniger als", "unter", "under", "less than", "fewer than"], (None, ("x", True))
    ),
}
QUALIFIERS = sorted((lang, word) for lang in ("de", "en") for word in load_lexicon(lang).qualifiers)


def test_every_qualifier_has_a_documented_interval():
    assert {word for _, word in QUALIFIERS} == set(DOCUMENTED)


@settings(max_examples=400, deadline=None)
@given(
    pair=st.sampled_from(QUALIFIERS),
    digits=st.integers(1, 10**7),
    decimals=st.integers(0, 3),
)
def test_qualifier_boundaries_are_in_or_out_as_documented(pair, digits, decimals):
    lang, word = pair
    x = Decimal(digits).scaleb(-decimals)
    step = Decimal(1).scaleb(-decimals)
    significant = _significant(x, step)
    text = f"{word} {_format(digits, decimals, lang, '', '-')} %"
    interval = parse_figure(text, lang).interval
    tiny = step / 1000
    lo_spec, hi_spec = DOCUMENTED[word]

    def check(spec, low: bool) -> None:
        if spec is None:
            assert not (interval.lo if low else interval.hi).is_finite(), text
            return
        if spec == "round":
            edge, is_open = (x - significant / 2 if low else x + significant / 2), False
        else:
            where, is_open = spec
            edge = {"x": x, "x-s/2": x - significant / 2, "x+s/2": x + significant / 2}[where]
        assert interval.contains(edge) is (not is_open), text
        outside = edge - tiny if low else edge + tiny
        assert not interval.contains(outside), text
        inside = edge + tiny if low else edge - tiny
        assert interval.contains(inside), text

    check(lo_spec, True)
    check(hi_spec, False)


def test_long_runs_of_number_like_text_are_searched_in_linear_time():
    import time

    for unit in ("one and two ", "zehn und ", "1.1.", "5-", "1 234 "):
        start = time.perf_counter()
        find_figures(unit * 2000, "en" if unit.startswith("one") else "de")
        small = time.perf_counter() - start
        start = time.perf_counter()
        find_figures(unit * 8000, "en" if unit.startswith("one") else "de")
        large = time.perf_counter() - start
        assert large < 12 * small + 0.05, unit


def test_every_bundled_value_reads_as_a_figure_in_its_quote():
    import yaml

    folder = PROJECT / "claims" / "nrw-spd-faktencheck-integration"
    checked = 0
    for path in sorted(folder.glob("*.yaml")):
        # BaseLoader keeps every scalar the text that was written ("50." stays "50.").
        claim = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        for name, figure in (claim.get("figures") or {}).items():
            value = parse_figure(str(figure["value"]), "de")
            quoted = [f.reading for f in find_figures(figure["quote"], "de")]
            assert any(value.same_figure(q) for q in quoted), f"{path.name}: {name}"
            checked += 1
    assert checked >= 14


SCALES = {
    "de": [("Tsd.", 10**3), ("Mio.", 10**6), ("Millionen", 10**6), ("Mrd.", 10**9)],
    "en": [("thousand", 10**3), ("million", 10**6), ("m", 10**6), ("bn", 10**9)],
}
UNITS = [("€", "EUR"), ("EUR", "EUR"), ("USD", "USD"), ("£", "GBP"), ("%", "percent")]


@settings(max_examples=200, deadline=None)
@given(
    digits=st.integers(1, 10**6),
    decimals=st.integers(0, 3),
    lang=st.sampled_from(["de", "en"]),
    data=st.data(),
)
def test_scale_words_and_units_apply_to_value_and_precision(digits, decimals, lang, data):
    word, factor = data.draw(st.sampled_from(SCALES[lang]))
    written_unit, unit = data.draw(st.sampled_from(UNITS))
    text = f"{_format(digits, decimals, lang, '', '-')} {word} {written_unit}"
    reading = parse_figure(text, lang)
    assert reading.value == Decimal(digits).scaleb(-decimals) * factor, text
    assert reading.precision == Decimal(factor).scaleb(-decimals), text
    assert reading.unit == unit, text
    assert reading.interval.lo == reading.value - reading.precision / 2, text


def test_a_range_that_does_not_hold_falls_back_to_its_numbers():
    assert _found("Die Saison 2015-16 und 3–9 Mio. €") == [
        ("2015", "year"),
        ("16", "count"),
        ("3–9 Mio. €", "amount"),
    ]


def _words_of(lexicon) -> list[str]:
    return [
        *lexicon.qualifiers,
        *lexicon.scales,
        *(month.capitalize() for month in lexicon.months),
        *lexicon.fractions,
        *lexicon.multiples,
        *lexicon.shares,
        *lexicon.range_words,
        *(word for pair in lexicon.range_between for word in pair),
    ]


PIECES = [
    *("13,4", "1.317", "2012", "2016-02-12", "12.", "3.", "−5", "+7", "½", "50", "0,5"),
    *("€", "$", "£", "%", "EUR", "eur", "TEUR", "us$", "USD", "gbp", "ſ", "K"),
    *("ein", "eine", "one", "a", "half a", "dutzend", "dozen", "das", "the", "fach"),
    *("fünfundzwanzig", "twenty-one", "hundred and five", "Prozent", "Kinder"),
]


def _assert_figures_looked_for_where_they_start(text: str, lang: str | None) -> None:
    # find_figures tries the pattern only at the places _FIGURE_STARTS finds: every place
    # where the pattern matches must be one of them, or a figure would be missed.
    pattern = load_lexicon(lang).pattern
    starts = {found.start() for found in _FIGURE_STARTS.finditer(text)}
    matched = {at for at in range(len(text) + 1) if pattern.match(text, at)}
    assert matched <= starts, text


@pytest.mark.parametrize("lang", ["de", "en", None])
def test_a_currency_code_inside_a_word_is_looked_at_as_the_pattern_reads_it(lang):
    # The one figure that starts inside a word: a currency code before its number.
    for text in ("TEUR 13,4", "xeur 5 Mio.", "abcusd 5", "KUS$ 7", "Tgbp 3"):
        _assert_figures_looked_for_where_they_start(text, lang)
    assert [f.reading.text for f in find_figures("TEUR 13,4", "de")] == ["EUR 13,4"]


@settings(max_examples=300, deadline=None)
@given(lang=st.sampled_from(["de", "en", None]), data=st.data())
def test_figures_are_looked_for_everywhere_one_can_start(lang, data):
    piece = st.sampled_from(_words_of(load_lexicon(lang)) + PIECES)
    glue = st.sampled_from(["", " ", "  ", "\u00a0", "-", "–", ".", ",", "x", "T", "(", "\n"])
    parts = data.draw(st.lists(st.tuples(piece, glue), max_size=8))
    _assert_figures_looked_for_where_they_start("".join(w + g for w, g in parts), lang)
