"""Every figure in a source text, with the clause it stands in: ``factcheck extract``.

Figures are read by :func:`factcheck.numbers.find_figures`, the same reader the rules use,
so what ``extract`` prints is what a claim's ``value`` will be read as. This module adds
what an editor needs around each figure: the clause to quote, the character offsets and the
line, and entries ready to paste into a claim file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from factcheck.numbers import Reader, Reading
from factcheck.passages import Lines, Segmenter


@dataclass(frozen=True)
class Extracted:
    """One figure found in a source text, with the clause around it."""

    reading: Reading
    start: int
    end: int
    quote: str
    quote_start: int
    quote_end: int
    line: int
    column: int

    @property
    def text(self) -> str:
        """The figure as written, whitespace collapsed."""
        return " ".join(self.reading.text.split())


def _glued_to_a_word(text: str, start: int, end: int) -> bool:
    """Whether the match is part of a word, such as the 3 of "U3-Ausbau": a name, not a figure."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return before.isalpha() or after.isalpha()


def extract(text: str, lang: str = "de", reader: Reader | None = None) -> list[Extracted]:
    """Every figure in ``text``, in order, each with its clause and offsets; figures are
    read with ``reader`` (the project's lexicon and rounding), the bundled words by default."""
    found = [
        f
        for f in (reader or Reader()).find(text, lang)
        if not _glued_to_a_word(text, f.start, f.end)
    ]
    segmenter = Segmenter.of(text, [(f.start, f.end) for f in found])
    lines = Lines.of(text)
    figures = []
    for figure in found:
        clause = segmenter.clause(figure.start, figure.end)
        line, column = lines.line_and_column(figure.start)
        figures.append(
            Extracted(
                reading=figure.reading,
                start=figure.start,
                end=figure.end,
                quote=clause.text,
                quote_start=clause.start,
                quote_end=clause.end,
                line=line,
                column=column,
            )
        )
    return figures


def plain(value: Decimal) -> str | None:
    """A decimal written out in full ("13400000", never "1.34E+7"); None when infinite."""
    if not value.is_finite():
        return None
    return format(value.normalize(), "f")


def as_records(figures: list[Extracted]) -> list[dict[str, object]]:
    """The figures as plain data, the shape ``--format json`` prints.

    Each figure's numbers are what ``factcheck parse`` gives for it (value and interval
    ends in the unit's base, null for an unbounded end, with the ends' openness, the
    precision and, for a date, its ISO form), with the figure's place and quote added.
    """
    from factcheck.readout import as_dict

    records = []
    for figure in figures:
        parsed = as_dict(figure.reading)
        record = {key: parsed[key] for key in ("value", "lo", "hi", "unit", "qualifier", "kind")}
        records.append(
            {
                "text": figure.text,
                **record,
                "quote": figure.quote,
                "start": figure.start,
                "end": figure.end,
                **{k: v for k, v in parsed.items() if k not in record and k != "text"},
            }
        )
    return records


def as_json(figures: list[Extracted]) -> str:
    """``--format json``: a list with one object per figure."""
    return json.dumps(as_records(figures), ensure_ascii=False, indent=2)


def as_table(figures: list[Extracted], file_name: str) -> str:
    """``--format table``: one line per figure, with where it stands and the clause to quote."""
    from factcheck.notation import unit_label

    if not figures:
        return f"{file_name}: no figures found\n"
    rows = []
    for figure in figures:
        reading = figure.reading
        rows.append(
            (
                f"{file_name}:{figure.line}:{figure.column}",
                figure.text,
                reading.kind,
                reading.date
                or " ".join(p for p in (plain(reading.value) or "", unit_label(reading.unit)) if p),
                figure.quote,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True))
        + f"  {row[4]}"
        for row in rows
    ]
    return "\n".join(lines) + f"\n{len(figures)} figures\n"


_STOP_WORDS = frozenset(
    str.split(
        "aber alle auch dass dem den der des die dies diese dieser durch eine einen einer für "
        "haben hat hier hierfür mehr mit nach noch oder schon sich sind über und unter von vor "
        "wird werden wurde wurden zum zur about also been from have into more over than that "
        "their there these this were will with"
    )
)


def _name_word(word: str) -> str:
    folded = word.lower().replace("ß", "ss")
    for umlaut, plain_ in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        folded = folded.replace(umlaut, plain_)
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded)


def _candidate_words(figure: Extracted, source_text: str) -> list[str]:
    after = source_text[figure.end : figure.quote_end]
    before = source_text[figure.quote_start : figure.start]
    # The figure's own scale and unit words are inside [start, end), so never candidates.
    words = re.findall(r"\w+", after) + list(reversed(re.findall(r"\w+", before)))
    return [w for w in words if len(w) >= 4 and not w.isdigit() and w.lower() not in _STOP_WORDS]


def figure_names(figures: list[Extracted], source_text: str) -> list[str]:
    """A figure name for each figure: ``year`` or ``date`` for those, else the first telling
    word after it in its clause (else before it), folded to ASCII, else its kind; unique."""
    names: list[str] = []
    for figure in figures:
        words = _candidate_words(figure, source_text)
        base = _name_word(words[0]) if words else ""
        if figure.reading.kind in ("year", "date") or not base or base[0].isdigit():
            base = figure.reading.kind
        name, number = base, 2
        while name in names:
            name, number = f"{base}_{number}", number + 1
        names.append(name)
    return names


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``text``."""
    return json.dumps(text, ensure_ascii=False)


def as_yaml(figures: list[Extracted], source_text: str) -> str:
    """``--format yaml``: a ``figures:`` block ready to paste into a claim file."""
    lines = ["figures:"]
    for name, figure in zip(figure_names(figures, source_text), figures, strict=True):
        lines.append(f"  {name}:  # line {figure.line}, {figure.reading.kind}")
        lines.append(f"    quote: {yaml_string(figure.quote)}")
        lines.append(f"    value: {yaml_string(figure.text)}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class SourceText:
    """A text to extract from: its content, its language and the name to show for it."""

    text: str
    lang: str
    path: Path


def read_source(path: Path, lang: str | None) -> SourceText:
    """Read SOURCE: a text file, a source folder, or its ``source.yaml`` (whose language is
    used unless ``lang`` is given); raise InputError when it cannot be used."""
    from factcheck.load import SOURCE_FILE, load_source, read_source_text
    from factcheck.model import Location
    from factcheck.yamltree import InputError

    if path.is_dir():
        path = path / SOURCE_FILE
        if not path.is_file():
            raise InputError(
                Location(str(path.parent)),
                f"a source folder needs a {SOURCE_FILE}; or name the text file itself",
            )
    if path.name == SOURCE_FILE:
        source = load_source(path)
        return SourceText(source.text, lang or source.language, source.text_file)
    if not path.is_file():
        raise InputError(Location(str(path)), "no such file or folder")
    return SourceText(read_source_text(path), lang or "de", path)
