"""`factcheck parse`: what an editor sees for a figure, as text and as JSON."""

from __future__ import annotations

import json


def test_json_gives_value_interval_unit_in_the_units_base(factcheck):
    run = factcheck("parse", "13,4 Millionen Euro", "--lang", "de", "--format", "json")
    assert run.code == 0, run.output
    data = json.loads(run.out)
    assert data["value"] == 13400000 and isinstance(data["value"], int)
    assert (data["lo"], data["hi"]) == (13350000, 13450000)
    assert (data["lo_open"], data["hi_open"]) == (False, False)
    assert (data["unit"], data["qualifier"], data["kind"]) == ("EUR", None, "amount")
    assert data["precision"] == 100000


def test_json_percent_and_unbounded_end(factcheck):
    percent = json.loads(factcheck("parse", "2,5 Prozent", "--lang", "de", "--format", "json").out)
    assert (percent["value"], percent["unit"]) == (2.5, "percent")
    over = json.loads(factcheck("parse", "über 5.000", "--lang", "de", "--format", "json").out)
    assert (over["lo"], over["hi"], over["lo_open"], over["qualifier"]) == (
        5000,
        None,
        True,
        "über",
    )


def test_json_for_a_date(factcheck):
    data = json.loads(factcheck("parse", "12. Februar", "--lang", "de", "--format", "json").out)
    assert (data["kind"], data["date"]) == ("date", "--02-12")


def test_text_shows_interval_with_its_ends_in_the_languages_notation(factcheck):
    run = factcheck("parse", "rund zehn Millionen Euro", "--lang", "de")
    assert run.code == 0, run.output
    assert "interval   [5.000.000; 15.000.000]  (lo closed, hi closed)" in run.out
    assert "qualifier  rund" in run.out
    assert "(10 Mio. €)" in run.out


def test_english_and_a_negative_figure(factcheck):
    run = factcheck("parse", "-2.5 percentage points", "--lang", "en", "--format", "json")
    assert run.code == 0, run.output
    data = json.loads(run.out)
    assert (data["value"], data["unit"]) == (-2.5, "percentage_point")


def test_ambiguous_numeral_without_lang_exits_2_with_both_readings(factcheck):
    run = factcheck("parse", "1.234")
    assert run.code == 2
    assert "1234" in run.err and "1.234 if it is a decimal mark" in run.err
    assert "Traceback" not in run.output
    assert len(run.err.strip().splitlines()) == 1


def test_unreadable_text_exits_2_saying_what_was_not_understood(factcheck):
    run = factcheck("parse", "zwölf Euro fünfzig", "--lang", "de")
    assert run.code == 2
    assert run.err.strip() == (
        "factcheck: error: cannot read 'zwölf Euro fünfzig' as a figure: read 'zwölf Euro' "
        "but not 'fünfzig' after it (expected a scale word such as 'Mio.' and a unit such as "
        "'€' or '%')"
    )
    assert run.out == ""


def test_every_example_in_docs_figures_shows_real_output(factcheck):
    import re
    import shlex
    from pathlib import Path

    docs = (Path(__file__).resolve().parent.parent / "docs" / "figures.md").read_text("utf-8")
    examples = re.findall(r"^\$ factcheck (parse .*)\n((?:(?!\$ |```).*\n)*)", docs, re.MULTILINE)
    assert len(examples) >= 6
    for command, shown in examples:
        run = factcheck(*shlex.split(command))
        assert run.output.strip() == shown.strip(), command
