"""factcheck's own small evaluator for expressions over figures, such as ``budget / kinder``.

A check may hold an expression, and an expression is user text, so it is never given to
Python's ``eval`` nor to pint's ``parse_expression`` (which hangs on ``9**9**9``, turns
unknown names into units and reads ``a < b`` as an area). This module reads a whitelist:

- figure names: letters, digits and ``_`` (``kinder``), ``claim-id.figure`` for a figure
  of another claim (``komm-an-budget.ki_personal``), or ``ref:name`` for a reference fact
  (``ref:kreise-nrw``); write a minus between names with spaces (``a - b``) when a name
  could run into it;
- decimal numbers with a plain ``.`` as the decimal point (``1.5``, ``100``);
- ``+``, ``-`` or ``−``, ``*`` or ``×``, ``/`` or ``÷``, parentheses and a leading minus.

Everything else is an :class:`ExpressionError` naming the column and what was expected.
Length, token count and nesting depth are capped, so no input can make it slow. Values are
intervals (:mod:`factcheck.interval`) and carry a unit (:mod:`factcheck.units`), so
``budget / kinder`` with a budget in euros and a count of children is euros per child.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext
from functools import lru_cache
from typing import TYPE_CHECKING

from factcheck.interval import PRECISION, Interval
from factcheck.interval import DivisionByZero as IntervalDivisionByZero
from factcheck.records import quick_init

if TYPE_CHECKING:
    from factcheck.numbers import Reading

#: The longest expression read; a check relates a few figures, not a page of them.
MAX_LENGTH = 500
#: The most tokens (names, numbers, operators, parentheses) an expression may hold.
MAX_TOKENS = 200
#: The deepest nesting of parentheses and leading minus signs.
MAX_DEPTH = 50

_OPERATORS = {"+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "/": "/", "÷": "/"}
_TOKEN = re.compile(
    r"(?P<space>\s+)"
    r"|(?P<name>ref:[a-z0-9][\w-]*|[^\W\d][\w-]*\.[^\W\d]\w*|\d[\w-]*\.[^\W\d]\w*|[^\W\d]\w*)"
    r"|(?P<number>\d+(?:\.\d+)?)"
    r"|(?P<op>[-+*/−×÷])"
    r"|(?P<paren>[()])"
)
_EXPECTED_OPERAND = "a figure name, a number, '(' or '-'"
_EXPECTED_OPERATOR = "an operator (+ - × ÷) or ')'"


class ExpressionError(ValueError):
    """An expression that cannot be read or evaluated; ``column`` is 1-based."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(f"{message} at column {column}")
        self.reason = message
        self.column = column


@dataclass(frozen=True)
class Token:
    """One token: its kind (name, number, op, paren, end), text and 1-based column."""

    kind: str
    text: str
    column: int


@dataclass(frozen=True)
class Number:
    """A decimal number written in the expression."""

    text: str
    column: int


@dataclass(frozen=True)
class Name:
    """A figure name."""

    name: str
    column: int


@dataclass(frozen=True)
class Negative:
    """A leading minus."""

    operand: Node
    column: int


@dataclass(frozen=True)
class Group:
    """An expression in parentheses (kept, so the expression can be written back)."""

    inner: Node
    column: int


@dataclass(frozen=True)
class Binary:
    """``left op right`` with op one of + - * /."""

    op: str
    left: Node
    right: Node
    column: int


