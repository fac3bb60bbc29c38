"""What ``factcheck parse`` shows of a Reading: a plain-text table or a JSON object.

Editors use it to see how a quote will be read before they write a claim, so the output
states the interval with its open and closed ends, in the unit's base (scale words applied).
"""

from __future__ import annotations

import json
from decimal import Decimal

from factcheck.notation import format_number, format_quantity
from factcheck.numbers import End, Qualifier, Reading


def _number(value: Decimal) -> int | float | None:
    """A JSON number: an int where the value is whole, None for an unbounded end."""
    if not value.is_finite():
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def as_dict(reading: Reading) -> dict[str, object]:
    """The reading's fields as JSON-ready values."""
    interval = reading.interval
    data: dict[str, object] = {
        "text": reading.text,
        "kind": reading.kind,
        "value": _number(reading.value),
        "lo": _number(interval.lo),
        "hi": _number(interval.hi),
        "lo_open": interval.lo_open,
        "hi_open": interval.hi_open,
        "unit": reading.unit,
        "qualifier": reading.qualifier,
        "precision": _number(reading.precision),
    }
    if reading.date:
        data["date"] = reading.date
    if reading.counted:
        data["counted"] = reading.counted
    return data


def as_json(reading: Reading) -> str:
    """The reading as one JSON object."""
    return json.dumps(as_dict(reading), ensure_ascii=False)


def _end(value: Decimal, lang: str) -> str:
    if not value.is_finite():
        return "∞" if value > 0 else "−∞"
    return format_number(value.normalize(), lang)


def as_text(reading: Reading, lang: str | None) -> str:
    """The reading as an aligned table, numbers written in ``lang``'s notation."""
    notation = lang or "en"
    interval = reading.interval
    opening = "(" if interval.lo_open else "["
    closing = ")" if interval.hi_open else "]"
    # German writes intervals with a semicolon, since its comma is the decimal mark.
    separator = "; " if notation == "de" else ", "
    shown = format_quantity(reading.value.normalize(), reading.unit, notation, reading.scale, None)
    rows = [
        ("text", reading.text),
        ("kind", reading.kind),
        ("value", f"{_end(reading.value, notation)} {reading.unit}".strip() + f"  ({shown})"),
        (
            "interval",
            f"{opening}{_end(interval.lo, notation)}{separator}"
            f"{_end(interval.hi, notation)}{closing}"
            f"  (lo {'open' if interval.lo_open else 'closed'}, "
            f"hi {'open' if interval.hi_open else 'closed'})",
        ),
        ("unit", reading.unit or "(none)"),
        ("qualifier", reading.qualifier or "(none)"),
        ("precision", _end(reading.precision, notation)),
    ]
    if reading.date:
        rows.append(("date", reading.date))
    if reading.counted:
        rows.append(("counted", reading.counted))
    return "\n".join(f"{name:<10} {text}" for name, text in rows)


def _qualifier_end(end: End, low: bool) -> tuple[str, bool]:
    """One end of a qualifier's interval in words and whether it is open, by default rounding."""
    if end.how == "unbounded":
        return ("−∞" if low else "+∞"), True
    if end.how == "rounding":
        return ("x − s/2" if low else "x + s/2"), False
    if end.offset == 0:
        return "x", end.open
    sign = "−" if end.offset < 0 else "+"
    size = abs(end.offset)
    return f"x {sign} {'s/2' if size == Decimal('0.5') else f'{size}·s'}", end.open


def qualifier_interval(qualifier: Qualifier) -> str:
    """The interval a qualifier makes of x, as docs/figures.md writes it: "(x, +∞)"."""
    lo, lo_open = _qualifier_end(qualifier.lo, True)
    hi, hi_open = _qualifier_end(qualifier.hi, False)
    return f"{'(' if lo_open else '['}{lo}, {hi}{')' if hi_open else ']'}"
