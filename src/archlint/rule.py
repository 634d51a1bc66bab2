"""What a rule is, and what it is given.

A rule is a module (or any object) with:

- ``CODE``: a stable code such as ``"AL101"``;
- ``NAME``: a kebab-case name such as ``"template-prompt"``;
- ``SEVERITY`` (optional): :class:`~archlint.diagnostics.Severity`, ``ERROR`` by default;
- ``READS`` (optional): ``"links"`` for a rule that reads only the document's links,
  anchors, headings, sections, comments and source lines: when every rule that runs
  says so, archlint parses only that much (the document's only text blocks are then its
  headings, its sections hold no blocks, and it has no lists). ``"everything"`` by
  default;
- ``OPT_IN`` (optional): ``True`` for a rule that runs only when a selector names it by
  its code or name (``ALL`` and code prefixes leave it out); ``False`` by default;
- ``Options`` (optional): a frozen dataclass deriving from :class:`RuleOptions` whose
  defaults are the rule's defaults (configuration is validated into it by pydantic);
- ``check(document, options, context)``: a pure function yielding
  :class:`~archlint.diagnostics.Problem` values;
- a docstring, which is the rule's documentation (``archlint rule CODE`` prints it).

Rules are registered in the ``archlint.rules`` entry-point group, the built-in ones
exactly like a plugin's.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from archlint.analysis import DocumentAnalysis
from archlint.diagnostics import Problem, Severity
from archlint.frozen import frozen
from archlint.markdown.slugs import AnchorStyle
from archlint.model import Document
from archlint.template.textsettings import TemplateText
from archlint.validation import Strict

if TYPE_CHECKING:
    from archlint.template.docsets import DocSet, Listing
    from archlint.template.outline import Placement
    from archlint.template.packs import Pack

_CODE = re.compile(r"^[A-Z]+[0-9]+$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class RuleOptions(Strict):
    """Base for rule options: frozen, unknown keys refused, keys written in kebab-case."""


class FileSystem(Protocol):
    def exists(self, path: Path) -> bool: ...

    def names(self, folder: Path) -> list[str] | None:
        """The names in a folder (None if it is not one)."""


class Disk:
    """The real file system; each folder is listed once (a Disk serves one document)."""

    def __init__(self) -> None:
        self._listed: dict[Path, list[str] | None] = {}

    def exists(self, path: Path) -> bool:
        return os.path.exists(path)

    def names(self, folder: Path) -> list[str] | None:
        if folder not in self._listed:
            try:
                self._listed[folder] = os.listdir(folder)
            except OSError:
                self._listed[folder] = None
        return self._listed[folder]


class Anchors(Protocol):
    """What a rule may know of the other documents of the set."""

    def anchors_of(self, path: Path) -> frozenset[str] | None:
        """The anchors of the Markdown file at ``path`` (None if it is not one)."""

    def paths_named(self, name: str) -> tuple[Path, ...]:
        """The documents of the set with this file name (in any folder)."""


class NoAnchors:
    def anchors_of(self, path: Path) -> frozenset[str] | None:
        return None

    def paths_named(self, name: str) -> tuple[Path, ...]:
        return ()


class Sets(Protocol):
    """What a rule may know of the documentation set a document is part of."""

    def set_of(self, path: Path, pack: Pack) -> DocSet | None:
        """The set (a folder of chapter files) the file belongs to under ``pack``."""

    def listing_of(self, path: Path, pack: Pack) -> Listing | None:
        """The index listing the folder of records the file is a record of."""


class NoSets:
    def set_of(self, path: Path, pack: Pack) -> DocSet | None:
        return None

    def listing_of(self, path: Path, pack: Pack) -> Listing | None:
        return None


O = TypeVar("O", bound=RuleOptions)


@frozen
class Context:
    """What a rule may know beyond the document itself: its rule pack, where it is, the
    file system and the other documents' anchors, and the analyses that rules share
    (:class:`~archlint.analysis.DocumentAnalysis`: template text, the pack's sections
    in the document, example sections, the table of contents)."""

    analysis: DocumentAnalysis
    folder: Path | None = None  # the document's folder, for relative links
    root: Path | None = None  # the project root: the configuration file's folder
    files: FileSystem = field(default_factory=Disk)
    anchors: Anchors = field(default_factory=NoAnchors)  # other documents' anchors
    anchor_style: AnchorStyle = AnchorStyle.GITHUB
    sets: Sets = field(default_factory=NoSets)  # the documentation sets of the project
    # the folder no link is followed out of: the project root, or without one the
    # folder the run started in (or the document's own); None: the root, if any
    boundary: Path | None = None

    @classmethod
    def of(cls, document: Document, pack: Pack | None = None,
           template_text: TemplateText = TemplateText(), **where: Any) -> Context:
        """The context of ``document``; ``where`` are the other fields."""
        return cls(DocumentAnalysis(document, pack, template_text), **where)

    @property
    def pack(self) -> Pack | None:
        """The document's rule pack, if it has one."""
        return self.analysis.pack

    @property
    def template_text(self) -> TemplateText:
        """What counts as template text (``[tool.archlint.template-text]``)."""
        return self.analysis.settings

    @property
    def docset(self) -> DocSet | None:
        """The documentation set the document is part of under its pack, if any."""
        path = self.analysis.document.path
        return None if self.pack is None or path is None else self.sets.set_of(
            Path(path), self.pack)

    @property
    def scarce(self) -> tuple[list[Placement], list[Placement]] | None:
        """The pack's top-level sections and those the document holds, when it is most
        likely another kind of file (see :func:`archlint.template.outline.another_kind`)."""
        if self.pack is None:
            return None
        from archlint.template import outline  # here: only a document with a pack needs it

        return outline.another_kind(self.analysis.document, self.pack, self.analysis.outline,
                                    self.docset is not None)

    @property
    def listing(self) -> Listing | None:
        """The index of the folder of records the document is a record of, if any."""
        path = self.analysis.document.path
        return None if self.pack is None or path is None else self.sets.listing_of(
            Path(path), self.pack)


