"""AL302 broken-link: a relative link or image whose target does not exist.

## What it does
Checks that the file or folder a relative link or image points at exists, relative to
the document's own folder. A target starting with `/` is taken from the project root:
the configuration file's folder, or else the git work tree the document is in; with
neither, such links are not checked. The `#fragment` and `?query` parts are ignored
here. Links with a scheme (`https:`, `mailto:` …) are never fetched or checked.

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
import re
from pathlib import Path
from collections.abc import Iterator

from archlint.diagnostics import Problem
from archlint.model import Document, LinkKind
from archlint.rule import Context, RuleOptions

CODE = "AL302"
NAME = "broken-link"

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


class Options(RuleOptions):
    pass


def check(document: Document, options: Options, context: Context) -> Iterator[Problem]:
    if context.folder is None:
        return
    for link in document.links:
        target = link.path.partition("?")[0]
        if link.kind is LinkKind.AUTOLINK or not target or _SCHEME.match(target):
            continue
        if target.startswith("//"):
            continue  # protocol-relative URL
        if target.startswith("/") and context.root is None:
            continue  # no project root to start from
        base = context.root if target.startswith("/") else context.folder
        if not context.files.exists(Path(os.path.normpath(base / target.lstrip("/")))):
            what = "image" if link.kind is LinkKind.IMAGE else "link target"
            yield Problem(link.line, link.column, f'{what} "{link.path}" does not exist')
