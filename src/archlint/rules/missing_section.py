"""AL201 missing-section: a section that this kind of document needs is not there.

## What it does
Checks the document against its rule pack (see `archlint packs`): every section the
pack marks as required must have a heading, and a required section nested in the pack
under another must be under that section in the document (it is only required where
its parent is present). Titles are compared without regard to case, spacing, a leading
section number, "(Optional)" or trailing punctuation; the pack's aliases count as the
same section, a placeholder in the pack's title (`Special considerations for XXX`)
matches any text, and the heading's level does not matter. A nested section may also
be a paragraph or list item under its parent that opens with its title in bold
(`* **Can the feature be disabled?**`), as older templates wrote their questions.
Optional sections are never reported.

Which pack applies comes from `[[tool.archlint.documents]]` (path globs and a `pack` or
a `template`); a document not named there gets the pack whose title is its first-level
heading. A document with neither is not checked.

## Why it matters
A template's sections are the questions a reviewer will ask. A view without its
"Data consistency strategies" section has not answered one of them, however good the
rest is.

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

from collections.abc import Iterator

from archlint.diagnostics import Problem
from archlint.model import Document
from archlint.rule import Context, RuleOptions

CODE = "AL201"
NAME = "missing-section"


def check(document: Document, options: RuleOptions, context: Context) -> Iterator[Problem]:
    pack = context.pack
    if pack is None:
        return
    title = next((h for h in document.headings if h.level == 1), None)
    top = (title.line, title.column) if title else (1, 1)

    def visit(placements, parent) -> Iterator[Problem]:
        for placement in placements:
            if placement.section is None:
                if placement.expected and placement.mention is None:
                    where = (parent.heading.line, parent.heading.column) if parent else top
                    under = f' under "{parent.title}"' if parent else ""
                    yield Problem(*where, f'required section "{placement.spec.title}" is '
                                          f"missing{under} (rule pack {pack.name})")
            else:
                yield from visit(placement.children, placement.section)

    yield from visit(context.analysis.outline, None)
