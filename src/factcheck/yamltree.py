"""YAML read into a small tree that keeps every node's file, line and column.

Every scalar stays the string that was written: YAML 1.1 would turn ``21.000`` into 21.0,
``017`` into 15 and ``NO`` into False, and a figure must keep its written digits. Aliases
are refused (a 432-byte alias bomb expands to gigabytes when walked) and duplicate keys,
which PyYAML silently overwrites, are errors.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from factcheck.model import Location
from factcheck.records import quick_init


class InputError(Exception):
    """Input that cannot be used, with the location it was found at."""

    def __init__(self, location: Location, message: str) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message


@quick_init
@dataclass(frozen=True, slots=True)
class Scalar:
    """A YAML scalar, as the string that was written."""

    value: str
    location: Location


@quick_init
@dataclass(frozen=True, slots=True)
class Sequence:
    """A YAML sequence."""

    items: list[Node]
    location: Location


@quick_init
@dataclass(frozen=True, slots=True)
class Mapping:
    """A YAML mapping with string keys, in written order, each key with its location."""

    entries: dict[str, Node]
    location: Location
    key_locations: dict[str, Location] = field(default_factory=dict)


Node = Scalar | Sequence | Mapping

_KIND_NAMES = {Scalar: "a text", Sequence: "a list", Mapping: "a mapping of keys to values"}


def describe(node: Node) -> str:
    """A short name for the kind of a node, for error messages."""
    return _KIND_NAMES[type(node)]


#: The largest YAML file read (claims, sources, references, configuration): such a file is a
#: few kilobytes, so a file a thousand times that is a mistake, refused before it is parsed.
MAX_YAML_BYTES = 1024 * 1024
#: The longest text one YAML value may hold: a claim, a quote or a note is a few sentences.
MAX_SCALAR_LENGTH = 10_000
#: Control characters no text factcheck reads may hold: every one but tab, line feed,
#: carriage return and form feed (a page break in text taken from a PDF). Texts are printed,
#: and a terminal acts on such characters: ESC starts a sequence that can move the cursor,
#: clear the screen or retitle the window.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
#: libyaml refuses deeper nesting; a claim nests four levels.
_YAML_DEPTH_LIMIT = 1000
#: libyaml reads a key of at most this many characters before its ':'.
_YAML_KEY_LIMIT = 1024
#: Flags of :func:`os.open` that exist on some systems only: no waiting for a named pipe's
#: writer (no such pipes on Windows), no translating of line ends (Windows only).
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_UTF16_32_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def shown(text: str, limit: int = 60) -> str:
    """``text`` quoted for a message, shortened when long, so a mistaken megabyte-long name
    cannot turn a one-line error into a megabyte."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"


def read_bytes(path: Path, limit: int, what: str) -> bytes:
    """The bytes of the regular file ``path``; InputError when it cannot be read or is
    larger than ``limit`` bytes (``what`` says what such a file usually is)."""
    import stat

    # One descriptor, its status and one read: a corpus has as many files as claims, and
    # pathlib's stat and open, and a buffered file object, cost twice as much.
    try:
        # Non-blocking, so that opening a named pipe does not wait for a writer forever.
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
        try:
            status = os.fstat(descriptor)
            if not stat.S_ISREG(status.st_mode):
                raise InputError(Location(str(path)), "not a regular file; expected a text file")
            if status.st_size > limit:
                raise InputError(Location(str(path)), _too_large(status.st_size, limit, what))
            data = os.read(descriptor, limit + 1)
            while len(data) <= limit:  # to the end, since the file may have grown
                more = os.read(descriptor, limit + 1 - len(data))
                if not more:
                    break
                data += more
        finally:
            os.close(descriptor)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(Location(str(path)), f"cannot read the file: {reason}") from error
    if len(data) > limit:  # it grew after the size was taken
        size = max(len(data), os.path.getsize(path))
        raise InputError(Location(str(path)), _too_large(size, limit, what))
    return data


