"""How much of each archived source the claims record: ``factcheck coverage``.

A verify run that finds nothing wrong says little if the claims record only a few of the
figures a release states. For each source, every figure ``extract`` finds counts as
recorded when some claim of that source has a figure whose quote stands around it in the
text and whose value is the same number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from factcheck.extract import Extracted, extract
from factcheck.load import Corpus
from factcheck.model import Claim, Source
from factcheck.passages import Passage, QuoteIndex


@dataclass(frozen=True)
class SourceCoverage:
    """One source: the figures found in it, and which of them some claim records."""

    source: Source
    figures: tuple[Extracted, ...]
    recorded_by: tuple[tuple[str, ...], ...]

    @property
    def recorded(self) -> int:
        """How many figures some claim records."""
        return sum(1 for claims in self.recorded_by if claims)

    @property
    def share(self) -> float:
        """The recorded share of the figures, 1.0 for a text without figures."""
        return self.recorded / len(self.figures) if self.figures else 1.0

    @property
    def missing(self) -> list[Extracted]:
        """The figures no claim records yet, in text order."""
        return [f for f, claims in zip(self.figures, self.recorded_by, strict=True) if not claims]


def _recorders(
    figure: Extracted, places: list[tuple[str, Decimal, list[Passage]]]
) -> tuple[str, ...]:
    """The ids of the claims that record ``figure``: a quote around it, the same value."""
    recorders = []
    for claim_id, value, passages in places:
        if claim_id in recorders or value != figure.reading.value:
            continue
        if any(p.start <= figure.start and figure.end <= p.end for p in passages):
            recorders.append(claim_id)
    return tuple(recorders)


def _quote_places(claims: list[Claim], source: Source) -> list[tuple[str, Decimal, list[Passage]]]:
    """For every readable figure of the claims: its claim, its value, where its quote stands."""
    index = QuoteIndex.of(source.text)
    return [
        (claim.id, figure.reading.value, index.find(figure.quote))
        for claim in claims
        for figure in claim.figures.values()
        if figure.reading is not None
    ]


def coverage(corpus: Corpus) -> list[SourceCoverage]:
    """The coverage of every source in the corpus, by slug."""
    results = []
    for slug in sorted(corpus.sources):
        source = corpus.sources[slug]
        places = _quote_places([c for c in corpus.claims if c.source_slug == slug], source)
        figures = extract(source.text, source.language, corpus.reader)
        results.append(
            SourceCoverage(
                source, tuple(figures), tuple(_recorders(figure, places) for figure in figures)
            )
        )
    return results


def _where(result: SourceCoverage, figure: Extracted) -> str:
    return f"{result.source.text_file.name}:{figure.line}:{figure.column}"


def as_text(results: list[SourceCoverage]) -> str:
    """The report for a person: the share per source, then each figure not yet recorded."""
    lines = []
    for result in results:
        lines.append(
            f"{result.source.slug}: {result.recorded} of {len(result.figures)} figures "
            f"recorded ({result.share:.0%})"
        )
        missing = result.missing
        if missing:
            lines.append("  not recorded by any claim:")
        for figure in missing:
            lines.append(
                f"    {_where(result, figure)}  {figure.text} ({figure.reading.kind})  "
                f"in: {figure.quote}"
            )
    return "\n".join(lines) + "\n" if lines else "no sources found\n"


def as_json(results: list[SourceCoverage]) -> str:
    """The report as JSON: per source, the counts and the figures not yet recorded."""
    data = [
        {
            "source": result.source.slug,
            "figures": len(result.figures),
            "recorded": result.recorded,
            "share": round(result.share, 4),
            "not_recorded": [
                {
                    "text": figure.text,
                    "kind": figure.reading.kind,
                    "line": figure.line,
                    "column": figure.column,
                    "start": figure.start,
                    "end": figure.end,
                    "quote": figure.quote,
                }
                for figure in result.missing
            ],
        }
        for result in results
    ]
    return json.dumps(data, ensure_ascii=False, indent=2)
