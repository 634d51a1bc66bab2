"""Rule packs: what a kind of document must contain, and what its template's text is.

A pack is a TOML file. The built-in ones live in the project's ``rules/`` folder and
ship inside the package as ``archlint/rule_packs``; ``archlint schema derive`` writes one
from any template. Format::

    name = "process-view"                 # how configuration refers to it
    title = "Process View"                # H1 title of documents of this kind
    title-aliases = ["Runtime View"]      # other H1 titles that select it
    description = "…"
    template = "templates/process-view.md"   # where it was derived from (information)
    placeholders = ["XXX"]                # extra placeholder words (AL102)
    prompts = ["Discuss significant state models"]   # template text (AL101)
    comment-prompts = ["What are the risks?"]  # the template's HTML comments (AL101)
    quoted-prompts = false                # true: the template writes its prompts in
                                          # block quotes, so a block quote of one in a
                                          # document is the prompt left in (false: a
                                          # citation of the template, not reported)
    boilerplate = ["Items marked with (R) are required"]  # visible template text that
                                          # may stay, but is not the author's content
    prompts-known = true                  # false: the prompts above paraphrase the
                                          # template; its own wording is not known
    chapter-files = false                 # true: the top-level sections (chapters) may
                                          # each stand in a file of their own (a set)
    free-order = ["Status"]               # sections that may stand anywhere among
                                          # their siblings (AL203)
    languages = ["en"]                    # the languages its titles are in: a document
                                          # written in another is not checked for its
                                          # sections (their titles are not known)

    [[sections]]                          # in template order; nesting follows `level`
    title = "State models"                # case, spacing, numbering, "(Optional)" and
    aliases = ["State machines"]          # trailing punctuation are ignored; a
    level = 2                             # placeholder (XXX, NNNN, {…}, \\<…\\>) in a
    required = true                       # title matches any text
    example = false                       # the template's example, to remove
    slot = false                          # stands for zero or more sections of the
                                          # author's own (``## [option 1]``): never
                                          # required, never in the template's order
    group = false                         # only groups the sections under it (no text
                                          # of its own): documents may leave it out
    about = "Discuss the state models …"  # what the section holds, in the template's
                                          # words: a heading of the author's own that
                                          # names it stands for it (AL201)

A section nested under another (a higher ``level`` right after it) is required only
where its parent is present. A section whose title is nothing but a placeholder or
"…" is a slot whatever it says.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from archlint.digests import sha256
from archlint.errors import ConfigError
from archlint.frozen import frozen
from archlint.template import titles
from archlint.validation import Strict, read_toml, validate


def _no_blank(key: str, values: Iterable[str]) -> None:
    if any(not value.strip() for value in values):
        raise ValueError(f"{key}: an empty text is not allowed")


@dataclass(frozen=True)
class SectionSpec(Strict):
    title: str
    aliases: tuple[str, ...] = ()
    level: int = 2
    required: bool = True
    example: bool = False
    slot: bool = False
    group: bool = False
    about: str = ""  # what the section holds, in the template's words (its guidance)

    def __post_init__(self) -> None:
        if not 1 <= self.level <= 6:
            raise ValueError(f"level {self.level} is not a heading level (1 to 6)")
        _no_blank("title", (self.title,))
        _no_blank("aliases", self.aliases)

    def matches(self, heading_text: str) -> bool:
        return any(titles.matches(name, heading_text) for name in (self.title, *self.aliases))

    @property
    def repeatable(self) -> bool:
        """A slot: stands for any number of the author's own sections."""
        return (self.slot or not titles.has_literal_text(self.title)
                or titles.is_ellipsis(self.title))

    @property
    def expected(self) -> bool:
        """Required, and not a slot."""
        return self.required and not self.repeatable


