"""What every report says about how it was made: tool version, date, and settings.

Shared by the reporters so that a terminal report, an HTML page and a machine-readable file
describe the same run in the same words.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.model import Report


def settings_text(settings: dict[str, Any]) -> str:
    """The run's settings on one line, in key order: ``strict=false, levels=defaults``."""
    if not settings:
        return "defaults"
    items = []
    for key in sorted(settings):
        value = settings[key]
        if value in ({}, [], None, ""):
            shown = "defaults"
        elif isinstance(value, str):
            shown = value
        else:
            shown = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
        items.append(f"{key}={shown}")
    return ", ".join(items)


def provenance_text(report: Report) -> str:
    """One line naming the tool version, the date of the run and its settings."""
    return (
        f"factcheck {report.tool_version}, generated {report.generated}, "
        f"settings: {settings_text(report.settings)}"
    )
