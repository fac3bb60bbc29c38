"""Writing files without losing what was there.

factcheck writes three kinds of file: a new claim (``new``), a report (``verify
--output-file``) and an export (``export claimreview --output-file``). Each is written
atomically: the text goes to a temporary file in the target's folder (so the last step
cannot cross file systems), is flushed to disk, and is put in place in one step. A reader,
or a run that is interrupted, sees the old file or the new one, never part of either.

A new claim never replaces a file: it is put in place with a hard link, which fails if the
name was taken in the meantime, where a rename would silently replace it. A report or an
export may replace an earlier one, but never a file of the corpus it was made from.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO


class WriteError(Exception):
    """A file that must not or cannot be written; the message names it and says why."""


def write_file(path: Path, write: Callable[[TextIO], None], *, replace: bool) -> None:
    """Write ``path`` atomically with ``write(out)``; with ``replace`` False, raise
    FileExistsError rather than replace a file that exists, even one created meanwhile.

    On any failure, an interruption included, the temporary file is removed and ``path``
    is left as it was. Only a process killed outright (SIGKILL) can leave the hidden
    temporary file ``.<name>.<random>.tmp`` beside ``path``; ``path`` itself is whole.
    """
    if not replace and path.exists():
        raise FileExistsError(errno.EEXIST, "File exists", str(path))
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            # mkstemp makes the file private (0600); the result is as readable as any other
            # file the user creates.
            os.chmod(out.fileno(), 0o666 & ~_umask())
            write(out)
            out.flush()
            os.fsync(out.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            _link_new(Path(temporary), path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _link_new(temporary: Path, path: Path) -> None:
    """Give the written temporary file the name ``path`` only if no file has it."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        # A file system without hard links: check, then rename (a narrow race remains).
        if path.exists():
            raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
        os.replace(temporary, path)
        return
    temporary.unlink()


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry for the new name to disk, where the system allows it."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _umask() -> int:
    """The process's file-creation mask (reading it means setting it, so it is set back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_output(path: Path, read: Iterable[Path], option: str = "--output-file") -> None:
    """Refuse an output file that is, or lies in, one of the files and folders ``read``:
    the corpus a command reads is never written by it."""
    target = path.resolve()
    for given in read:
        source = given.resolve()
        if target == source:
            raise WriteError(
                f"{option} {path}: that is {given}, which this command reads and never writes; "
                "write to another file"
            )
        if source.is_dir() and target.is_relative_to(source):
            raise WriteError(
                f"{option} {path}: it lies in {given}, which this command reads and never "
                "writes; write outside it"
            )