Node = Number | Name | Negative | Group | Binary


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, ending with an ``end`` token; ExpressionError on anything
    outside the whitelist or over the caps."""
    if len(text) > MAX_LENGTH:
        raise ExpressionError(
            f"an expression is at most {MAX_LENGTH} characters; this one has {len(text)}",
            MAX_LENGTH + 1,
        )
    tokens = []
    position = 0
    while position < len(text):
        column = position + 1
        if text.startswith("**", position):
            raise ExpressionError("'**' is not allowed", column)
        match = _TOKEN.match(text, position)
        if match is None:
            raise ExpressionError(
                f"{text[position]!r} is not allowed; expected a figure name, a number, "
                "an operator (+ - × ÷) or parentheses",
                column,
            )
        position = match.end()
        kind = match.lastgroup or ""
        if kind == "space":
            continue
        tokens.append(Token(kind, match.group(), column))
        if len(tokens) > MAX_TOKENS:
            raise ExpressionError(f"an expression has at most {MAX_TOKENS} tokens", column)
    tokens.append(Token("end", "", len(text) + 1))
    return tokens


class _Parser:
    """Recursive descent over the tokens: sum := product (± product)*,
    product := unary (×÷ unary)*, unary := - unary | atom, atom := number | name | (sum)."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0
        self.depth = 0

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.current
        self.index += 1
        return token

    def deeper(self, column: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"an expression nests at most {MAX_DEPTH} levels deep", column)

    def binary(self, ops: str, operand: Callable[[], Node]) -> Node:
        node = operand()
        while self.current.kind == "op" and _OPERATORS[self.current.text] in ops:
            token = self.advance()
            node = Binary(_OPERATORS[token.text], node, operand(), token.column)
        return node

    def sum(self) -> Node:
        return self.binary("+-", self.product)

    def product(self) -> Node:
        return self.binary("*/", self.unary)

    def unary(self) -> Node:
        token = self.current
        if token.kind == "op" and _OPERATORS[token.text] == "-":
            self.advance()
            self.deeper(token.column)
            node: Node = Negative(self.unary(), token.column)
            self.depth -= 1
            return node
        return self.atom()

    def atom(self) -> Node:
        token = self.advance()
        if token.kind == "number":
            return Number(token.text, token.column)
        if token.kind == "name":
            if self.current.kind == "paren" and self.current.text == "(":
                raise ExpressionError(
                    f"function calls are not allowed ({token.text!r} before '(')",
                    self.current.column,
                )
            return Name(token.text, token.column)
        if token.kind == "paren" and token.text == "(":
            self.deeper(token.column)
            inner = self.sum()
            closing = self.advance()
            if closing.kind != "paren" or closing.text != ")":
                raise ExpressionError(
                    f"expected {_EXPECTED_OPERATOR}, found {_describe(closing)}", closing.column
                )
            self.depth -= 1
            return Group(inner, token.column)
        raise ExpressionError(
            f"expected {_EXPECTED_OPERAND}, found {_describe(token)}", token.column
        )


def _describe(token: Token) -> str:
    return "the end" if token.kind == "end" else repr(token.text)


# The engine validates each check's expression and its rule evaluates it, often several
# times while looking for the nearest consistent value; the tree is immutable, so it is
# read once per text.
@lru_cache(maxsize=4096)
def parse(text: str) -> Node:
    """The expression ``text`` as a tree; ExpressionError with the column of the problem."""
    parser = _Parser(tokenize(text))
    if parser.current.kind == "end":
        raise ExpressionError(f"the expression is empty; expected {_EXPECTED_OPERAND}", 1)
    node = parser.sum()
    if parser.current.kind != "end":
        token = parser.current
        raise ExpressionError(
            f"expected {_EXPECTED_OPERATOR}, found {_describe(token)}", token.column
        )
    return node


#: The relations a comparison may state, as written (ASCII or mathematical) -> as read.
RELATIONS = {"<=": "≤", "≤": "≤", ">=": "≥", "≥": "≥", "==": "=", "=": "=", "<": "<", ">": ">"}
_RELATION = re.compile(r"<=|>=|==|≤|≥|<|>|=")


@dataclass(frozen=True)
class Relation:
    """``left relation right``: two expressions and one of ``≤ < = ≥ >``."""

    left: Node
    relation: str
    right: Node

    @property
    def sides(self) -> tuple[Node, Node]:
        """The left and the right expression."""
        return self.left, self.right


def parse_relation(text: str) -> Relation:
    """A comparison of two expressions, such as ``mit_zentrum <= kreisebene``;
    ExpressionError with the column of the problem."""
    found = list(_RELATION.finditer(text))
    if not found:
        raise ExpressionError(
            "expected a comparison of two sides with one of < <= = >= > (or ≤ ≥)", 1
        )
    if len(found) > 1:
        extra = found[1]
        raise ExpressionError(
            f"a comparison has one relation; found a second, {extra.group()!r}", extra.start() + 1
        )
    relation = found[0]
    if not text[: relation.start()].strip():
        raise ExpressionError("the left side of the comparison is empty", 1)
    if not text[relation.end() :].strip():
        raise ExpressionError("the right side of the comparison is empty", relation.end() + 1)
    # The right side is padded to its place, so columns count from the start of ``text``.
    left = parse(text[: relation.start()])
    right = parse(" " * relation.end() + text[relation.end() :])
    return Relation(left, RELATIONS[relation.group()], right)


def names(node: Node) -> Iterator[Name]:
    """Every figure name in the expression, in the order written."""
    if isinstance(node, Name):
        yield node
    elif isinstance(node, Negative | Group):
        yield from names(node.operand if isinstance(node, Negative) else node.inner)
    elif isinstance(node, Binary):
        yield from names(node.left)
        yield from names(node.right)


