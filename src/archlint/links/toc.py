"""Finding a document's table of contents: a list whose items mostly link to the
document's own headings."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import unquote

from archlint.frozen import frozen
from archlint.model import Document, Heading, Link, ListBlock, ListItem
from archlint.template import titles


@frozen
class Entry:
    item: ListItem
    heading: Heading  # the heading the entry lists
    link: Link
    reaches: Heading | None = None  # the heading its link leads to, when another one


@frozen
class TableOfContents:
    block: ListBlock
    entries: tuple[Entry, ...]
    levels: frozenset[int]  # the heading levels it lists
    # items whose link lists no heading and reaches no anchor of the document (neither
    # its fragment nor its text is a heading's): the entry of a heading renamed since?
    stale: tuple[tuple[ListItem, Link], ...] = ()


# the comment a table-of-contents generator writes before its list: "<!-- toc -->",
# "<!-- TOC START min:1 max:3 -->", "<!-- TOC depthFrom:1 depthTo:6 -->", "<!-- START
# doctoc generated TOC … -->", "<!-- MarkdownTOC -->", "<!-- mdformat-toc start -->";
# not an end marker ("/TOC", "tocstop", "TOC END") nor a note ("omit in toc")
_MARKER = re.compile(r"^\s*(?:toc(?:\s+start)?(?:\s+\S+:\S*)*|start\s+doctoc\b.*"
                     r"|markdowntoc\b.*|mdformat-toc\s+start\b.*)\s*$",
                     re.IGNORECASE | re.DOTALL)


def _own_links(item: ListItem) -> list[Link]:
    """The item's links to this document's headings."""
    return [link for link in item.links if not link.path and link.fragment]


def _entry(item: ListItem, link: Link, block: ListBlock, by_anchor: dict[str, Heading],
           by_title: dict[str, list[Heading]]) -> Entry | None:
    """What an entry lists: the heading its anchor leads to, or, when the anchor is broken
    (AL301's business), the heading its text names. An anchor that leads above the list
    (to the title, "#overview") while a heading of the same name follows it
    ("#overview-1") lists that one, and says where its link really leads."""
    named = by_title.get(titles.normalize(link.text), [])
    reached = by_anchor.get(unquote(link.fragment or ""))
    if reached is None:
        return Entry(item, named[0], link) if named else None
    below = [h for h in named if h.line > block.end_line]
    if reached.line < block.line and below and titles.normalize(reached.text) == (
            titles.normalize(link.text)):
        return Entry(item, below[0], link, reaches=reached)
    return Entry(item, reached, link)


def _announced(document: Document, block: ListBlock) -> bool:
    """Is the list introduced as a table of contents, by a heading or a toc marker?"""
    before = [h for h in document.headings if h.line < block.line]
    if before and titles.is_contents(before[-1].text):
        return True
    return any(block.line - 3 <= c.end_line < block.line and _MARKER.match(c.text)
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
    by_title: dict[str, list[Heading]] = {}
    for heading in document.headings:
        by_title.setdefault(titles.normalize(heading.text), []).append(heading)
    for block in document.lists:
        linking = [item for item in block.items if _own_links(item)]
        if len(linking) < min_entries or len(linking) * 2 <= len(block.items):
            continue
        entries = tuple(
            entry for item in linking for link in _own_links(item)
            if (entry := _entry(item, link, block, by_anchor, by_title)) is not None)
        # a list that links the title and the section both ("#overview", "#overview-1")
        # means the title where it says so
        direct = {entry.heading.line for entry in entries if entry.reaches is None}
        entries = tuple(Entry(e.item, e.reaches, e.link) if e.reaches and e.heading.line in direct
                        else e for e in entries)
        if len(entries) < min_entries:
            continue
        levels_by_depth: dict[int, Counter[int]] = {}
        for entry in entries:
            levels_by_depth.setdefault(entry.item.depth, Counter())[entry.heading.level] += 1
        levels = frozenset(counts.most_common(1)[0][0] for counts in levels_by_depth.values())
        if _announced(document, block) or _looks_like_contents(document, block, entries,
                                                                levels):
            listing = {id(entry.link) for entry in entries}
            anchors = {name.casefold() for name in document.anchor_names}
            stale = tuple((item, link) for item in linking for link in _own_links(item)
                          if id(link) not in listing
                          and unquote(link.fragment or "").casefold() not in anchors)
            return TableOfContents(block, entries, levels, stale)
    return None
