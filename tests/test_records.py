"""Records pickled as their class and field values come back equal; records built by
``quick_init`` are built as their dataclass would build them; ``load_record`` builds
records and nothing else."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from factcheck.interval import Interval
from factcheck.model import Location
from factcheck.records import by_fields, quick_init


@dataclass(frozen=True, slots=True)
class Named:
    """A record of one field, which attrgetter would give bare, not as a tuple."""

    __reduce__ = by_fields

    name: str


@quick_init
@dataclass(frozen=True, slots=True)
class Noted:
    """A record with a plain default and a default made by a factory."""

    text: str
    level: str = "error"
    notes: list[str] = field(default_factory=list)


def test_records_come_back_equal_from_pickling():
    for record in (
        Location("claims/a.yaml", 3, 7),
        Interval(Decimal("13.35"), Decimal("13.45"), hi_open=True),
        Named("Kita-Ausbau"),
    ):
        again = pickle.loads(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
        assert again == record and type(again) is type(record)


def test_a_quickly_built_record_has_its_fields_defaults_and_stays_frozen():
    assert Noted("a") == Noted(text="a", level="error", notes=[])
    assert Noted("a", "warning", ["x"]).level == "warning"
    assert Noted("a").notes is not Noted("a").notes  # each gets a list of its own
    assert dataclasses.replace(Noted("a"), level="warning") == Noted("a", "warning")
    with pytest.raises(dataclasses.FrozenInstanceError):
        Noted("a").text = "b"  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'text'"):
        Noted()  # type: ignore[call-arg]


def test_quick_init_refuses_a_record_whose_init_does_more():
    @dataclass(frozen=True, slots=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            assert self.value > 0

    with pytest.raises(TypeError, match="__post_init__"):
        quick_init(Checked)

    @dataclass(frozen=True, slots=True, kw_only=True)
    class KeywordOnly:
        value: int

    with pytest.raises(TypeError, match="parameters"):
        quick_init(KeywordOnly)


def test_load_record_reads_back_what_factcheck_pickles():
    from pathlib import Path

    from factcheck.model import Outcome
    from factcheck.records import load_record

    records = [Location("a.yaml", 1, 2), Outcome.PASS, Decimal("13.4"), Path("x/source.txt")]
    assert load_record(pickle.dumps(records, pickle.HIGHEST_PROTOCOL)) == records


@pytest.mark.parametrize(
    "module, name",
    [
        ("builtins", "eval"),
        ("os", "system"),
        ("factcheck.load", "load_yaml"),  # a function of factcheck's, not a record
        ("factcheck.cache", "ResultCache"),  # a class of factcheck's, not a record
        ("factcheck.cache", "pickle.loads"),  # reached through a module's attribute
        ("factcheck.__main__", "main"),  # importing it would run the command line
    ],
)
def test_load_record_refuses_anything_but_records_and_their_values(module: str, name: str):
    from factcheck.records import NotARecord, load_record

    planted = f"c{module}\n{name}\n(S'x'\ntR.".encode()
    with pytest.raises(NotARecord, match=f"{module}.{name} is not a record factcheck writes"):
        load_record(planted)
