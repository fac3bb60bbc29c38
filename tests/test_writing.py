"""Atomic writes: a file is whole or not there, and a new file never replaces one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.writing import WriteError, check_output, write_file

# A child that writes half a file, says so, and waits to be interrupted before the rest.
_HALF_WRITTEN = """
import signal, sys, time
from pathlib import Path
from factcheck.writing import write_file

# Ctrl-C as a terminal delivers it, even where the test runner was started in the background
# and its children inherit SIGINT ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)

def write(out):
    out.write("first half\\n" * 1000)
    out.flush()
    print("half", flush=True)
    time.sleep(60)
    out.write("second half\\n")

write_file(Path(sys.argv[1]), write, replace=True)
"""


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_a_written_file_is_whole_and_as_readable_as_any_new_file(tmp_path: Path):
    target = tmp_path / "report.txt"
    write_file(target, lambda out: out.write("a\nb\n"), replace=True)
    assert target.read_bytes() == b"a\nb\n"
    umask = os.umask(0o022)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert _leftovers(tmp_path) == []


def test_a_new_file_never_replaces_one(tmp_path: Path):
    target = tmp_path / "claim.yaml"
    target.write_text("mine\n")
    with pytest.raises(FileExistsError):
        write_file(target, lambda out: out.write("theirs\n"), replace=False)
    assert target.read_text() == "mine\n"
    assert _leftovers(tmp_path) == []


def test_a_file_created_while_writing_is_not_replaced(tmp_path: Path):
    target = tmp_path / "claim.yaml"

    def write(out) -> None:
        out.write("theirs\n")
        target.write_text("written meanwhile by an editor\n")

    with pytest.raises(FileExistsError):
        write_file(target, write, replace=False)
    assert target.read_text() == "written meanwhile by an editor\n"
    assert _leftovers(tmp_path) == []


def test_a_failure_while_writing_leaves_the_old_file_and_nothing_else(tmp_path: Path):
    target = tmp_path / "report.txt"
    target.write_text("old report\n")

    def write(out) -> None:
        out.write("new rep")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_file(target, write, replace=True)
    assert target.read_text() == "old report\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("interrupt", "cleaned_up"), [(signal.SIGINT, True), (signal.SIGKILL, False)]
)
def test_a_process_interrupted_mid_write_leaves_the_old_file_whole(
    tmp_path: Path, interrupt: signal.Signals, cleaned_up: bool
):
    target = tmp_path / "report.txt"
    target.write_text("old report\n")
    child = subprocess.Popen(
        [sys.executable, "-c", _HALF_WRITTEN, str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline() == "half\n"
    assert len(_leftovers(tmp_path)) == 1  # the half-written temporary file
    child.send_signal(interrupt)
    child.communicate(timeout=60)
    assert target.read_text() == "old report\n"
    # Ctrl-C runs the clean-up; nothing can run when a process is killed outright, and the
    # hidden .tmp file it leaves is no claim file (verify reads only .yaml files).
    assert (_leftovers(tmp_path) == []) is cleaned_up


def test_an_output_in_a_folder_read_or_over_a_file_read_is_refused(tmp_path: Path):
    corpus = tmp_path / "claims"
    (corpus / "source").mkdir(parents=True)
    claim = corpus / "source" / "claim.yaml"
    claim.write_text("id: claim\n")
    with pytest.raises(WriteError, match=r"it lies in .*claims, which this command reads"):
        check_output(corpus / "report.html", [corpus])
    with pytest.raises(WriteError, match=r"that is .*claim\.yaml, which this command reads"):
        check_output(tmp_path / "claims" / "source" / ".." / "source" / "claim.yaml", [claim])
    check_output(tmp_path / "report.html", [corpus, claim])
