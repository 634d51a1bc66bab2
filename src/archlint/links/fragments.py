"""Checking a ``#fragment`` against a document's anchors, as every anchor rule does."""

from __future__ import annotations

import re
from urllib.parse import unquote

from archlint.diagnostics import Edit, Fix, Problem
from archlint.links.nearest import closest, same_but_case
from archlint.markdown.slugs import STYLES, AnchorStyle
from archlint.model import Link

_TOP = re.compile(r"^(?:|top)$")
_LINE_LINK = re.compile(r"^L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?$")


def always_valid(fragment: str, style: AnchorStyle = AnchorStyle.GITHUB) -> bool:
    """``#`` and ``#top`` scroll to the top; GitHub and GitLab link lines (``#L10-L20``)."""
    if _TOP.match(fragment):
        return True
    return STYLES[style].line_links and bool(_LINE_LINK.match(fragment))


def problem_with(fragment: str, anchors: frozenset[str], style: AnchorStyle,
                 where: str) -> tuple[str, str | None] | None:
    """What is wrong with ``#fragment`` among ``anchors`` (None if nothing): the message,
    and the right fragment when only the case is wrong. ``where`` names the document in
    the message ("this document", "other.md")."""
    fragment = unquote(fragment)
    if fragment in anchors or always_valid(fragment, style):
        return None
    right = same_but_case(fragment, anchors)
    if right is not None:
        elsewhere = "" if where == "this document" else f" in {where}"
        return f'"#{fragment}" differs from the anchor "#{right}"{elsewhere} only in case', right
    message = f'no heading or anchor in {where} produces "#{fragment}"'
    suggestion = closest(fragment, anchors)
    return message + (f' (did you mean "#{suggestion}"?)' if suggestion else ""), None


def retarget(lines: tuple[str, ...], link: Link, right: str) -> Fix | None:
    """Rewrite the link's fragment to ``right`` on its line, if it is written there as is."""
    if not lines or link.fragment is None:
        return None
    line = lines[link.line - 1]
    written = "#" + link.fragment
    at = line.find(written, max(link.column - 1, 0))
    if at < 0:
        return None
    fixed = line[:at] + "#" + right + line[at + len(written):]
    return Fix((Edit(link.line, link.line, (fixed,)),), f'use "#{right}"')


def check_fragment(link: Link, fragment: str, anchors: frozenset[str], style: AnchorStyle,
                   where: str, lines: tuple[str, ...]) -> Problem | None:
    """The problem with a link's fragment, with a fix when only its case is wrong."""
    found = problem_with(fragment, anchors, style, where)
    if found is None:
        return None
    message, right = found
    return Problem(link.line, link.column, message, retarget(lines, link, right) if right else None)
