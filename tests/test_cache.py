"""verify's result cache: a warm run reports what a cold run reports, byte for byte, and
anything a result depends on (the claim file, its source's text, a reference fact, the
configuration, the tool itself, another claim a check names) makes the claims it touches
be checked again; a cache that cannot be read or written never fails a run."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import CORPUS, PROJECT, SOURCE_SLUG

CACHE = ".factcheck_cache"
RELEASE = Path("claims") / SOURCE_SLUG
BUDGET = RELEASE / "komm-an-budget.yaml"
#: Every run's report bears the same date, so that reports compare byte for byte.
ENV = {
    **{key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"},
    "SOURCE_DATE_EPOCH": "1700000000",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder holding a copy of the bundled corpus."""
    shutil.copytree(CORPUS, tmp_path / "claims")
    return tmp_path


def _verify(factcheck, project: Path, *args: str, env: dict | None = None):
    return factcheck("verify", *args, cwd=project, env=env or ENV)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _break_the_sum(project: Path) -> None:
    """The budget's parts no longer add up to its total (FC101), quote and value alike."""
    _edit(project / BUDGET, "Hierfür wurden 13,4 Millionen", "Hierfür wurden 14,4 Millionen")
    _edit(project / BUDGET, "value: 13,4 Mio. €", "value: 14,4 Mio. €")
    _edit(project / RELEASE / "source.txt", "Hierfür wurden 13,4", "Hierfür wurden 14,4")


def _entries(project: Path) -> int:
    with sqlite3.connect(project / CACHE / "results.sqlite") as connection:
        return int(connection.execute("SELECT count(*) FROM entries").fetchone()[0])


@pytest.mark.parametrize("output_format", ["json", "concise"])
@pytest.mark.parametrize("failing", [False, True], ids=["bundled", "with-failures"])
def test_a_warm_run_reports_what_a_cold_run_and_no_cache_report(
    factcheck, project: Path, output_format: str, failing: bool
):
    if failing:
        _break_the_sum(project)
    cold = _verify(factcheck, project, "--format", output_format)
    assert (project / CACHE / "results.sqlite").is_file()
    warm = _verify(factcheck, project, "--format", output_format)
    uncached = _verify(factcheck, project, "--format", output_format, "--no-cache")
    assert cold.code == warm.code == uncached.code == (1 if failing else 0), cold.output
    assert cold.out == warm.out == uncached.out
    assert cold.err == warm.err == uncached.err == ""
    if failing:
        assert (
            "komm-an-budget.yaml:18:5: FC101 fail" in warm.out
            if output_format == "concise"
            else ('"FC101"' in warm.out)
        )


def test_every_job_count_reports_the_same_from_a_warm_cache(factcheck, project: Path):
    _break_the_sum(project)
    cold = _verify(factcheck, project, "--format", "json", "--no-cache")
    for jobs in ("2", "1", "3"):
        run = _verify(factcheck, project, "--format", "json", "--jobs", jobs)
        assert (run.code, run.out) == (cold.code, cold.out)


