"""The result cache of ``verify``: what reading and checking each claim file gave, kept
between runs, so that a claim nothing it depends on has changed is not read and checked
again (as ruff keeps ``.ruff_cache``).

What is kept per claim file is what step 2 of a streamed run (:mod:`factcheck.parallel`)
puts in the results store for it: its claim row, the figures its checks name, its result
row (counts and the pickled result) unless it waits for the whole corpus, and the input
problems met reading and checking it. Step 3 and the reports then run as they would on a
claim just checked, so a report is the same, byte for byte, whether its claims came from
the cache or not. A file that gave no claim is not kept.

An entry is found by a digest (BLAKE2b) of everything its result can depend on:

- the run's key, computed once: the factcheck package's own files (every file under
  ``src/factcheck``, by content, since the version number stays the same while the code
  changes), the Python version, the pickle protocol, the installed versions of the
  libraries that read figures and files (PyYAML, pint, text2num, rapidfuzz), the settings
  (rules on and off, levels, options, strict, the configuration file), the reader (rounding,
  lexicon files and their content), and every reference fact of the corpus;
- the claim file's path as given (findings name it) and a digest of its bytes.

A claim file is not even read when its status (device, inode, size, modification and change
times, as ``os.stat`` gives them) is the one kept with its entry, as git and ruff trust a
file's status: the entry's key is then made with the digest of the bytes kept beside it.
The status is kept only of a file last changed at least :data:`SETTLED` before it was read,
so that a file changed again within one tick of a coarse file-system clock (FAT's two
seconds, ext3's one) cannot keep a status that hides the change; the change time, which
no tool can set back, catches a change whose modification time was put back (except on
Windows, where ``os.stat`` gives the creation time in its place). Any other
file is read and its bytes' digest looked up, as after a fresh clone or checkout.

The sources and the files of reference facts are kept too, each as reading it gave it
(the source with its archived text, the file's facts), with the status of the file (and of
the text a source names) and a digest of the tool and the reader: a file whose status is
unchanged is not read again. A file that gave a problem is not kept, so that its problem
is reported on every run.

Beside each entry is the digest of the source its claim names, as the store holds it (the
source record with its archived text), checked at each look-up; a claim whose source is
unknown depends on the names of every source instead (its message suggests the nearest).

The cache is one SQLite file in ``.factcheck_cache/`` (with a ``.gitignore`` of ``*`` and a
``CACHEDIR.TAG``). A run that checked any claim writes a new file, of the entries it used or
made and those of claim files it did not read that still exist (at most one entry per
file, so the cache grows no larger than the corpus), and puts it in place of the old one in
one step; a run whose every claim came from the cache leaves the old file as it is. A
cache that cannot be read is ignored; one that cannot be written is skipped, with one
warning.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.records import load_record

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.engine import Settings
    from factcheck.numbers import Reader
    from factcheck.store import CorpusTables

#: The cache file in the folder.
FILE = "results.sqlite"
#: The layout of the cache file; a file of another layout is not read.
LAYOUT = 4
#: How long before it is read a claim file must have been last changed for its status to
#: be kept with its entry, in nanoseconds.
SETTLED = 2_000_000_000
#: The libraries whose behaviour reaches a result: YAML parsing, units, number words, the
#: passages a misquote's finding shows.
LIBRARIES = ("yaml", "yaml._yaml", "pint", "text_to_num", "rapidfuzz")
#: A cache folder tag, as https://bford.info/cachedir/ specifies, so backup tools skip it.
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by factcheck.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)
#: One entry: the key, the claim file's path as given, the source its claim names and that
#: source's digest, what step 2 gave for the file (pickled), the digest of the file's bytes
#: and the file's status when it was read (None when it had just changed).
Entry = tuple[bytes, bytes, str, bytes, bytes, bytes, bytes | None]


def _digest(*parts: bytes) -> bytes:
    digest = hashlib.blake2b(digest_size=32)
    for part in parts:
        # Each part's length first, so that no two lists of parts give the same stream.
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.digest()


def folder_for(config: Config, cwd: Path) -> Path:
    """Where the cache lives: the configuration's ``cache-dir``, or ``.factcheck_cache`` in
    the project's folder: the configuration file's folder, or else the folder holding the
    ``claims/`` folder found upward from ``cwd``, or else ``cwd``."""
    from factcheck.config import DEFAULT, DEFAULT_CACHE_DIR
    from factcheck.load import find_default_corpus

    if config.cache_dir.origin != DEFAULT:
        return Path(config.cache_dir.value)
    if config.file is not None:
        return config.file.parent / DEFAULT_CACHE_DIR
    corpus = find_default_corpus(cwd)
    if corpus is not None:
        return Path(os.path.relpath(corpus.parent, cwd)) / DEFAULT_CACHE_DIR
    return Path(DEFAULT_CACHE_DIR)


def tool_digest() -> bytes:
    """A digest of the tool: the factcheck package's files by content, the Python version,
    the pickle protocol, and where and when the libraries that reach a result were
    installed (a new version is installed anew)."""
    from importlib.util import find_spec

    package = Path(__file__).resolve().parent
    parts = [sys.version.encode(), str(pickle.HIGHEST_PROTOCOL).encode(), str(LAYOUT).encode()]
    for file in sorted(package.rglob("*")):
        if "__pycache__" in file.parts or not file.is_file():
            continue
        parts += [str(file.relative_to(package)).encode(), file.read_bytes()]
    for name in LIBRARIES:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
        if origin is None or not os.path.exists(origin):
            parts.append(f"{name}: absent".encode())
            continue
        status = os.stat(origin)
        parts.append(f"{name}: {origin} {status.st_size} {status.st_mtime_ns}".encode())
    return _digest(*parts)


def settings_digest(settings: Settings, reader: Reader) -> bytes:
    """A digest of what a run is configured with: the engine's settings and the reader,
    with the content of its lexicon files."""
    parts = [
        repr(settings.strict).encode(),
        repr(sorted(settings.levels.items())).encode(),
        repr(sorted(settings.off)).encode(),
        repr(sorted((code, repr(options)) for code, options in settings.options.items())).encode(),
        repr(settings.config_file).encode(),
        reader.rounding.encode(),
    ]
    for lang, file in reader.lexicon_files:
        parts += [lang.encode(), file.encode()]
        try:
            parts.append(Path(file).read_bytes())
        except OSError as error:
            parts.append(f"unreadable: {error}".encode())
    return _digest(*parts)


def reading_key(tool: bytes, settings: bytes) -> bytes:
    """The key of how sources and reference facts are read: the tool and the settings (with
    the reader)."""
    return _digest(b"reading", tool, settings)


def _record_digest(kind: bytes, data: bytes) -> bytes:
    """A digest of a record as the store holds it (pickled), made of the record's repr: a
    dataclass's repr shows every field and, unlike its pickle, does not depend on which
    objects the record shares with others (a reading the reader kept from an earlier
    figure, a text read once)."""
    return _digest(kind, repr(pickle.loads(data)).encode("utf-8", "surrogatepass"))


def run_key(tool: bytes, settings: bytes, tables: CorpusTables) -> bytes:
    """The run's part of every entry's key: the tool, the settings, and every reference
    fact of the corpus as the store holds it."""
    references = hashlib.blake2b(digest_size=32)
    for name, data in tables.references.stored():
        references.update(_digest(name, _record_digest(b"reference", data)))
    return _digest(tool, settings, references.digest())


def entry_key(run: bytes, path: str, content: bytes) -> bytes:
    """The key of a claim file's entry: the run's key, the file's path as given, the digest
    of its bytes."""
    return _digest(run, _path_key(path), content)


def file_status(path: str) -> bytes | None:
    """The status of a claim file as an entry keeps it, if the file is a regular file last
    changed at least :data:`SETTLED` ago; None otherwise (the file must be read)."""
    import stat
    import time

    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    changed = max(status.st_mtime_ns, status.st_ctime_ns)
    if not stat.S_ISREG(status.st_mode) or changed > time.time_ns() - SETTLED:
        return None
    fields = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
    return b"".join(field.to_bytes(16, "little", signed=True) for field in fields)


def _path_key(path: str) -> bytes:
    """A path as the cache stores it, as the store does (:func:`factcheck.store.key`)."""
    from factcheck.store import key

    return key(path)


def _path_text(path: bytes) -> str:
    return path.decode("utf-8", "surrogatepass")


def _rows(values: Iterable[bytes]) -> Iterable[tuple[bytes]]:
    return ((value,) for value in values)


class SourceDigests:
    """The digest of each source by name, as the store holds it (record and text); of a
    name no source has, a digest of every source's name (the claim's message suggests the
    nearest)."""

    def __init__(self, tables: CorpusTables) -> None:
        self._tables = tables
        self._known: dict[str, bytes] = {}
        self._unknown: bytes | None = None

    def __call__(self, slug: str) -> bytes:
        known = self._known.get(slug)
        if known is not None:
            return known
        data = self._tables.sources.stored_data(slug)
        if data is not None:
            self._known[slug] = _record_digest(b"source", data)
            return self._known[slug]
        if self._unknown is None:
            names = [name.encode("utf-8", "surrogatepass") for name in self._tables.sources]
            self._unknown = _digest(b"no such source", *names)
        return self._unknown


class KeptReads:
    """The sources and files of reference facts a run reads, as the result cache keeps
    them (:class:`factcheck.load.KeptReads`), read with the reading key ``reading``."""

    def __init__(self, cache: ResultCache, reading: bytes) -> None:
        self._cache = cache
        self._reading = reading

    def known(self, path: Path) -> list[Any] | None:
        """The records ``path`` gave, if the file is as it was then; None otherwise."""
        return self._cache.read(path, self._reading)

    def status(self, path: Path) -> bytes | None:
        """The status of ``path`` to keep, taken before it is read."""
        return file_status(str(path))

    def keep(self, path: Path, status: bytes | None, text: Path | None, records: list[Any]) -> None:
        """Keep the records reading ``path`` (and the archived text ``text``) gave."""
        self._cache.keep_read(path, status, text, self._reading, records)


def _open_read_only(path: Path) -> sqlite3.Connection | None:
    """The cache file, read-only, if it is one of this layout; None otherwise."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        layout = connection.execute("PRAGMA user_version").fetchone()[0]
        if layout != LAYOUT:
            raise sqlite3.DatabaseError("another layout")
        connection.execute(
            "SELECT key, path, slug, source, data, content, status FROM entries LIMIT 1"
        ).fetchall()
        connection.execute(
            "SELECT path, status, text, text_status, reading, data FROM files LIMIT 1"
        ).fetchall()
    except sqlite3.Error:
        connection.close()
        return None
    return connection


