"""Reporters: one module per output format; each only reads a Report and writes text."""

from __future__ import annotations

import importlib
from typing import TextIO

from factcheck.model import Report

#: Output format -> reporter module under factcheck.reporters.
FORMATS = {"rich": "terminal"}
FORMATS["html"] = "html"


def render(report: Report, format_name: str, out: TextIO) -> None:
    """Write ``report`` to ``out`` in the named format."""
    module = importlib.import_module(f"factcheck.reporters.{FORMATS[format_name]}")
    module.render(report, out)
