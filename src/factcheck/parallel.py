"""Verifying a corpus of any size in memory that does not grow with it, on one core or on
all of them, with the report the in-memory engine (:func:`factcheck.engine.run`) builds.

``verify`` keeps the corpus and the results on disk (:mod:`factcheck.store`) and holds one
claim at a time:

1. It walks the given paths, noting the claim files and source files found, and reads the
   sources and reference facts into the store.
2. It reads and checks the claim files in chunks, here or in worker processes. A claim is
   checked as soon as it is read, with a context that knows its own claim, the sources and
   the reference facts; each result is stored with the claim's place in report order, and
   what other claims may ask of the claim (its id, its figure names, the figures its
   checks name) is stored beside it. A claim whose check names another claim's figure
   (``claim-id.figure``), or whose checks have problems (their messages suggest the names of
   the whole corpus), waits instead. With the result cache (:mod:`factcheck.cache`), a
   claim file whose entry the cache holds is not read and checked: the rows it gave when
   it was are added as they were. The main process takes the entries of files whose
   status is unchanged and hands only the others to workers, whose pool starts with the
   first of those: a run of unchanged files starts none.
3. With every claim read, it checks with the whole corpus at hand the claims that waited,
   and again those whose figures a check of another claim names or whose id another claim
   has too: rule FC301 asks whether any check of the corpus names a figure, and a claim
   read early could not know about a check read later. Each such claim is read again from
   its file (which must be as it was) and its result replaces the one stored.
4. The report's summary is added up from the counts stored with each result, and its
   results are read back from the store, in report order, whenever a reporter goes through
   them.

Workers hand back only rows for the store (the result of each claim already pickled), so
the main process does little per claim. The order of the report never depends on which
worker read which file: the store sorts the results into report order (source, id, file).
A progress bar shows both phases on a terminal (standard error only, never when piped or
under CI).
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.context import Context, figures_named
from factcheck.engine import (
    Settings,
    build_report,
    check_claim,
    is_internal_error,
    validate_checks,
)
from factcheck.load import (
    CLAIM,
    REFERENCE,
    SOURCE,
    Corpus,
    ReferenceFolders,
    load_claim,
    load_reference_files,
    load_sources,
    walk,
)
from factcheck.model import Claim, Figure, InputProblem, Location, Report
from factcheck.numbers import LexiconError, Reader
from factcheck.rules import all_rules
from factcheck.yamltree import InputError, read_yaml_bytes

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from rich.progress import Progress

    from factcheck.cache import Entry, ResultCache
    from factcheck.load import KeptReads
    from factcheck.store import Batch, CorpusTables, ResultTables

#: Claim files from which verify uses every core by default: below, starting workers costs
#: more than it saves.
PARALLEL_FROM = 2000
#: Cores from which verify uses them all by default. The main process stores what the
#: workers hand back, which costs a part of what a second core saves (measured with
#: benchmarks/run.py on 2 cores, docs/performance.md), so below this a corpus is checked in
#: one process unless --jobs asks otherwise.
PARALLEL_CORES = 4
#: Claim files from which a progress bar is shown on a terminal.
PROGRESS_FROM = 500
#: Claim files read and checked per task given to a worker.
CHUNK = 100
#: Claim files added to the store at a time while the corpus is walked.
_WALKED = 1000
#: prctl's option that asks for a signal when the parent ends (linux/prctl.h).
_PR_SET_PDEATHSIG = 1

# What the workers of a pool share, set once per worker by the pool's initializer (with the
# fork start method they inherit it without copying).
_shared: dict[str, Any] = {}


def jobs_for(requested: int, claim_files: int) -> int:
    """How many processes check a corpus: the number asked for, or with 0 every core for a
    corpus of at least PARALLEL_FROM claim files on a machine of at least PARALLEL_CORES
    cores, and one process otherwise."""
    if requested > 0:
        return requested
    cores = _cores()
    return cores if claim_files >= PARALLEL_FROM and cores >= PARALLEL_CORES else 1


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@contextmanager
def verify(
    paths: list[Path],
    reader: Reader,
    settings: Settings,
    jobs: int = 0,
    cache: ResultCache | None = None,
) -> Iterator[Report]:
    """Load and check every claim under ``paths`` with ``jobs`` processes (0: as
    :func:`jobs_for` decides) and give the report, the one :func:`factcheck.engine.run`
    builds; its results are read from a temporary store, which is removed when the block
    ends. With ``cache``, a claim file whose entry the cache holds is not read and checked
    again (:mod:`factcheck.cache`), and the cache is written anew when the report is read.

    Raises ReportDateError when ``SOURCE_DATE_EPOCH`` is set to something that is no date.
    """
    import tempfile

    from factcheck.store import CorpusTables, ResultTables, StoredResults

    with tempfile.TemporaryDirectory(prefix="factcheck-") as folder:
        tables = CorpusTables(Path(folder))
        results = ResultTables(Path(folder))
        try:
            digests = _digests(cache, reader, settings)
            problems = _read_corpus(paths, tables, reader, _kept_reads(cache, digests))
            claim_files = tables.claim_file_count()
            workers = min(jobs_for(jobs, claim_files), -(-claim_files // CHUNK))
            cached = _cached(cache, digests, tables)
            unchanged = _CacheLookups(*cached, tables) if cached else None
            with _progress(claim_files) as bar:

                def store(batch: Batch) -> None:
                    results.add(batch)
                    if cache is not None:
                        cache.add(batch.from_cache, _new_entries(batch), batch.restamped)
                    problems.extend(batch.problems)
                    bar.checking(len(batch.claims) + batch.unread)

                results.begin()
                shared = (Path(folder), reader, settings, cached)
                to_check = _to_check(_chunks(tables), unchanged, store)
                for batch in _map(workers, _check_files, to_check, shared, _prepare):
                    store(batch)
                if unchanged is not None:
                    unchanged.lookup.close()
                results.index()
                problems += _check_with_corpus(tables, results, reader, settings, bar)
                results.commit()
            report = build_report(
                StoredResults(results, tables.sources),
                problems,
                settings,
                reader,
                results.summary()[1:],
            )
            yield report
            if cache is not None:
                cache.finish(tables.claim_files())
        finally:
            if cache is not None:
                cache.close()
            results.close()
            tables.close()


def _digests(
    cache: ResultCache | None, reader: Reader, settings: Settings
) -> tuple[bytes, bytes] | None:
    """The digests of the tool and of the settings, with a result cache."""
    if cache is None:
        return None
    from factcheck.cache import settings_digest, tool_digest

    return tool_digest(), settings_digest(settings, reader)


def _kept_reads(cache: ResultCache | None, digests: tuple[bytes, bytes] | None) -> KeptReads | None:
    """The sources and reference files as the result cache keeps them."""
    if cache is None or digests is None:
        return None
    from factcheck.cache import KeptReads, reading_key

    return KeptReads(cache, reading_key(*digests))


def _cached(
    cache: ResultCache | None, digests: tuple[bytes, bytes] | None, tables: CorpusTables
) -> tuple[Path, bytes] | None:
    """What workers need to look entries up: the cache file and the run's key."""
    if cache is None or digests is None:
        return None
    from factcheck.cache import run_key

    return cache.file, run_key(*digests, tables)


