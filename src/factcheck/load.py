"""Claim and source files -> model records, with every problem located and collected.

One unusable file never stops the others: each problem becomes an InputProblem and the
loader goes on with the next file.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator, MutableMapping
from collections.abc import Mapping as AbstractMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from factcheck.model import (
    Check,
    Citation,
    Claim,
    Figure,
    InputProblem,
    Location,
    Reference,
    Source,
    Suppression,
)
from factcheck.numbers import Reader
from factcheck.yamltree import (
    CONTROL_CHARACTERS,
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
    shown,
    suggestion,
    text_of,
)

SOURCE_FILE = "source.yaml"
REFERENCES_DIR = "references"
LANGUAGES = ("de", "en")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
#: The longest figure name: a name is a word or two, such as ``ki_personal``.
MAX_NAME_LENGTH = 64
#: What a figure name is: a letter or '_', then letters, digits and '_'.
FIGURE_NAME = re.compile(rf"[A-Za-z_][A-Za-z0-9_]{{0,{MAX_NAME_LENGTH - 1}}}")

SOURCE_KEYS_REQUIRED = ("title", "publisher", "language", "text")
SOURCE_KEYS_OPTIONAL = ("url", "published", "author")
CLAIM_KEYS_REQUIRED = ("id", "source", "claim")
CLAIM_KEYS_OPTIONAL = ("quote", "note", "figures", "checks", "suppress")
FIGURE_KEYS_REQUIRED = ("quote", "value")
FIGURE_KEYS_OPTIONAL = ("suppress",)
SUPPRESS = "suppress"
SUPPRESSION_KEYS = ("rule", "reason")
REFERENCE_FILE_KEYS = ("language", "facts")
REFERENCE_KEYS_REQUIRED = ("value", "description", "sources")
REFERENCE_KEYS_OPTIONAL = ("note", "level")
CITATION_KEYS_REQUIRED = ("title", "publisher")
CITATION_KEYS_OPTIONAL = ("url", "published", "quote")


@dataclass
class Corpus:
    """Everything loaded from the given paths, every problem met on the way, and the reader
    the figures were read with (rules read the figures they write out with it too)."""

    sources: MutableMapping[str, Source] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    reader: Reader = field(default_factory=Reader)
    #: Reference facts by name, from the ``references/`` folders of the corpus.
    references: MutableMapping[str, Reference] = field(default_factory=dict)

    def add_problem(self, error: InputError) -> None:
        """Record an input problem."""
        self.problems.append(InputProblem(error.location, error.message))


def find_default_corpus(start: Path) -> Path | None:
    """The ``claims/`` folder of the project that ``start`` lies in, searching upward."""
    for folder in (start, *start.parents):
        if (folder / "claims").is_dir():
            return folder / "claims"
    return None


#: What :func:`walk` says a file is.
SOURCE, CLAIM, REFERENCE = "source", "claim", "reference"


def discover(paths: list[Path]) -> tuple[list[Path], list[Path], list[InputProblem]]:
    """Split the given files and folders into source files and claim files, sorted."""
    problems: list[InputProblem] = []
    found: dict[str, set[Path]] = {SOURCE: set(), CLAIM: set(), REFERENCE: set()}
    for kind, file, _ in walk(paths, problems):
        found[kind].add(file)
    return _sorted(found[SOURCE]), _sorted(found[CLAIM]), problems


def walk(paths: list[Path], problems: list[InputProblem]) -> Iterator[tuple[str, Path, bool]]:
    """Every file of the corpus under ``paths``, one at a time, as (kind, file, whether it
    is a symbolic link): a source file (:data:`SOURCE`), a claim file (:data:`CLAIM`), or a
    file of reference facts in a ``references/`` folder under a given folder
    (:data:`REFERENCE`). Each folder's files come in the order the file system lists them,
    and a file reached twice (by a folder and by its own name) comes twice. Paths that
    cannot be read and symbolic links that lead out of a given folder are appended to
    ``problems``."""
    for path in paths:
        if path.is_dir():
            for directory, entry, between in _entries(path):
                name = entry.name
                link = entry.is_symlink()
                if link and _leads_out(directory / name, path):
                    if entry.is_dir() or _is_yaml(name):
                        problems.append(_link_out(directory / name, path))
                    continue
                # The listing knows each entry's type, so only links cost a system call.
                if not _is_yaml(name) or not entry.is_file():
                    continue
                file = directory / name
                if not _utf8_name(file):
                    problems.append(_not_utf8_name(file))
                    continue
                if REFERENCES_DIR in between:
                    yield REFERENCE, file, link
                else:
                    yield (SOURCE if name == SOURCE_FILE else CLAIM), file, link
        elif not _utf8_name(path):
            problems.append(_not_utf8_name(path))
        elif path.is_file():
            if path.name == SOURCE_FILE:
                yield SOURCE, path, path.is_symlink()
            else:
                yield CLAIM, path, path.is_symlink()
                source = path.parent / SOURCE_FILE
                if source.is_file():
                    yield SOURCE, source, source.is_symlink()
        elif path.exists():
            problems.append(InputProblem(Location(str(path)), "not a file nor a folder"))
        else:
            problems.append(InputProblem(Location(str(path)), "no such file or folder"))


def _is_yaml(name: str) -> bool:
    """Whether a file name has the suffix of a YAML file (as ``Path.suffix`` reads it)."""
    return os.path.splitext(name)[1] in (".yaml", ".yml")


def _utf8_name(path: Path) -> bool:
    """Whether the path is UTF-8 text. A name that is not is held in surrogate characters,
    which no report could print."""
    name = str(path)
    if name.isascii():
        return True
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _not_utf8_name(path: Path) -> InputProblem:
    """The problem of a file whose name is not UTF-8."""
    return InputProblem(
        Location(_printable(path)),
        "the file name is not UTF-8 text; rename the file, then it is read",
    )


def _printable(path: Path) -> str:
    """The path as text any report can print: bytes that are not UTF-8 escaped (\\xff)."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _entries(folder: Path) -> Iterator[tuple[Path, os.DirEntry[str], tuple[str, ...]]]:
    """What ``folder.rglob("*")`` finds, in a tenth of the time, since a corpus has as many
    files as claims: every file, folder and symbolic link under ``folder`` (links not
    followed), each as (the folder it is in, its entry in that folder's listing, the
    folders between ``folder`` and it). The folders themselves are left out, since only
    files and links matter here; folders that cannot be read are passed over, as rglob
    does. Depth first, one entry at a time: the walk holds the open listings of the folders
    it is in, never a list of the files."""
    stack: list[tuple[Iterator[os.DirEntry[str]], Path, tuple[str, ...]]] = []

    def enter(directory: Path, between: tuple[str, ...]) -> None:
        with contextlib.suppress(PermissionError):
            stack.append((os.scandir(directory), directory, between))

    enter(folder, ())
    try:
        while stack:
            listing, directory, between = stack[-1]
            try:
                entry = next(listing, None)
            except PermissionError:
                entry = None
            if entry is None:
                listing.close()  # type: ignore[attr-defined]
                stack.pop()
            elif entry.is_dir(follow_symlinks=False):
                enter(directory / entry.name, (*between, entry.name))
            else:
                yield directory, entry, between
    finally:
        for listing, _, _ in stack:
            listing.close()  # type: ignore[attr-defined]