def _too_large(size: int, limit: int, what: str) -> str:
    return (
        f"the file is {size:,} bytes; factcheck reads files of at most {limit:,} bytes "
        f"({what}): check that this is the file meant"
    )


def decode(data: bytes, path: Path) -> str:
    """``data`` as UTF-8 text (a UTF-8 byte-order mark is dropped); InputError naming the
    encoding it seems to be in, and where the first byte that is not UTF-8 stands."""
    for mark, encoding in _UTF16_32_MARKS:
        if data.startswith(mark):
            raise InputError(
                Location(str(path)),
                f"the file is {encoding} text (it starts with the byte-order mark "
                f"{mark.hex(' ').upper()}); save it as UTF-8",
            )
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputError(Location(str(path)), _not_text(data, nul))
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = bom + error.start
        line_start = data.rfind(b"\n", 0, offset) + 1
        line = data.count(b"\n", 0, offset) + 1
        column = len(data[max(line_start, bom) : offset].decode("utf-8")) + 1
        bad = data[offset]
        raise InputError(
            Location(str(path), line, column),
            f"not UTF-8 text: byte 0x{bad:02x} (offset {offset:,}) cannot stand here in "
            f"UTF-8{_legacy_reading(bad)}; save the file as UTF-8",
        ) from None


def _not_text(data: bytes, nul: int) -> str:
    """What a file holding a NUL byte is: UTF-16 text without its byte-order mark (ASCII
    characters then have a NUL byte on one side of every pair), or binary."""
    sample = data[:4096]
    pairs = len(sample) // 2
    for order, side in (("little", 1), ("big", 0)):
        nuls = sample[side::2].count(0)
        others = sample[1 - side :: 2].count(0)
        if pairs and nuls >= pairs * 0.6 and others <= pairs * 0.05:
            return f"UTF-16 text without a byte-order mark ({order}-endian); save it as UTF-8"
    return f"a binary file, not text (a NUL byte at offset {nul:,}); expected UTF-8 text"


def _legacy_reading(byte: int) -> str:
    """What a byte would be in Windows-1252, the encoding of most text that is not UTF-8."""
    try:
        character = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return ""
    if not character.isprintable():
        return ""
    return (
        f"; in Latin-1 or Windows-1252 it is {character!r}, so the file is likely in one of those"
    )


#: What a YAML file usually is, for the message that refuses a larger one.
_YAML_SIZE = "such a file is a few kilobytes"


def read_text(path: Path, limit: int = MAX_YAML_BYTES, what: str = _YAML_SIZE) -> str:
    """Read a text file of at most ``limit`` bytes as UTF-8 (a byte-order mark is allowed);
    raise InputError otherwise."""
    return decode(read_bytes(path, limit, what), path)


def read_yaml_bytes(path: Path) -> bytes:
    """The bytes of a YAML file, as :func:`load_yaml` reads them; InputError as it raises."""
    return read_bytes(path, MAX_YAML_BYTES, _YAML_SIZE)


