"""The loader: figure text kept as written, located problems, one bad file never stops the rest."""

from __future__ import annotations

import os
import re
from pathlib import Path

from conftest import SOURCE_SLUG

from factcheck.load import discover, load_corpus, reference_files


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _problems(corpus_dir: Path) -> list[str]:
    return [str(problem) for problem in load_corpus([corpus_dir]).problems]


def test_bundled_corpus_loads_without_problems(corpus_copy: Path):
    corpus = load_corpus([corpus_copy])
    assert corpus.problems == []
    assert SOURCE_SLUG in corpus.sources
    assert corpus.sources[SOURCE_SLUG].publisher == "Pressestelle der NRWSPD"
    assert len(corpus.claims) >= 10


def test_figure_text_is_kept_as_written_not_yaml_1_1_numbers(source_dir: Path):
    _write(
        source_dir,
        "plaetze.yaml",
        f"id: plaetze\nsource: {SOURCE_SLUG}\nclaim: x\nfigures:\n"
        "  plaetze: {quote: 'rund 21.000 Plätze', value: 21.000}\n",
    )
    claim = next(c for c in load_corpus([source_dir.parent]).claims if c.id == "plaetze")
    figure = claim.figures["plaetze"]
    assert figure.value_text == "21.000"
    assert figure.reading.value == 21000


def test_duplicate_key_is_an_error_with_its_line(source_dir: Path):
    _write(source_dir, "dup.yaml", f"id: dup\nsource: {SOURCE_SLUG}\nclaim: a\nclaim: b\n")
    problems = _problems(source_dir.parent)
    assert any(
        p.endswith(
            "dup.yaml:4:1: duplicate key 'claim' (first at line 3); YAML keeps "
            "only the last, so remove one"
        )
        for p in problems
    ), problems


def test_alias_is_an_error(source_dir: Path):
    _write(source_dir, "alias.yaml", f"id: &a alias\nsource: {SOURCE_SLUG}\nclaim: *a\n")
    problems = _problems(source_dir.parent)
    assert any("alias.yaml:1:5: YAML anchors and aliases" in p for p in problems), problems


def test_schema_problems_are_collected_across_files(source_dir: Path):
    _write(source_dir, "one.yaml", f"id: one\nsource: {SOURCE_SLUG}\nclaim: x\nfigrues: {{}}\n")
    _write(source_dir, "two.yaml", f"id: two\nsource: {SOURCE_SLUG}\n")
    problems = _problems(source_dir.parent)
    assert any(
        "one.yaml:4:1: unknown key 'figrues' in the claim (did you mean 'figures'?)" in p
        for p in problems
    ), problems
    assert any("two.yaml:1:1: the claim has no 'claim'" in p for p in problems), problems


def test_unknown_source_suggests_the_nearest(source_dir: Path):
    _write(source_dir, "src.yaml", "id: src\nsource: nrw-spd-faktencheck-integratio\nclaim: x\n")
    problems = _problems(source_dir.parent)
    assert any(
        "src.yaml:2:9: unknown source 'nrw-spd-faktencheck-integratio' "
        "(did you mean 'nrw-spd-faktencheck-integration'?)" in p
        for p in problems
    ), problems


def test_unreadable_value_names_file_line_and_expectation(source_dir: Path):
    _write(
        source_dir,
        "bad.yaml",
        f"id: bad\nsource: {SOURCE_SLUG}\nclaim: x\nfigures:\n"
        "  total: {quote: 'Hierfür wurden 13,4 Millionen Euro veranschlagt', value: viel Geld}\n",
    )
    problems = _problems(source_dir.parent)
    assert any("bad.yaml:5:76: figure 'total': cannot read 'viel Geld'" in p for p in problems)


def test_id_must_match_the_file_name(source_dir: Path):
    _write(source_dir, "name.yaml", f"id: other\nsource: {SOURCE_SLUG}\nclaim: x\n")
    problems = _problems(source_dir.parent)
    assert any(
        "name.yaml:1:5: claim id 'other' must match the file name 'name'" in p for p in problems
    )


