"""Laying a rule pack's sections over a document's sections.

Top-level sections of the pack are looked for anywhere in the document (its title
aside), the shallowest heading of a matching title winning; a nested one only under the
section its parent was found at, so a required ``###`` is required under its own
parent. Sections with a literal title are matched first exactly, then loosely (a
reworded heading not inside a section already found, nor one whose very title is
another of the pack's sections; see
:func:`archlint.template.titles.loosely_matches`; one heading holding the words of two
titles, "Actors and Actions", stands for both), then those whose title holds a
placeholder take what is left, in order.

Templates and documents are not always shaped alike:

- a section of the pack that is absent while most of its sections stand where it would
  have been (a template's "Outline" heading, which documents leave out) is *unwrapped*:
  not missing, its sections placed where they stand; so is a section that only groups
  others (``group``) whenever it is absent, and a section that is there with its
  sections beside it rather than under it has them placed there;
- a section found only by a reworded title, none of whose sections are there, is not
  asked for them: it may not be that section;
- a nested section absent under its parent, whose very title heads a section left over
  elsewhere in the document, is there but misplaced (``elsewhere``), not missing;
- a nested section that is not a heading may be a bold question opening a paragraph or
  list item under its parent (``* **Can the feature be disabled?**``), the form older
  templates used: such a section is *mentioned*, neither missing nor a section of its
  own; so is a top-level section whose very title, in bold, is a paragraph of its own
  or opens one (``**Context and Problem Statement**`` written instead of a heading), or
  names a field of a list (``- **Status:** Accepted``);
- a section missing under its own title may stand under the author's own (``standin``),
  a heading the template's guidance for the section names (see :func:`_standins`);
- a section missing under its own title where a heading of the author's own stands in
  its place may be that heading (``perhaps``, see :func:`_unnamed`): only a reader can
  tell, so AL201 leaves it to the opt-in AL204;
- a heading's ``{#custom-id}`` (a converted document's: ``## Context Boundary
  {#_business_context}``) keeps the title it was converted from: its words stand for
  the heading's title as well.

The document's level-1 heading is its title, not a section, unless it is one of the
pack's sections and not the pack's title (a proposal titled by a setext level-2 heading,
its sections level-1 headings). A missing section is given the leftover heading most
like its title, when one is alike enough to name (``closest``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from archlint.model import BlockKind, Container, Document, Section, TextBlock
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
    unwrapped: bool = False  # absent, but its children stand where it would have been
    closest: Section | None = None  # when absent: the leftover heading most like it
    beside: int = 0  # when absent: how many of its sections stand where it would have
    elsewhere: Section | None = None  # absent under its parent, but a heading of its
    #                                   very title stands elsewhere in the document
    standin: Section | None = None  # absent, but a heading of the author's own that the
    #                                 template's words for the section name stands for it
    perhaps: Section | None = None  # missing under its title, but a heading of the
    #                                 author's own stands where it would: it may be that

    def walk(self) -> Iterator[Placement]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def expected(self) -> bool:
        """Required (not a slot), and its parent (if any) is there."""
        return self.spec.expected and self.parent_present

    @property
    def missing(self) -> bool:
        """Expected and not there in any form: no heading, no bold mention, not
        unwrapped, not elsewhere, no heading of the author's own standing for it."""
        return (self.section is None and self.expected and self.mention is None
                and not self.unwrapped and self.elsewhere is None and self.standin is None)


def _id_words(section: Section) -> str | None:
    """The words of the heading's ``{#custom-id}``, ``_`` and ``-`` read as spaces: a
    converted document's id keeps the title it was converted from
    (``## Context Boundary {#_business_context}``)."""
    custom = section.heading.custom_id if section.heading is not None else None
    if not custom:
        return None
    words = custom.replace("_", " ").replace("-", " ").strip()
    return words or None


def exactly(spec: SectionSpec, section: Section) -> bool:
    """Is ``section`` the pack's section under its very title (or an alias), in its
    heading or in the ``{#custom-id}`` its heading carries?"""
    if spec.matches(section.title):
        return True
    words = _id_words(section)
    return words is not None and not titles.has_placeholder(spec.title) and spec.matches(words)


