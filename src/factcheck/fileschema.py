"""JSON Schemas (draft-07) of the files an editor writes: claim, source and reference files.

``factcheck schema KIND`` prints them, and docs/schemas/ holds them for editors (a YAML
language server reads the ``# yaml-language-server: $schema=...`` line at the top of a
file). They are built from what the loader accepts (its key tables and name patterns) and
from the rules (each check kind with its keys), so a new rule or key reaches the editor
without a second list to keep. The loader stays the judge: the schema gives completion and
early red squiggles, and factcheck's own errors say the rest (an unknown figure name, a
value that cannot be read).

factcheck reads every YAML scalar as text, while an editor's YAML 1.2 parser reads
``2016`` and ``50.`` as numbers; so text fields take numbers too.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

from factcheck.yamltree import MAX_SCALAR_LENGTH

#: The kinds of file ``factcheck schema`` describes, and the JSON report's schema.
KINDS = ("claim", "source", "reference", "report")

#: Draft-07: the newest draft that YAML language servers fully support.
_DRAFT = "http://json-schema.org/draft-07/schema#"
#: Where the shared suppression list is defined in a claim's schema.
_SUPPRESS = {"$ref": "#/definitions/suppress"}
_TEXT = ("string", "number")


#: Any text an editor writes: the loader refuses a longer value at its place.
_STRING = {"type": "string", "maxLength": MAX_SCALAR_LENGTH}


def _text(description: str, **more: Any) -> dict[str, Any]:
    return {"type": list(_TEXT), "maxLength": MAX_SCALAR_LENGTH, "description": description, **more}


def _anchored(pattern: str) -> str:
    return f"^(?:{pattern})$"


def _object(
    properties: dict[str, Any], required: tuple[str, ...], description: str
) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "required": list(required),
        "properties": properties,
        "additionalProperties": False,
    }


def _suppressions() -> dict[str, Any]:
    """A ``suppress`` list: each entry a rule that may be suppressed and the reason."""
    from factcheck.load import SUPPRESSION_KEYS
    from factcheck.rules import AFTER_SUPPRESSIONS, INPUT, all_rules

    names = [
        reference
        for rule in all_rules()
        if rule.phase not in (AFTER_SUPPRESSIONS, INPUT)
        for reference in (rule.code, rule.name)
    ]
    entry = _object(
        {
            "rule": {"enum": names, "description": "The rule, by its code (FC101) or name."},
            "reason": _text(
                "Why the rule's failure does not apply here, for the next reader.", minLength=1
            ),
        },
        SUPPRESSION_KEYS,
        "A finding of a rule that the editor has reviewed and accepts.",
    )
    return {
        "type": "array",
        "description": "Failures of a rule the editor accepts, each with its reason "
        "(docs/claims.md#suppressions).",
        "items": entry,
    }


_PARAMS: dict[str, dict[str, Any]] = {
    "figure": {
        **_STRING,
        "description": "A figure's name: one of this claim's, claim-id.figure for another "
        "claim's, or ref:name for a reference fact.",
    },
    "figures": {
        "type": "array",
        "minItems": 1,
        "items": _STRING,
        "description": "Figure names: this claim's, claim-id.figure, or ref:name.",
    },
    "expression": {
        **_STRING,
        "description": "An expression over figure names: + - × ÷ (or * /), decimal "
        "numbers with a point, parentheses.",
    },
    "figure-or-value": {
        "type": list(_TEXT),
        "maxLength": MAX_SCALAR_LENGTH,
        "description": 'A figure\'s name, or a figure as the source writes it ("rund 33.000 €").',
    },
    "comparison": {
        **_STRING,
        "description": "Figure names or expressions compared with <, <=, =, >=, > (or ≤, ≥).",
    },
}


def _checks() -> dict[str, Any]:
    """The ``checks`` list: each check has one rule's kind and that rule's keys."""
    from factcheck.rules import all_rules

    rules = [rule for rule in all_rules() if rule.check]
    branches = []
    for rule in rules:
        properties = {
            key: {**_PARAMS[kind], "description": f"{rule.title}: {_PARAMS[kind]['description']}"}
            for key, kind in rule.params.items()
        }
        properties["suppress"] = _SUPPRESS
        branches.append(
            {
                "if": {"required": [rule.check]},
                "then": {
                    "description": f"{rule.title}: {rule.summary}",
                    "required": list(rule.params),
                    "properties": properties,
                    "additionalProperties": False,
                },
            }
        )
    return {
        "type": "array",
        "description": "Relations between figures; each check starts with its kind "
        "(docs/rules.md lists every kind and its keys).",
        "items": {
            "type": "object",
            "description": "One check: " + ", ".join(rule.check or "" for rule in rules) + ".",
            # The kinds, for completion; each kind's own keys follow once it is written.
            "properties": {
                rule.check: {"description": f"{rule.title}: {rule.summary}"}
                for rule in rules
                if rule.check
            },
            "anyOf": [{"required": [rule.check]} for rule in rules],
            "allOf": branches,
        },
    }


def claim_schema() -> dict[str, Any]:
    """The schema of a claim file."""
    from factcheck.load import (
        _ID,
        CLAIM_KEYS_REQUIRED,
        FIGURE_KEYS_REQUIRED,
        FIGURE_NAME,
    )

    figure = _object(
        {
            "quote": _text("The passage of the source the figure stands in.", minLength=1),
            "value": _text(
                'The figure as the quote states it ("13,4 Mio. €", "rund 600").', minLength=1
            ),
            "suppress": _SUPPRESS,
        },
        FIGURE_KEYS_REQUIRED,
        "One figure: the quote it stands in and its value.",
    )
    properties = {
        "id": _text(
            "The claim's id: lower-case letters, digits, '-' and '_'; the file's name.",
            pattern=_anchored(_ID.pattern),
        ),
        "source": _text("The slug of the source: its folder's name."),
        "claim": _text("What the claim says, in a sentence."),
        "quote": _text("The passage of the source the claim stands in."),
        "note": _text("Anything a reader should know, such as why it cannot be checked."),
        "figures": {
            "type": "object",
            "description": "Named figures: each has the quote it stands in and its value.",
            "propertyNames": {"pattern": _anchored(FIGURE_NAME.pattern)},
            "additionalProperties": figure,
        },
        "checks": _checks(),
        "suppress": _SUPPRESS,
    }
    return {
        "$schema": _DRAFT,
        "title": "factcheck claim file",
        **_object(properties, CLAIM_KEYS_REQUIRED, "One claim of a source (docs/claims.md)."),
        "definitions": {"suppress": _suppressions()},
    }


def source_schema() -> dict[str, Any]:
    """The schema of a ``source.yaml``."""
    from factcheck.load import LANGUAGES, SOURCE_KEYS_REQUIRED

    properties = {
        "title": _text("The document's title."),
        "publisher": _text("Who published it."),
        "language": {
            "enum": list(LANGUAGES),
            "description": "How numbers are read: de (decimal comma) or en (decimal point).",
        },
        "text": _text("The archived text file, inside the source's folder."),
        "url": {**_STRING, "format": "uri", "description": "Where it was published."},
        "published": _text("The publication date, YYYY-MM-DD.", format="date"),
        "author": _text("The person or body that makes the claims."),
    }
    return {
        "$schema": _DRAFT,
        "title": "factcheck source file",
        **_object(properties, SOURCE_KEYS_REQUIRED, "A source document (docs/claims.md)."),
    }


def reference_schema() -> dict[str, Any]:
    """The schema of a reference file in ``claims/references/``."""
    from factcheck.load import (
        _ID,
        CITATION_KEYS_REQUIRED,
        LANGUAGES,
        REFERENCE_FILE_KEYS,
        REFERENCE_KEYS_REQUIRED,
    )
    from factcheck.rules import LEVELS

    citation = _object(
        {
            "title": _text("The primary source's title."),
            "publisher": _text("Who published it."),
            "url": {**_STRING, "format": "uri", "description": "Where it is."},
            "published": _text("Its date, YYYY-MM-DD.", format="date"),
            "quote": _text("The passage that states the fact."),
        },
        CITATION_KEYS_REQUIRED,
        "A primary source that states the fact.",
    )
    fact = _object(
        {
            "value": _text('The fact as a figure ("31", "13,4 Mio. €").', minLength=1),
            "description": _text("What the figure counts or measures."),
            "sources": {"type": "array", "minItems": 1, "items": citation},
            "note": _text("Anything a reader should know when a figure disagrees with it."),
            "level": {
                "enum": list(LEVELS),
                "description": "The level of a disagreement with this fact (FC201's otherwise).",
            },
        },
        REFERENCE_KEYS_REQUIRED,
        "One reference fact, used as ref:name in checks.",
    )
    properties = {
        "language": {"enum": list(LANGUAGES), "description": "How the values are read."},
        "facts": {
            "type": "object",
            "description": "Reference facts by name.",
            "propertyNames": {"pattern": _anchored(_ID.pattern)},
            "additionalProperties": fact,
        },
    }
    return {
        "$schema": _DRAFT,
        "title": "factcheck reference file",
        **_object(
            properties,
            REFERENCE_FILE_KEYS,
            "Facts from primary sources for reference checks (docs/claims.md).",
        ),
    }


def report_schema() -> dict[str, Any]:
    """The schema of ``verify --format json``'s report (docs/output-formats.md)."""
    text = (files("factcheck") / "schemas" / "report.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def schema(kind: str) -> dict[str, Any]:
    """The schema of one of KINDS."""
    builders = {
        "claim": claim_schema,
        "source": source_schema,
        "reference": reference_schema,
        "report": report_schema,
    }
    return builders[kind]()


def as_text(kind: str) -> str:
    """The schema as the file docs/schemas/KIND.schema.json holds it."""
    return json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"