class Lookup:
    """Entries of the cache file a run starts with, looked up by key; a cache that cannot
    be read answers nothing. Each process opens its own connection."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self._connection: tuple[int, sqlite3.Connection | None] | None = None

    def _opened(self) -> sqlite3.Connection | None:
        if self._connection is None or self._connection[0] != os.getpid():
            self._connection = (os.getpid(), _open_read_only(self.file))
        return self._connection[1]

    def close(self) -> None:
        """Close this process's connection, if it opened one."""
        if self._connection is not None and self._connection[0] == os.getpid():
            if self._connection[1] is not None:
                self._connection[1].close()
            self._connection = None

    def find(self, key: bytes, source: Callable[[str], bytes]) -> bytes | None:
        """The data of the entry of ``key`` whose source still has the digest it had, or
        None."""
        row = self._row("SELECT slug, source, data FROM entries WHERE key = ?", key)
        if row is None or source(row[0]) != row[1]:
            return None
        data: bytes = row[2]
        return data

    def find_unchanged(
        self, run: bytes, files: list[tuple[str, bytes]], source: Callable[[str], bytes]
    ) -> dict[str, tuple[bytes, bytes]]:
        """Of ``files``, (claim file, its present status) pairs, those whose entry kept that
        status and belongs to the run of key ``run``, and whose source still has the digest
        it had: by file, the entry's key and data. Looked up in one query, as one query a
        file costs twice the time."""
        connection = self._opened()
        if connection is None or not files:
            return {}
        paths = {_path_key(path): (path, status) for path, status in files}
        query = (
            "SELECT path, status, key, content, slug, source, data FROM entries "
            f"WHERE path IN ({', '.join('?' * len(paths))})"
        )
        try:
            rows = connection.execute(query, list(paths)).fetchall()
        except sqlite3.Error:
            self._connection = (os.getpid(), None)  # unreadable from here on: ignore it
            return {}
        found = {}
        for stored_path, status, key, content, slug, digest, data in rows:
            path, present = paths[stored_path]
            unchanged = status == present and source(slug) == digest
            if unchanged and key == entry_key(run, path, content):
                found[path] = (key, data)
        return found

    def find_read(self, path: Path, reading: bytes) -> bytes | None:
        """What reading the source or reference file ``path`` gave (pickled), if it was read
        as ``reading`` says and the file, and the text a source names, have the status they
        had; None otherwise."""
        row = self._row(
            "SELECT status, text, text_status, data FROM files WHERE path = ? AND reading = ?",
            _path_key(str(path)),
            reading,
        )
        if row is None or row[0] is None or file_status(str(path)) != row[0]:
            return None
        if row[1] is not None and file_status(_path_text(row[1])) != row[2]:
            return None
        data: bytes = row[3]
        return data

    def _row(self, query: str, *parameters: bytes) -> tuple[Any, ...] | None:
        connection = self._opened()
        if connection is None:
            return None
        try:
            row: tuple[Any, ...] | None = connection.execute(query, parameters).fetchone()
        except sqlite3.Error:
            self._connection = (os.getpid(), None)  # unreadable from here on: ignore it
            return None
        return row


