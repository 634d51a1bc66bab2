"""The changes code actions offer, each as one replacement of whole lines of a text:
the fixes ``--fix`` makes (made by the engine's own :func:`fixing.apply`, so the
editor gets the same bytes), and the suppression comment for one finding."""

from __future__ import annotations

import re
from typing import NamedTuple

from archlint.diagnostics import Edit, Fix
from archlint.engine import fixing

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_OWN_LINE_ABOVE = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|<!--)")  # a heading, a comment
_NOT_A_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d{1,9}[.)]\s|>|\|)")


class Replacement(NamedTuple):
    """Replace ``text[start:end]`` (code-point offsets) by ``new``."""

    start: int
    end: int
    new: str


def between(old: str, new: str) -> Replacement | None:
    """The one replacement of whole lines that turns ``old`` into ``new`` (None when
    they are the same)."""
    if old == new:
        return None
    before, after = _LINE.findall(old), _LINE.findall(new)
    same = 0
    while same < min(len(before), len(after)) and before[same] == after[same]:
        same += 1
    tail = 0
    while (tail < min(len(before), len(after)) - same
           and before[-1 - tail] == after[-1 - tail]):
        tail += 1
    start = sum(map(len, before[:same]))
    end = len(old) - sum(map(len, before[len(before) - tail:]))
    return Replacement(start, end, "".join(after[same:len(after) - tail]))


def fixing_edit(text: str, fix: Fix) -> Replacement | None:
    """What the fix changes in ``text``, as ``--fix`` would make it."""
    return between(text, fixing.apply(text, fix.edits))


def suppression(text: str, line: int, code: str) -> Replacement | None:
    """Switch rule ``code`` off for ``line`` (1-based) with an HTML comment: a line of
    its own above a block's first line, a heading or an HTML comment
    (``archlint-disable-next-line``), else at the end of the line
    (``archlint-disable-line``; in a table row, inside its last cell), so that the
    document's structure stays as it was."""
    lines = [written.rstrip("\r\n") for written in _LINE.findall(text)]
    if not 0 < line <= len(lines):
        return None
    written = lines[line - 1]
    starts_block = line == 1 or not lines[line - 2].strip()
    if _OWN_LINE_ABOVE.match(written) or (starts_block
                                          and not _NOT_A_BLOCK_START.match(written)):
        indent = written[:len(written) - len(written.lstrip())]
        edit = Edit(line, line - 1, (f"{indent}<!-- archlint-disable-next-line {code} -->",))
    else:
        comment = f"<!-- archlint-disable-line {code} -->"
        body = written.rstrip()
        if body.lstrip().startswith("|") and body.endswith("|") and len(body.strip()) > 1:
            changed = f"{body[:-1].rstrip()} {comment} |"
        else:
            changed = f"{body} {comment}"
        edit = Edit(line, line, (changed,))
    return between(text, fixing.apply(text, (edit,)))
