"""The pre-commit hook, as pre-commit itself reads, installs and runs it.

The manifest is validated with pre-commit's own loader. Then, in a temporary git
repository holding a corpus, pre-commit installs the hook from this repository (a virtual
environment with factcheck and its dependencies from the package index, once per session)
and runs it: with ``try-repo``, and as the git hook that ``pre-commit install`` sets up,
where a commit that touches one claim is refused when another claim is inconsistent.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT
from pre_commit.clientlib import load_manifest
from snapshots import FAILING

MANIFEST = PROJECT / ".pre-commit-hooks.yaml"


def test_the_manifest_is_valid_and_verifies_the_whole_corpus():
    (hook,) = load_manifest(str(MANIFEST))
    assert hook["id"] == "factcheck"
    assert hook["entry"] == "factcheck verify"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False  # every claim, not only the staged ones


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the module, so the hook's environment is built once."""
    if not (PROJECT / ".git").exists():
        pytest.skip("the project is not a git checkout, which pre-commit installs hooks from")
    return tmp_path_factory.mktemp("pre-commit-home")


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run git in ``repo`` with a fixed author, as a user's shell would."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
    }
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600
    )


def pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run pre-commit from the test environment in ``repo``."""
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    env["PRE_COMMIT_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def corpus_repo(tmp_path: Path) -> Path:
    """A git repository whose claims/ is the failing fixture, committed."""
    repo = tmp_path / "corpus"
    shutil.copytree(FAILING, repo)
    assert git(repo, "init", "-q").returncode == 0
    git(repo, "add", "-A")
    assert git(repo, "commit", "-qm", "corpus").returncode == 0
    return repo


def test_try_repo_runs_the_hook_on_every_claim(tmp_path: Path, pre_commit_home: Path):
    repo = corpus_repo(tmp_path)
    run = pre_commit(repo, pre_commit_home, "try-repo", str(PROJECT), "factcheck", "--all-files")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "factcheck verify" in run.stdout and "Failed" in run.stdout
    assert "muster-an-budget.yaml:18:5: FC101 fail: 7,7 + 1,5 + 4,9 = 14,1 Mio. €" in run.stdout
    assert "zentren.yaml:15:5: FC102 fail: 50 von 54 = 92,6 %" in run.stdout


def test_installed_hook_refuses_a_commit_while_any_claim_is_inconsistent(
    tmp_path: Path, pre_commit_home: Path
):
    head = git(PROJECT, "rev-parse", "HEAD").stdout.strip()
    repo = corpus_repo(tmp_path)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {PROJECT}\n    rev: {head}\n    hooks:\n      - id: factcheck\n",
        encoding="utf-8",
    )
    installed = pre_commit(repo, pre_commit_home, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    git(repo, "add", ".pre-commit-config.yaml")
    assert git(repo, "commit", "-qm", "hooks").returncode == 0  # no claim staged: skipped

    # A consistent edit to one claim is refused: another claim's sum and share still fail.
    claim = repo / "claims" / "musterland-integration" / "sprachkurse.yaml"
    claim.write_text(claim.read_text(encoding="utf-8").replace("Sprachkurse", "Kurse", 1))
    git(repo, "add", str(claim))
    refused = git(repo, "commit", "-qm", "one consistent claim")
    assert refused.returncode != 0
    assert "muster-an-budget.yaml:18:5: FC101 fail" in refused.stdout + refused.stderr

    # With every claim consistent, the same commit goes through.
    budget = repo / "claims" / "musterland-integration" / "muster-an-budget.yaml"
    budget.write_text(budget.read_text(encoding="utf-8").replace("value: 13,4", "value: 14,1"))
    source = repo / "claims" / "musterland-integration" / "source.txt"
    source.write_text(
        source.read_text(encoding="utf-8")
        .replace("mit 13,4 Millionen", "mit 14,1 Millionen")
        .replace("also in 95 Prozent", "also in 93 Prozent"),
        encoding="utf-8",
    )
    shares = repo / "claims" / "musterland-integration" / "zentren.yaml"
    shares.write_text(shares.read_text(encoding="utf-8").replace("95", "93"), encoding="utf-8")
    budget.write_text(budget.read_text(encoding="utf-8").replace("mit 13,4", "mit 14,1"))
    git(repo, "add", "-A")
    accepted = git(repo, "commit", "-qm", "every claim consistent")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
