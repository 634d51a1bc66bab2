"""The template is the schema: derive a rule pack from a template's Markdown.

From the template's headings come the sections (levels, order, nesting). A section is
optional when its heading says "(Optional)" or "(if applicable)", an ``<!-- optional
-->`` comment stands on its line, an HTML comment just above it says the element is
optional, its own text says so ("Optional, but suggested …", "Omit this section if it
is not applicable"), or it is an example to "remove if not relevant"; otherwise it is
required. A heading that is only a placeholder (``## [option 1]``, ``### {title of
option 2}``, ``## \\<Runtime Scenario n\\>``) or "…", or one of siblings named alike but
for a number (``### Significant area 1``, ``### Significant area 2``), is a *slot*: it
stands for any number of the author's own sections. A heading in a block quote is
quoted guidance, an example of what to write (``> ### Positive example``), not a
section. A heading with no text of its own over two or more sections (a template's
"Outline" heading) only *groups* them: documents may leave it out, its sections
standing where it would have been. A template without a title whose chapters are
``#`` headings (arc42's) may be kept one chapter per file: the pack says so
(``chapter-files``), and a folder of such files is checked as one set. The
template's prompts are its text meant to be replaced, found by the way the template
marks them:

- italic paragraphs (the Process View template and its family);
- HTML comments in its sections (the KEP template; MADR), not a note above its first
  section only (``<!-- Remember to add your RFC to SUMMARY.md -->``);
- otherwise every paragraph and list item is guidance to replace (the Rust RFC
  template's prose prompts, arc42's label-plus-paragraph help blocks), but for an
  answer the template offers to choose from (``[Positive, Neutral, Negative]``)
  written alone, which an author who chose it writes too.

In a template that prompts in comments, its visible text (a checklist, form lines) is
boilerplate: it may stay, but it is not the author's content.

Placeholder words and phrases the template uses (``NNNN``, ``XXX``, ``(fill me in …)``)
become the pack's placeholders.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from archlint.errors import ConfigError, UnparsableError
from archlint.markdown import reading
from archlint.markdown.parser import parse
from archlint.model import BlockKind, Comment, Document, Heading, TextBlock
from archlint.template import classify, language, promptindex, sources, titles
from archlint.template.examples import example_sections
from archlint.template.packs import Pack, SectionSpec
from archlint.template.textsettings import EXAMPLE_PHRASES, TemplateText

_OPTIONAL_NOTE = re.compile(r"\boptional\b", re.IGNORECASE)
_PLACEHOLDER_WORDS = re.compile(r"(?<![^\W_])(?:N{3,}|X{2,}|x{2,}|TBD|TODO|FIXME)(?![^\W_])")
_FILL_ME_IN = re.compile(r"\((fill (?:me )?in)\b", re.IGNORECASE)


def _optional_note(comment: Comment) -> bool:
    """A short comment saying the element is optional (MADR's "This is an optional
    element. Feel free to remove.")."""
    return bool(_OPTIONAL_NOTE.search(comment.text)) and len(comment.text.split()) <= 12


def _comment_prompts(document: Document) -> list[Comment]:
    return [c for c in document.comments
            if not classify.DIRECTIVE().match(c.text) and not _optional_note(c)
            and len(promptindex.words(c.text)) >= promptindex.MIN_WORDS]


def _prompts_in_comments(document: Document, comments: list[Comment]) -> bool:
    """Does the template prompt in comments: does a comment prompt stand in one of its
    sections at least? A comment above its first section only (``<!-- Remember to add
    your RFC to SUMMARY.md -->`` before the title) is a note on the template, and its
    sections' prose is still what to replace."""
    title = _title_heading(document)
    first = next((h.line for h in document.headings if h is not title), None)
    return any(first is None or c.line > first for c in comments)


def _optional_by_comment(document: Document, heading: Heading) -> bool:
    """The last thing above the heading is a comment saying the element is optional."""
    above = [b.end_line for b in document.blocks if b.end_line < heading.line
             and b.kind is not BlockKind.HTML]
    last_block = max(above, default=0)
    return any(last_block < c.line and c.end_line < heading.line and _optional_note(c)
               for c in document.comments)


def _title_heading(document: Document) -> Heading | None:
    """The document's title: its first heading, if that is the only level-1 heading, or
    if it comes first at the shallowest level and says it is a title (``Title``,
    ``{short title}``, "Replace this with your title")."""
    level_one = [h for h in document.headings if h.level == 1]
    if len(level_one) == 1 and document.headings[0] is level_one[0]:
        return level_one[0]
    if document.headings:
        first = document.headings[0]
        if (first.level <= min(h.level for h in document.headings)
                and _TITLE_WORD.search(first.text)):
            return first
    return None


_TITLE_WORD = re.compile(r"\btitle\b", re.IGNORECASE)
# a section's own first words saying it may be left out
_OPTIONAL_BODY = re.compile(
    r"^\W*(?:\(?optional\b|this (?:section|element) is optional\b)|"
    r"\b(?:omit|remove|skip|delete) this (?:section|element) if\b|"
    r"\bthis (?:section|element) (?:may|can) be (?:omitted|removed|skipped|left out)\b",
    re.IGNORECASE)
_OPTIONAL_MARK = re.compile(r"^\s*optional\s*$", re.IGNORECASE)
# a heading that is a numbered example of a repeatable section: "Option 1", "Constraint 2"
_NUMBERED = re.compile(r"^(.*?\S)\s+(?:\d+|[nmxyNM])$")


def _optional_on_line(document: Document, heading: Heading) -> bool:
    """An ``<!-- optional -->`` comment on the heading's own line."""
    return any(c.line == heading.line and _OPTIONAL_MARK.match(c.text)
               for c in document.comments)


def _optional_by_body(document: Document, heading: Heading, end: int) -> bool:
    """The section's opening (its first paragraph, block-quoted or not, or comment,
    before any sub-heading) says it is optional or may be omitted ("Optional, but
    suggested", "Omit this section if it is not applicable", "This section may be
    omitted if …")."""
    texts = [(b.line, b.text) for b in document.blocks if heading.line < b.line < end
             and b.kind is BlockKind.PARAGRAPH and not b.in_list_item]
    texts += [(c.line, c.text) for c in document.comments if heading.line < c.line < end]
    opening = min(texts, default=None)
    if opening is None:
        return False
    text = opening[1].strip(" *_[]{}")
    return bool(_OPTIONAL_BODY.search(text)) or any(
        _OPTIONAL_BODY.search(sentence) for sentence in re.split(r"(?<=[.!?])\s+", text))


def _slots(document: Document, title: Heading | None) -> set[int]:
    """The lines of headings that stand for any number of the author's own sections: a
    placeholder or "…" alone, or one of two or more siblings named alike but for a
    number (``### Significant area 1``, ``### Significant area 2``)."""
    found = {h.line for h in document.headings if h is not title
             and (not titles.has_literal_text(h.text) or titles.is_ellipsis(h.text))}
    groups: dict[tuple[int, str], list[int]] = {}
    for heading in document.headings:
        match = _NUMBERED.match(titles.normalize(heading.text))
        if match:
            groups.setdefault((heading.level, match.group(1)), []).append(heading.line)
    for lines in groups.values():
        if len(lines) >= 2:
            found.update(lines)
    return found


def _groups(document: Document, heading: Heading, after: list[Heading]) -> bool:
    """Does the heading only group the two or more sections under it, with no text of
    its own (a template's "Outline" heading)?"""
    children = [h for h in after[:next((i for i, h in enumerate(after)
                                        if h.level <= heading.level), len(after))]
                if h.level == min((c.level for c in after if c.level > heading.level),
                                  default=0)]
    if len(children) < 2 or not after or after[0].level <= heading.level:
        return False
    first = after[0].line
    return not any(heading.line < b.line < first and b.kind is not BlockKind.HEADING
                   for b in document.blocks) and not any(
        heading.line < c.line < first for c in document.comments)


def _about(document: Document, start: int, end: int) -> str:
    """The template's own text for the section from line ``start`` to ``end``: its
    paragraphs, table cells and comments, in one line."""
    texts = [b.text for b in document.blocks if start < b.line < end
             and b.kind in (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL)]
    texts += [c.text for c in document.comments if start < c.line < end]
    return " ".join(" ".join(texts).split())


def _sections(document: Document, title: Heading | None) -> tuple[SectionSpec, ...]:
    examples = {section.heading.line for section, _ in example_sections(document,
                                                                        EXAMPLE_PHRASES)
                if section.heading}
    slots = _slots(document, title)
    specs: list[SectionSpec] = []
    example_level: int | None = None
    # a heading in a block quote is quoted guidance (``> ### Positive example``, an
    # example of what to write), not a section: its text is the section's around it
    headings = [heading for heading in document.headings if not heading.block.in_blockquote]
    for index, heading in enumerate(headings):
        if heading is title or not heading.text:
            continue  # a heading with no text names no section a document could have
        if example_level is not None and heading.level <= example_level:
            example_level = None
        is_example = heading.line in examples or example_level is not None
        if heading.line in examples:
            example_level = heading.level
        end = headings[index + 1].line if index + 1 < len(headings) else document.line_count + 1
        slot = heading.line in slots
        group = _groups(document, heading, headings[index + 1:])
        optional = (is_example or slot or titles.says_optional(heading.text)
                    or _optional_on_line(document, heading)
                    or _optional_by_comment(document, heading)
                    or _optional_by_body(document, heading, end))
        specs.append(SectionSpec(title=titles.unwrapped(heading.text), level=heading.level,
                                 required=not optional, example=is_example, slot=slot,
                                 group=group, about=_about(document, heading.line, end)))
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
    found = _comment_prompts(document)
    comments = _unique([c.text.strip() for c in found])
    if italic and len(italic) * 4 >= len(text):
        return _unique(italic), comments, ()
    if _prompts_in_comments(document, found):
        # its visible prompts are the text with blanks in it, in braces or (MADR 2's)
        # square brackets of two words or more (not a task box, "[x]", nor a marker,
        # "[Optional]"), but for a field that offers the answers to choose from
        marked = [b.text for b in text
                  if _HAS_PLACEHOLDER.search(source := " ".join(r.text for r in b.runs))
                  or (_BLANK.search(source) and not _offers(b))]
        rest = [b.text for b in text if b.text not in marked]
        return _unique(marked), comments, _unique(rest)
    choices = _choices(text)
    paragraphs = [b for b in text if b.kind is BlockKind.PARAGRAPH and not b.links
                  and _choice(b.text) not in choices]
    kept = [b for b in paragraphs
            if _form_default(b) or _fill_in_text(b) or _left_as_is(b)
            or _label(document.lines[b.line - 1]) or _offers(b)]
    cells = [b.text for b in text if b.kind is BlockKind.TABLE_CELL]
    return (_unique([b.text for b in paragraphs if b not in kept]), (),
            _unique(cells + [b.text for b in kept]))


_CHOICES = re.compile(r"\[([^\[\]]*[,|/][^\[\]]*)\]")  # [Proposed, Accepted, …]


def _choice(text: str) -> str:
    return text.strip().rstrip(".").casefold()


def _choices(blocks: list[TextBlock]) -> set[str]:
    """The answers a template offers to choose from (``[Positive, Neutral, Negative]``):
    written alone in the template (an example's "Neutral"), such an answer is no prompt,
    since an author who chose it writes that very word."""
    return {_choice(choice) for block in blocks for found in _CHOICES.findall(block.text)
            for choice in re.split(r"[,|/]", found) if choice.strip()}


# "Approver: markdroth": a form line whose value the template fills in already, and
# which a document keeps when the value holds for it too (but "Implemented in:
# <language, ...>" or "Last updated: [YYYY-MM-DD]" waits to be filled in)
_FORM_LINE = re.compile(r"^[^\W\d_][\w ()/'-]{0,30}:\s+(\S.*)$", re.DOTALL)
_BRACKETED = re.compile(r"\[[^\]]+\]")
_BLANK = re.compile(r"\[[^\]\s]+\s+[^\]]*[^\W_][^\]]*\]")  # [option 1]; not [x], [Optional]


def _fill_in_text(block: TextBlock) -> bool:
    """Text to keep with its blanks filled in: "This document serves to provide
    [project] users with …" (but "[A short summary of the proposal.]", bracketed whole,
    is guidance to replace)."""
    text = block.text.strip()
    blanks = _BRACKETED.findall(text)
    if not blanks or _FORM_LINE.match(text) or (text.startswith("[") and text.endswith("]")):
        return False  # "Last updated: [YYYY-MM-DD]" is a form line waiting for its value
    return all(len(blank.split()) <= 3 for blank in blanks)


def _form_default(block: TextBlock) -> bool:
    line = _FORM_LINE.match(block.text.strip())
    if line is None or len(line.group(1).split()) > 2 or line.group(1).isupper():
        return False  # "Date: DATE" names what to fill in
    if re.search(r"[,;.!?]\s*$|,", line.group(1)):
        return False  # "Operation: start, stop." lists what to write about
    source = " ".join(run.text for run in block.runs)
    return not (_HAS_PLACEHOLDER.search(source) or _BRACKETED.search(source))


# a label in bold that introduces what follows it ("**Authors:**" above the list of
# them): the document keeps it above its own list (but "Die Verteilungssicht
# beschreibt:", a sentence that opens a list of guidance, and "**Inhalt**", a heading
# of the guidance itself, are guidance)
_LABEL = re.compile(r"^\s*(\*\*|__)[^\W\d_][\w ()/'-]{0,40}(?::\1|\1:)\s*$")


def _label(line: str) -> bool:
    return bool(_LABEL.match(line)) and len(line.split()) <= 4


# text the template tells the author to leave as it is ("Tracking PR: (leave this
# empty)", filled in later by the maintainers)
_AS_IS = re.compile(r"\b(?:leave (?:this|it|that)(?: field)? (?:empty|blank|as it is|as is)|"
                    r"do(?: not|n't) (?:edit|change|fill in|touch) (?:this|it))\b",
                    re.IGNORECASE)


def _left_as_is(block: TextBlock) -> bool:
    return bool(_AS_IS.search(block.text))


# a form line whose value offers the answers to choose from ("Target Major Version:
# (2.x / 3.x)"): a document keeps the label and writes one of them, or more ("2.x /
# 3.x": both), so the line is no prompt
_OFFER = re.compile(r"^[^\W\d_][\w /'-]{0,30}:\s*(?:\((?:[^()/|]+[/|])+[^()/|]+\)|"
                    r"\[(?:[^\[\]/|]+[/|])+[^\[\]/|]+\])$")


def _offers(block: TextBlock) -> bool:
    return bool(_OFFER.match(block.text.strip()))


def _placeholders(document: Document) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for block in document.blocks:
        source = " ".join(run.text for run in block.runs)
        for match in _PLACEHOLDER_WORDS.finditer(source):
            found.setdefault(match.group(0), None)
        for match in _FILL_ME_IN.finditer(source):
            found.setdefault(f"({match.group(1).lower()}", None)
    return tuple(found)


def _quotes_prompts(document: Document, prompts: tuple[str, ...]) -> bool:
    """Does the template write its prompts in block quotes (most of them)? Then a
    document's block quote of one is the prompt left in, not a citation."""
    wanted = set(prompts)
    found = [b for b in document.blocks if " ".join(b.text.split()) in wanted]
    return bool(found) and 2 * sum(1 for b in found if b.in_blockquote) >= len(found)


def derive(text: str, name: str, source: str = "") -> Pack:
    """The rule pack a template's Markdown implies (UnparsableError when markdown-it-py
    fails on it)."""
    return derive_document(parse(text, source or None), name, source)


def derive_document(document: Document, name: str, source: str = "") -> Pack:
    """The rule pack a template implies."""
    title = _title_heading(document)
    sections = _sections(document, title)
    prompts, comment_prompts, boilerplate = _prompts(document)
    return Pack(
        name=name,
        title=title.text if title else "",
        description=f"Derived from the template {source}." if source else "",
        template=source,
        placeholders=_placeholders(document),
        prompts=prompts,
        comment_prompts=comment_prompts,
        quoted_prompts=_quotes_prompts(document, prompts),
        boilerplate=boilerplate,
        chapter_files=_chapters(sections, title),
        languages=_language(document),
        sections=sections,
    )


def name_for(path: Path) -> str:
    """A pack's name from its template's path: the file's stem, or its folder's name
    for a README, index or template file."""
    stem = path.stem if path.stem.lower() not in ("readme", "index", "template") else (
        path.parent.name or path.stem)
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "template"


def _language(document: Document) -> tuple[str, ...]:
    """The language of the template's text, as far as it can be told."""
    found = language.detect(b.text for b in document.blocks
                            if b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING))
    found = found or language.detect(c.text for c in document.comments)
    return (found,) if found else ()


