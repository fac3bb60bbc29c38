"""The located YAML tree: limits, encodings and messages that fit on one line."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
import yaml

from factcheck.yamltree import (
    MAX_SCALAR_LENGTH,
    InputError,
    Mapping,
    Scalar,
    decode,
    load_yaml,
    read_text,
    shown,
)


def _load(tmp_path: Path, data: bytes | str) -> Mapping:
    path = tmp_path / "claim.yaml"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return load_yaml(path)


def _error(tmp_path: Path, data: bytes | str) -> str:
    with pytest.raises(InputError) as caught:
        _load(tmp_path, data)
    return str(caught.value)


def test_scalars_keep_their_text_and_location(tmp_path: Path):
    root = _load(tmp_path, "id: x\nvalue: 21.000\n")
    assert root.entries["value"] == Scalar("21.000", root.entries["value"].location)
    assert (root.entries["value"].location.line, root.entries["value"].location.column) == (2, 8)


def test_byte_order_mark_and_crlf_keep_line_and_column(tmp_path: Path):
    root = _load(tmp_path, codecs.BOM_UTF8 + b"id: x\r\nquote: \xc3\xbcber\r\n")
    location = root.entries["quote"].location
    assert root.entries["quote"].value == "über"
    assert (location.line, location.column) == (2, 8)


def test_deep_nesting_is_refused_by_the_pure_python_loader_too(tmp_path, monkeypatch):
    # Without libyaml, PyYAML composes by recursion; the recursion limit must end in a
    # message, not a crash.
    monkeypatch.delattr(yaml, "CSafeLoader")
    message = _error(tmp_path, "x: " + "[" * 10_000 + "]" * 10_000)
    assert message.endswith("claim.yaml: the YAML nests deeper than 1000 levels")


def test_a_value_over_the_limit_is_refused_where_it_starts(tmp_path: Path):
    message = _error(tmp_path, "id: x\nclaim: " + "a" * (MAX_SCALAR_LENGTH + 1) + "\n")
    assert message.endswith(
        "claim.yaml:2:8: a value of 10,001 characters; a value is at most 10,000 characters "
        "(a claim, a quote or a note is a few sentences)"
    )


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 101)
    with pytest.raises(InputError) as caught:
        read_text(path, 100, "a test file is small")
    assert str(caught.value).endswith(
        "big.txt: the file is 101 bytes; factcheck reads files of at most 100 bytes "
        "(a test file is small): check that this is the file meant"
    )


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ("Förderung".encode("utf-16-be"), "UTF-16 text without a byte-order mark (big-endian)"),
        ("Förderung".encode("utf-16-le"), "UTF-16 text without a byte-order mark (little-endian)"),
        (codecs.BOM_UTF32_LE + "x".encode("utf-32-le"), "the file is UTF-32 text"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "a binary file, not text (a NUL byte at offset 8)",
        ),
    ],
)
def test_what_a_file_that_is_not_utf8_seems_to_be(data: bytes, says: str):
    with pytest.raises(InputError) as caught:
        decode(data, Path("f.yaml"))
    assert says in str(caught.value)


def test_first_bad_byte_is_located_by_line_and_character_column():
    with pytest.raises(InputError) as caught:
        decode("a: 1\nb: ä".encode() + b"\xe4\n", Path("f.yaml"))
    assert str(caught.value).startswith(
        "f.yaml:2:5: not UTF-8 text: byte 0xe4 (offset 10) cannot stand here in UTF-8; in "
        "Latin-1 or Windows-1252 it is 'ä'"
    )


def test_shown_keeps_short_texts_and_shortens_long_ones():
    assert shown("total") == "'total'"
    assert shown("t" * 1_000_000) == f"'{'t' * 60}'… (1,000,000 characters)"
