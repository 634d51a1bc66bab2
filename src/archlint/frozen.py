"""Frozen dataclasses with slots, made at a quarter of the cost.

``@frozen`` above a class is ``@dataclass(frozen=True, slots=True)``: the same fields,
slots, ``__init__`` (defaults, ``field(default_factory=...)``, ``__post_init__``),
``__repr__``, ``__eq__`` and ``__hash__`` (over the fields that ``compare``),
``FrozenInstanceError`` on assignment, pickling, ``dataclasses.fields``, ``replace``
and ``asdict``, and the parameters a frozen dataclass deriving from it checks. ::

    @frozen
    class Link:
        target: str
        line: int
        title: str = ""

Why: a one-file ``archlint check`` is mostly start-up, and it makes some forty of these
classes at start-up. Python 3.11's ``dataclass`` compiles each method it writes on its
own, six for a frozen class, about 0.4 ms a class in all; here ``dataclass`` lays out
the fields and the slots and writes no method; ``__init__`` alone is compiled, the
others are functions of the field names, the same for every class.

``@frozen(order=True)`` orders the values too, as ``order=True`` does.

Not for settings values (:class:`archlint.validation.Strict`, which pydantic
validates), nor for a class that writes one of these methods itself, derives from a
dataclass or has keyword-only or ``InitVar`` fields (``frozen`` refuses it): those stay
plain ``@dataclass(frozen=True, ...)``.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass
from functools import cache
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, TypeVar, overload

_Class = TypeVar("_Class", bound=type)

_WRITTEN = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")
_ORDER = ("__lt__", "__le__", "__gt__", "__ge__")


class _Factory:
    """The default of a field made by its ``default_factory``, until ``__init__`` calls it."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()
# the kind of value that holds the parameters a dataclass was made with
_PARAMETERS = dataclasses._DataclassParams  # type: ignore[attr-defined]


@overload
def frozen(cls: _Class, /) -> _Class: ...
@overload
def frozen(*, order: bool = False) -> Callable[[_Class], _Class]: ...


def _tuples_equal(mine: tuple[Any, ...], theirs: tuple[Any, ...]) -> bool:
    return mine == theirs  # Python 3.11 and 3.12: a field that is itself is equal (nan)


def _fields_equal(mine: tuple[Any, ...], theirs: tuple[Any, ...]) -> bool:
    return all(a == b for a, b in zip(mine, theirs))  # 3.13 on: each field compared


# equality as the running Python's dataclasses have it
_same = _tuples_equal if sys.version_info < (3, 13) else _fields_equal


def frozen(cls: Any = None, /, *, order: bool = False) -> Any:
    """``cls`` as ``@dataclass(frozen=True, slots=True)`` makes it (see the module);
    ``@frozen(order=True)`` as ``@dataclass(frozen=True, slots=True, order=True)``."""
    if cls is None:
        return lambda cls: _frozen(cls, order)
    return _frozen(cls, order)


def _frozen(cls: _Class, order: bool) -> _Class:
    written = [name for name in (*_WRITTEN, *_ORDER) if name in vars(cls)]
    if written:
        raise TypeError(f"{cls.__name__} writes {', '.join(written)}: use @dataclass")
    if any(dataclasses.is_dataclass(base) for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__name__} derives from a dataclass: use @dataclass")
    undocumented = not getattr(cls, "__doc__", None)
    if undocumented:  # documented below, once its __init__ is made
        cls.__doc__ = cls.__name__
    made = dataclass(  # type: ignore[call-overload]
        cls, init=False, repr=False, eq=False, slots=True)
    every = made.__dataclass_fields__.values()
    if any(f._field_type is not dataclasses._FIELD for f in every  # type: ignore[attr-defined]
           if f._field_type is not dataclasses._FIELD_CLASSVAR):  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__} has an InitVar field: use @dataclass")
    fields = dataclasses.fields(made)
    if any(f.kw_only is True or not f.init for f in fields):
        raise TypeError(f"{cls.__name__} has a keyword-only or no-init field: use @dataclass")
    methods = dict(zip(_WRITTEN, _methods(made, fields)))
    if order:
        methods.update(zip(_ORDER, _order(fields)))
    for name, method in methods.items():
        method.__qualname__ = f"{made.__qualname__}.{name}"
        method.__module__ = made.__module__
        setattr(made, name, method)
    made.__getstate__ = _getstate  # as dataclass gives a frozen class with slots
    made.__setstate__ = _setstate
    # as dataclass records them (a frozen dataclass may derive from the class)
    made.__dataclass_params__ = _parameters(order)
    if undocumented:  # as dataclass documents it: its name and signature
        import inspect

        made.__doc__ = made.__name__ + str(inspect.signature(made)).replace(" -> None", "")
    return made  # type: ignore[no-any-return]


