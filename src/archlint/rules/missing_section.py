"""AL201 missing-section: a section that this kind of document needs is not there.

## What it does
Checks the document against its rule pack (see `archlint packs`): every section the
pack marks as required must have a heading. Titles are compared without regard to case,
spacing, a leading section number or trailing punctuation, and the pack's aliases count
as the same section; the heading's level does not matter. Optional sections are never
reported.

Which pack applies comes from `[[tool.archlint.documents]]` (path globs and a `pack`);
a document not named there gets the pack whose title is its first-level heading. A
document with neither is not checked.

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


class Options(RuleOptions):
    pass


def check(document: Document, options: Options, context: Context) -> Iterator[Problem]:
    pack = context.pack
    if pack is None:
        return
    titles = [heading.text for heading in document.headings if heading.level > 1]
    title = next((h for h in document.headings if h.level == 1), None)
    line, column = (title.line, title.column) if title else (1, 1)
    for spec in pack.sections:
        if spec.required and not any(spec.matches(text) for text in titles):
            yield Problem(line, column,
                          f'required section "{spec.title}" is missing (rule pack {pack.name})')
