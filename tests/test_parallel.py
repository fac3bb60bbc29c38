"""verify on several cores writes the report one process writes, claim for claim."""

from __future__ import annotations

import dataclasses
import gc
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import PROJECT

from factcheck import parallel, store
from factcheck.engine import Settings, run
from factcheck.load import load_corpus
from factcheck.model import Claim, Outcome
from factcheck.numbers import Reader


def _make_corpus():
    spec = importlib.util.spec_from_file_location(
        "make_corpus", PROJECT / "benchmarks" / "make_corpus.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A generated corpus with planted failures, a check naming another claim's figure, a
    misspelt figure name and a file that is not YAML."""
    make_corpus = _make_corpus()
    folder = tmp_path_factory.mktemp("parallel") / "claims"
    make_corpus.write(make_corpus.generate(130, seed=5, failure_every=9), folder)
    sums = sorted(path.stem for path in folder.glob("*/*-sum.yaml"))
    later = sorted(folder.iterdir())[-1]  # another source than the first sum's, in another chunk
    (later / "cross-claim.yaml").write_text(
        "id: cross-claim\n"
        f"source: {later.name}\n"
        "claim: Half of another programme's total.\n"
        "checks:\n"
        f'  - derived: "{sums[0]}.total / 2"\n'
        f'    expected: "{sums[0]}.total"\n',
        encoding="utf-8",
    )
    (later / "misspelt.yaml").write_text(
        "id: misspelt\n"
        f"source: {later.name}\n"
        "claim: Parts of another programme.\n"
        "checks:\n"
        f"  - sum: [{sums[0]}.part_1, {sums[0]}.part_2]\n"
        f"    equals: {sums[0]}.totl\n",
        encoding="utf-8",
    )
    (later / "broken.yaml").write_text("id: broken\nclaim: [unclosed\n", encoding="utf-8")
    _add_claims_across_the_corpus(folder / sums[0].rsplit("-", 2)[0] / f"{sums[0]}.yaml", later)
    return folder


def _add_claims_across_the_corpus(sum_file: Path, later: Path) -> None:
    """Claims whose results depend on other claims: a figure only a later claim's check
    names (with a suppression of FC301 that this makes unused), a claim id given twice, a
    check naming its own claim by id, a claim of another folder's source, an unknown source
    and reference fact, and a value with a dot that names no figure."""
    first = sum_file.parent
    text = sum_file.read_text(encoding="utf-8")
    head, _, _ = text.partition("checks:\n")
    slug = first.name

    def write(folder: Path, claim_id: str, body: str, checks: str, source: str = "") -> None:
        lines = [f"id: {claim_id}" if line.startswith("id:") else line for line in body.split("\n")]
        if source:
            lines = [f"source: {source}" if line.startswith("source:") else line for line in lines]
        (folder / f"{claim_id}.yaml").write_text("\n".join(lines) + checks, encoding="utf-8")

    suppressed = head.replace(
        "  part_2:\n",
        "  part_2:\n    suppress:\n      - rule: FC301\n        reason: another claim names it\n",
    )
    write(first, "lonely", suppressed, 'checks:\n  - compare: "part_1 <= total"\n')
    write(later, "uses-lonely", head, 'checks:\n  - compare: "lonely.part_2 <= lonely.total"\n')
    write(first, "dup", head, 'checks:\n  - compare: "part_1 <= total"\n')
    only_total = head.partition("  part_1:")[0]
    write(later, "dup", only_total, "", source=slug)
    write(later, "uses-dup", head, 'checks:\n  - compare: "dup.total >= dup.part_1"\n')
    write(first, "selfq", head, 'checks:\n  - compare: "selfq.part_1 <= selfq.total"\n')
    write(later, "elsewhere", head, 'checks:\n  - compare: "part_1 <= total"\n', source=slug)
    write(later, "nosource", head, "", source=slug[:-1])
    write(first, "badref", head, "checks:\n  - reference: total\n    equals: ref:populaton\n")
    write(first, "decimal", head, 'checks:\n  - derived: "total / 2"\n    expected: "9.45"\n')


def _without_time(report):
    """The report with its results in a tuple, without its date."""
    return dataclasses.replace(report, generated="", results=tuple(report.results))


def test_every_job_count_gives_the_single_process_report(corpus: Path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK", 17)  # many chunks, so workers share the work
    reference = _without_time(run(load_corpus([corpus], Reader()), Settings()))
    assert reference.summary.failed > 0 and reference.problems  # the run is not trivial
    assert any("did you mean" in problem.message for problem in reference.problems)
    lonely = next(r for r in reference.results if r.claim.id == "lonely")
    # Only a claim read later names lonely.part_2: FC301 holds, so its suppression is unused.
    assert {f.code for f in lonely.findings if f.outcome is not Outcome.PASS} >= {"FC901"}
    assert not any(f.code == "FC301" and "'part_2'" in f.message for f in lonely.findings)
    assert any("'dup.part_1'" in problem.message for problem in reference.problems)
    for jobs in (1, 2, 3):
        with parallel.verify([corpus], Reader(), Settings(), jobs) as report:
            assert _without_time(report) == reference, f"--jobs {jobs}"


def test_a_figure_of_a_claim_read_by_another_worker_is_found(corpus: Path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK", 5)
    with parallel.verify([corpus], Reader(), Settings(), 2) as report:
        cross = next(r for r in report.results if r.claim.id == "cross-claim")
    (derived,) = [f for f in cross.findings if f.code == "FC106"]
    assert derived.outcome.value == "fail"  # half the total is not the total
    misspelt = [p.message for p in report.problems if ".totl'" in p.message]
    assert misspelt and "did you mean" in misspelt[0] and ".total'" in misspelt[0]


def test_the_cli_writes_the_same_report_for_one_and_two_jobs(corpus: Path, factcheck):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    one = factcheck("verify", "-j", "1", "--format", "json", corpus, env=env)
    two = factcheck("verify", "--jobs", "2", "--format", "json", corpus, env=env)
    assert one.code == two.code == 2
    assert one.err == two.err
    assert one.out == two.out
    report = json.loads(one.out)
    assert len(report["claims"]) == 142
    assert any(claim["id"] == "cross-claim" for claim in report["claims"])


def test_jobs_must_not_be_negative(factcheck):
    result = factcheck("verify", "--jobs", "-1")
    assert result.code == 2
    assert "--jobs" in result.err


def test_large_corpora_use_every_core_by_default_and_small_ones_one(monkeypatch):
    monkeypatch.setattr(parallel, "_cores", lambda: 8)
    assert parallel.jobs_for(0, parallel.PARALLEL_FROM - 1) == 1
    assert parallel.jobs_for(0, parallel.PARALLEL_FROM) == 8
    assert parallel.jobs_for(3, 5) == 3
    monkeypatch.setattr(parallel, "_cores", lambda: 2)  # too few cores to gain by default
    assert parallel.jobs_for(0, parallel.PARALLEL_FROM) == 1
    assert parallel.jobs_for(2, parallel.PARALLEL_FROM) == 2


class _Terminal:
    """Standard error as a terminal would be: isatty() is true, the text is kept."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        """Nothing is buffered."""

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        raise OSError("not a real terminal")


def test_a_terminal_shows_progress_and_ci_or_a_pipe_does_not(corpus: Path, monkeypatch):
    monkeypatch.setattr(parallel, "PROGRESS_FROM", 10)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with parallel.verify([corpus], Reader(), Settings(), 1):
        pass
    assert "reading and checking claims" in terminal.text
    assert "checking across claims" in terminal.text
    monkeypatch.setenv("CI", "true")
    terminal.text = ""
    with parallel.verify([corpus], Reader(), Settings(), 1):
        pass
    assert terminal.text == ""
    monkeypatch.delenv("CI")
    monkeypatch.setattr(parallel, "PROGRESS_FROM", 10_000)  # a small corpus: no bar
    with parallel.verify([corpus], Reader(), Settings(), 1):
        pass
    assert terminal.text == ""


def _live_claims() -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, Claim))


def test_verify_holds_no_claim_beyond_a_few_it_caches(tmp_path: Path, monkeypatch):
    """Memory does not grow with the corpus: of 2,000 claims, verify keeps none once they
    are checked, and reading the results back holds one at a time."""
    make_corpus = _make_corpus()
    folder = tmp_path / "claims"
    make_corpus.write(make_corpus.generate(2000, seed=2), folder)
    seen = []
    check_files = parallel._check_files

    def counting(files):
        batch = check_files(files)
        seen.append(_live_claims())
        return batch

    monkeypatch.setattr(parallel, "_check_files", counting)
    before = _live_claims()
    with parallel.verify([folder], Reader(), Settings(), 1) as report:
        assert report.summary.claims == 2000
        assert max(seen) - before <= store.CACHED  # while claims are read and checked
        assert _live_claims() - before <= store.CACHED  # once the report is built
        for count, result in enumerate(report.results):
            if count % 500 == 0:
                assert _live_claims() - before <= store.CACHED + 1
            del result


def test_the_store_is_removed_when_verify_ends(corpus: Path, monkeypatch, tmp_path: Path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with parallel.verify([corpus], Reader(), Settings(), 1) as report:
        (folder,) = tmp_path.iterdir()
        assert folder.name.startswith("factcheck-")
        assert len(report.results) == 142
    assert list(tmp_path.iterdir()) == []


def test_a_claim_file_changed_while_verify_reads_the_corpus_is_a_problem(
    corpus: Path, monkeypatch, tmp_path: Path
):
    """cross-claim names a figure of a sum claim, which is read again once the corpus is
    read: if its file changed meanwhile, the report says so instead of mixing two states."""
    copy = tmp_path / "claims"
    shutil.copytree(corpus, copy)
    named = next(copy.glob("*/lonely.yaml"))
    check_with_corpus = parallel._check_with_corpus

    def changing(*args):
        named.write_text(named.read_text(encoding="utf-8") + "note: changed\n", encoding="utf-8")
        return check_with_corpus(*args)

    monkeypatch.setattr(parallel, "_check_with_corpus", changing)
    with parallel.verify([copy], Reader(), Settings(), 1) as report:
        messages = [str(problem) for problem in report.problems]
    assert f"{named}: the file changed while verify read the corpus; run verify again" in messages


def test_verify_terminated_removes_its_store(tmp_path: Path):
    """A SIGTERM (a CI job cancelled, a kill) ends verify with exit code 143 and leaves no
    temporary store behind."""
    import signal
    import subprocess
    import time

    make_corpus = _make_corpus()
    folder = tmp_path / "claims"
    make_corpus.write(make_corpus.generate(2000, seed=4), folder)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**os.environ, "TMPDIR": str(temporary)}
    process = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "verify", "--jobs", "1", str(folder)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(6000):  # wait until the store exists: verify is under way
        if list(temporary.glob("factcheck-*/results.sqlite")) or process.poll() is not None:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 143, err
    assert b"Traceback" not in err
    assert list(temporary.iterdir()) == []


def test_verify_never_goes_through_a_whole_table_per_claim(corpus: Path, monkeypatch):
    """Each claim looks up its source and reference facts by name: counting or listing a
    table for every claim would make verify's time grow with the square of the corpus."""
    whole_table_reads = []
    for method in ("__len__", "__iter__"):
        original = getattr(store.Table, method)

        def counted(table, original=original, method=method):
            whole_table_reads.append(method)
            return original(table)

        monkeypatch.setattr(store.Table, method, counted)
    with parallel.verify([corpus], Reader(), Settings(), 1) as report:
        assert report.summary.claims == 142
    assert len(whole_table_reads) < 10, whole_table_reads


def _dies_or_answers(chunk: list[str]) -> bytes:
    """A task for workers: "die" kills its worker, "late" answers with more than a pipe
    holds, after the other worker died."""
    import signal
    import time

    if chunk == ["die"]:
        time.sleep(0.3)
        os.kill(os.getpid(), signal.SIGKILL)
    if chunk == ["late"]:
        time.sleep(1.5)
        return b"x" * 2_000_000
    return b"x"


def test_a_worker_killed_ends_the_run_with_one_error_not_a_hang():
    # The OOM killer picks the largest process, often a worker. The pool then ends the
    # other worker with SIGTERM, which the command line turns into an exception (for its
    # clean-up) that a worker would hand back, stuck on a result no one reads any more.
    import multiprocessing
    import signal
    import threading

    from factcheck import parallel

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)  # as the command line's verify does
    outcome: list[BaseException | None] = []

    def run() -> None:
        chunks = [["die"], ["late"], ["late"], ["fast"]]
        try:
            list(parallel._map(2, _dies_or_answers, chunks, (None, None), lambda reader: None))
            outcome.append(None)
        except BaseException as error:  # handed to the test's thread
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        thread.join(60)
    finally:
        signal.signal(signal.SIGTERM, previous)
        hung = thread.is_alive()
        if hung:  # so that the test run itself does not wait for them
            for worker in multiprocessing.active_children():
                worker.kill()
    assert not hung, "verify hung after a worker was killed"
    assert isinstance(outcome[0], parallel.WorkerLost)
    assert str(outcome[0]) == parallel.WORKER_LOST


