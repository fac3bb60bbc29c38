"""How the frozen records of the model travel between processes.

``verify --jobs`` hands claims and findings from worker processes to the main one by
pickling them: tens of records per claim. A frozen dataclass with slots pickles its state
slot by slot through Python code on both sides; pickled as its class and field values, it is
rebuilt by one call to its constructor, several times faster.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

#: Per record class, a function giving its field values as a tuple. Made once per class:
#: ``verify`` pickles tens of records per claim, and attrgetter reads them all in one call.
_FIELD_VALUES: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _field_values(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    names: tuple[str, ...] = cls.__slots__  # type: ignore[attr-defined]
    if len(names) == 1:
        # attrgetter of one name gives the value itself, not a tuple of one.
        (name,) = names
        return lambda record: (getattr(record, name),)
    return attrgetter(*names)


def by_fields(record: Any) -> tuple[type, tuple[Any, ...]]:
    """``__reduce__`` for a frozen dataclass with slots whose fields all go to
    ``__init__``: the class and the field values in order."""
    cls = type(record)
    values = _FIELD_VALUES.get(cls)
    if values is None:
        values = _FIELD_VALUES[cls] = _field_values(cls)
    return (cls, values(record))
