"""Measure factcheck's speed and memory against its targets, side by side in one run.

    .venv/bin/pip install -e '.[bench]'      # once: adds yamllint, the peer
    .venv/bin/python benchmarks/run.py         # 1,000 and 10,000 claims
    .venv/bin/python benchmarks/run.py --full  # and 100,000 claims (several minutes)

Every figure is a ratio of two commands timed on the same files in the same run, so a
faster or slower machine moves both; docs/performance.md explains each one and shows the
latest figures. On each synthetic corpus (benchmarks/make_corpus.py) it times:

- the floor: a Python process that reads every YAML file of the corpus and loads it with
  PyYAML's C loader (``yaml.load(text, CSafeLoader)``), on one core: no YAML tool written in
  Python reads the files faster;
- ``factcheck verify`` in one process (``--jobs 1``) and on all cores, each cold (every
  claim read and checked, ``--no-cache``) and warm (every claim's result in the result
  cache, as when verify runs again on a corpus that did not change);
- yamllint, a peer that reads the same files;

and on every command the peak memory (the largest resident set of the process and its
children). It also times start-up: ``factcheck --version`` against ``python -c "import
typer"``, and ``factcheck verify`` on the bundled corpus against ``factcheck --help``. It
ends with each target, met or missed by how much, cold and warm apart.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from make_corpus import FAILURE_EVERY  # noqa: E402  (a script beside this one)

BIN = Path(sys.executable).parent
SEED = 1
#: How verify is run: cold (every claim read and checked) or warm (every result cached),
#: in one process or on every core.
COLD, WARM = "cold", "warm cache"
ONE, ALL = "one process", "all cores"

#: The floor: read and load every YAML file under a folder with PyYAML's C loader.
FLOOR_SCRIPT = """
import os, sys, yaml
loader = yaml.CSafeLoader
for folder, _, files in os.walk(sys.argv[1]):
    for name in sorted(files):
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(folder, name), encoding="utf-8") as file:
                yaml.load(file.read(), Loader=loader)
"""


@dataclass(frozen=True)
class Measure:
    """The best of a few runs of one command: wall time, CPU time, peak memory, exit code."""

    wall: float
    cpu: float
    peak_kib: int
    returncode: int

    @property
    def peak_mib(self) -> float:
        """Peak resident memory in MiB."""
        return self.peak_kib / 1024


#: Runs one command and prints its wall time, CPU time, peak memory and exit code. Linux
#: starts a child's peak resident set at that of the process it was forked from, so a
#: command started straight from this script (which grows as it lists a large corpus) would
#: report this script's memory as its own; this small process (``python -S``, a few MiB)
#: starts each command instead, and the command's own peak shows.
SPAWN_SCRIPT = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
cpu = usage.ru_utime + usage.ru_stime
print(wall, cpu, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def measure(command: list[str], runs: int = 1, cwd: Path | None = None) -> Measure:
    """Run ``command`` ``runs`` times with its output discarded; keep the fastest run's
    times and the largest peak memory. A shared machine only ever makes a run slower, so
    the fastest is the truest."""
    results = []
    for _ in range(runs):
        # wait4 in the spawner gives the command's own usage: its CPU time and its peak
        # resident set (or that of its largest child, if larger).
        printed = subprocess.run(
            [sys.executable, "-S", "-c", SPAWN_SCRIPT, *command],
            cwd=cwd,
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        ).stdout.split()
        wall, cpu, peak_kib, code = float(printed[0]), float(printed[1]), *map(int, printed[2:])
        results.append(Measure(wall, cpu, peak_kib, code))
    fastest = min(results, key=lambda result: result.wall)
    peak = max(result.peak_kib for result in results)
    return Measure(fastest.wall, fastest.cpu, peak, fastest.returncode)


@dataclass(frozen=True)
class Target:
    """One target: a ratio and the limit it must stay under (or at)."""

    name: str
    value: float | None
    limit: float
    strictly_below: bool = False
    unit: str = "×"
    #: The same ratio in CPU time, shown beside: it holds up on a busy machine.
    cpu: float | None = None

    def line(self) -> str:
        """``met`` or ``missed`` and by how much, in one line."""
        relation = "<" if self.strictly_below else "≤"
        goal = f"target {relation} {self.limit:g}{self.unit}"
        if self.value is None:
            return f"  not measured  {self.name} ({goal})"
        met = self.value < self.limit if self.strictly_below else self.value <= self.limit
        shown = f"{self.value:.2f}{self.unit}"
        if self.cpu is not None:
            shown += f" (in CPU time {self.cpu:.2f}{self.unit})"
        if met:
            return f"  met     {self.name}: {shown} ({goal})"
        over = (self.value / self.limit - 1) * 100
        return f"  MISSED  {self.name}: {shown} ({goal}; {over:.0f} % over)"


def executable(name: str) -> str | None:
    """The named console script of this Python's environment, or None when not installed."""
    path = BIN / name
    return str(path) if path.exists() else shutil.which(name)