def load_yaml(path: Path, data: bytes | None = None) -> Node:
    """Parse one YAML file into a located tree; raise InputError on any problem. ``data``
    is the file's bytes when they were read already (:func:`read_yaml_bytes`)."""
    import yaml

    text = read_text(path) if data is None else decode(data, path)
    if not text.strip():
        raise InputError(Location(str(path), 1, 1), "the file is empty; expected a YAML mapping")
    loader = _composer()(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(str(path), mark.line + 1, mark.column + 1) if mark else Location(str(path))
        what = error.problem or error.context or "invalid YAML"
        raise InputError(where, f"YAML syntax error: {what}{_hint(what, where, text)}") from None
    except yaml.reader.ReaderError as error:
        raise _unreadable_character(text, error, path) from None
    except yaml.YAMLError as error:
        reason = " ".join(str(error).split())
        raise InputError(Location(str(path)), f"YAML error: {reason}") from None
    except RecursionError:
        # The pure-Python loader recurses once per level; libyaml stops at its own limit.
        raise InputError(
            Location(str(path)), f"the YAML nests deeper than {_YAML_DEPTH_LIMIT} levels"
        ) from None
    finally:
        loader.dispose()
    if root is None:
        raise InputError(Location(str(path), 1, 1), "the file is empty; expected a YAML mapping")
    return _convert(root, str(path))


def _composer() -> type:
    """The class that composes a YAML text into nodes: libyaml's parser where PyYAML has
    it (as ``CSafeLoader``), without resolving tags. The tree keeps every scalar as the text
    written, so asking each scalar whether it looks like a number, a date or a boolean (a
    regular expression per scalar, in Python) would be a third of the time spent
    composing, for nothing."""
    import yaml

    if not hasattr(yaml, "CSafeLoader"):  # PyYAML built without libyaml
        return yaml.SafeLoader  # type: ignore[no-any-return]
    return _libyaml_composer()


@cache
def _libyaml_composer() -> type:
    from yaml.cyaml import CParser

    class Composer(CParser):  # type: ignore[misc]
        def resolve(self, kind: type, value: object, implicit: object) -> str:
            return ""

        def descend_resolver(self, current_node: object, current_index: object) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

    return Composer


def _hint(problem: str, where: Location, text: str) -> str:
    """A way forward for the libyaml errors whose words do not say what went wrong."""
    lines = text.splitlines()
    line = lines[where.line - 1] if 0 < where.line <= len(lines) else ""
    if "\t" in line[: where.column]:
        return "; YAML indents with spaces, not tabs"
    if "maximum nesting depth" in problem:
        return f" ({_YAML_DEPTH_LIMIT} levels); a claim nests a few levels deep"
    if where.column > _YAML_KEY_LIMIT and problem in (
        "could not find expected ':'",
        "mapping values are not allowed in this context",
    ):
        return f" (a key is at most {_YAML_KEY_LIMIT} characters)"
    return ""


def _unreadable_character(text: str, error: object, path: Path) -> InputError:
    """A located InputError for a character YAML does not allow (control characters)."""
    position = getattr(error, "position", 0)
    character = getattr(error, "character", "")
    code = character if isinstance(character, int) else ord(character or "\0")
    # libyaml counts bytes of UTF-8; the pure-Python reader counts characters.
    if isinstance(character, int):
        position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return InputError(
        Location(str(path), line, column),
        f"the character U+{code:04X} is not allowed in YAML (a control character); remove it",
    )


def _location(path: str, node: object) -> Location:
    mark = node.start_mark  # type: ignore[attr-defined]
    return Location(path, mark.line + 1, mark.column + 1)


def _convert(root: object, path: str) -> Node:
    """Turn PyYAML nodes into the located tree, iteratively so depth cannot overflow.

    Depth first, left to right: each container waits on the stack with the children built
    so far, scalars are built at once, and a container is built when its last child is.
    """
    import yaml

    scalar_node = yaml.ScalarNode
    seen: set[int] = {id(root)}
    if isinstance(root, scalar_node):
        return _scalar(root.value, _location(path, root))
    # Each frame: the container node, its child nodes (a mapping's as key, value, ...), how
    # many of them are done, and the children built.
    stack: list[tuple[object, list[object], list[int], list[Node]]] = [
        (root, _child_nodes(root), [0], [])
    ]
    while True:
        node, children, done, built = stack[-1]
        if done[0] < len(children):
            child = children[done[0]]
            done[0] += 1
            if id(child) in seen:
                raise InputError(
                    _location(path, child),
                    "YAML anchors and aliases (&name, *name) are not allowed; write the value out",
                )
            seen.add(id(child))
            if isinstance(child, scalar_node):
                mark = child.start_mark  # type: ignore[attr-defined]
                location = Location(path, mark.line + 1, mark.column + 1)
                built.append(_scalar(child.value, location))  # type: ignore[attr-defined]
            else:
                stack.append((child, _child_nodes(child), [0], []))
            continue
        stack.pop()
        container = _container(node, built, _location(path, node))
        if not stack:
            return container
        stack[-1][3].append(container)


def _scalar(value: str, location: Location) -> Scalar:
    """A scalar of at most :data:`MAX_SCALAR_LENGTH` characters; InputError for a longer one."""
    if len(value) > MAX_SCALAR_LENGTH:
        raise InputError(
            location,
            f"a value of {len(value):,} characters; a value is at most {MAX_SCALAR_LENGTH:,} "
            "characters (a claim, a quote or a note is a few sentences)",
        )
    control = CONTROL_CHARACTERS.search(value)
    if control:
        # YAML refuses them as written, but a double-quoted escape ("\e", "\x1b") makes one.
        raise InputError(
            location,
            f"the value holds the control character U+{ord(control.group()):04X}, written as "
            "an escape; remove it",
        )
    return Scalar(value, location)


def _child_nodes(node: object) -> list[object]:
    """A container's child nodes in written order; a mapping's as key, value, key, ..."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return list(node.value)  # type: ignore[attr-defined]


def _container(node: object, children: list[Node], location: Location) -> Node:
    """The Sequence or Mapping of ``node`` from its built children."""
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return Sequence(children, location)
    entries: dict[str, Node] = {}
    key_locations: dict[str, Location] = {}
    for index in range(0, len(children), 2):
        key, value = children[index], children[index + 1]
        if not isinstance(key, Scalar):
            raise InputError(key.location, "a key must be a plain text")
        if key.value in entries:
            first = key_locations[key.value]
            raise InputError(
                key.location,
                f"duplicate key {shown(key.value)} (first at line {first.line}); "
                "YAML keeps only the last, so remove one",
            )
        entries[key.value] = value
        key_locations[key.value] = key.location
    return Mapping(entries, location, key_locations)


def suggestion(name: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the nearest of ``choices``, or an empty string.

    The nearest as ``difflib.get_close_matches(name, choices, n=1)`` finds it, one choice at
    a time, so that the names of a whole corpus need not be in a list.
    """
    cutoff = 0.6
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(name)
    best: tuple[float, str] | None = None
    for choice in choices:
        matcher.set_seq1(choice)
        if (
            matcher.real_quick_ratio() >= cutoff
            and matcher.quick_ratio() >= cutoff
            and (ratio := matcher.ratio()) >= cutoff
        ):
            best = max(best, (ratio, choice)) if best else (ratio, choice)
    return f" (did you mean {best[1]!r}?)" if best else ""


def expect_mapping(node: Node, what: str) -> Mapping:
    """The node as a mapping, or an InputError saying ``what`` was expected."""
    if not isinstance(node, Mapping):
        raise InputError(node.location, f"expected {what} as a mapping, found {describe(node)}")
    return node


def check_keys(
    mapping: Mapping, what: str, required: Iterable[str], optional: Iterable[str]
) -> list[InputError]:
    """Errors for missing required keys and unknown keys of a mapping."""
    required = list(required)
    allowed = [*required, *optional]
    errors = [
        InputError(mapping.location, f"{what} has no {key!r}; expected keys: {', '.join(allowed)}")
        for key in required
        if key not in mapping.entries
    ]
    errors += [
        InputError(
            mapping.key_locations[key],
            f"unknown key {shown(key)} in {what}{suggestion(key, allowed)}; "
            f"expected keys: {', '.join(allowed)}",
        )
        for key in mapping.entries
        if key not in allowed
    ]
    return errors


def text_of(mapping: Mapping, key: str, what: str) -> str | None:
    """The text under ``key``, None when absent; InputError when it is not a text."""
    node = mapping.entries.get(key)
    if node is None:
        return None
    if not isinstance(node, Scalar):
        raise InputError(node.location, f"{what} {key!r} must be a text, found {describe(node)}")
    return node.value
