"""What ``factcheck config`` prints: every resolved setting and where it came from."""

from __future__ import annotations

import json

from factcheck.config import CONFIG_FILE, PYPROJECT, Config, shown


def _file_line(config: Config) -> str:
    if config.file is None:
        return (
            f"configuration: none found (no {CONFIG_FILE}, and no {PYPROJECT} with a "
            "[tool.factcheck] table, here or in a folder above); every value is the default"
        )
    line = f"configuration: {config.file}"
    if config.shadowed is not None:
        line += f" ({config.shadowed}'s [tool.factcheck] in the same folder is not read)"
    return line


def as_text(config: Config) -> str:
    """A table of setting, value and origin (``default`` or ``file:line:column``)."""
    rows = [("setting", "value", "from")]
    rows += [(key, shown(setting.value, key), setting.origin) for key, setting in config.items()]
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    lines = [_file_line(config), ""]
    for key, value, origin in rows:
        lines.append(f"{key:<{widths[0]}}  {value:<{widths[1]}}  {origin}")
    return "\n".join(lines) + "\n"


def as_json(config: Config) -> str:
    """The same as one JSON object: the file read, the file it shadows, and a list of
    settings, each with its key, its value (JSON-typed; null for a bundled lexicon or a
    setting not set) and
    where it came from."""
    data = {
        "file": str(config.file) if config.file else None,
        "shadowed": str(config.shadowed) if config.shadowed else None,
        "settings": [
            {"key": key, "value": setting.value, "from": setting.origin}
            for key, setting in config.items()
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
