"""AL301 broken-anchor: a link to `#fragment` that nothing in the document produces.

## What it does
Checks every link to a fragment of the same document (`[State](#state-models)`)
against the anchors the document has: the GitHub anchor of every heading (with `-1`,
`-2` … for repeated headings), `{#id}` attributes on headings, and HTML `id` and
`name` (on `<a>`) attributes. `#top`, an empty `#` and GitHub line links (`#L10`,
`#L10-L20`) are always valid. Fragments are percent-decoded first.

A fragment that differs from an anchor only in case is reported with the right one,
since it works on some renderers and not on others; otherwise the closest anchor is
suggested when there is one.

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

from archlint.anchors import always_valid, closest
from archlint.diagnostics import Problem
from archlint.model import Document, LinkKind
from archlint.rule import Context, RuleOptions

CODE = "AL301"
NAME = "broken-anchor"


class Options(RuleOptions):
    pass


def check(document: Document, options: Options, context: Context) -> Iterator[Problem]:
    anchors = document.anchor_names
    by_case = {anchor.casefold(): anchor for anchor in anchors}
    for link in document.links:
        fragment = link.fragment
        if link.kind is LinkKind.AUTOLINK or link.path or fragment is None:
            continue
        if fragment in anchors or always_valid(fragment):
            continue
        right = by_case.get(fragment.casefold())
        if right is not None:
            message = f'"#{fragment}" differs from the anchor "#{right}" only in case'
        else:
            message = f'no heading or anchor in this document produces "#{fragment}"'
            suggestion = closest(fragment, anchors)
            if suggestion:
                message += f' (did you mean "#{suggestion}"?)'
        yield Problem(link.line, link.column, message)
