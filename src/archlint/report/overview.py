"""What ``archlint report`` shows, as values: one card per document (and per document
set), least finished first, and the summary of them all. Every format of the report
(terminal, JSON, HTML) draws this same picture; :mod:`.gather` makes it from a run.

A card is made from what the engine already knows: a document's
:class:`~archlint.template.completeness.DocumentStatus` (its sections in template order,
each with a state) and the diagnostics found in it. A documentation set (a folder of
chapter files, :mod:`archlint.template.docsets`) is a card too, made by :func:`set_card`
from its summary (:func:`archlint.template.completeness.sets`) and its documents' cards:
its chapters, each done, missing or as the file holding it has it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from archlint.diagnostics import Diagnostic
from archlint.frozen import frozen

if TYPE_CHECKING:
    from archlint.report.changes import Changes
    from archlint.rule import Rule
    from archlint.template.completeness import DocumentStatus, SectionStatus, SetStatus

SCHEMA_VERSION = 2  # 2: the section state "unrecognised"
READABLE_VERSIONS = (1, 2)  # an earlier report compared with (--compare)

# A section's states, in the order the report lists them (the template's own words).
SECTION_STATES = ("done", "prompt-only", "empty", "unrecognised", "missing", "example-left")
# A card's states, least finished first.
CARD_STATES = ("unreadable", "not-started", "in-progress", "complete")
# How a card's state reads in a sentence.
CARD_WORDS = {"unreadable": "unreadable", "not-started": "not started",
              "in-progress": "in progress", "complete": "complete"}


@frozen
class Section:
    title: str
    level: int
    required: bool
    state: str  # one of SECTION_STATES
    line: int | None

    @property
    def where(self) -> str | None:
        """Where it is, in words: "line 4"; for an unrecognised section, the heading
        that may be it: "perhaps line 4"."""
        if self.line is None:
            return None
        return f"perhaps line {self.line}" if self.state == "unrecognised" else f"line {self.line}"

    @classmethod
    def of(cls, status: SectionStatus) -> Section:
        return cls(status.title, status.level, status.required, status.state.value,
                   status.line)

    def as_dict(self) -> dict[str, object]:
        return {"title": self.title, "level": self.level, "required": self.required,
                "state": self.state, "line": self.line}


@frozen
class Finding:
    path: str
    line: int
    column: int
    code: str
    name: str
    severity: str
    message: str
    fingerprint: str

    @classmethod
    def of(cls, diagnostic: Diagnostic) -> Finding:
        return cls(diagnostic.path, diagnostic.line, diagnostic.column, diagnostic.code,
                   diagnostic.name, diagnostic.severity.value, diagnostic.message,
                   diagnostic.fingerprint)

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "column": self.column,
                "code": self.code, "name": self.name, "severity": self.severity,
                "message": self.message, "fingerprint": self.fingerprint}


@frozen
class Card:
    """A document (``kind`` "document", ``name`` its path) or a documentation set
    (``kind`` "set", ``members`` the paths of its documents)."""

    kind: str
    name: str
    pack: str | None
    readable: bool
    sections: tuple[Section, ...]
    findings: tuple[Finding, ...]
    members: tuple[str, ...] = ()

    @property
    def expected(self) -> int:
        return sum(1 for s in self.sections if s.required)

    @property
    def done(self) -> int:
        return sum(1 for s in self.sections if s.required and s.state == "done")

    @property
    def completeness(self) -> float:
        """The share of expected sections done (0 for an unreadable document, 1 for a
        document that expects none)."""
        if not self.readable:
            return 0.0
        return self.done / self.expected if self.expected else 1.0

    @property
    def state(self) -> str:
        if not self.readable:
            return "unreadable"
        if self.done == self.expected:
            return "complete"
        return "in-progress" if self.done else "not-started"

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "name": self.name, "pack": self.pack,
                "state": self.state, "completeness": round(self.completeness, 4),
                "required": self.expected, "done": self.done,
                "sections": [s.as_dict() for s in self.sections],
                "findings": [f.as_dict() for f in self.findings],
                "members": list(self.members)}


@frozen
class RuleSummary:
    code: str
    name: str
    severity: str
    summary: str  # the rule's one-line summary

    @classmethod
    def of(cls, rule: Rule) -> RuleSummary:
        return cls(rule.code, rule.name, rule.severity.value,
                   rule.summary.split(":", 1)[-1].strip())

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "name": self.name, "severity": self.severity,
                "summary": self.summary}


@frozen
class Overview:
    """Every card, least finished first, and the rules that ran."""

    cards: tuple[Card, ...]
    rules: tuple[RuleSummary, ...]
    files_checked: int

    @property
    def documents(self) -> tuple[Card, ...]:
        return tuple(card for card in self.cards if card.kind == "document")

    @property
    def sets(self) -> tuple[Card, ...]:
        return tuple(card for card in self.cards if card.kind == "set")

    @property
    def expected(self) -> int:
        return sum(card.expected for card in self.documents)

    @property
    def done(self) -> int:
        return sum(card.done for card in self.documents)

    @property
    def completeness(self) -> float:
        """Sections done of sections expected, over every readable document."""
        return self.done / self.expected if self.expected else 1.0

    def documents_by_state(self) -> dict[str, int]:
        return _count((card.state for card in self.documents), CARD_STATES)

    def sets_by_state(self) -> dict[str, int]:
        return _count((card.state for card in self.sets), CARD_STATES)

    def sections_by_state(self) -> dict[str, int]:
        """Every section of every document by state (optional ones included)."""
        return _count((s.state for card in self.documents for s in card.sections),
                      SECTION_STATES)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for card in self.documents for f in card.findings)

    def findings_by_rule(self) -> list[tuple[RuleSummary, int]]:
        """How many findings each rule made, most first (rules with none left out)."""
        counts = Counter(f.code for f in self.findings)
        known = {rule.code: rule for rule in self.rules}
        for finding in self.findings:  # a rule that is not among those that ran
            known.setdefault(finding.code, RuleSummary(finding.code, finding.name,
                                                       finding.severity, ""))
        return sorted(((known[code], count) for code, count in counts.items()),
                      key=lambda item: (-item[1], item[0].code))

    def rule(self, code: str) -> RuleSummary | None:
        return next((rule for rule in self.rules if rule.code == code), None)

    def as_dict(self) -> dict[str, object]:
        return {
            "version": SCHEMA_VERSION,
            "tool": "archlint",
            "summary": {
                "completeness": round(self.completeness, 4),
                "required": self.expected,
                "done": self.done,
                "files_checked": self.files_checked,
                "documents": len(self.documents),
                "sets": len(self.sets),
                "documents_by_state": self.documents_by_state(),
                "sets_by_state": self.sets_by_state(),
                "sections_by_state": self.sections_by_state(),
                "findings": len(self.findings),
                "findings_by_rule": [{"code": rule.code, "name": rule.name, "count": count}
                                     for rule, count in self.findings_by_rule()],
            },
            "rules": [rule.as_dict() for rule in self.rules],
            "cards": [card.as_dict() for card in self.cards],
        }


@frozen
class View:
    """How the report is to be shown: in colour or not, how wide, with the changes since
    a revision or baseline, from which folder (for the HTML page's links)."""

    color: bool = False
    width: int = 80
    changes: Changes | None = None
    base: Path | None = None


def _count(values: Iterable[str], order: Sequence[str]) -> dict[str, int]:
    counts = Counter(values)
    return {state: counts[state] for state in order}


def document_card(path: str, status: DocumentStatus | None,
                  diagnostics: Iterable[Diagnostic]) -> Card:
    """A document's card: its status (None when it could not be read) and findings."""
    findings = tuple(Finding.of(d) for d in diagnostics)
    if status is None:
        return Card("document", path, None, False, (), findings)
    return Card("document", path, status.pack, True,
                tuple(Section.of(s) for s in status.sections), findings)


def set_card(status: SetStatus, members: Sequence[tuple[DocumentStatus, Card]]) -> Card:
    """A documentation set's card: its chapters in template order, each done, missing
    (no file of the set holds it) or as the file that holds it has it; and the findings
    of its documents."""
    states: dict[str, str] = {}
    for document, _ in members:
        for section in document.sections:
            if section.chapter and section.title in status.present:
                states.setdefault(section.title, section.state.value)
    sections = tuple(
        Section(title, 1, True, "done" if title in status.done
                else "missing" if title not in status.present
                else states.get(title, "empty"), None)
        for title in status.chapters)
    return Card("set", status.root + "/", status.pack, True, sections,
                tuple(f for _, card in members for f in card.findings),
                tuple(card.name for _, card in members))


def least_finished_first(cards: Iterable[Card]) -> tuple[Card, ...]:
    """Unreadable first, then by completeness, the most findings first among equals."""
    return tuple(sorted(cards, key=lambda c: (c.readable, c.completeness, -len(c.findings),
                                              c.kind != "set", c.name)))


def build(statuses: Sequence[tuple[str, DocumentStatus | None]],
          diagnostics: Iterable[Diagnostic], rules: Iterable[Rule], files_checked: int
          ) -> Overview:
    """The overview of documents (``statuses``: each path with its status, None when
    it could not be read), the documentation sets they make up, the diagnostics of the
    run, and the rules that ran."""
    from archlint.template.completeness import sets

    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    documents = [document_card(path, status, by_path.get(path, ()))
                 for path, status in statuses]
    assessed = [(status, card) for (_, status), card in zip(statuses, documents)
                if status is not None]
    set_cards = [set_card(summary, [(status, card) for status, card in assessed
                                    if status.docset and status.docset.root == summary.root])
                 for summary in sets([status for status, _ in assessed])]
    return Overview(least_finished_first([*set_cards, *documents]),
                    tuple(RuleSummary.of(rule) for rule in rules), files_checked)


def json_text(overview: Overview, changes: Changes | None = None) -> str:
    """The overview as JSON, with the changes when there are (the schema:
    ``report-schema.json`` beside this module)."""
    data = overview.as_dict()
    if changes is not None:
        data["changes"] = changes.as_dict()
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def from_dict(data: dict) -> Overview:
    """An overview read back from its JSON (a ValueError, KeyError or TypeError if it is
    not one)."""
    if data.get("version") not in READABLE_VERSIONS or data.get("tool") != "archlint":
        raise ValueError(f"not an archlint report of version "
                         f"{' or '.join(map(str, READABLE_VERSIONS))}")
    cards = tuple(Card(c["kind"], c["name"], c["pack"], c["state"] != "unreadable",
                       tuple(Section(**s) for s in c["sections"]),
                       tuple(Finding(**f) for f in c["findings"]), tuple(c["members"]))
                  for c in data["cards"])
    return Overview(cards, tuple(RuleSummary(**r) for r in data["rules"]),
                    data["summary"]["files_checked"])