def _read_corpus(
    paths: list[Path], tables: CorpusTables, reader: Reader, kept: KeptReads | None
) -> list[InputProblem]:
    """Walk ``paths`` into the store: note the claim files, read the sources and reference
    facts (those ``kept`` knows are not read again). The problems met."""
    problems: list[InputProblem] = []
    folders = ReferenceFolders()
    references: set[Path] = set()
    walked: list[Path] = []
    tables.begin()
    for kind, file, link in walk(paths, problems):
        if kind == CLAIM:
            walked.append(file)
            folders.add(file, link)
            if len(walked) >= _WALKED:
                tables.add_claim_files(walked)
                walked.clear()
        elif kind == SOURCE:
            tables.add_source_file(file)
        elif kind == REFERENCE:
            references.add(file)
    tables.add_claim_files(walked)
    corpus = Corpus(
        sources=tables.sources, references=tables.references, problems=problems, reader=reader
    )
    load_sources(tables.source_files(), corpus, kept)
    load_reference_files(folders.files(references), corpus, kept)
    tables.commit()
    return problems


def _chunks(tables: CorpusTables) -> Iterator[list[str]]:
    """The claim files in chunks of CHUNK."""
    chunk: list[str] = []
    for file in tables.claim_files():
        chunk.append(file)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _to_check(
    chunks: Iterable[list[str]], unchanged: _CacheLookups | None, store: Callable[[Batch], None]
) -> Iterator[list[str]]:
    """The claim files of ``chunks`` to read and check: with the result cache, the entries
    of files whose status is unchanged are stored here, without reading the files, and only
    the others are left to the workers (a run whose every file is unchanged starts none)."""
    from factcheck.store import Batch

    for chunk in chunks:
        if unchanged is None:
            yield chunk
            continue
        batch = Batch()
        rest = unchanged.take_unchanged(chunk, batch)
        store(batch)
        if rest:
            yield rest