def _sorted(paths: set[Path]) -> list[Path]:
    """``sorted(paths)``: paths compare by their parts, and tuples of text compare fast."""
    return sorted(paths, key=lambda path: path.parts)


def _leads_out(link: Path, folder: Path) -> bool:
    """Whether the symbolic link ``link`` ends outside ``folder``."""
    return not link.resolve().is_relative_to(folder.resolve())


def _link_out(link: Path, folder: Path) -> InputProblem:
    """The problem of a symbolic link in the corpus that leads out of it."""
    return InputProblem(
        Location(_printable(link)),
        f"a symbolic link to {_printable(link.resolve())}, outside {_printable(folder)}; "
        "factcheck reads only the files inside the folders it is given: copy the file in "
        "instead",
    )


def reference_files(paths: list[Path], claim_files: list[Path]) -> list[Path]:
    """The reference files of a corpus: those in a ``references/`` folder under a given
    folder, and those in the ``references/`` folder beside the source folder of each claim
    (``claims/references`` for ``claims/<source>/<claim>.yaml``), so a claim checked on its
    own still finds the facts it names."""
    folders = ReferenceFolders()
    for file in claim_files:
        folders.add(file)
    under = {file for kind, file, _ in walk(paths, []) if kind == REFERENCE}
    return folders.files(under)


