"""Output formats: a registry of functions from diagnostics to text."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import click

from archlint.diagnostics import Diagnostic, Severity


@dataclass(frozen=True, slots=True)
class Report:
    diagnostics: tuple[Diagnostic, ...]
    files_checked: int


Formatter = Callable[[Report, bool], str]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def text(report: Report, color: bool) -> str:
    """``path:line:column: CODE message [name]``, one per line, then a summary."""
    lines = []
    for d in report.diagnostics:
        where = f"{d.path}:{d.line}:{d.column}:"
        code = d.code
        if color:
            where = click.style(where, bold=True)
            code = click.style(code, fg="red" if d.severity is Severity.ERROR else "yellow",
                               bold=True)
        lines.append(f"{where} {code} {d.message} [{d.name}]")
    files = _plural(report.files_checked, "file")
    if report.diagnostics:
        paths = len({d.path for d in report.diagnostics})
        lines.append(f"Found {_plural(len(report.diagnostics), 'problem')} in "
                     f"{_plural(paths, 'file')} ({files} checked).")
    else:
        lines.append(f"All checks passed ({files} checked).")
    return "\n".join(lines) + "\n"


def json_array(report: Report, color: bool) -> str:
    """A JSON array of objects: code, name, path, line, column, severity, message."""
    return json.dumps([d.as_dict() for d in report.diagnostics], indent=2,
                      ensure_ascii=False) + "\n"


FORMATTERS: dict[str, Formatter] = {
    "text": text,
    "json": json_array,
}


def names() -> Sequence[str]:
    return tuple(FORMATTERS)