def unpack(data: bytes) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
    """What step 2 gave for a file, from an entry's data: its claim rows, the figures its
    checks name, its result rows and its problems. Raise ValueError when the data cannot be
    read (a damaged file)."""
    try:
        claims, named, results, problems = load_record(data)
    except Exception as error:  # unpickling damaged bytes can raise almost anything
        raise ValueError(f"a damaged cache entry: {error}") from None
    return claims, named, results, problems


def pack(claims: list[Any], named: list[Any], results: list[Any], problems: list[Any]) -> bytes:
    """An entry's data: what step 2 gave for a file (see :func:`unpack`)."""
    return pickle.dumps((claims, named, results, problems), pickle.HIGHEST_PROTOCOL)


class ResultCache:
    """The cache of one run: the cache file it starts with (:attr:`file`, whose entries
    each process looks up with a :class:`Lookup`), and the new cache file it writes, put in
    place by :meth:`finish`: the entries the run used or made, and
    those of claim files it did not read that still exist (a run on one file keeps the
    others' entries for the next run on the whole corpus). Each claim file has at most one
    entry, so the cache grows no larger than the corpus.

    Nothing here fails a run: a cache that cannot be read is ignored, one that cannot be
    written is skipped and :attr:`warning` says why.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.file = folder / FILE
        #: Why the cache could not be written, for one warning line; None if it could.
        self.warning: str | None = None
        #: Claim files read and checked, whose entries are new.
        self.misses = 0
        self._used: list[bytes] = []
        self._restamped: list[tuple[bytes, bytes]] = []
        #: Sources and reference files read and kept.
        self.reads = 0
        self._new: tuple[Path, sqlite3.Connection] | None = None
        self._lookup = Lookup(self.file)

    def read(self, path: Path, reading: bytes) -> list[Any] | None:
        """The records reading the source or reference file ``path`` gave when it was kept
        (see :meth:`Lookup.find_read`), or None."""
        data = self._lookup.find_read(path, reading)
        if data is None:
            return None
        try:
            records: list[Any] = load_record(data)
        except Exception:  # unpickling damaged bytes can raise almost anything
            return None
        return records

    def keep_read(
        self,
        path: Path,
        status: bytes | None,
        text: Path | None,
        reading: bytes,
        records: list[Any],
    ) -> None:
        """Keep the records reading the source or reference file ``path``, whose status was
        ``status`` before it was read, gave, with ``text``, the archived text a source
        names, whose status is taken now: a text changed while it was read has changed
        moments ago, and keeps no status."""
        text_status = file_status(str(text)) if text is not None else None
        if status is None or (text is not None and text_status is None):
            return
        self.reads += 1
        if self.warning is not None:
            return
        row = (
            _path_key(str(path)),
            status,
            _path_key(str(text)) if text is not None else None,
            text_status,
            reading,
            pickle.dumps(records, pickle.HIGHEST_PROTOCOL),
        )
        try:
            self._writing().execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", row)
        except (OSError, sqlite3.Error) as error:
            self._give_up(error)

    def add(
        self, used: Iterable[bytes], new: Iterable[Entry], restamped: Iterable[tuple[bytes, bytes]]
    ) -> None:
        """Note the keys of entries used from the cache, and the new status of those whose
        claim file was read again only because its status changed (a checkout touches every
        file); write new entries."""
        self._used += used
        self._restamped += restamped
        new = list(new)
        self.misses += len(new)
        if not new or self.warning is not None:
            return
        try:
            connection = self._writing()
            connection.executemany(
                "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)", new
            )
        except (OSError, sqlite3.Error) as error:
            self._give_up(error)

    def finish(self, visited: Iterable[str]) -> None:
        """Put the new cache file in place of the old one, ``visited`` being the claim
        files of the run (as given); when every result came from the old file and no
        file's status is new, it stays as it is."""
        try:
            if not (self.misses or self._restamped or self.reads) or self.warning is not None:
                return
            # The old file is read no more, so that it can be replaced (Windows refuses to
            # replace a file that is open).
            self._lookup.close()
            connection = self._writing()
            connection.execute("COMMIT")
            self._copy_kept(connection, visited)
            connection.close()
            temporary = self._new[0]  # type: ignore[index]
            self._new = None
            with open(temporary, "rb+") as file:
                os.fsync(file.fileno())
            os.replace(temporary, self.folder / FILE)
        except (OSError, sqlite3.Error) as error:
            self._give_up(error)
        finally:
            self.close()

    def close(self) -> None:
        """Close the new cache file and remove it, if it was not put in place, and the old
        one."""
        self._discard_new()
        self._lookup.close()

    def _discard_new(self) -> None:
        if self._new is not None:
            temporary, connection = self._new
            self._new = None
            connection.close()
            with contextlib.suppress(OSError):
                temporary.unlink()

    def _copy_kept(self, connection: sqlite3.Connection, visited: Iterable[str]) -> None:
        """Copy from the old cache file into the new one the entries the run used, and
        those of claim files the run did not read that still exist; from an old file that
        cannot be read (damaged, or replaced meanwhile by another run's), what can be."""
        if not self.file.is_file():
            return
        execute = connection.execute
        execute("CREATE TEMP TABLE kept (key BLOB PRIMARY KEY, status BLOB) WITHOUT ROWID")
        execute("CREATE TEMP TABLE visited (path BLOB PRIMARY KEY) WITHOUT ROWID")
        connection.executemany("INSERT OR IGNORE INTO kept (key) VALUES (?)", _rows(self._used))
        connection.executemany("INSERT OR REPLACE INTO kept VALUES (?, ?)", self._restamped)
        connection.executemany(
            "INSERT OR IGNORE INTO visited VALUES (?)", _rows(map(_path_key, visited))
        )
        uri = f"{self.file.resolve().as_uri()}?mode=ro"
        try:
            execute("ATTACH DATABASE ? AS old", (uri,))
        except sqlite3.Error:
            return
        try:
            if execute("PRAGMA old.user_version").fetchone()[0] != LAYOUT:
                raise sqlite3.DatabaseError("a cache file of another layout")
            execute("BEGIN")
            others = execute(
                "SELECT key, path FROM old.entries WHERE path NOT IN (SELECT path FROM visited)"
            ).fetchall()
            connection.executemany(
                "INSERT OR IGNORE INTO kept (key) VALUES (?)",
                ((key,) for key, path in others if os.path.lexists(_path_text(path))),
            )
            execute(
                "INSERT OR IGNORE INTO entries SELECT e.key, e.path, e.slug, e.source, e.data, "
                "e.content, coalesce(kept.status, e.status) "
                "FROM old.entries AS e JOIN kept USING (key)"
            )
            # Sources and reference files not read again, that still exist.
            read = execute("SELECT path FROM old.files").fetchall()
            execute("CREATE TEMP TABLE read_kept (path BLOB PRIMARY KEY) WITHOUT ROWID")
            connection.executemany(
                "INSERT INTO read_kept VALUES (?)",
                ((path,) for (path,) in read if os.path.lexists(_path_text(path))),
            )
            execute(
                "INSERT OR IGNORE INTO files SELECT f.* FROM old.files AS f JOIN read_kept "
                "USING (path)"
            )
            execute("COMMIT")
        except sqlite3.Error:
            # The new entries are kept; those not copied are made again when their claims
            # are checked.
            if connection.in_transaction:
                execute("ROLLBACK")
        finally:
            execute("DETACH DATABASE old")

    def _writing(self) -> sqlite3.Connection:
        """The new cache file, made on first use in a new folder with its tag files."""
        if self._new is not None:
            return self._new[1]
        self._make_folder()
        handle, name = tempfile.mkstemp(dir=self.folder, prefix=".results.", suffix=".tmp")
        # mkstemp makes the file private (0600); the cache is as readable as other files.
        mask = os.umask(0o022)
        os.umask(mask)
        os.fchmod(handle, 0o666 & ~mask)
        os.close(handle)
        temporary = Path(name)
        try:
            # Opened by URI, so that ATTACH reads the old file by URI too (read-only).
            connection = sqlite3.connect(
                temporary.resolve().as_uri(), isolation_level=None, uri=True
            )
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute(f"PRAGMA user_version = {LAYOUT}")
            # A rowid table: its rows of a few kilobytes would make a WITHOUT ROWID table's
            # B-tree deep, and a look-up by key three times slower (measured).
            connection.execute(
                "CREATE TABLE entries (key BLOB PRIMARY KEY, path BLOB, slug TEXT, "
                "source BLOB, data BLOB, content BLOB, status BLOB)"
            )
            # A claim file whose status is unchanged is looked up by its path.
            connection.execute("CREATE INDEX entries_by_path ON entries (path, status)")
            connection.execute(
                "CREATE TABLE files (path BLOB PRIMARY KEY, status BLOB, text BLOB, "
                "text_status BLOB, reading BLOB, data BLOB)"
            )
            connection.execute("BEGIN")
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        self._new = (temporary, connection)
        return connection

    def _make_folder(self) -> None:
        """The cache folder, with a ``.gitignore`` that keeps it out of git and a
        ``CACHEDIR.TAG``."""
        self.folder.mkdir(parents=True, exist_ok=True)
        tags = ((".gitignore", "# Made by factcheck.\n*\n"), ("CACHEDIR.TAG", CACHEDIR_TAG))
        for name, text in tags:
            file = self.folder / name
            if not file.exists():
                file.write_text(text, encoding="utf-8")

    def _give_up(self, error: OSError | sqlite3.Error) -> None:
        """Stop writing the cache, noting why."""
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self.warning = f"cannot write the result cache in {self.folder}: {reason}"
        self._discard_new()
