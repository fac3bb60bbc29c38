"""The one pint registry factcheck uses, built from a dozen definitions of its own.

The default pint registry takes ~160 ms to build and reads "Mrd" as mega-rod and "M" as
molar; ``UnitRegistry(None)`` with only the units a press release uses builds in a few
milliseconds and has none of those clashes. Numbers never pass through pint as text: pint
strips commas ("13,4" would become 134), so the tool reads the number itself and hands pint
only a Decimal and a canonical unit name.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pint

#: Canonical unit names the rest of the tool uses, with the pint definition of each.
DEFINITIONS = (
    "count = [count]",
    "EUR = [currency_eur]",
    "USD = [currency_usd]",
    "GBP = [currency_gbp]",
    "percent = 0.01",
    "percentage_point = [percentage_point]",
)

#: Every way a press release writes a unit after a number, lowercased, with its canonical
#: name. Percent and percentage points are different units: a rise from 10 % to 12 % is
#: 2 percentage points, or 20 percent; confusing them is a classic error.
UNIT_WORDS = {
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "us-dollar": "USD",
    "£": "GBP",
    "gbp": "GBP",
    "pfund sterling": "GBP",
    "pounds sterling": "GBP",
    "%": "percent",
    "prozent": "percent",
    "percent": "percent",
    "per cent": "percent",
    "prozentpunkte": "percentage_point",
    "prozentpunkten": "percentage_point",
    "prozentpunkt": "percentage_point",
    "pp.": "percentage_point",
    "pp": "percentage_point",
    "ppt": "percentage_point",
    "percentage points": "percentage_point",
    "percentage point": "percentage_point",
}

#: Units written before the number ("€13,4 Mio.", "$5m", "EUR 20 Mio.").
PREFIX_UNIT_WORDS = {
    "€": "EUR",
    "eur": "EUR",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "£": "GBP",
    "gbp": "GBP",
}

#: Units that are money; a figure in one of them is an amount.
CURRENCIES = frozenset({"EUR", "USD", "GBP"})


#: Units a release may write that factcheck does not read: measures and other currencies.
#: After a number they would be read as what the figure counts ("12 km" as 12 of "km"), so
#: rule FC303 reports them instead of letting a check compare the figure as a plain number.
UNREAD_UNIT_WORDS = frozenset(
    {
        *("km", "m", "cm", "mm", "kg", "g", "t", "ha", "l", "qm", "m²", "km²"),
        *("kwh", "mwh", "gwh", "twh", "kw", "mw", "gw"),
        *("kilometer", "meter", "kilogramm", "tonne", "tonnen", "hektar", "liter"),
        *("quadratmeter", "quadratkilometer", "megawatt", "gigawatt", "kilowattstunden"),
        *("franken", "yen", "yuan", "rubel", "kronen", "zloty", "pfund", "lira"),
        *("kilometres", "kilometers", "metres", "meters", "tonnes", "tons", "hectares"),
        *("litres", "liters", "miles", "pounds", "francs", "roubles"),
    }
)


def unread_unit(word: str) -> str | None:
    """Why ``word``, read after a number as what it counts, looks like a unit factcheck does
    not read, or None when it looks like a noun ("Kinder", "Anträge"). A three-letter code
    in capitals is a currency code ("CHF"); a listed measure or currency is one; a word
    close to a unit factcheck reads is a misspelling of it ("Euronen")."""
    import difflib
    import re

    key = " ".join(word.lower().split())
    if re.fullmatch(r"[A-Z]{3}", word):
        return f"{word!r} looks like a currency code"
    if key in UNREAD_UNIT_WORDS:
        return f"{word!r} is a unit"
    close = difflib.get_close_matches(key, [w for w in UNIT_WORDS if len(w) > 2], 1, 0.7)
    if close:
        return f"{word!r} looks like a misspelt {close[0]!r}"
    return None


def canonical_unit(written: str) -> str:
    """The canonical name of a unit as written ("Euro" -> "EUR"); KeyError if unknown."""
    return UNIT_WORDS[" ".join(written.lower().split())]


#: How each canonical unit is written after a number, by language.
SYMBOLS = {
    "EUR": "€",
    "USD": "$",
    "GBP": "£",
    "percent": "%",
    "percentage_point": "Pp.",
    "count": "",
    "": "",
}


@cache
def registry() -> pint.UnitRegistry:
    """Build (once) the registry of the units factcheck knows, with exact Decimal magnitudes."""
    import pint

    ureg = pint.UnitRegistry(None, non_int_type=Decimal)
    for definition in DEFINITIONS:
        ureg.define(definition)
    return ureg


# Rules ask the same few questions (is EUR compatible with EUR, what is EUR ÷ a plain number)
# for every check of a corpus. pint answers each in tens of microseconds and takes ~150 ms to
# import, so each answer is kept, and the questions whose answer needs no registry (a unit
# with itself, a unit with a plain number, percent against a plain number, whose factor
# DEFINITIONS states) are answered without importing pint at all. A
# unit is passed around as its name: a canonical name ("EUR"), "" for a plain number, or the
# name pint gives a product or quotient ("EUR / count").


def _plain_scales() -> dict[str, Decimal]:
    """The units DEFINITIONS defines as a plain number times a factor ("percent = 0.01"),
    with that factor; "" is the plain number itself."""
    scales = {"": Decimal(1)}
    for definition in DEFINITIONS:
        name, _, meaning = (part.strip() for part in definition.partition("="))
        try:
            scales[name] = Decimal(meaning)
        except InvalidOperation:  # a unit of its own dimension, such as "[currency_eur]"
            continue
    return scales


_PLAIN_SCALES = _plain_scales()


@cache
def unit(name: str) -> pint.Unit:
    """The pint unit of a unit name ("" for a plain number)."""
    return registry().Unit(name or "dimensionless")


def _name(pint_unit: pint.Unit) -> str:
    name = str(pint_unit)
    return "" if name == "dimensionless" else name


def _quantity(unit_name: str) -> pint.Quantity:
    return registry().Quantity(Decimal(1), unit(unit_name))


@cache
def compatible(unit_a: str, unit_b: str) -> bool:
    """Whether values in the two units can be added or compared."""
    if unit_a == unit_b or (unit_a in _PLAIN_SCALES and unit_b in _PLAIN_SCALES):
        return True
    return _quantity(unit_a).dimensionality == _quantity(unit_b).dimensionality


@cache
def factor(from_unit: str, to_unit: str) -> Decimal:
    """The exact factor that converts a value in ``from_unit`` to ``to_unit``."""
    if from_unit == to_unit:
        return Decimal(1)
    if from_unit in _PLAIN_SCALES and to_unit in _PLAIN_SCALES:
        return _PLAIN_SCALES[from_unit] / _PLAIN_SCALES[to_unit]
    return Decimal(_quantity(from_unit).to(unit(to_unit)).magnitude)


@cache
def multiply(unit_a: str, unit_b: str) -> str:
    """The unit of a product: euros times a plain number are euros."""
    if not unit_b:
        return unit_a
    if not unit_a:
        return unit_b
    return _name(unit(unit_a) * unit(unit_b))


@cache
def divide(unit_a: str, unit_b: str) -> str:
    """The unit of a quotient: euros per plain number are euros, euros per euros a number."""
    if not unit_b:
        return unit_a
    if unit_a == unit_b:
        return ""
    return _name(unit(unit_a) / unit(unit_b))
