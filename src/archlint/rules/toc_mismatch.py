"""AL304 toc-mismatch: the table of contents does not match the headings.

## What it does
Finds the document's table of contents and works out which heading levels it lists.
A table of contents is a list whose items mostly link to the document's own headings,
introduced by a "Contents" or "Table of contents" heading or a generator's marker
(`<!-- toc -->`, `<!-- TOC START … -->`, doctoc's, MarkdownTOC's, mdformat-toc's),
or else placed before every heading at the levels it lists and listing at least three
of them, and at least half; other lists of links are cross-references, not contents. Then it reports
each heading at those levels, after the table of contents, that has no entry in it,
each entry that is out of the headings' order, and each heading listed twice. Headings inside list items or block
quotes are not expected in a table of contents, and neither are the sub-sections of a
section none of whose sub-sections it lists under the section's entry: there it chose
its depth.

Entries whose link leads nowhere are AL301's business, not this rule's, except where
one is a heading renamed since the table of contents was written: an entry whose link
reaches no anchor of the document and whose text is no heading's, beside an unlisted
heading that shares a word with its text and whose anchor is most like its link
("[Chosing a store](#chosing-a-store)" for "## Choosing a store"). The heading is
reported with that entry.

`archlint check --fix` adds a missing heading to the table of contents, in the style of
the entry it follows (bullet, bold, indentation), and changes nothing else; a renamed
heading's entry is rewritten instead (its text and link), not listed a second time.

## Why it matters
A table of contents is how readers find their way around a long view. When a section
is added but not listed, readers do not know it is there.

## Example
```markdown
## Contents

* [State models](#state-models)
* [Related sections](#related-sections)

## State models
## Data consistency strategies
## Related sections
```

## Use instead
```markdown
## Contents

* [State models](#state-models)
* [Data consistency strategies](#data-consistency-strategies)
* [Related sections](#related-sections)

## State models
## Data consistency strategies
## Related sections
```

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import unquote

from archlint.diagnostics import Edit, Fix, Problem, Severity
from archlint.links import nearest, toc
from archlint.links.fragments import retarget
from archlint.model import Document, Heading, Link, ListItem
from archlint.patterns import lazy
from archlint.rule import Context, RuleOptions
from archlint.sequences import in_order
from archlint.template import titles

CODE = "AL304"
NAME = "toc-mismatch"
SEVERITY = Severity.WARNING


_ENTRY_LINK = lazy(r"\[(?:[^\]\\]|\\.)*\]\(#(?P<fragment>[^)\s]*)\)")


def _markup(heading: Heading) -> str:
    """The heading's entry: its text (brackets escaped) linking to its anchor."""
    text = heading.text.replace("[", "\\[").replace("]", "\\]")
    return f"[{text}](#{heading.anchor})"


class _Insertions:
    """Where and how a missing heading's entry goes: after the last entry (in the list's
    order) for a heading above it, in the style of the last such entry of the same level
    (or else the first entry of that level, or else that last entry). Worked out for the
    headings in document order, in one pass over the entries, however many are missing."""

    def __init__(self, document: Document, contents: toc.TableOfContents) -> None:
        self.document, self.contents = document, contents
        entries = contents.entries
        self.by_line = sorted(range(len(entries)), key=lambda i: entries[i].heading.line)
        self.first_of_level: dict[int, int] = {}
        for index, entry in enumerate(entries):
            self.first_of_level.setdefault(entry.heading.level, index)
        self.seen = 0  # how many of by_line lie above the heading asked about
        self.last: int | None = None  # the latest (in list order) of those
        self.last_of_level: dict[int, int] = {}
        items = contents.block.items
        self.next_item: dict[int, int] = {}  # an item's line → the next not nested in it
        waiting: list[int] = []
        for position, item in enumerate(items):
            while waiting and items[waiting[-1]].depth >= item.depth:
                self.next_item[items[waiting.pop()].line] = item.line
            waiting.append(position)

    def fix(self, heading: Heading) -> Fix | None:
        """A new entry for ``heading`` (asked in document order); none for a heading
        without an anchor (``#`` would lead to the top, so the entry would list nothing)."""
        entries = self.contents.entries
        while (self.seen < len(self.by_line)
               and entries[self.by_line[self.seen]].heading.line < heading.line):
            index = self.by_line[self.seen]
            self.seen += 1
            self.last = index if self.last is None else max(self.last, index)
            level = entries[index].heading.level
            self.last_of_level[level] = max(self.last_of_level.get(level, index), index)
        chosen = self.last_of_level.get(heading.level, self.first_of_level.get(heading.level))
        if chosen is None:
            chosen = self.last if self.last is not None else 0
        model = entries[chosen]
        if not heading.anchor:
            return None
        line = self.document.lines[model.item.line - 1]
        match = _ENTRY_LINK().search(line)
        if match is None:
            return None
        new = line[:match.start()] + _markup(heading) + line[match.end():]
        if model.heading.level != heading.level:
            indent = len(line) - len(line.lstrip())
            step = 2 * (heading.level - model.heading.level)
            new = " " * max(indent + step, 0) + new.lstrip()
        if self.last is not None:
            after = entries[self.last].item
            at = self.next_item.get(after.line, self.contents.block.end_line + 1)
            while at - 1 > after.line and not self.document.lines[at - 2].strip():
                at -= 1  # before the blank lines that end the list, not after them
        else:
            at = entries[0].item.line
        return Fix((Edit(at, at - 1, (new,)),), f'add "{heading.text}" to the table of contents')