def test_the_cache_folder_is_tagged_and_kept_out_of_git(factcheck, project: Path):
    assert _verify(factcheck, project).code == 0
    folder = project / CACHE
    assert sorted(path.name for path in folder.iterdir()) == [
        ".gitignore",
        "CACHEDIR.TAG",
        "results.sqlite",
    ]
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (
        (folder / "CACHEDIR.TAG")
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    # One entry per claim file, none under claims/.
    assert _entries(project) == len(list((project / RELEASE).glob("*.yaml"))) - 1
    assert not list((project / "claims").rglob(f"*{CACHE}*"))
    # A run that finds every result in the cache leaves the cache file as it is, whatever
    # the hash seed of the process (the entries' keys do not depend on it).
    file = folder / "results.sqlite"
    before = (file.stat().st_ino, file.stat().st_mtime_ns, file.read_bytes())
    for seed in ("1", "2"):
        assert _verify(factcheck, project, env={**ENV, "PYTHONHASHSEED": seed}).code == 0
        assert (file.stat().st_ino, file.stat().st_mtime_ns, file.read_bytes()) == before
    assert sorted(path.name for path in folder.iterdir()) == [
        ".gitignore",
        "CACHEDIR.TAG",
        "results.sqlite",
    ]


def test_editing_a_claim_file_checks_it_again(factcheck, project: Path):
    assert _verify(factcheck, project).code == 0
    _edit(project / BUDGET, "value: 4,2 Mio. €", "value: 5,2 Mio. €")
    run = _verify(factcheck, project, "--format", "concise")
    assert run.code == 1, run.output
    assert f"{BUDGET}:16:12: FC002 fail" in run.out
    assert f"{BUDGET}:18:5: FC101 fail: 7,7 + 1,5 + 5,2 = 14,4 Mio. €" in run.out


# The claims these tests change a dependency of are checked in step 2 only: no check of
# another claim names their figures (such claims are checked again in step 3 every run).


def test_editing_the_source_text_checks_its_claims_again(factcheck, project: Path):
    assert _verify(factcheck, project).code == 0
    _edit(project / RELEASE / "source.txt", "rund 600 Anträge", "rund 700 Anträge")
    run = _verify(factcheck, project, "--format", "concise")
    assert run.code == 1, run.output
    assert f"{RELEASE / 'brueckenprojekte.yaml'}:14:12: FC001 fail" in run.out


def test_editing_a_reference_fact_checks_the_claims_again(factcheck, project: Path):
    assert _verify(factcheck, project).code == 0
    facts = project / "claims" / "references" / "nrw-integration.yaml"
    _edit(facts, 'value: "2012"', 'value: "2013"')
    run = _verify(factcheck, project, "--format", "concise")
    assert run.code == 1, run.output
    teilhabe = RELEASE / "teilhabe-integrationsgesetz-2012.yaml"
    assert f"{teilhabe}:11:5: FC201 fail: jahr 2012 does not agree with" in run.out


def _claim_without_checks(project: Path) -> Path:
    """A claim whose figure no check relates, and no suppression: FC302 warns."""
    text = (project / RELEASE / "kita-plaetze.yaml").read_text(encoding="utf-8")
    claim = project / RELEASE / "kita-ohne.yaml"
    claim.write_text(text.split("suppress:")[0].replace("id: kita-plaetze", "id: kita-ohne"))
    return claim


def test_changing_a_rules_level_in_the_configuration_checks_again(factcheck, project: Path):
    claim = _claim_without_checks(project).relative_to(project)
    (project / ".factcheck.yaml").write_text("rules:\n  FC302:\n    level: warning\n", "utf-8")
    run = _verify(factcheck, project, "--format", "concise")
    assert run.code == 0, run.output
    assert f"{claim}:1:1: FC302 warn" in run.out
    (project / ".factcheck.yaml").write_text("rules:\n  FC302:\n    level: error\n", "utf-8")
    run = _verify(factcheck, project, "--format", "concise")
    assert run.code == 1, run.output
    assert f"{claim}:1:1: FC302 fail" in run.out


def test_a_change_of_the_tool_checks_every_claim_again(factcheck, project: Path, tmp_path: Path):
    # A copy of factcheck whose FC302 words its finding differently: the version number is
    # the same, the code is not.
    package = tmp_path / "changed" / "factcheck"
    shutil.copytree(
        PROJECT / "src" / "factcheck", package, ignore=shutil.ignore_patterns("__pycache__")
    )
    _edit(
        package / "rules" / "claim_without_checks.py", "but no check relates", "yet nothing relates"
    )
    said = "the claim records plaetze rund 21.000 but no check relates it"
    assert said in _verify(factcheck, project, "--format", "concise").out
    changed = {**ENV, "PYTHONPATH": str(package.parent)}
    for _ in range(2):  # cold for the changed tool, then warm
        run = _verify(factcheck, project, "--format", "concise", env=changed)
        assert "the claim records plaetze rund 21.000 yet nothing relates it" in run.out, run.output
        assert said not in run.out
    assert said in _verify(factcheck, project, "--format", "concise").out


def test_a_claim_named_by_another_is_seen_as_it_is_now(factcheck, project: Path):
    assert _verify(factcheck, project).code == 0
    # ki-nahezu-flaechendeckend states the same 50 as ki-50-von-54.mit_zentrum; only the
    # other claim's file changes.
    _edit(project / RELEASE / "ki-50-von-54.yaml", 'value: "50"', 'value: "49"')
    run = _verify(factcheck, project, "--format", "concise")
    assert run.code == 1, run.output
    flaechendeckend = RELEASE / "ki-nahezu-flaechendeckend.yaml"
    assert f"{flaechendeckend}:20:5: FC103 fail" in run.out
    assert run.out == _verify(factcheck, project, "--format", "concise", "--no-cache").out


def test_a_claim_of_an_unknown_source_is_checked_again_when_the_source_appears(
    factcheck, project: Path
):
    other = project / "claims" / "other-release"
    other.mkdir()
    claim = (project / BUDGET).read_text(encoding="utf-8")
    (other / "komm-an-budget-copy.yaml").write_text(
        claim.replace("id: komm-an-budget", "id: komm-an-budget-copy").replace(
            f"source: {SOURCE_SLUG}", "source: other-release"
        ),
        encoding="utf-8",
    )
    first = _verify(factcheck, project, "--format", "concise")
    assert first.code == 2 and "unknown source 'other-release'" in first.output
    source = (project / RELEASE / "source.yaml").read_text(encoding="utf-8")
    (other / "source.yaml").write_text(source, encoding="utf-8")
    shutil.copy(project / RELEASE / "source.txt", other / "source.txt")
    run = _verify(factcheck, project, "--format", "concise")
    assert run.code == 0, run.output
    assert "unknown source" not in run.output


def test_a_corrupt_cache_is_ignored_and_rebuilt(factcheck, project: Path):
    _break_the_sum(project)
    cold = _verify(factcheck, project, "--format", "json")
    file = project / CACHE / "results.sqlite"
    for damage in (b"not a database at all" * 100, file.read_bytes()[:3000], b""):
        file.write_bytes(damage)
        run = _verify(factcheck, project, "--format", "json")
        assert (run.code, run.out, run.err) == (cold.code, cold.out, "")
        assert _entries(project) == len(list((project / RELEASE).glob("*.yaml"))) - 1


def test_a_cache_of_another_layout_is_ignored(factcheck, project: Path):
    cold = _verify(factcheck, project, "--format", "json")
    file = project / CACHE / "results.sqlite"
    with sqlite3.connect(file) as connection:
        connection.execute("PRAGMA user_version = 99")
    run = _verify(factcheck, project, "--format", "json")
    assert (run.code, run.out, run.err) == (cold.code, cold.out, "")
    with sqlite3.connect(file) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] != 99
        connection.execute("PRAGMA user_version = 99")
    # Nor are the entries of a file of another layout kept for the claims a run skips.
    assert _verify(factcheck, project, str(BUDGET)).code == 0
    assert _entries(project) == 1


