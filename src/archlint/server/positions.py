"""Positions, archlint's and the editor's.

archlint counts lines from 1 and columns from 1 in code points; the Language Server
Protocol counts both from 0 and columns in UTF-16 code units unless client and server
agree on UTF-8 or UTF-32. Lines end at ``\\n``, ``\\r\\n`` or ``\\r`` for both.
"""

from __future__ import annotations

import re
from typing import NamedTuple

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Point(NamedTuple):
    """A position as LSP counts it: 0-based line and character in ``encoding`` units."""

    line: int
    character: int


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their endings (a final empty line when it ends in
    a line break, as editors show it)."""
    return _LINE_BREAK.split(text)


def units(text: str, encoding: str = UTF16) -> int:
    """How long ``text`` is in the encoding's code units."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def to_client(lines: list[str], line: int, column: int, encoding: str = UTF16) -> Point:
    """archlint's 1-based ``line`` and ``column`` (code points) as an LSP position."""
    index = min(max(line - 1, 0), max(len(lines) - 1, 0))
    text = lines[index] if lines else ""
    return Point(index, units(text[:max(column - 1, 0)], encoding))


def code_points(text: str, character: int, encoding: str = UTF16) -> int:
    """How many code points of ``text`` the first ``character`` units hold (a position
    inside a character counts as before it; past the end, the whole line)."""
    if encoding == UTF32:
        return min(character, len(text))
    counted = 0
    for index, char in enumerate(text):
        counted += units(char, encoding)
        if counted > character:
            return index
    return len(text)


def from_client(lines: list[str], point: Point, encoding: str = UTF16) -> tuple[int, int]:
    """An LSP position as archlint's 1-based line and code-point column."""
    text = lines[point.line] if 0 <= point.line < len(lines) else ""
    return point.line + 1, code_points(text, point.character, encoding) + 1


def offset_to_client(text: str, offset: int, encoding: str = UTF16) -> Point:
    """The LSP position of the code point at ``offset`` in ``text``."""
    before = text[:offset]  # never ends between \r and \n: edits start and end at lines
    breaks = list(_LINE_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return Point(len(breaks), units(before[start:], encoding))
