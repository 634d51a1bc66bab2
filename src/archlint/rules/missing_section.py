"""AL201 missing-section: a section that this kind of document needs is not there.

## What it does
Checks the document against its rule pack (see `archlint packs`): every section the
pack marks as required must have a heading, and a required section nested in the pack
under another must be under that section in the document (it is only required where
its parent is present; a heading of the template's that only groups the sections under
it may be left out, its sections written without it, but a document holding none of
them either is told of that heading only). Titles are compared without regard to
case, spacing, a leading section number, "(Optional)" or trailing punctuation; the
pack's aliases (and its titles in the other languages it knows) count as the same
section, a placeholder in the pack's title (`Special considerations for XXX`) matches any
text, and the heading's level does not matter. A reworded heading counts too: "Key
Stakeholders" for "Stakeholders", "Level 2 — Order Management" for "Level 2", "Decision"
for "Decision Outcome", "Goal" for "Goals", "Future Work" for "Future possibilities" (a
two-word title with one word
changed, the word kept in no other title of the pack: "Technical errors" is no
"Technical Risks" where "Technical Context" is a title too); but a heading whose very
title is another section of the pack is that section, wherever it stands, and a
reworded heading inside another section of the pack found in the document is part of
that section ("### Compatibility Policy" under the Proposal is no top-level
"Compatibility"; under its own title, `### Compatibility`, it would be). A nested
section may also be a paragraph or list item under its parent that
opens with its title in bold (`* **Can the feature be disabled?**`), as older templates
wrote their questions; a nested section written elsewhere under its own title is
misplaced, not missing. Optional sections and slots (a template's `## [option 1]`, any
number of the author's own sections) are never reported. A missing section is told with
the heading most like it, when one is alike enough ("not found; the closest is …"). A
top-level section may be a paragraph of its own that is its title in bold
(`**Context and Problem Statement**`) or a list item that is a field named by it (`-
**Status:** Accepted`), and a heading whose `{#custom-id}` is the
section's title (`## Context Boundary {#_business_context}`) is that section.

A section missing under its own title is not reported when a heading of the author's
own stands for it, named in the template's guidance for that section (the paragraphs
and comments a derived template holds under the section's heading): a phrase of three
words or more of that guidance anywhere inside the section's parent ("Vulnerability
Response Process" where the template asks for the vulnerability response process), or
a heading every word of which the guidance uses, exactly where the section would stand,
after the section found before it ("Alternatives" between Proposal and
Implementation, where the template's Rationale asks for alternate approaches), or a
heading of two words or more at the level of the section's siblings, anywhere inside its
parent, whose first word the first sentence of the guidance uses and which shares no
word with the section's title ("Alternatives Considered" after the Implementation; not
"Questions Resolved" for "Open questions"), or a heading of that one word, at any level
inside the parent, for a section whose title is one word ("Alternatives" under an
appendix, for the Rationale; not for a "Prior work"). At least one of those words (in
the last two cases the first) must be the section's own, in no other section's title or
guidance; a heading two missing sections could claim stands for neither.

A section not found by its title where a heading of the author's own (none of the pack's
sections, nor a table of contents) stands in its place is not reported here: that
heading may well be the section under a title of the author's own, and only a reader can
tell. Its place is after the section found before it and at its level, up to the section
found after it or the heading that holds that one (or under a parent none of whose
sections is found). Where those mark no place, it is the heading right after the section
found before it, when the document puts the one after it higher up, or when none is
found after it and that heading is not the last at its level; at the top of a document,
where what follows the last section found is as often an appendix, only when two or more
of the pack's sections are found and two or more are missing after them, and the
headings after them hold at least half of the document (its author kept the template's
opening and went on in an outline of their own). With none found before it, the place is the heading right before the section
found after it, if that heading follows another of the parent's sections. A section
left without a heading in its place (none there, or fewer than the sections missing
there, and none of the pack's own) may be a heading that the template's guidance for it
names by a word, standing alone between two sections found right beside its place, on
the other side of a neighbour: "Handling vulnerabilities" between the Design and the
Testing, for the Security the template puts after the Testing.
`AL204 unrecognised-section` (opt-in: `extend-select = ["AL204"]`) reports those, at
the heading; `archlint status` shows them as `unrecognised`.

A document holding fewer than a third of the (three or more) top-level sections its
pack requires is told so once, with the titles not found in it, rather than section by
section: it is most likely another kind of file in a folder the pack was applied to
(a README beside the records), which the pack's `[[tool.archlint.documents]]` paths
(or the files given with `--pack` or `--template`) can leave out, or a stub. A
document whose title is the pack's (`# Process View`) says what it is, and hears of each
missing section.

A documentation set kept one chapter per file (a pack with `chapter-files`, as arc42) is
checked as one: a chapter is there when any file of the set holds it, and a chapter no
file holds is reported once, on the set's index (`index.md`, `README.md`) or else its
first chapter file, however few of the set's files are being checked. The index of a
folder of records (ADRs) is not checked as a record. A document written in a language
whose titles the pack does not know (a German ADR under the English `nygard-adr`) is not
checked: its sections cannot be told.

Which pack applies comes from `[[tool.archlint.documents]]` (path globs and a `pack` or
a `template`); a document not named there gets the pack whose title is its first-level
heading. A document with neither is not checked.

## Why it matters
A template's sections are the questions a reviewer will ask. A view without its
"Data consistency strategies" section has not answered one of them, however good the
rest is.

A section is there when it has a heading of its own (or one of the other forms above: a
bold title paragraph, a table of contents under a generator's marker); what it should
say, written in another section or in the introduction, is not the section. A reader (or
a table of contents, or a link to the section's anchor) looking for "Consequences" does
not find them in the pros and cons of the chosen option. Give that text the section's
heading, or, where a template's section is not wanted in a kind of document, make it
optional in the pack.

## Example
```markdown
# Process View

## Processing pipelines

Orders flow from the web shop through validation to fulfilment.
```

## Use instead
```markdown
# Process View

## Processing pipelines
Orders flow from the web shop through validation to fulfilment.
## State models
An order is placed, then paid, then shipped.
## Dynamic interactions
The shop calls billing synchronously; everything else is event driven.
## Streaming components
Stock levels stream from the warehouses over Kafka.
## Data consistency strategies
Each service owns its data; others keep eventually consistent copies.
## Related sections
See the Functional View.
```

## Options
None: what is required comes from the rule pack.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from archlint.diagnostics import Problem
from archlint.model import Document
from archlint.rule import Context, RuleOptions

if TYPE_CHECKING:
    from archlint.template.docsets import DocSet
    from archlint.template.outline import Placement

CODE = "AL201"
NAME = "missing-section"

def _closest(placement: Placement) -> str:
    near = placement.closest
    if near is None:
        return ""
    return f': not found; the closest is "{near.title}" (line {near.line})'


def _set_problems(document: Document, docset: DocSet, where: tuple[int, int],
                  pack: str) -> Iterator[Problem]:
    """The chapters no file of the set holds, told once, on the set's reporter."""
    if document.path is None or Path(document.path).resolve() != docset.reporter:
        return
    folder = os.path.relpath(docset.root, Path(document.path).resolve().parent)
    name = "this folder" if folder == "." else f'"{Path(folder).as_posix()}/"'
    for title in docset.missing:
        yield Problem(*where, f'required section "{title}" is missing from the '
                              f"documentation set in {name} (rule pack {pack})")


