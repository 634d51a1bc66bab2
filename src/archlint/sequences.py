"""Order of things in sequences."""

from __future__ import annotations

from collections.abc import Sequence


def in_order(values: Sequence[int]) -> set[int]:
    """Indexes of a longest strictly increasing subsequence of ``values``: the items
    that are in order, the fewest others being out of it. Among equally long ones, the
    earliest items are kept, so the item that moved is the one reported. O(n²), for the
    short sequences of headings and table-of-contents entries."""
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
