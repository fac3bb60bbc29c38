"""What several formats share: links to the rule reference, exact decimals."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from snapshots import FAILING

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.reporters import common, markdown, sarif
from factcheck.reporters.common import decimal_text


def test_decimals_are_written_out_exactly_never_in_exponent_notation():
    assert decimal_text(Decimal("1.34E+7")) == "13400000"
    assert decimal_text(Decimal("13400000.0")) == "13400000.0"
    assert decimal_text(Decimal("-Infinity")) == "-Infinity"
    assert decimal_text(Decimal("Infinity")) == "Infinity"
    assert decimal_text(None) is None


def test_rule_links_are_relative_until_the_project_declares_where_its_docs_are():
    report = run(load_corpus([FAILING / "claims"]))
    log = sarif.as_data(report)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["helpUri"] == "docs/rules.md#fc001-quote-not-in-source"
    out = io.StringIO()
    markdown.render(report, out)
    assert "| FC101 parts-do-not-sum-to-total |" in out.getvalue()


def test_a_documentation_url_makes_rule_links_absolute(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(common, "docs_url", lambda: "https://example.org/factcheck/docs")
    report = run(load_corpus([FAILING / "claims"]))
    rules = sarif.as_data(report)["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["helpUri"] == (
        "https://example.org/factcheck/docs/rules.md#fc001-quote-not-in-source"
    )
    out = io.StringIO()
    markdown.render(report, out)
    assert (
        "| [FC101](https://example.org/factcheck/docs/rules.md#fc101-parts-do-not-sum-to-total)"
        " parts-do-not-sum-to-total |"
    ) in out.getvalue()
