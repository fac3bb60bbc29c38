"""The rules: one module each, listed here in code order.

A rule module has ``CODE``, ``NAME``, ``LEVEL``, ``CHECK`` (the check kind it evaluates, or
None for a rule that looks at every claim), ``PARAMS`` (the keys its check takes), an
``Options`` dataclass, a docstring with "What it checks", "Why it matters" and "Example",
and ``evaluate(claim, context, options)`` yielding findings without level or formatting.

Each field of ``Options`` is an option a project can set in its configuration: the key is
the field's name with ``-`` for ``_`` (``ignore_case`` is ``ignore-case``), its type is the
field's annotation (bool, int, float, Decimal, str, a ``Literal`` of texts, or
``tuple[str, ...]``), and ``field(metadata={"help": "..."})`` says what it does.
"""

from __future__ import annotations

import dataclasses
import importlib
import re
import typing
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.model import Check

RULE_MODULES = (
    "quote_not_in_source",
    "value_differs_from_quote",
    "parts_do_not_sum_to_total",
    "share_does_not_match",
    "same_figure_disagrees",
    "comparison_does_not_hold",
    "figure_differs_from_reference",
    "unused_figure",
    "claim_without_checks",
    "unit_not_read",
    "unknown_figure_name",
    "change_does_not_add_up",
    "derived_figure_out_of_range",
    "qualifier_does_not_hold",
    "unused_suppression",
)

#: The levels a rule can have. A failure at ``warning`` is reported as ``warn`` and fails a
#: run only with ``--strict``.
LEVELS = ("error", "warning")

#: The ``PHASE`` of a rule that looks at what the claim's suppressions came to, after every
#: other rule ran: its ``evaluate(claim, uses, options)`` takes the claim's
#: ``SuppressionUse``s instead of a Context. Every other rule has the phase ``claim``.
AFTER_SUPPRESSIONS = "after-suppressions"

#: The ``PHASE`` of a rule that names a kind of input that cannot be used (an unknown
#: figure name): the engine reports it as an input problem with the rule's code while it
#: validates a claim, and the run exits 2. Such a rule has no ``evaluate``, and cannot be
#: turned off or suppressed.
INPUT = "input"

#: Where the generated rule reference lives, relative to the project root.
DOCS_PATH = "docs/rules.md"


@dataclass(frozen=True)
class OptionSpec:
    """One option of a rule, as its ``Options`` dataclass declares it."""

    key: str
    field: str
    type: Any
    default: Any
    help: str

    @property
    def type_name(self) -> str:
        """The option's type as the docs and error messages name it."""
        return type_name(self.type)


def type_name(kind: Any) -> str:
    """A type annotation in words: ``true or false``, ``a whole number``, ``one of ...``."""
    if kind is bool:
        return "true or false"
    if kind is int:
        return "a whole number"
    if kind in (float, _decimal()):
        return "a number"
    if kind is str:
        return "a text"
    if typing.get_origin(kind) is typing.Literal:
        return "one of " + ", ".join(repr(choice) for choice in typing.get_args(kind))
    if typing.get_origin(kind) is tuple:
        return "a list of texts"
    return str(kind)


def _decimal() -> type:
    from decimal import Decimal

    return Decimal


@dataclass(frozen=True)
class Rule:
    """A rule module's public face."""

    code: str
    name: str
    level: str
    check: str | None
    params: dict[str, str]
    module: ModuleType
    phase: str = "claim"
    #: Whether the rule looks at how a claim is recorded (a figure no check uses) rather
    #: than at whether it holds: its findings are reported, and warn, but do not decide the
    #: claim's verdict, so a claim with no checks stays "not checkable by rules".
    about_the_record: bool = False

    @property
    def doc(self) -> str:
        """The rule's documentation: its module docstring."""
        return (self.module.__doc__ or "").strip()

    @property
    def summary(self) -> str:
        """The first line of the rule's documentation."""
        return self.doc.splitlines()[0] if self.doc else ""

    @property
    def title(self) -> str:
        """The heading of the rule in the reference: ``FC101 parts-do-not-sum-to-total``."""
        return f"{self.code} {self.name}"

    @property
    def docs_anchor(self) -> str:
        """The rule's anchor in docs/rules.md, as GitHub makes it from the heading."""
        return re.sub(r"[^a-z0-9 _-]", "", self.title.lower()).replace(" ", "-")

    @property
    def docs_link(self) -> str:
        """The rule's place in the reference, relative to the project root."""
        return f"{DOCS_PATH}#{self.docs_anchor}"

    @property
    def options(self) -> tuple[OptionSpec, ...]:
        """The options of the rule, from its ``Options`` dataclass, in declared order."""
        options_class = self.module.Options
        hints = typing.get_type_hints(options_class, vars(self.module))
        return tuple(
            OptionSpec(
                key=field.name.replace("_", "-"),
                field=field.name,
                type=hints[field.name],
                default=field.default
                if field.default is not dataclasses.MISSING
                else field.default_factory(),  # type: ignore[misc]
                help=field.metadata.get("help", ""),
            )
            for field in dataclasses.fields(options_class)
        )


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
                phase=getattr(module, "PHASE", "claim"),
                about_the_record=getattr(module, "ABOUT_THE_RECORD", False),
            )
        )
    return tuple(sorted(rules, key=lambda rule: rule.code))


def rule_for_check(kind: str) -> Rule | None:
    """The rule that evaluates checks of ``kind``."""
    return next((rule for rule in all_rules() if rule.check == kind), None)


def find_rule(reference: str) -> Rule | None:
    """The rule a code (``FC101``) or a name (``parts-do-not-sum-to-total``) refers to."""
    return next((r for r in all_rules() if reference in (r.code, r.name)), None)


def matching_rules(reference: str) -> tuple[Rule, ...]:
    """The rules a selection refers to: a code, a name, or a code prefix such as ``FC1``
    for a family (``FC`` is every rule)."""
    rule = find_rule(reference)
    if rule is not None:
        return (rule,)
    if re.fullmatch(r"FC\d{0,2}", reference):
        return tuple(r for r in all_rules() if r.code.startswith(reference))
    return ()


def references() -> list[str]:
    """Every code and name, for suggestions."""
    return [text for rule in all_rules() for text in (rule.code, rule.name)]


def names_in_check(check: Check) -> list[str]:
    """Every name a check uses, in the order written: figure names, names in lists, names
    inside expressions and comparisons, and a ``figure-or-value`` as written (the caller
    decides whether it names a figure). Text that cannot be read yields no names."""
    from factcheck.expression import ExpressionError, names, parse, parse_relation

    rule = rule_for_check(check.kind)
    if rule is None:
        return []
    found: list[str] = []
    for key, kind in rule.params.items():
        value = check.params.get(key)
        if value is None:
            continue
        if kind in ("expression", "comparison") and isinstance(value, str):
            try:
                nodes = (
                    [parse(value)] if kind == "expression" else list(parse_relation(value).sides)
                )
            except ExpressionError:
                continue
            found += [name.name for node in nodes for name in names(node)]
        else:
            found += [str(v) for v in (value if isinstance(value, list) else [value])]
    return found
