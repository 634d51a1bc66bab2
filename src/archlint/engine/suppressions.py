"""Inline suppressions: HTML comments that switch rules off for part of a document.

- ``<!-- archlint-disable [RULE …] -->`` from this line on, until
  ``<!-- archlint-enable [RULE …] -->``;
- ``<!-- archlint-disable-next-line [RULE …] -->`` for the line after the comment;
- ``<!-- archlint-disable-line [RULE …] -->`` for the comment's own line;
- ``<!-- archlint-disable-file [RULE …] -->`` for the whole file.

RULE is a code (``AL101``), a name (``template-prompt``) or a code prefix (``AL1``);
several may be given, separated by spaces or commas; none means every rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from archlint.engine.registry import matching
from archlint.frozen import frozen
from archlint.model import Comment
from archlint.rule import Rule

_DIRECTIVE = re.compile(
    r"^\s*archlint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)$",
    re.DOTALL,
)


@frozen
class Suppressions:
    """Which (line, code) pairs are switched off in one document."""

    whole_file: frozenset[str]
    ranges: tuple[tuple[str, int, int], ...]  # code, first line, last line

    def covers(self, line: int, code: str) -> bool:
        if code in self.whole_file:
            return True
        return any(c == code and first <= line <= last for c, first, last in self.ranges)


def _directives(comments: Iterable[Comment]) -> Iterable[tuple[Comment, str, tuple[str, ...]]]:
    for comment in comments:
        match = _DIRECTIVE.match(comment.text)
        if match:
            selectors = tuple(s for s in re.split(r"[\s,]+", match.group(2)) if s)
            yield comment, match.group(1), selectors


def collect(comments: Sequence[Comment], rules: Sequence[Rule], last_line: int) -> Suppressions:
    """Read the directives of a document's comments, in order."""
    every = frozenset(rule.code for rule in rules)
    whole_file: set[str] = set()
    ranges: list[tuple[str, int, int]] = []
    open_since: dict[str, int] = {}
    for comment, verb, selectors in _directives(comments):
        codes = matching(selectors, rules) if selectors else every
        if verb == "disable-file":
            whole_file |= codes
        elif verb == "disable-line":
            ranges.extend((code, comment.line, comment.end_line) for code in codes)
        elif verb == "disable-next-line":
            ranges.extend((code, comment.end_line + 1, comment.end_line + 1) for code in codes)
        elif verb == "disable":
            for code in codes:
                open_since.setdefault(code, comment.line)
        else:  # enable
            for code in codes:
                if code in open_since:
                    ranges.append((code, open_since.pop(code), comment.line))
    ranges.extend((code, start, last_line) for code, start in open_since.items())
    return Suppressions(frozenset(whole_file), tuple(ranges))