class _Candidates:
    """The headings a section may be found among (``sections``: those of a scope and
    all below them), indexed by the normalised form of their title and of their
    heading's ``{#custom-id}`` (built once, on first use), to find those
    :func:`exactly` a section without going through them all for each of the pack's
    sections."""

    def __init__(self, scope: Sequence[Section]) -> None:
        self.sections: list[Section] = [found for section in scope
                                        for found in section.walk()]

    @cached_property
    def _index(self) -> tuple[dict[str, list[Section]], dict[str, list[Section]]]:
        by_title: dict[str, list[Section]] = {}
        by_id: dict[str, list[Section]] = {}
        for section in self.sections:
            by_title.setdefault(titles.normalize(section.title), []).append(section)
            words = _id_words(section)
            if words is not None:
                by_id.setdefault(titles.normalize(words), []).append(section)
        return by_title, by_id

    def exactly(self, spec: SectionSpec) -> list[Section]:
        names = (spec.title, *spec.aliases)
        if any(titles.has_placeholder(name) for name in names):  # a pattern: try each
            return [section for section in self.sections if exactly(spec, section)]
        by_title, by_id = self._index
        keys = {titles.normalize(name) for name in names}
        return ([section for key in keys for section in by_title.get(key, ())]
                + [section for key in keys for section in by_id.get(key, ())])


def _match(nodes: Sequence[SpecNode], candidates: _Candidates, taken: set[int], pack: Pack
           ) -> list[Section | None]:
    chosen: list[Section | None] = [None] * len(nodes)
    shared: set[int] = set()  # headings found loosely that hold all of a title's words
    inside: set[int] | None = None  # the sections within those found (loose pass)
    passes = ((False, titles.matches), (False, None), (True, titles.matches))
    for wildcard, compare in passes:
        for index, node in enumerate(nodes):
            spec = node.spec
            if chosen[index] is not None or titles.has_placeholder(spec.title) != wildcard:
                continue
            if compare is None and spec.group:
                continue  # a heading that only groups others is there by its title or not
            if compare is None:  # loosely: a reworded title, not inside another section
                if inside is None:
                    inside = {s.line for c in chosen if c is not None for s in c.walk()}
                names = (spec.title, *spec.aliases)
                common = pack.words_elsewhere[id(spec)]
                found = [section for section in candidates.sections
                         if (section.line not in inside or section.line in shared)
                         and (section.line not in taken
                              or (section.line in shared and any(
                                  titles.holds_words(name, section.title) for name in names)))
                         and any(titles.loosely_matches(name, section.title, common)
                                 for name in names)]
                if found:  # but not a heading that is another section by its very title
                    own = {titles.normalize(name) for name in names}
                    found = [section for section in found
                             if not _titled_elsewhere(section, pack, own)]
            else:
                found = [section for section in candidates.exactly(spec)
                         if section.line not in taken]
            if found:  # the shallowest heading of that title: a chapter, not a mention
                chosen[index] = min(found, key=lambda section: (section.level, section.line))
                taken.add(chosen[index].line)
                if compare is None:
                    if any(titles.holds_words(name, chosen[index].title)
                           for name in (spec.title, *spec.aliases)):
                        shared.add(chosen[index].line)  # "Actors and Actions": for both
                    if inside is not None:
                        inside.update(s.line for s in chosen[index].walk())
    return chosen


def _titled_elsewhere(section: Section, pack: Pack, own: set[str]) -> bool:
    """Is the heading, by its very title (or its ``{#custom-id}``), one of the pack's
    sections other than the one whose titles are ``own`` (normalised)?"""
    words = _id_words(section)
    keys = {titles.normalize(section.title)}
    if words is not None:
        keys.add(titles.normalize(words))
    return any(key in pack.literal_titles and key not in own for key in keys)


_CLOSE_ENOUGH = 0.75  # alike enough to name, or with a word in common and
_CLOSE_WITH_A_WORD = 0.5  # alike enough to name


def _closest(spec: SectionSpec, candidates: _Candidates, taken: set[int]
             ) -> Section | None:
    """The heading not claimed by another section whose title is most like the
    section's, if it is alike enough to be worth naming."""
    if titles.has_placeholder(spec.title):
        return None
    names = (spec.title, *spec.aliases)
    wanted = {word for name in names for word in titles.words(name)}
    scored = []
    for section in candidates.sections:
        if section.line in taken:
            continue
        least = (_CLOSE_WITH_A_WORD if wanted & set(titles.words(section.title))
                 else _CLOSE_ENOUGH)
        if any(titles.alike(name, section.title, least) for name in names):
            score = max(titles.closeness(name, section.title) for name in names)
            scored.append((score, -section.line, section))
    return max(scored, key=lambda item: item[:2])[2] if scored else None


_BOLD_OPENING = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)")


def _opens_with(text: str, names: Sequence[str], rivals: Sequence[str] = ()) -> bool:
    """Does the text start with one of the titles, as whole words (a plural taken for
    its singular: "Goal." for "Goals"), or, for a long question, with a lightly edited
    copy of it, question marks and all ("How can a rollout fail?" for "How can a rollout
    or rollback fail?"), closer to it than to any of its ``rivals`` (the other questions
    beside it)?"""
    normal = titles.normalize(text)
    for name in names:
        title = titles.normalize(name)
        if normal.startswith(title) and not normal[len(title):len(title) + 1].isalnum():
            return True
        if titles.opens_with_words(name, text):  # "Goal." for "Goals"
            return True
        opening = _questions(text, name.count("?"))
        if opening is not None and titles.long_and_alike(name, opening):
            score = titles.closeness(name, opening)
            if all(titles.closeness(rival, opening) < score for rival in rivals):
                return True
    return False


