"""How the frozen records of the model are built and travel between processes.

``verify --jobs`` hands claims and findings from worker processes to the main one by
pickling them: tens of records per claim. A frozen dataclass with slots pickles its state
slot by slot through Python code on both sides; pickled as its class and field values, it is
rebuilt by one call to its constructor, several times faster.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, since its
own ``__setattr__`` refuses; a verify builds tens of records per claim (a location per YAML
value, an interval per figure and per step of arithmetic, a finding per rule), and setting
each slot through its descriptor instead is about three times faster (:func:`quick_init`).

Records pickled into the result cache are read back with :func:`load_record`, which builds
nothing but records and the few value types they hold: the cache lives in the project's
folder, where a cloned repository could have put a file of its own, and an unrestricted
unpickler calls whatever function a pickle names.
"""

from __future__ import annotations

import dataclasses
import enum
import io
import pickle
import sys
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar

Record = TypeVar("Record", bound=type)

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


def quick_init(cls: Record) -> Record:
    """Decorate a frozen dataclass with slots (above ``@dataclass``) to give it an
    ``__init__`` of the same parameters and defaults that sets each slot through the slot's
    descriptor. TypeError for a class whose ``__init__`` does more than set its fields."""
    fields = dataclasses.fields(cls)
    names = [field.name for field in fields]
    if hasattr(cls, "__post_init__") or list(getattr(cls, "__slots__", ())) != names:
        raise TypeError(
            f"{cls.__name__}: quick_init takes a dataclass with slots, no __post_init__"
        )
    # The source compiled below holds the class's field names and nothing else: no value,
    # nothing read from input; Python allows no field name that is not an identifier.
    missing = object()  # stands for "no argument" where a default_factory makes the default
    namespace: dict[str, Any] = {"_missing": missing}
    parameters, body = [], []
    for field in fields:
        name = field.name
        namespace[f"_set_{name}"] = getattr(cls, name).__set__
        value = name
        if field.default is not dataclasses.MISSING:
            namespace[f"_default_{name}"] = field.default
            parameters.append(f"{name}=_default_{name}")
        elif field.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{name}"] = field.default_factory
            parameters.append(f"{name}=_missing")
            value = f"_factory_{name}() if {name} is _missing else {name}"
        else:
            parameters.append(name)
        body.append(f"    _set_{name}(self, {value})")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + "\n".join(body) + "\n"
    exec(source, namespace)  # as dataclasses itself makes __init__
    init = namespace["__init__"]
    if _parameters(init) != _parameters(cls.__init__):  # an InitVar, a keyword-only field
        raise TypeError(f"{cls.__name__}: quick_init cannot keep the parameters of __init__")
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[misc]
    return cls


def _parameters(function: Any) -> tuple[object, ...]:
    code = function.__code__
    return (code.co_argcount, code.co_kwonlyargcount, code.co_varnames[: code.co_argcount])


#: The classes of the standard library that records hold, besides factcheck's own.
_VALUE_TYPES = {
    ("decimal", "Decimal"),
    ("fractions", "Fraction"),
    ("pathlib", "PosixPath"),
    ("pathlib", "WindowsPath"),
}


class NotARecord(pickle.UnpicklingError):
    """A pickle names something that is neither a record of factcheck's nor a value type
    records hold: it was not written by factcheck."""


class _RecordUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _VALUE_TYPES:
            return super().find_class(module, name)
        # Only a module already imported: importing one may run code (factcheck.__main__).
        found = getattr(sys.modules.get(module), name, None) if "." not in name else None
        if (
            module.startswith("factcheck.")
            and isinstance(found, type)
            and found.__module__ == module
            and (dataclasses.is_dataclass(found) or issubclass(found, enum.Enum))
        ):
            return found
        raise NotARecord(f"{module}.{name} is not a record factcheck writes")


def load_record(data: bytes) -> Any:
    """Unpickle what factcheck pickled: its records (dataclasses and enums of its own
    modules) and the values they hold (numbers, texts, paths, containers). NotARecord when
    the pickle names anything else, which an unrestricted unpickler would call."""
    return _RecordUnpickler(io.BytesIO(data)).load()
