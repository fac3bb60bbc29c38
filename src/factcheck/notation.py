"""Writing numbers back in the source's own notation: "13,4 Mio. €" for a German release.

A fact-checker compares the report with the release side by side, so the report speaks the
release's language: its decimal mark, its thousands separator, its scale words.
"""

from __future__ import annotations

from decimal import Decimal

from factcheck.units import SYMBOLS

_SCALE_LABELS = {
    "de": {Decimal(10**3): "Tsd.", Decimal(10**6): "Mio.", Decimal(10**9): "Mrd."},
    "en": {Decimal(10**3): "thousand", Decimal(10**6): "million", Decimal(10**9): "billion"},
}


def format_number(value: Decimal, lang: str, decimals: int | None = None) -> str:
    """``value`` with the language's decimal mark and thousands separator."""
    if not value.is_finite():
        return "∞" if value > 0 else "−∞"
    if decimals is None:
        decimals = max(0, -value.normalize().as_tuple().exponent)  # type: ignore[operator]
    text = f"{value:,.{decimals}f}"
    if lang == "de":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text.replace("-", "−")


def scale_label(scale: Decimal, lang: str) -> str:
    """The scale word the report writes after a number ("Mio."), empty for no scale."""
    return _SCALE_LABELS.get(lang, _SCALE_LABELS["en"]).get(scale, "")


def unit_label(unit: str) -> str:
    """The symbol the report writes for a canonical unit ("€" for EUR)."""
    return SYMBOLS.get(unit, unit)


def format_quantity(
    value: Decimal, unit: str, lang: str, scale: Decimal = Decimal(1), decimals: int | None = None
) -> str:
    """A value in the unit's base written in ``scale``: 13400000 EUR -> "13,4 Mio. €"."""
    number = format_number(value / scale, lang, decimals)
    suffix = " ".join(part for part in (scale_label(scale, lang), unit_label(unit)) if part)
    if unit == "percent" and not scale_label(scale, lang):
        return f"{number} %" if lang == "de" else f"{number}%"
    return f"{number} {suffix}" if suffix else number
