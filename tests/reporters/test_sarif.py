"""The sarif format: valid against the official OASIS SARIF 2.1.0 schema, rules documented.

The schema is read from ``../shared/schemas/`` beside the project, which is not part of a
user's clone: there the validation tests skip and say so.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import PROJECT
from snapshots import DATE, FAILING, SETTINGS, broken_copy, verify, verify_bundled
from snapshots import verify_failing as failing

from factcheck import __version__
from factcheck.rules import all_rules


def _find_schema() -> Path:
    """``../shared/schemas/sarif-schema-2.1.0.json``; a git worktree of the project may lie
    deeper, so folders further up are looked in too."""
    for folder in PROJECT.parents:
        candidate = folder / "shared" / "schemas" / "sarif-schema-2.1.0.json"
        if candidate.is_file():
            return candidate
    return PROJECT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


SARIF_SCHEMA = _find_schema()


def runs(name: str, tmp_path: Path):
    """The named case: the bundled corpus (exit 0), the failing fixture (exit 1), or the
    fixture with input problems (exit 2)."""
    if name == "bundled":
        return verify_bundled("--format", "sarif"), 0
    if name == "failing":
        return failing("--format", "sarif"), 1
    return verify("claims", "--format", "sarif", cwd=broken_copy(tmp_path)), 2


@pytest.mark.parametrize("case", ["bundled", "failing", "input-problems"])
def test_log_validates_against_the_oasis_sarif_schema(case: str, tmp_path: Path):
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the OASIS SARIF 2.1.0 schema is not here: {SARIF_SCHEMA} is absent")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    result, code = runs(case, tmp_path)
    assert result.code == code, result.output
    validator = jsonschema.validators.validator_for(schema)
    assert validator is jsonschema.Draft4Validator
    validator.check_schema(schema)
    validator(schema).validate(json.loads(result.out))


def valid(text: str) -> dict:
    """The SARIF log as JSON; its validation is the test above."""
    return json.loads(text)


def test_failing_sum_and_share_are_results_at_their_checks_with_their_values():
    result = failing("--format", "sarif")
    assert result.code == 1, result.output
    log = valid(result.out)
    (run,) = log["runs"]
    (sum_result,) = [r for r in run["results"] if r["ruleId"] == "FC101"]
    assert sum_result["level"] == "error" and sum_result["kind"] == "fail"
    assert run["tool"]["driver"]["rules"][sum_result["ruleIndex"]]["id"] == "FC101"
    assert sum_result["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "claims/musterland-integration/muster-an-budget.yaml"},
                "region": {"startLine": 18, "startColumn": 5},
            },
            "logicalLocations": [{"name": "muster-an-budget", "kind": "object"}],
        }
    ]
    assert sum_result["message"]["text"].startswith("7,7 + 1,5 + 4,9 = 14,1 Mio. €, but total")
    assert sum_result["properties"]["values"] == {
        "stated": "13400000.0",
        "computed": "14100000.0",
        "tolerance": "200000.0",
        "difference": "700000.0",
        "unit": "EUR",
    }
    (share,) = [r for r in run["results"] if r["ruleId"] == "FC102"]
    assert share["level"] == "error"
    assert share["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "claims/musterland-integration/zentren.yaml"},
        "region": {"startLine": 15, "startColumn": 5},
    }
    assert share["properties"]["values"]["stated"] == "95.00"
    assert run["invocations"][0]["executionSuccessful"] is True


def test_bundled_corpus_has_no_result_and_every_rule_with_help_and_a_link():
    result = verify_bundled("--format", "sarif")
    assert result.code == 0, result.output
    log = valid(result.out)
    (run,) = log["runs"]
    assert log["version"] == "2.1.0"
    assert {result["level"] for result in run["results"]} <= {"warning", "none"}
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("factcheck", __version__)
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert list(rules) == [rule.code for rule in all_rules()]
    for rule in all_rules():
        described = rules[rule.code]
        assert described["name"] == rule.name
        assert described["shortDescription"]["text"] == rule.summary
        assert "What it checks" in described["help"]["text"]
        assert described["helpUri"].endswith(f"rules.md#{rule.code.lower()}-{rule.name}")
    invocation = run["invocations"][0]
    assert invocation["endTimeUtc"] == DATE.replace("+00:00", "Z")
    assert invocation["properties"]["settings"] == SETTINGS


def test_input_problems_are_results_of_their_rule_or_notifications(tmp_path: Path):
    result = verify("claims", "--format", "sarif", cwd=broken_copy(tmp_path))
    assert result.code == 2, result.output
    (run,) = valid(result.out)["runs"]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["message"]["text"].startswith("YAML syntax error")
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "kaputt.yaml"
    )
    (unknown,) = [r for r in run["results"] if r["ruleId"] == "FC304"]
    assert unknown["level"] == "error"
    assert unknown["message"]["text"] == "unknown figure 'kindr' (did you mean 'kinder'?)"
    assert run["tool"]["driver"]["rules"][unknown["ruleIndex"]]["id"] == "FC304"
    region = unknown["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 15, "startColumn": 23}


def test_paths_become_uris_relative_as_given_or_file_uris_when_absolute(tmp_path: Path):
    relative = valid(failing("--format", "sarif").out)["runs"][0]["results"]
    where = relative[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert where == "claims/musterland-integration/muster-an-budget.yaml"
    spaced = tmp_path / "mein corpus"
    shutil.copytree(FAILING, spaced)
    result = verify(spaced / "claims", "--format", "sarif", cwd=tmp_path)
    (run,) = valid(result.out)["runs"]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == (spaced / "claims" / "musterland-integration" / "muster-an-budget.yaml").as_uri()
    assert uri.startswith("file:///") and "mein%20corpus" in uri
