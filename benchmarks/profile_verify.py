"""Where verify spends its time on a corpus: a cProfile run, summarised by stage.

    .venv/bin/python benchmarks/profile_verify.py /tmp/factcheck-bench/claims-10000-seed1-...

runs what ``factcheck verify --jobs 1 --format FORMAT`` runs (load, check, report) under
cProfile and prints the share of each stage and of each rule, then the functions that take
the most time themselves. The profiler slows Python code down more than C code (YAML
parsing, regular expressions), so the shares are a guide, not a measurement.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
from pathlib import Path

#: Stages as (label, file suffix, function name) of the function whose cumulative time is
#: the stage's.
STAGES = (
    ("read YAML into located trees", "yamltree.py", "load_yaml"),
    ("read figure values", "load.py", "_figures"),
    ("read claims (all of the above and more)", "load.py", "load_claim"),
    ("check claims", "engine.py", "check_claim"),
    ("validate checks", "engine.py", "validate_checks"),
    ("stamp findings", "engine.py", "_stamp"),
    ("build the report", "engine.py", "build_report"),
    ("write the report", "reporters/__init__.py", "render"),
)


def main(argv: list[str] | None = None) -> int:
    """Profile one verify run and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a claims folder")
    parser.add_argument("--format", default="concise", help="report format (default concise)")
    parser.add_argument("--top", type=int, default=15, help="functions listed by own time")
    args = parser.parse_args(argv)

    from factcheck import parallel
    from factcheck.engine import Settings
    from factcheck.numbers import Reader
    from factcheck.reporters import render

    def verify() -> None:
        with parallel.verify([args.corpus], Reader(), Settings(), 1) as report:
            render(report, args.format, io.StringIO())

    profiler = cProfile.Profile()
    profiler.runcall(verify)
    stats = pstats.Stats(profiler)
    total = max(entry[3] for entry in stats.stats.values())  # type: ignore[attr-defined]

    def cumulative(suffix: str, name: str) -> float:
        return sum(
            entry[3]
            for (file, _, function), entry in stats.stats.items()  # type: ignore[attr-defined]
            if function == name and file.endswith(suffix)
        )

    print(f"verify --jobs 1 --format {args.format} {args.corpus}: {total:.2f} s under cProfile")
    for label, suffix, name in STAGES:
        seconds = cumulative(suffix, name)
        print(f"  {label:<42} {seconds:7.2f} s {100 * seconds / total:5.1f} %")
    from factcheck.rules import all_rules

    print("  rules (inside 'check claims'):")
    for rule in all_rules():
        file = f"rules/{rule.module.__name__.rsplit('.', 1)[1]}.py"
        seconds = cumulative(file, "evaluate")
        print(f"    {rule.code} {rule.name:<34} {seconds:7.2f} s {100 * seconds / total:5.1f} %")
    print(f"Functions by their own time (top {args.top}):")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.top)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    for line in lines[start : start + args.top + 1]:
        print("  " + line.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
