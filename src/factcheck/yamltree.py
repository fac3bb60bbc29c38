"""YAML read into a small tree that keeps every node's file, line and column.

Every scalar stays the string that was written: YAML 1.1 would turn ``21.000`` into 21.0,
``017`` into 15 and ``NO`` into False, and a figure must keep its written digits. Aliases
are refused (a 432-byte alias bomb expands to gigabytes when walked) and duplicate keys,
which PyYAML silently overwrites, are errors.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.model import Location


class InputError(Exception):
    """Input that cannot be used, with the location it was found at."""

    def __init__(self, location: Location, message: str) -> None:
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message


@dataclass(frozen=True, slots=True)
class Scalar:
    """A YAML scalar, as the string that was written."""

    value: str
    location: Location


@dataclass(frozen=True, slots=True)
class Sequence:
    """A YAML sequence."""

    items: list[Node]
    location: Location


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


def read_text(path: Path) -> str:
    """Read a text file as UTF-8 (a byte-order mark is allowed); raise InputError otherwise."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(Location(str(path)), f"cannot read the file: {error.strerror}") from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            Location(str(path), line, 1),
            f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "save the file as UTF-8",
        ) from error


def load_yaml(path: Path) -> Node:
    """Parse one YAML file into a located tree; raise InputError on any problem."""
    import yaml

    text = read_text(path)
    if not text.strip():
        raise InputError(Location(str(path), 1, 1), "the file is empty; expected a YAML mapping")
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(str(path), mark.line + 1, mark.column + 1) if mark else Location(str(path))
        what = error.problem or error.context or "invalid YAML"
        raise InputError(where, f"YAML syntax error: {what}") from error
    except yaml.YAMLError as error:
        raise InputError(Location(str(path)), f"YAML error: {error}") from error
    finally:
        loader.dispose()
    if root is None:
        raise InputError(Location(str(path), 1, 1), "the file is empty; expected a YAML mapping")
    return _convert(root, str(path))


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
        return Scalar(root.value, _location(path, root))
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
                built.append(Scalar(child.value, location))  # type: ignore[attr-defined]
            else:
                stack.append((child, _child_nodes(child), [0], []))
            continue
        stack.pop()
        container = _container(node, built, _location(path, node))
        if not stack:
            return container
        stack[-1][3].append(container)


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
                f"duplicate key {key.value!r} (first at line {first.line}); "
                "YAML keeps only the last, so remove one",
            )
        entries[key.value] = value
        key_locations[key.value] = key.location
    return Mapping(entries, location, key_locations)


def suggestion(name: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the nearest of ``choices``, or an empty string."""
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


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
            f"unknown key {key!r} in {what}{suggestion(key, allowed)}; "
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
