"""The markdown format: read back with markdown-it-py as GitHub renders a comment."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from markdown_it import MarkdownIt
from snapshots import FAILING, assert_snapshot, broken_copy, verify, verify_bundled, warning_copy
from snapshots import verify_failing as failing

from factcheck.engine import run
from factcheck.load import load_corpus
from factcheck.reporters.markdown import render


def markdown() -> MarkdownIt:
    """CommonMark with GitHub's tables and strikethrough."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def parse(text: str) -> tuple[list[str], list[list[list[str]]]]:
    """The headings' texts and each table as rows of cell texts, as a renderer sees them."""
    tokens = markdown().parse(text)
    headings, tables = [], []
    row: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            headings.append(tokens[index + 1].content)
        elif token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            inline = tokens[index + 1]
            row.append("".join(child.content for child in inline.children or []))
        elif token.type == "tr_close":
            tables[-1].append(row)
    return headings, tables


def test_failing_sum_and_share_head_the_comment_and_fill_table_rows():
    result = failing("--format", "markdown")
    assert result.code == 1, result.output
    assert_snapshot("failing.md", result.out)
    headings, tables = parse(result.out)
    findings = tables[0]
    assert findings[0] == ["", "Rule", "Claim", "Where", "Finding"]
    (row,) = [r for r in findings if "FC101" in r[1]]
    assert row[:4] == [
        "❌ fail",
        "FC101 parts-do-not-sum-to-total",
        "muster-an-budget",
        "claims/musterland-integration/muster-an-budget.yaml:18:5",
    ]
    assert row[4].startswith("7,7 + 1,5 + 4,9 = 14,1 Mio. €, but total is stated as 13,4 Mio. €")
    (share,) = [r for r in findings if "FC102" in r[1]]
    assert share[:4] == [
        "❌ fail",
        "FC102 share-does-not-match",
        "zentren",
        "claims/musterland-integration/zentren.yaml:15:5",
    ]
    assert headings[0] == "❌ factcheck: 2 checks failed"
    claims = tables[1]
    assert claims[1][:2] == ["muster-an-budget", "inconsistent"]
    assert ["zentren", "inconsistent"] in [row[:2] for row in claims]


def test_bundled_corpus_says_every_check_holds():
    result = verify_bundled("--format", "markdown")
    assert result.code == 0, result.output
    headings, tables = parse(result.out)
    assert headings[0].startswith(("✅ factcheck: every check holds", "⚠️ factcheck: every check"))
    if len(tables) == 2:  # the warnings, then every claim
        allowed = ("⚠️ warn", "❔ not evaluated", "🔕 suppressed")
        assert all(row[0].startswith(allowed) for row in tables[0][1:])
    claims = tables[-1]
    assert ["komm-an-budget", "consistent"] in [row[:2] for row in claims]


def test_input_problems_get_a_table_of_their_own(tmp_path: Path):
    result = verify("claims", "--format", "markdown", cwd=broken_copy(tmp_path))
    assert result.code == 2, result.output
    headings, tables = parse(result.out)
    assert headings[0] == "⛔ factcheck: 2 input problems, not all checked"
    assert tables[0][2] == [
        "claims/musterland-integration/sprachkurse.yaml:15:23",
        "FC304: unknown figure 'kindr' (did you mean 'kinder'?)",
    ]


def test_text_from_a_claim_cannot_break_the_table_or_add_markup():
    report = run(load_corpus([FAILING / "claims"]))
    nasty = "a | b <script>x</script> [link](https://example.org) *bold* `code`\nnext"
    first = report.results[0]
    report = replace(report, results=(replace(first, claim=replace(first.claim, text=nasty)),))
    out = io.StringIO()
    render(report, out)
    tokens = markdown().parse(out.getvalue())
    every = [*tokens, *(child for t in tokens for child in (t.children or []))]
    html = {t.content.strip() for t in every if t.type in ("html_inline", "html_block")}
    assert not any("script" in piece for piece in html), html  # only the report's own tags
    inline_kinds = {t.type for t in every}
    assert not inline_kinds & {"link_open", "strong_open", "em_open", "s_open"}
    _, tables = parse(out.getvalue())
    (row,) = [r for r in tables[-1] if r[0] == first.claim.id]
    assert row[3] == " ".join(nasty.split())


def test_warnings_head_the_comment_and_fail_it_only_under_strict(tmp_path: Path):
    root = warning_copy(tmp_path)
    lenient = verify("claims", "--format", "markdown", cwd=root)
    strict = verify("claims", "--format", "markdown", "--strict", cwd=root)
    assert (lenient.code, strict.code) == (0, 1)
    assert parse(lenient.out)[0][0] == "⚠️ factcheck: every check holds, 2 with a warning"
    assert parse(strict.out)[0][0] == "❌ factcheck: 2 warnings (strict)"
    rows = parse(lenient.out)[1][0]
    assert [row[0] for row in rows[1:]] == ["⚠️ warn", "⚠️ warn"]
