"""The json format: valid against its own versioned schema, exact, and the same every run."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
from snapshots import DATE, SETTINGS, assert_snapshot, broken_copy, verify, verify_bundled
from snapshots import verify_failing as failing

from factcheck import __version__
from factcheck.reporters.json import SCHEMA_VERSION

SCHEMA = json.loads((files("factcheck") / "schemas" / "report.schema.json").read_text("utf-8"))


def valid(text: str) -> dict:
    """The parsed document, after checking it against the report schema and its formats."""
    document = json.loads(text)
    validator = jsonschema.validators.validator_for(SCHEMA)
    validator.check_schema(SCHEMA)
    validator(SCHEMA, format_checker=validator.FORMAT_CHECKER).validate(document)
    return document


def test_failing_sum_and_share_carry_their_rule_place_and_computed_values():
    result = failing("--format", "json")
    assert result.code == 1, result.output
    assert_snapshot("failing.json", result.out)
    report = valid(result.out)
    (failed,) = [f for f in report["findings"] if f["outcome"] == "fail" and f["code"] == "FC101"]
    assert failed == {
        "code": "FC101",
        "rule": "parts-do-not-sum-to-total",
        "level": "error",
        "outcome": "fail",
        "gross": False,
        "kind": "consistency",
        "claim": "muster-an-budget",
        "file": "claims/musterland-integration/muster-an-budget.yaml",
        "line": 18,
        "column": 5,
        "message": failed["message"],
        "arithmetic": "7,7 + 1,5 + 4,9 = 14,1 Mio. €",
        "values": {
            "stated": "13400000.0",
            "computed": "14100000.0",
            "tolerance": "200000.0",
            "difference": "700000.0",
            "unit": "EUR",
            "nearest": {
                "total": "13900000.0",
                "ehrenamt": "7200000.0",
                "agenturen": "1000000.0",
                "personal": "4400000.0",
            },
        },
        "suppressed": None,
        "details": [],
        "docs": "docs/rules.md#fc101-parts-do-not-sum-to-total",
    }
    assert "difference 0,7 Mio. €" in failed["message"]
    (share,) = [f for f in report["findings"] if f["outcome"] == "fail" and f["code"] == "FC102"]
    assert (share["claim"], share["file"], share["line"], share["column"]) == (
        "zentren",
        "claims/musterland-integration/zentren.yaml",
        15,
        5,
    )
    assert share["values"]["stated"] == "95.00"
    assert share["values"]["computed"].startswith("92.592592")
    assert share["values"]["unit"] == "percent"
    assert share["values"]["nearest"] == {"anteil": "93"}
    verdicts = {claim["id"]: claim["verdict"] for claim in report["claims"]}
    assert verdicts["muster-an-budget"] == verdicts["zentren"] == "inconsistent"
    assert report["summary"]["failed"] == sum(f["outcome"] == "fail" for f in report["findings"])


def test_bundled_corpus_names_tool_version_date_settings_and_every_claim():
    result = verify_bundled("--format", "json")
    assert result.code == 0, result.output
    report = valid(result.out)
    assert report["schema_version"] == SCHEMA_VERSION
    assert report["tool"] == {"name": "factcheck", "version": __version__}
    assert report["generated"] == DATE
    assert report["settings"] == SETTINGS
    ids = [claim["id"] for claim in report["claims"]]
    assert "komm-an-budget" in ids and ids == sorted(ids)
    assert report["summary"]["claims"] == len(ids)
    assert report["summary"]["failed"] == 0
    assert report["summary"]["passed"] == sum(f["outcome"] == "pass" for f in report["findings"])
    (komm_an,) = [
        f for f in report["findings"] if f["arithmetic"] == "7,7 + 1,5 + 4,2 = 13,4 Mio. €"
    ]
    assert komm_an["values"]["computed"] == komm_an["values"]["stated"] == "13400000.0"


def test_same_claims_give_the_same_bytes():
    assert verify_bundled("--format", "json").out == verify_bundled("--format", "json").out


def test_input_problems_are_listed_with_file_line_column_and_code(tmp_path: Path):
    result = verify("claims", "--format", "json", cwd=broken_copy(tmp_path))
    assert result.code == 2, result.output
    report = valid(result.out)
    assert report["problems"][0]["code"] is None  # a YAML syntax error: no rule names it
    assert report["problems"][1] == {
        "code": "FC304",
        "file": "claims/musterland-integration/sprachkurse.yaml",
        "line": 15,
        "column": 23,
        "message": "unknown figure 'kindr' (did you mean 'kinder'?)",
    }
    assert report["summary"]["input_problems"] == 2
    verdicts = {claim["id"]: claim["verdict"] for claim in report["claims"]}
    assert verdicts["sprachkurse"] == "not evaluated"


def test_output_file_holds_the_report_and_stdout_stays_empty(tmp_path: Path):
    out = tmp_path / "report.json"
    result = failing("--format", "json", "--output-file", out)
    assert result.code == 1 and result.out == "", result.output
    assert valid(out.read_text(encoding="utf-8"))["summary"]["failed"] >= 1
