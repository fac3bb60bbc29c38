"""factcheck extract: every figure of a source text, with its clause, offsets and kind."""

from __future__ import annotations

import json
import time
from pathlib import Path

from conftest import CORPUS, SOURCE_SLUG

from factcheck.extract import extract, figure_names
from factcheck.textnorm import contains_quote

SOURCE = CORPUS / SOURCE_SLUG
TEXT = (SOURCE / "source.txt").read_text(encoding="utf-8")

# Every figure the bundled release states, in text order: (a stretch of text that pins the
# place, the figure as written, its kind). "480 268" in the header line is not here: it is
# the size of an image on the web page the text was copied from, not a figure of the release.
EXPECTED = [
    ("50 von 54 Kreisen", "50", "count"),
    ("von 54 Kreisen", "54", "count"),
    ("13,4 Millionen Euro veranschlagt", "13,4 Millionen Euro", "amount"),
    ("7,7 Millionen Euro zur", "7,7 Millionen Euro", "amount"),
    ("1,5 Millionen Euro für", "1,5 Millionen Euro", "amount"),
    ("4,2 Millionen für", "4,2 Millionen", "amount"),
    ("2016 werden", "2016", "year"),
    ("20 Millionen Euro investiert", "20 Millionen Euro", "amount"),
    ("2016 liegen", "2016", "year"),
    ("rund 600 Anträge", "rund 600", "count"),
    ("über 5.000 Kindern", "über 5.000", "count"),
    ("rund 21.000 Plätze", "rund 21.000", "count"),
    ("50. Kommunales", "50.", "ordinal"),
    ("2012 hat sich", "2012", "year"),
    ("12. Februar wurde", "12. Februar", "date"),
    ("50. Standort", "50.", "ordinal"),
    ("50 Kreisen und kreisfreien Städten haben wir", "50", "count"),
    ("nahezu flächendeckende Struktur", "nahezu flächendeckende", "share"),
    ("rund zehn Millionen Euro", "rund zehn Millionen Euro", "amount"),
]

# At most one false positive: "480 268", an image size on the page the text was copied
# from. Read as text it is a number with a space as thousands separator, as German
# typography writes one, so no reader of the text alone can tell it is not a figure.
PRECISION_FLOOR = len(EXPECTED) / (len(EXPECTED) + 1)


def _expected_spans() -> list[tuple[int, str, str]]:
    spans = []
    for pin, text, kind in EXPECTED:
        at = TEXT.find(pin)
        assert at != -1 and TEXT.find(pin, at + 1) == -1, f"{pin!r} must stand once in the text"
        spans.append((at + pin.index(text), text, kind))
    return spans


def test_extract_finds_every_figure_of_the_bundled_release(capsys):
    found = [(f.start, f.text, f.reading.kind) for f in extract(TEXT, "de")]
    expected = _expected_spans()
    hits = [f for f in found if f in expected]
    missing = [e for e in expected if e not in found]
    extra = [f for f in found if f not in expected]
    recall = len(hits) / len(expected)
    precision = len(hits) / len(found) if found else 0.0
    found_at = {start: (text, kind) for start, text, kind in found}
    with capsys.disabled():
        print(
            f"\nextract on the bundled release: {len(found)} found, {len(expected)} expected, "
            f"{len(hits)} right: precision {precision:.3f} (floor {PRECISION_FLOOR:.3f}), "
            f"recall {recall:.3f}"
        )
        for start, text, kind in missing:
            instead = found_at.get(start)
            got = f"found {instead[0]!r} ({instead[1]}) instead" if instead else "not found"
            print(f"  missing: {text!r} ({kind}) at offset {start}: {got}")
        for start, text, kind in extra:
            print(f"  found, not a figure of the release as written: {text!r} ({kind}) at {start}")
    assert recall == 1, f"missing: {missing}"
    assert precision >= PRECISION_FLOOR, f"not figures of the release: {extra}"


def test_extract_takes_linear_time_on_a_long_text():
    # A slice of the whole text per boundary once made 200 copies of the release take
    # minutes. Four times the text must take about four times as long, not sixteen: a ratio
    # of two runs under the same load, not a wall-clock limit (speed is for benchmarks/).
    def seconds(copies: int) -> float:
        started = time.perf_counter()
        figures = extract(TEXT * copies, "de")
        elapsed = time.perf_counter() - started
        assert len(figures) == copies * len(extract(TEXT, "de"))
        return elapsed

    small, large = seconds(50), seconds(200)
    assert large < 10 * small + 0.5


def test_the_three_of_u3_ausbau_is_part_of_a_name_not_a_figure():
    assert not [f for f in extract(TEXT, "de") if f.text == "3"]
    figures = extract("Der CO2-Ausstoß sank um 12 Prozent.", "de")
    assert [(f.text, f.reading.kind) for f in figures] == [("12 Prozent", "percent")]


def test_each_quote_is_the_clause_around_its_figure_and_stands_in_the_source():
    figures = extract(TEXT, "de")
    quotes = {f.text: f.quote for f in figures}
    assert quotes["13,4 Millionen Euro"] == "Hierfür wurden 13,4 Millionen Euro veranschlagt"
    assert quotes["7,7 Millionen Euro"] == "7,7 Millionen Euro zur Unterstützung des Ehrenamtes"
    assert quotes["rund 21.000"].startswith("Diese Vorsorge umfasst rund 21.000 Plätze")
    for figure in figures:
        assert contains_quote(TEXT, figure.quote), figure.quote
        assert figure.quote_start <= figure.start < figure.end <= figure.quote_end
        assert TEXT[figure.start : figure.end] == figure.reading.text


