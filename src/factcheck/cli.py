"""The command-line interface: options in, exit code out. All logic lives elsewhere."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factcheck import __version__

app = typer.Typer(
    name="factcheck",
    help="Verify that the figures in press releases agree with each other and their sources.",
    no_args_is_help=True,
    add_completion=False,
)


class OutputFormat(StrEnum):
    """The report formats ``verify`` can write."""

    rich = "rich"
    html = "html"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Verify that the figures in press releases agree with each other and their sources."""


def _fail(message: str) -> None:
    typer.echo(f"factcheck: error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def verify(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Claim files or folders; default: the project's claims/ folder."),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Report format.")
    ] = OutputFormat.rich,
    output_file: Annotated[
        Path | None, typer.Option("--output-file", help="Write the report to this file.")
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
) -> None:
    """Check every claim and report which hold; exit 0 consistent, 1 not, 2 bad input."""
    from factcheck.engine import Settings, exit_code, run
    from factcheck.load import find_default_corpus, load_corpus
    from factcheck.reporters import render

    if not paths:
        corpus_dir = find_default_corpus(Path.cwd())
        if corpus_dir is None:
            _fail("no claims/ folder here or above; name the claim files or folders to verify")
        cwd = Path.cwd()
        paths = [corpus_dir.relative_to(cwd) if corpus_dir.is_relative_to(cwd) else corpus_dir]
    report = run(load_corpus(paths), Settings(strict=strict))
    if output_file:
        with output_file.open("w", encoding="utf-8") as out:
            render(report, output_format.value, out)
    else:
        import sys

        render(report, output_format.value, sys.stdout)
    raise typer.Exit(exit_code(report, strict))


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
        typer.Option("--reviewer", help="The organisation that publishes the reviews."),
    ] = None,
    reviewer_url: Annotated[
        str | None, typer.Option("--reviewer-url", help="The reviewer's web address.")
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="Address of the page the reviews are published on; each review's url is "
            "this address with #claim-id.",
        ),
    ] = None,
) -> None:
    """Write schema.org ClaimReview JSON-LD for every claim; exit 2 on bad input."""
    import sys

    from factcheck.engine import run
    from factcheck.export.claimreview import ExportError, claim_reviews, reviewer, write
    from factcheck.load import find_default_corpus, load_corpus

    try:
        by = reviewer(reviewer_name, base_url, reviewer_url)
    except ExportError as error:
        _fail(str(error))
    if not paths:
        corpus_dir = find_default_corpus(Path.cwd())
        if corpus_dir is None:
            _fail("no claims/ folder here or above; name the claim files or folders to export")
        paths = [corpus_dir]
    report = run(load_corpus(paths))
    if report.problems:
        for problem in report.problems:
            typer.echo(f"error {problem}", err=True)
        _fail("the claims could not all be read; nothing exported")
    reviews = claim_reviews(report, by)
    if output_file:
        try:
            with output_file.open("w", encoding="utf-8") as out:
                write(reviews, out)
        except OSError as error:
            _fail(f"cannot write {output_file}: {error.strerror}")
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
    from factcheck.numbers import FigureError, parse_figure
    from factcheck.readout import as_json, as_text

    language = lang.value if lang else None
    try:
        reading = parse_figure(text, language)
    except FigureError as error:
        _fail(str(error))
    if output_format is ParseFormat.json:
        typer.echo(as_json(reading))
    else:
        typer.echo(as_text(reading, language))
