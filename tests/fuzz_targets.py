"""What the fuzzers feed: each target takes arbitrary input and lets through only a bug.

A target catches the tool's own error for bad input (InputError, FigureError,
ExpressionError, ConfigError) and nothing else, so any other exception, a crash or a hang
is a finding. ``tests/test_fuzzing.py`` drives the targets with hypothesis on every test
run; ``fuzzing/run_atheris.py`` drives them with atheris, coverage-guided, for as long as
one likes (docs/reliability.md says how).
"""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from decimal import Decimal
from functools import cache
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SLUG = "nrw-spd-faktencheck-integration"
LANGUAGES = ("de", "en", None)


@cache
def _workspace() -> Path:
    """A folder of this process for the files the targets write: a corpus holding the
    bundled source and reference facts, and a project folder for configurations."""
    top = Path(tempfile.mkdtemp(prefix="factcheck-fuzz-"))
    corpus = top / "project" / "claims"
    (corpus / SLUG).mkdir(parents=True)
    for name in ("source.yaml", "source.txt"):
        shutil.copy(PROJECT / "claims" / SLUG / name, corpus / SLUG / name)
    shutil.copytree(PROJECT / "claims" / "references", corpus / "references")
    return top


def yaml_file(data: bytes) -> None:
    """Bytes read as a YAML file into the located tree: only InputError may come out."""
    from factcheck.yamltree import InputError, load_yaml

    path = _workspace() / "fuzz.yaml"
    path.write_bytes(data)
    with contextlib.suppress(InputError):
        load_yaml(path)


def claim_file(data: bytes) -> None:
    """Bytes as a claim file beside the bundled source, through the whole of ``verify``:
    load, check, and the report in every format. Bad input becomes problems in the report,
    so nothing at all may come out."""
    from factcheck.engine import run
    from factcheck.load import load_corpus
    from factcheck.reporters import FORMATS, render

    corpus = _workspace() / "project" / "claims"
    (corpus / SLUG / "fuzz.yaml").write_bytes(data)
    report = run(load_corpus([corpus]))
    for format_name in FORMATS:
        out = io.StringIO()
        render(report, format_name, out)
        out.getvalue().encode("utf-8")  # as it is written to a file or a terminal


def configuration(data: bytes, toml: bool) -> None:
    """Bytes as ``pyproject.toml`` (``toml``) or ``.factcheck.yaml``, found and resolved as
    every command does: only ConfigError may come out."""
    from factcheck.config import ConfigError, load_config

    project = _workspace() / "project"
    for name in (".factcheck.yaml", "pyproject.toml"):
        (project / name).unlink(missing_ok=True)
    (project / ("pyproject.toml" if toml else ".factcheck.yaml")).write_bytes(data)
    try:
        config = load_config(project)
        config.settings()
    except ConfigError:
        pass


def figure(text: str, lang: str | None) -> None:
    """A figure as written, read on its own and searched for in a text: only FigureError
    may come out, and a reading's interval must hold its value."""
    from factcheck.numbers import FigureError, find_figures, parse_figure

    try:
        reading = parse_figure(text, lang)
    except FigureError:
        pass
    else:
        interval = reading.interval
        assert interval.lo <= interval.hi, (text, interval)
    with contextlib.suppress(FigureError):
        find_figures(text, lang or "de")


def expression(text: str) -> None:
    """An expression over figures, parsed and evaluated, and a comparison, parsed: only
    ExpressionError may come out."""
    from factcheck.expression import ExpressionError, evaluate, parse, parse_relation

    with contextlib.suppress(ExpressionError):
        evaluate(parse(text), _figure_value)
    with contextlib.suppress(ExpressionError):
        parse_relation(text)


def _figure_value(name: str):  # -> expression.Value
    """A value for any figure name, picked by the name: bounded, unbounded, holding 0 or
    not, in euros, counts, percent or no unit."""
    from factcheck.expression import value
    from factcheck.interval import INFINITY, Interval

    intervals = (
        Interval(Decimal("13.35"), Decimal("13.45")),
        Interval(Decimal(5000), INFINITY, lo_open=True),
        Interval(Decimal(-1), Decimal(1)),
        Interval.point(Decimal(0)),
        Interval(Decimal("1E-30"), Decimal("1E+30")),
    )
    units = ("", "EUR", "count", "percent")
    code = sum(map(ord, name))
    interval = intervals[code % len(intervals)]
    nominal = interval.lo if interval.lo.is_finite() else Decimal(0)
    return value(interval, nominal, units[code % len(units)])
