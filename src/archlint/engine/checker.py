"""Checking one document: the rules that run on it, each given the document, its
options and its context; suppression comments honoured; each problem stamped with the
rule's code, name and severity, and a fingerprint."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from archlint.analysis import DocumentAnalysis
from archlint.config import Configuration
from archlint.diagnostics import Diagnostic, Problem
from archlint.digests import sha256
from archlint.engine import files, suppressions
from archlint.engine.cache import (
    Dependencies,
    RecordingAnchors,
    RecordingFiles,
    RecordingSets,
)
from archlint.engine.packchoice import PackChoice
from archlint.engine.reader import Reader, Source
from archlint.engine.selection import RuleSet
from archlint.links.index import AnchorIndex
from archlint.model import Document
from archlint.paths import real
from archlint.rule import Context, Disk, Rule
from archlint.template.textsettings import TemplateText

if TYPE_CHECKING:
    from archlint.template.docsets import DocSet, Listing, SetIndex
    from archlint.template.packs import Pack


class Checker:
    __slots__ = ("configuration", "rules", "packs", "anchors", "template_text", "reader",
                 "_sets")

    def __init__(self, configuration: Configuration, rules: RuleSet, packs: PackChoice,
                 anchors: AnchorIndex, template_text: TemplateText, reader: Reader,
                 sets: SetIndex | None = None) -> None:
        self.configuration, self.rules, self.packs = configuration, rules, packs
        self.anchors, self.template_text, self.reader = anchors, template_text, reader
        self._sets = sets

    @property
    def sets(self) -> SetIndex:
        """The documentation sets of the checked files, each found once; made when
        first asked for (only a document with a pack is), so that a check of others
        does not import them."""
        if self._sets is None:
            from archlint.template.docsets import SetIndex  # here: see above

            self._sets = SetIndex(self.configuration.settings.anchor_style)
        return self._sets

    # The checker stands for its sets in each Context (rule.Sets), so that they are
    # made only when a rule asks.
    def set_of(self, path: Path, pack: Pack) -> DocSet | None:
        return self.sets.set_of(path, pack)

    def listing_of(self, path: Path, pack: Pack) -> Listing | None:
        return self.sets.listing_of(path, pack)

    def check(self, source: Source, record: Dependencies | None = None) -> list[Diagnostic]:
        """The findings in a source: AL001 when it is no document."""
        document = source.read.document
        if document is None:
            return self.reader.unreadable(source)
        if document.path is not None:
            self.anchors.add(Path(document.path), document.anchor_names, source.read.digest)
        return self.check_document(document, source.display, source.relative, record)

    def analysis(self, document: Document, relative: str | None) -> DocumentAnalysis:
        """What the document's rules share: its pack, its template text and the rest."""
        return DocumentAnalysis(document, self.packs.pack_for(document, relative),
                                self.template_text)

    def check_document(self, document: Document, display: str, relative: str | None,
                       record: Dependencies | None = None) -> list[Diagnostic]:
        folder = Path(document.path).parent if document.path else None
        disk, anchors, sets = Disk(), self.anchors, self
        if record is not None:
            disk, anchors = RecordingFiles(disk, record), RecordingAnchors(anchors, record)
            sets = RecordingSets(sets, record)
        root = self.root_for(folder)
        analysis = self.analysis(document, relative)
        if record is not None:
            record.unpacked = analysis.pack is None
        context = Context(analysis, folder=folder, root=root,
                          files=disk, anchors=anchors,
                          anchor_style=self.configuration.settings.anchor_style, sets=sets,
                          boundary=root or self._boundary_for(folder))
        suppressed = suppressions.collect(document.comments, self.rules.known,
                                          document.line_count)
        found: list[tuple[Problem, Rule]] = []
        for rule in self.rules.for_path(relative):
            for problem in rule.check(document, self.rules.options_of(rule), context):
                if not suppressed.covers(problem.line, rule.code):
                    found.append((problem, rule))
        found.sort(key=lambda item: (item[0].line, item[0].column, item[1].code,
                                     item[0].message))
        return _stamped(found, display, document.lines, relative or display)

    def root_for(self, folder: Path | None) -> Path | None:
        """The project a document belongs to, where links starting with ``/`` lead: the
        configuration file's folder if the document is in it, or else the git work tree
        the document is in."""
        if folder is None:
            return None
        if self.configuration.path is not None and files.relative_to(
                folder, self.configuration.root) is not None:
            return self.configuration.root
        return files.git_root(folder)

    def _boundary_for(self, folder: Path | None) -> Path | None:
        """Without a project root, the folder no link is followed out of: the one the run
        started in if the document is in it, or else the document's own."""
        if folder is None:
            return None
        root, folder = self.configuration.root, real(folder)
        return root if folder.is_relative_to(root) else folder


def _stamped(found: list[tuple[Problem, Rule]], display: str, lines: Sequence[str],
             path: str) -> list[Diagnostic]:
    """Each problem, in order, as a diagnostic of ``display`` stamped with its rule's
    code, name and severity and a fingerprint from its file (relative to the project),
    rule, message and the text of its line (not the line's number), numbered when the
    same finding recurs in the file. A line longer than :data:`LONG_LINE` characters
    stands in by its hash, made once, so that many findings on one huge line cost no
    more than as many on short lines."""
    seen: dict[str, int] = {}
    result = []
    texts: dict[int, str] = {}
    for problem, rule in found:
        text = texts.get(problem.line)
        if text is None:
            text = texts[problem.line] = _line_text(lines, problem.line)
        key = sha256("\0".join((path, rule.code, problem.message, text)).encode(
            "utf-8", "surrogatepass"))  # text given to lint_text may have any
        seen[key] = seen.get(key, 0) + 1
        result.append(Diagnostic(display, problem.line, problem.column, rule.code,
                                 rule.name, problem.message, rule.severity, problem.fix,
                                 f"{key[:32]}-{seen[key]}"))
    return result


LONG_LINE = 1000


def _line_text(lines: Sequence[str], line: int) -> str:
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    if len(text) <= LONG_LINE:
        return text
    return "sha256:" + sha256(text.encode("utf-8", "surrogatepass"))