@frozen
class SpecNode:
    """A section of the pack with the sections nested under it."""

    spec: SectionSpec
    children: tuple[SpecNode, ...]

    def walk(self) -> Iterator[SpecNode]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Pack(Strict):
    name: str
    title: str = ""
    title_aliases: tuple[str, ...] = ()
    description: str = ""
    template: str = ""
    placeholders: tuple[str, ...] = ()
    prompts: tuple[str, ...] = ()
    comment_prompts: tuple[str, ...] = ()
    quoted_prompts: bool = False
    boilerplate: tuple[str, ...] = ()
    prompts_known: bool = True
    chapter_files: bool = False
    free_order: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    sections: tuple[SectionSpec, ...] = ()

    def __post_init__(self) -> None:
        _no_blank("placeholders", self.placeholders)  # an empty one would match everywhere

    def knows_titles_in(self, language: str | None) -> bool:
        """Are the pack's titles known in this language (or is either unknown)?"""
        return not self.languages or language is None or language in self.languages

    def matches_title(self, document_title: str) -> bool:
        names = (self.title, *self.title_aliases)
        return any(titles.has_literal_text(name) and titles.matches(name, document_title)
                   for name in names)

    @cached_property
    def words_elsewhere(self) -> dict[int, frozenset[str]]:
        """For each section (by ``id``), the word stems of the pack's other titles and
        aliases: a word one of them has too tells nothing of which section a heading
        rewords ("Technical" is in "Technical Context" and "Technical Risks")."""
        stems = [(spec, {word for name in (spec.title, *spec.aliases)
                         for word in titles.stems(name)}) for spec in self.sections]
        return {id(spec): frozenset().union(*(words for other, words in stems
                                              if other is not spec))
                for spec, _ in stems}

    @cached_property
    def literal_titles(self) -> frozenset[str]:
        """The sections' titles and aliases without a placeholder, normalised."""
        return frozenset(titles.normalize(name) for spec in self.sections
                         for name in (spec.title, *spec.aliases)
                         if not titles.has_placeholder(name))

    @cached_property
    def outline(self) -> tuple[SpecNode, ...]:
        """The sections as a tree: each nests under the closest earlier one of a lower level."""
        def build(start: int, level: int) -> tuple[list[SpecNode], int]:
            nodes: list[SpecNode] = []
            index = start
            while index < len(self.sections) and self.sections[index].level > level:
                spec = self.sections[index]
                children, index = build(index + 1, spec.level)
                nodes.append(SpecNode(spec, tuple(children)))
            return nodes, index

        return tuple(build(0, 0)[0])

    @cached_property
    def chapters(self) -> tuple[SectionSpec, ...]:
        """The top-level sections it requires (slots aside): a set's chapters."""
        return tuple(node.spec for node in self.outline if node.spec.expected)

    def to_toml(self) -> str:
        """The pack as TOML that :func:`load_file` reads back to an equal pack."""
        lines = [f"name = {_string(self.name)}"]
        for key in ("title", "description", "template"):
            value = getattr(self, key)
            if value:
                lines.append(f"{key} = {_string(value)}")
        if not self.prompts_known:
            lines.append("prompts-known = false")
        if self.chapter_files:
            lines.append("chapter-files = true")
        if self.quoted_prompts:
            lines.append("quoted-prompts = true")
        for key, values in (("title-aliases", self.title_aliases),
                            ("placeholders", self.placeholders), ("prompts", self.prompts),
                            ("comment-prompts", self.comment_prompts),
                            ("boilerplate", self.boilerplate),
                            ("free-order", self.free_order), ("languages", self.languages)):
            if values:
                lines.append(f"{key} = [\n" + "".join(f"    {_string(v)},\n" for v in values)
                             + "]")
        for spec in self.sections:
            lines += ["", "[[sections]]", f"title = {_string(spec.title)}"]
            if spec.aliases:
                lines.append(f"aliases = [{', '.join(_string(a) for a in spec.aliases)}]")
            lines.append(f"level = {spec.level}")
            lines.append(f"required = {'true' if spec.required else 'false'}")
            if spec.example:
                lines.append("example = true")
            if spec.slot:
                lines.append("slot = true")
            if spec.group:
                lines.append("group = true")
            if spec.about:
                lines.append(f"about = {_string(spec.about)}")
        return "\n".join(lines) + "\n"


def _string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    import json  # only when a pack is written out

    return json.dumps(value, ensure_ascii=False)


def _builtin_folder() -> Path:
    installed = Path(__file__).parent.parent / "rule_packs"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / "rules"  # a source checkout


def builtin_names() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in _builtin_folder().glob("*.toml")))


def load_file(path: Path) -> Pack:
    """Read and validate a pack file; a ConfigError says what is wrong and where."""
    return validate(Pack, read_toml(path), str(path))


def _fields(table: dict[str, Any]) -> dict[str, Any]:
    return {key.replace("-", "_"): tuple(value) if isinstance(value, list) else value
            for key, value in table.items()}


def trusted(data: dict[str, Any]) -> Pack:
    """A built-in pack's TOML as a Pack, without validating it (so without pydantic):
    the built-in packs ship with archlint, and its tests validate each one."""
    fields = _fields({key: value for key, value in data.items() if key != "sections"})
    sections = tuple(SectionSpec(**_fields(table)) for table in data.get("sections", ()))
    return Pack(**fields, sections=sections)


@lru_cache(maxsize=None)
def builtin(name: str) -> Pack:
    path = _builtin_folder() / f"{name}.toml"
    if not path.is_file():
        known = ", ".join(builtin_names())
        raise ConfigError(f"unknown rule pack {name!r} (built-in packs: {known})")
    return trusted(read_toml(path))


def load(reference: str, base: Path | None = None) -> Pack:
    """A pack by built-in name, or from a ``.toml`` file (relative to ``base``)."""
    if reference.endswith(".toml"):
        path = Path(reference)
        if base is not None and not path.is_absolute():
            path = base / path
        return load_file(path)
    return builtin(reference)


def by_title(document_title: str, candidates: Iterable[Pack]) -> Pack | None:
    """The first pack whose title (or a title alias) is the document's H1 title."""
    return next((pack for pack in candidates if pack.matches_title(document_title)), None)


@lru_cache(maxsize=1)
def all_builtin() -> tuple[Pack, ...]:
    """Every built-in pack, read once (a document with a title asks for them all)."""
    return tuple(builtin(name) for name in builtin_names())


@lru_cache(maxsize=1)
def builtin_digest() -> str:
    """What the built-in packs are, for a cache key, without reading them as packs:
    a digest of their files (names and bytes)."""
    return sha256(b"".join(
        name.encode() + b"\0" + (_builtin_folder() / f"{name}.toml").read_bytes() + b"\0"
        for name in builtin_names()))
