"""Finding the template's example sections: those whose first paragraph says to remove
them if they do not apply ("This is an example …: remove if not relevant")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from archlint.model import BlockKind, Document, Section, TextBlock


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@lru_cache(maxsize=8)
def _squashed(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_squash(phrase) for phrase in phrases)


def marker(section: Section, phrases: Sequence[str]) -> TextBlock | None:
    """The section's first paragraph, if it is an example marker."""
    first = next((b for b in section.blocks if b.kind is not BlockKind.HTML), None)
    if first is None or first.kind is not BlockKind.PARAGRAPH:
        return None
    text = _squash(first.text)
    return first if any(phrase in text for phrase in _squashed(tuple(phrases))) else None


def example_sections(document: Document, phrases: Sequence[str]
                     ) -> Iterator[tuple[Section, TextBlock]]:
    for section in document.sections():
        found = marker(section, phrases)
        if found is not None:
            yield section, found
