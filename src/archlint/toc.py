"""Finding a document's table of contents: a list whose items mostly link to the
document's own headings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from urllib.parse import unquote

from archlint import titles
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


def _heading_of(item: ListItem, fragment: str, by_anchor: dict[str, Heading],
                by_title: dict[str, Heading]) -> Heading | None:
    """The heading an entry lists: by its anchor, or, when the anchor is broken (AL301's
    business), by the entry's text."""
    return by_anchor.get(fragment) or by_title.get(titles.normalize(item.links[0].text))


def find(document: Document, min_entries: int = 2) -> TableOfContents | None:
    """The first list that is a table of contents, if the document has one."""
    by_anchor = {heading.anchor: heading for heading in document.headings}
    by_title: dict[str, Heading] = {}
    for heading in document.headings:
        by_title.setdefault(titles.normalize(heading.text), heading)
    for block in document.lists:
        fragments = [_own_fragment(item) for item in block.items]
        linked = [f for f in fragments if f is not None]
        if len(linked) < min_entries or len(linked) * 2 <= len(block.items):
            continue
        found = ((item, _heading_of(item, fragment, by_anchor, by_title))
                 for item, fragment in zip(block.items, fragments) if fragment is not None)
        entries = tuple(Entry(item, heading) for item, heading in found if heading is not None)
        if len(entries) < min_entries:
            continue
        levels_by_depth: dict[int, Counter[int]] = {}
        for entry in entries:
            levels_by_depth.setdefault(entry.item.depth, Counter())[entry.heading.level] += 1
        levels = frozenset(counts.most_common(1)[0][0] for counts in levels_by_depth.values())
        return TableOfContents(block, entries, levels)
    return None
