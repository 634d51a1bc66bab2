"""Heading anchors the way GitHub makes them.

GitHub lower-cases the heading's plain text, deletes every character that is neither a
letter, a mark, a decimal or letter number, connector punctuation, a hyphen nor a space
(but keeps symbols with the Alphabetic property, such as circled letters), and turns
each space into ``-``. Repeated headings get ``-1``, ``-2`` … appended, skipping any
slug that is already taken.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_KEPT_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "Pc"})

# Symbols (So) that Unicode gives the Other_Alphabetic property: circled and squared
# Latin letters. GitHub keeps them.
_ALPHABETIC_SYMBOLS = (
    (0x24B6, 0x24E9),
    (0x1F130, 0x1F149),
    (0x1F150, 0x1F169),
    (0x1F170, 0x1F189),
)


@lru_cache(maxsize=4096)
def _kept(char: str) -> bool:
    if char == " " or char == "-":
        return True
    if unicodedata.category(char) in _KEPT_CATEGORIES:
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _ALPHABETIC_SYMBOLS)


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading whose plain text is ``text`` (no de-duplication)."""
    return "".join(char for char in text.lower() if _kept(char)).replace(" ", "-")


class Slugger:
    """Hands out unique slugs for the headings of one document, in order."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._counts: dict[str, int] = {}

    def slug(self, text: str) -> str:
        base = github_slug(text)
        slug = base
        count = self._counts.get(base, 0)
        while slug in self._taken:
            count += 1
            slug = f"{base}-{count}"
        self._counts[base] = count
        self._taken.add(slug)
        return slug
