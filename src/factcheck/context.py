"""What a rule may look up besides its own claim: sources, the figures of other claims, and
reference facts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from factcheck.model import Claim, Figure, Reference, Source
from factcheck.numbers import Reader, Reading

#: How a check names a reference fact: ``ref:kreise-nrw``.
REFERENCE_PREFIX = "ref:"


@dataclass(frozen=True)
class Context:
    """The corpus as rules see it: read-only lookups by name."""

    sources: dict[str, Source]
    claims: dict[str, Claim]
    #: How the project reads figures; a rule reads any figure it writes out through it.
    reader: Reader = field(default_factory=Reader)
    references: dict[str, Reference] = field(default_factory=dict)
    _once: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def once(self, key: str, compute: Callable[[], Any]) -> Any:
        """What ``compute`` gives, computed once per run: for facts about the whole corpus
        that a rule needs for every claim (which figures some check uses)."""
        if key not in self._once:
            self._once[key] = compute()
        return self._once[key]

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
            other = self.claims.get(claim_id)
            return other.figures.get(figure_name) if other else None
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

    def figures_in_checks(self) -> frozenset[tuple[str, str]]:
        """(claim id, figure name) of every figure some check of the corpus names, in its
        own claim or as ``claim-id.figure`` from another; computed once per run."""
        return self.once("figures_in_checks", self._figures_in_checks)

    def _figures_in_checks(self) -> frozenset[tuple[str, str]]:
        from factcheck.rules import names_in_check

        used = set()
        for claim in self.claims.values():
            for check in claim.checks:
                for name in names_in_check(check):
                    if name.startswith(REFERENCE_PREFIX):
                        continue
                    claim_id, _, figure = name.rpartition(".")
                    used.add((claim_id or claim.id, figure))
        return frozenset(used)

    def figure_names(self, claim: Claim) -> list[str]:
        """Every name a check in ``claim`` may use, for suggestions."""
        names = list(claim.figures)
        for other in self.claims.values():
            if other.id != claim.id:
                names += [f"{other.id}.{name}" for name in other.figures]
        return names + [f"{REFERENCE_PREFIX}{name}" for name in self.references]
