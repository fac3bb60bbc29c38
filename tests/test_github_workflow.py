"""The GitHub Actions workflow: the file docs/ci.md shows, valid against GitHub's workflow
schema, and its steps doing what the page says when run as the runner runs them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import PROJECT
from snapshots import FAILING, environment

WORKFLOW = PROJECT / ".github" / "workflows" / "factcheck.yml"


def documented() -> str:
    """The workflow as docs/ci.md shows it."""
    page = (PROJECT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = re.search(r"^## GitHub Actions\n(.*?)(?=^## |\Z)", page, re.M | re.S)
    assert section, "docs/ci.md has no GitHub Actions section"
    block = re.search(r"^```yaml\n(.*?)^```$", section.group(1), re.M | re.S)
    assert block, "the GitHub Actions section shows no workflow"
    return block.group(1)


def steps() -> dict[str, dict]:
    """The verify job's steps by name (or by the action they use)."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return {step.get("name") or step["uses"]: step for step in workflow["jobs"]["verify"]["steps"]}


def run_step(command: str, cwd: Path, summary: Path) -> subprocess.CompletedProcess[str]:
    """Run a step's shell command as the runner does: bash, under GitHub Actions."""
    env = environment(GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(
        ["bash", "-e", "-c", command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_projects_workflow_is_the_documented_one():
    assert documented() == WORKFLOW.read_text(encoding="utf-8")


def test_the_workflow_is_valid_for_github():
    checked = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOW),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_it_installs_factcheck_from_this_repository_and_runs_on_pull_requests():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key 'on' as True
    assert workflow["env"]["FACTCHECK"] == "."
    assert (PROJECT / "pyproject.toml").is_file()
    assert steps()["Install factcheck"]["run"] == 'python -m pip install "$FACTCHECK"'


def test_on_inconsistent_claims_the_verify_step_fails_with_annotations_and_a_summary(
    tmp_path: Path,
):
    workspace = tmp_path / "workspace"
    shutil.copytree(FAILING, workspace)
    summary = tmp_path / "summary.md"
    verified = run_step(steps()["Verify the claims"]["run"], workspace, summary)
    assert verified.returncode == 1, verified.stderr
    errors = [line for line in verified.stdout.splitlines() if line.startswith("::error ")]
    assert [line.split(",")[0] for line in errors] == [
        "::error file=claims/musterland-integration/muster-an-budget.yaml",
        "::error file=claims/musterland-integration/zentren.yaml",
    ]
    summarised = run_step(steps()["Summarise the report"]["run"], workspace, summary)
    assert summarised.returncode == 0, summarised.stderr
    assert summary.read_text(encoding="utf-8").startswith("## ❌ factcheck: 2 checks failed\n")


def test_on_the_bundled_corpus_the_verify_step_passes(tmp_path: Path):
    summary = tmp_path / "summary.md"
    verified = run_step(steps()["Verify the claims"]["run"], PROJECT, summary)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "::error" not in verified.stdout
    run_step(steps()["Summarise the report"]["run"], PROJECT, summary)
    assert "factcheck: every check holds" in summary.read_text(encoding="utf-8")
