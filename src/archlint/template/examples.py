"""Finding the template's example sections: those whose first paragraph says to remove
them if they do not apply ("This is an example …: remove if not relevant")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

from archlint.model import BlockKind, Document, Section, TextBlock


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=8)
def _squashed(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_squash(phrase) for phrase in phrases)


def _marker(section: Section, squashed: Sequence[str]) -> TextBlock | None:
    """The section's first paragraph, if it is an example marker (it holds one of the
    ``squashed`` phrases)."""
    first = next((b for b in section.blocks if b.kind is not BlockKind.HTML), None)
    if first is None or first.kind is not BlockKind.PARAGRAPH:
        return None
    text = _squash(first.text)
    return first if any(phrase in text for phrase in squashed) else None


def example_sections(document: Document, phrases: Sequence[str]
                     ) -> Iterator[tuple[Section, TextBlock]]:
    squashed = _squashed(tuple(phrases))
    for section in document.sections():
        found = _marker(section, squashed)
        if found is not None:
            yield section, found
