"""The content cache: a re-run on an unchanged tree parses nothing.

One file per combination of archlint version and effective settings (rules, options,
packs, anchor style) holds, for each document, the hash of its content, its
diagnostics, and what its rules looked at outside it: which paths existed, which names
a folder held, and the content of the Markdown files whose anchors they read. An entry
is used only if all of that is still so; a corrupted or foreign cache file is ignored
and rewritten, never trusted.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from archlint import atomic
from archlint.diagnostics import Diagnostic, Edit, Fix, Severity
from archlint.digests import sha256
from archlint.links.index import AnchorIndex
from archlint.markdown.reading import MARKDOWN_SUFFIXES, content_hash, read_bytes
from archlint.model import quick_constructor
from archlint.paths import real
from archlint.version import __version__

FORMAT = 4  # 4: whether a file had a rule pack; 2: dependencies name the files of the set that share a name; 3: findings as
# lists, without the path; a folder's names as a digest
DEFAULT_FOLDER = ".archlint_cache"


def _anchor_source(path: str) -> str | None:
    """The hash of a linked Markdown file's bytes, as :class:`AnchorIndex` keeps it."""
    if not path.lower().endswith(MARKDOWN_SUFFIXES):
        return None
    data = read_bytes(Path(path))
    return content_hash(data) if isinstance(data, bytes) else None


@dataclass
class Dependencies:
    """What rules looked at outside the document, recorded while they ran."""

    exists: dict[str, bool] = field(default_factory=dict)
    names: dict[str, list[str] | None] = field(default_factory=dict)
    anchors: dict[str, str | None] = field(default_factory=dict)
    named: dict[str, list[str]] = field(default_factory=dict)  # the set's files by name
    unpacked: bool = False  # read, with no rule pack: only its own sections were checked

    def still_hold(self, index: AnchorIndex, names: Callable[[str], object] | None = None
                   ) -> bool:
        """Is all of it still so? (``names`` gives a folder's names in the form they
        are recorded in; sorted, by default.)"""
        names = names or _names
        return (all(os.path.exists(p) == e for p, e in self.exists.items())
                and all(names(p) == n for p, n in self.names.items())
                and all(_anchor_source(p) == h for p, h in self.anchors.items())
                and all(_paths_named(index, n) == p for n, p in self.named.items()))


def _paths_named(index: AnchorIndex, name: str) -> list[str]:
    return [str(path) for path in index.paths_named(name)]


def _names(folder: str) -> list[str] | None:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return None


def _listing(names: list[str] | None) -> str | None:
    """A folder's sorted names as the cache keeps them: a digest (the folder of a set
    is listed for each of its files)."""
    if names is None:
        return None
    return sha256("\0".join(names).encode("utf-8", "surrogatepass"))[:32]


class RecordingFiles:
    """A file system that remembers what was asked of it."""

    def __init__(self, inner, record: Dependencies) -> None:
        self._inner, self._record = inner, record

    def exists(self, path: Path) -> bool:
        answer = self._inner.exists(path)
        self._record.exists[str(path)] = answer
        return answer

    def names(self, folder: Path) -> list[str] | None:
        answer = self._inner.names(folder)
        if str(folder) not in self._record.names:
            self._record.names[str(folder)] = sorted(answer) if answer is not None else None
        return answer


class RecordingAnchors:
    """A document set that remembers whose anchors were read."""

    def __init__(self, inner: AnchorIndex, record: Dependencies) -> None:
        self._inner, self._record = inner, record

    def anchors_of(self, path: Path) -> frozenset[str] | None:
        found = self._inner.anchors_of(path)
        self._record.anchors[str(real(path))] = self._inner.digest_of(path)
        return found

    def paths_named(self, name: str) -> tuple[Path, ...]:
        found = self._inner.paths_named(name)
        self._record.named[name] = [str(path) for path in found]
        return found


# the index files whose coming makes a folder of records a listed one, as they are
# usually written (a folder whose index is named otherwise is listed anew once the
# record itself changes)
_INDEX_FILES = ("README.md", "readme.md", "Readme.md", "index.md", "INDEX.md", "_index.md")


