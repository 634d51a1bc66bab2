"""``--fix``: a file's text with every fix its findings offer made, changing nothing else.

Edits are line-based. The file's own line endings (per line) and a byte order mark are
kept; inserted lines take the ending the file uses most. Edits that overlap one already
taken are left for the next pass, so a fix never garbles another; passes go on until
nothing changes, so the result is what repeated runs would reach.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from archlint.diagnostics import Diagnostic, Edit
from archlint.engine.reader import Source

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _newline(lines: list[str]) -> str:
    endings = [line[len(line.rstrip("\r\n")):] for line in lines]
    endings = [ending for ending in endings if ending]
    return max(set(endings), key=endings.count) if endings else "\n"


def apply(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with the edits made (line numbers are 1-based, in the original text)."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = _LINE.findall(text[len(bom):])
    newline = _newline(lines)
    if lines and not lines[-1].endswith(("\n", "\r")):
        ending_missing = True
        lines[-1] += newline
    else:
        ending_missing = False
    chosen: list[Edit] = []
    taken: list[tuple[int, int]] = []
    for edit in edits:
        span = (edit.line, max(edit.end_line, edit.line - 1))
        if any(not (span[1] < start or end < span[0]) for start, end in taken
               if span[1] >= span[0] and end >= start):
            continue
        chosen.append(edit)
        taken.append(span)
    # from the bottom up, so earlier line numbers stay right; insertions at one place
    # keep their order
    for _, edit in sorted(enumerate(chosen), key=lambda pair: (pair[1].line, pair[0]),
                          reverse=True):
        new = [line + newline for line in edit.text]
        lines[edit.line - 1:max(edit.end_line, edit.line - 1)] = new
    result = "".join(lines)
    if ending_missing and result.endswith(newline):
        result = result[: -len(newline)]
    return bom + result


def fixed_text(source: Source, check: Callable[[Source], list[Diagnostic]],
               again: Callable[[str], Source], passes: int = 5) -> str | None:
    """The source's text with every available fix made (None when there is nothing to
    fix or it is no document): ``check`` finds the problems in a source, ``again``
    reads a changed text as the same file."""
    original = source.read.text
    if original is None or source.read.document is None:
        return None
    text = original
    for _ in range(passes):
        edits = [edit for d in check(source) if d.fix for edit in d.fix.edits]
        if not edits:
            break
        changed = apply(text, edits)
        if changed == text:
            break
        text, source = changed, again(changed)
        if source.read.document is None:
            return None
    return text if text != original else None
