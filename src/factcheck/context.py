"""What a rule may look up besides its own claim: sources and the figures of other claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.model import Claim, Figure, Source
from factcheck.numbers import Reader


@dataclass(frozen=True)
class Context:
    """The corpus as rules see it: read-only lookups by name."""

    sources: dict[str, Source]
    claims: dict[str, Claim]
    #: How the project reads figures; a rule reads any figure it writes out through it.
    reader: Reader = field(default_factory=Reader)

    def source(self, claim: Claim) -> Source | None:
        """The source a claim is taken from."""
        return self.sources.get(claim.source_slug)

    def language(self, claim: Claim) -> str:
        """The language of the claim's source, which decides how numbers are written."""
        source = self.source(claim)
        return source.language if source else "de"

    def figure(self, claim: Claim, name: str) -> Figure | None:
        """A figure by name: ``total`` in this claim, ``other-claim.total`` in another."""
        if "." in name:
            claim_id, _, figure_name = name.partition(".")
            other = self.claims.get(claim_id)
            return other.figures.get(figure_name) if other else None
        return claim.figures.get(name)

    def figure_names(self, claim: Claim) -> list[str]:
        """Every name a check in ``claim`` may use, for suggestions."""
        names = list(claim.figures)
        for other in self.claims.values():
            if other.id != claim.id:
                names += [f"{other.id}.{name}" for name in other.figures]
        return names
