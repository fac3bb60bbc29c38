"""FC304 unknown-figure-name: an input problem with its code, never a finding."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SOURCE_SLUG

from factcheck.engine import run
from factcheck.load import load_corpus

CLAIM = """\
id: names
source: {slug}
claim: Namen
figures:
  total: {{quote: "13,4 Millionen Euro", value: "13,4 Mio. €"}}
  ehrenamt: {{quote: "7,7 Millionen Euro", value: "7,7 Mio. €"}}
checks:
{check}
"""


def _problems(source_dir: Path, check: str):
    path = source_dir / "names.yaml"
    path.write_text(CLAIM.format(slug=SOURCE_SLUG, check=check), "utf-8")
    report = run(load_corpus([source_dir.parent]))
    return [p for p in report.problems if p.location.path == str(path)]


@pytest.mark.parametrize(
    ("check", "where", "message"),
    [
        (
            "  - sum: [ehrenamt]\n    equals: totl",
            "9:13",
            "unknown figure 'totl' (did you mean 'total'?)",
        ),
        (
            "  - same: [total, komm-an-budget.totl]",
            "8:19",
            "unknown figure 'komm-an-budget.totl' (did you mean 'komm-an-budget.total'?)",
        ),
        (
            '  - compare: "ehrenamt <= totl"',
            "8:14",
            "unknown figure 'totl' at column 13 of 'compare' (did you mean 'total'?)",
        ),
        (
            '  - reference: total\n    equals: "ref:kreise-nr + 1"',
            "9:13",
            "unknown reference fact 'ref:kreise-nr' at column 1 of 'equals' "
            "(did you mean 'ref:kreise-nrw'?)",
        ),
    ],
)
def test_an_unknown_name_is_an_input_problem_with_its_code_and_nearest_name(
    source_dir: Path, check: str, where: str, message: str
):
    problems = _problems(source_dir, check)
    assert [(p.code, str(p.location).rsplit(":", 2)[1:], p.message) for p in problems] == [
        ("FC304", where.split(":"), message)
    ]


def test_without_reference_files_the_problem_says_where_facts_come_from(source_dir: Path):
    path = source_dir / "names.yaml"
    check = '  - reference: total\n    equals: "ref:kreise-nrw"'
    path.write_text(CLAIM.format(slug=SOURCE_SLUG, check=check), "utf-8")
    for reference in (source_dir.parent / "references").glob("*.yaml"):
        reference.unlink()
    report = run(load_corpus([source_dir.parent]))
    assert [p.message for p in report.problems if p.location.path == str(path)] == [
        "unknown reference fact 'ref:kreise-nrw' at column 1 of 'equals'; reference facts are "
        "read from the references/ folder beside the sources"
    ]


def test_verify_exits_2_and_still_checks_the_other_claims(factcheck, source_dir: Path):
    (source_dir / "names.yaml").write_text(
        CLAIM.format(slug=SOURCE_SLUG, check="  - sum: [ehrenamt]\n    equals: totl"), "utf-8"
    )
    run = factcheck("verify", "--format", "rich", source_dir.parent)
    assert run.code == 2, run.output
    assert "names.yaml:9:13: unknown figure 'totl' (did you mean 'total'?)" in run.out
    assert "7,7 + 1,5 + 4,2 = 13,4 Mio. €" in run.out
    assert "Traceback" not in run.output


def test_it_cannot_be_suppressed(factcheck, source_dir: Path):
    check = "  - sum: [ehrenamt]\n    equals: totl\nsuppress:\n  - {rule: FC304, reason: typo}"
    (source_dir / "names.yaml").write_text(CLAIM.format(slug=SOURCE_SLUG, check=check), "utf-8")
    run = factcheck("verify", "--format", "rich", source_dir.parent)
    assert run.code == 2, run.output
    assert (
        "FC304 unknown-figure-name cannot be suppressed: it names input that cannot be used; "
        "correct the input instead" in run.out
    )