def _questions(text: str, count: int) -> str | None:
    """The text up to its ``count``-th question mark (None: no question, or fewer)."""
    end = -1
    for _ in range(count):
        end = text.find("?", end + 1)
        if end < 0:
            return None
    return text[:end + 1] if count else None


def _mention(spec: SectionSpec, parent: Section, lines: Sequence[str],
             rivals: Sequence[str] = ()) -> TextBlock | None:
    """A paragraph or list item under ``parent`` that opens with the section's title in
    bold (or meant to be: ``**Question? **`` is not bold in CommonMark), the title being
    literal text."""
    if titles.has_placeholder(spec.title):
        return None
    names = (spec.title, *spec.aliases)
    for section in parent.walk():
        for block in section.blocks:
            if (block.kind is BlockKind.PARAGRAPH and 0 < block.line <= len(lines)
                    and _BOLD_OPENING.match(lines[block.line - 1])
                    and _opens_with(block.text.lstrip("*_ "), names, rivals)):
                return block
    return None


# a bold phrase opening a line: alone on it, or followed by a colon, stop or dash
# (outside the bold or inside it: "**Decision Outcome**: …", "**Decision Outcome:** …")
_BOLD_TITLE = re.compile(r"^ {0,3}(\*\*|__)(?P<title>(?:(?!\1).)+?)\1"
                         r"(?:\s*(?:$|[:.—–-])|(?<=[:.]\*\*)|(?<=[:.]__))")


# a list item that is a field: its name in bold with a colon, the value after it
_BOLD_FIELD = re.compile(r"^ {0,3}[-*+]\s+(\*\*|__)(?P<title>[^*_:]+?)(?::\1|\1\s*:)\s*\S")


def _bold_title(spec: SectionSpec, root: Section, lines: Sequence[str]) -> TextBlock | None:
    """A paragraph of its own, anywhere in the document, that is (or opens with) the
    section's very title (or an alias) in bold: ``**Context and Problem Statement**``
    written instead of a heading, alone on its line or followed by a colon, stop or
    dash (``**Considered Options:** a bucket, a share``), or a list item that is a
    field named by it, its value after the colon (``- **Status:** Accepted``). Bold
    words in a sentence (``**Context** matters here``), in a quote or in a list but for
    such a field, or a bold phrase that only begins with the title do not count."""
    if titles.has_placeholder(spec.title):
        return None
    for section in root.walk():
        for block in section.blocks:
            if (block.kind is not BlockKind.PARAGRAPH or not 0 < block.line <= len(lines)
                    or block.containers not in ((), (Container.LIST_ITEM,))):
                continue
            line = lines[block.line - 1]
            if block.containers:  # a field of a list: "- **Status:** Accepted"
                field = _BOLD_FIELD.match(line)
                if field is not None and spec.matches(field.group("title")):
                    return block
                continue
            bold = _BOLD_TITLE.match(line)
            if bold is not None and spec.matches(bold.group("title")):
                return block
    return None


_ENOUGH = 3  # sections of an absent one found beside it to take it for an outline


def _mostly_found(children: Sequence[Placement]) -> bool:
    """Are most of the sections the pack nests under an absent one (and at least three)
    there all the same, at its level? Then it was only an outline around them."""
    literal = [child for child in children if not child.spec.repeatable
               and not titles.has_placeholder(child.spec.title)]
    found = sum(1 for child in literal if child.section is not None)
    return found >= _ENOUGH and found * 2 >= len(literal)


def _beside(nodes: Sequence[SpecNode], candidates: _Candidates, taken: set[int],
            pack: Pack) -> int:
    """How many of these sections (with a literal title) stand among the candidates."""
    literal = [node for node in nodes if not node.spec.repeatable
               and not titles.has_placeholder(node.spec.title)]
    if not literal:
        return 0
    return sum(1 for section in _match(literal, candidates, set(taken), pack)
               if section is not None)


def _count(placements: Sequence[Placement]) -> int:
    return sum(1 for placement in placements if placement.section is not None)


