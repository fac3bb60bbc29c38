"""Writing a new claim file from a few answers: ``factcheck new``.

Each figure is given as its name and its quote; the value is read from the quote, and the
quote is looked up in the source before anything is written, so the file that is written
passes ``factcheck verify``'s provenance rules by construction. The file is never
overwritten and is written atomically (:mod:`factcheck.writing`), so a reader (or an
interrupted write) never sees half a claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from factcheck.extract import yaml_string
from factcheck.model import Claim, Source
from factcheck.numbers import Reader
from factcheck.yamltree import suggestion

_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MARK = re.compile(r"\[([^\[\]]+)\]")


class ScaffoldError(Exception):
    """An answer that cannot be used: where, what, and the way forward, on one line."""


@dataclass(frozen=True)
class PlannedFigure:
    """A figure ready to be written: its quote stands in the source, its value is read."""

    name: str
    quote: str
    value: str
    unit: str = ""
    note: str | None = None


@dataclass(frozen=True)
class PlannedSum:
    """A ``sum`` check: the parts and the total, all names of planned figures."""

    parts: tuple[str, ...]
    total: str


def split_option(text: str, option: str, shape: str) -> tuple[str, str]:
    """``NAME=REST`` split at the first '='; ScaffoldError naming the expected ``shape``."""
    name, sep, rest = text.partition("=")
    if not sep or not name.strip() or not rest.strip():
        raise ScaffoldError(f"{option} {text!r}: expected {shape}")
    return name.strip(), rest.strip()


def plan_figure(
    text: str, source: Source, taken: list[str], reader: Reader | None = None
) -> PlannedFigure:
    """Read ``--figure NAME=QUOTE``: check the name, find the quote in the source, read the
    value from the quote. Where the quote holds several figures, the one meant is marked
    with square brackets: ``kreise=50 von [54] Kreisen``. The value is read with
    ``reader``, the project's, so it is what verify will read."""
    from factcheck.passages import closest_passage, find_quote, line_and_column

    name, marked_quote = split_option(text, "--figure", "NAME=QUOTE, such as total='13,4 Mio'")
    if not _NAME.fullmatch(name):
        raise ScaffoldError(f"--figure {name!r}: a figure name is letters, digits and '_'")
    if name in taken:
        raise ScaffoldError(f"--figure {name!r}: the name is given twice; choose another")
    marks = _MARK.findall(marked_quote)
    quote = _MARK.sub(lambda m: m.group(1), marked_quote)
    # As the corpus folder was given (relative on the command line), not resolved.
    source_file = Path(source.location.path).parent / source.text_file.name
    if not find_quote(source.text, quote):
        closest = closest_passage(source.text, quote)
        if closest is None:
            raise ScaffoldError(
                f"{source_file}: figure {name!r}: the quote {quote!r} is not in the source, "
                "and nothing in it is alike; copy the quote from the source text"
            )
        line, column = line_and_column(source.text, closest.start)
        raise ScaffoldError(
            f"{source_file}:{line}:{column}: figure {name!r}: the quote {quote!r} is not in "
            f"the source; the closest passage ({closest.score:.0f} % alike) is "
            f"{' '.join(closest.text.split())!r}: copy it as it stands"
        )
    found = (reader or Reader()).find(quote, source.language)
    if len(marks) > 1:
        raise ScaffoldError(f"--figure {name!r}: mark one figure with [ ], not {len(marks)}")
    if marks:
        wanted = " ".join(marks[0].split())
        found = [f for f in found if " ".join(f.reading.text.split()) == wanted]
        if not found:
            raise ScaffoldError(
                f"--figure {name!r}: cannot read the marked [{marks[0]}] as a figure; mark a "
                "number with its qualifier, scale and unit, such as [rund 600]"
            )
    if not found:
        raise ScaffoldError(
            f"--figure {name!r}: no figure can be read in the quote {quote!r}; quote the "
            "passage that states the number"
        )
    if len(found) > 1:
        texts = ", ".join(f"[{' '.join(f.reading.text.split())}]" for f in found)
        raise ScaffoldError(
            f"--figure {name!r}: the quote holds {len(found)} figures ({texts}); mark the one "
            "this figure is with square brackets"
        )
    reading = found[0].reading
    return PlannedFigure(name, quote, " ".join(reading.text.split()), reading.unit)


