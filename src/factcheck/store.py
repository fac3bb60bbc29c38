"""What ``verify`` keeps of a corpus while it checks it, on disk, so that its memory does
not grow with the corpus.

A corpus of a hundred thousand claims makes about a gigabyte of claims and findings, and a
thousand sources with their texts. ``verify`` holds none of it: it writes what it needs
again into two SQLite databases in a temporary folder, and reads back one record at a time.
SQLite is in Python's standard library, keeps its tables sorted on disk and its cache at a
fixed size, and sorts the results into report order without holding them.

- ``corpus.sqlite``: the claim files found, the sources with their texts, the reference
  facts. Written before any claim is checked, then only read, by every worker.
- ``results.sqlite``: per claim read, what other claims may ask of it (its id, its figure
  names, the figures its checks name), and per claim checked its result, with the counts
  the summary adds up. Written by the main process only.

Records are stored pickled (:mod:`factcheck.records`); keys are stored as UTF-8 bytes, whose
order is the order Python gives the same texts, so SQLite sorts as ``sorted`` would.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator, MutableMapping, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from factcheck.engine import counts
from factcheck.model import Claim, ClaimResult, Finding, Source, Verdict
from factcheck.records import load_record

#: Records of a table kept in memory by each process, most recently used first: enough for
#: the sources of the claims in hand, and for the other claims a few checks name.
CACHED = 64
#: SQLite's page cache per connection, in KiB: a fixed bound however large the corpus.
CACHE_KIB = 2048

_CORPUS = "corpus.sqlite"
_RESULT_COLUMNS = ", ".join("?" * 10)
_RESULTS = "results.sqlite"

Value = TypeVar("Value")


def key(text: str) -> bytes:
    """A text as a key SQLite sorts as Python sorts texts: UTF-8 keeps the order of code
    points, and ``surrogatepass`` keeps a file name that is not UTF-8 (read by Python with
    lone surrogates) in its place."""
    return text.encode("utf-8", "surrogatepass")


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogatepass")


def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        # Nothing writes the corpus database while workers read it: no locks are needed.
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    else:
        connection = sqlite3.connect(path, isolation_level=None)
        # A scratch database: nothing needs to survive a crash, so no journal and no sync.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
    connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return connection


class Table(MutableMapping[str, Value], Generic[Value]):
    """A table of pickled records by name (sources by slug, reference facts by name), as a
    mapping; the most recently read records are kept in memory."""

    def __init__(self, connection: sqlite3.Connection, name: str) -> None:
        self._connection = connection
        self._name = name
        self._cached: OrderedDict[str, Value] = OrderedDict()
        connection.execute(
            f"CREATE TABLE IF NOT EXISTS {name} (name BLOB PRIMARY KEY, data BLOB) WITHOUT ROWID"
        )

    def __getitem__(self, name: str) -> Value:
        cached = self._cached.get(name)
        if cached is not None:
            self._cached.move_to_end(name)
            return cached
        row = self._connection.execute(
            f"SELECT data FROM {self._name} WHERE name = ?", (key(name),)
        ).fetchone()
        if row is None:
            raise KeyError(name)
        value: Value = pickle.loads(row[0])
        self._cached[name] = value
        if len(self._cached) > CACHED:
            self._cached.popitem(last=False)
        return value

    def __setitem__(self, name: str, value: Value) -> None:
        self._cached.pop(name, None)
        self._connection.execute(
            f"INSERT OR REPLACE INTO {self._name} VALUES (?, ?)",
            (key(name), pickle.dumps(value, pickle.HIGHEST_PROTOCOL)),
        )

    def __delitem__(self, name: str) -> None:
        self._cached.pop(name, None)
        deleted = self._connection.execute(
            f"DELETE FROM {self._name} WHERE name = ?", (key(name),)
        ).rowcount
        if not deleted:
            raise KeyError(name)

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        if name in self._cached:
            return True
        query = f"SELECT 1 FROM {self._name} WHERE name = ?"
        return self._connection.execute(query, (key(name),)).fetchone() is not None

    def __iter__(self) -> Iterator[str]:
        for (name,) in self._connection.execute(f"SELECT name FROM {self._name} ORDER BY name"):
            yield _text(name)

    def __len__(self) -> int:
        return int(self._connection.execute(f"SELECT count(*) FROM {self._name}").fetchone()[0])

    def stored_data(self, name: str) -> bytes | None:
        """The record of ``name`` as stored (pickled), or None: bytes that differ whenever
        the records differ."""
        row = self._connection.execute(
            f"SELECT data FROM {self._name} WHERE name = ?", (key(name),)
        ).fetchone()
        return row[0] if row else None

    def stored(self) -> Iterator[tuple[bytes, bytes]]:
        """Every (name, pickled record) as stored, by name."""
        yield from self._connection.execute(f"SELECT name, data FROM {self._name} ORDER BY name")


class _Database:
    """One SQLite database of the store, written in transactions of many records."""

    connection: sqlite3.Connection

    def begin(self) -> None:
        """Start writing many records at once."""
        self.connection.execute("BEGIN")

    def commit(self) -> None:
        """End writing records."""
        self.connection.execute("COMMIT")

    def close(self) -> None:
        """Close the database."""
        self.connection.close()


class CorpusTables(_Database):
    """The corpus database: claim files, sources, reference facts."""

    def __init__(self, folder: Path, read_only: bool = False) -> None:
        self.connection = _connect(folder / _CORPUS, read_only)
        if not read_only:
            self.connection.execute(
                "CREATE TABLE IF NOT EXISTS files (path BLOB PRIMARY KEY) WITHOUT ROWID"
            )
            self.connection.execute(
                "CREATE TABLE IF NOT EXISTS source_files "
                "(parts BLOB PRIMARY KEY, path BLOB) WITHOUT ROWID"
            )
        self.sources: Table[Source] = Table(self.connection, "sources")
        self.references: Table[Any] = Table(self.connection, "refs")

    def add_claim_files(self, paths: Iterable[Path]) -> None:
        """Add claim files; a file already added is not added again."""
        self.connection.executemany(
            "INSERT OR IGNORE INTO files VALUES (?)", ((key(str(path)),) for path in paths)
        )

    def add_source_file(self, path: Path) -> None:
        """Add a source file; a file already added is not added again."""
        parts = b"\x00".join(key(part) for part in path.parts)
        self.connection.execute(
            "INSERT OR IGNORE INTO source_files VALUES (?, ?)", (parts, key(str(path)))
        )

    def source_files(self) -> Iterator[Path]:
        """The source files, sorted as paths sort (by their parts)."""
        for (path,) in self.connection.execute("SELECT path FROM source_files ORDER BY parts"):
            yield Path(_text(path))

    def claim_file_count(self) -> int:
        """How many claim files were added."""
        return int(self.connection.execute("SELECT count(*) FROM files").fetchone()[0])

    def claim_files(self) -> Iterator[str]:
        """The claim files, sorted by their path."""
        cursor = self.connection.execute("SELECT path FROM files ORDER BY path")
        for (path,) in cursor:
            yield _text(path)


class ResultTables(_Database):
    """The results database: what other claims may ask of each claim read, and each claim's
    result."""

    def __init__(self, folder: Path) -> None:
        self.connection = _connect(folder / _RESULTS)
        execute = self.connection.execute
        # Per claim read: its place in report order, its figures' names (for suggestions),
        # whether it waits for the whole corpus, and its file's digest (read again later,
        # the file must be what it was).
        execute(
            "CREATE TABLE claims (slug BLOB, id BLOB, path BLOB, digest BLOB, names TEXT, "
            "pending INTEGER, PRIMARY KEY (slug, id, path)) WITHOUT ROWID"
        )
        # Per figure a check names: the claim whose figure it is (by id), and the claim
        # whose check names it (by id and file).
        execute("CREATE TABLE named (target BLOB, figure TEXT, by_claim BLOB, by_path BLOB)")
        execute(
            # The counts before the pickled result, so that SQLite reads them without
            # reading the result.
            "CREATE TABLE results (slug BLOB, id BLOB, path BLOB, passed INTEGER, "
            "failed INTEGER, warned INTEGER, not_evaluated INTEGER, suppressed INTEGER, "
            "not_checkable INTEGER, data BLOB, PRIMARY KEY (slug, id, path))"
        )

    def add(self, batch: Batch) -> None:
        """Add what a batch of claim files gave."""
        execute = self.connection.executemany
        execute("INSERT OR REPLACE INTO claims VALUES (?, ?, ?, ?, ?, ?)", batch.claims)
        execute("INSERT INTO named VALUES (?, ?, ?, ?)", batch.named)
        execute(f"INSERT OR REPLACE INTO results VALUES ({_RESULT_COLUMNS})", batch.results)

    def index(self) -> None:
        """Index the claims by id and the figures checks name, once every claim is read."""
        self.connection.execute("CREATE INDEX claims_by_id ON claims (id, slug, path)")
        self.connection.execute("CREATE INDEX named_figures ON named (target, figure)")

    def pending(self) -> list[tuple[str, bytes, bool]]:
        """The claims to check with the whole corpus at hand, in report order, as (file,
        digest, whether a result is already stored): those waiting for it, those whose
        figures a check of another claim names, and those whose id another claim has too
        (FC301 asks whether any check of the corpus names a figure of the claim)."""
        rows = self.connection.execute(
            "SELECT path, digest, pending FROM claims WHERE pending = 1 "
            "OR id IN (SELECT target FROM named WHERE target != by_claim) "
            "OR id IN (SELECT id FROM claims GROUP BY id HAVING count(*) > 1) "
            "ORDER BY slug, id, path"
        ).fetchall()
        return [(_text(path), digest, not pending) for path, digest, pending in rows]

    def claim_file(self, claim_id: str) -> tuple[str, bytes] | None:
        """The file and digest of the claim an id stands for: the last in report order of
        the claims with that id."""
        row = self.connection.execute(
            "SELECT path, digest FROM claims WHERE id = ? ORDER BY slug DESC, path DESC LIMIT 1",
            (key(claim_id),),
        ).fetchone()
        return (_text(row[0]), row[1]) if row else None

    def named(self, claim_id: str, figure: str) -> bool:
        """Whether a check of the corpus names the figure ``figure`` of the claim with id
        ``claim_id``; of claims with the same id, only the checks of the last in report
        order count, as that claim is the one the id stands for."""
        query = (
            "SELECT 1 FROM named WHERE target = ? AND figure = ? AND by_path = "
            "(SELECT path FROM claims WHERE id = named.by_claim "
            "ORDER BY slug DESC, path DESC LIMIT 1) LIMIT 1"
        )
        return self.connection.execute(query, (key(claim_id), figure)).fetchone() is not None

    def figure_names(self) -> Iterator[tuple[str, list[str]]]:
        """(id, figure names) of every claim id, the names of the last claim in report order
        of those with the id, by id."""
        rows = self.connection.execute("SELECT id, names FROM claims ORDER BY id, slug, path")
        last: tuple[bytes, str] | None = None
        for row in rows:
            if last is not None and last[0] != row[0]:
                yield _text(last[0]), _names(last[1])
            last = row
        if last is not None:
            yield _text(last[0]), _names(last[1])

    def replace(self, result: ClaimResult) -> None:
        """Store a claim's result, in place of an earlier one of the same claim."""
        self.connection.execute(
            f"INSERT OR REPLACE INTO results VALUES ({_RESULT_COLUMNS})",
            result_row(result.claim, result.findings, result.verdict),
        )

    def summary(self) -> tuple[int, ...]:
        """Claims, then the summed :func:`counts` of every result."""
        row = self.connection.execute(
            "SELECT count(*), total(passed), total(failed), total(warned), "
            "total(not_evaluated), total(suppressed), total(not_checkable) FROM results"
        ).fetchone()
        return tuple(int(value) for value in row)

    def result_count(self) -> int:
        """How many results are stored."""
        return int(self.connection.execute("SELECT count(*) FROM results").fetchone()[0])

    def result_data(
        self, offset: int = 0, limit: int = -1, only_shown: bool = False
    ) -> Iterator[bytes]:
        """The pickled results in report order; ``only_shown``: only those with a finding
        that did not pass (failed, warned, not evaluated, or suppressed)."""
        shown = "WHERE failed + warned + not_evaluated + suppressed > 0" if only_shown else ""
        query = f"SELECT data FROM results {shown} ORDER BY slug, id, path LIMIT ? OFFSET ?"
        for (data,) in self.connection.execute(query, (limit, offset)):
            yield data


