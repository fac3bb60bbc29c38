"""Reporters: one module per output format; each only reads a Report and writes text."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TextIO

from factcheck.model import Report

#: Output format -> reporter module under factcheck.reporters.
FORMATS = {
    "rich": "terminal",
    "concise": "concise",
    "json": "json",
    "junit": "junit",
    "github": "github",
    "sarif": "sarif",
    "markdown": "markdown",
    "html": "html",
}


def resolve(format_name: str, to_terminal: bool, environ: Mapping[str, str]) -> str:
    """The format ``auto`` stands for: GitHub annotations under GitHub Actions, ``rich`` on
    a terminal, ``concise`` otherwise. Any other name stands for itself."""
    if format_name != "auto":
        return format_name
    if environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "rich" if to_terminal else "concise"


def render(report: Report, format_name: str, out: TextIO) -> None:
    """Write ``report`` to ``out`` in the named format."""
    module = importlib.import_module(f"factcheck.reporters.{FORMATS[format_name]}")
    module.render(report, out)