class RecordingSets:
    """Documentation sets that remember the folders and files they were found from."""

    def __init__(self, inner, record: Dependencies) -> None:
        self._inner, self._record = inner, record
        self._sets: dict[tuple[Path, int], object] = {}  # by path and id(pack)

    def set_of(self, path: Path, pack):
        """The set, found and recorded once for the document being checked, however
        many of its rules ask (AL201 asks twice: for the set, and whether the
        document is another kind of file)."""
        key = (path, id(pack))
        if key not in self._sets:
            self._sets[key] = self._set_of(path, pack)
        return self._sets[key]

    def _set_of(self, path: Path, pack):
        from archlint.template.docsets import looks_around  # here: only a pack asks

        found = self._inner.set_of(path, pack)
        if not looks_around(path, pack):  # no set was looked for
            return found
        folder = path.resolve().parent
        for _ in range(3):  # the folders a set's root was looked for in
            self._record.names[str(folder)] = _names(str(folder))
            folder = folder.parent
        if found is not None:
            for folder in found.folders:
                self._record.names[str(folder)] = _names(str(folder))
            for member in found.members:
                self._record.anchors[str(member.path)] = member.digest
        return found

    def listing_of(self, path: Path, pack):
        from archlint.template.docsets import lists_records  # here: only a pack asks

        found = self._inner.listing_of(path, pack)
        if not lists_records(pack):
            return found
        folder = path.resolve().parent
        if found is None:  # no index (yet): one written later makes this answer stale
            for name in _INDEX_FILES:
                self._record.exists[str(folder / name)] = os.path.exists(folder / name)
            return found
        self._record.names[str(folder)] = _names(str(folder))  # records come and go
        for member in found.members:  # what makes a file a record, and what is listed
            self._record.anchors[str(member.path)] = member.digest
        return found


# A finding is kept as a list of its fields but the file's path, which is the file's
# path as the run that reads it names it (a run started in another folder names it
# otherwise): line, column, code, name, message, severity, fix, fingerprint; a fix as
# [description, [[line, end_line, [text, ...]], ...]].
_SEVERITIES = {severity.value: severity for severity in Severity}
_diagnostic = quick_constructor(Diagnostic)


def _encode(d: Diagnostic) -> list[Any]:
    fix = d.fix and [d.fix.description, [[e.line, e.end_line, e.text] for e in d.fix.edits]]
    return [d.line, d.column, d.code, d.name, d.message, d.severity.value, fix, d.fingerprint]


def _decode(path: str, item: list[Any]) -> Diagnostic:
    """A finding of the file named ``path`` (ValueError, TypeError or KeyError when
    ``item`` is not one)."""
    line, column, code, name, message, severity, fix, fingerprint = item
    if fix is not None:
        description, edits = fix
        fix = Fix(tuple(Edit(start, end, tuple(text)) for start, end, text in edits),
                  description)
    return _diagnostic(path, line, column, code, name, message, _SEVERITIES[severity], fix,
                       fingerprint)


class Cache:
    def __init__(self, folder: Path, settings_key: str) -> None:
        self.path = folder / f"v{__version__}-{settings_key[:24]}.json"
        self._entries: dict[str, dict[str, Any]] = self._load()
        self._changed = False
        self._listed: dict[str, str | None] = {}

    def _load(self) -> dict[str, dict[str, Any]]:
        import json  # here, so that a run with --no-cache does not import it

        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or data.get("version") != __version__:
                return {}
            entries = data["entries"]
            return entries if isinstance(entries, dict) else {}
        except (OSError, ValueError, KeyError, AttributeError, TypeError):
            return {}

    @property
    def empty(self) -> bool:
        """The cache holds nothing (so there is nothing to look up)."""
        return not self._entries

    def lookup(self, found: Path, display: str, digest: str, index: AnchorIndex
               ) -> tuple[list[Diagnostic], Dependencies] | None:
        """The cached findings of the file whose real path is ``found``, named
        ``display``, with what they depend on, if its content (``digest``) and all of
        that are as they were; ``index`` knows the files of this run's set."""
        entry = self._entries.get(str(found))
        if not isinstance(entry, dict) or entry.get("hash") != digest:
            return None
        try:
            dependencies = Dependencies(**entry["dependencies"])
            if not dependencies.still_hold(index, self._names):
                return None
            return [_decode(display, item) for item in entry["diagnostics"]], dependencies
        except (KeyError, TypeError, ValueError):
            return None

    def _names(self, folder: str) -> str | None:
        """The folder's names as the cache keeps them, listed once for all the files
        whose findings depend on them (a cache serves one run)."""
        if folder not in self._listed:
            self._listed[folder] = _listing(_names(folder))
        return self._listed[folder]

    def store(self, found: Path, digest: str, diagnostics: list[Diagnostic],
              dependencies: Dependencies) -> None:
        """Keep the findings of the file whose real path is ``found``."""
        self._entries[str(found)] = {
            "hash": digest, "diagnostics": [_encode(d) for d in diagnostics],
            "dependencies": {**asdict(dependencies), "names": {
                folder: _listing(names) for folder, names in dependencies.names.items()}}}
        self._changed = True

    def prepare(self) -> None:
        """Make the cache's folder before any file is checked, so that a listing of the
        folder it is in is the same in this run as in the next."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.path.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n")
        except OSError:
            pass  # then save() fails too, and the next run is only slower

    def save(self) -> None:
        if not self._changed:
            return
        import json

        try:
            self.prepare()
            atomic.write_text(self.path, json.dumps(
                {"format": FORMAT, "version": __version__, "entries": self._entries}))
        except OSError:
            pass  # a cache that cannot be written is only a slower next run


def settings_key(*parts: str) -> str:
    return sha256("\0".join((__version__, *parts)).encode())