def _map(
    workers: int,
    task: Callable[[Any], Any],
    chunks: Iterable[Any],
    shared: tuple[Any, ...],
    prepare: Callable[[Reader], None],
) -> Iterator[Any]:
    """``task`` over ``chunks``, results in order, here or in a pool of ``workers``
    processes that share ``shared`` (whose second item is the reader, with which
    ``prepare`` readies what workers share before the pool starts); a few chunks at a time
    are given out, so that neither the chunks nor the results pile up. The pool starts
    with the first chunk, so no chunk starts none."""
    if workers <= 1:
        _share(*shared)
        try:
            for chunk in chunks:
                yield task(chunk)
        finally:
            _shared.clear()
        return
    import gc
    import itertools
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunks = iter(chunks)
    first = next(chunks, None)
    if first is None:
        return
    prepare(shared[1])
    # Forked workers share this process's objects until they write to them; the collector
    # would write to every one it visits, so what exists now is set aside from it.
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=_start_method(),
            initializer=_start_worker,
            initargs=(os.getpid(), *shared),
        ) as pool:
            given: deque[Future[Any]] = deque()
            try:
                for chunk in itertools.chain([first], chunks):
                    given.append(pool.submit(task, chunk))
                    if len(given) >= 2 * workers:
                        yield given.popleft().result()
                while given:
                    yield given.popleft().result()
            except BrokenProcessPool:
                raise WorkerLost(WORKER_LOST) from None
            finally:
                # Stopped early (an error, a signal): the chunks not started are dropped.
                pool.shutdown(cancel_futures=True)
    finally:
        gc.unfreeze()


#: What a run whose worker process ended before it finished says.
WORKER_LOST = (
    "a worker process ended before it finished its claims (killed, or out of memory?); "
    "run verify again, with fewer --jobs if memory is short"
)


class WorkerLost(Exception):
    """A worker process ended before it finished: killed, or out of memory."""


def _prepare(reader: Reader) -> None:
    """Build here what every worker needs, the lexicons of the sources' languages and the
    rules, so forked workers share them instead of each building its own."""
    from factcheck.load import LANGUAGES

    for lang in LANGUAGES:
        try:
            reader.lexicon(lang)
        except LexiconError:
            continue  # reported where the first figure is read
    all_rules()


def _start_method() -> BaseContext:
    import multiprocessing

    # Forking hands the workers this process's state without copying it; elsewhere the
    # platform's default start method pickles it to each worker.
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _share(*shared: Any) -> None:
    _shared["state"] = shared


def _start_worker(parent: int, *shared: Any) -> None:
    """Ready a worker process of the process ``parent``: what the pool's processes share,
    SIGTERM's default action, and an end with its parent.

    A forked worker inherits the handler by which the command line turns SIGTERM into an
    exception; a worker would hand that exception back instead of ending, and when a worker
    was killed, the pool, which ends the others with SIGTERM, would wait for them forever.
    """
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _end_with(parent)
    _share(*shared)