def _place(nodes: Sequence[SpecNode], scope: Sequence[Section], parent_present: bool,
           parent: Section | None, taken: set[int], lines: Sequence[str], pack: Pack,
           root: Section | None = None) -> tuple[Placement, ...]:
    """Placements of ``nodes`` among the sections of ``scope``, under ``parent`` (None
    at the top, where the parent counts as present; ``root``, the document's, there)."""
    if not nodes:
        return ()  # most of the pack's sections have none under them: no scope to index
    candidates = _Candidates(scope)
    sections = _match(nodes, candidates, taken, pack)
    placements = []
    for node, section in zip(nodes, sections):
        if section is not None:
            before = set(taken)
            children = _place(node.children, section.children, True, section, taken, lines,
                              pack)
            if (node.children and not _mostly_found(children)
                    and _beside(node.children, candidates, taken, pack) > _count(children)):
                # the template's outline heading kept, its sections written beside it
                # (some of them, it may be, still inside it)
                flat = _place(node.children, scope, True, section, set(before), lines, pack)
                if _mostly_found(flat) and _count(flat) > _count(children):
                    taken.clear()
                    taken.update(before)
                    taken.update(p.section.line for child in flat for p in child.walk()
                                 if p.section is not None)
                    placements.append(Placement(node.spec, section, parent_present, flat))
                    continue
            if not exactly(node.spec, section) and not any(
                    child.section is not None for child in children):
                # found only by a reworded title, and nothing of it inside: not sure
                # enough that this is the section to ask for what it should hold
                children = _place(node.children, section.children, False, section,
                                  set(taken), lines, pack)
            placements.append(Placement(node.spec, section, parent_present, children))
            continue
        rivals = [other.spec.title for other in nodes if other is not node]
        mention = (_mention(node.spec, parent, lines, rivals) if parent
                   else _bold_title(node.spec, root, lines) if root is not None else None)
        beside = _beside(node.children, candidates, taken, pack)
        unwrapped: tuple[Placement, ...] = ()
        group = node.spec.group and bool(node.children)
        if beside >= _ENOUGH or group:
            unwrapped = _place(node.children, scope, parent_present, parent, set(taken),
                               lines, pack, root)
        # a heading that only groups sections may be left out, its sections written
        # beside it; with none of them there either, that part of the template is
        # missing: the heading, told once, not each section it groups
        if _mostly_found(unwrapped) or (group and any(
                p.section is not None or p.mention is not None
                for child in unwrapped for p in child.walk())):
            for child in unwrapped:  # claim what the unwrapped children found
                taken.update(p.section.line for p in child.walk() if p.section is not None)
            placements.append(Placement(node.spec, None, parent_present, unwrapped, mention,
                                        unwrapped=True))
            continue
        children = _place(node.children, (), False, None, taken, lines, pack)
        closest = (_closest(node.spec, candidates, taken)
                   if node.spec.expected and parent_present and mention is None else None)
        placements.append(Placement(node.spec, None, parent_present, children, mention,
                                    closest=closest, beside=beside))
    return tuple(placements)


def place(document: Document, pack: Pack) -> tuple[Placement, ...]:
    """The pack's top-level sections, each with its placement and its children's."""
    title = document.title_heading
    # one of the pack's sections by its very title (a slot, ``### [option 1]``, which
    # any title matches, is none: the document's title fills no slot)
    named = [spec for spec in pack.sections if not titles.has_placeholder(spec.title)]
    if (title is not None and not pack.matches_title(title.text)
            and any(spec.matches(title.text) for spec in named)):
        title = None  # "# Abstract" under a title written "Title\n----": a section
    if title is None and document.headings and pack.title:
        # no level-1 heading: the first one is the title (a setext "Title\n----")
        # unless it is one of the pack's sections
        first = document.headings[0]
        if not any(spec.matches(first.text) for spec in named):
            title = first
    taken = {title.line} if title is not None and pack.title else set()
    placed = _place(pack.outline, list(document.root.children), True, None, taken,
                    document.lines, pack, document.root)
    left = [section for section in document.root.walk()
            if section.heading is not None and section.line not in taken]
    placed = _elsewhere(placed, left, top=True)
    used = set(taken) | {section.line for placement in walk(placed)
                         for section in (placement.section, placement.elsewhere)
                         if section is not None}
    placed = _standins(placed, document.root, pack, used)
    used |= {p.standin.line for p in walk(placed) if p.standin is not None}
    return _unnamed(placed, document.root, pack, used)


def _elsewhere(placements: Sequence[Placement], left: list[Section], top: bool
               ) -> tuple[Placement, ...]:
    """Nested sections missing under their parent whose very title (or an alias) heads
    a section left over elsewhere: there, only misplaced (``elsewhere``)."""
    result = []
    for placement in placements:
        children = _elsewhere(placement.children, left, top=False)
        found = None
        if not top and placement.missing:
            found = next((section for section in left
                          if exactly(placement.spec, section)), None)
            if found is not None:
                left.remove(found)
        if found is not None or any(new is not old
                                    for new, old in zip(children, placement.children)):
            placement = replace(placement, children=children, elsewhere=found)
        result.append(placement)
    return tuple(result)


