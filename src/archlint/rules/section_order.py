"""AL203 section-order: sections are not in the order of the template.

## What it does
Compares the order of the document's sections with the order of its rule pack (see
`archlint packs`), among sections found under the same parent. A section that breaks
the order is reported at its heading, naming the sections it belongs between. The fewest
sections that explain the disorder are reported (the rest are taken to be in order).

## Why it matters
Readers of a set of documents made from one template find their way by its order:
the context before the decision, the decision before its consequences. A view that
moves sections around makes every reader search.

## Example
```markdown
# Process View
## State models
Orders are placed, paid, then shipped.
## Processing pipelines
Validation, pricing, fulfilment.
```

## Use instead
```markdown
# Process View
## Processing pipelines
Validation, pricing, fulfilment.
## State models
Orders are placed, paid, then shipped.
```

## Options
None: the order comes from the rule pack.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from archlint.diagnostics import Problem, Severity
from archlint.model import Document
from archlint.rule import Context, RuleOptions
from archlint.sequences import in_order
from archlint.template import outline

CODE = "AL203"
NAME = "section-order"
SEVERITY = Severity.WARNING


def _siblings(placements: Sequence[outline.Placement]) -> Iterator[Problem]:
    present = [p for p in placements if p.section is not None]
    keep = in_order([p.section.line for p in present])  # type: ignore[union-attr]
    for index, placement in enumerate(present):
        section = placement.section
        assert section is not None and section.heading is not None
        if index not in keep:
            before = [present[i] for i in sorted(keep) if i < index]
            later = [present[i] for i in sorted(keep) if i > index]
            bounds = ([f'after "{before[-1].spec.title}"'] if before else []) + (
                [f'before "{later[0].spec.title}"'] if later else [])
            where = " and ".join(bounds)  # between its neighbours in the template
            yield Problem(section.heading.line, section.heading.column,
                          f'section "{section.title}" is out of the template\'s order: '
                          f"it belongs {where}")
        yield from _siblings(placement.children)


def check(document: Document, options: RuleOptions, context: Context) -> Iterator[Problem]:
    if context.pack is None:
        return
    yield from _siblings(context.analysis.outline)
