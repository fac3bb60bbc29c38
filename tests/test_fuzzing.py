"""Property-based fuzzing: whatever the input, only the tool's own error type comes out.

Each property feeds a target of ``fuzz_targets`` with generated input: raw bytes, text
built from the pieces the format is made of, and real claims with random edits. The
examples are derandomized, so a run in CI tries the same inputs every time and a failure
can be repeated; ``fuzzing/run_atheris.py`` explores further, guided by coverage.
"""

from __future__ import annotations

import json
import os

import fuzz_targets
from fuzz_targets import PROJECT, SLUG
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

#: Examples per property and run; docs/reliability.md quotes these budgets.
BUDGETS = {
    "YAML file": 300,
    "claim file through verify": 120,
    "configuration": 200,
    "figure": 500,
    "expression": 500,
}


#: FACTCHECK_FUZZ_SCALE=N runs N times the budget on fresh random inputs, for a longer
#: search than CI's (docs/reliability.md).
SCALE = int(os.environ.get("FACTCHECK_FUZZ_SCALE", "1"))


def _budget(name: str):
    return settings(
        max_examples=BUDGETS[name] * SCALE,
        deadline=None,
        derandomize=SCALE == 1,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def _pieces(*pieces: str, size: int = 40) -> st.SearchStrategy[str]:
    """Text joined from ``pieces``, mixed with any characters."""
    return st.lists(st.sampled_from(pieces) | st.text(max_size=3), max_size=size).map("".join)


_YAML_PIECES = (
    "id: ",
    "source: ",
    "claim: ",
    "figures:",
    "checks:",
    "quote: ",
    "value: ",
    "- ",
    ": ",
    "\n",
    "\n  ",
    "\n    ",
    "\t",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "&a ",
    "*a",
    "!!str ",
    "? ",
    "'",
    '"',
    "#",
    "|",
    ">",
    "---",
    "...",
    "%YAML 1.1",
    "\ufeff",
    "\r\n",
    "\x00",
    "\x85",
    "13,4",
    "50 von 54",
    "rund 600",
    "über 5.000",
    "ö",
    "€",
)
_BUNDLED_CLAIMS = sorted(
    path.read_text(encoding="utf-8")
    for path in (PROJECT / "claims" / SLUG).glob("*.yaml")
    if path.name != "source.yaml"
)


@st.composite
def _edited_claim(draw: st.DrawFn) -> bytes:
    """A bundled claim with a few random edits: text cut out, put in or replaced."""
    text = draw(st.sampled_from(_BUNDLED_CLAIMS))
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 20)))
        text = text[:start] + draw(_pieces(*_YAML_PIECES, size=3)) + text[end:]
    return text.encode("utf-8", errors="surrogatepass")


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


_NAMES = st.sampled_from(["a", "b", "total", "x", "ref:kreise-nrw", "komm-an-budget.total"])
_VALUES = st.builds(
    lambda qualifier, number, unit: qualifier + number + unit,
    st.sampled_from(["", "rund ", "über ", "knapp ", "mindestens ", "bis zu ", "fast "]),
    st.sampled_from(["0", "1", "13,4", "50", "5.000", "-3", "0,0", "9" * 40, "1e999"]),
    st.sampled_from(["", " Mio. €", " Mrd. €", " %", " Prozent", " Kinder", " Prozentpunkte"]),
) | st.text(max_size=15)
_SOURCE_TEXT = (PROJECT / "claims" / SLUG / "source.txt").read_text(encoding="utf-8")
_QUOTES = st.integers(0, len(_SOURCE_TEXT) - 1).flatmap(
    lambda start: st.integers(1, 80).map(lambda length: _SOURCE_TEXT[start : start + length])
) | st.text(max_size=30)
_EXPRESSIONS = st.recursive(
    _NAMES | st.sampled_from(["0", "1", "0.5", "100", "9" * 60]),
    lambda inner: (
        st.builds(
            lambda left, op, right: f"{left}{op}{right}",
            inner,
            st.sampled_from(" + - * / ×÷"),
            inner,
        )
        | inner.map(lambda e: f"({e})")
        | inner.map(lambda e: f"-{e}")
    ),
    max_leaves=8,
)
_CHECKS = st.one_of(
    st.builds(
        lambda parts, total: f"  - sum: [{', '.join(parts)}]\n    equals: {total}\n",
        st.lists(_NAMES, max_size=4),
        _NAMES,
    ),
    st.builds(
        lambda e, x: f"  - derived: {_q(e)}\n    expected: {_q(x)}\n",
        _EXPRESSIONS,
        _NAMES | _VALUES,
    ),
    st.builds(lambda a, b: f"  - qualified: {a}\n    exact: {b}\n", _NAMES, _NAMES),
    st.builds(
        lambda parts, by: f"  - change: [{', '.join(parts)}]\n    by: {by}\n",
        st.lists(_NAMES, max_size=3),
        _NAMES,
    ),
    st.builds(lambda a, b: f"  - same: [{a}, {b}]\n", _NAMES, _NAMES),
    st.builds(lambda c: f"  - compare: {_q(c)}\n", _EXPRESSIONS),
    st.builds(lambda a, e: f"  - reference: {a}\n    equals: {_q(e)}\n", _NAMES, _EXPRESSIONS),
    st.builds(
        lambda a, b, x: f"  - share: {a}\n    of: {b}\n    is: {_q(x)}\n",
        _NAMES,
        _NAMES,
        _NAMES | _VALUES,
    ),
)
_STRUCTURED_CLAIM = st.builds(
    lambda figures, checks: (
        f"id: fuzz\nsource: {SLUG}\nclaim: x\n"
        + "figures:\n"
        + "".join(f"  {n}: {{quote: {_q(q)}, value: {_q(v)}}}\n" for n, (q, v) in figures.items())
        + ("checks:\n" + "".join(checks) if checks else "")
    ).encode("utf-8", errors="surrogatepass"),
    st.dictionaries(st.sampled_from(["a", "b", "total", "x"]), st.tuples(_QUOTES, _VALUES)),
    st.lists(_CHECKS, max_size=4),
)