@cache
def _parameters(order: bool) -> Any:
    """The parameters ``dataclass`` records of a class it makes frozen, with slots (and
    ordered, or not), which a frozen dataclass deriving from the class checks. What they
    hold depends on the version of Python: where one is not known here, they are taken
    from a class made so (0.7 ms)."""
    known = {"init": True, "repr": True, "eq": True, "order": order, "unsafe_hash": False,
             "frozen": True, "match_args": True, "kw_only": False, "slots": True,
             "weakref_slot": False}
    names = getattr(_PARAMETERS, "__slots__", ())
    if names and all(name in known for name in names):
        return _PARAMETERS(**{name: known[name] for name in names})

    @dataclass(frozen=True, slots=True, order=order)
    class Made:
        pass

    return Made.__dataclass_params__


def _methods(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> tuple[Any, ...]:
    """The six methods, each doing what dataclass's does: ``__init__`` compiled (a call
    of it costs what a call of dataclass's costs, or less: each slot is set through its
    own setter), the other five closures over the class and its field names, which
    need no compiling."""
    names = tuple(f.name for f in fields)
    compared = _getter(tuple(f.name for f in fields if f.compare))
    hashed = _getter(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    shown = tuple(f.name for f in fields if f.repr)

    def __repr__(self: Any) -> str:
        return self.__class__.__qualname__ + "(" + ", ".join(
            f"{name}={getattr(self, name)!r}" for name in shown) + ")"

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return _same(compared(self), compared(other))
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return (_init(cls, fields), recursive_repr()(__repr__), __eq__, __hash__, __setattr__,
            __delattr__)


def _order(fields: tuple[dataclasses.Field[Any], ...]) -> tuple[Any, ...]:
    """``__lt__``, ``__le__``, ``__gt__`` and ``__ge__``: the compared fields' values in
    order, as tuples compare, against a value of the same class only."""
    compared = _getter(tuple(f.name for f in fields if f.compare))

    def __lt__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) < compared(other)
        return NotImplemented

    def __le__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) <= compared(other)
        return NotImplemented

    def __gt__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) > compared(other)
        return NotImplemented

    def __ge__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) >= compared(other)
        return NotImplemented

    return __lt__, __le__, __gt__, __ge__


def _getter(names: tuple[str, ...]) -> Any:
    """A function of a value giving the tuple of these fields' values, as dataclass's
    ``__eq__`` and ``__hash__`` compare and hash them."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        get = attrgetter(names[0])
        return lambda value: (get(value),)
    return lambda value: ()


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Any:
    """``__init__``, compiled: the parameters in order, with their defaults."""
    scope: dict[str, Any] = {"FACTORY": _FACTORY}
    parameters, body = ["self"], []
    for f in fields:
        scope[f"set_{f.name}"] = vars(cls)[f.name].__set__  # the slot's own setter
        value = f.name
        if f.default_factory is not MISSING:
            scope[f"factory_{f.name}"] = f.default_factory
            parameters.append(f"{f.name}=FACTORY")
            value = f"factory_{f.name}() if {f.name} is FACTORY else {f.name}"
        elif f.default is not MISSING:
            scope[f"default_{f.name}"] = f.default
            parameters.append(f"{f.name}=default_{f.name}")
        else:
            parameters.append(f.name)
        body.append(f" set_{f.name}(self, {value})\n")
    if hasattr(cls, "__post_init__"):
        body.append(" self.__post_init__()\n")
    exec(f"def __init__({', '.join(parameters)}):\n{''.join(body) or ' pass'}", scope)
    init = scope["__init__"]
    init.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
    return init


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, f.name) for f in dataclasses.fields(self)]


def _setstate(self: Any, state: list[Any]) -> None:
    for f, value in zip(dataclasses.fields(self), state):
        object.__setattr__(self, f.name, value)
