"""verify on the bundled corpus and on broken copies of it: what a user sees."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import CORPUS


def test_bundled_corpus_is_consistent_and_shows_the_komm_an_sum(factcheck):
    run = factcheck("verify", CORPUS, "--format", "rich")
    assert run.code == 0, run.output
    assert "7,7 + 1,5 + 4,2 = 13,4 Mio. €" in run.out
    assert "komm-an-budget consistent" in run.out


def test_default_path_is_the_projects_claims_folder(factcheck):
    run = factcheck("verify", "--format", "rich")
    assert run.code == 0, run.output
    assert "komm-an-budget" in run.out


def test_claims_without_checks_are_not_checkable_never_passed(factcheck):
    run = factcheck("verify", CORPUS, "--format", "rich")
    assert "infrastruktur-kein-land not checkable by rules" in run.out
    assert "infrastruktur-kein-land consistent" not in run.out


def test_changed_part_fails_with_computed_stated_and_difference(factcheck, source_dir: Path):
    claim = source_dir / "komm-an-budget.yaml"
    claim.write_text(claim.read_text(encoding="utf-8").replace("value: 4,2", "value: 4,9"))
    run = factcheck("verify", source_dir.parent, "--format", "rich")
    assert run.code == 1, run.output
    assert "7,7 + 1,5 + 4,9 = 14,1 Mio. €" in run.out
    assert "total is stated as 13,4 Mio. €" in run.out
    assert "difference 0,7 Mio. €" in run.out
    assert "komm-an-budget.yaml:18:5" in run.out


def test_yaml_syntax_error_exits_2_names_file_and_line_and_others_still_report(
    factcheck, source_dir: Path
):
    broken = source_dir / "kita-plaetze.yaml"
    broken.write_text("id: kita-plaetze\nfigures: [unclosed\n", encoding="utf-8")
    run = factcheck("verify", source_dir.parent, "--format", "rich")
    assert run.code == 2, run.output
    assert "Traceback" not in run.output
    assert re.search(r"kita-plaetze\.yaml:\d+:\d+: YAML syntax error", run.out)
    assert "7,7 + 1,5 + 4,2 = 13,4 Mio. €" in run.out


def test_no_colour_when_piped(factcheck):
    run = factcheck("verify", CORPUS, "--format", "rich")
    assert "\x1b[" not in run.out


def _on_a_terminal(extra_env: dict[str, str]) -> str:
    """What verify prints on a real terminal (a pseudo-terminal), with ``extra_env`` set."""
    import os
    import pty
    import subprocess
    import sys

    controller, terminal = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    env.update(TERM="xterm-256color", **extra_env)
    process = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "verify", str(CORPUS)],
        stdout=terminal,
        stderr=terminal,
        env=env,
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    assert process.wait(timeout=120) == 0
    return b"".join(chunks).decode("utf-8", "replace")


# SGR colour parameters: 30-37, 90-97 (foreground), 38;... (extended), and their backgrounds.
_COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7]|4[0-8]|10[0-7])(?:;[0-9;]*)?m")


def test_colour_on_a_terminal_and_none_with_no_color():
    assert _COLOUR.search(_on_a_terminal({}))
    plain = _on_a_terminal({"NO_COLOR": "1"})
    assert "komm-an-budget" in plain and "7,7 + 1,5 + 4,2 = 13,4 Mio. €" in plain
    assert not _COLOUR.search(plain)