def _names(text: str) -> list[str]:
    return text.split("\t") if text else []


def claim_row(claim: Claim, digest: bytes, pending: bool) -> tuple[Any, ...]:
    """A row of the claims table."""
    return (
        key(claim.source_slug),
        key(claim.id),
        key(claim.location.path),
        digest,
        "\t".join(claim.figures),
        int(pending),
    )


def result_row(claim: Claim, findings: tuple[Finding, ...], verdict: Verdict) -> tuple[Any, ...]:
    """A row of the results table: the claim's place in report order, its result pickled
    without its source (stored once, in the corpus database), and its counts."""
    data = pickle.dumps((claim, findings, verdict), pickle.HIGHEST_PROTOCOL)
    return (
        key(claim.source_slug),
        key(claim.id),
        key(claim.location.path),
        *counts(findings, verdict),
        data,
    )


class Batch:
    """What checking a batch of claim files gives, as rows of the results database, and
    the input problems met."""

    def __init__(self) -> None:
        self.claims: list[tuple[Any, ...]] = []
        self.named: list[tuple[bytes, str, bytes, bytes]] = []
        self.results: list[tuple[Any, ...]] = []
        self.problems: list[Any] = []
        #: Claim files that gave no claim (their problems say why).
        self.unread = 0
        #: Keys of the result cache's entries the batch took its rows from.
        self.from_cache: list[bytes] = []
        #: New entries for the result cache (:data:`factcheck.cache.Entry`), each with the
        #: spans of the batch's rows it holds (:meth:`marks` before and after its file) in
        #: place of its data.
        self.to_cache: list[
            tuple[bytes, bytes, str, bytes, tuple[int, ...], bytes, bytes | None]
        ] = []
        #: (key, file status) of the cache's entries taken whose claim file's status is new.
        self.restamped: list[tuple[bytes, bytes]] = []

    def marks(self) -> tuple[int, int, int, int]:
        """How many claim rows, named figures, result rows and problems the batch holds:
        what a file adds from here on can be told apart."""
        return len(self.claims), len(self.named), len(self.results), len(self.problems)


