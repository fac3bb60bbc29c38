"""Suppressions: a reviewed failure is shown with its reason and does not fail the run."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome, Verdict

HEAD = f"id: budget\nsource: {SOURCE_SLUG}\nclaim: KOMM-AN\n"
#: The parts do not add up: 7,7 + 1,5 = 9,2, not 13,4.
SHORT_SUM = """\
figures:
  total: {quote: "13,4 Millionen Euro", value: "13,4 Mio. €"}
  ehrenamt: {quote: "7,7 Millionen Euro", value: "7,7 Mio. €"}
  agenturen: {quote: "1,5 Millionen Euro", value: "1,5 Mio. €"}
checks:
  - sum: [ehrenamt, agenturen]
    equals: total
"""
REASON = "The release leaves the third part, 4,2 Mio. € for staff, to another paragraph."
SUPPRESSED_SUM = SHORT_SUM + f"    suppress:\n      - rule: FC101\n        reason: {REASON}\n"


def _write(source_dir: Path, body: str) -> Path:
    path = source_dir / "budget.yaml"
    path.write_text(HEAD + body, "utf-8")
    return path


def _result(source_dir: Path, body: str):
    _write(source_dir, body)
    report = run(load_corpus([source_dir]))
    return report, next(r for r in report.results if r.claim.id == "budget")


def test_without_a_suppression_the_short_sum_fails(source_dir: Path):
    _, result = _result(source_dir, SHORT_SUM)
    [finding] = [f for f in result.findings if f.code == "FC101"]
    assert finding.outcome is Outcome.FAIL and finding.suppressed is None
    assert result.verdict is Verdict.INCONSISTENT


def test_a_check_suppression_keeps_the_finding_with_its_reason(source_dir: Path):
    body = SUPPRESSED_SUM
    report, result = _result(source_dir, body)
    [finding] = [f for f in result.findings if f.code == "FC101"]
    assert finding.outcome is Outcome.FAIL
    assert finding.suppressed == REASON
    assert "7,7 + 1,5 = 9,2 Mio. €" in finding.message
    assert result.verdict is Verdict.CONSISTENT
    # The bundled corpus accepts one more: kita-plaetze's FC302, with its reason.
    assert (report.summary.failed, report.summary.suppressed) == (0, 2)
    assert not [f for f in result.findings if f.code == "FC901"]


def test_a_claim_suppression_covers_every_finding_of_its_rule(source_dir: Path):
    body = SHORT_SUM + f"suppress:\n  - rule: parts-do-not-sum-to-total\n    reason: {REASON}\n"
    _, result = _result(source_dir, body)
    [finding] = [f for f in result.findings if f.code == "FC101"]
    assert finding.suppressed == REASON


def test_a_figure_suppression_covers_only_that_figure(source_dir: Path):
    # Both quotes are not in the source; only the one of 'total' is suppressed.
    body = """\
figures:
  total:
    quote: "Hierfür wurden 13,4 Millionen Euro bereitgestellt"
    value: "13,4 Mio. €"
    suppress:
      - {rule: FC001, reason: "Quoted from the corrected release."}
  ehrenamt: {quote: "7,7 Millionen Euro für das Ehrenamt", value: "7,7 Mio. €"}
