"""The template is the schema: derive a rule pack from a template's Markdown.

From the template's headings come the sections (levels, order, nesting); a heading
says "(Optional)", or an HTML comment just above it says the element is optional, or
its section is an example to "remove if not relevant" — otherwise it is required. The
template's prompts are its text meant to be replaced, found by the way the template
marks them:

- italic paragraphs (the Process View template and its family);
- HTML comments (the KEP template; MADR);
- otherwise every paragraph and list item is guidance to replace (the Rust RFC
  template's prose prompts, arc42's label-plus-paragraph help blocks).

In a template that prompts in comments, its visible text (a checklist, form lines) is
boilerplate: it may stay, but it is not the author's content.

Placeholder words and phrases the template uses (``NNNN``, ``XXX``, ``(fill me in …)``)
become the pack's placeholders.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from archlint.errors import ConfigError
from archlint.markdown import reading
from archlint.markdown.parser import parse
from archlint.model import BlockKind, Comment, Document, Heading
from archlint.template import classify, promptindex, titles
from archlint.template.examples import example_sections
from archlint.template.packs import Pack, SectionSpec
from archlint.template.textsettings import EXAMPLE_PHRASES, TemplateText

_OPTIONAL_NOTE = re.compile(r"\boptional\b", re.IGNORECASE)
_NOT_A_PROMPT = re.compile(r"^\s*(?:archlint-|/?toc\s*$)", re.IGNORECASE)
_PLACEHOLDER_WORDS = re.compile(r"(?<![^\W_])(?:N{3,}|X{2,}|x{2,}|TBD|TODO|FIXME)(?![^\W_])")
_FILL_ME_IN = re.compile(r"\((fill (?:me )?in)\b", re.IGNORECASE)


def _optional_note(comment: Comment) -> bool:
    """A short comment saying the element is optional (MADR's "This is an optional
    element. Feel free to remove.")."""
    return bool(_OPTIONAL_NOTE.search(comment.text)) and len(comment.text.split()) <= 12


def _comment_prompts(document: Document) -> list[Comment]:
    return [c for c in document.comments
            if not _NOT_A_PROMPT.match(c.text) and not _optional_note(c)
            and len(promptindex.words(c.text)) >= promptindex.MIN_WORDS]


def _optional_by_comment(document: Document, heading: Heading) -> bool:
    """The last thing above the heading is a comment saying the element is optional."""
    above = [b.end_line for b in document.blocks if b.end_line < heading.line
             and b.kind is not BlockKind.HTML]
    last_block = max(above, default=0)
    return any(last_block < c.line and c.end_line < heading.line and _optional_note(c)
               for c in document.comments)


def _title_heading(document: Document) -> Heading | None:
    """The document's title: its first heading, if that is the only level-1 heading."""
    level_one = [h for h in document.headings if h.level == 1]
    if len(level_one) == 1 and document.headings[0] is level_one[0]:
        return level_one[0]
    return None


def _sections(document: Document, title: Heading | None) -> tuple[SectionSpec, ...]:
    examples = {section.heading.line for section, _ in example_sections(document,
                                                                        EXAMPLE_PHRASES)
                if section.heading}
    specs: list[SectionSpec] = []
    example_level: int | None = None
    for heading in document.headings:
        if heading is title or not heading.text:
            continue  # a heading with no text names no section a document could have
        if example_level is not None and heading.level <= example_level:
            example_level = None
        is_example = heading.line in examples or example_level is not None
        if heading.line in examples:
            example_level = heading.level
        optional = (is_example or titles.says_optional(heading.text)
                    or _optional_by_comment(document, heading))
        specs.append(SectionSpec(title=heading.text, level=heading.level,
                                 required=not optional, example=is_example))
    return tuple(specs)


def _unique(texts: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(" ".join(text.split()) for text in texts))


_HAS_PLACEHOLDER = re.compile(r"\{[^{}]+\}|\\<[^<>]+>|<[^<>]+>|(?<![^\W_])(?:N{3,}|X{2,}|"
                              r"x{2,}|TBD|TODO|FIXME)(?![^\W_])")


def _prompts(document: Document) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The template's visible prompts, its comment prompts, and its boilerplate.

    Italic prompts mark a template's guidance when they are a good part of its text;
    then its other text is example content. A template that prompts in comments keeps
    its visible text, but for lines with placeholders in them, as boilerplate. In any
    other template all paragraphs are guidance (prose prompts) and table cells, the
    headers and rows to fill, are boilerplate.
    """
    # the template's own italics, all of them
    settings = TemplateText(min_words=2, instructions_only=False, ignore_patterns=())
    text = [b for b in document.blocks
            if b.kind in (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL) and b.text.strip()]
    italic = [b.text for b in text if classify.is_italic_prompt(b, settings)]
    comments = _unique([c.text.strip() for c in _comment_prompts(document)])
    if italic and len(italic) * 4 >= len(text):
        return _unique(italic), comments, ()
    if comments:
        marked = [b.text for b in text if _HAS_PLACEHOLDER.search(" ".join(r.text for r in b.runs))]
        rest = [b.text for b in text if b.text not in marked]
        return _unique(marked), comments, _unique(rest)
    paragraphs = [b.text for b in text if b.kind is BlockKind.PARAGRAPH and not b.links]
    cells = [b.text for b in text if b.kind is BlockKind.TABLE_CELL]
    return _unique(paragraphs), (), _unique(cells)


def _placeholders(document: Document) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for block in document.blocks:
        source = " ".join(run.text for run in block.runs)
        for match in _PLACEHOLDER_WORDS.finditer(source):
            found.setdefault(match.group(0), None)
        for match in _FILL_ME_IN.finditer(source):
            found.setdefault(f"({match.group(1).lower()}", None)
    return tuple(found)


def derive(text: str, name: str, source: str = "") -> Pack:
    """The rule pack a template's Markdown implies (UnparsableError when markdown-it-py
    fails on it)."""
    return derive_document(parse(text, source or None), name, source)


def derive_document(document: Document, name: str, source: str = "") -> Pack:
    """The rule pack a template implies."""
    title = _title_heading(document)
    prompts, comment_prompts, boilerplate = _prompts(document)
    return Pack(
        name=name,
        title=title.text if title else "",
        description=f"Derived from the template {source}." if source else "",
        template=source,
        placeholders=_placeholders(document),
        prompts=prompts,
        comment_prompts=comment_prompts,
        boilerplate=boilerplate,
        sections=_sections(document, title),
    )


def derive_file(path: Path) -> Pack:
    """Derive a pack from a template file (the ConfigError on failure names the file)."""
    read = reading.read(path, display=path.as_posix())
    if read.document is None:
        raise ConfigError(f"{path}: cannot read template: {read.problem}")
    stem = path.stem if path.stem.lower() not in ("readme", "index", "template") else (
        path.parent.name or path.stem)
    name = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "template"
    return derive_document(read.document, name, path.as_posix())


@lru_cache(maxsize=32)
def _derive_version(path: Path, modified: int, size: int) -> Pack:
    return derive_file(path)


def derive_cached(path: Path) -> Pack:
    """``derive_file``, remembered for as long as the file is unchanged."""
    try:
        status = path.stat()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read template: {error.strerror}") from None
    return _derive_version(path.resolve(), status.st_mtime_ns, status.st_size)
