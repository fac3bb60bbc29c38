"""A check names a figure or a reference fact that does not exist.

What it checks:
    Every name in a check (``total``, ``other-claim.total``, ``ref:kreise-nrw``, and each
    name inside an expression or a comparison) must name a figure of the claim, a figure of
    another claim, or a reference fact. An unknown name is input that cannot be used: it is
    reported as an error at the file, line and column where it is written, with the nearest
    known name, and ``factcheck verify`` exits 2. The claim's other checks are not run and
    the other files are still checked. This rule is always on; it cannot be turned off or
    suppressed, since a check with an unknown name cannot be evaluated at all.

Why it matters:
    A misspelt name would otherwise make a check silently check nothing, or check the wrong
    figure. Stopping with the nearest name ("did you mean 'total'?") turns a typo into a
    one-line fix.

Example:
    Passes: every name is a figure of the claim.

    ```yaml
    figures:
      total: {quote: "13,4 Millionen Euro", value: "13,4 Mio. €"}
      ehrenamt: {quote: "7,7 Millionen Euro", value: "7,7 Mio. €"}
    checks:
      - compare: "ehrenamt <= total"
    ```

    Fails: "totl" is no figure (exit 2, "did you mean 'total'?").

    ```yaml
    figures:
      total: {quote: "13,4 Millionen Euro", value: "13,4 Mio. €"}
      ehrenamt: {quote: "7,7 Millionen Euro", value: "7,7 Mio. €"}
    checks:
      - compare: "ehrenamt <= totl"
    ```
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.context import REFERENCE_PREFIX
from factcheck.model import InputProblem, Location
from factcheck.rules import INPUT
from factcheck.yamltree import shown, suggestion

CODE = "FC304"
NAME = "unknown-figure-name"
LEVEL = "error"
CHECK = None
PHASE = INPUT


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def problem(location: Location, name: str, known: list[str], where: str = "") -> InputProblem:
    """The input problem for ``name``, unknown at ``location`` (``where`` says where in the
    check's text, such as "at column 12 of 'equals'"), with the nearest of ``known``."""
    what = "reference fact" if name.startswith(REFERENCE_PREFIX) else "figure"
    place = f" {where}" if where else ""
    message = f"unknown {what} {shown(name)}{place}{suggestion(name, known)}"
    if what == "reference fact" and not any(k.startswith(REFERENCE_PREFIX) for k in known):
        message += "; reference facts are read from the references/ folder beside the sources"
    return InputProblem(location, message, code=CODE)