class StoredResults(Sequence[ClaimResult]):
    """The results of a run in report order, read from the results database one at a time,
    each time the sequence is iterated (reporters may go through it more than once)."""

    def __init__(self, results: ResultTables, sources: Table[Source]) -> None:
        self._results = results
        self._sources = sources
        self._length = results.result_count()

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[ClaimResult]:
        return self._read(0, -1)

    def with_findings_to_show(self) -> Iterator[ClaimResult]:
        """The results with a finding that did not pass, in report order, read without
        reading the others (see :func:`factcheck.reporters.common.findings_to_show`)."""
        return self._read(0, -1, only_shown=True)

    @overload
    def __getitem__(self, index: int) -> ClaimResult: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[ClaimResult]: ...

    def __getitem__(self, index: int | slice) -> ClaimResult | Sequence[ClaimResult]:
        if isinstance(index, slice):
            return tuple(self)[index]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("result index out of range")
        return next(self._read(index, 1))

    def _read(self, offset: int, limit: int, only_shown: bool = False) -> Iterator[ClaimResult]:
        for data in self._results.result_data(offset, limit, only_shown):
            # Results taken from the result cache are as the cache file holds them.
            claim, findings, verdict = load_record(data)
            yield ClaimResult(claim, self._sources.get(claim.source_slug), findings, verdict)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(
                mine == theirs for mine, theirs in zip(self, other, strict=True)
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]
