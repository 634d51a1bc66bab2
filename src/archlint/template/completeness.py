"""How complete a document is: per section a state, per document a figure.

The figure is the share of expected sections (required by the rule pack, and whose
parent is present) that are there *and* hold text of the author's own; template text
never counts. Without a pack, every section under the title counts.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from archlint.model import BlockKind, Document, Section, TextBlock
from archlint.template import classify, outline
from archlint.template.packs import Pack


class State(enum.Enum):
    DONE = "done"
    PROMPT_ONLY = "prompt-only"
    EMPTY = "empty"
    MISSING = "missing"
    EXAMPLE_LEFT = "example-left"


@dataclass(frozen=True, slots=True)
class SectionStatus:
    title: str
    level: int
    required: bool
    state: State
    line: int | None

    def as_dict(self) -> dict[str, object]:
        return {"title": self.title, "level": self.level, "required": self.required,
                "state": self.state.value, "line": self.line}


@dataclass(frozen=True, slots=True)
class DocumentStatus:
    path: str
    pack: str | None
    sections: tuple[SectionStatus, ...]

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
        return {"path": self.path, "pack": self.pack,
                "completeness": round(self.completeness, 4), "required": self.expected,
                "done": self.done, "sections": [s.as_dict() for s in self.sections]}


def _state(section: Section, classified: classify.Classified, examples: set[int]) -> State:
    if section.line in examples:
        return State.EXAMPLE_LEFT
    if classify.has_content(section, classified):
        return State.DONE
    if any(block.kind in (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL)
           for s in section.walk() for block in s.blocks):
        return State.PROMPT_ONLY
    return State.EMPTY


def assess(document: Document, pack: Pack | None, classified: classify.Classified,
           placements: Sequence[outline.Placement],
           examples: Iterable[tuple[Section, TextBlock]], path: str) -> DocumentStatus:
    """The document's status: ``classified`` is which of its text is template text,
    ``placements`` where its pack's sections stand, ``examples`` its example sections
    (all three as :class:`archlint.analysis.DocumentAnalysis` works them out)."""
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
    for placement in outline.walk(placements):
        spec, section = placement.spec, placement.section
        if section is None:
            if placement.missing:  # a bold question, an unwrapped outline: untold
                statuses.append(SectionStatus(spec.title, spec.level, True, State.MISSING, None))
            continue
        statuses.append(SectionStatus(spec.title, spec.level, placement.expected,
                                      _state(section, classified, left), section.line))
    return DocumentStatus(path, pack.name, tuple(statuses))