def with_units_of_their_sums(
    figures: list[PlannedFigure], sums: list[PlannedSum]
) -> list[PlannedFigure]:
    """Give a figure whose quote names no unit the unit of the other figures of its sum.

    Releases write "7,7 Millionen Euro ...; 4,2 Millionen für ...": the reader takes the
    euros from the list, and a sum of euros and bare numbers could not be evaluated. The
    value then says the unit the quote leaves out (rule FC002 compares only the number when
    the quote names no unit), and the figure carries a note saying where the unit came from.
    """
    from factcheck.notation import unit_label

    by_name = {figure.name: figure for figure in figures}
    for check in sums:
        members = [by_name[name] for name in (*check.parts, check.total)]
        units = {figure.unit for figure in members if figure.unit}
        if len(units) != 1:
            continue
        (unit,) = units
        for figure in members:
            if not figure.unit:
                by_name[figure.name] = PlannedFigure(
                    figure.name,
                    figure.quote,
                    f"{figure.value} {unit_label(unit)}",
                    unit,
                    f"the quote names no unit; {unit_label(unit)} taken from the other "
                    f"figures of the sum {check.total}",
                )
    return [by_name[figure.name] for figure in figures]


def plan_sum(text: str, names: list[str]) -> PlannedSum:
    """Read ``--sum PARTS=TOTAL`` (parts joined by '+' or ','); every name must be a figure."""
    parts_text, total = split_option(text, "--sum", "PARTS=TOTAL, such as a+b+c=total")
    parts = tuple(p.strip() for p in re.split(r"[+,]", parts_text) if p.strip())
    for name in (*parts, total):
        if name not in names:
            known = ", ".join(names) or "none yet"
            raise ScaffoldError(
                f"--sum {text!r}: unknown figure {name!r}{suggestion(name, names)}; the "
                f"figures are: {known}"
            )
    if len(parts) < 2:
        raise ScaffoldError(f"--sum {text!r}: a sum needs at least two parts")
    return PlannedSum(parts, total)


def find_source(slug: str, sources: dict[str, Source], corpus_dir: Path) -> Source:
    """The source named ``slug``, or a ScaffoldError suggesting the nearest slug."""
    if slug in sources:
        return sources[slug]
    known = ", ".join(sorted(sources)) or "none"
    raise ScaffoldError(
        f"{corpus_dir}: unknown source {slug!r}{suggestion(slug, sources)}; a source is a "
        f"folder with a source.yaml, and these exist: {known}"
    )


def claim_path(claim_id: str, source: Source, claims: list[Claim]) -> Path:
    """Where the claim file goes: beside the source's ``source.yaml``."""
    check_id(claim_id, claims)
    return Path(source.location.path).parent / f"{claim_id}.yaml"


def check_id(claim_id: str, claims: list[Claim]) -> None:
    """Refuse an id that is malformed or taken: ids are unique across the corpus, so an id
    taken in any folder is refused (checked first, before an editor answers any prompt)."""
    if not _ID.fullmatch(claim_id):
        raise ScaffoldError(
            f"claim id {claim_id!r}: use lower-case letters, digits, '-' and '_', "
            "such as komm-an-budget"
        )
    for claim in claims:
        if claim.id == claim_id:
            raise ScaffoldError(
                f"{claim.location.path}: a claim {claim_id!r} already exists; factcheck new "
                "never overwrites a claim: edit that file, or choose another id"
            )


