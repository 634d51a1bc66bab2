"""The values a lint run produces."""

from __future__ import annotations

import enum
from dataclasses import field

from archlint.frozen import frozen


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@frozen
class Edit:
    """Replace lines ``line`` to ``end_line`` (inclusive) by ``text``; with ``end_line``
    = ``line - 1`` nothing is replaced and ``text`` is inserted before ``line``."""

    line: int
    end_line: int
    text: tuple[str, ...]


@frozen
class Fix:
    """What ``archlint check --fix`` may change to resolve a problem."""

    edits: tuple[Edit, ...]
    description: str = ""


@frozen
class Problem:
    """What a rule reports: where, and what is wrong. The engine adds the rest."""

    line: int
    column: int
    message: str
    fix: Fix | None = None


@frozen(order=True)
class Diagnostic:
    """A problem stamped with its file, rule code, rule name and severity."""

    path: str
    line: int
    column: int
    code: str
    name: str
    message: str
    severity: Severity = Severity.ERROR
    fix: Fix | None = field(default=None, compare=False)
    fingerprint: str = field(default="", compare=False)  # stable across edits elsewhere

    def as_dict(self) -> dict[str, str | int]:
        return {
            "code": self.code,
            "name": self.name,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "message": self.message,
            "fixable": self.fix is not None,
        }