def test_source_text_outside_the_source_folder_is_refused(tmp_path: Path):
    folder = tmp_path / "claims" / "leak"
    folder.mkdir(parents=True)
    _write(
        folder,
        "source.yaml",
        "title: t\npublisher: p\nlanguage: de\ntext: ../../../../etc/passwd\n",
    )
    problems = _problems(tmp_path / "claims")
    assert any(
        "source.yaml:4:7: the text file '../../../../etc/passwd' must lie in the "
        "source's folder" in p
        for p in problems
    ), problems


def test_unquoted_decimal_comma_in_flow_mapping_gets_a_hint(source_dir: Path):
    _write(
        source_dir,
        "flow.yaml",
        f"id: flow\nsource: {SOURCE_SLUG}\nclaim: x\nfigures:\n"
        "  total: {quote: 'Hierfür wurden 13,4 Millionen Euro veranschlagt', value: 13,4 Mio}\n",
    )
    problems = _problems(source_dir.parent)
    assert any(
        "flow.yaml:5:10: figure 'total': in {quote: ..., value: ...} a comma separates entries" in p
        for p in problems
    ), problems


def _discover_by_rglob(folder: Path) -> tuple[list[Path], list[Path]]:
    """discover's meaning for a folder without links that lead out, written plainly."""
    sources, claims = [], []
    for file in sorted(folder.rglob("*")):
        if file.suffix not in (".yaml", ".yml") or not file.is_file():
            continue
        if file.is_symlink() and not file.resolve().is_relative_to(folder.resolve()):
            continue
        if "references" in file.relative_to(folder).parts[:-1]:
            continue
        (sources if file.name == "source.yaml" else claims).append(file)
    return sources, claims


def test_discover_finds_what_rglob_finds_in_the_same_order(tmp_path: Path):
    corpus = tmp_path / "claims"
    outside = tmp_path / "outside"
    for name in (
        "a-b/source.yaml",
        "a-b/x.yaml",
        "a/source.yaml",
        "a/b-c.yaml",
        "a/b.yaml",
        "a/b.yml",
        "a/notes.txt",
        "a/.yaml",
        "a/deeper/c.yaml",
        "references/facts.yaml",
        "a/references/local.yaml",
    ):
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text("id: x\n", encoding="utf-8")
    outside.mkdir()
    (outside / "elsewhere.yaml").write_text("id: elsewhere\n", encoding="utf-8")
    (corpus / "a" / "link.yaml").symlink_to(corpus / "a-b" / "x.yaml")
    (corpus / "a" / "linked-folder").symlink_to(corpus / "a-b")
    (corpus / "a" / "out.yaml").symlink_to(outside / "elsewhere.yaml")
    (corpus / "a" / "out-folder").symlink_to(outside)
    sources, claims, problems = discover([corpus])
    assert (sources, claims) == _discover_by_rglob(corpus)
    assert corpus / "a" / "link.yaml" in claims
    assert not any("linked-folder" in str(file) for file in claims)
    assert sorted(str(problem.location) for problem in problems) == [
        str(corpus / "a" / "out-folder"),
        str(corpus / "a" / "out.yaml"),
    ]
    found = reference_files([corpus], claims)
    assert found == [
        corpus / "a" / "references" / "local.yaml",
        corpus / "references" / "facts.yaml",
    ]
    # A claim given on its own finds the references beside its source's folder.
    assert reference_files([corpus / "a" / "b.yaml"], [corpus / "a" / "b.yaml"]) == [
        corpus / "references" / "facts.yaml"
    ]


def test_a_file_name_that_is_not_utf8_is_a_problem_every_format_can_print(
    factcheck, source_dir: Path
):
    name = os.fsdecode(os.fsencode(source_dir) + b"/gr\xfc\xdfe.yaml")
    Path(name).write_text("id: x\n", encoding="utf-8")
    for output_format in ("rich", "concise", "json", "sarif", "html", "markdown", "junit"):
        run = factcheck("verify", source_dir.parent, "--format", output_format)
        assert run.code == 2, run.output
        assert "Traceback" not in run.output
        # Escaped as each format escapes a backslash: \xfc, \\xfc, %5Cxfc.
        assert re.search(r"gr(\\|\\\\|%5C)xfc(\\|\\\\|%5C)xdfe\.yaml", run.out), output_format