def _end_with(parent: int) -> None:
    """On Linux, have the kernel end this process when its parent ``parent`` ends, even by
    SIGKILL, which leaves the parent no time to stop its pool: an idle worker would wait for
    a task forever."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it ended before the request was made
        os._exit(1)


def _worker_tables() -> CorpusTables:
    """This process's own connection to the corpus database, opened on first use (a forked
    worker must not use the connection of the process it was forked from)."""
    from factcheck.store import CorpusTables

    folder = _shared["state"][0]
    opened = _shared.get("tables")
    if opened is None or opened[0] != os.getpid():
        opened = (os.getpid(), CorpusTables(folder, read_only=True))
        _shared["tables"] = opened
    tables: CorpusTables = opened[1]
    return tables


def _check_files(files: list[str]) -> Batch:
    """Read and check claim files, each claim with a context of its own claim, the sources
    and the reference facts; a claim that needs more of the corpus waits (see the module's
    description). What the store keeps of each, and the problems met."""
    import hashlib

    from factcheck.store import Batch, claim_row, key, result_row

    _, reader, settings, cached = _shared["state"]
    tables = _worker_tables()
    cache = _worker_cache(tables) if cached else None
    batch = Batch()
    for name in files:
        path = Path(name)
        # The status before the bytes: a change made while the file is read makes the
        # status kept with the entry out of date, never the other way round.
        status = cache.status(name) if cache is not None else None
        try:
            data = read_yaml_bytes(path)
        except InputError as error:
            batch.problems.append(InputProblem(error.location, error.message))
            batch.unread += 1
            continue
        digest = hashlib.blake2b(data, digest_size=16).digest()
        if cache is not None:
            entry = cache.key(name, digest)
            if cache.take(entry, batch, status):
                continue
            marks = batch.marks()
        errors: list[InputError] = []
        claim = load_claim(path, tables.sources, errors, reader, data)
        batch.problems += [InputProblem(error.location, error.message) for error in errors]
        if claim is None:
            batch.unread += 1
            continue
        batch.named += [
            (key(target), figure, key(claim.id), key(claim.location.path))
            for target, figure in set(figures_named(claim))
        ]
        context = ClaimContext(claim, tables, reader)
        check_problems = validate_checks(claim, context)
        waits = bool(check_problems) or context.needs_corpus
        if not waits:
            result, claim_problems = check_claim(claim, context, settings, check_problems)
            waits = context.needs_corpus
        batch.claims.append(claim_row(claim, digest, waits))
        if not waits:
            batch.results.append(result_row(claim, result.findings, result.verdict))
            batch.problems += claim_problems
        if cache is not None:
            cache.keep(entry, name, claim.source_slug, batch, marks, digest, status)
    return batch


class _CacheLookups:
    """A process's look-ups in the result cache while it checks claim files: an entry
    found is added to the batch as if the file had been checked; what checking a file gave
    is handed back as a new entry."""

    def __init__(self, file: Path, run: bytes, tables: CorpusTables) -> None:
        from factcheck.cache import Lookup, SourceDigests, file_status

        self.lookup = Lookup(file)
        self.run = run
        self.sources = SourceDigests(tables)
        self.status = file_status

    def key(self, path: str, content: bytes) -> bytes:
        """The key of the entry of a claim file whose bytes have the digest ``content``."""
        from factcheck.cache import entry_key

        return entry_key(self.run, path, content)

    def take_unchanged(self, files: list[str], batch: Batch) -> list[str]:
        """Add to ``batch`` the entries of the claim files ``files`` that kept the files'
        present status (so those files need not be read); the other files."""
        statuses = [(path, self.status(path)) for path in files]
        found = self.lookup.find_unchanged(
            self.run, [(path, status) for path, status in statuses if status], self.sources
        )
        rest = []
        for path in files:
            entry = found.get(path)
            if entry is None or not self._add(*entry, batch):
                rest.append(path)
        return rest

    def take(self, key: bytes, batch: Batch, status: bytes | None) -> bool:
        """Add the entry of ``key`` to ``batch``, if the cache holds it (and its source is
        as it was); the file's status ``status`` is kept with the entry from now on."""
        found = self.lookup.find(key, self.sources)
        if found is None or not self._add(key, found, batch):
            return False
        if status is not None:
            batch.restamped.append((key, status))
        return True

    def _add(self, key: bytes, data: bytes, batch: Batch) -> bool:
        from factcheck.cache import unpack

        try:
            claims, named, results, problems = unpack(data)
        except ValueError:
            return False
        batch.claims += claims
        batch.named += named
        batch.results += results
        batch.problems += problems
        batch.from_cache.append(key)
        return True

    def keep(
        self,
        key: bytes,
        path: str,
        slug: str,
        batch: Batch,
        marks: tuple[int, ...],
        content: bytes,
        status: bytes | None,
    ) -> None:
        """Hand back as a new entry what checking the file ``path`` (whose bytes have the
        digest ``content`` and whose status was ``status``) added to ``batch`` since
        ``marks``: where in the batch its rows lie, packed where the batch arrives
        (:func:`_new_entries`), so that a worker does not hand each row back twice."""
        from factcheck.store import key as stored_path

        if any(is_internal_error(problem) for problem in batch.problems[marks[3] :]):
            # A rule that stopped on the claim may not stop next time (memory ran out, a
            # bug fixed in a copy that keeps the tool's digest): check the claim again.
            return
        spans = (*marks, *batch.marks())
        entry = (key, stored_path(path), slug, self.sources(slug), spans, content, status)
        batch.to_cache.append(entry)


