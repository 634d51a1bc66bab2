"""Documentation sets: one document written as a folder of files, one chapter per file
(arc42 is published and used that way).

A pack that says ``chapter-files = true`` may see its top-level sections (its chapters)
spread over the files of a folder. A file holding more than half of the chapters is a
document of its own; a file holding fewer is a *part*. A folder with at least two parts
among its Markdown files is the root of a set, and every Markdown file under it (its
sub-folders included, two levels deep) belongs to the set, parts or not (an index, the
records of chapter 9). Looking for the set of a file, its own folder is tried first,
then the folders above it, two at most.

A file holds a chapter when the pack's outline finds the chapter's heading in it under
its very title, or else when its name says so (``03_system_scope_and_context.md``: the
name's words, the number aside, read as a title); that decides which files are parts.
For whether the set holds a chapter, a reworded heading counts too, as it does inside a
file ("07. Architecture Decision Records" for "Architecture Decisions"), when it stands
at the file's top level (where a chapter file's chapter stands: a decision record's
"## Context" is no chapter) and rewords that chapter only (an index's "Architecture
Documentation" is alike to two chapters and stands for neither). The set's findings
about chapters that no file holds go to its *reporter*: the root's ``index``/``README``
file, or else the first part.

Under a pack of one document per file (an ADR pack), a folder of records has an index
(``index.md``, ``README.md``) that is no record: when two or more files beside it hold
most of the pack's sections and the index does not, it is the set's index, and not
checked as a record. An index that links two or more of the records beside it is a
*listing* of them (:class:`Listing`): a record it does not link is missing from it.

Files are read as linked files are, for their headings only, and each folder once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from archlint.markdown import reading
from archlint.markdown.slugs import AnchorStyle
from archlint.model import Document
from archlint.paths import named_like_a_template
from archlint.template import outline, titles
from archlint.template.packs import Pack, SectionSpec

_INDEX_NAMES = frozenset({"index", "readme", "_index"})
_DEPTH = 2  # how far up a set's root may be, and how deep its files
_NAME_NUMBER = re.compile(r"^[\d._\-\s]+")


@dataclass(frozen=True, slots=True)
class Member:
    """A file of the set, with the chapters it holds (titles as the pack has them)."""

    path: Path
    chapters: tuple[str, ...]  # under their very titles, or by the file's name
    digest: str | None  # the hash of the bytes read, for the cache
    reworded: tuple[str, ...] = ()  # held under a reworded title at the top level
    linked: frozenset[Path] = frozenset()  # the files it links to (relative links)


@dataclass(frozen=True, slots=True)
class DocSet:
    root: Path
    pack: str
    expected: tuple[str, ...]  # the chapters the pack requires, in its order
    members: tuple[Member, ...]  # every Markdown file of the set, in path order
    reporter: Path  # where the set's own findings go
    folders: tuple[Path, ...]  # the folders listed to find it, for the cache
    records: bool = False  # a folder of records (ADRs), ``reporter`` its index

    @property
    def chapters(self) -> frozenset[str]:
        """The chapters some file of the set holds, under their own titles or reworded."""
        return frozenset(title for member in self.members
                         for title in (*member.chapters, *member.reworded))

    @property
    def missing(self) -> tuple[str, ...]:
        """The chapters the pack requires that no file of the set holds."""
        held_here = self.chapters
        return tuple(title for title in self.expected if title not in held_here)

    def holder(self, title: str) -> Path | None:
        """The first file holding a chapter."""
        return next((m.path for m in self.members
                     if title in m.chapters or title in m.reworded), None)


@dataclass(frozen=True, slots=True)
class Listing:
    """A folder of records and its index, and which of them the index links to."""

    index: Path
    records: tuple[Path, ...]  # the files beside the index that are records, in order
    listed: frozenset[Path]  # those the index links to
    members: tuple[Member, ...]  # every file of the folder read to tell (for the cache)

    @property
    def is_list(self) -> bool:
        """Does the index list the records (link two or more of them), rather than
        being a README or a guide that links none or one?"""
        return len(self.listed) >= 2

    def leaves_out(self, path: Path) -> bool:
        """Is the file one of the folder's records that the index, a list of them, does
        not link?"""
        path = path.resolve()
        return self.is_list and path in self.records and path not in self.listed


def _linked(document: Document, folder: Path) -> frozenset[Path]:
    """The files that the document in ``folder`` links to by a relative path
    (``0001-use-postgres.md``, ``./adr_0002.md``, ``../adr/0003%20cache.md``)."""
    found = set()
    for link in document.links:
        written = unquote(link.path.partition("?")[0]).replace("\\", "/")
        if not written or link.elsewhere or written.startswith("/"):
            continue
        found.add(Path(os.path.normpath(folder / written)))
    return frozenset(found)


def chapters(pack: Pack) -> tuple[SectionSpec, ...]:
    """The pack's top-level sections that a set must hold."""
    return pack.chapters