def _others_words(pack: Pack, spec: SectionSpec) -> frozenset[str]:
    """The words of the other sections' titles and guidance: such a word tells of
    another section as much as of ``spec`` (a table of contents names every section;
    "project" and "describe" stand in the guidance of many)."""
    common: set[str] = set()
    for other in pack.sections:
        if other is not spec:
            common.update(titles.text_words(other.title))
            common.update(titles.text_words(other.about))
    return frozenset(common)


def _neighbours(placements: Sequence[Placement], index: int
                ) -> tuple[Section | None, Section | None]:
    """The sections found before and after ``placements[index]`` in the template's order
    (None: none found)."""
    before = next((p.section for p in reversed(placements[:index])
                   if p.section is not None), None)
    after = next((p.section for p in placements[index + 1:] if p.section is not None), None)
    return before, after


def _between(before: Section | None, after: Section | None, parents: dict[int, Section]
             ) -> list[Section] | None:
    """The headings standing exactly between ``before`` and ``after``: after ``before``,
    at its level under its heading, up to ``after``, or to the heading that holds it
    when it stands deeper (the template's "Security functions" found inside the
    author's "Project Design"). None when there is no such place: either is absent,
    ``after`` stands above ``before`` or under another heading."""
    if before is None or after is None or after.line < before.line:
        return None
    holder = parents.get(id(before))
    if holder is None:
        return None
    slot = []
    for child in holder.children:  # up to the one found after, or the heading holding it
        if child.line >= after.line or child.line <= after.line <= child.end_line:
            return slot
        if child.line > before.line and child.level == before.level:
            slot.append(child)
    return None  # the one found after is not under the same heading: no place between


def _slot(placements: Sequence[Placement], index: int, parents: dict[int, Section]
          ) -> list[Section]:
    """The headings standing exactly where ``placements[index]`` would (see
    :func:`_between`): after the sibling found before it in the template's order, up to
    the one found after it; both must be there, the one after below the one before."""
    return _between(*_neighbours(placements, index), parents) or []


def _following(before: Section, after: Section | None, holder: Section,
               parents: dict[int, Section], several: bool) -> list[Section] | None:
    """The heading right after ``before`` (the first after its text), inside ``holder``,
    the section the missing one belongs under, when the section found after the missing
    one marks no place: the document puts it above ``before`` (its sections in an order
    of its own), or there is none and that heading is not the last at its level. At the
    top of the document the headings after the last section found are as often the
    document's own matter (appendices, history, acknowledgements) as a section renamed;
    they are its place only when ``several`` (two or more) of the pack's sections are
    missing after it, two or more found before, and those headings hold at least half
    the document: its author kept the template's opening and went on in an outline of
    their own. None: no place."""
    if after is not None and after.line > before.line:
        return None  # :func:`_between`'s case, or no place
    scope = holder
    if holder.heading is not None and not holder.line <= before.line <= holder.end_line:
        scope = parents.get(id(before), holder)  # the parent's sections written beside it
    following = next((section for section in scope.walk() if section.heading is not None
                      and section.line > before.end_line), None)
    if following is None or after is not None:
        return [following] if following is not None else None
    if not any(section.heading is not None and section.line > following.end_line
               and section.level <= following.level for section in scope.walk()):
        return None  # the last heading at its level: where an appendix would stand
    if holder.heading is None and not (
            several and (holder.end_line - following.line + 1) * _HALF >= holder.end_line):
        return None
    return [following]


_HALF = 2  # the author's own headings after the template's opening hold 1/_HALF of it


def _preceding(after: Section, parents: dict[int, Section], found: set[int]
               ) -> list[Section] | None:
    """The heading right before ``after`` at its level, when no section is found before
    the missing one in the template's order and that heading itself follows one of the
    siblings found: it stands alone between two of the pack's sections, the one after it
    the missing one's successor ("Usage" between the Trade-offs and the Internal
    details, in a document that moved the Trade-offs up, is the Explanation the template
    puts before the Internal details). None: no place; a heading at the start of the
    document or of the parent may be anything."""
    holder = parents.get(id(after))
    if holder is None:
        return None
    earlier = [child for child in holder.children
               if child.line < after.line and child.level == after.level]
    if len(earlier) < 2 or id(earlier[-2]) not in found:
        return None
    return earlier[-1:]


def _swapped(before: Section, after: Section, parents: dict[int, Section],
             found: set[int]) -> tuple[Section | None, Section | None]:
    """The headings standing alone between two sections found, right beside the place
    between ``before`` and ``after``: the one right before ``before`` (itself after a
    section found), and the one right after ``after`` (itself before a section found).
    A section missing in that place may be written there, on the other side of its
    neighbour: "Handling vulnerabilities" between the Design and the Testing, where the
    template puts its Security after the Testing (its guidance names it, see
    :func:`_guided`)."""
    above = parents.get(id(before))
    earlier = [child for child in (above.children if above else ())
               if child.line < before.line and child.level == before.level]
    below = parents.get(id(after))
    later = [child for child in (below.children if below else ())
             if child.line > after.line and child.level == after.level]
    first = earlier[-1] if len(earlier) >= 2 and id(earlier[-2]) in found else None
    last = later[0] if len(later) >= 2 and id(later[1]) in found else None
    return first, last