def _new_entries(batch: Batch) -> Iterator[Entry]:
    """The new entries of the result cache a batch brings, each packed from the batch's
    rows it holds."""
    from factcheck.cache import pack

    for key, path, slug, source, spans, content, status in batch.to_cache:
        claims, named, results, problems, claims_end, named_end, results_end, problems_end = spans
        data = pack(
            batch.claims[claims:claims_end],
            batch.named[named:named_end],
            batch.results[results:results_end],
            batch.problems[problems:problems_end],
        )
        yield key, path, slug, source, data, content, status


def _worker_cache(tables: CorpusTables) -> _CacheLookups:
    """This process's look-ups in the result cache, made on first use."""
    file, run = _shared["state"][3]
    made = _shared.get("cache")
    if made is None or made[0] != os.getpid():
        made = (os.getpid(), _CacheLookups(file, run, tables))
        _shared["cache"] = made
    cache: _CacheLookups = made[1]
    return cache


def _check_with_corpus(
    tables: CorpusTables, results: ResultTables, reader: Reader, settings: Settings, bar: _Quiet
) -> list[InputProblem]:
    """Check, with the whole corpus at hand, the claims that waited for it and those whose
    result depends on other claims' checks; the problems met (those with a waiting claim's
    checks and suppressions; a claim checked again had its problems reported already)."""
    context = CorpusContext(tables, results, reader)
    problems: list[InputProblem] = []
    pending = results.pending()
    bar.start_corpus(len(pending))
    for file, digest, checked in pending:
        claim = context.claim_in(file, digest)
        if claim is not None:
            result, claim_problems = check_claim(claim, context, settings)
            results.replace(result)
            if not checked:
                problems += claim_problems
        bar.corpus(1)
    return problems + context.changed


class ClaimContext(Context):
    """What a claim may look up while the corpus is still being read: the sources, the
    reference facts and its own figures. Asked for another claim's figure, or for every
    name of the corpus, it answers none and notes that the claim must wait for the whole
    corpus; whether a figure is named by a check is answered by the claim's own checks
    (claims whose figures other checks name are checked again)."""

    def __init__(self, claim: Claim, tables: CorpusTables, reader: Reader) -> None:
        super().__init__(tables.sources, {}, reader, tables.references)
        self._claim = claim
        self._own: set[tuple[str, str]] | None = None
        #: Whether the claim looked up something of other claims.
        self.needs_corpus = False

    def other_figure(self, claim_id: str, figure_name: str) -> Figure | None:
        """None, noting that the claim waits for the corpus; a name that is no figure name
        cannot name a figure of any claim (``13.4`` is a value)."""
        from factcheck.load import FIGURE_NAME

        if FIGURE_NAME.fullmatch(figure_name):
            self.needs_corpus = True
        return None

    def figure_named(self, claim_id: str, figure_name: str) -> bool:
        """Whether a check of the claim names the figure."""
        if self._own is None:
            self._own = set(figures_named(self._claim))
        return (claim_id, figure_name) in self._own

    def figure_names(self, claim: Claim) -> Iterable[str]:
        """The claim's own names, noting that the claim waits for the corpus."""
        self.needs_corpus = True
        return list(claim.figures)