"""
    report, result = _result(source_dir, body)
    by_figure = {
        f.message.split(":")[0]: f.suppressed for f in result.findings if f.code == "FC001"
    }
    assert by_figure == {
        "figure 'total'": "Quoted from the corrected release.",
        "figure 'ehrenamt'": None,
    }
    assert report.summary.failed == 1


def test_a_suppression_of_another_rule_does_not_apply(source_dir: Path):
    body = SHORT_SUM + f"    suppress:\n      - rule: FC002\n        reason: {REASON}\n"
    _, result = _result(source_dir, body)
    assert [f.suppressed for f in result.findings if f.code == "FC101"] == [None]
    assert result.verdict is Verdict.INCONSISTENT


def test_a_suppressed_run_exits_0_and_the_report_shows_the_reason(factcheck, source_dir: Path):
    path = _write(source_dir, SUPPRESSED_SUM)
    run_ = factcheck("verify", source_dir, "--format", "rich")
    assert run_.code == 0, run_.output
    lines = run_.out.splitlines()
    at = next(i for i, line in enumerate(lines) if "~ suppressed fail FC101" in line)
    assert lines[at].strip() == f"~ suppressed fail FC101 {path}:9:5"
    assert lines[at + 2].strip() == f"reason: {REASON}"
    rows = [line.strip("│").split("│") for line in lines if line.startswith("│")]
    summary = {label.strip(): count.strip() for label, count in rows}
    # The bundled kita-plaetze claim carries a suppression of its own.
    assert summary["checks suppressed"] == "2"
    assert summary["checks failed"] == "0"
    words = " ".join(run_.out.split())
    assert "a failure or warning a suppression accepts counts only as suppressed" in words


def test_the_html_report_shows_a_suppressed_finding_with_its_reason(
    factcheck, source_dir: Path, tmp_path: Path
):
    _write(source_dir, SUPPRESSED_SUM)
    out = tmp_path / "report.html"
    assert factcheck("verify", source_dir, "--format", "html", "--output-file", out).code == 0
    page = out.read_text("utf-8")
    assert '<span class="outcome sup">~ suppressed fail</span>' in page
    assert '<p class="reason">Suppressed: The release leaves the third part, 4,2 Mio. €' in page
    # This one, and the bundled kita-plaetze's FC302.
    assert '<span class="n">2</span>checks suppressed</li>' in page


@pytest.mark.parametrize(
    ("suppress", "error"),
    [
        ("suppress: FC101\n", "budget.yaml:4:11: 'suppress' of the claim must be a list of"),
        (
            "suppress:\n  - rule: FC101\n",
            "budget.yaml:5:5: a suppression has no 'reason'; expected keys: rule, reason",
        ),
        (
            "suppress:\n  - {rule: FC101, reason: '  '}\n",
            "budget.yaml:5:27: the suppression of FC101 has an empty 'reason'; say why the "
            "finding does not apply, for the next reader",
        ),
        (
            "suppress:\n  - {rule: FC101, reason: x, until: 2026}\n",
            "budget.yaml:5:30: unknown key 'until' in a suppression; expected keys: rule, reason",
        ),
        (
            "suppress:\n  - {rule: parts-do-not-add-up-to-total, reason: x}\n",
            "budget.yaml:5:12: unknown rule 'parts-do-not-add-up-to-total' in a suppression "
            "(did you mean 'parts-do-not-sum-to-total'?); name a rule by its code or its name "
            "(factcheck rules lists them)",
        ),
        (
            "suppress:\n  - {rule: FC901, reason: x}\n",
            "budget.yaml:5:12: FC901 unused-suppression cannot be suppressed: remove the "
            "suppression it reports, or add the rule to 'ignore' in the configuration",
        ),
    ],
)
def test_a_malformed_suppression_is_a_located_input_problem(
    factcheck, source_dir: Path, suppress: str, error: str
):
    path = _write(source_dir, suppress)
    run_ = factcheck("verify", source_dir, "--format", "rich")
    assert run_.code == 2
    assert f"error {path.parent}/{error}" in run_.out, run_.out


def test_a_suppression_inside_a_figure_or_check_is_checked_too(source_dir: Path):
    body = SHORT_SUM.replace(
        '  total: {quote: "13,4 Millionen Euro", value: "13,4 Mio. €"}',
        '  total: {quote: "13,4 Millionen Euro", value: "13,4 Mio. €", suppress: [{rule: FC1}]}',
    )
    body += "    suppress: [{reason: why}]\n"
    _write(source_dir, body)
    problems = [str(p) for p in load_corpus([source_dir]).problems]
    assert [p.split("budget.yaml:")[1] for p in problems] == [
        "5:74: a suppression has no 'reason'; expected keys: rule, reason",
        "11:16: a suppression has no 'rule'; expected keys: rule, reason",
    ]


def test_show_lists_a_suppressed_failure_with_its_reason_and_exits_0(factcheck, corpus_copy: Path):
    source_dir = corpus_copy / SOURCE_SLUG
    _write(source_dir, SUPPRESSED_SUM)
    run_ = factcheck("show", "budget", "--corpus", corpus_copy)
    assert run_.code == 0, run_.output
    assert "~ suppressed fail FC101" in run_.out
    assert f"reason: {REASON}" in run_.out