def held(document: Document, pack: Pack) -> tuple[str, ...]:
    """The chapters (top-level sections) of the pack that the document holds by a
    heading of the chapter's very title (or an alias): a reworded heading, good enough
    inside a chapter, is not enough to call a file a chapter of the set."""
    return _held(document, pack)[0]


def _held(document: Document, pack: Pack) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The chapters the document holds under their very titles, and those it holds
    under a reworded title at its top level that rewords no other chapter."""
    exact: list[str] = []
    reworded: list[str] = []
    top = min((heading.level for heading in document.headings), default=0)
    for placement in outline.place(document, pack):
        section = placement.section
        if section is None or placement.spec.repeatable:
            continue
        if outline.exactly(placement.spec, section):
            exact.append(placement.spec.title)
        elif section.level == top and _rewords_only(section.title, placement.spec, pack):
            reworded.append(placement.spec.title)
    return tuple(exact), tuple(reworded)


def _rewords_only(title: str, spec: SectionSpec, pack: Pack) -> bool:
    """Is ``title`` a rewording of this chapter and of no other of the pack's?"""
    return not any(other is not spec and any(
        titles.loosely_matches(name, title) for name in (other.title, *other.aliases))
        for other in chapters(pack))


def by_name(path: Path, pack: Pack) -> tuple[str, ...]:
    """The chapter the file's name stands for, if any (``05_building_block_view.md``)."""
    name = _NAME_NUMBER.sub("", path.stem).replace("_", " ").replace("-", " ").strip()
    if not name:
        return ()
    for spec in chapters(pack):
        if any(titles.matches(title, name) for title in (spec.title, *spec.aliases)):
            return (spec.title,)
    return ()


def is_part(held_titles: tuple[str, ...], pack: Pack) -> bool:
    """Does a file holding these chapters hold some of them, but not most?"""
    count = len(set(held_titles) & {spec.title for spec in chapters(pack)})
    return 0 < count and count * 2 <= len(chapters(pack))


def _most(held_titles: tuple[str, ...], pack: Pack) -> bool:
    """Do these chapters make up more than half of what the pack requires?"""
    expected = {spec.title for spec in chapters(pack)}
    return bool(expected) and len(set(held_titles) & expected) * 2 > len(expected)


def lists_records(pack: Pack) -> bool:
    """Is the pack one of one document per file, whose folders of records an index may
    list?"""
    return not pack.chapter_files and len(chapters(pack)) >= 2


def looks_around(path: Path, pack: Pack) -> bool:
    """Does finding the set of ``path`` under ``pack`` read other files: the pack's
    chapters may be files, or the file is an index (``index.md``, ``README.md``)?"""
    if pack.chapter_files:
        return len(chapters(pack)) >= 3
    return path.stem.casefold() in _INDEX_NAMES and len(chapters(pack)) >= 2


Reader = Callable[[Path], tuple[Document | None, str | None]]


