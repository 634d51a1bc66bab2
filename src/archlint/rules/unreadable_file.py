r"""AL001 unreadable-file: a file that cannot be read as a Markdown document.

## What it does
Reports, at line 1, a file that archlint was asked to check but cannot read: the
operating system refuses it (permissions, a folder where a file was expected), its
bytes are not UTF-8 text, or the Markdown parser fails on it. The message says which,
and for text that is not UTF-8, the first byte that is not. The other files are
checked all the same.

Like any rule it can be selected, ignored (`--ignore AL001`, `per-file-ignores`) and
re-graded (`[tool.archlint.severity]`); ignored, an unreadable file is passed over in
silence. No other rule sees such a file, and no suppression comment in it can be read.

## Why it matters
A gate that skips what it cannot read lets everything through. A document saved in
another encoding (Latin-1, UTF-16) or cut off on disk is a document nobody can check.

## Example
A file whose bytes are Latin-1, not UTF-8 (the `é` of `Vue d'ensemble de l'architecture` written as the byte `0xe9`):
```bytes
b"# Vue d'ensemble de l'architecture\n\nL'\xe9quipe d\xe9crit ici le syst\xe8me.\n"
```

## Use instead
The same text saved as UTF-8:
```bytes
b"# Vue d'ensemble de l'architecture\n\nL'\xc3\xa9quipe d\xc3\xa9crit ici le syst\xc3\xa8me.\n"
```

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlint.diagnostics import Problem
from archlint.model import Document
from archlint.rule import Context, RuleOptions

CODE = "AL001"
NAME = "unreadable-file"
READS = "links"  # nothing at all: the engine reports a file that is no document


def check(document: Document, options: RuleOptions, context: Context) -> Iterator[Problem]:
    """A document was read, so there is nothing to report: the engine reports, under
    this rule's code, each file that could not be read as one."""
    return iter(())
