"""Verifying a corpus in chunks, on one core or on all of them, with the report one process
would write.

``verify`` reads claim files and checks claims in chunks. With one job the chunks run in
this process; with more, pools of worker processes run them:

1. Workers read chunks of claim files (YAML, figures) into claims and hand them back, in
   file order, with the problems met.
2. This process then holds the whole corpus, as a single run does. A check may name a
   figure of any other claim (``claim-id.figure``) and a rule may look at any claim, so
   checking starts only when every claim is read. A second pool, started from that state,
   checks chunks of claims with the whole corpus at hand and hands back each claim's
   findings.
3. The findings are put together in report order (source, id, file), and the report is
   built by the engine's own :func:`~factcheck.engine.build_report`, so it is the report
   :func:`~factcheck.engine.run` builds.

The trade-off: every claim is read before any is checked, and each claim travels from a
worker to this process once; in exchange no rule needs to know that it runs in a chunk, and
names of other claims' figures resolve as in a single run. A progress bar shows both phases
on a terminal (standard error only, never when piped or under CI).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.engine import Settings, build_report, check_claim, claim_order, corpus_context
from factcheck.load import Corpus, discover, load_claim, load_references_of, load_sources
from factcheck.model import Claim, ClaimResult, Finding, InputProblem, Report, Source, Verdict
from factcheck.numbers import LexiconError, Reader
from factcheck.rules import all_rules
from factcheck.yamltree import InputError

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from rich.progress import Progress

#: Claim files from which verify uses every core by default: below, starting workers costs
#: more than it saves.
PARALLEL_FROM = 2000
#: Cores from which verify uses them all by default. Handing claims and findings from the
#: workers to the main process costs about as much as a second core saves (measured with
#: benchmarks/run.py on 2 cores, docs/performance.md), so below this a corpus is checked in
#: one process unless --jobs asks otherwise.
PARALLEL_CORES = 4
#: Claim files from which a progress bar is shown on a terminal.
PROGRESS_FROM = 500
#: Claim files read, or claims checked, per task given to a worker.
CHUNK = 100

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


def verify(paths: list[Path], reader: Reader, settings: Settings, jobs: int = 0) -> Report:
    """Load and check every claim under ``paths`` with ``jobs`` processes (0: as
    :func:`jobs_for` decides); the report is the one :func:`factcheck.engine.run` builds."""
    source_files, claim_files, problems = discover(paths)
    corpus = Corpus(problems=problems, reader=reader)
    load_sources(source_files, corpus)
    load_references_of(paths, claim_files, corpus)
    workers = jobs_for(jobs, len(claim_files))
    if workers > 1:
        _prepare(reader, corpus.sources)
    with _progress(len(claim_files)) as bar:
        files = [claim_files[at : at + CHUNK] for at in range(0, len(claim_files), CHUNK)]
        shared: tuple[Any, ...] = (corpus.sources, reader)
        for claims, load_problems in _map(workers, _read_chunk, files, shared, bar.reading):
            corpus.claims += claims
            corpus.problems += load_problems
        ordered = sorted(corpus.claims, key=claim_order)
        context = corpus_context(corpus, ordered)
        bar.start_checking(len(ordered))
        spans = [range(at, min(at + CHUNK, len(ordered))) for at in range(0, len(ordered), CHUNK)]
        shared = (ordered, context, settings)
        checked = [
            one for part in _map(workers, _check_span, spans, shared, bar.checking) for one in part
        ]
    results = []
    every_problem = list(corpus.problems)
    for claim, (findings, verdict, claim_problems) in zip(ordered, checked, strict=True):
        results.append(ClaimResult(claim, context.source(claim), findings, verdict))
        every_problem += claim_problems
    return build_report(results, every_problem, settings, reader)


def _map(
    workers: int,
    task: Callable[[Any], Any],
    chunks: Sequence[Sequence[Any]],
    shared: tuple[Any, ...],
    done: Callable[[int], None],
) -> Iterator[Any]:
    """``task`` over ``chunks``, results in order, here or in a pool of ``workers``
    processes that share ``shared``; tells ``done`` the size of each chunk finished."""
    if workers <= 1 or len(chunks) <= 1:
        _share(*shared)
        try:
            for chunk in chunks:
                yield task(chunk)
                done(len(chunk))
        finally:
            _shared.clear()
        return
    import gc
    from concurrent.futures import ProcessPoolExecutor

    # Forked workers share this process's objects until they write to them; the collector
    # would write to every one it visits, so what exists now is set aside from it.
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=min(workers, len(chunks)),
            mp_context=_start_method(),
            initializer=_share,
            initargs=shared,
        ) as pool:
            for chunk, result in zip(chunks, pool.map(task, chunks), strict=True):
                yield result
                done(len(chunk))
    finally:
        gc.unfreeze()


def _prepare(reader: Reader, sources: dict[str, Source]) -> None:
    """Build here what every worker needs, the lexicons of the sources' languages and the
    rules, so forked workers share them instead of each building its own."""
    for lang in sorted({source.language for source in sources.values()}):
        try:
            reader.lexicon(lang)
        except LexiconError:
            continue  # reported where the first figure is read
    all_rules()


def _start_method() -> BaseContext:
    import multiprocessing

    # Forking hands the workers this process's corpus without copying it; elsewhere the
    # platform's default start method pickles it to each worker.
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _share(*shared: Any) -> None:
    _shared["state"] = shared


def _read_chunk(files: list[Path]) -> tuple[list[Claim], list[InputProblem]]:
    """Read claim files into claims, in file order, with the problems met."""
    sources: dict[str, Source]
    sources, reader = _shared["state"]
    claims = []
    problems = []
    for file in files:
        errors: list[InputError] = []
        claim = load_claim(file, sources, errors, reader)
        problems += [InputProblem(error.location, error.message) for error in errors]
        if claim is not None:
            claims.append(claim)
    return claims, problems


def _check_span(span: range) -> list[tuple[tuple[Finding, ...], Verdict, list[InputProblem]]]:
    """Check the claims at the indexes ``span`` of the report order: each one's findings,
    verdict and problems (the claim itself stays with the caller, which has it)."""
    ordered, context, settings = _shared["state"]
    checked = []
    for claim in ordered[span.start : span.stop]:
        result, problems = check_claim(claim, context, settings)
        checked.append((result.findings, result.verdict, problems))
    return checked


class _Quiet:
    """No progress bar: every call does nothing."""

    def reading(self, count: int) -> None:
        """Count claim files read."""

    def start_checking(self, claims: int) -> None:
        """Say how many claims are to be checked."""

    def checking(self, count: int) -> None:
        """Count claims checked."""


class _Bar(_Quiet):
    """A progress bar of reading and checking on standard error."""

    def __init__(self, progress: Progress, claim_files: int) -> None:
        self.progress = progress
        self.read = progress.add_task("reading claims ", total=claim_files)
        self.check = progress.add_task("checking claims", total=None, start=False)

    def reading(self, count: int) -> None:
        """Count claim files read."""
        self.progress.advance(self.read, count)
        self.progress.refresh()

    def start_checking(self, claims: int) -> None:
        """Say how many claims are to be checked."""
        self.progress.update(self.check, total=claims)
        self.progress.start_task(self.check)
        self.progress.refresh()

    def checking(self, count: int) -> None:
        """Count claims checked."""
        self.progress.advance(self.check, count)
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
