"""``#fragments`` in the editor: where one is being typed in a link (to complete it),
and what a broken one probably meant (to change it to that)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote

from archlint.diagnostics import Diagnostic, Fix
from archlint.links import fragments, targets
from archlint.model import Document, Link, LinkKind

ANCHOR_RULES = ("AL301", "AL303")

# the destination of an inline link or of a link reference definition, up to the cursor
_TYPING = re.compile(r"(?:\]\(\s*<?|^ {0,3}\[[^\]]+\]:[ \t]*<?)(?P<path>[^\s()<>#]*)#"
                     r"(?P<fragment>[^\s()<>#]*)$")


class Typing(NamedTuple):
    """A fragment being typed: the link's path (empty for this document) and what of
    the fragment is written so far."""

    path: str
    fragment: str


def typing_at(line_before_cursor: str) -> Typing | None:
    """The fragment being typed where the text before the cursor ends, if any."""
    found = _TYPING.search(line_before_cursor)
    return Typing(found["path"], found["fragment"]) if found else None


def target_of(path: str, folder: Path | None, root: Path | None) -> Path | None:
    """The file a link's path leads to (None for this document, or outside the set)."""
    if not path:
        return None
    found = targets.resolve(Link(LinkKind.LINK, path + "#", "", 1, 1), folder, root)
    return found.path if found is not None and found.where is targets.Where.FILE else None


def suggestion(document: Document, diagnostic: Diagnostic, folder: Path | None,
               root: Path | None, anchors_of: Callable[[Path], frozenset[str] | None]
               ) -> tuple[str, Fix] | None:
    """For a broken anchor (AL301, AL303) whose case is not all that is wrong: the
    closest anchor its target has, if one is close enough, and the link rewritten to
    it."""
    if diagnostic.code not in ANCHOR_RULES or diagnostic.fix is not None:
        return None
    link = next((link for link in document.links
                 if (link.line, link.column) == (diagnostic.line, diagnostic.column)
                 and link.fragment is not None), None)
    if link is None:
        return None
    target = targets.resolve(link, folder, root)
    if target is None or target.fragment is None:
        return None
    if target.where is targets.Where.HERE:
        anchors = document.anchor_names
    elif target.where is targets.Where.FILE and target.path is not None:
        anchors = anchors_of(target.path)
    else:
        return None
    best = fragments.closest(unquote(target.fragment), anchors or ())
    fix = fragments.retarget(document.lines, link, best) if best else None
    return (best, fix) if best and fix else None