_WAITING_WORKERS = """
import os, sys, time
from factcheck import parallel

def task(chunk):
    open(os.path.join(sys.argv[1], str(os.getpid())), "w").close()
    time.sleep(60)

for _ in parallel._map(2, task, [["a"], ["b"]], (None, None), lambda reader: None):
    pass
"""


def _ended(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as status:
            return any(line.split()[1] == "Z" for line in status if line.startswith("State:"))
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's PR_SET_PDEATHSIG")
def test_workers_end_when_verify_is_killed(tmp_path: Path):
    # SIGKILL (the OOM killer, a CI job's kill -9) leaves verify no time to stop its pool.
    import signal
    import subprocess
    import time

    verify = subprocess.Popen([sys.executable, "-c", _WAITING_WORKERS, str(tmp_path)])
    try:
        for _ in range(200):
            if len(list(tmp_path.iterdir())) == 2:
                break
            time.sleep(0.1)
        workers = [int(file.name) for file in tmp_path.iterdir()]
        assert len(workers) == 2, "the workers did not start"
    finally:
        verify.send_signal(signal.SIGKILL)
        verify.wait()
    for _ in range(100):
        if all(_ended(pid) for pid in workers):
            break
        time.sleep(0.1)
    left = [pid for pid in workers if not _ended(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], "workers outlived verify"
