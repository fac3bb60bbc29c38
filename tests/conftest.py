"""Shared fixtures: the bundled corpus, a writable copy of it, and running the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "claims"
SOURCE_SLUG = "nrw-spd-faktencheck-integration"
#: How many claims the bundled corpus holds: every YAML file of its source but source.yaml.
CORPUS_CLAIMS = sum(1 for p in (CORPUS / SOURCE_SLUG).glob("*.yaml") if p.name != "source.yaml")


@dataclass(frozen=True)
class Run:
    """What a user sees after running the command: exit code, stdout, stderr."""

    code: int
    out: str
    err: str

    @property
    def output(self) -> str:
        """stdout and stderr together."""
        return self.out + self.err


def run_factcheck(*args: str | Path, cwd: Path | None = None, env: dict | None = None) -> Run:
    """Run ``factcheck ARGS`` in a real subprocess, as a user or CI would; outside GitHub
    Actions unless ``env`` says otherwise, since there ``--format auto`` writes annotations."""
    if env is None:
        env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    completed = subprocess.run(
        [sys.executable, "-m", "factcheck", *map(str, args)],
        cwd=cwd or PROJECT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


@pytest.fixture
def factcheck():
    """The ``run_factcheck`` helper as a fixture."""
    return run_factcheck


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled claims/ folder."""
    target = tmp_path / "claims"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture
def source_dir(corpus_copy: Path) -> Path:
    """The copied folder of the bundled press release."""
    return corpus_copy / SOURCE_SLUG