def _chapters(sections: tuple[SectionSpec, ...], title: Heading | None) -> bool:
    """Is the template a book of chapters (no title, three or more required ``#``
    chapters, as arc42's), which a project may keep one per file?"""
    return title is None and sum(
        1 for spec in sections if spec.level == 1 and spec.expected) >= 3


def derive_file(path: Path) -> Pack:
    """Derive a pack from a template file (the ConfigError on failure names the file)."""
    read = reading.read(path, display=path.as_posix())
    if read.document is None:
        raise ConfigError(f"{path}: cannot read template: {read.problem}")
    return derive_document(read.document, name_for(path), path.as_posix())


@lru_cache(maxsize=32)
def derive_git(root: Path, file: sources.GitFile) -> Pack:
    """Derive a pack from a template as a git revision holds it (``git:REV:PATH``)."""
    text = sources.read_git(root, file)
    try:
        return derive(text, name_for(Path(file.path)), file.spec())
    except UnparsableError as error:
        raise ConfigError(f"{file.spec()}: cannot read template: {error}") from None


def derive_source(root: Path, template: str) -> Pack:
    """The pack of a configured template: a path relative to ``root``, or
    ``git:REV:PATH``, read through git in ``root``."""
    file = sources.git_file(template)
    if file is not None:
        return derive_git(root.resolve(), file)
    return derive_cached(root / template)


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
