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


_TOC_TITLES = frozenset({"contents", "table of contents", "toc", "index", "inhalt",
                         "inhaltsverzeichnis", "table des matières", "índice"})


def _own_fragments(item: ListItem) -> list[tuple[str, str]]:
    """(fragment, link text) of every link in the item to this document's headings."""
    return [(unquote(link.fragment), link.text) for link in item.links
            if not link.path and link.fragment]


def _heading_of(fragment: str, text: str, by_anchor: dict[str, Heading],
                by_title: dict[str, Heading]) -> Heading | None:
    """The heading an entry lists: by its anchor, or, when the anchor is broken (AL301's
    business), by the entry's text."""
    return by_anchor.get(fragment) or by_title.get(titles.normalize(text))


def _announced(document: Document, block: ListBlock) -> bool:
    """Is the list introduced as a table of contents, by a heading or a toc marker?"""
    before = [h for h in document.headings if h.line < block.line]
    if before and titles.normalize(before[-1].text) in _TOC_TITLES:
        return True
    return any(block.line - 3 <= c.end_line < block.line and c.text.strip().lower() == "toc"
               for c in document.comments)


def _looks_like_contents(document: Document, block: ListBlock, entries: tuple[Entry, ...],
                         levels: frozenset[int]) -> bool:
    """Unannounced, a list is a table of contents when it comes before every heading at
    the levels it lists and lists at least three of them, and at least half."""
    if any(h.level in levels and h.line < block.line for h in document.headings):
        return False
    candidates = {h.line for h in document.headings if h.level in levels}
    listed = {entry.heading.line for entry in entries} & candidates
    return len(listed) >= 3 and len(listed) * 2 >= len(candidates)


def find(document: Document, min_entries: int = 2) -> TableOfContents | None:
    """The first list that is a table of contents, if the document has one: a list whose
    items mostly link to the document's headings, and which is introduced as a table of
    contents (a "Contents" heading, a ``<!-- toc -->`` marker) or looks like one."""
    by_anchor = {heading.anchor: heading for heading in document.headings}
    by_title: dict[str, Heading] = {}
    for heading in document.headings:
        by_title.setdefault(titles.normalize(heading.text), heading)
    for block in document.lists:
        linking = [item for item in block.items if _own_fragments(item)]
        if len(linking) < min_entries or len(linking) * 2 <= len(block.items):
            continue
        entries = tuple(
            Entry(item, heading)
            for item in linking for fragment, text in _own_fragments(item)
            if (heading := _heading_of(fragment, text, by_anchor, by_title)) is not None)
        if len(entries) < min_entries:
            continue
        levels_by_depth: dict[int, Counter[int]] = {}
        for entry in entries:
            levels_by_depth.setdefault(entry.item.depth, Counter())[entry.heading.level] += 1
        levels = frozenset(counts.most_common(1)[0][0] for counts in levels_by_depth.values())
        if _announced(document, block) or _looks_like_contents(document, block, entries,
                                                                levels):
            return TableOfContents(block, entries, levels)
    return None
