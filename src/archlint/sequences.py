"""Order of things in sequences."""

from __future__ import annotations

from collections.abc import Sequence


def in_order(values: Sequence[int]) -> set[int]:
    """Indexes of a longest strictly increasing subsequence of ``values``: the items
    that are in order, the fewest others being out of it. Among equally long ones, the
    earliest items are kept, so the item that moved is the one reported.

    For each item, the longest increasing run ending there (``length``) comes from a
    Fenwick tree of the best length so far per smaller value, and the item before it is
    the earliest item one shorter with a smaller value, found by bisecting the running
    minimum of the values of each length: O(n log n) in all."""
    ranks = {value: rank for rank, value in enumerate(sorted(set(values)), start=1)}
    tree = [0] * (len(ranks) + 1)  # best length among values of rank ≤ r
    length = [0] * len(values)
    previous = [-1] * len(values)
    # per length, in order of index: the items' indexes and their values' running minimum
    indexes: list[list[int]] = [[]]
    minimums: list[list[int]] = [[]]
    for index, value in enumerate(values):
        rank, best = ranks[value] - 1, 0
        while rank > 0:
            best, rank = max(best, tree[rank]), rank & (rank - 1)
        length[index] = best + 1
        if best:  # the earliest item one shorter with a smaller value
            previous[index] = indexes[best][_first_below(minimums[best], value)]
        while len(indexes) <= length[index]:
            indexes.append([])
            minimums.append([])
        level = length[index]
        indexes[level].append(index)
        minimums[level].append(min(value, minimums[level][-1]) if minimums[level] else value)
        rank = ranks[value]
        while rank < len(tree):
            tree[rank] = max(tree[rank], length[index])
            rank += rank & -rank
    kept: set[int] = set()
    index = max(range(len(values)), key=lambda i: (length[i], -i), default=-1)
    while index != -1:
        kept.add(index)
        index = previous[index]
    return kept


def _first_below(minimums: list[int], value: int) -> int:
    """The first position whose running minimum (which only falls) is below ``value``
    (there is one)."""
    low, high = 0, len(minimums) - 1
    while low < high:
        middle = (low + high) // 2
        if minimums[middle] < value:
            high = middle
        else:
            low = middle + 1
    return low
