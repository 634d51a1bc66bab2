"""Searching a block's visible text with regular expressions, with exact positions.

A block's runs are joined into one string: runs on consecutive lines with a newline
between them (so a pattern can see a word wrapped onto the next line), runs on the same
line (split by a code span or a link destination) with a NUL, which no ordinary
pattern matches across. Each match is mapped back to the line and column of its start.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from archlint.model import TextRun

SEPARATOR = "\x00"

# Word boundaries for placeholder words in Markdown source: a word ends at anything
# but a letter or digit, and at an emphasis underscore (_TBD_), but not at an
# underscore inside an identifier (TBD_VALUE, TBD\_VALUE).
WORD_START = r"(?<![^\W_])(?<![^\W_]_)(?<![^\W_]__)(?<![^\W_]\\_)"
WORD_END = r"(?![^\W_])(?!_[^\W_])(?!__[^\W_])(?!\\_[^\W_])"


def whole_word(pattern: str) -> str:
    return f"{WORD_START}(?:{pattern}){WORD_END}"


class Joined:
    """The runs of one block as a single searchable string."""

    def __init__(self, runs: Sequence[TextRun]) -> None:
        parts: list[str] = []
        self._starts: list[int] = []
        self._runs = runs
        offset = 0
        for index, run in enumerate(runs):
            if index:
                parts.append("\n" if run.line != runs[index - 1].line else SEPARATOR)
                offset += 1
            self._starts.append(offset)
            parts.append(run.text)
            offset += len(run.text)
        self.text = "".join(parts)

    def position(self, offset: int) -> tuple[int, int]:
        index = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        run = self._runs[index]
        return run.line, run.column + offset - self._starts[index]

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[tuple[re.Match[str], int, int]]:
        for match in pattern.finditer(self.text):
            yield (match, *self.position(match.start()))
