"""The expression evaluator: a whitelist, caps, interval arithmetic and units."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from factcheck.expression import (
    MAX_DEPTH,
    ExpressionError,
    Value,
    evaluate,
    names,
    parse,
    parse_relation,
    render,
    value,
)
from factcheck.interval import INFINITY, Interval

VALUES = {
    "budget": value(Interval(D(19_500_000), D(20_500_000)), D(20_000_000), "EUR"),
    "kinder": value(Interval(D(5000), INFINITY, True, True), D(5000), ""),
    "antraege": value(Interval(D(550), D(650)), D(600), ""),
    "quote": value(Interval(D("1.5"), D("2.5")), D(2), "percent"),
    "zero": value(Interval(D(-1), D(1)), D(0), ""),
    "komm-an-budget.ki_personal": value(Interval(D(4_150_000), D(4_250_000)), D(4_200_000), "EUR"),
}


def _eval(text: str) -> Value:
    return evaluate(parse(text), VALUES.__getitem__)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 + 2 * 3", D(7)),
        ("(1 + 2) * 3", D(9)),
        ("10 - 4 - 3", D(3)),
        ("12 / 3 / 2", D(2)),
        ("-2 * 3", D(-6)),
        ("- (2 - 5)", D(3)),
        ("2 × 3 ÷ 4 − 1", D("0.5")),
        ("1.5 + 1.25", D("2.75")),
    ],
)
def test_precedence_parentheses_and_unary_minus(text: str, expected: D):
    result = _eval(text)
    assert result.nominal == expected
    assert result.interval == Interval.point(expected)


def test_division_of_intervals_rounds_outward_and_keeps_open_ends():
    per_child = _eval("budget / kinder")
    assert per_child.nominal == D(4000)
    assert per_child.interval == Interval(D(0), D(4100), True, True)
    per_application = _eval("budget / antraege")
    assert per_application.interval.lo == D(30000)
    # 20,5 Mio / 550 = 37272,72...: the upper end is rounded up, never down.
    assert D("37272.727") < per_application.interval.hi < D("37272.728")
    assert per_application.interval.hi * 550 >= D(20_500_000)


def test_units_follow_the_arithmetic():
    assert _eval("budget / kinder").unit_name == "EUR"
    assert _eval("komm-an-budget.ki_personal / budget").unit_name == ""
    assert _eval("budget - komm-an-budget.ki_personal").nominal == D(15_800_000)
    # A bare number added to euros is euros.
    assert _eval("budget + 1000").unit_name == "EUR"


def test_adding_incompatible_units_is_an_error():
    with pytest.raises(ExpressionError, match="cannot add EUR and percent at column 8"):
        _eval("budget + quote")


def test_division_by_an_interval_that_holds_zero_is_an_error():
    with pytest.raises(ExpressionError, match="division by zero, which can be 0 at column 8"):
        _eval("budget / zero")


def test_dotted_names_are_figures_of_other_claims_and_minus_needs_no_spaces():
    node = parse("komm-an-budget.ki_personal/budget-kinder")
    assert [n.name for n in names(node)] == ["komm-an-budget.ki_personal", "budget", "kinder"]
    assert render(node, lambda n: n.upper()) == "KOMM-AN-BUDGET.KI_PERSONAL / BUDGET − KINDER"


def test_power_is_rejected_at_once():
    # Rejected by the tokenizer, so nothing is ever computed: the message names the first '**'.
    with pytest.raises(ExpressionError) as error:
        parse("9**9**9")
    assert str(error.value) == "'**' is not allowed at column 2"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sqrt(2)", "function calls are not allowed ('sqrt' before '(') at column 5"),
        ("a < b", "'<' is not allowed; expected a figure name, a number, an operator"),
        ("a; b", "';' is not allowed"),
        ("(1 + 2", "expected an operator (+ - × ÷) or ')', found the end at column 7"),
        ("1 +", "expected a figure name, a number, '(' or '-', found the end at column 4"),
        ("", "the expression is empty"),
        ("x y", "found 'y' at column 3"),
        ("1e5", "found 'e5' at column 2"),
        ("'budget'", '"\'" is not allowed'),
    ],
)
def test_garbage_names_the_column_and_what_was_expected(text: str, message: str):
    with pytest.raises(ExpressionError) as error:
        parse(text)
    assert message in str(error.value)


def test_names_that_are_not_figures_reach_the_lookup_only():
    # No attribute access: "budget.__class__" is only the name of a figure "__class__" in a
    # claim "budget", which the lookup does not know.
    assert [n.name for n in names(parse("budget.__class__"))] == ["budget.__class__"]
    with pytest.raises(KeyError):
        _eval("budget.__class__")
    with pytest.raises(KeyError):
        _eval("budget / unbekannt")


def test_overlong_input_is_rejected_before_reading():
    with pytest.raises(ExpressionError, match="at most 500 characters; this one has 501"):
        parse("1+" * 250 + "1")


def test_ten_thousand_deep_parentheses_are_rejected_fast():
    with pytest.raises(ExpressionError):
        parse("(" * 10_000 + "1" + ")" * 10_000)
    with pytest.raises(ExpressionError, match=f"nests at most {MAX_DEPTH} levels"):
        parse("(" * 60 + "1" + ")" * 60)
    with pytest.raises(ExpressionError, match=f"nests at most {MAX_DEPTH} levels"):
        parse("-" * 60 + "1")
    assert _eval("(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH).nominal == 1


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("a <= b", "≤"),
        ("a ≤ b", "≤"),
        ("a < b", "<"),
        ("a = b", "="),
        ("a == b", "="),
        ("a >= b", "≥"),
        ("a ≥ b", "≥"),
        ("a > b", ">"),
    ],
)
def test_a_comparison_reads_every_way_of_writing_its_relation(text: str, relation: str):
    read = parse_relation(text)
    assert read.relation == relation
    assert [name.name for side in read.sides for name in names(side)] == ["a", "b"]


def test_a_comparison_counts_columns_from_the_start_of_the_text():
    read = parse_relation("x.a + 1 <= other-claim.b")
    assert [(n.name, n.column) for n in names(read.right)] == [("other-claim.b", 12)]
    with pytest.raises(ExpressionError, match="found the end at column 12"):
        parse_relation("a + 1 <= (b")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("a b", "expected a comparison of two sides with one of < <= = >= > (or ≤ ≥) at column 1"),
        ("a < b < c", "a comparison has one relation; found a second, '<' at column 7"),
        ("<= b", "the left side of the comparison is empty at column 1"),
        ("a <= ", "the right side of the comparison is empty at column 5"),
    ],
)
def test_a_malformed_comparison_says_what_and_where(text: str, error: str):
    with pytest.raises(ExpressionError) as raised:
        parse_relation(text)
    assert str(raised.value) == error
