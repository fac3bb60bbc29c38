"""The command-line interface: options in, exit code out. All logic lives elsewhere."""

from __future__ import annotations

from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

from factcheck import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from factcheck.cache import ResultCache
    from factcheck.config import Config
    from factcheck.model import Report

app = typer.Typer(
    name="factcheck",
    help="Verify that the figures in press releases agree with each other and their sources.",
    no_args_is_help=True,
    add_completion=False,
)


class OutputFormat(StrEnum):
    """The report formats ``verify`` can write (docs/output-formats.md)."""

    auto = "auto"
    rich = "rich"
    concise = "concise"
    json = "json"
    junit = "junit"
    github = "github"
    sarif = "sarif"
    markdown = "markdown"
    html = "html"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


#: The configuration file named with ``--config``; None to search upward from the cwd.
_config_file: Path | None = None


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Read this configuration file instead of the .factcheck.yaml or "
            "pyproject.toml found upward from the current folder.",
        ),
    ] = None,
) -> None:
    """Verify that the figures in press releases agree with each other and their sources."""
    global _config_file
    _config_file = config_file


def _fail(message: str) -> NoReturn:
    typer.echo(f"factcheck: error: {message}", err=True)
    raise typer.Exit(2)


def _config() -> Config:
    """The project's configuration; a bad one ends the command with exit code 2."""
    from factcheck.config import ConfigError, load_config

    try:
        return load_config(Path.cwd(), _config_file)
    except ConfigError as error:
        for problem in error.problems[:-1]:
            typer.echo(f"factcheck: error: {problem}", err=True)
        _fail(str(error.problems[-1]))


def _check(paths: list[Path], config: Config, strict: bool = False) -> Report:
    """Load and check the claims under ``paths``; a bad SOURCE_DATE_EPOCH ends the command."""
    from factcheck.engine import ReportDateError, run
    from factcheck.load import load_corpus

    try:
        return run(load_corpus(paths, config.reader), config.settings(strict=strict))
    except ReportDateError as error:
        _fail(str(error))


@app.command()
def verify(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Claim files or folders; default: the project's claims/ folder."),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            help="Report format; auto: github under GitHub Actions, rich on a terminal, "
            "concise otherwise.",
        ),
    ] = OutputFormat.auto,
    output_file: Annotated[
        Path | None, typer.Option("--output-file", help="Write the report to this file.")
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Processes to check with; 0: every core for 2,000 claims or more on 4 cores or"
            " more, else one.",
        ),
    ] = 0,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero", help="Exit 0 even when checks fail; input problems still exit 2."
        ),
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help="Print how often each rule did not pass instead of the report "
            "(text, or JSON with --format json).",
        ),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Read and check every claim again; neither read nor write the result cache.",
        ),
    ] = False,
) -> None:
    """Check every claim and report which hold; exit 0 consistent, 1 not, 2 bad input."""
    import os
    import sys

    from factcheck import parallel, reporters
    from factcheck.engine import ReportDateError, exit_code, report_date
    from factcheck.load import find_default_corpus
    from factcheck.records import NotARecord
    from factcheck.reporters import statistics as rule_statistics

    to_terminal = output_file is None and sys.stdout.isatty()
    # Statistics are text or JSON: under GitHub Actions, auto is plain text for them.
    environ = {k: v for k, v in os.environ.items() if not (statistics and k == "GITHUB_ACTIONS")}
    format_name = reporters.resolve(output_format.value, to_terminal, environ)
    if statistics and format_name not in rule_statistics.FORMATS:
        _fail(
            f"--statistics prints text or JSON; use it with --format "
            f"{', '.join(rule_statistics.FORMATS)}, not {format_name}"
        )
    if not paths:
        corpus_dir = find_default_corpus(Path.cwd())
        if corpus_dir is None:
            _fail("no claims/ folder here or above; name the claim files or folders to verify")
        cwd = Path.cwd()
        paths = [corpus_dir.relative_to(cwd) if corpus_dir.is_relative_to(cwd) else corpus_dir]
    if output_file:
        _check_output(output_file, paths)
    config = _config()
    cache = None if no_cache or not config.cache.value else _result_cache(config, paths)
    try:
        report_date()  # a bad SOURCE_DATE_EPOCH ends the run before any claim is read
        # The report's results are read from a temporary store while the block runs; a
        # termination signal ends the block too, so that the store is removed.
        with (
            _terminated_as_exit(),
            parallel.verify(
                paths, config.reader, config.settings(strict=strict), jobs, cache
            ) as report,
        ):

            def write(out: TextIO) -> None:
                if statistics:
                    rule_statistics.render(report, format_name, out)
                else:
                    reporters.render(report, format_name, out)

            if output_file:
                _write_output(output_file, write)
            else:
                write(sys.stdout)
            code = exit_code(report, strict, exit_zero)
    except ReportDateError as error:
        _fail(str(error))
    except parallel.WorkerLost as error:
        _fail(str(error))
    except NotARecord as error:
        # Only the result cache holds what this run did not pickle itself.
        folder = cache.folder if cache is not None else "the result cache"
        _fail(
            f"the result cache holds a record factcheck did not write ({error}); remove "
            f"{folder} and run again"
        )
    if cache is not None and cache.warning:
        typer.echo(f"factcheck: warning: {cache.warning}", err=True)
    raise typer.Exit(code)


