"""Where a link leads: nowhere to check (a URL), this document, or a file of the project.

Relative targets resolve from the document's folder, targets starting with ``/`` from
the project root. A link that is a reference to a definition is checked at the
definition, once.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path

from archlint.frozen import frozen
from archlint.model import Link, LinkKind



class Where(enum.Enum):
    ELSEWHERE = "elsewhere"      # a URL, mailto:, protocol-relative: never checked
    HERE = "here"                # #fragment in this document
    FILE = "file"                # a file or folder of the project
    OUTSIDE = "outside"          # a relative path that leaves the project root
    UNKNOWN = "unknown"          # no folder or root to resolve from


@frozen
class Target:
    where: Where
    path: Path | None = None
    fragment: str | None = None


def resolve(link: Link, folder: Path | None, root: Path | None,
            boundary: Path | None = None) -> Target | None:
    """The link's target, or None for links checked elsewhere (reference usages).
    ``folder`` is the document's folder, ``root`` the project's, ``boundary`` the folder
    a target may not leave (the root when not given)."""
    if link.reference or link.kind is LinkKind.AUTOLINK:
        return None
    written = link.path.partition("?")[0]
    if link.elsewhere:
        return Target(Where.ELSEWHERE)
    if not written:
        return Target(Where.HERE, fragment=link.fragment)
    if written.startswith("/"):
        if root is None:
            return Target(Where.UNKNOWN)
        path = Path(os.path.normpath(root / written.lstrip("/")))
    else:
        if folder is None:
            return Target(Where.UNKNOWN)
        path = Path(os.path.normpath(folder / written))
    boundary = boundary or root
    if boundary is not None and not _inside(path, boundary):
        return Target(Where.OUTSIDE, path, link.fragment)
    return Target(Where.FILE, path, link.fragment)


def _inside(path: Path, root: Path) -> bool:
    try:
        Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
    except ValueError:
        return False
    return True
