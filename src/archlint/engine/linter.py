"""The engine's front: everything decided before the first file is read, and the
operations the command line and the Python API ask for. Each job is done by a piece of
its own: which rules run (:mod:`.selection`), which pack a document gets
(:mod:`.packchoice`), reading (:mod:`.reader`), checking (:mod:`.checker`), fixing
(:mod:`.fixing`) and running over many files (:mod:`.running`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import astuple
from pathlib import Path
from typing import TYPE_CHECKING

from archlint.config import Configuration, with_aliases_folded
from archlint.diagnostics import Diagnostic
from archlint.engine import files, running
from archlint.engine.cache import Cache, Dependencies, settings_key
from archlint.engine.checker import Checker
from archlint.engine.packchoice import PackChoice
from archlint.engine.reader import Reader, Source, display_path
from archlint.engine.selection import RuleSet, Selection
from archlint.frozen import frozen
from archlint.links.index import AnchorIndex
from archlint.paths import real
from archlint.rule import Rule
from archlint.template.textsettings import TemplateText

if TYPE_CHECKING:
    from archlint.template.completeness import DocumentStatus


@frozen
class Linter:
    configuration: Configuration
    selection: Selection
    rule_set: RuleSet
    packs: PackChoice
    anchors: AnchorIndex
    template_text: TemplateText
    reader: Reader
    checker: Checker

    @classmethod
    def create(cls, configuration: Configuration, selection: Selection = Selection()) -> Linter:
        """Resolve the configuration (a ConfigError says what is wrong in it)."""
        where = configuration.source
        settings = with_aliases_folded(configuration.settings, where)
        rule_set = RuleSet.resolve(settings, selection, where)
        packs = PackChoice.create(configuration, selection.pack)
        anchors = AnchorIndex(settings.anchor_style)
        reader = Reader(rule_set, configuration.root, settings.anchor_style)
        checker = Checker(configuration, rule_set, packs, anchors, settings.template_text,
                          reader)
        return cls(configuration, selection, rule_set, packs, anchors, settings.template_text,
                   reader, checker)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The rules that run (before per-file ignores)."""
        return self.rule_set.enabled

    def lint_text(self, text: str, path: str | None = None) -> list[Diagnostic]:
        return self.checker.check(self.reader.text(text, path))

    def check_text_recording(self, text: str, path: str | None = None
                             ) -> tuple[list[Diagnostic], Source, Dependencies]:
        """Check ``text`` as the file at ``path`` (an editor's unsaved buffer: its anchors
        stand for the file's until :meth:`forget`), with what was read of it and what its
        rules looked at outside it."""
        record = Dependencies()
        source = self.reader.text(text, path)
        return self.checker.check(source, record), source, record

    def forget(self, path: Path, *, anchors: bool = True) -> None:
        """Read what the file holds for the documentation set or folder of records it
        is part of, and (``anchors``) its anchors, from disk again when next needed. An
        editor's open file keeps the anchors of its unsaved text."""
        if anchors:
            self.anchors.forget(path)
        self.checker.sets.forget(path)

    def lint_file(self, path: Path) -> list[Diagnostic]:
        return self.check_recording(path)[0]

    def check_recording(self, path: Path, data: bytes | None = None
                        ) -> tuple[list[Diagnostic], str | None, Dependencies]:
        """Check one file (from ``data``, its bytes, when they have been read), with what
        its rules looked at outside it and the hash of the bytes checked."""
        record = Dependencies()
        source = self.reader.path(path, data=data)
        return self.checker.check(source, record), source.read.digest, record

    def fixed_text(self, path: Path) -> tuple[str, str] | None:
        """The file's text and its text with every available fix made (None when there is
        nothing to fix or the file cannot be read)."""
        source = self.reader.path(path)
        fixed = self._fixed(source)
        return (source.read.text or "", fixed) if fixed is not None else None

    def fixed_text_of(self, text: str, path: str | None = None) -> str | None:
        """``text``, read as the file at ``path``, with every available fix made (None
        when there is nothing to fix)."""
        return self._fixed(self.reader.text(text, path))

    def _fixed(self, source: Source) -> str | None:
        from archlint.engine import fixing

        return fixing.fixed_text(source, self.checker.check,
                                 lambda text: self.reader.text(text, source.display))

    def assess_file(self, path: Path) -> DocumentStatus | Diagnostic:
        """How complete the document is (or why it could not be read)."""
        from archlint.template import completeness

        source = self.reader.path(path, whole=True)
        document = source.read.document
        if document is None:
            return self.reader.why_unreadable(source)
        analysis = self.checker.analysis(document, source.relative)
        docset = (self.checker.sets.set_of(path, analysis.pack)
                  if analysis.pack is not None else None)
        root = ""
        if docset is not None:
            root = display_path(docset.root)
        return completeness.assess(document, analysis.pack, analysis.template_text,
                                   analysis.outline, analysis.examples, source.display,
                                   docset, root, analysis.language)

    def lint_paths(self, paths: Iterable[Path], jobs: int = 1, cache: Cache | None = None,
                   progress: running.Progress | None = None,
                   unpacked: list[Path] | None = None, left_out: list[Path] | None = None
                   ) -> tuple[list[Diagnostic], int]:
        """Diagnostics for every Markdown file under ``paths``, and how many files. With
        ``jobs`` > 1 files are checked in that many processes; the result is the same, in
        the same order. With a cache, files unchanged since they were cached (and the
        files and anchors they depend on) are not read again. ``progress`` is told how
        many files are done, of how many, as they are; ``unpacked`` which files no rule
        pack applied to (only their own sections were checked); ``left_out`` which
        files in the folders were left out as templates."""
        found = list(self.find(paths, left_out))
        return (running.lint_paths(self, [f.path for f in found], Linter.create, jobs, cache,
                                   progress, [f.real for f in found], unpacked),
                len(found))

    def discover(self, paths: Iterable[Path], left_out: list[Path] | None = None
                 ) -> Iterator[Path]:
        """The Markdown files under ``paths``, as configured (``exclude``), but for the
        files in a folder named like a template, which go to ``left_out``."""
        return (found.path for found in self.find(paths, left_out))

    def find(self, paths: Iterable[Path], left_out: list[Path] | None = None
             ) -> Iterator[files.Found]:
        """:meth:`discover`'s files, each with its real path."""
        return files.find(list(paths), self.configuration.settings.exclude,
                          self.configuration.root, left_out, self._templates(),
                          force_exclude=self.selection.force_exclude)

    def leaves_out(self, path: Path) -> bool:
        """Would a search of the folders leave this file out (``exclude``, a file named
        like a template)? An editor shows no findings for it, as a pre-commit hook with
        ``--force-exclude`` reports none."""
        return not any(files.find([path], self.configuration.settings.exclude,
                                  self.configuration.root, force_exclude=True))

    def _templates(self) -> frozenset[Path]:
        """The real paths of the template files the packs in use were derived from (a
        built-in pack's ``template`` is a note of where it came from, not a path)."""
        packs = (self.selection.pack, *self.packs.configured)
        return frozenset(real(Path(pack.template)) for pack in packs
                         if pack is not None and Path(pack.template).is_absolute())

    def settings_key(self) -> str:
        """What the results depend on besides the files: for the cache."""
        from archlint.template.packs import builtin_digest  # here: only a cached run needs it

        return settings_key(
            _described(self.configuration.settings), str(self.configuration.root),
            *(f"{r.code}:{r.name}:{r.severity.value}" for r in self.rules),
            *(_described(o) for o in self.rule_set.options.values()),
            *(_described(pack) for _, pack in self.packs.by_path),
            builtin_digest(),
            _described(self.selection.pack) if self.selection.pack else "")


def _described(value: object) -> str:
    """A settings value as text for the cache key: its type and every field (even one
    a plugin keeps out of its repr)."""
    kind = type(value)
    return f"{kind.__module__}.{kind.__qualname__}{astuple(value)!r}"
