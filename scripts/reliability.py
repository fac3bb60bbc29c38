"""Run the reliability suite's cases and print the table of figures in docs/reliability.md.

    .venv/bin/python scripts/reliability.py                    # every case, the table
    .venv/bin/python scripts/reliability.py --details          # and each case's figures
    .venv/bin/python scripts/reliability.py --case "a binary file" --category paths

Standard output is the table alone, to be pasted into docs/reliability.md (a test checks
that the page holds it); ``--details`` writes each case's exit code, processor time and
peak memory to standard error. The exit code is 1 when a case crashed, hung or answered
wrong, so the script can guard a change on its own.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from reliability_cases import CASES, run_all, table


def main(argv: list[str] | None = None) -> int:
    """Run the chosen cases (all by default), print the table, say whether all passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", action="append", help="run only the case of this name")
    parser.add_argument("--category", action="append", help="run only this category's cases")
    parser.add_argument("--details", action="store_true", help="each case's figures too")
    args = parser.parse_args(argv)
    names = {case.name for case in CASES}
    unknown = [name for name in args.case or [] if name not in names]
    if unknown:
        parser.error(f"unknown case {unknown[0]!r}")
    cases = tuple(
        case
        for case in CASES
        if (not args.case or case.name in args.case)
        and (not args.category or case.category in args.category)
    )
    results = run_all(cases)
    print(table(results), end="")
    if args.details:
        for result in results:
            print(
                f"{result.case.category:>24} | {result.case.name:<48} | exit {result.code} | "
                f"{result.cpu_seconds:5.2f} s cpu | {result.wall_seconds:5.2f} s | "
                f"{result.max_rss / 2**20:4.0f} MiB | "
                f"{'ok' if result.answered_right else 'WRONG'}",
                file=sys.stderr,
            )
    failed = [r for r in results if r.crashed or r.hung or not r.answered_right]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
