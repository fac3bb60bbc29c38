"""Units: the answers given without pint are pint's answers, and need no pint import."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from itertools import product

import pytest

from factcheck import units

NAMES = ["", *(definition.split("=")[0].strip() for definition in units.DEFINITIONS)]
PAIRS = list(product(NAMES, NAMES))


def _pint_quantity(name: str):
    return units.registry().Quantity(Decimal(1), name or "dimensionless")


def _pint_name(pint_unit) -> str:
    return "" if str(pint_unit) == "dimensionless" else str(pint_unit)


@pytest.mark.parametrize(("unit_a", "unit_b"), PAIRS)
def test_compatible_and_factor_agree_with_pint(unit_a: str, unit_b: str):
    quantity_a, quantity_b = _pint_quantity(unit_a), _pint_quantity(unit_b)
    same_dimension = quantity_a.dimensionality == quantity_b.dimensionality
    assert units.compatible(unit_a, unit_b) is same_dimension
    if same_dimension:
        expected = Decimal(quantity_a.to(unit_b or "dimensionless").magnitude)
        assert units.factor(unit_a, unit_b) == expected
        assert str(units.factor(unit_a, unit_b)) == str(expected)


@pytest.mark.parametrize(("unit_a", "unit_b"), PAIRS)
def test_products_and_quotients_agree_with_pint(unit_a: str, unit_b: str):
    pint_a, pint_b = units.unit(unit_a), units.unit(unit_b)
    assert units.multiply(unit_a, unit_b) == _pint_name(pint_a * pint_b)
    assert units.divide(unit_a, unit_b) == _pint_name(pint_a / pint_b)


def test_a_product_of_two_units_is_named_as_pint_names_it():
    assert units.divide("EUR", "count") == "EUR / count"
    assert units.compatible(units.divide("EUR", "count"), "EUR") is False
    assert units.factor("percent", "") == Decimal("0.01")


def test_the_common_questions_need_no_pint_import():
    # pint takes ~150 ms to import: a corpus of euros, counts and percent must not pay it.
    code = (
        "import sys\n"
        "from factcheck import units\n"
        "assert units.compatible('EUR', 'EUR') and units.compatible('', 'percent')\n"
        "assert units.factor('', 'percent') == 100 and units.factor('EUR', 'EUR') == 1\n"
        "assert units.divide('EUR', '') == 'EUR' and units.divide('EUR', 'EUR') == ''\n"
        "assert units.multiply('', 'percent') == 'percent'\n"
        "print('pint' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
