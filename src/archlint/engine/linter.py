"""Running the rules: settings in, diagnostics out. No click, no printing."""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import astuple, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from archlint.engine import files
from archlint.template import packs
from archlint.markdown import parser
from archlint.engine import registry
from archlint.engine import suppressions
from archlint.engine.cache import (
    Cache,
    Dependencies,
    RecordingAnchors,
    RecordingFiles,
    content_hash,
    settings_key,
)
from archlint.links.index import AnchorIndex
from archlint.config import Configuration, DocumentKind, Settings, with_aliases_folded
from archlint.diagnostics import Diagnostic, Severity
from archlint.errors import ConfigError, UnparsableError
from archlint.model import Document
from archlint.template.packs import Pack
from archlint.template.textsettings import TemplateText
from archlint.analysis import DocumentAnalysis
from archlint.rule import Context, Disk, Rule, RuleOptions, defaults
from archlint.validation import validate

if TYPE_CHECKING:
    from archlint.template.completeness import DocumentStatus

UNREADABLE = ("AL001", "unreadable-file")


@dataclass(frozen=True, slots=True)
class Selection:
    """Command-line overrides of the configuration's rule selection."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    pack: Pack | None = None  # applies to every document, whatever the configuration says


@dataclass(frozen=True, slots=True)
class Linter:
    """Everything decided before the first file is read."""

    configuration: Configuration
    rules: tuple[Rule, ...]
    known_rules: tuple[Rule, ...]
    options: dict[type[RuleOptions], RuleOptions]
    document_packs: tuple[tuple[tuple[str, ...], Pack], ...]
    title_packs: tuple[Pack, ...]
    anchors: AnchorIndex
    template_text: TemplateText
    selection: Selection = Selection()

    @classmethod
    def create(cls, configuration: Configuration, selection: Selection = Selection()) -> Linter:
        where = configuration.source
        settings = with_aliases_folded(configuration.settings, where)
        known = registry.all_rules()
        registry.check_selectors(settings.select or (), known, f"{where}: select")
        registry.check_selectors(settings.extend_select, known, f"{where}: extend-select")
        registry.check_selectors(settings.ignore, known, f"{where}: ignore")
        for pattern, selectors in settings.per_file_ignores.items():
            registry.check_selectors(selectors, known, f"{where}: per-file-ignores.{pattern}")
        registry.check_selectors(settings.severity, known, f"{where}: severity")
        registry.check_selectors(selection.select or (), known, "--select")
        registry.check_selectors(selection.extend_select, known, "--extend-select")
        registry.check_selectors(selection.ignore, known, "--ignore")
        rules = registry.enabled(
            known,
            selection.select if selection.select is not None else settings.select,
            (*settings.extend_select, *selection.extend_select),
            (*settings.ignore, *selection.ignore),
        )
        rules = tuple(registry.with_severity(rule, settings.severity) for rule in rules)
        document_packs = tuple(
            (kind.paths, _load_pack(kind, configuration, index))
            for index, kind in enumerate(settings.documents)
        )
        if selection.pack is not None:
            document_packs = ((("**",), selection.pack),)
        configured = tuple(pack for _, pack in document_packs)
        return cls(configuration, rules, known, _rule_options(settings, known, where),
                   document_packs, (*configured, *packs.all_builtin()),
                   AnchorIndex(settings.anchor_style), settings.template_text, selection)

    # -- one document -------------------------------------------------------
    def pack_for(self, document: Document, relative_path: str | None) -> Pack | None:
        for patterns, pack in self.document_packs:
            if patterns == ("**",) or (relative_path is not None and any(
                    files.glob_matches(p, relative_path) for p in patterns)):
                return pack
        title = document.title
        return packs.by_title(title, self.title_packs) if title else None

    def _root_for(self, folder: Path | None) -> Path | None:
        """The project a document belongs to, where links starting with ``/`` lead: the
        configuration file's folder if the document is in it, or else the git work tree
        the document is in."""
        if folder is None:
            return None
        if self.configuration.path is not None and files.relative_to(
                folder, self.configuration.root) is not None:
            return self.configuration.root
        return files.git_root(folder)

    def rules_for(self, relative_path: str | None) -> tuple[Rule, ...]:
        ignored: set[str] = set()
        if relative_path is not None:
            for pattern, selectors in self.configuration.settings.per_file_ignores.items():
                if files.glob_matches(pattern, relative_path):
                    ignored |= registry.matching(selectors, self.known_rules)
        return tuple(rule for rule in self.rules if rule.code not in ignored)

    def lint_document(self, document: Document, display_path: str, relative_path: str | None,
                      record: Dependencies | None = None) -> list[Diagnostic]:
        folder = Path(document.path).parent if document.path else None
        if document.path is not None:
            self.anchors.add(Path(document.path), document.anchor_names)
        disk, anchors = Disk(), self.anchors
        if record is not None:
            disk, anchors = RecordingFiles(disk, record), RecordingAnchors(anchors, record)
        context = Context.of(document, self.pack_for(document, relative_path),
                             self.template_text, folder=folder, root=self._root_for(folder),
                             files=disk, anchors=anchors,
                             anchor_style=self.configuration.settings.anchor_style)
        suppressed = suppressions.collect(document.comments, self.known_rules,
                                          document.line_count)
        found = []
        for rule in self.rules_for(relative_path):
            options = self.options.get(rule.options_type) or defaults(rule.options_type)
            for problem in rule.check(document, options, context):
                if suppressed.covers(problem.line, rule.code):
                    continue
                found.append(Diagnostic(display_path, problem.line, problem.column, rule.code,
                                        rule.name, problem.message, rule.severity,
                                        problem.fix))
        found.sort(key=lambda d: (d.line, d.column, d.code, d.message))
        return _fingerprinted(found, document.lines, relative_path or display_path)

    def parse(self, text: str, path: str | None, relative_path: str | None = None, *,
              for_rules: bool = False) -> Document:
        """The document; ``for_rules``, only as much as the rules that run on it read
        (just its links and anchors when every one reads only those: ``Rule.reads``)."""
        rules = self.rules_for(relative_path) if for_rules else ()
        return parser.parse(text, path, self.configuration.settings.anchor_style,
                            links_only=bool(rules) and all(r.reads_only_links for r in rules))

    def lint_text(self, text: str, path: str | None = None) -> list[Diagnostic]:
        relative = None
        if path is not None:
            relative = files.relative_to(Path(path), self.configuration.root)
        try:
            document = self.parse(text, path, relative, for_rules=True)
        except UnparsableError as error:
            return [_unreadable(path or "<text>", str(error))]
        return self.lint_document(document, path or "<text>", relative)

    def lint_file(self, path: Path) -> list[Diagnostic]:
        return self.check_recording(path)[0]

    def fixed_text(self, path: Path, passes: int = 5) -> tuple[str, str] | None:
        """The file's text and its text with every available fix made (None when there is
        nothing to fix or the file cannot be read). Fixes that overlap are made in later
        passes, so the result is what repeated runs would reach."""
        try:
            original = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        display = _display(path)
        relative = files.relative_to(path, self.configuration.root)
        from archlint.engine import fixer

        text = original
        for _ in range(passes):
            try:
                document = self.parse(text, display, relative, for_rules=True)
            except UnparsableError:
                return None
            found = self.lint_document(document, display, relative)
            edits = [edit for d in found if d.fix for edit in d.fix.edits]
            if not edits:
                break
            changed = fixer.apply(text, edits)
            if changed == text:
                break
            text = changed
        return (original, text) if text != original else None

    def assess_file(self, path: Path) -> DocumentStatus | Diagnostic:
        """How complete the document is (or why it could not be read)."""
        from archlint.template import completeness

        display = _display(path)
        document = self._read(path, display)
        if isinstance(document, Diagnostic):
            return document
        pack = self.pack_for(document, files.relative_to(path, self.configuration.root))
        analysis = DocumentAnalysis(document, pack, self.template_text)
        return completeness.assess(document, pack, analysis.template_text, analysis.outline,
                                   analysis.examples, display)

    def lint_paths(self, paths: Iterable[Path], jobs: int = 1, cache: Cache | None = None
                   ) -> tuple[list[Diagnostic], int]:
        """Diagnostics for every Markdown file under ``paths``, and how many files. With
        ``jobs`` > 1 files are checked in that many processes; the result is the same, in
        the same order. With a cache, files unchanged since they were cached (and the
        files and anchors they depend on) are not read again."""
        found = list(self.discover(paths))
        self.anchors.know(found)
        results: dict[int, list[Diagnostic]] = {}
        missing = []
        for index, path in enumerate(found):
            cached = cache.lookup(path, digest) if cache and (digest := _digest(path)) else None
            if cached is not None:
                results[index] = cached
            else:
                missing.append(index)
        checked = _in_parallel(self, [found[i] for i in missing], jobs)
        for index, (diagnostics, digest, dependencies) in zip(missing, checked):
            results[index] = diagnostics
            if cache is not None and digest is not None:
                cache.store(found[index], digest, diagnostics, dependencies)
        if cache is not None:
            cache.save()
        return [d for index in range(len(found)) for d in results[index]], len(found)

    def check_recording(self, path: Path) -> tuple[list[Diagnostic], str | None, Dependencies]:
        """Lint one file, with what it depended on and the hash of what was read."""
        record = Dependencies()
        display = _display(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            return [_unreadable(display, error.strerror or str(error))], None, record
        relative = files.relative_to(path, self.configuration.root)
        document = self._document(data, display, relative, for_rules=True)
        if isinstance(document, Diagnostic):
            return [document], content_hash(data), record
        diagnostics = self.lint_document(document, display, relative, record)
        return diagnostics, content_hash(data), record

    def settings_key(self) -> str:
        """What the results depend on besides the files: for the cache."""
        return settings_key(
            _described(self.configuration.settings), str(self.configuration.root),
            *(f"{r.code}:{r.name}:{r.severity.value}" for r in self.rules),
            *(_described(o) for o in self.options.values()),
            *(_described(pack) for _, pack in self.document_packs),
            *(_described(pack) for pack in self.title_packs),
            _described(self.selection.pack) if self.selection.pack else "")

    def _read(self, path: Path, display: str) -> Document | Diagnostic:
        try:
            data = path.read_bytes()
        except OSError as error:
            return _unreadable(display, error.strerror or str(error))
        return self._document(data, display)

    def _document(self, data: bytes, display: str, relative: str | None = None, *,
                  for_rules: bool = False) -> Document | Diagnostic:
        """A file's bytes as a document, or the AL001 that says why they are not one."""
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            return _unreadable(display, f"not UTF-8 text (byte {error.start}: "
                                        f"{data[error.start]:#04x})")
        try:
            return self.parse(text, display, relative, for_rules=for_rules)
        except UnparsableError as error:
            return _unreadable(display, str(error))

    def discover(self, paths: Iterable[Path]) -> Iterator[Path]:
        """The Markdown files under ``paths``, as configured (``exclude``)."""
        return files.discover(list(paths), self.configuration.settings.exclude,
                              self.configuration.root)