def render(node: Node, written: Callable[[str], str]) -> str:
    """The expression written back, each name replaced by ``written(name)``."""
    if isinstance(node, Number):
        return node.text
    if isinstance(node, Name):
        return written(node.name)
    if isinstance(node, Negative):
        return f"−{render(node.operand, written)}"
    if isinstance(node, Group):
        return f"({render(node.inner, written)})"
    symbol = {"+": "+", "-": "−", "*": "×", "/": "/"}[node.op]
    return f"{render(node.left, written)} {symbol} {render(node.right, written)}"


@quick_init
@dataclass(frozen=True, slots=True)
class Value:
    """An operand or a result: the interval, the nominal value, the unit's name (see
    :mod:`factcheck.units`), and whether it is a bare number (a bare number added to euros
    is euros)."""

    interval: Interval
    nominal: Decimal
    unit: str
    bare: bool = False

    @property
    def unit_name(self) -> str:
        """The unit as units.factor reads it; empty for a plain number."""
        return self.unit


def value(interval: Interval, nominal: Decimal, unit: str) -> Value:
    """A figure's value for :func:`evaluate`: its interval, nominal value and canonical unit."""
    return Value(interval, nominal, unit)


def evaluate(node: Node, lookup: Callable[[str], Value]) -> Value:
    """The value of the expression; ``lookup`` gives each name's value. ExpressionError when
    a divisor can be 0 or units cannot be added."""
    from factcheck import units

    if isinstance(node, Number):
        return Value(Interval.point(Decimal(node.text)), Decimal(node.text), "", bare=True)
    if isinstance(node, Name):
        return lookup(node.name)
    if isinstance(node, Group):
        return evaluate(node.inner, lookup)
    if isinstance(node, Negative):
        inner = evaluate(node.operand, lookup)
        zero = Interval.point(Decimal(0))
        return Value(zero - inner.interval, -inner.nominal, inner.unit, inner.bare)
    left = evaluate(node.left, lookup)
    right = evaluate(node.right, lookup)
    if node.op in "+-":
        return _add(node, left, right)
    if node.op == "*":
        return Value(
            left.interval * right.interval,
            _exact(lambda: left.nominal * right.nominal, node),
            units.multiply(left.unit, right.unit),
            left.bare and right.bare,
        )
    try:
        quotient = left.interval / right.interval
    except IntervalDivisionByZero:
        raise ExpressionError(
            f"division by {render(node.right, str)}, which can be 0", node.column
        ) from None
    return Value(
        quotient,
        _exact(lambda: left.nominal / right.nominal, node),
        units.divide(left.unit, right.unit),
        left.bare and right.bare,
    )


def _add(node: Binary, left: Value, right: Value) -> Value:
    from factcheck import units

    unit = right.unit if left.bare and not right.bare else left.unit
    converted = []
    for operand in (left, right):
        if operand.bare or operand.unit == unit:
            converted.append((operand.interval, operand.nominal))
            continue
        target = Value(operand.interval, operand.nominal, unit)
        if not units.compatible(operand.unit_name, target.unit_name):
            raise ExpressionError(
                f"cannot {'add' if node.op == '+' else 'subtract'} "
                f"{left.unit_name or 'a number'} and {right.unit_name or 'a number'}",
                node.column,
            )
        factor = units.factor(operand.unit_name, target.unit_name)
        converted.append((operand.interval.scaled(factor), operand.nominal * factor))
    (a, a_nominal), (b, b_nominal) = converted
    if node.op == "+":
        return Value(a + b, a_nominal + b_nominal, unit, left.bare and right.bare)
    return Value(a - b, a_nominal - b_nominal, unit, left.bare and right.bare)


def _exact(compute: Callable[[], Decimal], node: Binary) -> Decimal:
    try:
        with localcontext() as ctx:
            ctx.prec = PRECISION
            return compute()
    except (DivisionByZero, InvalidOperation):
        raise ExpressionError("division by 0", node.column) from None


def of_reading(reading: Reading) -> Value:
    """A figure's reading as an operand: its interval, nominal value and unit."""
    return value(reading.interval, reading.value, reading.unit)


def at(reading: Reading, nominal: Decimal) -> Value:
    """The figure held at exactly ``nominal``, in its own unit: for asking what value of
    one figure would make a check hold."""
    return value(Interval.point(nominal), nominal, reading.unit)
