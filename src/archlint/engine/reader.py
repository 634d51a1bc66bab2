"""Files (or text) in, documents out: each parsed only as far as the rules that run on
it read, and a file that cannot be a document reported as AL001 ``unreadable-file``
when that rule runs on it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from archlint.diagnostics import Diagnostic
from archlint.engine import files
from archlint.engine.selection import RuleSet
from archlint.markdown import reading
from archlint.markdown.reading import Read
from archlint.markdown.slugs import AnchorStyle
from archlint.rule import Rule

UNREADABLE = "AL001"


class Source(NamedTuple):
    """A file or text being checked: how messages name it (``display``), where it is
    in the project (``relative``; None outside it) and what reading it gave."""

    display: str
    relative: str | None
    read: Read


class Reader:
    __slots__ = ("rules", "root", "anchor_style")

    def __init__(self, rules: RuleSet, root: Path, anchor_style: AnchorStyle) -> None:
        self.rules, self.root, self.anchor_style = rules, root, anchor_style

    def path(self, path: Path, *, whole: bool = False, data: bytes | None = None) -> Source:
        """The file at ``path`` (from ``data``, its bytes, when they have been read),
        parsed as far as its rules read (``whole``: entirely)."""
        display, relative = display_path(path), files.relative_to(path, self.root)
        if data is None:
            data = reading.read_bytes(path)
        if isinstance(data, str):
            return Source(display, relative, Read(None, data))
        links_only = not whole and self.rules.reads_only_links(relative)
        return Source(display, relative,
                      reading.from_bytes(data, display, self.anchor_style, links_only=links_only))

    def text(self, text: str, path: str | None = None, *, whole: bool = False) -> Source:
        """Markdown ``text``; ``path`` (which need not exist) places it in the project."""
        relative = files.relative_to(Path(path), self.root) if path is not None else None
        links_only = not whole and self.rules.reads_only_links(relative)
        return Source(path or "<text>", relative,
                      reading.from_text(text, path, self.anchor_style, links_only=links_only))

    def unreadable(self, source: Source) -> list[Diagnostic]:
        """The AL001 finding for a source that is no document, if AL001 runs on it."""
        rule = self.rules.running(UNREADABLE, source.relative)
        if rule is None or source.read.problem is None:
            return []
        return [_finding(source, rule)]

    def why_unreadable(self, source: Source) -> Diagnostic:
        """Why a source is no document, as AL001 says it, whether AL001 runs or not
        (for ``archlint status``, which reports every file it cannot assess)."""
        rule = next(rule for rule in self.rules.known if rule.code == UNREADABLE)
        return _finding(source, rule)


def _finding(source: Source, rule: Rule) -> Diagnostic:
    return Diagnostic(source.display, 1, 1, rule.code, rule.name,
                      f"cannot read file: {source.read.problem}", rule.severity)


def display_path(path: Path) -> str:
    """Paths under the working directory print relative to it, others as given."""
    if path.is_absolute():
        try:
            return path.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return str(path)
    return os.path.normpath(path).replace(os.sep, "/")