def _few_here(expected: list[Placement], held: list[Placement], pack: str) -> str:
    """One finding for a document holding only a small part of its pack's sections."""
    count = f"only {len(held)}" if held else "none"
    verb, whose = ("are", "their titles") if len(held) > 1 else ("is", "its title")
    names = ", ".join(f'"{p.spec.title}"' for p in expected if p not in held)
    return (f"{count} of the {len(expected)} sections that rule pack {pack} requires "
            f"{verb} here under {whose}; not found: {names} (if this is not a document "
            f"of that kind, leave it out of the files that pack is applied to)")


def check(document: Document, options: RuleOptions, context: Context) -> Iterator[Problem]:
    pack = context.pack
    if pack is None or not context.analysis.titles_known:
        return  # no pack, or its titles are not known in the document's language
    title = document.title_heading
    top = (title.line, title.column) if title else (1, 1)
    docset = context.docset
    if docset is not None and docset.records:
        return  # the index of a folder of records is no record

    from archlint.template import outline  # here: only a document with a pack needs it

    placements = context.analysis.outline
    scarce = context.scarce
    if scarce is not None:
        yield Problem(*top, _few_here(*scarce, pack.name))
        return
    for placement, parent in outline.missing(placements):
        if (parent is None and docset is not None) or placement.perhaps is not None:
            continue  # a set's chapter (told on its index); perhaps under another title
        where = (parent.heading.line, parent.heading.column) if (
            parent and parent.heading) else top
        under = f' under "{parent.title}"' if parent else ""
        yield Problem(*where, f'required section "{placement.spec.title}" is '
                              f"missing{under} (rule pack {pack.name}){_closest(placement)}")
    if docset is not None:
        yield from _set_problems(document, docset, top, pack.name)