_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s")


def _standins(placements: Sequence[Placement], root: Section, pack: Pack, used: set[int]
              ) -> tuple[Placement, ...]:
    """Sections missing under their own titles where a heading of the author's own
    stands for them, named by the template's guidance for the section (``about``): a
    heading that is none of the pack's sections and whose words the guidance uses, one
    of them at least a word of that section only (in no other section's title or
    guidance). Three words or more that the guidance writes as a phrase stand for it
    anywhere inside its parent (anywhere in the document at the top level):
    "Vulnerability Response Process", which the template asks for under Security issue
    resolution (two words are too easily found together in a long guidance: "error
    messages"). Fewer, or words the guidance uses apart, stand for it only exactly where
    it would be (see :func:`_slot`), and only if the guidance uses every one of them:
    "Alternatives" between Proposal and Implementation, where the template's Rationale
    asks for "alternate approaches". A heading of two words or more at the level of the
    section's siblings, led by a word of the first sentence of the guidance that is the
    section's own, and sharing no word with the section's title (that is for the title
    rules to judge: "Questions Resolved" is no "Open questions"), stands for it anywhere
    inside its parent: "Alternatives Considered"
    after the Implementation (the first sentence says what the section is; later ones
    wander: a Rust RFC's "Intended Use" is no Prior art, which "is intended to …"). So
    does a heading of one such word for a section whose title is one word, at any level
    inside its parent: "### Alternatives" under the author's Appendix for the
    Rationale (one word for one word; "Alternatives" is no "Prior work"). A
    heading is taken for one section only, and a heading two missing sections could
    both claim is taken for neither: which it is cannot be told."""
    parents = parents_of(root)
    claims: dict[int, list[Section]] = {}  # id(placement) → the headings it could take

    free = _authors_own(pack, used, reworded=True)

    # the pack's sections, each with the heading its children are looked for under (a
    # stack, not a recursive closure: a function that calls itself by a name of the
    # enclosing function's is a reference cycle, which keeps the whole document alive
    # until the cycle collector runs)
    pending: list[tuple[Sequence[Placement], Section]] = [(placements, root)]
    while pending:
        siblings, holder = pending.pop()
        for index, placement in enumerate(siblings):
            if placement.section is not None or placement.unwrapped:
                pending.append((placement.children, placement.section or holder))
            if not placement.missing or not placement.spec.about:
                continue
            about = titles.text_words(placement.spec.about)
            others = _others_words(pack, placement.spec)
            opening = titles.text_words(_FIRST_SENTENCE.split(placement.spec.about, 1)[0])
            # a heading sharing a word of the section's title is for the title rules to
            # judge: "Questions Resolved" is no "Open questions"
            titled = {stem for name in (placement.spec.title, *placement.spec.aliases)
                      for stem in titles.stems(name)}
            level = next((p.section.level for p in siblings if p.section is not None), -1)
            single = len(titles.words(placement.spec.title)) == 1  # "Rationale"
            found = []
            for section in holder.walk():
                if section is not holder and section.heading is not None:
                    count, named, own, phrase, _ = titles.named_in(
                        section.title, about, others)
                    if count >= 3 and phrase and own and free(section):
                        found.append(section)
                    elif ((count >= 2 and section.level == level or count == 1 and single)
                          and not titled.intersection(titles.stems(section.title))):
                        *_, leads = titles.named_in(section.title, opening, others)
                        if leads and free(section):
                            found.append(section)
            for section in _slot(siblings, index, parents):
                count, named, own, _, _ = titles.named_in(section.title, about, others)
                if own and named == count and free(section):
                    found.append(section)
            if found:
                claims[id(placement)] = found

    if not claims:
        return tuple(placements)
    wanted: dict[int, int] = {}  # heading line → how many sections claim it
    for found in claims.values():
        for line in {section.line for section in found}:
            wanted[line] = wanted.get(line, 0) + 1
    chosen = {key: min(alone, key=lambda section: (section.level, section.line))
              for key, found in claims.items()
              if (alone := [section for section in found if wanted[section.line] == 1])}

    return _marked(placements, chosen)


def _marked(siblings: Sequence[Placement], chosen: dict[int, Section]
            ) -> tuple[Placement, ...]:
    """The placements, each given the heading ``chosen`` to stand in for it (by its
    ``id``), if any."""
    result = []
    for placement in siblings:
        standin = chosen.get(id(placement))
        result.append(replace(placement, children=_marked(placement.children, chosen),
                              standin=standin, closest=None if standin else placement.closest))
    return tuple(result)


