"""``--statistics``: how often each rule did not pass, instead of the report, as ruff does.

One row per rule with at least one finding that failed, warned or could not be evaluated
(a suppressed one is not counted, as ruff does not count what ``noqa`` accepts), and one
per rule named by input problems (input problems no rule names are counted
together); the most frequent first, then by code. Text for people, JSON for programs.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, TextIO

from factcheck.model import Report

#: The name of the row that counts input problems no rule names.
INPUT_PROBLEMS = "input-problem"

#: Which statistics each ``--format`` gives; other formats have none.
FORMATS = {"rich": "text", "concise": "text", "json": "json"}


def rows(report: Report) -> list[dict[str, Any]]:
    """``{code, name, count}`` per rule, the most frequent first."""
    from factcheck.reporters.common import findings_to_show
    from factcheck.rules import all_rules

    names = {rule.code: rule.name for rule in all_rules()}
    counts: Counter[tuple[str | None, str]] = Counter()
    for problem in report.problems:
        counts[(problem.code, names.get(problem.code or "", INPUT_PROBLEMS))] += 1
    for finding in findings_to_show(report):
        if finding.suppressed is None:
            counts[(finding.code, finding.rule)] += 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][0] or "~"))
    return [{"code": code, "name": name, "count": count} for (code, name), count in ordered]


def render_text(report: Report, out: TextIO) -> None:
    """Write one line per row: count, code and name in aligned columns."""
    table = rows(report)
    width = max((len(str(row["count"])) for row in table), default=1)
    for row in table:
        out.write(f"{row['count']:>{width}}  {row['code'] or '':<5}  {row['name']}\n")


def render_json(report: Report, out: TextIO) -> None:
    """Write the rows as a JSON array."""
    import json

    json.dump(rows(report), out, ensure_ascii=False, indent=2)
    out.write("\n")


def render(report: Report, format_name: str, out: TextIO) -> None:
    """Write the statistics in the kind ``FORMATS`` gives ``format_name``."""
    if FORMATS[format_name] == "json":
        render_json(report, out)
    else:
        render_text(report, out)