@_budget("YAML file")
@given(st.binary(max_size=2000) | _pieces(*_YAML_PIECES, size=60).map(str.encode))
def test_any_bytes_read_as_yaml_give_a_tree_or_an_input_error(data: bytes):
    fuzz_targets.yaml_file(data)


@_budget("claim file through verify")
@given(_STRUCTURED_CLAIM | _edited_claim() | st.binary(max_size=500))
def test_any_claim_file_is_checked_or_reported_and_never_stops_verify(data: bytes):
    fuzz_targets.claim_file(data)


_CONFIG_PIECES = (
    "select: ",
    "ignore: ",
    "rounding: ",
    "lexicon: ",
    "rules: ",
    "level: ",
    "FC101",
    "FC1",
    "quote-not-in-source",
    "ignore-case",
    "warning",
    "half-up",
    "true",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ": ",
    "\n",
    "\n  ",
    "de: ",
    "- ",
    "&a ",
    "*a",
    "'",
    '"',
    "=",
    "[tool.factcheck]",
    "[tool.factcheck.rules.FC101]",
    " = ",
    '"x"',
    "1e999",
    "\t",
    "#",
)


@_budget("configuration")
@given(_pieces(*_CONFIG_PIECES, size=50), st.booleans())
def test_any_configuration_resolves_or_gives_a_configuration_error(text: str, toml: bool):
    prefix = "[tool.factcheck]\n" if toml else ""
    fuzz_targets.configuration((prefix + text).encode("utf-8", errors="surrogatepass"), toml)


_FIGURE_PIECES = (
    "0",
    "1",
    "7",
    "13",
    ",",
    ".",
    "4",
    "000",
    " ",
    "\u00a0",
    "-",
    "−",
    "–",
    "+",
    "%",
    "€",
    "$",
    " Mio.",
    " Mrd.",
    " Millionen",
    " Euro",
    " Prozent",
    " Prozentpunkte",
    "rund ",
    "über ",
    "knapp ",
    "bis zu ",
    "mehr als ",
    "etwa ",
    "about ",
    "over ",
    "million",
    "half",
    "einundzwanzig",
    "tausend",
    "ein Drittel",
    "Hälfte",
    "das 1,6-fache",
    "von",
    " bis ",
    "50 von 54",
    "12. Februar",
    "2016",
    "50.",
    "th",
    "e",
    "^",
    "**",
    "/",
    "(",
    ")",
    "½",
)


@_budget("figure")
@given(_pieces(*_FIGURE_PIECES, size=12), st.sampled_from(fuzz_targets.LANGUAGES))
def test_any_figure_text_reads_or_gives_a_figure_error(text: str, lang: str | None):
    fuzz_targets.figure(text, lang)


_EXPRESSION_PIECES = (
    "a",
    "b",
    "total",
    "komm-an-budget.total",
    "ref:x",
    " ",
    "+",
    "-",
    "−",
    "*",
    "×",
    "/",
    "÷",
    "(",
    ")",
    "0",
    "1",
    "0.5",
    "9" * 30,
    "**",
    "^",
    "<",
    "<=",
    ">",
    "≥",
    "=",
    "==",
    ".",
    "e5",
    "_",
    "pow(",
    ",",
)


@_budget("expression")
@given(_pieces(*_EXPRESSION_PIECES, size=40) | _EXPRESSIONS)
def test_any_expression_evaluates_or_gives_an_expression_error(text: str):
    fuzz_targets.expression(text)
