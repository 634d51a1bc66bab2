"""Every output format, by the report it prints: the one list the command line takes
its ``--output-format`` choices from. A format is a function from a report and
whether to use colour to text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from archlint.report import check

if TYPE_CHECKING:
    from archlint.report.overview import Overview, View
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


# Each imports its module only when used: a check prints no status.
def _status_text(statuses: Sequence[DocumentStatus], color: bool) -> str:
    from archlint.report import status

    return status.text(statuses, color)


def _status_json(statuses: Sequence[DocumentStatus], color: bool) -> str:
    from archlint.report import status

    return status.json_array(statuses, color)


# archlint status
STATUS: dict[str, StatusFormatter] = {
    "text": _status_text,
    "json": _status_json,
}



ReportFormatter = Callable[["Overview", "View"], str]


# Each imports its module only when used: the terminal one loads rich.
def _report_text(overview: Overview, view: View) -> str:
    from archlint.report import terminal

    return terminal.render(overview, view.color, view.width, view.changes)


def _report_json(overview: Overview, view: View) -> str:
    from archlint.report import overview as overviews

    return overviews.json_text(overview, view.changes)


def _report_html(overview: Overview, view: View) -> str:
    from archlint.report import html

    return html.render(overview, view.changes, view.base)


# archlint report
REPORT: dict[str, ReportFormatter] = {
    "text": _report_text,
    "json": _report_json,
    "html": _report_html,
}


def names(formats: dict[str, Any]) -> list[str]:
    """A registry's format names, for the command line's choices."""
    return list(formats)