def test_a_cache_that_cannot_be_written_is_one_warning_and_no_failure(factcheck, project: Path):
    (project / "blocked").write_text("a file where the cache folder would go\n", "utf-8")
    (project / ".factcheck.yaml").write_text("cache-dir: blocked/cache\n", "utf-8")
    _break_the_sum(project)
    expected = _verify(factcheck, project, "--format", "json", "--no-cache")
    run = _verify(factcheck, project, "--format", "json")
    assert (run.code, run.out) == (1, expected.out)
    assert run.err.count("\n") == 1
    assert run.err.startswith("factcheck: warning: cannot write the result cache in blocked")


def test_no_cache_writes_nothing_and_reads_nothing(factcheck, project: Path):
    assert _verify(factcheck, project, "--no-cache").code == 0
    assert not (project / CACHE).exists()
    assert _verify(factcheck, project).code == 0
    file = project / CACHE / "results.sqlite"
    before = (file.read_bytes(), file.stat().st_mtime_ns)
    # A stale entry the cache would give if it were read: --no-cache checks the claim.
    _break_the_sum(project)
    run = _verify(factcheck, project, "--no-cache", "--format", "concise")
    assert run.code == 1 and "FC101 fail" in run.out
    assert (file.read_bytes(), file.stat().st_mtime_ns) == before


