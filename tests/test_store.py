"""The store verify keeps a corpus in: tables as mappings, keys sorted as Python sorts."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.model import Location, Source
from factcheck.store import CACHED, CorpusTables, key


def _source(slug: str) -> Source:
    return Source(
        slug, f"{slug} title", "publisher", "de", Path("source.txt"), "text", Location(slug)
    )


def test_a_table_is_a_mapping_of_records_by_name(tmp_path: Path):
    tables = CorpusTables(tmp_path)
    sources = tables.sources
    for slug in ("b", "a", "ä", "c"):
        sources[slug] = _source(slug)
    assert list(sources) == ["a", "b", "c", "ä"]
    assert len(sources) == 4 and "ä" in sources and "x" not in sources
    assert sources["b"] == _source("b") and sources.get("x") is None
    sources["b"] = _source("b-again")
    assert sources["b"].slug == "b-again"
    del sources["a"]
    assert "a" not in sources
    with pytest.raises(KeyError):
        sources["a"]
    tables.close()


def test_a_table_keeps_only_a_few_records_in_memory(tmp_path: Path):
    tables = CorpusTables(tmp_path)
    for number in range(CACHED * 3):
        tables.sources[f"s{number}"] = _source(f"s{number}")
    for number in range(CACHED * 3):
        assert tables.sources[f"s{number}"].slug == f"s{number}"
    assert len(tables.sources._cached) == CACHED
    tables.close()


def test_keys_sort_as_python_sorts_texts():
    texts = ["a", "a-b", "a.b", "a/b", "Z", "ä", "ß", "€", "😀", "\udcff", "a\x00"]
    assert sorted(texts, key=key) == sorted(texts)


def test_claim_and_source_files_are_listed_once_in_order(tmp_path: Path):
    tables = CorpusTables(tmp_path)
    tables.add_claim_files([Path("b/x.yaml"), Path("a/y.yaml")])
    tables.add_claim_files([Path("a/y.yaml")])
    for name in ("a-b/source.yaml", "a/source.yaml", "a/source.yaml"):
        tables.add_source_file(Path(name))
    assert tables.claim_file_count() == 2
    assert list(tables.claim_files()) == ["a/y.yaml", "b/x.yaml"]
    # Sources in the order of their paths' parts, as the in-memory loader reads them.
    assert list(tables.source_files()) == [Path("a/source.yaml"), Path("a-b/source.yaml")]
    tables.close()
