"""Running ``verify`` for the output format tests, and comparing text with snapshots.

Reports are made reproducible with ``SOURCE_DATE_EPOCH`` (their date is then fixed) and a
fixed terminal width, so a snapshot holds the exact bytes a user gets. To accept changed
output, run the tests with ``FACTCHECK_UPDATE_SNAPSHOTS=1`` and review the diff of
``tests/snapshots/``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import PROJECT, Run, run_factcheck

SNAPSHOTS = PROJECT / "tests" / "snapshots"
#: A made-up release whose claims have a sum and a share that do not hold.
FAILING = PROJECT / "tests" / "fixtures" / "failing"
#: 2023-11-14T22:13:20+00:00, the date every report in a snapshot carries.
EPOCH = "1700000000"
DATE = "2023-11-14T22:13:20+00:00"
#: The settings of a run without a configuration file, as data and as every report writes them.
SETTINGS = {
    "config": "none",
    "levels": {},
    "lexicon": {},
    "options": {},
    "rounding": "up-or-down",
    "rules": "all",
    "strict": False,
}
SETTINGS_TEXT = (
    "config=none, levels=defaults, lexicon=defaults, options=defaults, rounding=up-or-down, "
    "rules=all, strict=false"
)


def environment(**extra: str) -> dict[str, str]:
    """The environment of a reproducible run, outside GitHub Actions, 100 columns wide."""
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    env.update(SOURCE_DATE_EPOCH=EPOCH, COLUMNS="100", NO_COLOR="1")
    env.update(extra)
    return env


def verify(*args: str | Path, cwd: Path = PROJECT, **extra_env: str) -> Run:
    """``factcheck verify ARGS`` run reproducibly in ``cwd``, as CI would run it."""
    return run_factcheck("verify", *args, cwd=cwd, env=environment(**extra_env))


def verify_failing(*args: str | Path) -> Run:
    """``verify claims ARGS`` on the failing fixture, with paths as a user there sees them."""
    return verify("claims", *args, cwd=FAILING)


def verify_bundled(*args: str | Path) -> Run:
    """``verify claims ARGS`` on the bundled corpus from the project's root."""
    return verify("claims", *args, cwd=PROJECT)


def broken_copy(tmp_path: Path) -> Path:
    """A copy of the failing fixture with input problems: a YAML syntax error and a check
    that names an unknown figure. Returns the copy's root (run ``verify claims`` there)."""
    root = tmp_path / "broken"
    shutil.copytree(FAILING, root)
    folder = root / "claims" / "musterland-integration"
    (folder / "kaputt.yaml").write_text("id: kaputt\nfigures: [unclosed\n", encoding="utf-8")
    claim = folder / "sprachkurse.yaml"
    claim.write_text(
        claim.read_text(encoding="utf-8").replace("[erwachsene, kinder]", "[erwachsene, kindr]"),
        encoding="utf-8",
    )
    return root


def warning_copy(tmp_path: Path) -> Path:
    """The failing fixture with its failing rules, FC101 and FC102, at level warning."""
    root = tmp_path / "warning"
    shutil.copytree(FAILING, root)
    levels = "rules:\n  FC101: {level: warning}\n  FC102: {level: warning}\n"
    (root / ".factcheck.yaml").write_text(levels, "utf-8")
    return root


def suppressed_copy(tmp_path: Path) -> Path:
    """A copy of the failing fixture whose failing sum is suppressed, with a reason."""
    root = tmp_path / "suppressed"
    shutil.copytree(FAILING, root)
    claim = root / "claims" / "musterland-integration" / "muster-an-budget.yaml"
    claim.write_text(
        claim.read_text(encoding="utf-8")
        + "    suppress:\n      - rule: FC101\n        reason: "
        + SUPPRESSION_REASON
        + "\n",
        encoding="utf-8",
    )
    return root


#: Why the failing sum of ``suppressed_copy`` is accepted.
SUPPRESSION_REASON = "The release corrects the staff budget to 4,2 Mio. € in its annex."


def assert_snapshot(name: str, text: str) -> None:
    """``text`` must be the snapshot ``tests/snapshots/NAME`` byte for byte."""
    path = SNAPSHOTS / name
    if os.environ.get("FACTCHECK_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no snapshot {path}; run with FACTCHECK_UPDATE_SNAPSHOTS=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"output differs from {path}; see the diff above"