def _described(value: object) -> str:
    """A settings value as text for the cache key: its type and every field (even one
    a plugin keeps out of its repr)."""
    kind = type(value)
    return f"{kind.__module__}.{kind.__qualname__}{astuple(value)!r}"


def _digest(path: Path) -> str | None:
    try:
        return content_hash(path.read_bytes())
    except OSError:
        return None


_worker: Linter | None = None
# Starting a process costs about what checking this many files does (it imports archlint).
_WORTH_A_PROCESS = 25


def _start_worker(configuration: Configuration, selection: Selection, known: list[Path],
                  gc_threshold: tuple[int, int, int]) -> None:
    global _worker
    gc.set_threshold(*gc_threshold)  # collect as the parent does, however it was started
    _worker = Linter.create(configuration, selection)
    _worker.anchors.know(known)


def _check_in_worker(path: Path) -> tuple[list[Diagnostic], str | None, Dependencies]:
    assert _worker is not None
    return _worker.check_recording(path)


def _in_parallel(linter: Linter, paths: list[Path], jobs: int
                 ) -> list[tuple[list[Diagnostic], str | None, Dependencies]]:
    """``check_recording`` for each path, in order, in up to ``jobs`` processes. The
    largest files are handed out first and the smallest last, in small batches, so that
    the processes finish together."""
    if jobs <= 1 or len(paths) < _WORTH_A_PROCESS * jobs:
        return [linter.check_recording(path) for path in paths]
    from concurrent.futures import ProcessPoolExecutor  # only when it is worth it

    order = sorted(range(len(paths)), key=lambda index: -_size(paths[index]))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker,
                             initargs=(linter.configuration, linter.selection, paths,
                                       gc.get_threshold())) as pool:
        checked = dict(zip(order, pool.map(_check_in_worker, [paths[i] for i in order],
                                           chunksize=max(1, len(paths) // (jobs * 32)))))
    return [checked[index] for index in range(len(paths))]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _fingerprinted(diagnostics: list[Diagnostic], lines: Sequence[str], path: str
                   ) -> list[Diagnostic]:
    """Give each diagnostic a fingerprint from its file (relative to the project), rule,
    message and the text of its line (not the line's number), numbered when the same
    finding recurs in the file."""
    seen: dict[str, int] = {}
    result = []
    for d in diagnostics:
        text = lines[d.line - 1].strip() if 0 < d.line <= len(lines) else ""
        key = hashlib.sha256("\0".join((path, d.code, d.message, text)).encode()).hexdigest()
        seen[key] = seen.get(key, 0) + 1
        result.append(replace(d, fingerprint=f"{key[:32]}-{seen[key]}"))
    return result


def _unreadable(display: str, reason: str) -> Diagnostic:
    code, name = UNREADABLE
    return Diagnostic(display, 1, 1, code, name, f"cannot read file: {reason}", Severity.ERROR)


def _display(path: Path) -> str:
    """Paths under the working directory print relative to it, others as given."""
    if path.is_absolute():
        try:
            return path.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return str(path)
    return os.path.normpath(path).replace(os.sep, "/")


def _load_pack(kind: DocumentKind, configuration: Configuration, index: int) -> Pack:
    from archlint.template import derive

    key = "pack" if kind.pack is not None else "template"
    try:
        if kind.pack is not None:
            return packs.load(kind.pack, configuration.root)
        return derive.derive_cached(configuration.root / str(kind.template))
    except ConfigError as error:
        raise ConfigError(f"{configuration.source}: documents[{index}].{key}: {error}"
                          ) from None


def _rule_options(settings: Settings, known: Sequence[Rule], where: str
                  ) -> dict[type[RuleOptions], RuleOptions]:
    options: dict[type[RuleOptions], RuleOptions] = {}
    for key, table in settings.rules.items():
        rule = registry.find(key, known)
        if rule is None:
            raise ConfigError(f"{where}: rules.{key}: no rule has this name or code "
                              f"(see 'archlint rules')")
        options[rule.options_type] = validate(rule.options_type, table, where, f"rules.{key}")
    return options
