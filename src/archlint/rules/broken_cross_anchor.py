"""AL303 broken-cross-anchor: a link to `other.md#fragment` that `other.md` does not have.

## What it does
Checks every link to a fragment of another Markdown file of the project
(`[Functional View](./03-functional.md#system-context)`) against that file's anchors,
made the way the configured `anchor-style` makes them: heading anchors, `{#id}`
attributes, HTML `id` and `name` anchors. The other file need not be among the files
being checked: a file of the project is read when a link first needs its anchors.
A missing file is AL302's finding; a fragment that differs only in case is reported
with the right one, otherwise the closest anchor is suggested.

`archlint check --fix` corrects a fragment whose case is wrong.

## Why it matters
Views link each other's sections. When a heading in one view is renamed, the links
from every other view silently land at the top of the page.

## Example
With an `overview.md` beside the document:
```markdown overview.md
# Overview
## Goals
```
the link to `#goal` leads nowhere:
```markdown
See [the overview's goals](./overview.md#goal).
```

## Use instead
```markdown
See [the overview's goals](./overview.md#goals).
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

CODE = "AL303"
NAME = "broken-cross-anchor"
READS = "links"  # links, anchors and lines only


def check(document: Document, options: RuleOptions, context: Context) -> Iterator[Problem]:
    for link in document.links:
        target = targets.resolve(link, context.folder, context.root, context.boundary)
        if (target is None or target.where is not targets.Where.FILE
                or target.fragment is None or target.path is None):
            continue
        anchors = context.anchors.anchors_of(target.path)
        if anchors is None:
            continue  # not a Markdown file, or not there (AL302)
        problem = check_fragment(link, target.fragment, anchors, context.anchor_style,
                                 link.path.partition("?")[0], document.lines)
        if problem:
            yield problem
