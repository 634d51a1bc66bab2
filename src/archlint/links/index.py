"""A documentation set's anchors: what links between its files are checked against.

Only anchors are kept, never whole documents, so memory grows with the anchors of the
set. A file that is linked to but not being checked (outside the given paths, inside the
project) is read once, when a link first needs its anchors. With each file's anchors
goes the hash of the bytes they came from, so that a cache can tell when they change.
"""

from __future__ import annotations

import os
from pathlib import Path

from archlint.markdown import reading
from archlint.markdown.slugs import AnchorStyle
from archlint.paths import real


class AnchorIndex:
    def __init__(self, style: AnchorStyle) -> None:
        self._style = style
        self._anchors: dict[Path, tuple[frozenset[str] | None, str | None]] = {}
        self._by_name: dict[str, list[Path]] = {}

    def know(self, paths: list[Path], reals: list[Path] | None = None) -> None:
        """The files of the set, so that a link to a moved file can be pointed to it
        (``reals``: their real paths, when they are known)."""
        for path, found in zip(paths, reals if reals is not None else map(real, paths)):
            self._by_name.setdefault(path.name.casefold(), []).append(found)

    def paths_named(self, name: str) -> tuple[Path, ...]:
        return tuple(self._by_name.get(name.casefold(), ()))

    def add(self, path: Path, names: frozenset[str], digest: str | None) -> None:
        """A document being checked: its anchors, and the hash of the bytes it was read from."""
        self._anchors[real(path)] = (names, digest)

    def forget(self, path: Path) -> None:
        """Drop what is known of the file's anchors: the next link to it reads it again
        (an editor's buffer that was closed, a file changed on disk)."""
        self._anchors.pop(path.resolve(), None)

    def anchors_of(self, path: Path) -> frozenset[str] | None:
        """The anchors of the Markdown file at ``path`` (None if it is not one)."""
        return self._entry(path)[0]

    def digest_of(self, path: Path) -> str | None:
        """The hash of the bytes the file's anchors came from (None if it has none)."""
        return self._entry(path)[1]

    def _entry(self, path: Path) -> tuple[frozenset[str] | None, str | None]:
        key = real(path)
        if key not in self._anchors:
            self._anchors[key] = self._read(key)
        return self._anchors[key]

    def _read(self, path: Path) -> tuple[frozenset[str] | None, str | None]:
        if not path.name.lower().endswith(reading.MARKDOWN_SUFFIXES) or not os.path.isfile(path):
            return None, None
        read = reading.read(path, self._style, links_only=True)
        return (read.document.anchor_names if read.document else None), read.digest
