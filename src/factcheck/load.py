"""Claim and source files -> model records, with every problem located and collected.

One unusable file never stops the others: each problem becomes an InputProblem and the
loader goes on with the next file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.model import Check, Claim, Figure, InputProblem, Location, Source, Suppression
from factcheck.numbers import Reader
from factcheck.yamltree import (
    InputError,
    Mapping,
    Node,
    Scalar,
    Sequence,
    check_keys,
    describe,
    expect_mapping,
    load_yaml,
    read_text,
    text_of,
)

SOURCE_FILE = "source.yaml"
REFERENCES_DIR = "references"
LANGUAGES = ("de", "en")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_FIGURE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

SOURCE_KEYS_REQUIRED = ("title", "publisher", "language", "text")
SOURCE_KEYS_OPTIONAL = ("url", "published", "author")
CLAIM_KEYS_REQUIRED = ("id", "source", "claim")
CLAIM_KEYS_OPTIONAL = ("quote", "note", "figures", "checks", "suppress")
FIGURE_KEYS_REQUIRED = ("quote", "value")
FIGURE_KEYS_OPTIONAL = ("suppress",)
SUPPRESS = "suppress"
SUPPRESSION_KEYS = ("rule", "reason")


@dataclass
class Corpus:
    """Everything loaded from the given paths, every problem met on the way, and the reader
    the figures were read with (rules read the figures they write out with it too)."""

    sources: dict[str, Source] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    reader: Reader = field(default_factory=Reader)

    def add_problem(self, error: InputError) -> None:
        """Record an input problem."""
        self.problems.append(InputProblem(error.location, error.message))


def find_default_corpus(start: Path) -> Path | None:
    """The ``claims/`` folder of the project that ``start`` lies in, searching upward."""
    for folder in (start, *start.parents):
        if (folder / "claims").is_dir():
            return folder / "claims"
    return None


def discover(paths: list[Path]) -> tuple[list[Path], list[Path], list[InputProblem]]:
    """Split the given files and folders into source files and claim files, sorted."""
    sources: set[Path] = set()
    claims: set[Path] = set()
    problems = []
    for path in paths:
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.suffix not in (".yaml", ".yml") or not file.is_file():
                    continue
                if REFERENCES_DIR in file.relative_to(path).parts[:-1]:
                    continue
                (sources if file.name == SOURCE_FILE else claims).add(file)
        elif path.is_file():
            if path.name == SOURCE_FILE:
                sources.add(path)
            else:
                claims.add(path)
                if (path.parent / SOURCE_FILE).is_file():
                    sources.add(path.parent / SOURCE_FILE)
        else:
            problems.append(InputProblem(Location(str(path)), "no such file or folder"))
    return sorted(sources), sorted(claims), problems


def load_corpus(paths: list[Path], reader: Reader | None = None) -> Corpus:
    """Load every source and claim under ``paths``, reading figures with ``reader`` (the
    bundled lexicons and rounding "up-or-down" by default); collect problems instead of
    stopping."""
    source_files, claim_files, problems = discover(paths)
    corpus = Corpus(problems=problems, reader=reader or Reader())
    load_sources(source_files, corpus)
    for file in claim_files:
        errors: list[InputError] = []
        claim = load_claim(file, corpus.sources, errors, corpus.reader)
        for error in errors:
            corpus.add_problem(error)
        if claim is not None:
            corpus.claims.append(claim)
    return corpus


def load_sources(source_files: list[Path], corpus: Corpus) -> None:
    """Add the sources of ``source_files`` to ``corpus``, and each problem met."""
    for file in source_files:
        try:
            source = load_source(file)
        except InputError as error:
            corpus.add_problem(error)
            continue
        if source.slug in corpus.sources:
            other = corpus.sources[source.slug].location
            corpus.add_problem(
                InputError(source.location, f"source {source.slug!r} is also defined in {other}")
            )
            continue
        corpus.sources[source.slug] = source


def load_source(path: Path) -> Source:
    """Read a ``source.yaml`` and the archived text it names."""
    root = expect_mapping(load_yaml(path), "a source")
    errors = check_keys(root, "the source", SOURCE_KEYS_REQUIRED, SOURCE_KEYS_OPTIONAL)
    if errors:
        raise errors[0]
    fields = {key: text_of(root, key, "the source's") for key in root.entries}
    language = fields["language"]
    if language not in LANGUAGES:
        raise InputError(
            root.entries["language"].location,
            f"language {language!r} is not supported; expected one of: {', '.join(LANGUAGES)}",
        )
    text_file = _inside(path.parent, fields["text"] or "", root.entries["text"].location)
    return Source(
        slug=path.parent.name,
        title=fields["title"] or "",
        publisher=fields["publisher"] or "",
        language=language,
        text_file=text_file,
        text=read_text(text_file),
        location=root.location,
        url=fields.get("url"),
        published=fields.get("published"),
        author=fields.get("author"),
    )


def _inside(folder: Path, name: str, location: Location) -> Path:
    """The file ``name`` in ``folder``; refuse any path that leads out of it."""
    target = (folder / name).resolve()
    if not target.is_relative_to(folder.resolve()) or Path(name).is_absolute():
        raise InputError(location, f"the text file {name!r} must lie in the source's folder")
    if not target.is_file():
        raise InputError(location, f"the text file {name!r} does not exist in {folder}")
    return target


def load_claim(
    path: Path, sources: dict[str, Source], errors: list[InputError], reader: Reader | None = None
) -> Claim | None:
    """Read one claim file, its values with ``reader``; append every problem to ``errors``;
    None if it cannot be used."""
    try:
        root = expect_mapping(load_yaml(path), "a claim")
    except InputError as error:
        errors.append(error)
        return None
    errors += check_keys(root, "the claim", CLAIM_KEYS_REQUIRED, CLAIM_KEYS_OPTIONAL)
    try:
        claim_id = text_of(root, "id", "the claim's") or ""
        slug = text_of(root, "source", "the claim's") or ""
        text = " ".join((text_of(root, "claim", "the claim's") or "").split())
        quote = text_of(root, "quote", "the claim's")
        note = text_of(root, "note", "the claim's")
    except InputError as error:
        errors.append(error)
        return None
    if claim_id and not _ID.fullmatch(claim_id):
        errors.append(
            InputError(
                root.entries["id"].location,
                f"claim id {claim_id!r} must be lower-case letters, digits, '-' and '_'",
            )
        )
    elif claim_id and claim_id != path.stem:
        errors.append(
            InputError(
                root.entries["id"].location,
                f"claim id {claim_id!r} must match the file name {path.stem!r}",
            )
        )
    source = sources.get(slug)
    if slug and source is None:
        from factcheck.yamltree import suggestion

        errors.append(
            InputError(
                root.entries["source"].location,
                f"unknown source {slug!r}{suggestion(slug, sources)}; a source is a folder "
                f"with a {SOURCE_FILE}",
            )
        )
    language = source.language if source else "de"
    suppressions = _suppressions(root.entries.get(SUPPRESS), "the claim", (), errors)
    figures = _figures(
        root.entries.get("figures"), language, errors, reader or Reader(), suppressions
    )
    checks = _checks(root.entries.get("checks"), errors, suppressions)
    if "id" not in root.entries or "source" not in root.entries or "claim" not in root.entries:
        return None
    return Claim(
        id=claim_id,
        source_slug=slug,
        text=text,
        figures=figures,
        checks=checks,
        location=root.location,
        quote=quote,
        note=note,
        suppressions=tuple(suppressions),
    )


def _suppressions(
    node: Node | None, target: str, scope: tuple[Location, ...], errors: list[InputError]
) -> list[Suppression]:
    """The ``suppress`` list of a claim, a figure or a check: each entry names a rule and
    says why its finding does not apply."""
    if node is None:
        return []
    shape = "a list of {rule: CODE or name, reason: why the finding does not apply}"
    if not isinstance(node, Sequence):
        errors.append(InputError(node.location, f"'suppress' of {target} must be {shape}"))
        return []
    found = []
    for item in node.items:
        if not isinstance(item, Mapping):
            errors.append(InputError(item.location, f"each suppression must be {shape}"))
            continue
        problems = check_keys(item, "a suppression", SUPPRESSION_KEYS, ())
        if problems:
            errors += problems
            continue
        try:
            rule = text_of(item, "rule", "the suppression's") or ""
            reason = " ".join((text_of(item, "reason", "the suppression's") or "").split())
        except InputError as error:
            errors.append(error)
            continue
        if not reason:
            errors.append(
                InputError(
                    item.entries["reason"].location,
                    f"the suppression of {rule} has an empty 'reason'; say why the finding "
                    "does not apply, for the next reader",
                )
            )
            continue
        found.append(
            Suppression(rule, reason, item.location, item.entries["rule"].location, scope, target)
        )
    return found


def _figures(
    node: Node | None,
    language: str,
    errors: list[InputError],
    reader: Reader,
    suppressions: list[Suppression],
) -> dict[str, Figure]:
    from factcheck.numbers import FigureError

    if node is None:
        return {}
    try:
        mapping = expect_mapping(node, "'figures'")
    except InputError as error:
        errors.append(error)
        return {}
    figures = {}
    for name, figure_node in mapping.entries.items():
        where = mapping.key_locations[name]
        if not _FIGURE_NAME.fullmatch(name):
            errors.append(
                InputError(where, f"figure name {name!r} must be letters, digits and '_'")
            )
            continue
        try:
            entry = expect_mapping(figure_node, f"figure {name!r}")
            problems = check_keys(
                entry, f"figure {name!r}", FIGURE_KEYS_REQUIRED, FIGURE_KEYS_OPTIONAL
            )
            if any(key[:1].isdigit() for key in entry.entries):
                problems.append(
                    InputError(
                        entry.location,
                        f"figure {name!r}: in {{quote: ..., value: ...}} a comma separates "
                        "entries, so '13,4' splits in two; put the value in quotes",
                    )
                )
            if problems:
                errors += problems
                continue
            quote = _nonempty(entry, "quote", name)
            value = _nonempty(entry, "value", name)
        except InputError as error:
            errors.append(error)
            continue
        value_location = entry.entries["value"].location
        quote_location = entry.entries["quote"].location
        suppressions += _suppressions(
            entry.entries.get(SUPPRESS),
            f"figure {name!r}",
            (where, quote_location, value_location),
            errors,
        )
        try:
            reading = reader.parse(value, language)
        except FigureError as error:
            errors.append(InputError(value_location, f"figure {name!r}: {error}"))
            reading = None
        figures[name] = Figure(
            name=name,
            quote=quote,
            value_text=value,
            reading=reading,
            location=where,
            quote_location=quote_location,
            value_location=value_location,
        )
    return figures


def _nonempty(entry: Mapping, key: str, figure: str) -> str:
    text = text_of(entry, key, f"figure {figure!r}:")
    if not text or not text.strip():
        raise InputError(entry.entries[key].location, f"figure {figure!r} has an empty {key!r}")
    return text


def _checks(
    node: Node | None, errors: list[InputError], suppressions: list[Suppression]
) -> tuple[Check, ...]:
    if node is None:
        return ()
    if not isinstance(node, Sequence):
        errors.append(InputError(node.location, f"'checks' must be a list, found {describe(node)}"))
        return ()
    checks = []
    for item in node.items:
        if not isinstance(item, Mapping) or not item.entries:
            errors.append(
                InputError(item.location, "each check must be a mapping such as 'sum: [a, b]'")
            )
            continue
        params: dict[str, object] = {}
        locations: dict[str, Location] = {}
        entries = {k: v for k, v in item.entries.items() if k != SUPPRESS}
        if not entries:
            errors.append(
                InputError(item.location, "a check needs its kind, such as 'sum: [a, b]'")
            )
            continue
        for key, value in entries.items():
            locations[key] = value.location
            if isinstance(value, Scalar):
                params[key] = value.value
            elif isinstance(value, Sequence) and all(isinstance(v, Scalar) for v in value.items):
                params[key] = [v.value for v in value.items]  # type: ignore[union-attr]
                for index, element in enumerate(value.items):
                    locations[f"{key}[{index}]"] = element.location
            else:
                errors.append(
                    InputError(value.location, f"check key {key!r} must be a text or a list")
                )
        kind = next(iter(entries))
        scope = (item.location, *locations.values())
        target = f"the {kind!r} check at line {item.location.line}"
        suppressions += _suppressions(item.entries.get(SUPPRESS), target, scope, errors)
        checks.append(Check(kind, params, item.location, locations))
    return tuple(checks)
