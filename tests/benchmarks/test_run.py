"""The benchmark runs end to end on a tiny corpus and ends with every target's verdict."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT


def test_a_tiny_benchmark_prints_each_target_met_or_missed(tmp_path: Path):
    result = subprocess.run(
        [
            sys.executable,
            str(PROJECT / "benchmarks" / "run.py"),
            *("--sizes", "40", "--startup-runs", "1", "--no-yamllint"),
            *("--corpora", str(tmp_path)),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Corpus of 40 claims" in out
    assert re.search(r"parse only, CSafeLoader \(the floor\) +[\d.]+ s", out)
    for state in ("cold", "warm cache"):
        assert re.search(
            rf"factcheck verify, one process, {state} +[\d.]+ s .* MiB +[\d.]+× +[\d.]+×", out
        )
        assert re.search(rf"factcheck verify, all cores \(\d+\), {state} +[\d.]+ s", out)
    targets = out.split("Targets\n", 1)[1].splitlines()
    verdicts = [
        line.split()[0] for line in targets if line.split()[:1] in (["met"], ["MISSED"], ["not"])
    ]
    # Throughput cold and warm, one process and all cores; memory; start-up (verify on the
    # bundled corpus warm and cold).
    assert len(verdicts) == 8
    for state in ("cold", "warm cache"):
        assert (
            sum(f"one process ({state}), against the parse-only floor" in t for t in targets) == 1
        )
        assert sum(f"all cores ({state}), against the parse-only floor" in t for t in targets) == 1
    # verify kept its cache in its own folder beside the corpora, not in the current one.
    assert list(tmp_path.glob("work-claims-40-*/.factcheck_cache/results.sqlite"))
    assert "warning" not in out  # verify exited 1 on the planted failures, as it should
    missed = [line for line in targets if "MISSED" in line]
    assert all(re.search(r"\d+ % over\)$", line) for line in missed)
