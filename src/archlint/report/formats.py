"""Every output format, by the report it prints: the one list the command line takes
its ``--output-format`` choices from. A format is a function from a report and
whether to use colour to text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from archlint.report import check, status

if TYPE_CHECKING:
    from archlint.template.completeness import DocumentStatus

Formatter = Callable[[check.Report, bool], str]
StatusFormatter = Callable[[Sequence["DocumentStatus"], bool], str]

# archlint check
CHECK: dict[str, Formatter] = {
    "text": check.text,
    "concise": check.concise,
    "json": check.json_array,
    "json-lines": check.json_lines,
    "sarif": check.sarif,
    "github": check.github,
    "gitlab": check.gitlab,
    "junit": check.junit,
}
# archlint check --statistics
STATISTICS: Formatter = check.statistics
# archlint status
STATUS: dict[str, StatusFormatter] = {
    "text": status.text,
    "json": status.json_array,
}


def names(formats: dict[str, Any]) -> list[str]:
    """A registry's format names, for the command line's choices."""
    return list(formats)
