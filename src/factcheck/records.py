"""How the frozen records of the model travel between processes.

``verify --jobs`` hands claims and findings from worker processes to the main one by
pickling them: tens of records per claim. A frozen dataclass with slots pickles its state
slot by slot through Python code on both sides; pickled as its class and field values, it is
rebuilt by one call to its constructor, several times faster.
"""

from __future__ import annotations

from typing import Any


def by_fields(record: Any) -> tuple[type, tuple[Any, ...]]:
    """``__reduce__`` for a frozen dataclass with slots whose fields all go to
    ``__init__``: the class and the field values in order."""
    return (type(record), tuple([getattr(record, name) for name in record.__slots__]))
