"""The rules: one module each, listed here in code order.

A rule module has ``CODE``, ``NAME``, ``LEVEL``, ``CHECK`` (the check kind it evaluates, or
None for a rule that looks at every claim), ``PARAMS`` (the keys its check takes), an
``Options`` dataclass, a docstring with "What it checks", "Why it matters" and "Example",
and ``evaluate(claim, context, options)`` yielding findings without level or formatting.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from types import ModuleType

RULE_MODULES = (
    "quote_not_in_source",
    "value_differs_from_quote",
    "parts_do_not_sum_to_total",
    "change_does_not_add_up",
    "derived_figure_out_of_range",
    "qualifier_does_not_hold",
)


@dataclass(frozen=True)
class Rule:
    """A rule module's public face."""

    code: str
    name: str
    level: str
    check: str | None
    params: dict[str, str]
    module: ModuleType

    @property
    def doc(self) -> str:
        """The rule's documentation: its module docstring."""
        return (self.module.__doc__ or "").strip()

    @property
    def summary(self) -> str:
        """The first line of the rule's documentation."""
        return self.doc.splitlines()[0] if self.doc else ""


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, in code order."""
    rules = []
    for name in RULE_MODULES:
        module = importlib.import_module(f"factcheck.rules.{name}")
        rules.append(
            Rule(
                code=module.CODE,
                name=module.NAME,
                level=module.LEVEL,
                check=module.CHECK,
                params=dict(getattr(module, "PARAMS", {})),
                module=module,
            )
        )
    return tuple(sorted(rules, key=lambda rule: rule.code))


def rule_for_check(kind: str) -> Rule | None:
    """The rule that evaluates checks of ``kind``."""
    return next((rule for rule in all_rules() if rule.check == kind), None)