def _result_cache(config: Config, paths: list[Path]) -> ResultCache | None:
    """verify's result cache, in the folder the configuration says; None when that folder
    lies in the corpus verify reads, which verify never writes."""
    from factcheck.cache import ResultCache, folder_for
    from factcheck.writing import WriteError, check_output

    folder = folder_for(config, Path.cwd())
    try:
        check_output(folder, [*paths, *(path.parent for path in paths if path.is_file())])
    except WriteError:
        return None
    return ResultCache(folder)


@contextmanager
def _terminated_as_exit() -> Iterator[None]:
    """While the block runs, a SIGTERM ends the program as an exception would (exit code
    143), so that files the block would remove are removed."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _check_output(output_file: Path, paths: list[Path]) -> None:
    """End the command (exit 2) if ``output_file`` is in the corpus it reads: in a folder
    given, or beside a file given (its source and sibling claims are read too)."""
    from factcheck.writing import WriteError, check_output

    try:
        check_output(output_file, [*paths, *(path.parent for path in paths if path.is_file())])
    except WriteError as error:
        _fail(str(error))


def _write_output(output_file: Path, write: Callable[[TextIO], None]) -> None:
    """Write ``output_file`` atomically, replacing an earlier one; exit 2 if it cannot be."""
    from factcheck.writing import write_file

    try:
        write_file(output_file, write, replace=True)
    except OSError as error:
        _fail(f"cannot write {output_file}: {error.strerror or error}")


class SchemaKind(StrEnum):
    """The files ``schema`` describes."""

    claim = "claim"
    source = "source"
    reference = "reference"
    report = "report"


@app.command("schema")
def print_schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            help="claim, source or reference for a file editors write; report for what "
            "verify --format json writes."
        ),
    ],
) -> None:
    """Print the JSON Schema of a claim, source or reference file, or of the JSON report."""
    from factcheck.fileschema import as_text

    typer.echo(as_text(kind.value), nl=False)


class ConfigFormat(StrEnum):
    """The formats ``config`` can print."""

    text = "text"
    json = "json"


@app.command("config")
def show_config(
    output_format: Annotated[
        ConfigFormat, typer.Option("--format", help="text or json.")
    ] = ConfigFormat.text,
) -> None:
    """Print the resolved configuration and where each value came from."""
    from factcheck.configview import as_json, as_text

    config = _config()
    typer.echo(as_json(config) if output_format is ConfigFormat.json else as_text(config), nl=False)


class RulesFormat(StrEnum):
    """The formats ``rules`` can print."""

    text = "text"
    json = "json"
    markdown = "markdown"


@app.command("rules")
def list_rules(
    output_format: Annotated[
        RulesFormat,
        typer.Option(
            "--format", help="text, json, or markdown (the whole reference, docs/rules.md)."
        ),
    ] = RulesFormat.text,
) -> None:
    """List every rule: code, name, default level and what it finds."""
    from factcheck import ruledocs

    if output_format is RulesFormat.json:
        typer.echo(ruledocs.listing_json(), nl=False)
    elif output_format is RulesFormat.markdown:
        typer.echo(ruledocs.reference(), nl=False)
    else:
        typer.echo(ruledocs.listing(), nl=False)


@app.command("rule")
def explain_rule(
    reference: Annotated[str, typer.Argument(help="A rule's code (FC101) or name.")],
) -> None:
    """Explain one rule: what it checks, why it matters, examples that pass and fail."""
    import sys

    from factcheck import ruledocs
    from factcheck.rules import find_rule, references
    from factcheck.yamltree import suggestion

    rule = find_rule(reference) or find_rule(reference.upper())
    if rule is None:
        _fail(
            f"unknown rule {reference!r}{suggestion(reference, references())}; "
            "'factcheck rules' lists them"
        )
    text = ruledocs.markdown(rule)
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        typer.echo(text)


def main() -> None:
    """Entry point of the ``factcheck`` console script."""
    app()


export_app = typer.Typer(
    help="Export checked claims in formats made for publishing.", no_args_is_help=True
)
app.add_typer(export_app, name="export")


@export_app.command("claimreview")
def export_claimreview(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Claim files or folders; default: the project's claims/ folder."),
    ] = None,
    output_file: Annotated[
        Path | None, typer.Option("--output-file", help="Write the JSON-LD to this file.")
    ] = None,
    reviewer_name: Annotated[
        str | None,
        typer.Option(
            "--reviewer",
            help="The organisation that publishes the reviews; default: claimreview.reviewer "
            "in the configuration.",
        ),
    ] = None,
    reviewer_url: Annotated[
        str | None,
        typer.Option(
            "--reviewer-url",
            help="The reviewer's web address; default: claimreview.reviewer-url.",
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="Address of the page the reviews are published on; each review's url is "
            "this address with #claim-id; default: claimreview.base-url.",
        ),
    ] = None,
) -> None:
    """Write schema.org ClaimReview JSON-LD for every claim; exit 2 on bad input."""
    import sys

    from factcheck.export.claimreview import ExportError, claim_reviews, reviewer, write
    from factcheck.load import find_default_corpus

    config = _config()
    given = {"reviewer": reviewer_name, "base-url": base_url, "reviewer-url": reviewer_url}
    values, given_as = {}, {}
    for key, value in given.items():
        setting = config.claimreview[key]
        values[key] = value or setting.value
        if not value and setting.value:
            given_as[key] = f"claimreview.{key} at {setting.origin}"
    try:
        by = reviewer(values["reviewer"], values["base-url"], values["reviewer-url"], given_as)
    except ExportError as error:
        _fail(str(error))
    if not paths:
        corpus_dir = find_default_corpus(Path.cwd())
        if corpus_dir is None:
            _fail("no claims/ folder here or above; name the claim files or folders to export")
        cwd = Path.cwd()
        paths = [corpus_dir.relative_to(cwd) if corpus_dir.is_relative_to(cwd) else corpus_dir]
    if output_file:
        _check_output(output_file, paths)
    report = _check(paths, config)
    if report.problems:
        for problem in report.problems:
            typer.echo(f"error {problem}", err=True)
        _fail("the claims could not all be read; nothing exported")
    reviews = claim_reviews(report, by)
    if output_file:
        _write_output(output_file, lambda out: write(reviews, out))
    else:
        write(reviews, sys.stdout)


class Language(StrEnum):
    """The languages whose figures ``parse`` reads."""

    de = "de"
    en = "en"


class ParseFormat(StrEnum):
    """The output formats of ``parse``."""

    text = "text"
    json = "json"


@app.command(context_settings={"ignore_unknown_options": True})
def parse(
    text: Annotated[str, typer.Argument(help="A figure as written, such as 'rund 13,4 Mio. €'.")],
    lang: Annotated[
        Language | None,
        typer.Option("--lang", help="The text's language; without it, ambiguous numerals fail."),
    ] = None,
    output_format: Annotated[
        ParseFormat, typer.Option("--format", help="Output format.")
    ] = ParseFormat.text,
) -> None:
    """Show how a figure is read: value, interval, unit, qualifier, precision."""
    from factcheck.numbers import FigureError
    from factcheck.readout import as_json, as_text

    language = lang.value if lang else None
    reader = _config().reader
    try:
        reading = reader.parse(text, language)
    except FigureError as error:
        _fail(str(error))
    if output_format is ParseFormat.json:
        typer.echo(as_json(reading))
    else:
        typer.echo(as_text(reading, language))


class ExtractFormat(StrEnum):
    """The formats ``extract`` can print."""

    table = "table"
    json = "json"
    yaml = "yaml"


@app.command()
def extract(
    source: Annotated[
        Path, typer.Argument(help="A text file, a source folder, or its source.yaml.")
    ],
    lang: Annotated[
        Language | None,
        typer.Option("--lang", help="How numbers are written; default: the source's language."),
    ] = None,
    output_format: Annotated[
        ExtractFormat, typer.Option("--format", help="table, json, or yaml figure entries.")
    ] = ExtractFormat.table,
) -> None:
    """List every figure in a source text, with the clause to quote and its offsets."""
    from factcheck import extract as extracting
    from factcheck.numbers import FigureError
    from factcheck.yamltree import InputError

    try:
        text = extracting.read_source(source, lang.value if lang else None)
    except InputError as error:
        _fail(str(error))
    reader = _config().reader
    try:
        figures = extracting.extract(text.text, text.lang, reader)
    except FigureError as error:  # a text too long to search
        _fail(f"{text.path}: {error}")
    if output_format is ExtractFormat.json:
        typer.echo(extracting.as_json(figures))
    elif output_format is ExtractFormat.yaml:
        typer.echo(extracting.as_yaml(figures, text.text), nl=False)
    else:
        typer.echo(extracting.as_table(figures, text.path.name), nl=False)


class CoverageFormat(StrEnum):
    """The formats ``coverage`` can print."""

    text = "text"
    json = "json"


@app.command()
def coverage(
    path: Annotated[
        Path | None, typer.Argument(help="The claims folder; default: the project's claims/.")
    ] = None,
    output_format: Annotated[
        CoverageFormat, typer.Option("--format", help="text or json.")
    ] = CoverageFormat.text,
) -> None:
    """Per source, the share of its figures some claim records, and the ones not yet."""
    from factcheck import coverage as covering
    from factcheck.load import load_corpus
    from factcheck.numbers import FigureError

    corpus = load_corpus([path or _corpus_dir(None)], _config().reader)
    for problem in corpus.problems:
        typer.echo(f"factcheck: error: {problem}", err=True)
    try:
        results = covering.coverage(corpus)
    except FigureError as error:  # a source text too long to search
        _fail(str(error))
    if output_format is CoverageFormat.json:
        typer.echo(covering.as_json(results))
    else:
        typer.echo(covering.as_text(results), nl=False)
    raise typer.Exit(2 if corpus.problems else 0)


def _corpus_dir(given: Path | None) -> Path:
    """The claims folder: the one given, else the project's claims/ found upward."""
    from factcheck.load import find_default_corpus

    if given:
        return given
    found = find_default_corpus(Path.cwd())
    if found is None:
        _fail("no claims/ folder here or above; name it with --corpus")
    cwd = Path.cwd()
    return found.relative_to(cwd) if found.is_relative_to(cwd) else found  # type: ignore[union-attr]


