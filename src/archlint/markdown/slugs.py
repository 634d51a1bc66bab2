"""Anchors the way renderers make them (``anchor-style``): everything a style means is
in one table, :data:`STYLES`.

- ``github`` (the default): lower-case the heading's plain text, delete every character
  that is neither a letter, a mark, a decimal or letter number, connector punctuation,
  a hyphen nor a space (but keep symbols with the Alphabetic property, such as circled
  letters), and turn each space into ``-``. Repeated headings get ``-1``, ``-2`` …,
  skipping any slug already taken. A ``{#id}`` after a heading is shown as text (and is
  part of the slug); line links (``#L10-L20``) are valid.
- ``gitlab``: the same, then runs of hyphens collapse to one.
- ``mkdocs`` (Python-Markdown's ``toc`` and ``attr_list``): NFKD-normalise, drop what is
  not ASCII, keep word characters, spaces and hyphens, strip, lower-case, collapse runs
  of spaces and hyphens to one ``-``; repeated headings get ``_1``, ``_2`` …. A
  ``{#id}`` after a heading is its anchor; there are no line links.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

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


_ASCII_NOT_KEPT = re.compile(r"[^a-z0-9_ -]+")  # of ASCII, letters, digits and "_" are kept


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading whose plain text is ``text`` (no de-duplication)."""
    lowered = text.lower()
    if lowered.isascii():
        return _ASCII_NOT_KEPT.sub("", lowered).replace(" ", "-")
    return "".join(char for char in lowered if _kept(char)).replace(" ", "-")


class AnchorStyle(enum.Enum):
    GITHUB = "github"
    GITLAB = "gitlab"
    MKDOCS = "mkdocs"


_HYPHENS = re.compile(r"-{2,}")
_MKDOCS_DROP = re.compile(r"[^\w\s-]")
_MKDOCS_JOIN = re.compile(r"[-\s]+")


def gitlab_slug(text: str) -> str:
    return _HYPHENS.sub("-", github_slug(text))


def mkdocs_slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _MKDOCS_JOIN.sub("-", _MKDOCS_DROP.sub("", ascii_text).strip().lower())


class Style(NamedTuple):
    """What one anchor style means."""

    slug: Callable[[str], str]  # a heading's plain text → its anchor
    separator: str  # between a repeated heading's anchor and its number
    heading_ids: bool  # a {#id} after a heading is its anchor (else it is text)
    line_links: bool  # #L10 and #L10-L20 lead to lines of the file


STYLES: dict[AnchorStyle, Style] = {
    AnchorStyle.GITHUB: Style(github_slug, "-", heading_ids=False, line_links=True),
    AnchorStyle.GITLAB: Style(gitlab_slug, "-", heading_ids=False, line_links=True),
    AnchorStyle.MKDOCS: Style(mkdocs_slug, "_", heading_ids=True, line_links=False),
}


class Slugger:
    """Hands out unique slugs for the headings of one document, in order."""

    def __init__(self, style: AnchorStyle = AnchorStyle.GITHUB) -> None:
        self._taken: set[str] = set()
        self._counts: dict[str, int] = {}
        self._slug = STYLES[style].slug
        self._separator = STYLES[style].separator

    def slug(self, text: str) -> str:
        base = self._slug(text)
        slug = base
        count = self._counts.get(base, 0)
        while slug in self._taken:
            count += 1
            slug = f"{base}{self._separator}{count}"
        self._counts[base] = count
        self._taken.add(slug)
        return slug

    def take(self, anchor: str) -> str:
        """Mark an anchor given explicitly (``{#id}``) as taken, and return it."""
        self._taken.add(anchor)
        return anchor
