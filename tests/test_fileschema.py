"""factcheck schema: JSON Schemas that every bundled file meets, that name every key the
loader knows, and that flag what factcheck refuses, as an editor would show it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import CORPUS, PROJECT, run_factcheck

from factcheck import load
from factcheck.fileschema import KINDS, schema
from factcheck.rules import all_rules

DOCS_SCHEMAS = PROJECT / "docs" / "schemas"


class Yaml12Loader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2 core schema): ``2016`` and
    ``50.`` are numbers, ``true``/``false`` booleans, and dates and ``yes``/``no`` text."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
):
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), first)


def kind_of(path: Path) -> str:
    """Which schema a corpus file is written against."""
    if path.name == load.SOURCE_FILE:
        return "source"
    if load.REFERENCES_DIR in path.parts:
        return "reference"
    return "claim"


def errors(kind: str, document: object) -> list[str]:
    """What a draft-07 validator says about the document, path and message each."""
    the_schema = schema(kind)
    validator = jsonschema.validators.validator_for(the_schema)
    assert validator is jsonschema.Draft7Validator
    validator.check_schema(the_schema)
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(the_schema).iter_errors(document)
    ]


BUNDLED = sorted([*CORPUS.rglob("*.yaml"), *(PROJECT / "tests" / "fixtures").rglob("*.yaml")])


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: str(p.relative_to(PROJECT)))
def test_every_bundled_file_meets_its_schema(path: Path):
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)
    assert errors(kind_of(path), document) == []


def test_the_corpus_has_every_kind_of_file():
    assert {kind_of(path) for path in BUNDLED} == {"claim", "source", "reference"}


@pytest.mark.parametrize("kind", KINDS)
def test_docs_schemas_are_what_factcheck_schema_prints(kind: str):
    printed = run_factcheck("schema", kind)
    assert printed.code == 0, printed.output
    assert printed.out == (DOCS_SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"), (
        f"docs/schemas/{kind}.schema.json is stale: run factcheck schema {kind} > it"
    )
    json.loads(printed.out)


def test_the_schemas_name_every_key_the_loader_knows():
    claim = schema("claim")
    assert set(claim["properties"]) == {*load.CLAIM_KEYS_REQUIRED, *load.CLAIM_KEYS_OPTIONAL}
    assert claim["required"] == list(load.CLAIM_KEYS_REQUIRED)
    figure = claim["properties"]["figures"]["additionalProperties"]
    assert set(figure["properties"]) == {*load.FIGURE_KEYS_REQUIRED, *load.FIGURE_KEYS_OPTIONAL}
    suppression = claim["definitions"]["suppress"]["items"]
    assert set(suppression["properties"]) == set(load.SUPPRESSION_KEYS)
    source = schema("source")
    assert set(source["properties"]) == {*load.SOURCE_KEYS_REQUIRED, *load.SOURCE_KEYS_OPTIONAL}
    reference = schema("reference")
    assert set(reference["properties"]) == set(load.REFERENCE_FILE_KEYS)
    fact = reference["properties"]["facts"]["additionalProperties"]
    assert set(fact["properties"]) == {
        *load.REFERENCE_KEYS_REQUIRED,
        *load.REFERENCE_KEYS_OPTIONAL,
    }
    citation = fact["properties"]["sources"]["items"]
    assert set(citation["properties"]) == {
        *load.CITATION_KEYS_REQUIRED,
        *load.CITATION_KEYS_OPTIONAL,
    }


def test_every_check_kind_has_its_rules_keys():
    branches = schema("claim")["properties"]["checks"]["items"]["allOf"]
    by_kind = {branch["if"]["required"][0]: branch["then"] for branch in branches}
    for rule in all_rules():
        if rule.check:
            assert by_kind[rule.check]["required"] == list(rule.params)
            assert set(by_kind[rule.check]["properties"]) == {*rule.params, "suppress"}


BUDGET = """\
id: budget
source: release
claim: Das Programm ist mit 13,4 Millionen Euro ausgestattet.
figures:
  total: {quote: "13,4 Millionen Euro", value: "13,4 Mio. €"}
  teil: {quote: "7,7 Millionen Euro", value: "7,7 Mio. €"}
checks:
  - sum: [teil]
    equals: total
"""


@pytest.mark.parametrize(
    ("old", "new", "flagged"),
    [
        ("figures:", "figurs:", "Additional properties are not allowed ('figurs' was unexpected)"),
        ("    equals: total\n", "", "'equals' is a required property"),
        ("  - sum: [teil]", "  - summe: [teil]", "is not valid under any of the given schemas"),
        ("  teil:", "  teil-2:", "'teil-2' does not match"),
        (
            "    equals: total\n",
            "    equals: total\n    suppress: [{rule: FC999, reason: x}]\n",
            "'FC999' is not one of",
        ),
        ("id: budget", "id: Budget", "'Budget' does not match"),
        ("claim: Das", "claim: " + "x" * 10_000 + " Das", "is too long"),
        ("equals: total", "equals: t" + "o" * 10_000, "is too long"),
    ],
)
def test_what_factcheck_refuses_the_schema_flags_too(
    old: str, new: str, flagged: str, tmp_path: Path
):
    text = BUDGET.replace(old, new)
    assert text != BUDGET
    found = errors("claim", yaml.load(text, Loader=Yaml12Loader))
    assert any(flagged in error for error in found), found
    folder = tmp_path / "claims" / "release"
    folder.mkdir(parents=True)
    (folder / "source.yaml").write_text(
        "title: T\npublisher: P\nlanguage: de\ntext: source.txt\n", encoding="utf-8"
    )
    (folder / "source.txt").write_text(
        "Das Programm ist mit 13,4 Millionen Euro ausgestattet, 7,7 Millionen Euro davon.",
        encoding="utf-8",
    )
    (folder / "budget.yaml").write_text(text, encoding="utf-8")
    assert run_factcheck("verify", "claims", cwd=tmp_path).code == 2


def test_a_number_where_factcheck_reads_text_is_no_error():
    text = BUDGET.replace('value: "7,7 Mio. €"', "value: 2016")
    assert errors("claim", yaml.load(text, Loader=Yaml12Loader)) == []


def test_an_unknown_kind_is_refused_with_the_kinds():
    result = run_factcheck("schema", "claims")
    assert result.code == 2
    assert "claim" in result.err and "reference" in result.err


def test_the_documented_modelines_point_at_the_schemas_from_a_claim_folder():
    page = (PROJECT / "docs" / "claims.md").read_text(encoding="utf-8")
    modelines = re.findall(r"^# yaml-language-server: \$schema=(\S+)$", page, re.M)
    assert len(modelines) == 3
    claim_folder = CORPUS / "nrw-spd-faktencheck-integration"
    for target in modelines:
        assert (claim_folder / target).resolve().is_file(), target
