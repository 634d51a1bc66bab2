"""The values a lint run produces."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule reports: where, and what is wrong. The engine adds the rest."""

    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """A problem stamped with its file, rule code, rule name and severity."""

    path: str
    line: int
    column: int
    code: str
    name: str
    message: str
    severity: Severity = Severity.ERROR

    def as_dict(self) -> dict[str, str | int]:
        return {
            "code": self.code,
            "name": self.name,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "message": self.message,
        }
