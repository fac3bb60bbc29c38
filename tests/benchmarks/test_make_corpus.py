"""The synthetic corpus: deterministic, and verify finds exactly the failures it plants."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import PROJECT

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.model import Outcome, Verdict


def _module():
    path = PROJECT / "benchmarks" / "make_corpus.py"
    spec = importlib.util.spec_from_file_location("make_corpus", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    return module


make_corpus = _module()


def _files(folder: Path) -> dict[str, bytes]:
    return {str(f.relative_to(folder)): f.read_bytes() for f in folder.rglob("*") if f.is_file()}


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path):
    for name in ("a", "b"):
        make_corpus.main(["--claims", "60", "--seed", "7", str(tmp_path / name)])
    make_corpus.main(["--claims", "60", "--seed", "8", str(tmp_path / "c")])
    first, second, other = (_files(tmp_path / name) for name in "abc")
    assert first == second
    assert len([name for name in first if name.endswith(".yaml")]) > 60  # claims and sources
    assert first != other


def test_the_claim_count_is_exact(tmp_path: Path):
    make_corpus.main(["--claims", "37", str(tmp_path / "corpus")])
    claims = [f for f in (tmp_path / "corpus").glob("*/*.yaml") if f.name != "source.yaml"]
    claims = [f for f in claims if f.parent.name != "references"]
    assert len(claims) == 37


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A corpus in which one claim in eight fails on purpose, written and verified."""
    corpus = make_corpus.generate(200, seed=3, failure_every=8)
    folder = tmp_path_factory.mktemp("planted") / "claims"
    make_corpus.write(corpus, folder)
    return corpus, folder, run(load_corpus([folder]))


def test_verify_finds_exactly_the_planted_failures(planted):
    corpus, _, report = planted
    failed = {
        (finding.claim_id, finding.code)
        for result in report.results
        for finding in result.findings
        if finding.outcome is Outcome.FAIL
    }
    assert failed == set(corpus.failures)
    assert len(corpus.failures) == 25  # one in eight of 200


def test_every_kind_of_check_and_failure_is_planted(planted):
    corpus, _, report = planted
    codes = {code for _, code in corpus.failures}
    assert codes == {
        *("FC001", "FC002", "FC101", "FC102", "FC103", "FC104", "FC105", "FC106", "FC107"),
        "FC201",
    }
    kinds = {check.kind for result in report.results for check in result.claim.checks}
    assert kinds == {
        *("sum", "share", "same", "compare", "derived", "change", "qualified", "reference")
    }
    assert {source.language for source in corpus.sources} == {"de", "en"}


def test_everything_else_holds_and_nothing_is_refused(planted):
    _, _, report = planted
    assert report.problems == ()
    outcomes = {f.outcome for result in report.results for f in result.findings}
    assert outcomes == {Outcome.PASS, Outcome.FAIL}
    verdicts = {result.verdict for result in report.results}
    assert Verdict.NOT_CHECKABLE in verdicts
    assert report.summary.claims == 200


def test_the_cli_exits_1_and_names_each_failing_claim(planted, factcheck):
    corpus, folder, _ = planted
    result = factcheck("verify", folder)
    assert result.code == 1, result.err
    for claim_id, _ in corpus.failures:
        assert claim_id in result.out