def compile_package(python: str) -> None:
    """Compile the factcheck package to bytecode, as installing a wheel does and as the
    first run does where Python writes bytecode: an editable install under
    ``PYTHONDONTWRITEBYTECODE`` (set in some containers) would otherwise compile the whole
    package on every start, and time that instead of factcheck."""
    script = "import compileall, factcheck, os; compileall.compile_dir("
    script += "os.path.dirname(factcheck.__file__), quiet=1)"
    subprocess.run([python, "-c", script], check=True)


def cpu_model() -> str:
    """The processor's name, as lscpu gives it."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as file:
            for line in file:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def corpus(size: int, folder: Path) -> Path:
    """A corpus of ``size`` claims under ``folder``, made once and reused until the
    generator changes."""
    generator = hashlib.sha256((HERE / "make_corpus.py").read_bytes()).hexdigest()[:12]
    target = folder / f"claims-{size}-seed{SEED}-{generator}"
    done = folder / f"{target.name}.done"
    if not done.exists():
        if target.exists():
            shutil.rmtree(target)
        subprocess.run(
            [
                sys.executable,
                str(HERE / "make_corpus.py"),
                "--claims",
                str(size),
                "--seed",
                str(SEED),
                str(target),
            ],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        done.touch()
    return target


def verify_options(factcheck: str) -> str:
    """The help of this factcheck's verify, to learn which options it has (``--jobs``,
    ``--no-cache``)."""
    result = subprocess.run(
        [factcheck, "verify", "--help"], capture_output=True, text=True, check=False
    )
    return result.stdout


def row(label: str, result: Measure, floor: Measure | None = None) -> str:
    """One line of a table: wall and CPU time, peak memory, ratio to the floor."""
    ratio = f"{result.wall / floor.wall:6.2f}× {result.cpu / floor.cpu:6.2f}×" if floor else ""
    return (
        f"  {label:<46} {result.wall:8.2f} s {result.cpu:8.2f} s {result.peak_mib:8.0f} MiB"
        f"  {ratio}"
    ).rstrip()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print every measurement and target."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="add the 100,000-claim corpus")
    parser.add_argument(
        "--sizes", help="claim counts to measure, comma-separated (default 1000,10000)"
    )
    parser.add_argument("--runs", type=int, default=1, help="runs per corpus command (best kept)")
    parser.add_argument("--startup-runs", type=int, default=10, help="runs per start-up command")
    parser.add_argument(
        "--corpora",
        type=Path,
        default=Path(tempfile.gettempdir()) / "factcheck-bench",
        help="where generated corpora are kept and reused",
    )
    parser.add_argument("--no-yamllint", action="store_true", help="skip the peer")
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.sizes.split(",")] if args.sizes else [1000, 10000]
    if args.full and 100000 not in sizes:
        sizes.append(100000)

    factcheck = executable("factcheck")
    if factcheck is None:
        print("benchmark: factcheck is not installed here; run the README's set-up first")
        return 2
    yamllint = None if args.no_yamllint else executable("yamllint")
    if yamllint is None and not args.no_yamllint:
        print(
            "benchmark: yamllint (the peer) is not installed; install it with "
            "\".venv/bin/pip install -e '.[bench]'\" or pass --no-yamllint"
        )
        return 2
    cores = len(os.sched_getaffinity(0))
    start_load = os.getloadavg()[0]
    options = verify_options(factcheck)
    jobs = "--jobs" in options
    cached = "--no-cache" in options
    print(
        f"factcheck benchmark on {cpu_model()}, {cores} cores, Python "
        f"{platform.python_version()}, load average {start_load:.2f} at the start"
    )
    print(f"  {'':<46} {'wall':>10} {'cpu':>10} {'peak memory':>12}  × floor: wall, cpu")

    python = sys.executable
    compile_package(python)
    print(f"Start-up (best of {args.startup_runs})")
    startup = {
        "import typer": measure([python, "-c", "import typer"], args.startup_runs),
        "--version": measure([factcheck, "--version"], args.startup_runs),
        "--help": measure([factcheck, "--help"], args.startup_runs),
        # The project's own result cache, filled by the first run: the best run is warm.
        "verify bundled": measure([factcheck, "verify"], args.startup_runs, cwd=ROOT),
    }
    labels = {
        "import typer": 'python -c "import typer"',
        "--version": "factcheck --version",
        "--help": "factcheck --help",
        "verify bundled": "factcheck verify (bundled claims/)",
    }
    if cached:
        startup["verify bundled cold"] = measure(
            [factcheck, "verify", "--no-cache"], args.startup_runs, cwd=ROOT
        )
        labels["verify bundled"] = "factcheck verify (bundled, warm cache)"
        labels["verify bundled cold"] = "factcheck verify --no-cache (bundled)"
    for key, result in startup.items():
        print(row(labels[key], result))
    if startup["verify bundled"].returncode not in (0, 1):
        print(
            f"  warning: verify on the bundled corpus exited {startup['verify bundled'].returncode}"
        )

    args.corpora.mkdir(parents=True, exist_ok=True)
    floors: dict[int, Measure] = {}
    # By (cold or warm, one process or all cores), by corpus size.
    runs: dict[tuple[str, str], dict[int, Measure]] = {}
    for size in sizes:
        folder = corpus(size, args.corpora)
        files = sum(1 for _ in folder.rglob("*.yaml"))
        print(f"Corpus of {size:,} claims ({files:,} YAML files, best of {args.runs})")
        floors[size] = floor = measure([python, "-c", FLOOR_SCRIPT, str(folder)], args.runs)
        print(row("parse only, CSafeLoader (the floor)", floor, floor))
        # verify runs in a folder of its own, where it keeps its result cache.
        work = args.corpora / f"work-{folder.name}"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        commands = {ONE: [factcheck, "verify", *(["--jobs", "1"] if jobs else []), str(folder)]}
        if jobs:
            commands[ALL] = [factcheck, "verify", "--jobs", str(cores), str(folder)]
        for state in (COLD, WARM) if cached else (COLD,):
            if state == WARM:
                # One run fills the cache; the runs timed find every result in it.
                subprocess.run(commands[ONE], cwd=work, stdout=subprocess.DEVNULL, check=False)
            for how, command in commands.items():
                command = (
                    [*command[:2], "--no-cache", *command[2:]]
                    if state == COLD and cached
                    else command
                )
                result = measure(command, args.runs, cwd=work)
                runs.setdefault((state, how), {})[size] = result
                label = f"factcheck verify, {how}" + (f" ({cores})" if how == ALL else "")
                label += f", {state}" if cached else ""
                print(row(label, result, floor))
        if not jobs:
            print("  factcheck verify, all cores: not measured (verify has no --jobs option)")
        # Exit 1 when the corpus has failures planted, 0 when it is too small to have any.
        expected = 1 if size >= FAILURE_EVERY else 0
        for (state, how), results in runs.items():
            result = results.get(size)
            if result and result.returncode != expected:
                print(
                    f"  warning: verify ({how}, {state}) exited {result.returncode}, not "
                    f"{expected}: its report is not the one the corpus was made for"
                )
        if yamllint:
            peer = measure([yamllint, "-f", "parsable", str(folder)], args.runs)
            print(row("yamllint (peer)", peer, floor))

    print("Targets")
    reference = 10000 if 10000 in sizes else max(sizes)
    label = f"{reference:,} claims"
    floor = floors[reference]
    targets = []
    for state in (COLD, WARM) if cached else (COLD,):
        serial = runs[(state, ONE)][reference]
        parallel = runs.get((state, ALL), {}).get(reference)
        shown = f" ({state})" if cached else ""
        targets += [
            Target(
                f"verify {label}, one process{shown}, against the parse-only floor",
                serial.wall / floor.wall,
                1.5,
                cpu=serial.cpu / floor.cpu,
            ),
            Target(
                f"verify {label}, all cores{shown}, against the parse-only floor",
                parallel.wall / floor.wall if parallel else None,
                1.0,
                strictly_below=True,
            ),
        ]
    serial_cold = runs[(COLD, ONE)]
    targets += [
        Target(
            f"peak memory from 10,000 to 100,000 claims (one process{', cold' if cached else ''})",
            serial_cold[100000].peak_kib / serial_cold[10000].peak_kib
            if 100000 in serial_cold and 10000 in serial_cold
            else None,
            1.2,
            strictly_below=True,
        ),
        Target(
            "factcheck --version against python -c 'import typer'",
            startup["--version"].wall / startup["import typer"].wall,
            2.0,
            cpu=startup["--version"].cpu / startup["import typer"].cpu,
        ),
        Target(
            "factcheck verify on the bundled corpus"
            + (" (warm cache)" if cached else "")
            + " against factcheck --help",
            startup["verify bundled"].wall / startup["--help"].wall,
            2.0,
            cpu=startup["verify bundled"].cpu / startup["--help"].cpu,
        ),
        *(
            [
                Target(
                    "factcheck verify on the bundled corpus (cold) against factcheck --help",
                    startup["verify bundled cold"].wall / startup["--help"].wall,
                    2.0,
                    cpu=startup["verify bundled cold"].cpu / startup["--help"].cpu,
                )
            ]
            if cached
            else []
        ),
    ]
    for target in targets:
        print(target.line())
    if 100000 not in serial_cold:
        print("  note: the memory target needs the 100,000-claim corpus: run with --full")
    if cached:
        print(
            "  note: cold reads and checks every claim (--no-cache); warm finds every result in "
            "the result cache, as when verify runs again on a corpus that did not change"
        )
    load = os.getloadavg()[0]
    print(f"load average {load:.2f} at the end")
    if max(load, start_load) > cores / 2:
        print(
            "note: the machine was busy (load average above half its cores): other processes "
            "stretched the wall times, so trust the CPU-time ratios more"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