def test_a_short_clause_is_widened_over_commas():
    text = "Im Jahr 2020, so die Ministerin, stieg die Zahl auf 1.200 Plätze."
    (year, places) = extract(text, "de")
    assert year.quote == "Im Jahr 2020, so die Ministerin, stieg die Zahl auf 1.200 Plätze"
    assert places.quote == "stieg die Zahl auf 1.200 Plätze"


def test_json_gives_values_in_the_units_base_with_offsets(factcheck):
    run = factcheck("extract", SOURCE, "--format", "json")
    assert run.code == 0, run.output
    records = json.loads(run.out)
    total = next(r for r in records if r["text"] == "13,4 Millionen Euro")
    at = TEXT.find("13,4 Millionen")
    assert total == {
        "text": "13,4 Millionen Euro",
        "value": 13400000,
        "lo": 13350000,
        "hi": 13450000,
        "unit": "EUR",
        "qualifier": None,
        "kind": "amount",
        "quote": "Hierfür wurden 13,4 Millionen Euro veranschlagt",
        "start": at,
        "end": at + len("13,4 Millionen Euro"),
        "lo_open": False,
        "hi_open": False,
        "precision": 100000,
    }
    children = next(r for r in records if r["text"] == "über 5.000")
    assert (children["lo"], children["hi"], children["qualifier"]) == (5000, None, "über")
    assert children["lo_open"] is True
    date = next(r for r in records if r["kind"] == "date")
    assert (date["text"], date["date"]) == ("12. Februar", "--02-12")


def test_json_numbers_are_what_parse_gives(factcheck):
    extracted = json.loads(factcheck("extract", SOURCE, "--format", "json").out)
    figure = next(r for r in extracted if r["text"] == "rund zehn Millionen Euro")
    parsed = json.loads(factcheck("parse", "rund zehn Millionen Euro", "--format", "json").out)
    assert {k: figure[k] for k in parsed if k != "text"} == {
        k: v for k, v in parsed.items() if k != "text"
    }


def test_table_shows_file_line_and_clause(factcheck):
    run = factcheck("extract", SOURCE / "source.txt")
    assert run.code == 0, run.output
    assert "source.txt:12:150  13,4 Millionen Euro" in run.out
    assert "13400000 €" in run.out
    assert "Hierfür wurden 13,4 Millionen Euro veranschlagt" in run.out


def test_yaml_entries_pasted_into_a_claim_pass_verify(factcheck, source_dir: Path):
    run = factcheck("extract", source_dir / "source.yaml", "--format", "yaml")
    assert run.code == 0, run.output
    claim = source_dir / "alle-zahlen.yaml"
    claim.write_text(
        "id: alle-zahlen\nsource: nrw-spd-faktencheck-integration\nclaim: Alle Zahlen.\n" + run.out,
        encoding="utf-8",
    )
    verify = factcheck("verify", claim, "--format", "rich")
    assert verify.code == 0, verify.output
    assert "alle-zahlen not checkable by rules" in verify.out
    assert "✘" not in verify.out  # no provenance check fails on any pasted entry


def test_figure_names_are_valid_unique_and_say_what_follows_the_figure():
    figures = extract(TEXT, "de")
    names = figure_names(figures, TEXT)
    assert len(set(names)) == len(names)
    assert all(name.isidentifier() and name.isascii() for name in names)
    by_text = dict(zip((f.text for f in figures), names, strict=False))
    assert by_text["rund 600"] == "antraege"
    assert by_text["1,5 Millionen Euro"] == "massnahmen"


def test_english_text_read_with_lang_en(factcheck, tmp_path: Path):
    release = tmp_path / "release.txt"
    release.write_text(
        "The council spent $2.5 million on 1,200 new school places; about 300 were filled.",
        encoding="utf-8",
    )
    run = factcheck("extract", release, "--lang", "en", "--format", "json")
    assert run.code == 0, run.output
    records = {r["text"]: r for r in json.loads(run.out)}
    assert records["1,200"]["value"] == 1200
    assert records["about 300"]["qualifier"] == "about"
    assert records["about 300"]["quote"] == "about 300 were filled"


def test_missing_source_exits_2_with_one_line(factcheck, tmp_path: Path):
    run = factcheck("extract", tmp_path / "nope.txt")
    assert run.code == 2
    assert run.err.strip().count("\n") == 0
    assert "nope.txt: no such file or folder" in run.err
    assert "Traceback" not in run.output


def test_a_text_file_over_the_source_limits_is_refused_as_verify_refuses_it(
    factcheck, tmp_path: Path
):
    long = tmp_path / "long.txt"
    long.write_text("Hierfür wurden 13,4 Millionen Euro veranschlagt. " * 21_000, "utf-8")
    run = factcheck("extract", long)
    assert run.code == 2
    assert run.err == (
        f"factcheck: error: {long}: the text has 1,029,000 characters; factcheck reads source "
        "texts of at most 1,000,000 characters (a press release has a few thousand)\n"
    )