class ReferenceFolders:
    """The ``references/`` folders beside the source folders of claim files, gathered one
    claim file at a time: each folder of claim files is resolved once in a row."""

    def __init__(self) -> None:
        self.folders: set[Path] = set()
        self._last_parent: str | None = None

    def add(self, claim_file: Path, link: bool | None = None) -> None:
        """Add the ``references/`` folder beside the source folder of ``claim_file`` (of
        the file it leads to, if it is a symbolic link; ``link`` says whether it is, when
        that is known)."""
        name = str(claim_file)
        if os.path.islink(name) if link is None else link:
            self.folders.add(claim_file.resolve().parent.parent / REFERENCES_DIR)
            return
        parent = os.path.dirname(name)
        if parent != self._last_parent:
            self._last_parent = parent
            self.folders.add(Path(parent).resolve().parent / REFERENCES_DIR)

    def files(self, under: set[Path]) -> list[Path]:
        """The reference files: ``under`` (those found in ``references/`` folders under the
        folders given) and the YAML files of the gathered folders, each file once."""
        found = set(under)
        for folder in self.folders:
            if folder.is_dir():
                found.update(
                    file
                    for file in folder.glob("*")
                    if file.suffix in (".yaml", ".yml")
                    and not (file.is_symlink() and _leads_out(file, folder.parent))
                    and _utf8_name(file)
                )
        # The same file reached twice (by a folder and beside a claim) is read once.
        return sorted({file.resolve(): file for file in sorted(found)}.values())


def load_corpus(paths: list[Path], reader: Reader | None = None) -> Corpus:
    """Load every source and claim under ``paths``, reading figures with ``reader`` (the
    bundled lexicons and rounding "up-or-down" by default); collect problems instead of
    stopping."""
    source_files, claim_files, problems = discover(paths)
    corpus = Corpus(problems=problems, reader=reader or Reader())
    load_sources(source_files, corpus)
    load_references_of(paths, claim_files, corpus)
    for file in claim_files:
        errors: list[InputError] = []
        claim = load_claim(file, corpus.sources, errors, corpus.reader)
        for error in errors:
            corpus.add_problem(error)
        if claim is not None:
            corpus.claims.append(claim)
    return corpus


class KeptReads(Protocol):
    """What reading sources and files of reference facts gave on an earlier run, kept
    between runs (:class:`factcheck.cache.KeptReads`)."""

    def known(self, path: Path) -> list[Any] | None:
        """The records ``path`` gave, if the file is as it was then; None otherwise."""

    def status(self, path: Path) -> bytes | None:
        """The status of ``path`` to keep with what reading it gives, taken before it is
        read."""

    def keep(self, path: Path, status: bytes | None, text: Path | None, records: list[Any]) -> None:
        """Keep the records reading ``path`` (and the archived text ``text``) gave."""


def load_sources(
    source_files: Iterable[Path], corpus: Corpus, kept: KeptReads | None = None
) -> None:
    """Add the sources of ``source_files`` to ``corpus``, and each problem met; a source
    ``kept`` knows is not read again, and one read is kept."""
    for file in source_files:
        known = kept.known(file) if kept is not None else None
        if known is not None and len(known) == 1 and isinstance(known[0], Source):
            source = known[0]
        else:
            status = kept.status(file) if kept is not None else None
            try:
                source = load_source(file)
            except InputError as error:
                corpus.add_problem(error)
                continue
            if kept is not None:
                kept.keep(file, status, source.text_file, [source])
        if source.slug in corpus.sources:
            other = corpus.sources[source.slug].location
            corpus.add_problem(
                InputError(source.location, f"source {source.slug!r} is also defined in {other}")
            )
            continue
        corpus.sources[source.slug] = source


def load_references_of(paths: list[Path], claim_files: list[Path], corpus: Corpus) -> None:
    """Add the reference facts of the corpus (see :func:`reference_files`) to ``corpus``,
    and each problem met; a fact defined twice is a problem."""
    load_reference_files(reference_files(paths, claim_files), corpus)


