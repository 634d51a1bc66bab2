"""``@frozen`` makes the class ``@dataclass(frozen=True, slots=True)`` makes: each test
builds the same class both ways and compares what they do."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from archlint.frozen import frozen


def twins(body):
    """The class ``body`` describes, made by @frozen and by the dataclass it stands for."""
    return frozen(body()), dataclass(frozen=True, slots=True)(body())


def point():
    class Point:
        """A point with a label that is not compared."""

        x: int
        y: int = 0
        tags: tuple[str, ...] = field(default_factory=tuple)
        label: str = field(default="", compare=False)
        secret: str = field(default="s", repr=False)

        def norm(self) -> int:
            return abs(self.x) + abs(self.y)

    return Point


def checked():
    class Checked:
        low: int
        high: list[int] = field(default_factory=list)

        def __post_init__(self) -> None:
            if self.low < 0:
                raise ValueError("low below zero")

    return Checked


def undocumented():
    class Bare:
        name: str
        count: int = 1

    return Bare


def empty():
    class Nothing:
        """No fields at all."""

    return Nothing


def one_field():
    class One:
        """One field, compared as a tuple of one."""

        value: float

    return One


@pytest.mark.parametrize("make", [point, checked, undocumented, empty, one_field])
def test_the_class_is_the_dataclasss(make) -> None:
    mine, theirs = twins(make)
    assert [(f.name, f.default, f.compare, f.repr) for f in dataclasses.fields(mine)] == [
        (f.name, f.default, f.compare, f.repr) for f in dataclasses.fields(theirs)]
    assert mine.__slots__ == theirs.__slots__
    assert mine.__match_args__ == theirs.__match_args__
    assert mine.__doc__ == theirs.__doc__
    assert mine.__name__ == theirs.__name__ and mine.__qualname__ == theirs.__qualname__
    assert mine.__init__.__qualname__ == theirs.__init__.__qualname__
    assert not hasattr(mine(*_arguments(mine)), "__dict__")


def _arguments(cls) -> list[object]:
    return [1.5 if f.name == "value" else "a" if f.name == "name" else 1
            for f in dataclasses.fields(cls)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]


def test_values_compare_hash_and_print_alike() -> None:
    mine, theirs = twins(point)
    values = [(3, 4, ("a",), "first"), (3, 4, ("a",), "second"), (3, 5, (), "")]
    made = [(mine(*v), theirs(*v)) for v in values]
    for a, b in made:
        assert repr(a) == repr(b)
        assert hash(a) == hash(b)
        assert dataclasses.astuple(a) == dataclasses.astuple(b)
        assert dataclasses.asdict(a) == dataclasses.asdict(b)
        assert a.norm() == b.norm()
    (first, _), (second, _), (third, _) = made
    assert first == second and hash(first) == hash(second)  # the label is not compared
    assert first != third and first != made[0][1]  # nor equal to another class's value
    assert mine(1) == mine(1, 0, (), "", "s") and mine(1).tags == ()


def test_one_field_compares_as_the_dataclasss_tuple_of_one() -> None:
    mine, theirs = twins(one_field)
    nan = float("nan")
    assert (mine(nan) == mine(nan)) == (theirs(nan) == theirs(nan))  # as this Python has it
    assert hash(mine(2.5)) == hash(theirs(2.5))
    assert repr(mine(2.5)) == repr(theirs(2.5))


def test_empty_values_are_equal() -> None:
    mine, theirs = twins(empty)
    assert mine() == mine() and hash(mine()) == hash(theirs())
    assert repr(mine()) == repr(theirs())


def test_defaults_factories_and_post_init() -> None:
    mine, theirs = twins(checked)
    a, b = mine(1), mine(1)
    assert a.high == [] and a.high is not b.high  # a new list each time
    assert mine(2, [3]).high == [3]
    with pytest.raises(ValueError, match="low below zero"):
        mine(-1)
    with pytest.raises(TypeError):
        mine()
    with pytest.raises(TypeError):
        mine(1, [], 3)
    assert mine(low=4, high=[5]) == mine(4, [5])


def test_values_cannot_change() -> None:
    mine, _ = twins(point)
    value = mine(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'x'"):
        value.x = 3
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'y'"):
        del value.y
    with pytest.raises((dataclasses.FrozenInstanceError, AttributeError)):
        value.other = 1
    assert value == mine(1, 2)


@frozen
class Sent:
    """A value sent to another process, as a worker sends its diagnostics."""

    name: str
    line: int = 0
    note: str = field(default="", compare=False)


def test_replace_copy_and_pickle() -> None:
    value = Sent("a", 2, "note")
    assert dataclasses.replace(value, line=5) == Sent("a", 5, "note")
    assert copy.copy(value) == value and copy.deepcopy(value) == value
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(value, protocol))
        assert again == value and again.note == "note" and type(again) is Sent


def test_a_recursive_value_prints() -> None:
    mine, theirs = twins(undocumented)
    loop, twin = mine("a", []), theirs("a", [])  # type: ignore[arg-type]
    loop.count.append(loop)
    twin.count.append(twin)
    assert repr(loop) == repr(twin)


def test_what_it_does_not_make_is_refused() -> None:
    class Own:
        x: int

        def __eq__(self, other: object) -> bool:
            return True

    class Later:
        x: int = field(kw_only=True)

    class Derived(Sent):
        more: int = 0

    for cls in (Own, Later, Derived):
        with pytest.raises(TypeError, match="use @dataclass"):
            frozen(cls)


def ordered():
    class Ordered:
        """Ordered by path, then line; the note is not compared."""

        path: str
        line: int = 0
        note: str = field(default="", compare=False)

    return Ordered


def test_ordered_values_sort_alike() -> None:
    mine = frozen(order=True)(ordered())
    theirs = dataclass(frozen=True, slots=True, order=True)(ordered())
    rows = [("b", 2, "x"), ("a", 9, "y"), ("b", 1, "z"), ("a", 9, "a")]
    assert [dataclasses.astuple(v) for v in sorted(mine(*row) for row in rows)] == [
        dataclasses.astuple(v) for v in sorted(theirs(*row) for row in rows)]
    first, second = mine("a", 1), mine("a", 2)
    assert (first < second, first <= second, first > second, first >= second) == (
        True, True, False, False)
    assert mine("a", 1, "x") <= mine("a", 1, "y") and mine("a", 1, "x") >= mine("a", 1, "y")
    with pytest.raises(TypeError):
        first < theirs("a", 2)  # noqa: B015  (another class: not ordered)


def test_methods_are_named_as_the_dataclasss() -> None:
    mine, theirs = twins(point)
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        assert getattr(mine, name).__qualname__ == getattr(theirs, name).__qualname__
        assert getattr(mine, name).__module__ == getattr(theirs, name).__module__


def test_a_frozen_dataclass_may_derive_from_the_class() -> None:
    mine, theirs = twins(point)
    assert repr(mine.__dataclass_params__) == repr(theirs.__dataclass_params__)
    ordered_mine = frozen(order=True)(ordered())
    ordered_theirs = dataclass(frozen=True, slots=True, order=True)(ordered())
    assert repr(ordered_mine.__dataclass_params__) == repr(
        ordered_theirs.__dataclass_params__)

    @dataclass(frozen=True)
    class Labelled(mine):  # as a plugin may extend a value of archlint's
        extra: str = "e"

    value = Labelled(1, 2)
    assert (value.x, value.y, value.extra) == (1, 2, "e")
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.extra = "f"
    with pytest.raises(TypeError, match="cannot inherit non-frozen"):
        dataclass(type("Unfrozen", (mine,), {"__annotations__": {"z": int}}))


def test_parameters_of_another_python_are_taken_from_a_class_made_so(monkeypatch) -> None:
    from archlint import frozen as module

    class Future:
        __slots__ = ("init", "frozen", "something_new")

    real = dataclass(frozen=True, slots=True)(point()).__dataclass_params__
    monkeypatch.setattr(module, "_PARAMETERS", Future)
    assert repr(module._parameters.__wrapped__(False)) == repr(real)
