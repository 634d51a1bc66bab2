"""A documentation set: the anchors of every file, for links between files.

Only anchors are kept, never whole documents, so memory grows with the anchors of the
set. A file that is linked to but not being checked (outside the given paths, inside the
project) is parsed once, when a link first needs its anchors.
"""

from __future__ import annotations

from pathlib import Path

from archlint.engine import files
from archlint.markdown import parser
from archlint.errors import UnparsableError
from archlint.markdown.slugs import AnchorStyle


class AnchorIndex:
    def __init__(self, style: AnchorStyle) -> None:
        self._style = style
        self._anchors: dict[Path, frozenset[str] | None] = {}
        self._by_name: dict[str, list[Path]] = {}

    def know(self, paths: list[Path]) -> None:
        """The files of the set, so that a link to a moved file can be pointed to it."""
        for path in paths:
            self._by_name.setdefault(path.name.casefold(), []).append(path.resolve())

    def paths_named(self, name: str) -> tuple[Path, ...]:
        return tuple(self._by_name.get(name.casefold(), ()))

    def add(self, path: Path, names: frozenset[str]) -> None:
        self._anchors[path.resolve()] = names

    def anchors_of(self, path: Path) -> frozenset[str] | None:
        key = path.resolve()
        if key not in self._anchors:
            self._anchors[key] = self._read(key)
        return self._anchors[key]

    def _read(self, path: Path) -> frozenset[str] | None:
        if not path.name.lower().endswith(files.MARKDOWN_SUFFIXES) or not path.is_file():
            return None
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        try:
            return parser.parse(text, str(path), self._style, links_only=True).anchor_names
        except UnparsableError:
            return None
