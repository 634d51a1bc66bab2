"""What changed between two overviews (``archlint report --since REF`` or
``--compare BASELINE``): per document, its completeness before and after, the sections
that became done (or stopped being done), and the findings fixed and new.

Findings are matched by fingerprint (file, rule, message and the text of their line,
not the line number), so a finding that only moved is neither fixed nor new; sections
by title within their document.
"""

from __future__ import annotations

from collections import Counter

from archlint.frozen import frozen
from archlint.report.overview import Card, Finding, Overview, Section


@frozen
class DocumentChange:
    name: str
    before: float | None  # its completeness then; None when it is new
    after: float | None  # now; None when it is gone
    became_done: tuple[str, ...]
    no_longer_done: tuple[str, ...]
    fixed: tuple[Finding, ...]
    new: tuple[Finding, ...]

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name,
                "before": None if self.before is None else round(self.before, 4),
                "after": None if self.after is None else round(self.after, 4),
                "became_done": list(self.became_done),
                "no_longer_done": list(self.no_longer_done),
                "fixed": [f.as_dict() for f in self.fixed],
                "new": [f.as_dict() for f in self.new]}


@frozen
class Line:
    """One line of the change list: ``kind`` is "overall", "document", "done",
    "undone", "fixed" or "new"."""

    kind: str
    text: str


@frozen
class Changes:
    since: str  # the revision or baseline compared with
    before: float
    after: float
    documents: tuple[DocumentChange, ...]  # only those where something changed

    @property
    def fixed(self) -> int:
        return sum(len(d.fixed) for d in self.documents)

    @property
    def new(self) -> int:
        return sum(len(d.new) for d in self.documents)

    @property
    def became_done(self) -> int:
        return sum(len(d.became_done) for d in self.documents)

    def lines(self) -> list[Line]:
        lines = [Line("overall", f"Overall {_percent(self.before)} → {_percent(self.after)}: "
                                 f"{self.became_done} sections became done, "
                                 f"{self.fixed} findings fixed, {self.new} new")]
        for document in self.documents:
            lines.append(Line("document", f"{document.name}: {_percent(document.before)} → "
                                          f"{_percent(document.after)}"))
            lines += [Line("done", f"became done: {title}") for title in document.became_done]
            lines += [Line("undone", f"no longer done: {title}")
                      for title in document.no_longer_done]
            lines += [Line("fixed", f"fixed {_finding(f)}") for f in document.fixed]
            lines += [Line("new", f"new {_finding(f)}") for f in document.new]
        return lines

    def as_dict(self) -> dict[str, object]:
        return {"since": self.since, "before": round(self.before, 4),
                "after": round(self.after, 4),
                "documents": [d.as_dict() for d in self.documents]}


def _percent(share: float | None) -> str:
    return "absent" if share is None else f"{share:.0%}"


def _finding(finding: Finding) -> str:
    return f"{finding.code} line {finding.line}: {finding.message}"


def _keyed(sections: tuple[Section, ...]) -> dict[tuple[str, int, int], Section]:
    """Sections by title, level and which of that title they are."""
    seen: Counter[tuple[str, int]] = Counter()
    keyed = {}
    for section in sections:
        seen[section.title, section.level] += 1
        keyed[section.title, section.level, seen[section.title, section.level]] = section
    return keyed


def _findings_apart(old: tuple[Finding, ...], new: tuple[Finding, ...]
                    ) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """The findings of ``old`` not in ``new`` (fixed) and of ``new`` not in ``old``."""
    then, now = Counter(f.fingerprint for f in old), Counter(f.fingerprint for f in new)
    return _take(old, then - now), _take(new, now - then)


def _take(findings: tuple[Finding, ...], wanted: Counter[str]) -> tuple[Finding, ...]:
    left = Counter(wanted)
    taken = []
    for finding in findings:
        if left[finding.fingerprint] > 0:
            left[finding.fingerprint] -= 1
            taken.append(finding)
    return tuple(taken)


def _document(name: str, old: Card | None, new: Card | None) -> DocumentChange:
    before_sections = _keyed(old.sections) if old else {}
    after_sections = _keyed(new.sections) if new else {}
    became = tuple(s.title for key, s in after_sections.items() if s.state == "done"
                   and old is not None and getattr(before_sections.get(key), "state", "")
                   != "done")
    undone = tuple(s.title for key, s in before_sections.items() if s.state == "done"
                   and new is not None and getattr(after_sections.get(key), "state", "")
                   != "done")
    fixed, added = _findings_apart(old.findings if old else (), new.findings if new else ())
    return DocumentChange(name, old.completeness if old else None,
                          new.completeness if new else None, became, undone, fixed, added)


def compare(before: Overview, after: Overview, since: str) -> Changes:
    """What changed from ``before`` to ``after``, documents in ``after``'s order (least
    finished first), then those that are gone."""
    old = {card.name: card for card in before.documents}
    new = {card.name: card for card in after.documents}
    names = [*new, *(name for name in old if name not in new)]
    documents = []
    for name in names:
        change = _document(name, old.get(name), new.get(name))
        if (change.before != change.after or change.became_done or change.no_longer_done
                or change.fixed or change.new):
            documents.append(change)
    return Changes(since, before.completeness, after.completeness, tuple(documents))