def test_cache_false_in_the_configuration_turns_it_off(factcheck, project: Path):
    (project / ".factcheck.yaml").write_text("cache: false\n", "utf-8")
    assert _verify(factcheck, project).code == 0
    assert not (project / CACHE).exists()


def test_the_cache_lives_in_the_project_folder_never_in_the_corpus(factcheck, project: Path):
    # From inside the corpus, naming a claim file: the cache goes to the folder holding
    # claims/, as the default corpus is found.
    run = factcheck("verify", BUDGET.name, cwd=project / RELEASE, env=ENV)
    assert run.code == 0, run.output
    assert (project / CACHE / "results.sqlite").is_file()
    assert not list((project / "claims").rglob(f"*{CACHE}*"))
    # A cache-dir in the corpus verify reads is not used at all.
    (project / ".factcheck.yaml").write_text(f"cache-dir: claims/{CACHE}\n", "utf-8")
    run = _verify(factcheck, project, "claims")
    assert (run.code, run.err) == (0, "")
    assert not list((project / "claims").rglob(f"*{CACHE}*"))


def test_cache_dir_is_relative_to_the_configuration_file(factcheck, project: Path):
    (project / ".factcheck.yaml").write_text("cache-dir: build/results\n", "utf-8")
    sub = project / "sub"
    sub.mkdir()
    assert _verify(factcheck, sub, "../claims").code == 0
    assert (project / "build" / "results" / "results.sqlite").is_file()
    assert not (sub / "build").exists()


def test_factcheck_config_shows_the_cache_keys_and_their_origin(factcheck, project: Path):
    (project / ".factcheck.yaml").write_text("cache: false\ncache-dir: .cache/fc\n", "utf-8")
    run = factcheck("config", cwd=project)
    assert run.code == 0, run.output
    lines = run.out.splitlines()
    assert any(line.split() == ["cache", "false", ".factcheck.yaml:1:1"] for line in lines)
    assert any(line.split() == ["cache-dir", ".cache/fc", ".factcheck.yaml:2:1"] for line in lines)
    (project / ".factcheck.yaml").unlink()
    default = factcheck("config", cwd=project)
    assert any(line.split() == ["cache", "true", "default"] for line in default.out.splitlines())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("cach: false\n", "unknown key 'cach' (did you mean 'cache'?)"),
        ("cache: sometimes\n", "'cache' must be true or false, found 'sometimes'"),
        ("cache-dir: ''\n", "'cache-dir' must name a folder"),
    ],
)
def test_bad_cache_keys_are_located_errors(factcheck, project: Path, text: str, message: str):
    (project / ".factcheck.yaml").write_text(text, "utf-8")
    run = _verify(factcheck, project)
    assert run.code == 2
    assert run.err.startswith(".factcheck.yaml:1:1: ".join(["factcheck: error: ", message]))


# --- in process: how many claims a run reads and checks ----------------------------------


def _run_counting(
    project: Path, monkeypatch, jobs: int = 1, paths: list[Path] | None = None
) -> tuple[int, str]:
    """Verify ``paths`` (by default the claims of ``project``) with the project's cache in
    this process: the claim files read and checked in step 2, and the concise report."""
    from factcheck import parallel, reporters
    from factcheck.cache import ResultCache
    from factcheck.config import load_config

    checked: list[str] = []
    real = parallel.validate_checks

    def counting(claim, context):
        checked.append(claim.id)
        return real(claim, context)

    monkeypatch.setattr(parallel, "validate_checks", counting)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    config = load_config(project)
    out = io.StringIO()
    cache = ResultCache(project / CACHE)
    with parallel.verify(
        paths or [project / "claims"], config.reader, config.settings(), jobs, cache
    ) as report:
        reporters.render(report, "concise", out)
    return len(checked), out.getvalue()