def render_claim(
    claim_id: str,
    source: Source,
    claim_text: str,
    figures: list[PlannedFigure],
    sums: list[PlannedSum],
) -> str:
    """The claim file's text, every scalar quoted so YAML keeps it as written."""
    lines = [
        f"id: {claim_id}",
        f"source: {source.slug}",
        f"claim: {yaml_string(' '.join(claim_text.split()))}",
    ]
    if figures:
        lines.append("figures:")
    for figure in figures:
        lines.append(f"  {figure.name}:")
        lines.append(f"    quote: {yaml_string(figure.quote)}")
        lines.append(f"    value: {yaml_string(figure.value)}")
    if sums:
        lines.append("checks:")
    for check in sums:
        lines.append(f"  - sum: [{', '.join(check.parts)}]")
        lines.append(f"    equals: {check.total}")
    return "\n".join(lines) + "\n"


def write_new(path: Path, text: str) -> None:
    """Write ``text`` to a new file at ``path``, atomically; never overwrite, not even a file
    created while the text was being written (see :mod:`factcheck.writing`)."""
    from factcheck.writing import write_file

    try:
        write_file(path, lambda out: out.write(text), replace=False)
    except FileExistsError:
        raise ScaffoldError(
            f"{path}: already exists; factcheck new never overwrites a claim: edit the file, "
            "or choose another id"
        ) from None


@dataclass(frozen=True)
class Answers:
    """What ``factcheck new`` was told: from options, or from prompts."""

    slug: str
    claim_text: str | None
    figures: list[str]
    sums: list[str]


def ask(
    sources: dict[str, Source],
    prompt: Callable[..., str],
    echo: Callable[[str], None],
    reader: Reader | None = None,
) -> tuple[Source, str, list[PlannedFigure], list[PlannedSum]]:
    """Ask for each piece in turn, checking every answer at once and asking again when it
    cannot be used, so an editor at a terminal never loses what they typed."""
    echo(f"sources: {', '.join(sorted(sources))}")
    while True:
        try:
            source = find_source(prompt("Source"), sources, Path("claims"))
            break
        except ScaffoldError as error:
            echo(f"error: {error}")
    claim_text = prompt("Claim (what the release says, in one sentence)")
    figures: list[PlannedFigure] = []
    while True:
        name = prompt("Figure name (empty to go on)", default="", show_default=False)
        if not name:
            break
        quote = prompt(f"Quote for {name} (mark the figure with [ ] if it holds several)")
        try:
            taken = [f.name for f in figures]
            figures.append(plan_figure(f"{name}={quote}", source, taken, reader))
            echo(f"  {name}: value {figures[-1].value}")
        except ScaffoldError as error:
            echo(f"error: {error}")
    sums: list[PlannedSum] = []
    while len(figures) > 2:
        text = prompt("Sum check as PARTS=TOTAL (empty to finish)", default="", show_default=False)
        if not text:
            break
        try:
            sums.append(plan_sum(text, [f.name for f in figures]))
        except ScaffoldError as error:
            echo(f"error: {error}")
    return source, claim_text, with_units_of_their_sums(figures, sums), sums


def plan(
    answers: Answers,
    sources: dict[str, Source],
    corpus_dir: Path,
    reader: Reader | None = None,
) -> tuple[Source, str, list[PlannedFigure], list[PlannedSum]]:
    """Check the answers given as options; raise ScaffoldError at the first that fails."""
    source = find_source(answers.slug, sources, corpus_dir)
    figures: list[PlannedFigure] = []
    for text in answers.figures:
        figures.append(plan_figure(text, source, [f.name for f in figures], reader))
    names = [f.name for f in figures]
    sums = [plan_sum(text, names) for text in answers.sums]
    figures = with_units_of_their_sums(figures, sums)
    claim_text = answers.claim_text or (figures[0].quote if figures else "")
    if not claim_text.strip():
        raise ScaffoldError("--claim: say what the release claims, in one sentence")
    return source, claim_text, figures, sums
