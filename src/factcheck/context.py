"""What a rule may look up besides its own claim: sources, the figures of other claims, and
reference facts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from factcheck.model import Claim, Figure, Reference, Source
from factcheck.numbers import Reader, Reading

#: How a check names a reference fact: ``ref:kreise-nrw``.
REFERENCE_PREFIX = "ref:"


class Context:
    """The corpus as rules see it: read-only lookups by name.

    ``claims`` maps each claim id to its claim (of claims with the same id, the last in
    report order). This class holds the corpus in memory; ``verify`` uses subclasses that
    look it up on disk (:mod:`factcheck.parallel`).
    """

    def __init__(
        self,
        sources: Mapping[str, Source],
        claims: Mapping[str, Claim],
        reader: Reader | None = None,
        references: Mapping[str, Reference] | None = None,
    ) -> None:
        self.sources = sources
        self.claims = claims
        #: How the project reads figures; a rule reads any figure it writes out through it.
        self.reader = reader or Reader()
        # Not ``references or {}``: the truth of a mapping is its length, which verify's
        # on-disk table counts row by row, for every claim.
        self.references: Mapping[str, Reference] = {} if references is None else references
        self._named: frozenset[tuple[str, str]] | None = None

    def source(self, claim: Claim) -> Source | None:
        """The source a claim is taken from."""
        return self.sources.get(claim.source_slug)

    def language(self, claim: Claim) -> str:
        """The language of the claim's source, which decides how numbers are written."""
        source = self.source(claim)
        return source.language if source else "de"

    def reference(self, name: str) -> Reference | None:
        """The reference fact a name such as ``ref:kreise-nrw`` stands for."""
        if not name.startswith(REFERENCE_PREFIX):
            return None
        return self.references.get(name.removeprefix(REFERENCE_PREFIX))

    def figure(self, claim: Claim, name: str) -> Figure | None:
        """A figure by name: ``total`` in this claim, ``other-claim.total`` in another, and
        ``ref:name`` a reference fact (its description standing in for a quote)."""
        if name.startswith(REFERENCE_PREFIX):
            reference = self.reference(name)
            if reference is None:
                return None
            return Figure(
                name=name,
                quote=reference.description,
                value_text=reference.value_text,
                reading=reference.reading,
                location=reference.location,
                quote_location=reference.location,
                value_location=reference.value_location or reference.location,
            )
        if "." in name:
            claim_id, _, figure_name = name.partition(".")
            return self.other_figure(claim_id, figure_name)
        return claim.figures.get(name)

    def figure_or_value(self, claim: Claim, text: str) -> tuple[Reading | None, bool]:
        """What a check's figure-or-value parameter states: the reading of the figure it
        names, or else of the figure it writes ("unter 4.000 €"), and whether it named a
        figure. None when neither reads."""
        from factcheck.numbers import FigureError

        figure = self.figure(claim, text)
        if figure is not None:
            return figure.reading, True
        try:
            return self.reader.parse(text, self.language(claim)), False
        except FigureError:
            return None, False

    def other_figure(self, claim_id: str, figure_name: str) -> Figure | None:
        """The figure ``figure_name`` of the claim with id ``claim_id``."""
        other = self.claims.get(claim_id)
        return other.figures.get(figure_name) if other else None

    def figure_named(self, claim_id: str, figure_name: str) -> bool:
        """Whether a check of the corpus names the figure ``figure_name`` of the claim with
        id ``claim_id``, in its own claim or as ``claim-id.figure`` from another."""
        if self._named is None:
            self._named = frozenset(
                pair for claim in self.claims_in_corpus() for pair in figures_named(claim)
            )
        return (claim_id, figure_name) in self._named

    def claims_in_corpus(self) -> Iterable[Claim]:
        """Every claim whose checks may name figures (one per id)."""
        return self.claims.values()

    def figure_names(self, claim: Claim) -> Iterable[str]:
        """Every name a check in ``claim`` may use, for suggestions."""
        names = list(claim.figures)
        for other in self.claims.values():
            if other.id != claim.id:
                names += [f"{other.id}.{name}" for name in other.figures]
        return names + [f"{REFERENCE_PREFIX}{name}" for name in self.references]


def figures_named(claim: Claim) -> Iterator[tuple[str, str]]:
    """(claim id, figure name) of each figure a check of ``claim`` names, in its own claim
    or as ``claim-id.figure`` in another; reference facts left out."""
    from factcheck.rules import names_in_check

    for check in claim.checks:
        for name in names_in_check(check):
            if name.startswith(REFERENCE_PREFIX):
                continue
            claim_id, _, figure = name.rpartition(".")
            yield (claim_id or claim.id, figure)