def test_a_warm_run_reads_and_checks_only_the_claims_that_changed(project: Path, monkeypatch):
    claims = len(list((project / RELEASE).glob("*.yaml"))) - 1
    cold, report = _run_counting(project, monkeypatch)
    assert cold == claims
    assert _run_counting(project, monkeypatch) == (0, report)
    _edit(project / BUDGET, "value: 4,2 Mio. €", "value: 5,2 Mio. €")
    checked, changed = _run_counting(project, monkeypatch)
    assert checked == 1
    assert "FC101 fail" in changed
    assert _run_counting(project, monkeypatch) == (0, changed)
    assert _entries(project) == claims


def test_a_run_on_one_file_keeps_the_entries_of_the_others(project: Path, monkeypatch):
    claims = len(list((project / RELEASE).glob("*.yaml"))) - 1
    assert _run_counting(project, monkeypatch)[0] == claims
    # An editor checks the file it saved: only that file is read, the others' entries stay.
    _edit(project / BUDGET, "value: 4,2 Mio. €", "value: 5,2 Mio. €")
    assert _run_counting(project, monkeypatch, paths=[project / BUDGET])[0] == 1
    assert _entries(project) == claims
    checked, report = _run_counting(project, monkeypatch)
    assert checked == 0
    assert "FC101 fail" in report
    # The entry of a claim file that no longer exists goes when the cache is written anew.
    (project / RELEASE / "kita-plaetze.yaml").unlink()
    _edit(project / BUDGET, "value: 5,2 Mio. €", "value: 4,2 Mio. €")
    assert _run_counting(project, monkeypatch, paths=[project / BUDGET])[0] == 1
    assert _entries(project) == claims - 1


def test_a_run_with_every_result_cached_leaves_the_cache_file_alone(project: Path, monkeypatch):
    _run_counting(project, monkeypatch)
    file = project / CACHE / "results.sqlite"
    before = (file.stat().st_ino, file.stat().st_mtime_ns)
    assert _run_counting(project, monkeypatch, paths=[project / BUDGET])[0] == 0
    assert _run_counting(project, monkeypatch, jobs=2)[0] == 0
    assert (file.stat().st_ino, file.stat().st_mtime_ns) == before


def test_a_claim_a_rule_stopped_on_is_not_kept(project: Path, monkeypatch):
    from factcheck.rules import parts_do_not_sum_to_total

    real = parts_do_not_sum_to_total.evaluate

    def broken(claim, context, options):
        if claim.id == "komm-an-budget":
            raise MemoryError
        return real(claim, context, options)

    monkeypatch.setattr(parts_do_not_sum_to_total, "evaluate", broken)
    _, crashed = _run_counting(project, monkeypatch)
    assert "internal error: rule FC101 parts-do-not-sum-to-total stopped" in crashed
    monkeypatch.setattr(parts_do_not_sum_to_total, "evaluate", real)
    checked, report = _run_counting(project, monkeypatch)
    assert checked == 1
    assert "internal error" not in report


