"""Headless Chromium for the tests, driven over the DevTools protocol on a pipe.

No browser download and no extra package: Debian's ``chromium`` is started with
``--remote-debugging-pipe``, which reads NUL-terminated JSON commands on file descriptor 3
and writes answers and events on descriptor 4. A page is opened in a fresh profile with
every request intercepted: the page's own file is let through, anything else is refused and
recorded, so a test sees each request that would have left the page. Console errors,
uncaught exceptions and browser log errors (a refused load, a CSP violation) are recorded
too.

Run as a script to take a screenshot of an HTML file:
``python tests/chromium.py report.html docs/report.png``.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

#: Where Debian installs Chromium.
DEBIAN_CHROMIUM = "/usr/bin/chromium"
FLAGS = (
    "--headless",
    "--no-sandbox",  # the tests run as root in CI, where the sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
    # Belt and braces: no host name resolves, so nothing could leave even if let through.
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
TIMEOUT = 30.0


def find_chromium() -> str | None:
    """The Chromium executable, or None where it is not installed."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    return DEBIAN_CHROMIUM if os.access(DEBIAN_CHROMIUM, os.X_OK) else None


class BrowserError(RuntimeError):
    """Chromium answered a command with an error, or did not answer in time."""


class Chromium:
    """One headless Chromium process; open pages with :meth:`open`."""

    def __init__(self, executable: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="factcheck-chromium-")
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()

        def onto_3_and_4() -> None:
            # The protocol pipe must be descriptors 3 and 4 in the child; dup first so that
            # neither end is overwritten by the other.
            read_end, write_end = os.dup(commands_read), os.dup(answers_write)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=onto_3_and_4,
            pass_fds=(3, 4),
        )
        os.close(commands_read)
        os.close(answers_write)
        self._messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._next_id = 0
        self._answers_by_id: dict[int, dict[str, Any]] = {}
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        buffer = b""
        with os.fdopen(self._answers, "rb", buffering=0) as stream:
            while chunk := stream.read(65536):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for message in messages:
                    self._messages.put(json.loads(message))
        self._messages.put(None)

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
        on_event: Any = None,
    ) -> dict[str, Any]:
        """Send one command and wait for its answer; events met meanwhile go to ``on_event``."""
        self._next_id += 1
        number = self._next_id
        command: dict[str, Any] = {"id": number, "method": method, "params": params or {}}
        if session:
            command["sessionId"] = session
        os.write(self._commands, json.dumps(command).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        # An event handler may send commands of its own, so answers can arrive for a command
        # other than the one this call waits for: keep them until their caller asks.
        while number not in self._answers_by_id:
            message = self._next(deadline, method)
            if "id" in message:
                self._answers_by_id[message["id"]] = message
            elif on_event is not None:
                on_event(message)
        answer = self._answers_by_id.pop(number)
        if "error" in answer:
            raise BrowserError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    def _next(self, deadline: float, waiting_for: str) -> dict[str, Any]:
        try:
            message = self._messages.get(timeout=max(deadline - time.monotonic(), 0.01))
        except queue.Empty:
            raise BrowserError(f"no answer from Chromium to {waiting_for}") from None
        if message is None:
            raise BrowserError(f"Chromium closed the pipe while waiting for {waiting_for}")
        return message

    def open(self, path: Path, width: int = 1000, height: int = 800, mobile: bool = False) -> Page:
        """Open a local HTML file in a new tab and wait until it has loaded."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        page = Page(self, session, path.resolve().as_uri())
        page.start(width, height, mobile)
        return page

    def close(self) -> None:
        """Ask Chromium to quit; end the process if it does not."""
        # Chromium may close the pipe before it answers Browser.close.
        with contextlib.suppress(BrowserError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._commands)
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    """One tab: what it loaded, what it logged, and ways to look at it."""

    def __init__(self, browser: Chromium, session: str, url: str) -> None:
        self.browser = browser
        self.session = session
        self.url = url
        self.requests: list[str] = []
        self.refused: list[str] = []
        self.console_errors: list[str] = []
        self.loaded = False

    def _event(self, message: dict[str, Any]) -> None:
        if message.get("sessionId") != self.session:
            return
        method, params = message["method"], message.get("params", {})
        if method == "Fetch.requestPaused":
            url = params["request"]["url"]
            self.requests.append(url)
            if url == self.url:
                self._command("Fetch.continueRequest", {"requestId": params["requestId"]})
            else:
                self.refused.append(url)
                self._command(
                    "Fetch.failRequest",
                    {"requestId": params["requestId"], "errorReason": "BlockedByClient"},
                )
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            texts = [str(arg.get("value", arg.get("description", ""))) for arg in params["args"]]
            self.console_errors.append("console: " + " ".join(texts))
        elif method == "Runtime.exceptionThrown":
            self.console_errors.append("exception: " + json.dumps(params["exceptionDetails"]))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            entry = params["entry"]
            self.console_errors.append(f"log ({entry['source']}): {entry['text']}")
        elif method == "Page.loadEventFired":
            self.loaded = True

    def _command(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, self.session, on_event=self._event)

    def start(self, width: int, height: int, mobile: bool) -> None:
        """Enable the domains the tests watch, then load the page."""
        for domain in ("Page", "Runtime", "Log"):
            self._command(f"{domain}.enable")
        self._command("Fetch.enable", {"patterns": [{"urlPattern": "*"}]})
        self.set_viewport(width, height, mobile)
        self._command("Page.navigate", {"url": self.url})
        deadline = time.monotonic() + TIMEOUT
        while not self.loaded:
            self._event(self.browser._next(deadline, "Page.loadEventFired"))
        # Let late console messages and requests arrive: a round trip through the page.
        self.evaluate("document.readyState")

    def set_viewport(self, width: int, height: int, mobile: bool = False) -> None:
        """Emulate a screen of this size; ``mobile`` also scales text as a phone does."""
        self._command(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )

    def emulate_media(self, media: str) -> None:
        """Render as for ``print`` or ``screen``."""
        self._command("Emulation.setEmulatedMedia", {"media": media})

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self._command(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True}
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path, full_page: bool = True) -> bytes:
        """Save a PNG of the page (all of it, or the viewport) and return its bytes."""
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full_page}
        if full_page:
            size = self._command("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {
                "x": 0,
                "y": 0,
                "width": size["width"],
                "height": size["height"],
                "scale": 1,
            }
        data = base64.b64decode(self._command("Page.captureScreenshot", params)["data"])
        path.write_bytes(data)
        return data

    def screenshot_element(self, selector: str, path: Path, margin: int = 8) -> bytes:
        """Save a PNG of the first element matching a CSS selector."""
        box = self.evaluate(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
            ".getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.width, "
            "r.height]; })()"
        )
        x, y, width, height = box
        clip = {
            "x": max(x - margin, 0),
            "y": max(y - margin, 0),
            "width": width + 2 * margin,
            "height": height + 2 * margin,
            "scale": 1,
        }
        params = {"format": "png", "captureBeyondViewport": True, "clip": clip}
        data = base64.b64decode(self._command("Page.captureScreenshot", params)["data"])
        path.write_bytes(data)
        return data

    def pdf(self) -> bytes:
        """The page printed to PDF, as print media renders it."""
        return base64.b64decode(self._command("Page.printToPDF", {})["data"])


def main(argv: list[str]) -> int:
    """Screenshot an HTML file: ``chromium.py PAGE.html OUT.png [--width W] [--height H]
    [--element CSS]``; without ``--height`` the whole page, with ``--element`` only that."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("page", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1000)
    parser.add_argument("--height", type=int, default=0)
    parser.add_argument("--element", default="")
    args = parser.parse_args(argv)
    executable = find_chromium()
    if executable is None:
        print("chromium is not installed: apt-get install chromium", file=sys.stderr)
        return 2
    browser = Chromium(executable)
    try:
        page = browser.open(args.page, width=args.width, height=args.height or 800)
        if args.element:
            page.screenshot_element(args.element, args.out)
        else:
            page.screenshot(args.out, full_page=not args.height)
        problems = page.console_errors + [f"request left the page: {u}" for u in page.refused]
    finally:
        browser.close()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
