"""Running a command on a pseudo-terminal, to see what a person at a terminal sees."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

_STYLE = re.compile(r"\x1b\[[0-9;]*m")


def on_terminal(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run ``command`` with stdout and stderr on a pseudo-terminal; return what it printed."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    columns = int(env.get("COLUMNS", "100"))
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: every writer has ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    process.wait(timeout=120)
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    return _STYLE.sub("", text)  # bold and dim stay on a terminal even with NO_COLOR