# --- a claim file whose status is unchanged is not read ----------------------------------


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The claim files verify reads in step 2 (each as given)."""
    from factcheck import parallel

    read: list[str] = []
    real = parallel.read_yaml_bytes

    def counting(path: Path) -> bytes:
        read.append(str(path))
        return real(path)

    monkeypatch.setattr(parallel, "read_yaml_bytes", counting)
    return read


@pytest.fixture
def settled(monkeypatch) -> None:
    """Every file counts as last changed long ago, so that its status is kept at once (a
    test cannot wait the seconds a file must rest)."""
    from factcheck import cache

    monkeypatch.setattr(cache, "SETTLED", -(10**12))


def _statuses(project: Path) -> int:
    with sqlite3.connect(project / CACHE / "results.sqlite") as connection:
        query = "SELECT count(*) FROM entries WHERE status IS NOT NULL"
        return int(connection.execute(query).fetchone()[0])


def test_an_unchanged_claim_file_is_not_even_read(
    project: Path, monkeypatch, reads: list[str], settled: None
):
    claims = len(list((project / RELEASE).glob("*.yaml"))) - 1
    cold, report = _run_counting(project, monkeypatch)
    assert cold == claims
    # Step 2 reads every claim file; step 3 reads again those whose figures other claims'
    # checks name, as every run does.
    with_corpus = reads[claims:]
    assert len(set(reads[:claims])) == claims
    assert _statuses(project) == claims
    reads.clear()
    assert _run_counting(project, monkeypatch) == (0, report)
    assert reads == with_corpus


def test_a_run_with_every_file_unchanged_starts_no_workers(
    project: Path, monkeypatch, settled: None
):
    import concurrent.futures

    from factcheck import parallel

    monkeypatch.setattr(parallel, "CHUNK", 2)  # the bundled corpus in several chunks
    _, report = _run_counting(project, monkeypatch, jobs=2)

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool of workers was started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    assert _run_counting(project, monkeypatch, jobs=2) == (0, report)


def test_a_file_changed_in_place_with_its_size_and_time_kept_is_read_again(
    project: Path, monkeypatch, reads: list[str], settled: None
):
    _run_counting(project, monkeypatch)
    reads.clear()
    _run_counting(project, monkeypatch)
    with_corpus = list(reads)
    budget = project / BUDGET
    before = budget.stat()
    # The same number of bytes, and the modification time put back: only the change time,
    # which no tool can set back, tells.
    _edit(budget, "value: 4,2 Mio. €", "value: 5,2 Mio. €")
    os.utime(budget, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert budget.stat().st_size == before.st_size
    reads.clear()
    checked, report = _run_counting(project, monkeypatch)
    assert (checked, reads) == (1, [str(budget), *with_corpus])
    assert "komm-an-budget.yaml:18:5: FC101 fail" in report


def test_a_file_changed_moments_ago_keeps_no_status(project: Path, monkeypatch):
    # The bundled corpus was copied just now: within a tick of a coarse file-system clock a
    # second change could leave the status as it was, so no status is kept.
    _run_counting(project, monkeypatch)
    assert _entries(project) > 0
    assert _statuses(project) == 0


def test_a_touched_file_is_read_once_and_its_new_status_kept(
    project: Path, monkeypatch, reads: list[str], settled: None
):
    # A checkout or a restored cache gives every file a new status but the same bytes: the
    # entries are found by the bytes' digest, nothing is checked, and the new statuses are
    # kept for the next run.
    _, report = _run_counting(project, monkeypatch)
    reads.clear()
    _run_counting(project, monkeypatch)
    with_corpus = list(reads)
    file = project / CACHE / "results.sqlite"
    for claim_file in (project / RELEASE).glob("*.yaml"):
        claim_file.touch()
    reads.clear()
    assert _run_counting(project, monkeypatch) == (0, report)
    assert len(reads) == _entries(project) + len(with_corpus)
    rewritten = file.stat().st_ino
    reads.clear()
    assert _run_counting(project, monkeypatch) == (0, report)
    assert reads == with_corpus
    assert file.stat().st_ino == rewritten


# --- sources and reference files whose status is unchanged are not read -------------------


@pytest.fixture
def files_read(monkeypatch) -> list[str]:
    """The sources and files of reference facts verify reads (each as given)."""
    from factcheck import load

    read: list[str] = []
    real_source, real_references = load.load_source, load.load_references

    def source(path: Path):
        read.append(str(path))
        return real_source(path)

    def references(path: Path, *args):
        read.append(str(path))
        return real_references(path, *args)

    monkeypatch.setattr(load, "load_source", source)
    monkeypatch.setattr(load, "load_references", references)
    return read


def test_unchanged_sources_and_reference_files_are_not_read_again(
    project: Path, monkeypatch, files_read: list[str], settled: None
):
    _, report = _run_counting(project, monkeypatch)
    assert sorted(Path(file).name for file in files_read) == [
        "nrw-integration.yaml",
        "nrw-kreisebene.yaml",
        "source.yaml",
    ]
    files_read.clear()
    assert _run_counting(project, monkeypatch) == (0, report)
    assert files_read == []


def test_a_changed_source_text_is_read_again_and_its_claims_checked(
    project: Path, monkeypatch, files_read: list[str], settled: None
):
    claims = len(list((project / RELEASE).glob("*.yaml"))) - 1
    _run_counting(project, monkeypatch)
    # The same length: only the file's times tell.
    _edit(project / RELEASE / "source.txt", "rund 600 Anträge", "rund 700 Anträge")
    files_read.clear()
    checked, report = _run_counting(project, monkeypatch)
    assert files_read == [str(project / RELEASE / "source.yaml")]
    assert checked == claims
    assert f"{RELEASE / 'brueckenprojekte.yaml'}:14:12: FC001 fail" in report


def test_a_changed_reference_file_is_read_again(
    project: Path, monkeypatch, files_read: list[str], settled: None
):
    _run_counting(project, monkeypatch)
    facts = project / "claims" / "references" / "nrw-integration.yaml"
    _edit(facts, 'value: "2012"', 'value: "2013"')
    files_read.clear()
    _, report = _run_counting(project, monkeypatch)
    assert files_read == [str(facts)]
    teilhabe = RELEASE / "teilhabe-integrationsgesetz-2012.yaml"
    assert f"{teilhabe}:11:5: FC201 fail: jahr 2012 does not agree with" in report


def test_a_reference_file_with_a_problem_is_read_and_reported_on_every_run(
    project: Path, monkeypatch, files_read: list[str], settled: None
):
    facts = project / "claims" / "references" / "nrw-integration.yaml"
    first = "  teilhabe-integrationsgesetz-jahr:"
    _edit(facts, first, f"  Teilhabe-Jahr:\n    value: 1\n{first}")
    for _ in range(2):
        files_read.clear()
        _, report = _run_counting(project, monkeypatch)
        assert str(facts) in files_read
        assert "reference fact 'Teilhabe-Jahr' must be lower-case letters" in report


def test_a_records_digest_does_not_depend_on_which_objects_it_shares(project: Path):
    # A source read from its file shares its folder's name between its slug and its text's
    # path; unpickled, the two are copies, and pickled again the bytes differ. The digest a
    # cache entry keeps of its source must not.
    import pickle

    from factcheck.cache import _record_digest
    from factcheck.load import load_source

    source = load_source((project / RELEASE / "source.yaml").resolve())
    pickled = pickle.dumps(source, pickle.HIGHEST_PROTOCOL)
    again = pickle.dumps(pickle.loads(pickled), pickle.HIGHEST_PROTOCOL)
    assert pickled != again
    assert _record_digest(b"source", pickled) == _record_digest(b"source", again)


# --- a cache file factcheck did not write --------------------------------------------------


class _Planted:
    """What a pickle planted in a cache file would do: run a command."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _plant(project: Path, inner: bool) -> Path:
    """Replace every entry's data with a pickle that would create a file when unpickled:
    the whole entry, or (``inner``) the pickled result inside it. The file it would make."""
    import pickle

    from factcheck.cache import pack, unpack

    marker = project / "PLANTED"
    with sqlite3.connect(project / CACHE / "results.sqlite") as connection:
        for key, data in connection.execute("SELECT key, data FROM entries").fetchall():
            if inner:
                claims, named, results, problems = unpack(data)
                results = [(*row[:-1], pickle.dumps(_Planted(marker))) for row in results]
                planted = pack(claims, named, results, problems)
            else:
                planted = pickle.dumps(_Planted(marker))
            connection.execute("UPDATE entries SET data = ? WHERE key = ?", (planted, key))
    return marker


def test_an_entry_factcheck_did_not_write_is_never_unpickled_and_is_checked_again(
    factcheck, project: Path
):
    cold = _verify(factcheck, project, "--format", "concise")
    marker = _plant(project, inner=False)
    warm = _verify(factcheck, project, "--format", "concise")
    assert not marker.exists()
    assert (warm.code, warm.out, warm.err) == (cold.code, cold.out, "")


def test_a_result_factcheck_did_not_write_is_never_unpickled_and_is_one_error(
    factcheck, project: Path
):
    assert _verify(factcheck, project, "--format", "json").code == 0
    marker = _plant(project, inner=True)
    run = _verify(factcheck, project, "--format", "json")
    assert not marker.exists()
    assert run.code == 2
    assert run.err == (
        "factcheck: error: the result cache holds a record factcheck did not write "
        f"(posix.system is not a record factcheck writes); remove {CACHE} and run again\n"
    )
