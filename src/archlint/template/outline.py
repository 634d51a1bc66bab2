"""Laying a rule pack's sections over a document's sections.

Top-level sections of the pack are looked for anywhere in the document (its title
aside), the shallowest heading of a matching title winning; a nested one only under the
section its parent was found at, so a required ``###`` is required under its own
parent. Sections with a literal title are matched
first, then those whose title holds a placeholder take what is left, in order.

A nested section that is not a heading may still be there as a bold question opening a
paragraph or list item under its parent (``* **Can the feature be disabled?**``), the
form older templates used: such a section is *mentioned*, neither missing nor a
section of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from archlint.model import BlockKind, Document, Section, TextBlock
from archlint.template import titles
from archlint.template.packs import Pack, SectionSpec, SpecNode


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one section of the pack is in the document (``section`` None: absent)."""

    spec: SectionSpec
    section: Section | None
    parent_present: bool  # top-level sections count as having their parent
    children: tuple[Placement, ...]
    mention: TextBlock | None = None  # a bold question standing for the section

    def walk(self) -> Iterator[Placement]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def expected(self) -> bool:
        """Required, and its parent (if any) is there."""
        return self.spec.required and self.parent_present


def _candidates(scope: Sequence[Section]) -> list[Section]:
    found: list[Section] = []
    for section in scope:
        found.extend(section.walk())
    return found


def _match(nodes: Sequence[SpecNode], candidates: list[Section], taken: set[int]
           ) -> list[Section | None]:
    chosen: list[Section | None] = [None] * len(nodes)
    for wildcard in (False, True):
        for index, node in enumerate(nodes):
            if titles.has_placeholder(node.spec.title) != wildcard:
                continue
            found = [section for section in candidates
                     if section.line not in taken and node.spec.matches(section.title)]
            if found:  # the shallowest heading of that title: a chapter, not a mention
                chosen[index] = min(found, key=lambda section: (section.level, section.line))
                taken.add(chosen[index].line)
    return chosen


_BOLD_OPENING = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)")


def _opens_with(text: str, titles_wanted: list[str]) -> bool:
    """Does the text start with one of the titles, as whole words?"""
    return any(text.startswith(title) and not text[len(title):len(title) + 1].isalnum()
               for title in titles_wanted)


def _mention(spec: SectionSpec, parent: Section, lines: Sequence[str]) -> TextBlock | None:
    """A paragraph or list item under ``parent`` that opens with the section's title in
    bold (or meant to be: ``**Question? **`` is not bold in CommonMark), the title being
    literal text."""
    if titles.has_placeholder(spec.title):
        return None
    wanted = [titles.normalize(name) for name in (spec.title, *spec.aliases)]
    for section in parent.walk():
        for block in section.blocks:
            if (block.kind is BlockKind.PARAGRAPH and 0 < block.line <= len(lines)
                    and _BOLD_OPENING.match(lines[block.line - 1])
                    and _opens_with(titles.normalize(block.text.lstrip("*_ ")), wanted)):
                return block
    return None


def _place(nodes: Sequence[SpecNode], scope: Sequence[Section], parent_present: bool,
           parent: Section | None, taken: set[int], lines: Sequence[str]
           ) -> tuple[Placement, ...]:
    """Placements of ``nodes`` among the sections of ``scope``, under ``parent`` (None
    at the top, where the parent counts as present)."""
    sections = _match(nodes, _candidates(scope), taken)
    return tuple(
        Placement(node.spec, section, parent_present,
                  _place(node.children, section.children if section else (),
                         section is not None, section, taken, lines),
                  _mention(node.spec, parent, lines) if section is None and parent else None)
        for node, section in zip(nodes, sections))


def place(document: Document, pack: Pack) -> tuple[Placement, ...]:
    """The pack's top-level sections, each with its placement and its children's."""
    title = next((h for h in document.headings if h.level == 1), None)
    taken = {title.line} if title is not None and pack.title else set()
    return _place(pack.outline, list(document.root.children), True, None, taken,
                  document.lines)


def walk(placements: Sequence[Placement]) -> Iterator[Placement]:
    for placement in placements:
        yield from placement.walk()
