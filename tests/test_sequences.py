"""in_order: a longest increasing subsequence, the earliest items kept among ties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from archlint.sequences import in_order


def quadratic_in_order(values: list[int]) -> set[int]:
    """The plain O(n²) dynamic programme in_order replaced, as the reference."""
    length = [1] * len(values)
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        for before in range(index):
            if values[before] < value and length[before] + 1 > length[index]:
                length[index] = length[before] + 1
                previous[index] = before
    kept: set[int] = set()
    index = max(range(len(values)), key=lambda i: (length[i], -i), default=-1)
    while index != -1:
        kept.add(index)
        index = previous[index]
    return kept


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(0, 30), max_size=40))
def test_the_same_items_as_the_quadratic_programme(values: list[int]) -> None:
    assert in_order(values) == quadratic_in_order(values)


def test_examples() -> None:
    assert in_order([]) == set()
    assert in_order([1, 2, 3]) == {0, 1, 2}
    assert in_order([1, 3, 2, 4]) == {0, 1, 3}  # the earlier of two equal choices
    assert in_order([5, 1, 2, 3]) == {1, 2, 3}
    assert in_order([2, 2, 2]) == {0}
