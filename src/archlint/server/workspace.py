"""The documents open in the editor, and what ``archlint check`` would say about each.

Each document is checked by the linter of its configuration, found as ``archlint
check`` finds it but from the document's folder: the closest ``archlint.toml``,
``.archlint.toml`` or ``pyproject.toml`` with ``[tool.archlint]`` above it. Without one
the project is the git work tree the document is in, or else the editor's workspace
folder that holds it. Linters are kept per configuration file and made again when it,
or a pack or template it names, changes on disk; a configuration that cannot be used is
an error to show, never a crash.

An open document's text, saved or not, is what the other documents' links are checked
against (the linter's anchor index holds the anchors of its last check); closing it
hands them back to the file on disk. What each check looked at outside its document
tells which open documents to check again when another one changes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from archlint import config
from archlint.config import Configuration, Settings
from archlint.diagnostics import Diagnostic
from archlint.engine import Linter, files
from archlint.engine.cache import Dependencies
from archlint.engine.reader import Source
from archlint.errors import ConfigError
from archlint.markdown.reading import MARKDOWN_SUFFIXES

Stamp = tuple[tuple[str, int, int], ...]
KNOWN_FILES = 20_000  # at most this many of the project's files are listed for links


class Key(NamedTuple):
    """Which configuration a document is checked with: its file (None for the
    defaults) and the project root."""

    path: Path | None
    root: Path


@dataclass
class Checked:
    """One check of a document: the text's version, what archlint found, the document
    as read and what the rules looked at outside it."""

    version: int | None
    diagnostics: list[Diagnostic]
    source: Source
    record: Dependencies
    linter: Linter

    @property
    def anchors(self) -> frozenset[str] | None:
        document = self.source.read.document
        return document.anchor_names if document is not None else None


@dataclass
class OpenDocument:
    uri: str
    path: Path | None  # None for a buffer that is no file (untitled)
    text: str
    version: int | None
    checked: Checked | None = None
    key: Key | None = None

    @property
    def current(self) -> Checked | None:
        """The last check, if it was of the text as it is now."""
        checked = self.checked
        return checked if checked is not None and checked.version == self.version else None

    def depends_on(self, path: Path) -> bool:
        """Whether its last check read the anchors of ``path``, or asked if it exists."""
        if self.checked is None:
            return False
        record, wanted = self.checked.record, str(path)
        return wanted in record.anchors or wanted in record.exists


class Failure(NamedTuple):
    """A configuration that cannot be used, and why."""

    key: Key
    message: str


@dataclass
class _Configured:
    """A configuration as read (None if its file could not be), its linter (None if
    it cannot be used, and then why), and the state on disk of what it came from."""

    stamp: Stamp
    read: Configuration | None
    linter: Linter | None
    error: str | None


@dataclass
class Workspace:
    folders: list[Path] = field(default_factory=list)
    documents: dict[str, OpenDocument] = field(default_factory=dict)
    _configured: dict[Key, _Configured] = field(default_factory=dict)

    # -- documents

    def open(self, uri: str, path: Path | None, text: str, version: int | None) -> OpenDocument:
        document = OpenDocument(uri, path.resolve() if path is not None else None, text,
                                version)
        self.documents[uri] = document
        return document

    def change(self, uri: str, text: str, version: int | None) -> OpenDocument | None:
        document = self.documents.get(uri)
        if document is not None:
            document.text, document.version = text, version
        return document

    def close(self, uri: str) -> list[OpenDocument]:
        """Forget the document; the open documents whose links it answered (its file on
        disk answers them now)."""
        document = self.documents.pop(uri, None)
        if document is None or document.path is None:
            return []
        if document.checked is not None:
            document.checked.linter.forget(document.path)
        return list(self.dependents(document.path))

    def dependents(self, path: Path) -> Iterator[OpenDocument]:
        """The open documents, other than ``path``'s, whose last check looked at it."""
        path = path.resolve()
        return (d for d in self.documents.values() if d.path != path and d.depends_on(path))

    def saved(self, path: Path) -> None:
        """A file was written: anchors read from disk may be out of date, so the files
        that are not open are read again when next needed."""
        opened = {d.path for d in self.documents.values()}
        for document in self.documents.values():
            if document.checked is None:
                continue
            for name in document.checked.record.anchors:
                if Path(name) not in opened:
                    document.checked.linter.forget(Path(name))
        for configured in self._configured.values():
            if configured.linter is not None:  # sets are read from disk, open or not
                configured.linter.forget(path, anchors=path not in opened)

    # -- checking

    def check(self, document: OpenDocument) -> Checked | Failure:
        """Check the document's text as it is now."""
        key = self.key_for(document)
        configured = self._linter(key)
        document.key = key
        if configured.linter is None:
            document.checked = None
            return Failure(key, configured.error or "")
        linter = configured.linter
        path = str(document.path) if document.path is not None else None
        diagnostics, source, record = linter.check_text_recording(document.text, path)
        if document.path is not None and linter.leaves_out(document.path):
            diagnostics = []  # excluded, or a template: what `check` leaves out
        document.checked = Checked(document.version, diagnostics, source, record, linter)
        return document.checked

    def key_for(self, document: OpenDocument) -> Key:
        folder = document.path.parent if document.path is not None else self._fallback()
        return _key(folder, self.folders)

    def _fallback(self) -> Path:
        return self.folders[0] if self.folders else Path.cwd()

    def _linter(self, key: Key) -> _Configured:
        configured = self._configured.get(key)
        if configured is not None and configured.stamp == _stamp(key, configured.read):
            return configured
        read = None
        try:
            read = _configuration(key)
            linter = Linter.create(read)
            # the project's Markdown files, as `archlint check` run in its root knows them
            # (so that a link to a moved file can say where it went)
            linter.anchors.know(list(islice(linter.discover([key.root]), KNOWN_FILES)))
            configured = _Configured(_stamp(key, read), read, linter, None)
        except ConfigError as error:
            configured = _Configured(_stamp(key, read), read, None, str(error))
        self._configured[key] = configured
        return configured

    def outdated(self) -> list[OpenDocument]:
        """The open documents whose configuration changed on disk since their last
        check (a configuration file appeared, changed or went; a pack or template it
        names changed): they are to be checked again."""
        found = []
        for document in self.documents.values():
            if document.key is None:
                continue
            key = self.key_for(document)
            configured = self._configured.get(key)
            if (key != document.key or configured is None
                    or configured.stamp != _stamp(key, configured.read)):
                found.append(document)
        return found