class CorpusContext(Context):
    """The whole corpus, looked up in the store: another claim's figure is read from its
    file again (which must be as it was when the corpus was read)."""

    def __init__(self, tables: CorpusTables, results: ResultTables, reader: Reader) -> None:
        super().__init__(tables.sources, {}, reader, tables.references)
        self._tables = tables
        self._results = results
        self._claims: dict[str, Claim | None] = {}
        #: Problems of files that changed while the corpus was read.
        self.changed: list[InputProblem] = []

    def claim_in(self, file: str, digest: bytes) -> Claim | None:
        """The claim of ``file``, read again; the file must hold what it held when it was
        first read (if not, a problem says so, and the claim as it is now is checked)."""
        import hashlib

        from factcheck.store import CACHED

        if file in self._claims:
            return self._claims[file]
        path = Path(file)
        try:
            data = read_yaml_bytes(path)
        except InputError:
            data = b""
        if hashlib.blake2b(data, digest_size=16).digest() != digest:
            self.changed.append(
                InputProblem(
                    Location(file),
                    "the file changed while verify read the corpus; run verify again",
                )
            )
        claim = load_claim(path, self._tables.sources, [], self.reader, data) if data else None
        self._claims[file] = claim
        if len(self._claims) > CACHED:
            del self._claims[next(iter(self._claims))]
        return claim

    def other_figure(self, claim_id: str, figure_name: str) -> Figure | None:
        """The figure of the claim the id stands for, read from its file."""
        found = self._results.claim_file(claim_id)
        other = self.claim_in(*found) if found else None
        return other.figures.get(figure_name) if other else None

    def figure_named(self, claim_id: str, figure_name: str) -> bool:
        """Whether a check of the corpus names the figure, as the store knows."""
        return self._results.named(claim_id, figure_name)

    def figure_names(self, claim: Claim) -> Iterable[str]:
        """Every name a check in ``claim`` may use, read from the store each time it is
        gone through."""
        return _Names(claim, self._results, self.references)


class _Names:
    """The names :meth:`Context.figure_names` lists, read from the store at each pass."""

    def __init__(self, claim: Claim, results: ResultTables, references: Any) -> None:
        self._claim = claim
        self._results = results
        self._references = references

    def __iter__(self) -> Iterator[str]:
        from factcheck.context import REFERENCE_PREFIX

        yield from self._claim.figures
        for claim_id, names in self._results.figure_names():
            if claim_id != self._claim.id:
                yield from (f"{claim_id}.{name}" for name in names)
        yield from (f"{REFERENCE_PREFIX}{name}" for name in self._references)


class _Quiet:
    """No progress bar: every call does nothing."""

    def checking(self, count: int) -> None:
        """Count claim files read and checked."""

    def start_corpus(self, claims: int) -> None:
        """Say how many claims are checked with the whole corpus."""

    def corpus(self, count: int) -> None:
        """Count claims checked with the whole corpus."""


class _Bar(_Quiet):
    """A progress bar of reading and checking on standard error."""

    def __init__(self, progress: Progress, claim_files: int) -> None:
        self.progress = progress
        self.read = progress.add_task("reading and checking claims", total=claim_files)
        self.across = progress.add_task("checking across claims", total=None, start=False)

    def checking(self, count: int) -> None:
        """Count claim files read and checked."""
        self.progress.advance(self.read, count)
        self.progress.refresh()

    def start_corpus(self, claims: int) -> None:
        """Say how many claims are checked with the whole corpus."""
        self.progress.update(self.across, total=claims)
        self.progress.start_task(self.across)
        self.progress.refresh()

    def corpus(self, count: int) -> None:
        """Count claims checked with the whole corpus."""
        self.progress.advance(self.across, count)
        self.progress.refresh()


@contextmanager
def _progress(claim_files: int) -> Iterator[_Quiet]:
    """A progress bar of reading and checking, shown only on a terminal (standard error),
    outside CI, for a corpus of PROGRESS_FROM claim files or more."""
    shown = (
        claim_files >= PROGRESS_FROM
        and sys.stderr.isatty()
        and not os.environ.get("CI")
        and not os.environ.get("GITHUB_ACTIONS")
    )
    if not shown:
        yield _Quiet()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    # No refresh thread: a thread running while workers are forked could hold a lock.
    progress = Progress(
        "{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        auto_refresh=False,
        transient=True,
    )
    with progress:
        yield _Bar(progress, claim_files)
