"""docs/editing.md runs: its commands, in a temporary copy of the project, print what the
page shows. Run this file with Python to write the commands' real output into the page."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from terminal import on_terminal

PROJECT = Path(__file__).resolve().parent.parent
TUTORIAL = PROJECT / "docs" / "editing.md"
_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```\n", re.MULTILINE | re.DOTALL)
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")


def steps(page: str) -> list[tuple[str, re.Match[str] | None]]:
    """Each ```sh block with the ```text block after it (before the next sh block), if any."""
    blocks = list(_BLOCK.finditer(page))
    found = []
    for index, block in enumerate(blocks):
        if block.group(1) != "sh":
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        shown = following if following and following.group(1) == "text" else None
        found.append((block.group(2), shown))
    return found


def run_tutorial(page: str, workdir: Path) -> list[str]:
    """Run every sh block in order in a copy of the project's claims, its output on a
    terminal as a reader's would be (so ``--format auto`` is ``rich``); return each output."""
    shutil.copytree(PROJECT / "claims", workdir / "claims")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "TERM": "xterm",
    }
    env.pop("GITHUB_ACTIONS", None)
    return [on_terminal(["bash", "-c", commands], workdir, env) for commands, _ in steps(page)]


def _comparable(text: str) -> str:
    return "\n".join(line.rstrip() for line in _TIMESTAMP.sub("<time>", text).splitlines())


def test_every_command_of_the_tutorial_prints_what_the_page_shows(tmp_path: Path):
    page = TUTORIAL.read_text(encoding="utf-8")
    pairs = steps(page)
    assert len(pairs) >= 10, "the tutorial lost its commands"
    outputs = run_tutorial(page, tmp_path)
    for (commands, shown), output in zip(pairs, outputs, strict=True):
        if shown is None:
            assert output == "", f"{commands!r} printed output the page does not show"
            continue
        assert _comparable(output) == _comparable(shown.group(2)), commands
    # What the tutorial set out to do: a verified claim, written by `new`.
    claim = tmp_path / "claims" / "musterstadt-schulen" / "schulsanierung.yaml"
    verify = subprocess.run(
        [
            sys.executable,
            "-m",
            "factcheck",
            "verify",
            "claims/musterstadt-schulen",
            "--format",
            "rich",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert claim.is_file()
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert "schulsanierung consistent" in verify.stdout


def update(page_path: Path = TUTORIAL) -> None:
    """Write each command's real output into the text block after it."""
    import tempfile

    page = page_path.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as workdir:
        outputs = run_tutorial(page, Path(workdir))
    pieces, at = [], 0
    for (_, shown), output in zip(steps(page), outputs, strict=True):
        if shown is None:
            continue
        pieces.append(page[at : shown.start(2)])
        pieces.append(output if output.endswith("\n") or not output else output + "\n")
        at = shown.end(2)
    pieces.append(page[at:])
    page_path.write_text("".join(pieces), encoding="utf-8")


if __name__ == "__main__":
    update()