class SetIndex:
    """The sets the checked files belong to, each found once per pack."""

    def __init__(self, style: AnchorStyle = AnchorStyle.GITHUB,
                 reader: Reader | None = None) -> None:
        self._style = style
        self._read = reader or self._read_file
        self._members: dict[tuple[Path, str], Member] = {}
        self._sets: dict[tuple[Path, str], DocSet | None] = {}
        self._listings: dict[tuple[Path, str], Listing] = {}
        self._indexes: dict[Path, tuple[Path, ...]] = {}  # a folder's index files

    def _read_file(self, path: Path) -> tuple[Document | None, str | None]:
        read = reading.read(path, self._style, links_only=True)
        return read.document, read.digest

    def forget(self, path: Path) -> None:
        """Read the file again when next needed (an editor saved it), and find again
        every set and index, which it may have changed."""
        path = path.resolve()
        self._members = {key: m for key, m in self._members.items() if key[0] != path}
        self._sets.clear()
        self._listings.clear()
        self._indexes.clear()

    def member(self, path: Path, pack: Pack) -> Member:
        key = (path, pack.name)
        if key not in self._members:
            document, digest = self._read(path)
            found, reworded = _held(document, pack) if document is not None else ((), ())
            self._members[key] = Member(
                path, found or by_name(path, pack), digest, reworded,
                _linked(document, path.parent) if document is not None else frozenset())
        return self._members[key]

    def set_of(self, path: Path, pack: Pack) -> DocSet | None:
        """The set the file at ``path`` belongs to under ``pack``, if any (None also when
        the file is a document of its own, holding most chapters). Under a pack of one
        document per file, only an index has a set: the folder of records it is the
        index of."""
        if not looks_around(path, pack):
            return None
        path = path.resolve()
        if not path.is_file():
            return None
        if not pack.chapter_files:
            return self._records(path, pack)
        own = self.member(path, pack)
        if own.chapters and not is_part(own.chapters, pack):
            return None
        folder = path.parent
        for _ in range(_DEPTH + 1):
            found = self._set_at(folder, pack)
            if found is not None:
                return found if any(m.path == path for m in found.members) else None
            if folder.parent == folder:
                break
            folder = folder.parent
        return None

    def listing_of(self, path: Path, pack: Pack) -> Listing | None:
        """The folder of records beside the file at ``path`` and its index (``index.md``,
        ``README.md``; of two, the one that links more records), under a pack of one
        document per file; None when the folder has no index, or the file is one."""
        if not lists_records(pack):
            return None
        path = path.resolve()
        indexes = self.indexes_in(path.parent)
        if not indexes or path in indexes:
            return None
        for index in indexes:
            if (index, pack.name) not in self._listings:
                self._listings[(index, pack.name)] = self._listing(index, pack)
        return max((self._listings[(index, pack.name)] for index in indexes),
                   key=lambda listing: len(listing.listed))

    def indexes_in(self, folder: Path) -> tuple[Path, ...]:
        """The Markdown files of the folder named like an index (each folder listed
        once)."""
        if folder not in self._indexes:
            self._indexes[folder] = tuple(p for p in _markdown_files(folder)
                                          if p.stem.casefold() in _INDEX_NAMES)
        return self._indexes[folder]

    def _listing(self, index: Path, pack: Pack) -> Listing:
        own = self.member(index, pack)
        beside = [self.member(path, pack) for path in _markdown_files(index.parent)
                  if path != index]
        records: tuple[Path, ...] = ()
        if not _most(own.chapters, pack):  # an index that is no record itself
            records = tuple(m.path for m in beside if _most(m.chapters, pack)
                            and not named_like_a_template(m.path.name))
        return Listing(index, records, frozenset(p for p in records if p in own.linked),
                       (own, *beside))

    def _records(self, index: Path, pack: Pack) -> DocSet | None:
        """The folder ``index`` is the index of: two or more files beside it hold most
        of the pack's sections (records), and the index itself does not."""
        beside = [path for path in _markdown_files(index.parent) if path != index]
        if len(beside) < 2:  # nothing to read: no folder of records
            return None
        records = [m for m in (self.member(path, pack) for path in beside)
                   if _most(m.chapters, pack)]
        if len(records) < 2:
            return None
        own = self.member(index, pack)
        if _most(own.chapters, pack):
            return None
        return DocSet(index.parent, pack.name, (), (own, *records), index,
                      (index.parent,), records=True)

    def _set_at(self, root: Path, pack: Pack) -> DocSet | None:
        key = (root, pack.name)
        if key not in self._sets:
            self._sets[key] = self._find(root, pack)
        return self._sets[key]

    def _find(self, root: Path, pack: Pack) -> DocSet | None:
        direct = [self.member(path, pack) for path in _markdown_files(root)]
        parts = [m for m in direct if is_part(m.chapters, pack)]
        if len(parts) < 2:
            return None
        folders = [root]
        members = list(direct)
        for folder in _folders(root, _DEPTH - 1):
            folders.append(folder)
            members += [self.member(path, pack) for path in _markdown_files(folder)]
        members = [m for m in members if not m.chapters or is_part(m.chapters, pack)]
        members.sort(key=lambda m: m.path)
        index = next((m.path for m in direct if m.path.stem.casefold() in _INDEX_NAMES), None)
        reporter = index or min(m.path for m in parts)
        return DocSet(root, pack.name, tuple(spec.title for spec in chapters(pack)),
                      tuple(members), reporter, tuple(folders))


def _markdown_files(folder: Path) -> list[Path]:
    try:
        return sorted(entry for entry in folder.iterdir() if entry.is_file()
                      and entry.name.lower().endswith(reading.MARKDOWN_SUFFIXES))
    except OSError:
        return []


def _folders(root: Path, depth: int) -> Iterator[Path]:
    """The sub-folders of ``root`` down to ``depth`` levels below its children, hidden
    ones left out."""
    try:
        children = sorted(entry for entry in root.iterdir()
                          if entry.is_dir() and not entry.name.startswith("."))
    except OSError:
        return
    for child in children:
        yield child
        if depth > 0:
            yield from _folders(child, depth - 1)