def _renamed(missing: list[Heading], stale: tuple[tuple[ListItem, Link], ...]
             ) -> dict[int, tuple[ListItem, Link]]:
    """The entries that list no heading and reach no anchor, each paired with the
    unlisted heading it most likely listed before the heading was renamed: the one whose
    anchor is most like the entry's link, sharing a word with the entry's text
    ("[Chosing a store](#chosing-a-store)" for "Choosing a store"; not "[Testing]" for
    "Settings"). One entry for one heading."""
    paired: dict[int, tuple[ListItem, Link]] = {}
    left = {heading.anchor: heading for heading in missing if heading.anchor}
    for item, link in stale:
        wanted = set(titles.words(link.text))
        alike = [anchor for anchor, heading in left.items()
                 if wanted & set(titles.words(heading.text))]
        anchor = nearest.closest(unquote(link.fragment or ""), alike) if alike else None
        if anchor is not None:
            paired[left.pop(anchor).line] = (item, link)
    return paired


def _with_stale(contents: toc.TableOfContents, missing: list[Heading],
                renamed: dict[int, tuple[ListItem, Link]]) -> toc.TableOfContents:
    """The table of contents with each renamed heading's stale entry taken for its entry
    (in list order), to place the other missing headings' new entries after it."""
    if not renamed:
        return contents
    stale = [toc.Entry(item, heading, link) for heading in missing
             if heading.line in renamed for item, link in [renamed[heading.line]]]
    return replace(contents, entries=tuple(sorted(
        (*contents.entries, *stale), key=lambda entry: (entry.item.line, entry.link.column))))


def _relink(document: Document, link: Link, heading: Heading) -> Fix | None:
    """The entry's link rewritten to name the heading and lead to it (none where the
    link is not written plainly, ``[text](#fragment)``, at its place)."""
    line = document.lines[link.line - 1]
    match = _ENTRY_LINK().match(line, max(link.column - 1, 0))
    if match is None or unquote(match.group("fragment")) != link.fragment:
        return None
    new = line[:match.start()] + _markup(heading) + line[match.end():]
    return Fix((Edit(link.line, link.line, (new,)),),
               f'make the entry "{link.text}" the entry of "{heading.text}"')


def _depth_chosen(document: Document, contents: toc.TableOfContents) -> set[int]:
    """The headings whose parent section has none of its sub-sections listed under its
    own entry: there the table of contents chose to stop (it lists "FAQ", not its
    thirty questions)."""
    depth_of = {entry.heading.line: entry.item.depth for entry in contents.entries}
    children: dict[int, list[int]] = {}
    parents: list[Heading] = []
    parent_of: dict[int, int] = {}
    for heading in document.headings:
        while parents and parents[-1].level >= heading.level:
            parents.pop()
        if parents:
            parent_of[heading.line] = parents[-1].line
            children.setdefault(parents[-1].line, []).append(heading.line)
        parents.append(heading)

    def listed_under(parent: int) -> bool:
        own = depth_of.get(parent)
        return any(child in depth_of and (own is None or depth_of[child] > own)
                   for child in children[parent])

    return {line for line, parent in parent_of.items() if not listed_under(parent)}


def check(document: Document, options: RuleOptions, context: Context) -> Iterator[Problem]:
    contents = context.analysis.contents
    if contents is None:
        return
    listed = {entry.heading.line for entry in contents.entries}
    unlisted_depth = _depth_chosen(document, contents)
    missing = [heading for heading in document.headings
               if heading.level in contents.levels and heading.line > contents.block.end_line
               and not heading.block.containers and heading.line not in listed
               and heading.line not in unlisted_depth]
    renamed = _renamed(missing, contents.stale)
    insertions = _Insertions(document, _with_stale(contents, missing, renamed))
    for heading in missing:
        message = f'heading "{heading.text}" is missing from the table of contents'
        if heading.line not in renamed:
            yield Problem(heading.line, heading.column, message, insertions.fix(heading))
            continue
        _, stale = renamed[heading.line]
        yield Problem(heading.line, heading.column,
                      f'{message}; its entry may be "{stale.text}" (line {stale.line}), '
                      f'whose link "#{stale.fragment}" leads nowhere',
                      _relink(document, stale, heading))
    for entry in contents.entries:
        if entry.reaches is not None:
            yield Problem(entry.item.line, entry.item.column,
                          f'table of contents entry "{entry.heading.text}" leads to '
                          f'"#{entry.link.fragment}", the heading at line {entry.reaches.line}; '
                          f'the section at line {entry.heading.line} is "#{entry.heading.anchor}"',
                          retarget(document.lines, entry.link, entry.heading.anchor))
    seen: set[int] = set()
    entries = []
    for entry in contents.entries:
        if entry.heading.line in seen:
            yield Problem(entry.item.line, entry.item.column,
                          f'table of contents lists "{entry.heading.text}" more than once')
        else:
            seen.add(entry.heading.line)
            entries.append(entry)
    keep = in_order([entry.heading.line for entry in entries])
    for index, entry in enumerate(entries):
        if index not in keep:
            yield Problem(entry.item.line, entry.item.column,
                          f'table of contents entry "{entry.heading.text}" is out of order')
