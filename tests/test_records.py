"""Records pickled as their class and field values come back equal."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from decimal import Decimal

from factcheck.interval import Interval
from factcheck.model import Location
from factcheck.records import by_fields


@dataclass(frozen=True, slots=True)
class Named:
    """A record of one field, which attrgetter would give bare, not as a tuple."""

    __reduce__ = by_fields

    name: str


def test_records_come_back_equal_from_pickling():
    for record in (
        Location("claims/a.yaml", 3, 7),
        Interval(Decimal("13.35"), Decimal("13.45"), hi_open=True),
        Named("Kita-Ausbau"),
    ):
        again = pickle.loads(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
        assert again == record and type(again) is type(record)
