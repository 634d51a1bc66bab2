"""Finding a document's table of contents: a list whose items mostly link to the
document's own headings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from urllib.parse import unquote

from archlint.model import Document, Heading, ListBlock, ListItem


@dataclass(frozen=True, slots=True)
class Entry:
    item: ListItem
    heading: Heading


@dataclass(frozen=True, slots=True)
class TableOfContents:
    block: ListBlock
    entries: tuple[Entry, ...]
    levels: frozenset[int]  # the heading levels it lists


def _own_fragment(item: ListItem) -> str | None:
    if not item.links:
        return None
    link = item.links[0]
    return unquote(link.fragment) if not link.path and link.fragment else None


def find(document: Document, min_entries: int = 2) -> TableOfContents | None:
    """The first list that is a table of contents, if the document has one."""
    by_anchor = {heading.anchor: heading for heading in document.headings}
    for block in document.lists:
        fragments = [_own_fragment(item) for item in block.items]
        linked = [f for f in fragments if f is not None]
        if len(linked) < min_entries or len(linked) * 2 <= len(block.items):
            continue
        entries = tuple(Entry(item, by_anchor[fragment])
                        for item, fragment in zip(block.items, fragments)
                        if fragment is not None and fragment in by_anchor)
        if len(entries) < min_entries:
            continue
        levels_by_depth: dict[int, Counter[int]] = {}
        for entry in entries:
            levels_by_depth.setdefault(entry.item.depth, Counter())[entry.heading.level] += 1
        levels = frozenset(counts.most_common(1)[0][0] for counts in levels_by_depth.values())
        return TableOfContents(block, entries, levels)
    return None
