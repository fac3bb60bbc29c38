"""The engine: what a run comes to when a rule itself goes wrong."""

from __future__ import annotations

import io

import pytest
from conftest import CORPUS

from factcheck.engine import exit_code, run
from factcheck.load import load_corpus
from factcheck.model import Outcome, Verdict
from factcheck.reporters import render
from factcheck.rules import parts_do_not_sum_to_total


def test_a_rule_that_stops_with_an_error_is_reported_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch,
):
    def broken(claim, context, options):
        if claim.id == "komm-an-budget":
            raise ZeroDivisionError("division by zero")
        return iter(())

    monkeypatch.setattr(parts_do_not_sum_to_total, "evaluate", broken)
    report = run(load_corpus([CORPUS]))
    [problem] = report.problems
    assert problem.code == "FC101"
    assert problem.location.path.endswith("komm-an-budget.yaml")
    assert problem.message == (
        "internal error: rule FC101 parts-do-not-sum-to-total stopped on this claim "
        "(ZeroDivisionError: division by zero); this is a bug in factcheck, please report "
        "it with the claim file"
    )
    assert exit_code(report) == 2
    budget = next(r for r in report.results if r.claim.id == "komm-an-budget")
    assert budget.verdict is Verdict.NOT_EVALUATED
    crashed = next(f for f in budget.findings if f.code == "FC101")
    assert crashed.outcome is Outcome.NOT_EVALUATED
    # The claim's other rules ran, and so did every other claim's.
    assert {f.code for f in budget.findings} >= {"FC001", "FC002"}
    share = next(r for r in report.results if r.claim.id == "ki-nahezu-flaechendeckend")
    assert share.verdict is Verdict.CONSISTENT
    out = io.StringIO()
    render(report, "concise", out)
    assert "komm-an-budget.yaml:1:1: FC101 error: internal error: rule FC101" in out.getvalue()
    assert "Traceback" not in out.getvalue()
