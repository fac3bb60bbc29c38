"""Every report says how it was made: tool version, date, and the settings of the run."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import CORPUS

from factcheck import __version__
from factcheck.reporters.provenance import settings_text

DATE = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00"


def test_settings_are_written_in_key_order_with_defaults_named():
    settings = {"strict": True, "levels": {}, "select": ["FC101", "FC001"]}
    assert settings_text(settings) == 'levels=defaults, select=["FC101", "FC001"], strict=true'
    assert settings_text({}) == "defaults"


def test_terminal_report_ends_with_version_date_and_settings(factcheck):
    run = factcheck("verify", CORPUS, "--strict", "--format", "rich")
    # --strict fails on the bundled corpus's one warning (its 54 against the state's 53).
    assert run.code == 1, run.output
    assert re.search(
        rf"factcheck {re.escape(__version__)}, generated {DATE}, "
        r"settings: config=none, levels=defaults, lexicon=defaults, options=defaults, "
        r"rounding=up-or-down, rules=all, strict=true",
        run.out,
    )


def test_html_report_shows_version_date_and_settings_at_top_and_bottom(factcheck, tmp_path: Path):
    out = tmp_path / "report.html"
    run = factcheck("verify", CORPUS, "--strict", "--format", "html", "--output-file", out)
    assert run.code == 1, run.output
    page = out.read_text(encoding="utf-8")
    line = re.compile(
        rf"factcheck {re.escape(__version__)} · generated <time datetime=\"{DATE}\">"
        rf"{DATE}</time> · settings: <span class=\"settings\">config=none, levels=defaults, "
        r"lexicon=defaults, options=defaults, rounding=up-or-down, rules=all, strict=true"
    )
    assert len(line.findall(page)) == 2
    assert f'<meta name="generator" content="factcheck {__version__}">' in page
