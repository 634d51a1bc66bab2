"""What a broken name probably meant: the same name in another case, or the closest one
(``difflib``'s ratio), among a document's anchors or a folder's file names.

Each collection of names is indexed once (kept while the same collection object, or
another with the same names, is asked about again: a folder listed anew for each
document that links into it), so that many broken links into one large collection cost
time in proportion to the links, not links × names. Among at most :data:`EXACT` names every name
is compared, exactly as ``difflib.get_close_matches`` does; among more, only the
:data:`BUDGET` names that share the rarest three-letter pieces with the wanted one are.
"""

from __future__ import annotations

from collections.abc import Collection

EXACT = 200  # up to this many names, every one is compared
BUDGET = 50  # among more, this many are
_GRAM = 3
_KEPT = 64  # indexes kept, by collection


class _Index:
    __slots__ = ("names", "known", "by_case", "by_gram")

    def __init__(self, names: Collection[str]) -> None:
        self.names = sorted(names)
        self.known = frozenset(self.names)
        self.by_case: dict[str, str] = {}
        for name in self.names:  # sorted: the first of names differing only in case
            self.by_case.setdefault(name.casefold(), name)
        self.by_gram: dict[str, list[str]] = {}
        if len(self.names) > EXACT:
            for name in self.names:
                for gram in _grams(name):
                    self.by_gram.setdefault(gram, []).append(name)

    def candidates(self, wanted: str) -> list[str]:
        if len(self.names) <= EXACT:
            return self.names
        postings = sorted((self.by_gram.get(gram, ()) for gram in _grams(wanted)), key=len)
        chosen: dict[str, None] = {}
        for posting in postings:
            for name in posting:
                chosen[name] = None
                if len(chosen) >= BUDGET:
                    return list(chosen)
        return list(chosen)


def _grams(text: str) -> set[str]:
    padded = f" {text.casefold()} "
    return {padded[i:i + _GRAM] for i in range(max(1, len(padded) - _GRAM + 1))}


_INDEXES: dict[int, tuple[Collection[str], _Index]] = {}
_BY_NAMES: dict[frozenset[str], _Index] = {}


def _index(names: Collection[str]) -> _Index:
    """The index of this very collection (kept by identity, so asking again is free), or
    of another with the same names (a folder listed again for the next document)."""
    kept = _INDEXES.get(id(names))
    if kept is not None and kept[0] is names:
        return kept[1]
    same = frozenset(names)
    index = _BY_NAMES.get(same)
    if index is None:
        index = _BY_NAMES[same] = _Index(names)
        if len(_BY_NAMES) > _KEPT:
            _BY_NAMES.pop(next(iter(_BY_NAMES)))
    if len(_INDEXES) >= _KEPT:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[id(names)] = (names, index)
    return index


def same_but_case(wanted: str, names: Collection[str]) -> str | None:
    """The name that differs from ``wanted`` only in case, if there is one (and
    ``wanted`` itself is not there)."""
    index = _index(names)
    return None if wanted in index.known else index.by_case.get(wanted.casefold())


def closest(wanted: str, names: Collection[str], cutoff: float = 0.6) -> str | None:
    """The name most like ``wanted``, if any is close enough to suggest."""
    import difflib  # here: only a broken link or anchor asks

    found = difflib.get_close_matches(wanted, _index(names).candidates(wanted), n=1,
                                      cutoff=cutoff)
    return found[0] if found else None