def load_reference_files(
    files: Iterable[Path], corpus: Corpus, kept: KeptReads | None = None
) -> None:
    """Add the reference facts of ``files`` to ``corpus``, and each problem met; a fact
    defined twice is a problem. A file ``kept`` knows is not read again, and one read
    without a problem is kept."""
    for file in files:
        errors: list[InputError] = []
        references = kept.known(file) if kept is not None else None
        if references is None or not all(isinstance(record, Reference) for record in references):
            status = kept.status(file) if kept is not None else None
            references = load_references(file, corpus.reader, errors)
            if kept is not None and not errors:
                kept.keep(file, status, None, references)
        for reference in references:
            if reference.name in corpus.references:
                other = corpus.references[reference.name].location
                errors.append(
                    InputError(
                        reference.location,
                        f"reference fact {reference.name!r} is also defined in {other}",
                    )
                )
                continue
            corpus.references[reference.name] = reference
        for error in errors:
            corpus.add_problem(error)


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
            f"language {shown(language or '')} is not supported; expected one of: "
            f"{', '.join(LANGUAGES)}",
        )
    # Resolved, so "source.yaml" given from inside its folder still has the folder's name;
    # the folder once for both uses, as resolving costs a system call per folder above.
    folder = path.parent.resolve()
    text_file = _inside(path.parent, fields["text"] or "", root.entries["text"].location, folder)
    text = read_source_text(text_file)
    return Source(
        slug=(path.resolve().parent if os.path.islink(path) else folder).name,
        title=fields["title"] or "",
        publisher=fields["publisher"] or "",
        language=language,
        text_file=text_file,
        text=text,
        location=root.location,
        url=fields.get("url"),
        published=fields.get("published"),
        author=fields.get("author"),
    )


def read_source_text(path: Path) -> str:
    """A source's archived text: UTF-8, at most 1,000,000 characters (the most
    ``find_figures`` searches), without control characters; InputError otherwise."""
    from factcheck.numbers import MAX_TEXT_LENGTH

    text = read_text(path, 4 * MAX_TEXT_LENGTH, "a press release is a few dozen kilobytes")
    if len(text) > MAX_TEXT_LENGTH:
        raise InputError(
            Location(str(path)),
            f"the text has {len(text):,} characters; factcheck reads source texts of at most "
            f"{MAX_TEXT_LENGTH:,} characters (a press release has a few thousand)",
        )
    control = CONTROL_CHARACTERS.search(text)
    if control:
        at = control.start()
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        raise InputError(
            Location(str(path), line, column),
            f"the control character U+{ord(control.group()):04X} cannot stand in a source "
            "text, as a terminal showing a passage would act on it; remove it",
        )
    return text


def _inside(folder: Path, name: str, location: Location, resolved: Path | None = None) -> Path:
    """The file ``name`` in ``folder``, as written; refuse any path that leads out of it,
    by ``..``, as an absolute path, or through a symbolic link. ``resolved`` is ``folder``
    resolved, when it was already."""
    path = folder / name
    real_folder = resolved or folder.resolve()
    plain = name not in ("", ".", "..") and not any(
        separator in name for separator in (os.sep, os.altsep) if separator
    )
    # A plain name that is no link lies in the folder: no need to resolve it again.
    target = real_folder / name if plain and not os.path.islink(path) else path.resolve()
    if Path(name).is_absolute() or not target.is_relative_to(real_folder):
        link = f" (it leads to {target})" if not Path(name).is_absolute() else ""
        raise InputError(
            location, f"the text file {shown(name)} must lie in the source's folder{link}"
        )
    if not target.exists():
        raise InputError(location, f"the text file {shown(name)} does not exist in {folder}")
    return path


