"""FC201 figure-differs-from-reference."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from conftest import CORPUS, SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome, Verdict

FACTS = """\
language: de
facts:
  kreise:
    value: "31"
    description: Kreise, counting the Städteregion Aachen
    sources:
      - title: Liste der Kreise
        publisher: Statistisches Landesamt
        url: https://example.org/kreise
  staedte:
    value: "22"
    description: kreisfreie Städte
    note: Counting the Stadt Aachen gives 23.
    sources:
      - {title: Liste der Städte, publisher: Statistisches Landesamt, published: "2024-01-01"}
  antraege:
    value: "700"
    description: Anträge on file at the ministry
    sources:
      - {title: Antwort auf eine Kleine Anfrage, publisher: Landtag}
"""

CLAIM = """\
id: reference
source: {slug}
claim: Eine Zahl gegen Referenzen
figures:
  zahl: {{quote: "50 von 54 Kreisen", value: "{value}"}}
checks:
  - reference: zahl
    equals: "{equals}"
"""


def _write(corpus: Path, value: str, equals: str, facts: str = FACTS) -> None:
    (corpus / "references").mkdir(exist_ok=True)
    (corpus / "references" / "test.yaml").write_text(facts, "utf-8")
    text = CLAIM.format(slug=SOURCE_SLUG, value=value, equals=equals)
    (corpus / SOURCE_SLUG / "reference.yaml").write_text(text, "utf-8")


def _result(corpus: Path, value: str, equals: str, facts: str = FACTS):
    _write(corpus, value, equals, facts)
    report = run(load_corpus([corpus]))
    assert not report.problems, report.problems
    return next(r for r in report.results if r.claim.id == "reference")


def _finding(corpus: Path, value: str, equals: str, facts: str = FACTS):
    result = _result(corpus, value, equals, facts)
    return next(f for f in result.findings if f.code == "FC201")


def test_a_figure_that_agrees_with_the_facts_passes_naming_facts_and_sources(corpus_copy: Path):
    finding = _finding(corpus_copy, "53", "ref:kreise + ref:staedte")
    assert finding.outcome is Outcome.PASS
    assert finding.message == "zahl 53 agrees with ref:kreise + ref:staedte = 31 + 22 = 53"
    assert finding.details == (
        "ref:kreise 31: Kreise, counting the Städteregion Aachen. Sources: Statistisches "
        "Landesamt, Liste der Kreise <https://example.org/kreise>.",
        "ref:staedte 22: kreisfreie Städte. Sources: Statistisches Landesamt, Liste der Städte, "
        "2024-01-01.",
    )


def test_a_figure_that_disagrees_fails_with_difference_note_and_nearest(corpus_copy: Path):
    finding = _finding(corpus_copy, "54", "ref:kreise + ref:staedte")
    assert finding.outcome is Outcome.FAIL
    assert finding.level == "error"
    assert not finding.gross
    assert finding.message == (
        "zahl 54 does not agree with ref:kreise + ref:staedte = 31 + 22 = 53: zahl is 1 more "
        "than the reference facts give. Nearest consistent value: zahl 53. See the note on "
        "ref:staedte."
    )
    assert finding.details[0].startswith("ref:kreise 31: Kreise, counting the Städteregion")
    assert finding.details[-1] == "Note on ref:staedte: Counting the Stadt Aachen gives 23."
    assert finding.numbers.nearest == {"zahl": D(53)}
    assert (finding.numbers.stated, finding.numbers.computed) == (D(54), D(53))


def test_a_fact_sets_the_level_of_a_disagreement(corpus_copy: Path):
    facts = FACTS.replace("    note: Counting", "    level: warning\n    note: Counting")
    result = _result(corpus_copy, "54", "ref:kreise + ref:staedte", facts)
    finding = next(f for f in result.findings if f.code == "FC201")
    assert (finding.outcome, finding.level) == (Outcome.WARN, "warning")
    assert result.verdict is Verdict.WARNING


def test_a_qualifier_the_facts_do_not_meet_is_gross(corpus_copy: Path):
    finding = _finding(corpus_copy, "rund 600", "ref:antraege")
    assert finding.gross
    assert finding.message.startswith(
        "zahl rund 600 does not agree with ref:antraege 700: zahl is 100 less than the "
        "reference facts give, 50 beyond rounding."
    )
    assert "The qualifier 'rund' does not hold. Nearest consistent value: zahl rund 700" in (
        finding.message
    )


def test_an_expression_without_a_reference_fact_is_not_evaluated(corpus_copy: Path):
    finding = _finding(corpus_copy, "54", "zahl + 0")
    assert finding.outcome is Outcome.NOT_EVALUATED
    assert "'zahl + 0' names no reference fact; name one as ref:name" in finding.message


def test_an_unknown_fact_exits_2_with_the_nearest_name(factcheck, corpus_copy: Path):
    _write(corpus_copy, "54", "ref:kreis + ref:staedte")
    run = factcheck("verify", "--format", "rich", corpus_copy)
    assert run.code == 2, run.output
    assert "reference.yaml:8:13: unknown reference fact 'ref:kreis' at column 1 of 'equals' " in (
        run.out
    )
    assert "(did you mean 'ref:kreise'?)" in run.out


@pytest.mark.parametrize(
    ("facts", "error"),
    [
        (
            FACTS.replace("language: de\n", ""),
            "test.yaml:1:1: the reference file has no 'language'",
        ),
        (
            FACTS.replace('    value: "31"\n', ""),
            "test.yaml:4:5: reference fact 'kreise' has no 'value'",
        ),
        (
            FACTS.replace('    value: "31"\n', '    value: "viele"\n'),
            "test.yaml:4:12: reference fact 'kreise': cannot read 'viele' as a figure",
        ),
        (
            FACTS.replace("    note: Counting", "    level: warn\n    note: Counting"),
            "test.yaml:13:12: reference fact 'staedte': level 'warn' is not one of error, "
            "warning (did you mean 'warning'?)",
        ),
        (
            FACTS.replace("        publisher: Statistisches Landesamt\n", "", 1),
            "test.yaml:7:9: a source of reference fact 'kreise' has no 'publisher'",
        ),
        (
            FACTS.replace(
                "    sources:\n      - {title: Antwort", "    sourcs:\n      - {title: Antwort"
            ),
            "unknown key 'sourcs' in reference fact 'antraege' (did you mean 'sources'?)",
        ),
        (FACTS.replace("  kreise:", "  Kreise:"), "reference fact 'Kreise' must be lower-case"),
    ],
)
def test_a_malformed_reference_file_exits_2_naming_file_line_and_what(
    factcheck, corpus_copy: Path, facts: str, error: str
):
    _write(corpus_copy, "54", "ref:staedte + 32", facts)
    run = factcheck("verify", "--format", "rich", corpus_copy)
    assert run.code == 2, run.output
    assert error in run.out
    assert "Traceback" not in run.output


def test_a_fact_defined_twice_is_an_error(factcheck, corpus_copy: Path):
    _write(corpus_copy, "54", "ref:kreise + ref:staedte")
    (corpus_copy / "references" / "twice.yaml").write_text(FACTS, "utf-8")
    run = factcheck("verify", "--format", "rich", corpus_copy)
    assert run.code == 2, run.output
    assert "twice.yaml:3:3: reference fact 'kreise' is also defined in " in run.out


def test_a_claim_verified_on_its_own_finds_the_facts_beside_its_source(factcheck):
    claim = CORPUS / SOURCE_SLUG / "ki-50-von-54.yaml"
    run = factcheck("verify", "--format", "rich", claim.name, cwd=claim.parent)
    assert run.code == 0, run.output
    assert "= 31 + 22 = 53" in run.out


def test_the_bundled_corpus_reports_53_against_54_at_the_level_its_reference_sets(factcheck):
    run = factcheck("verify", "--format", "rich")
    assert run.code == 0, run.output
    assert "ki-50-von-54 warning" in run.out
    assert "! warn FC201 claims/nrw-spd-faktencheck-integration/ki-50-von-54.yaml:" in run.out
    assert (
        "kreisebene 54 does not agree with ref:kreise-nrw + ref:kreisfreie-staedte-nrw = 31 + 22 "
        "= 53: kreisebene is 1 more than the reference facts give." in run.out
    )
    assert "keeps the legal status of a kreisfreie Stadt (Aachen-Gesetz, 2008)" in run.out
    assert (
        "kreisebene 54 agrees with ref:kreise-nrw + ref:kreisfreie-staedte-nrw + "
        "ref:stadt-aachen-kreisfrei = 31 + 22 + 1 = 54\n" in run.out
    )
    assert "Gesetz zur Bildung der Städteregion Aachen (Aachen-Gesetz)" in run.out
    assert factcheck("verify", "--format", "rich", "--strict").code == 1


def test_the_configured_level_comes_before_the_facts(factcheck, tmp_path: Path):
    import shutil

    shutil.copytree(CORPUS, tmp_path / "claims")
    (tmp_path / ".factcheck.yaml").write_text("rules:\n  FC201:\n    level: error\n", "utf-8")
    run = factcheck("verify", "--format", "rich", cwd=tmp_path)
    assert run.code == 1, run.output
    assert "✘ fail FC201" in run.out


def test_verify_on_several_processes_reads_the_facts_too(factcheck):
    run = factcheck("verify", "--format", "rich", "--jobs", "2")
    assert run.code == 0, run.output
    assert "= 31 + 22 = 53: kreisebene is 1 more than the reference facts give." in run.out
