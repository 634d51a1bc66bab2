"""AL204 unrecognised-section: a required section is not found under its title, and a heading of the author's own stands where it would.

Opt-in: this rule runs only when it is selected by its code or name
(`extend-select = ["AL204"]`); `ALL` and prefixes such as `AL2` do not turn it on.

## What it does
Reports the sections that AL201 `missing-section` leaves alone because it cannot tell
whether they are missing: a section of the rule pack that no heading of the document
has under its title (or an alias, or a rewording), where a heading of the author's
own, none of the pack's sections nor a table of contents, stands in its place: after the
section found before it in the template's order, at its level under its heading, up to
the one found after it or the heading that holds that one (both must be found), or,
when none of its parent's sections is found, among the parent's sub-headings. The
headings in one such place go, in order, one to each section missing there: "Design"
between Motivation and Trade-offs may be the template's Explanation; it is not also its
Internal details, which AL201 reports.

Where the sections found beside it mark no such place, its place is the heading right
after the section found before it (when the document puts the one after it higher up,
or when none is found after it and that heading is not the last at its level; at the top
of the document, where what follows the last section found is as often an appendix,
only with two or more of the pack's sections found, two or more missing after them and
the headings after them holding at least half the document), or, with none found before it, the heading right
before the one found after it, when that heading follows another section found.
A section left without a heading in its place may be a heading standing alone between
two sections found right beside the place, on the other side of a neighbour, when the
template's guidance for the section uses a word of its title.

Such a heading is often the section written under a title of the author's own (an
architecture chapter's "External Components" for the template's Technical Context, a
proposal's "Design" for its Explanation), and as often a section of another kind
beside a section that was left out. Only a reader can tell which, so the finding names
both.

## Why it matters
A reviewer looks for the template's sections by their titles. A section written under
a title of the author's own is easily taken for missing, and a missing one is easily
taken for renamed. Using the template's title (or adding the author's title to the
pack's aliases) settles it for both.

## Example
```markdown
# Process View
## Processing pipelines
Orders flow from the web shop through validation to fulfilment.
## Lifecycle of an order
An order is placed, then paid, then shipped.
## Dynamic interactions
The shop calls billing synchronously.
```

## Use instead
```markdown
# Process View
## Processing pipelines
Orders flow from the web shop through validation to fulfilment.
## State models
An order is placed, then paid, then shipped.
## Dynamic interactions
The shop calls billing synchronously.
```

## Options
None: what is required comes from the rule pack.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlint.diagnostics import Problem, Severity
from archlint.model import Document
from archlint.rule import Context, RuleOptions

CODE = "AL204"
NAME = "unrecognised-section"
SEVERITY = Severity.WARNING
OPT_IN = True


def check(document: Document, options: RuleOptions, context: Context) -> Iterator[Problem]:
    pack = context.pack
    if pack is None or not context.analysis.titles_known:
        return
    from archlint.template import outline  # here: only a document with a pack needs it

    docset, placements = context.docset, context.analysis.outline
    if docset is not None and docset.records:
        return  # the index of a folder of records is no record
    if context.scarce is not None:
        return  # most likely another kind of file, as AL201 says
    for placement, parent in outline.missing(placements):
        heading = placement.perhaps.heading if placement.perhaps is not None else None
        if heading is None or (parent is None and docset is not None):
            continue
        under = f' under "{parent.title}"' if parent else ""
        yield Problem(heading.line, heading.column,
                      f'required section "{placement.spec.title}" is not found by its '
                      f'title{under} (rule pack {pack.name}); "{heading.text}" stands '
                      f"where it would: if it is that section, give it the template's "
                      f"title or add its title to the pack's aliases; if not, the "
                      f"section is missing")