def load_claim(
    path: Path,
    sources: AbstractMapping[str, Source],
    errors: list[InputError],
    reader: Reader | None = None,
    data: bytes | None = None,
) -> Claim | None:
    """Read one claim file, its values with ``reader``; append every problem to ``errors``;
    None if it cannot be used. ``data`` is the file's bytes when they were read already."""
    try:
        root = expect_mapping(load_yaml(path, data), "a claim")
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
                f"claim id {shown(claim_id)} must be lower-case letters, digits, '-' and '_'",
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
        errors.append(
            InputError(
                root.entries["source"].location,
                f"unknown source {shown(slug)}{suggestion(slug, sources)}; a source is a folder "
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
        if not FIGURE_NAME.fullmatch(name):
            errors.append(
                InputError(
                    where,
                    f"figure name {shown(name)} must be letters, digits and '_', at most "
                    f"{MAX_NAME_LENGTH} characters",
                )
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
                    InputError(value.location, f"check key {shown(key)} must be a text or a list")
                )
        kind = next(iter(entries))
        scope = (item.location, *locations.values())
        target = f"the {shown(kind)} check at line {item.location.line}"
        suppressions += _suppressions(item.entries.get(SUPPRESS), target, scope, errors)
        checks.append(Check(kind, params, item.location, locations))
    return tuple(checks)


def load_references(path: Path, reader: Reader, errors: list[InputError]) -> list[Reference]:
    """Read one file of reference facts; append every problem to ``errors`` and return the
    facts that can be used."""
    from factcheck.numbers import FigureError
    from factcheck.rules import LEVELS

    try:
        root = expect_mapping(load_yaml(path), "a file of reference facts")
    except InputError as error:
        errors.append(error)
        return []
    problems = check_keys(root, "the reference file", REFERENCE_FILE_KEYS, ())
    errors += problems
    if problems:
        return []
    try:
        language = text_of(root, "language", "the reference file's") or ""
        facts = expect_mapping(root.entries["facts"], "'facts'")
    except InputError as error:
        errors.append(error)
        return []
    if language not in LANGUAGES:
        errors.append(
            InputError(
                root.entries["language"].location,
                f"language {shown(language)} is not supported; expected one of: "
                f"{', '.join(LANGUAGES)}",
            )
        )
        return []
    references = []
    for name, node in facts.entries.items():
        where = facts.key_locations[name]
        if not _ID.fullmatch(name):
            errors.append(
                InputError(
                    where,
                    f"reference fact {shown(name)} must be lower-case letters, digits, '-' and '_'",
                )
            )
            continue
        try:
            fact = expect_mapping(node, f"reference fact {name!r}")
            problems = check_keys(
                fact, f"reference fact {name!r}", REFERENCE_KEYS_REQUIRED, REFERENCE_KEYS_OPTIONAL
            )
            if problems:
                errors += problems
                continue
            value = text_of(fact, "value", f"reference fact {name!r}:") or ""
            description = " ".join(
                (text_of(fact, "description", f"reference fact {name!r}:") or "").split()
            )
            note = text_of(fact, "note", f"reference fact {name!r}:")
            level = text_of(fact, "level", f"reference fact {name!r}:")
            citations = _citations(fact.entries["sources"], name, errors)
        except InputError as error:
            errors.append(error)
            continue
        if level is not None and level not in LEVELS:
            errors.append(
                InputError(
                    fact.entries["level"].location,
                    f"reference fact {name!r}: level {shown(level)} is not one of "
                    f"{', '.join(LEVELS)}{suggestion(level, LEVELS)}",
                )
            )
            continue
        value_location = fact.entries["value"].location
        try:
            reading = reader.parse(value, language)
        except FigureError as error:
            errors.append(InputError(value_location, f"reference fact {name!r}: {error}"))
            continue
        references.append(
            Reference(
                name=name,
                value_text=value,
                reading=reading,
                description=description,
                sources=tuple(citations),
                location=where,
                level=level,
                note=" ".join(note.split()) if note else None,
                value_location=value_location,
            )
        )
    return references


def _citations(node: Node, name: str, errors: list[InputError]) -> list[Citation]:
    """The ``sources`` of a reference fact: a non-empty list of citations."""
    shape = "a list of sources, each with a 'title' and a 'publisher'"
    if not isinstance(node, Sequence) or not node.items:
        raise InputError(node.location, f"the sources of reference fact {name!r} must be {shape}")
    citations = []
    for item in node.items:
        entry = expect_mapping(item, f"a source of reference fact {name!r}")
        problems = check_keys(
            entry,
            f"a source of reference fact {name!r}",
            CITATION_KEYS_REQUIRED,
            CITATION_KEYS_OPTIONAL,
        )
        if problems:
            errors += problems
            continue
        fields = {key: text_of(entry, key, "the source's") for key in entry.entries}
        citations.append(
            Citation(
                title=" ".join((fields["title"] or "").split()),
                publisher=" ".join((fields["publisher"] or "").split()),
                url=fields.get("url"),
                published=fields.get("published"),
                quote=" ".join(fields["quote"].split()) if fields.get("quote") else None,
            )
        )
    return citations