@app.command()
def new(
    claim_id: Annotated[str, typer.Argument(help="The new claim's id, also its file name.")],
    source: Annotated[
        str | None, typer.Option("--source", help="The source's slug (its folder name).")
    ] = None,
    figure: Annotated[
        list[str] | None,
        typer.Option("--figure", help="NAME=QUOTE; mark one of several figures with [ ]."),
    ] = None,
    sums: Annotated[
        list[str] | None, typer.Option("--sum", help="PARTS=TOTAL, such as a+b+c=total.")
    ] = None,
    claim: Annotated[
        str | None, typer.Option("--claim", help="What the release claims; default: 1st quote.")
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="The claims folder; default: claims/.")
    ] = None,
) -> None:
    """Write a new claim file; with no options in a terminal, ask for each piece."""
    import sys

    from factcheck import scaffold
    from factcheck.load import load_corpus

    corpus_dir = _corpus_dir(corpus)
    loaded = load_corpus([corpus_dir], _config().reader)
    try:
        scaffold.check_id(claim_id, loaded.claims)
        if source is None and not figure and not sums and sys.stdin.isatty():
            planned = scaffold.ask(loaded.sources, typer.prompt, typer.echo, loaded.reader)
        elif source is None:
            raise scaffold.ScaffoldError("--source: name the source's slug (its folder name)")
        else:
            answers = scaffold.Answers(source, claim, figure or [], sums or [])
            planned = scaffold.plan(answers, loaded.sources, corpus_dir, loaded.reader)
        the_source, claim_text, figures, checks = planned
        path = scaffold.claim_path(claim_id, the_source, loaded.claims)
        text = scaffold.render_claim(claim_id, the_source, claim_text, figures, checks)
        scaffold.write_new(path, text)
    except scaffold.ScaffoldError as error:
        _fail(str(error))
    typer.echo(f"wrote {path}")
    for planned_figure in figures:
        if planned_figure.note:
            typer.echo(f"note: figure {planned_figure.name!r}: {planned_figure.note}")
    raise typer.Exit(_show(claim_id, corpus_dir))


def _show(claim_id: str, corpus_dir: Path) -> int:
    """Print one claim as ``show`` does; the exit code of verify for that claim."""
    from rich.console import Console

    from factcheck import show as showing
    from factcheck.yamltree import suggestion

    config = _config()
    report = _check([corpus_dir], config)
    ids = [r.claim.id for r in report.results]
    if claim_id not in ids:
        _fail(f"{corpus_dir}: unknown claim {claim_id!r}{suggestion(claim_id, ids)}")
    console = Console(soft_wrap=True, highlight=False, emoji=False)
    showing.render(report, claim_id, console, config.reader)
    return showing.exit_code(report, claim_id)


@app.command()
def show(
    claim_id: Annotated[str, typer.Argument(help="The claim's id.")],
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="The claims folder; default: claims/.")
    ] = None,
) -> None:
    """Show one claim: its figures as intervals, its checks, its quotes in the source."""
    raise typer.Exit(_show(claim_id, _corpus_dir(corpus)))
