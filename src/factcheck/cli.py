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
