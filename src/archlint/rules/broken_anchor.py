"""AL301 broken-anchor: a link to `#fragment` that nothing in the document produces.

## What it does
Checks every link to a fragment of the same document (`[State](#state-models)`), and
every link reference definition that points at one, against the anchors the document
has: the anchor of every heading, made the way the configured `anchor-style` makes it
(GitHub by default, with `-1`, `-2` … for repeated headings), `{#id}` attributes on
headings, and HTML `id` and `name` (on `<a>`) attributes. `#top` and an empty `#` are
always valid, and so are line links (`#L10`, `#L10-L20`) for the GitHub and GitLab
styles. Fragments are percent-decoded first.

A fragment that differs from an anchor only in case is reported with the right one,
since it works on some renderers and not on others; otherwise the closest anchor is
suggested when there is one.

`archlint check --fix` corrects a fragment whose case is wrong.

## Why it matters
Headings get renamed and their links do not follow. A table of contents or "see
below" link that leads nowhere sends readers to the top of the page.

## Example
```markdown
See [state models](#state-model).

## State models
```

## Use instead
```markdown
See [state models](#state-models).

## State models
```

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlint.diagnostics import Problem
from archlint.links import targets
from archlint.links.fragments import check_fragment
from archlint.model import Document
from archlint.rule import Context, RuleOptions

CODE = "AL301"
NAME = "broken-anchor"
READS = "links"  # links, anchors and lines only


def check(document: Document, options: RuleOptions, context: Context) -> Iterator[Problem]:
    for link in document.links:
        target = targets.resolve(link, context.folder, context.root, context.boundary)
        if target is None or target.where is not targets.Where.HERE:
            continue
        problem = check_fragment(link, target.fragment or "", document.anchor_names,
                                 context.anchor_style, "this document", document.lines)
        if problem:
            yield problem
