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
    assert re.search(r"factcheck verify, one process +[\d.]+ s .* MiB +[\d.]+× +[\d.]+×", out)
    assert re.search(r"factcheck verify, all cores \(\d+\) +[\d.]+ s", out)
    targets = out.split("Targets\n", 1)[1].splitlines()
    verdicts = [
        line.split()[0] for line in targets if line.split()[:1] in (["met"], ["MISSED"], ["not"])
    ]
    assert len(verdicts) == 5
    assert "warning" not in out  # verify exited 1 on the planted failures, as it should
    missed = [line for line in targets if "MISSED" in line]
    assert all(re.search(r"\d+ % over\)$", line) for line in missed)
