"""Where each key of a TOML text stands, so a configuration error can name its line.

The standard library's tomllib parses TOML into plain values and keeps no positions. This
module scans a text that tomllib has already accepted and records, for every key and every
array item, its line and column under its full path (``("tool", "factcheck", "rounding")``,
``("tool", "factcheck", "select", 0)``). It reads tables, dotted keys, inline tables,
arrays and every kind of string; the values themselves are left to tomllib.
"""

from __future__ import annotations

import bisect
import json
import re

from factcheck.model import Location

Path = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END = re.compile(r"[,\]}\n#]")


class _Scanner:
    """A cursor over the text that records locations as it goes."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.at = 0
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.found: dict[Path, Location] = {}

    def location(self, offset: int) -> Location:
        line = bisect.bisect_right(self.line_starts, offset)
        return Location(self.file, line, offset - self.line_starts[line - 1] + 1)

    def record(self, path: Path, offset: int) -> None:
        self.found.setdefault(path, self.location(offset))

    def peek(self, length: int = 1) -> str:
        return self.text[self.at : self.at + length]

    def skip_blank(self, newlines: bool) -> None:
        """Skip spaces and tabs, and with ``newlines`` also line breaks and comments."""
        while self.at < len(self.text):
            char = self.text[self.at]
            if char in " \t\r" or (newlines and char == "\n"):
                self.at += 1
            elif char == "#" and newlines:
                end = self.text.find("\n", self.at)
                self.at = len(self.text) if end < 0 else end
            else:
                return

    def skip_line(self) -> None:
        end = self.text.find("\n", self.at)
        self.at = len(self.text) if end < 0 else end + 1

    def key(self) -> list[tuple[str, int]]:
        """A dotted key: each part with the offset it starts at."""
        parts = []
        while True:
            self.skip_blank(newlines=False)
            start = self.at
            parts.append((self.key_part(), start))
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return parts
            self.at += 1

    def key_part(self) -> str:
        char = self.peek()
        if char in ('"', "'"):
            start = self.at
            self.string()
            raw = self.text[start : self.at]
            if char == "'":
                return raw[1:-1]
            try:
                return str(json.loads(raw))
            except ValueError:
                return raw[1:-1]
        match = _BARE_KEY.match(self.text, self.at)
        if not match:
            raise ValueError(f"no key at offset {self.at}")
        self.at = match.end()
        return match.group(0)

    def string(self) -> None:
        """Skip a string of any of TOML's four kinds."""
        quote = self.peek()
        if self.peek(3) == quote * 3:
            end = self.text.find(quote * 3, self.at + 3)
            self.at = end + 3
            while self.peek() == quote:  # up to two quotes may end the content
                self.at += 1
            return
        self.at += 1
        while self.at < len(self.text):
            char = self.text[self.at]
            if char == "\\" and quote == '"':
                self.at += 2
                continue
            self.at += 1
            if char == quote:
                return

    def value(self, path: Path) -> None:
        char = self.peek()
        if char == "{":
            self.inline_table(path)
        elif char == "[":
            self.array(path)
        elif char in ('"', "'"):
            self.string()
        else:
            end = _SCALAR_END.search(self.text, self.at)
            self.at = len(self.text) if end is None else end.start()

    def inline_table(self, path: Path) -> None:
        self.at += 1
        while True:
            self.skip_blank(newlines=False)
            if self.peek() == "}":
                self.at += 1
                return
            full = self.assignment(path)
            self.value(full)
            self.skip_blank(newlines=False)
            if self.peek() == ",":
                self.at += 1

    def array(self, path: Path) -> None:
        self.at += 1
        index = 0
        while True:
            self.skip_blank(newlines=True)
            if self.peek() == "]":
                self.at += 1
                return
            self.record((*path, index), self.at)
            self.value((*path, index))
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.at += 1
                index += 1

    def assignment(self, table: Path) -> Path:
        """Read ``key =`` and record every prefix of the dotted key; the key's full path."""
        full = table
        for part, start in self.key():
            full = (*full, part)
            self.record(full, start)
        self.skip_blank(newlines=False)
        self.at += 1  # the "="
        self.skip_blank(newlines=False)
        return full

    def document(self) -> dict[Path, Location]:
        table: Path = ()
        while True:
            self.skip_blank(newlines=True)
            if self.at >= len(self.text):
                return self.found
            if self.peek() == "[":
                double = self.peek(2) == "[["
                self.at += 2 if double else 1
                table = ()
                for part, start in self.key():
                    table = (*table, part)
                    self.record(table, start)
                self.skip_line()
                continue
            full = self.assignment(table)
            self.value(full)


def key_locations(text: str, file: str) -> dict[Path, Location]:
    """The location of every key and array item of a valid TOML ``text``, by full path.

    ``file`` is the name the locations carry. A key defined by a table header is located at
    the header; an array item at its first character.
    """
    return _Scanner(text, file).document()
