"""AL203 section-order: sections are not in the order of the template.

## What it does
Compares the order of the document's sections with the order of its rule pack (see
`archlint packs`), among sections found under the same parent, and under one heading in
the document too (a document of its own outline may hold the template's Goals under
"3. Goals and Non-Goals" and its Actors under "5. Actors and Data Flow": they are no
siblings to put in order). A section that breaks
the order is reported at its heading, naming the sections it belongs between. The fewest
sections that explain the disorder are reported (the rest are taken to be in order).
Only sections found under their own title (or an alias) count: a reworded heading
("Implementation Details" for "Implementation") may be another section. Slots (a
template's `## [option 1]`, `## …`: any number of the author's own sections) have no
place in the order, and neither have the sections a pack leaves free
(`free-order`: the `nygard-adr` pack's Status, which Nygard's article writes after the
Decision and adr-tools before the Context).

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
from typing import TYPE_CHECKING

from archlint.diagnostics import Problem, Severity
from archlint.model import Document
from archlint.rule import Context, RuleOptions
from archlint.sequences import in_order
from archlint.template import titles

if TYPE_CHECKING:
    from archlint.template import outline

CODE = "AL203"
NAME = "section-order"
SEVERITY = Severity.WARNING


def _ordered(placement: outline.Placement, free: frozenset[str]) -> bool:
    """Does the section's place among its siblings count: it is there under its own
    title (a reworded heading may be another section), it is no slot (any number of
    the author's own sections) and its pack does not leave it free?"""
    spec = placement.spec
    return (placement.section is not None and not spec.repeatable
            and spec.matches(placement.section.title)
            and titles.normalize(spec.title) not in free)


def _siblings(placements: Sequence[outline.Placement], free: frozenset[str],
              parents: dict[int, int]) -> Iterator[Problem]:
    ordered = [p for p in placements if _ordered(p, free)]
    groups: dict[int | None, list[outline.Placement]] = {}
    for placement in ordered:  # siblings in the document too: under one heading
        groups.setdefault(parents.get(id(placement.section)), []).append(placement)
    for present in groups.values():
        yield from _out_of_order(present)
    for placement in placements:
        yield from _siblings(placement.children, free, parents)


def _out_of_order(present: Sequence[outline.Placement]) -> Iterator[Problem]:
    """The fewest of these sections (found under one heading) that break the order."""
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


def check(document: Document, options: RuleOptions, context: Context) -> Iterator[Problem]:
    if context.pack is None or not context.analysis.titles_known:
        return
    from archlint.template import outline  # here: only a document with a pack needs it

    free = frozenset(titles.normalize(title) for title in context.pack.free_order)
    parents = {key: id(parent) for key, parent in outline.parents_of(document.root).items()}
    yield from _siblings(context.analysis.outline, free, parents)
