"""How section and document titles are compared.

Two titles match when they are equal after ignoring case, runs of whitespace,
surrounding whitespace, whitespace around a slash (``Upgrade / Downgrade``), a leading section number (``4.2``, ``1.``, ``III.``), an
"(Optional)" marker and trailing punctuation. So ``## 3. State Models:`` matches the
pack's ``State models``. A placeholder in a pack's title (``XXX``, ``xxx``, ``NNNN``,
``{…}``, ``<…>``) matches any text: ``Special considerations for XXX`` matches
``Special considerations for billing``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.)\s+")
_OPTIONAL = re.compile(r"\s*\((?:optional)\)\s*", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_SLASH = re.compile(r"\s*/\s*")
_PLACEHOLDER = re.compile(r"\\?<[^<>]+?\\?>|\{[^{}]+\}|(?<![^\W_])(?:x{2,}|X{2,}|N{3,})(?![^\W_])")


@lru_cache(maxsize=8192)
def normalize(title: str) -> str:
    """The form of a title that comparisons use."""
    return _tidy(title).casefold()


def _tidy(title: str) -> str:
    text = _OPTIONAL.sub(" ", title)
    text = _SLASH.sub("/", _SPACES.sub(" ", text)).strip()
    text = _NUMBERING.sub("", text)
    while text and unicodedata.category(text[-1]).startswith("P") and text[-1] not in ")]}>":
        text = text[:-1].rstrip()
    return text


@lru_cache(maxsize=1024)
def _pattern(title: str) -> re.Pattern[str] | None:
    """A regular expression for a title with placeholders in it, else None."""
    pieces = [piece.casefold() for piece in _PLACEHOLDER.split(_tidy(title))]
    if len(pieces) == 1:
        return None
    return re.compile(".+".join(re.escape(piece) for piece in pieces) + "$")


def says_optional(title: str) -> bool:
    """Does the title mark its section as optional, as in "User Stories (Optional)"?"""
    return bool(_OPTIONAL.search(title))


def has_literal_text(title: str) -> bool:
    """Is there more to the title than placeholders (``{title}`` alone has not)?"""
    return bool(_PLACEHOLDER.sub("", _tidy(title)).strip(" :-.#"))


def has_placeholder(title: str) -> bool:
    return _pattern(title) is not None


@lru_cache(maxsize=65536)
def matches(pattern_title: str, title: str) -> bool:
    """Does ``title`` match a pack's ``pattern_title`` (which may hold placeholders)?"""
    pattern = _pattern(pattern_title)
    if pattern is None:
        return normalize(pattern_title) == normalize(title)
    return bool(pattern.match(normalize(title)))

