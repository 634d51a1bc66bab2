"""AL302 broken-link: a relative link or image whose target does not exist.

## What it does
Checks that the file or folder a relative link, image or link reference definition
points at exists, relative to the document's own folder. A target starting with `/` is
taken from the project root: the configuration file's folder, or else the git work tree
the document is in; with neither, such links are not checked, and no link is followed
out of the folder the run started in (or, for a document outside it, the document's
own folder). The `#fragment` and
`?query` parts are ignored here (AL303 checks fragments), percent-encoded names are
decoded, and links with a scheme (`https:`, `mailto:` …) are never fetched.

A target whose name differs from an existing file's only in case is reported, since it
breaks on case-sensitive systems and web servers; a target that leaves the project is
reported as such and never read. When a file of that name is elsewhere among the files
being checked, that is suggested (the file moved); otherwise the closest name in the
folder.

## Why it matters
Architecture descriptions are sets of documents that link each other. When a file is
renamed or moved, every "Return to overview" link pointing at it breaks silently.

## Example
```markdown
[Return to overview](./no-such-overview.md)
```

## Use instead
```markdown
[Return to overview](https://example.com/architecture/overview)
```

## Options
None.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from archlint.diagnostics import Problem
from archlint.links import targets
from archlint.links.nearest import closest, same_but_case
from archlint.model import Document, LinkKind
from archlint.rule import Context, FileSystem, RuleOptions

CODE = "AL302"
NAME = "broken-link"
READS = "links"  # links, anchors and lines only


def _case_only(path: Path, files: FileSystem) -> str | None:
    """The existing name that differs from the target's only in case, if any."""
    names = files.names(path.parent)
    return None if names is None else same_but_case(path.name, names)


def _missing(path: Path, written: str, context: Context) -> str | None:
    """What is wrong with a target in the project (None if it is there)."""
    files = context.files
    if files.exists(path):
        other = _case_only(path, files)  # a case-insensitive disk found it anyway
        return f'"{written}" differs from "{other}" only in case' if other else None
    other = _case_only(path, files)
    if other:
        return f'"{written}" differs from "{other}" only in case'
    message = f'"{written}" does not exist'
    moved = context.anchors.paths_named(path.name)
    if len(moved) == 1 and context.folder is not None:
        suggestion = Path(os.path.relpath(moved[0], context.folder.resolve())).as_posix()
    else:
        names = files.names(path.parent) or []
        suggestion = closest(path.name, names, cutoff=0.8)  # file names share affixes
    return message + (f' (did you mean "{suggestion}"?)' if suggestion else "")


def check(document: Document, options: RuleOptions, context: Context) -> Iterator[Problem]:
    for link in document.links:
        target = targets.resolve(link, context.folder, context.root, context.boundary)
        if target is None or target.path is None:
            continue
        written = link.path.partition("?")[0]
        what = "image" if link.kind is LinkKind.IMAGE else "link target"
        if target.where is targets.Where.OUTSIDE:
            yield Problem(link.line, link.column,
                          f'{what} "{written}" is outside the project: not checked')
            continue
        message = _missing(target.path, written, context)
        if message:
            yield Problem(link.line, link.column, f"{what} {message}")
