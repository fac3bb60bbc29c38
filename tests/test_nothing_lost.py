"""Nothing an editor wrote is lost: verify and export never write into the corpus, an
output file never replaces a file of the corpus, and new never overwrites a claim
(tests/test_cli_new.py) and writes atomically (tests/test_writing.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file and folder under ``folder``: its bytes, mode and modification time."""
    snapshot = {}
    for path in sorted([folder, *folder.rglob("*")]):
        status = path.lstat()
        content = path.read_bytes() if path.is_file() else b""
        snapshot[str(path.relative_to(folder))] = (content, status.st_mode, status.st_mtime_ns)
    return snapshot


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder holding a copy of the corpus, with one failing claim so every kind
    of finding is written."""
    shutil.copytree(CORPUS, tmp_path / "claims")
    budget = tmp_path / "claims" / "nrw-spd-faktencheck-integration" / "komm-an-budget.yaml"
    wrong = budget.read_text(encoding="utf-8").replace("value: 4,2 Mio. €", "value: 4,3 Mio. €")
    budget.with_name("wrong.yaml").write_text(wrong.replace("id: komm-an-budget", "id: wrong"))
    # Old times, so that any write, even of the same bytes, changes them.
    for path in (tmp_path / "claims").rglob("*"):
        os.utime(path, ns=(10**18, 10**18))
    return tmp_path


EXPORT = ("export", "claimreview", "--reviewer", "R", "--base-url", "https://example.org/checks")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("verify",), 1),
        (("verify", "claims"), 1),
        (("verify", "--jobs", "2", "claims"), 1),
        (("verify", "--format", "html", "--output-file", "report.html"), 1),
        (("verify", "claims/nrw-spd-faktencheck-integration/wrong.yaml"), 1),
        ((*EXPORT, "--output-file", "reviews.json"), 0),
    ],
)
def test_verify_and_export_never_write_under_claims(factcheck, project: Path, args, code: int):
    before = _snapshot(project / "claims")
    run = factcheck(*args, cwd=project)
    assert run.code == code, run.output  # the wrong claim fails verify
    assert _snapshot(project / "claims") == before


def test_an_output_file_is_written_whole_beside_the_corpus(factcheck, project: Path):
    (project / "report.html").write_text("an old report\n")
    run = factcheck("verify", "--format", "html", "--output-file", "report.html", cwd=project)
    assert run.code == 1
    assert (project / "report.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    # No temporary file is left beside the report (the result cache has its own folder).
    assert sorted(path.name for path in project.glob(".*")) in ([], [".factcheck_cache"])


@pytest.mark.parametrize(
    ("args", "refused"),
    [
        (
            ("verify", "--output-file", "claims/report.html"),
            "--output-file claims/report.html: it lies in claims, which this command reads "
            "and never writes; write outside it",
        ),
        (
            (
                "verify",
                "claims/nrw-spd-faktencheck-integration/wrong.yaml",
                "--output-file",
                "claims/nrw-spd-faktencheck-integration/komm-an-budget.yaml",
            ),
            "--output-file claims/nrw-spd-faktencheck-integration/komm-an-budget.yaml: it lies "
            "in claims/nrw-spd-faktencheck-integration, which this command reads and never "
            "writes; write outside it",
        ),
        (
            (*EXPORT, "--output-file", "claims/x.json"),
            "--output-file claims/x.json: it lies in claims, which this command reads and never "
            "writes; write outside it",
        ),
    ],
)
def test_an_output_file_in_the_corpus_is_refused_before_anything_is_written(
    factcheck, project: Path, args, refused: str
):
    before = _snapshot(project / "claims")
    run = factcheck(*args, cwd=project)
    assert run.code == 2
    assert run.err == f"factcheck: error: {refused}\n"
    assert run.out == ""
    assert _snapshot(project / "claims") == before