def is_markdown(path: Path | None, language: str | None) -> bool:
    if language is not None and language.lower() == "markdown":
        return True
    return path is not None and path.name.lower().endswith(MARKDOWN_SUFFIXES)


def _key(folder: Path, workspace_folders: list[Path]) -> Key:
    found = config.find(folder)
    if found is not None:
        return Key(found, found.parent)
    root = files.git_root(folder)
    if root is None:
        resolved = folder.resolve()
        holding = [f for f in workspace_folders if files.relative_to(resolved, f) is not None]
        root = max(holding, key=lambda f: len(f.parts)) if holding else resolved
    return Key(None, root)


def _configuration(key: Key) -> Configuration:
    if key.path is None:
        return Configuration(Settings(), None, key.root)
    return config.load(key.path)


def _stamp(key: Key, configuration: Configuration | None = None) -> Stamp:
    """What the configuration depends on, as it is on disk: its file and the pack and
    template files it names (once it could be read)."""
    paths = [key.path] if key.path is not None else []
    if configuration is not None:
        for kind in configuration.settings.documents:
            named = kind.template or (kind.pack if kind.pack and kind.pack.endswith(".toml")
                                      else None)
            if named is not None:
                paths.append(configuration.root / named)
    return tuple(_file_stamp(path) for path in paths)


def _file_stamp(path: Path) -> tuple[str, int, int]:
    try:
        status = os.stat(path)
    except OSError:
        return (str(path), -1, -1)
    return (str(path), status.st_mtime_ns, status.st_size)
