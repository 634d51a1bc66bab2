"""How complete a document is: per section a state, per document a figure.

The figure is the share of expected sections (required by the rule pack, and whose
parent is present) that are there *and* hold text of the author's own; template text
never counts. Without a pack, every section under the title counts.

A document that is part of a documentation set (a folder of chapter files) answers
for the chapters the set counts from it (a heading below a file's top that rewords a
chapter is none); the chapters no file of the set holds are missing on the set's index
(or first file), and :func:`sets` sums the set up.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from pathlib import Path

from archlint.frozen import frozen
from archlint.model import BlockKind, Document, Section, TextBlock
from archlint.template import classify, outline
from archlint.template.docsets import DocSet
from archlint.template.packs import Pack


class State(enum.Enum):
    DONE = "done"
    PROMPT_ONLY = "prompt-only"
    EMPTY = "empty"
    MISSING = "missing"
    UNRECOGNISED = "unrecognised"  # not under its title; a heading of the author's own
    #                                stands where it would (its line is that heading's)
    EXAMPLE_LEFT = "example-left"


@frozen
class SectionStatus:
    title: str
    level: int
    required: bool
    state: State
    line: int | None
    chapter: bool = False  # a top-level section of the pack
    # the author's own heading that stands for it (a heading its guidance names)
    heading: str | None = None

    def as_dict(self) -> dict[str, object]:
        found: dict[str, object] = {
            "title": self.title, "level": self.level, "required": self.required,
            "state": self.state.value, "line": self.line}
        if self.heading is not None:
            found["heading"] = self.heading
        return found


@frozen
class SetInfo:
    """The documentation set a document belongs to."""

    root: str  # the set's folder, as the document's path is shown
    chapters: tuple[str, ...]  # the chapters its pack requires
    missing: tuple[str, ...]  # those no file of the set holds
    held: tuple[str, ...] = ()  # those some file of the set holds
    own: tuple[str, ...] = ()  # those the set counts from this file (by heading or name)


@frozen
class DocumentStatus:
    path: str
    pack: str | None
    sections: tuple[SectionStatus, ...]
    prompts_known: bool = True  # False: the pack's prompts paraphrase its template
    docset: SetInfo | None = None
    language: str | None = None  # set when the pack does not know titles in it
    template: bool = False  # named like a template: no document to assess

    @property
    def expected(self) -> int:
        return sum(1 for s in self.sections if s.required)

    @property
    def done(self) -> int:
        return sum(1 for s in self.sections if s.required and s.state is State.DONE)

    @property
    def completeness(self) -> float:
        return self.done / self.expected if self.expected else 1.0

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "path": self.path, "pack": self.pack,
            "completeness": round(self.completeness, 4), "required": self.expected,
            "done": self.done, "sections": [s.as_dict() for s in self.sections]}
        if not self.prompts_known:
            data["prompts_known"] = False
        if self.docset is not None:
            data["set"] = self.docset.root
        if self.language is not None:
            data["titles_unknown_in"] = self.language
        if self.template:
            data["template"] = True
        return data


@frozen
class SetStatus:
    """A documentation set summed up from the statuses of its files."""

    root: str
    pack: str | None
    files: int  # how many of its files were assessed
    chapters: tuple[str, ...]
    present: tuple[str, ...]  # chapters some file of the set holds
    done: tuple[str, ...]  # those an assessed file holds with text of its own
    missing: tuple[str, ...]  # chapters no file of the set holds

    def as_dict(self) -> dict[str, object]:
        return {"set": self.root, "pack": self.pack, "files": self.files,
                "chapters": len(self.chapters), "present": list(self.present),
                "done": list(self.done), "missing": list(self.missing)}


def sets(statuses: Sequence[DocumentStatus]) -> list[SetStatus]:
    """The documentation sets among ``statuses``, each summed up once."""
    grouped: dict[str, list[DocumentStatus]] = {}
    for status in statuses:
        if status.docset is not None:
            grouped.setdefault(status.docset.root, []).append(status)
    summaries = []
    for root, members in grouped.items():
        info = members[0].docset
        assert info is not None
        held = set(info.held)
        done = {s.title for m in members for s in m.sections
                if s.chapter and s.state is State.DONE} & held
        summaries.append(SetStatus(
            root, members[0].pack, len(members), info.chapters,
            tuple(t for t in info.chapters if t in held),
            tuple(t for t in info.chapters if t in done), info.missing))
    return summaries


def _state(section: Section, classified: classify.Classified, examples: set[int]) -> State:
    if section.line in examples:
        return State.EXAMPLE_LEFT
    if classify.has_content(section, classified):
        return State.DONE
    if any(block.kind in (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL)
           for s in section.walk() for block in s.blocks):
        return State.PROMPT_ONLY
    return State.EMPTY


def _own(docset: DocSet, path: str | None) -> frozenset[str] | None:
    """The chapters the set counts from the file at ``path`` (None: not one of its
    files)."""
    if path is None:
        return None
    resolved = Path(path).resolve()
    member = next((m for m in docset.members if m.path == resolved), None)
    return None if member is None else frozenset((*member.chapters, *member.reworded))


def assess(document: Document, pack: Pack | None, classified: classify.Classified,
           placements: Sequence[outline.Placement],
           examples: Iterable[tuple[Section, TextBlock]], path: str,
           docset: DocSet | None = None, set_root: str = "",
           language: str | None = None) -> DocumentStatus:
    """The document's status: ``classified`` is which of its text is template text,
    ``placements`` where its pack's sections stand, ``examples`` its example sections
    (all three as :class:`archlint.analysis.DocumentAnalysis` works them out);
    ``docset`` the documentation set it is part of, shown as ``set_root``; ``language``
    the document's language, when it can be told."""
    left = {section.line for section, _ in examples}
    statuses: list[SectionStatus] = []
    if pack is None:
        for section in document.sections():
            heading = section.heading
            assert heading is not None
            if heading.level == 1 and heading.line == document.headings[0].line:
                continue
            statuses.append(SectionStatus(heading.text, heading.level, True,
                                          _state(section, classified, left), heading.line))
        return DocumentStatus(path, None, tuple(statuses))
    if docset is not None and docset.records:  # the index of a folder of records
        return DocumentStatus(path, pack.name, (), pack.prompts_known)
    if not pack.knows_titles_in(language):  # its sections' titles cannot be told
        return DocumentStatus(path, pack.name, (), pack.prompts_known, language=language)
    own = _own(docset, document.path) if docset is not None else None
    if own is not None:
        # what the set counts from the file: a decision record in chapter 9's folder,
        # whose "## Context" rewords "Context and Scope" inside it, holds no chapter
        placements = tuple(p for p in placements if p.section is None or p.spec.title in own)
    top = {id(p) for p in placements}
    few = outline.another_kind(document, pack, placements, docset is not None) is not None
    for placement in outline.walk(placements):
        spec, section = placement.spec, placement.section
        chapter = id(placement) in top
        if section is None and placement.standin is not None:
            # under a heading of the author's own that the section's guidance names
            standin = placement.standin
            statuses.append(SectionStatus(spec.title, spec.level, placement.expected,
                                          _state(standin, classified, left), standin.line,
                                          chapter, standin.title))
            continue
        if section is None:
            # a bold question, an unwrapped outline: untold; a chapter of a set: its own
            if placement.missing and not (chapter and docset is not None):
                perhaps = None if few else placement.perhaps
                statuses.append(SectionStatus(
                    spec.title, spec.level, True,
                    State.MISSING if perhaps is None else State.UNRECOGNISED,
                    None if perhaps is None else perhaps.line, chapter))
            continue
        # a slot (``<Concept 1>``) is told by the author's own title for it
        title = section.title if spec.repeatable else spec.title
        statuses.append(SectionStatus(title, spec.level, placement.expected,
                                      _state(section, classified, left), section.line,
                                      chapter))
    info = None
    if docset is not None:
        info = SetInfo(set_root, docset.expected, docset.missing,
                       tuple(t for t in docset.expected if t in docset.chapters),
                       tuple(t for t in docset.expected if own and t in own))
        if document.path is not None and Path(document.path).resolve() == docset.reporter:
            level = min((p.spec.level for p in placements), default=1)
            statuses += [SectionStatus(title, level, True, State.MISSING, None, True)
                         for title in docset.missing]
    return DocumentStatus(path, pack.name, tuple(statuses), pack.prompts_known, info)