def parents_of(root: Section) -> dict[int, Section]:
    """Each section's parent (the section whose heading it stands under), by ``id``."""
    return {id(child): section for section in root.walk() for child in section.children}


def walk(placements: Sequence[Placement]) -> Iterator[Placement]:
    for placement in placements:
        yield from placement.walk()


def _unnamed(placements: Sequence[Placement], root: Section, pack: Pack, used: set[int]
             ) -> tuple[Placement, ...]:
    """Sections missing under their own titles where a heading of the author's own (see
    :func:`_authors_own`; never a table of contents) stands in their place
    (``perhaps``). The place is after the section found before them in the template's
    order, at its level, up to the one found after them or the heading holding that
    one (see :func:`_between`), or anywhere among their parent's sub-headings when none
    of its sections is found. The headings in one such place go, in order, one to each
    section missing there: "Design" between Motivation and Trade-offs may be the
    template's Explanation written under a title of the author's own, but it is not
    also its Internal details. Where the sections found beside them mark no such place,
    the place is the heading right after the section found before them (see
    :func:`_following`), or, with none found before them, the heading right before the
    one found after them, for the last of them (see :func:`_preceding`). Sections left
    without a heading in their place may be one that stands alone between two sections
    found right beside it, on the other side of a neighbour (see :func:`_swapped`),
    unless it is in another section's place."""
    return _perhaps(placements, root, root, parents_of(root),
                    _authors_own(pack, used, reworded=False))


# how a run of missing sections' place was found: between the sections found beside
# them (with only headings of the author's own there, or none); between them, with the
# pack's own sections there too; right after the one before; right before the one after;
# among the sub-headings of a parent none of whose sections is found
_BETWEEN, _TAKEN, _AFTER, _BEFORE, _UNDER = range(5)


def _run_place(siblings: Sequence[Placement], start: int, holder: Section, root: Section,
               parents: dict[int, Section], found: set[int]
               ) -> tuple[list[Section], int] | None:
    """The headings in the place of the run of siblings from ``start`` that have no
    heading of their own, and how the place was found; None: no place."""
    if not found:  # nothing found beside them: the parent's sub-headings, not the document's
        return (list(holder.children), _UNDER) if holder is not root else None
    before, after = _neighbours(siblings, start)
    between = _between(before, after, parents)
    if between is not None:
        return between, _BETWEEN
    if before is not None:
        # the template's opening kept (two sections of it or more), several missing after
        several = len(found) > 1 and sum(1 for p in siblings[start:] if p.missing) > 1
        following = _following(before, after, holder, parents, several)
        return (following, _AFTER) if following is not None else None
    if after is not None:
        preceding = _preceding(after, parents, found)
        return (preceding, _BEFORE) if preceding is not None else None
    return None


def _guided(spec: SectionSpec, section: Section) -> bool:
    """Does the template's guidance for the section use a word of the heading's title,
    in some form ("teaching" for "Teaching it", "vulnerabilities" for "Vulnerability
    handling")? A pack without guidance names none."""
    return titles.named_in(section.title, titles.text_words(spec.about))[1] > 0


def _perhaps(siblings: Sequence[Placement], holder: Section, root: Section,
             parents: dict[int, Section], own: Callable[[Section], bool]
             ) -> tuple[Placement, ...]:
    """:func:`_unnamed` for ``siblings``, the pack's sections under ``holder``, and all
    below them."""
    found = {id(p.section) for p in siblings if p.section is not None}
    runs: list[tuple[int, list[int], list[Section], int]] = []
    start = 0
    while start < len(siblings):
        end = start  # [start, end): a run of siblings with no heading of their own
        while end < len(siblings) and siblings[end].section is None:
            end += 1
        place = (_run_place(siblings, start, holder, root, parents, found)
                 if end > start else None)
        if place is not None:
            headings, how = place
            authors = [section for section in headings
                       if own(section) and not titles.is_contents(section.title)]
            if how == _BETWEEN and len(authors) < len(headings):
                how = _TAKEN
            runs.append((start, [i for i in range(start, end) if siblings[i].missing],
                         authors, how))
        start = end + 1
    claimed = {section.line for _, _, headings, _ in runs for section in headings}

    def free(section: Section | None, index: int) -> bool:
        """May ``section`` be the sibling at ``index``, moved beside its place?"""
        return (section is not None and own(section) and section.line not in claimed
                and not titles.is_contents(section.title)
                and _guided(siblings[index].spec, section))

    perhaps: dict[int, Section] = {}
    for start, missing, headings, how in runs:
        if how == _BEFORE:  # the heading right before the section found after: the last
            perhaps.update(zip(reversed(missing), headings))
            continue
        perhaps.update(zip(missing, headings))
        left = missing[len(headings):]
        if how != _BETWEEN or not left:
            continue
        first, last = _swapped(*_neighbours(siblings, start), parents, found)
        for section, index in ((first, left[0]), (last, left[-1])):
            if index not in perhaps and free(section, index):
                perhaps[index] = section
                claimed.add(section.line)
    result = []
    for index, placement in enumerate(siblings):
        children = (_perhaps(placement.children, placement.section or holder, root,
                             parents, own)
                    if placement.section is not None or placement.unwrapped
                    else placement.children)
        if index in perhaps or children is not placement.children:
            placement = replace(placement, perhaps=perhaps.get(index), children=children)
        result.append(placement)
    changed = any(new is not old for new, old in zip(result, siblings))
    return tuple(result) if changed else tuple(siblings)


