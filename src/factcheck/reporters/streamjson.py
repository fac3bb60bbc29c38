"""Writing a JSON document whose long lists are made one item at a time, byte for byte as
``json.dump(data, out, ensure_ascii=False, indent=2, default=str)`` writes the whole.

A report of a hundred thousand claims lists about a million findings; the ``json`` and
``sarif`` formats hand such a list over as a :class:`Stream`, and :func:`dump` writes its
items as they come, so the document is never held whole.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from typing import Any, TextIO


class Stream:
    """A list of a JSON document whose items are made while it is written."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)


def _encode(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


def dump(data: Any, out: TextIO) -> None:
    """Write ``data`` as indented JSON, each :class:`Stream` in it as a list of its items.

    The document is encoded once with every stream standing in as a marker (a text no
    report holds), then written piece by piece, each stream's items encoded one at a time
    at the marker's depth.
    """
    streams: dict[str, Stream] = {}
    tag = uuid.uuid4().hex

    def marker(value: Any) -> Any:
        if isinstance(value, Stream):
            name = f"stream-{len(streams)}-{tag}"
            streams[name] = value
            return name
        return str(value)

    text = json.dumps(data, ensure_ascii=False, indent=2, default=marker)
    start = 0
    for name, stream in streams.items():
        at = text.index(f'"{name}"', start)
        out.write(text[start:at])
        line_start = text.rfind("\n", 0, at) + 1
        indent = len(text[line_start:at]) - len(text[line_start:at].lstrip(" "))
        _write_list(stream, indent, out)
        start = at + len(name) + 2
    out.write(text[start:])


def _write_list(stream: Stream, indent: int, out: TextIO) -> None:
    """Write the stream's items as a list whose line starts ``indent`` spaces in."""
    inner = "\n" + " " * (indent + 2)
    first = True
    for item in stream:
        out.write(("[" if first else ",") + inner + _encode(item).replace("\n", inner))
        first = False
    out.write("[]" if first else "\n" + " " * indent + "]")