def _check_defaults(options_type: type[RuleOptions], where: str) -> None:
    """Every option needs a default, and a plain one: a pydantic ``Field(default=…)``
    would be the value itself whenever the rule is not configured."""
    try:
        made = defaults(options_type)
    except TypeError as error:
        raise TypeError(f"{where}: every option needs a default ({error})") from None
    for name in options_type.__dataclass_fields__:
        if type(getattr(made, name)).__module__.startswith("pydantic"):
            raise TypeError(f"{where}: option {name!r} has a pydantic Field as its default; "
                            f"write {name}: Annotated[type, Field(...)] = default")


@lru_cache(maxsize=None)
def defaults(options_type: type[O]) -> O:
    """A rule's default options."""
    return options_type()


Check = Callable[[Document, Any, Context], Iterable[Problem]]


@frozen
class Rule:
    code: str
    name: str
    severity: Severity
    options_type: type[RuleOptions]
    check: Check
    doc: str
    reads: str = "everything"
    opt_in: bool = False  # runs only when selected by its code or name

    @property
    def reads_only_links(self) -> bool:
        return self.reads == "links"

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""

    @classmethod
    def from_object(cls, source: ModuleType | object) -> Rule:
        """Build a Rule from a rule module (or an object shaped like one)."""
        if isinstance(source, Rule):
            return source
        where = getattr(source, "__name__", repr(source))
        try:
            code, name, check = source.CODE, source.NAME, source.check  # type: ignore[attr-defined]
        except AttributeError as error:
            raise TypeError(f"{where} is not a rule: it has no {error.name}") from None
        if not isinstance(code, str) or not _CODE.match(code):
            raise TypeError(f"{where}: CODE {code!r} is not a code like 'AL101'")
        if not isinstance(name, str) or not _NAME.match(name):
            raise TypeError(f"{where}: NAME {name!r} is not a kebab-case name")
        options_type = getattr(source, "Options", RuleOptions)
        if not (isinstance(options_type, type) and issubclass(options_type, RuleOptions)
                and "__dataclass_fields__" in vars(options_type)):
            raise TypeError(f"{where}: Options must be a dataclass deriving from "
                            f"archlint.rule.RuleOptions")
        _check_defaults(options_type, where)
        reads = getattr(source, "READS", "everything")
        if reads not in ("everything", "links"):
            raise TypeError(f"{where}: READS {reads!r} is not 'everything' or 'links'")
        opt_in = getattr(source, "OPT_IN", False)
        if not isinstance(opt_in, bool):
            raise TypeError(f"{where}: OPT_IN {opt_in!r} is not True or False")
        return cls(code=code, name=name,
                   severity=getattr(source, "SEVERITY", Severity.ERROR),
                   options_type=options_type, check=check,
                   doc=(getattr(source, "__doc__", None) or "").strip(), reads=reads,
                   opt_in=opt_in)