def _authors_own(pack: Pack, used: set[int], reworded: bool) -> Callable[[Section], bool]:
    """Is a heading the author's own: no section of the pack's (its title none of the
    pack's literal titles or aliases, nor with ``reworded`` a rewording of one), nor
    inside or around one found (its line and those below it in ``used``)? A stand-in
    silences a finding, so it takes only headings unlike every title of the pack; a
    heading only named as perhaps a section may reword one found elsewhere ("Security
    processes" beside the Security functions found above it). Answers are kept."""
    known: dict[int, bool] = {}
    literal = [spec for spec in pack.sections if not titles.has_placeholder(spec.title)]

    def own(section: Section) -> bool:
        if section.line not in known:
            known[section.line] = (
                section.heading is not None
                and not any(s.line in used for s in section.walk())
                and not any(spec.matches(section.title) or (
                    reworded and titles.loosely_matches(spec.title, section.title))
                    for spec in literal))
        return known[section.line]

    return own


# a document holding fewer than a third of the three or more top-level sections its
# pack requires is no copy of the template: another kind of file in a folder the pack
# was applied to (a README, a guide), or a stub. That is said once, naming what is
# missing, not section by section. Documents written from a template keep most of its
# sections (those read on real sets lacked one to three of eight to twelve), so they
# still hear of each missing section on its own.
_FEW = 3  # sections the pack must require at least for this to apply
_PART = 3  # "a small part": fewer than one in _PART of them held


def top_level(placements: Sequence[Placement]) -> list[Placement]:
    """The pack's expected top-level sections, an outline heading (left out, or missing
    with everything under it) counting as the sections it holds."""
    found: list[Placement] = []
    for placement in placements:
        if placement.unwrapped:
            found += top_level(placement.children)
        elif placement.expected:
            found.append(placement)
    if len(found) == 1 and found[0].missing and not found[0].beside:
        # the template's one outline heading, missing with all it holds: count those
        found = [child for child in found[0].children if child.spec.expected] or found
    return found


def scarce(placements: Sequence[Placement]
           ) -> tuple[list[Placement], list[Placement]] | None:
    """The pack's expected top-level sections and those the document holds, when it
    holds fewer than a third of them (three or more); None otherwise."""
    expected = top_level(placements)
    held = [p for p in expected if p.section is not None or p.mention or p.unwrapped]
    if len(expected) >= _FEW and len(held) * _PART < len(expected):
        return expected, held
    return None


def contents_listed(placements: Sequence[Placement], first: TextBlock
                    ) -> tuple[Placement, ...]:
    """The placements with a missing table of contents ("Table of contents", "Inhalt")
    mentioned by the document's own, ``first`` its first entry: a list a generator wrote
    without a heading above it is that section all the same."""
    return tuple(replace(placement, children=contents_listed(placement.children, first),
                         mention=first if placement.missing and any(
                             titles.is_contents(name)
                             for name in (placement.spec.title, *placement.spec.aliases))
                         else placement.mention)
                 for placement in placements)


def another_kind(document: Document, pack: Pack, placements: Sequence[Placement],
                 in_set: bool) -> tuple[list[Placement], list[Placement]] | None:
    """:func:`scarce`, for a document that neither says it is one of the pack's kind
    (its title is the pack's) nor is part of a documentation set: most likely another
    kind of file, told so once (AL201), whose headings stand for none of the pack's."""
    title = document.title_heading
    if in_set or (title is not None and pack.matches_title(title.text)):
        return None
    return scarce(placements)


def missing(placements: Sequence[Placement], parent: Section | None = None
            ) -> Iterator[tuple[Placement, Section | None]]:
    """Each missing section with the section it is missing from (None: the document),
    in the template's order."""
    for placement in placements:
        if placement.section is not None or placement.unwrapped:
            yield from missing(placement.children, placement.section or parent)
        elif placement.missing:
            yield placement, parent
