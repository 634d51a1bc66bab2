"""Which parts of a document are the template's text and which are the author's own.

Template text is: an all-italic prompt, a block or HTML comment that is mostly one of
the rule pack's prompts, the pack's boilerplate (text of the template that may stay), a
block that is only placeholders, and an example section's marker. Template text never counts as content (AL202 empty-section, completeness).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from archlint.frozen import frozen
from archlint.model import BlockKind, Comment, Document, Section, TextBlock
from archlint.patterns import lazy
from archlint.template import promptindex
from archlint.template.textsettings import TemplateText

if TYPE_CHECKING:
    from archlint.template.packs import Pack

_PLACEHOLDER = (r"(?<![^\W_])(?:x+|X+|TBD|TODO|FIXME|N{3,})(?![^\W_])|\.{3,}|…|"
                r"\\<[^<>]*\\>|<[^<>]*>|\{[^{}]*\}")
_FILLER = r"[\s*_>|,;:()\-]"
_FULL_STOP = r"(?<=\w)[.!?]"  # after a placeholder word: "TODO." is still only a placeholder
_FILLER_ONLY = re.compile(rf"{_FILLER}*")
# comments that are some tool's directive, not the template's guidance:
# <!-- archlint-disable … -->, <!-- markdownlint-disable MD013 -->, <!-- toc -->, …
DIRECTIVE = lazy(
    r"^\s*(?:archlint-|(?:/?toc|omit in toc|more|truncate)\s*$|(?:markdownlint|prettier|cspell|"
    r"spellchecker|vale|textlint|eslint|remark-lint|mdformat|codespell|doctoc|"
    r"vscode-markdown-toc|pragma)(?:[-:\s]|$)|"
    # any tool's switch: markdown-link-check-disable, spell-checker: ignore, lint-skip
    r"[\w.]+(?:[-:]\s?[\w.]+)*[-:]\s?(?:disable|enable|ignore|skip|off|on)(?:-[\w-]+)?"
    r"(?:\s+[\w.,/-]+)*\s*$)", re.IGNORECASE)


class Kind(enum.Enum):
    OWN = "own"
    PROMPT = "prompt"            # all italics: the template's instruction
    TEMPLATE = "template"        # mostly one of the pack's prompts
    PLACEHOLDER = "placeholder"  # nothing but placeholders
    BOILERPLATE = "boilerplate"  # the template's text that may stay (a checklist)
    MARKER = "marker"            # an example section's "remove if not relevant"


# Looking up an enumeration's member (Kind.OWN) costs some 70 ns on Python 3.11, ten
# times a name's: the loops over every block use these names instead.
_OWN = Kind.OWN
_TEXT = (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL)  # the blocks template text is in


@lru_cache(maxsize=32)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)


def _only_a_link(block: TextBlock) -> bool:
    return len(block.links) == 1 and block.links[0].text.strip() == block.text.strip()


# Template prompts are instructions: they start with an imperative, or speak to the
# reader ("if you", "you should", "your"), or say what "this section" must or should
# hold. An author's own italics (a note, a pseudo-heading, an aside such as "this
# section assumes familiarity with …" or "the community that brought you …") rarely do.
INSTRUCTION_VERBS = frozenset("""
add address answer assess capture choose clarify consider define delete describe detail
discuss document elaborate enter enumerate explain fill give highlight identify include
indicate insert justify link list mention note outline provide record remove replace
show specify state summarise summarize write
""".split())
# after the first word, only verbs that are not also nouns ("Legend: Link arrows show …")
_CLAUSE_VERBS = INSTRUCTION_VERBS - frozenset(
    "address capture detail document link list note record show state enter".split())
# "you should", "your", "do you …?" speak to the writer; "you can" or "you may" does
# only with what to write ("you may add a diagram", "you can leave this out"): "you can
# read more in …" is a note to readers, "you can also mitigate …" the author's prose
_ADDRESS = lazy(
    r"(?<![\w-])(?:if you|you (?:should|must|need|want|are|have|"
    + "|".join(sorted(INSTRUCTION_VERBS)) + r")|you (?:can|may|will|might|could)\s+(?:also\s+)?"
    r"(?:(?:want|wish|need|choose|decide)\s+to\s+|then\s+)?(?:leave|omit|use this|"
    + "|".join(sorted(INSTRUCTION_VERBS)) + r")|(?:do|did|will|would|could|can|should|have|"
    r"are|were) you|your|yours)\b|\bthis (?:section|chapter|document|template|view|page|table)\b[^.!?:]{0,30}?"
    r"\b(?:must|should|shall|needs?|is (?:required|encouraged|optional|mandatory|"
    r"recommended)|(?:can|may) be (?:removed|omitted|deleted|skipped))\b", re.IGNORECASE)
# where a sentence (a capital after . ! ?, so not "e.g. add") or a clause starts (after
# : or ;, after a condition put first, "If there is a bus, explain …", or "In this
# section, …"); the word is whole (not "Drop-in")
_CLAUSE_START = lazy(r"(?:(?P<condition>^\W{0,2}(?:[Ii]f|[Ww]hen|[Ww]here|[Uu]nless|"
                     r"[Oo]nce|[Ff]or (?:each|every|any))\b[^,.;:!?]{1,80},\s+)|"
                     r"(?P<first>^\W{0,2})|"
                     r"[.!?]\s+(?=[A-Z])|[:;]\s+|"
                     r"\b[Tt]his (?:section|chapter|document|template|view|page),\s+)"
                     r"(?P<word>[^\W\d_]+)(?![\w-])")


def reads_as_instruction(text: str) -> bool:
    """Does a sentence or clause start with an imperative ("…: remove it if unused"),
    or does the text speak to the reader or say what this section must hold?"""
    for match in _CLAUSE_START().finditer(text):
        opens = match.group("first") is not None or match.group("condition") is not None
        verbs = INSTRUCTION_VERBS if opens else _CLAUSE_VERBS
        if match.group("word").casefold() in verbs:
            return True
    return bool(_ADDRESS().search(text))


# How a template describes what goes in a section, without an imperative: in the third
# person ("Outlines how the audit trail is kept"), as a noun phrase ("Overview of the
# integration points") or saying what the text could cover ("the discussion could cover
# tokenisation"). An author writes that way too, so this voice counts only where a
# prompt stands: alone in its section.
_THIRD_PERSON = (r"outlines|describes|lists|explains|documents|summari[sz]es|captures|"
                 r"identifies|details|defines|provides|shows|specifies|gives|records|"
                 r"covers|discusses|presents|introduces|enumerates|highlights|"
                 r"contains|includes|holds|clarifies|justifies|answers")
_NOUN_HEADS = (r"overview|description|summary|list|details|explanation|discussion|"
               r"definition|outline|diagram|examples?|links?|references?|rationale|"
               r"justification|reasons?|introduction|breakdown|enumeration|"
               r"short description|brief description|high-level overview|"
               r"high-level description")
_CONTENT_VERBS = (r"cover|include|describe|discuss|list|explain|mention|address|outline|"
                  r"show|detail|document|summari[sz]e|answer|capture|contain|hold|give|"
                  r"provide|state|be \w+ed|go")
_DISCOURSE = (r"discussion|description|answer|text|section|part|paragraph|table|diagram|"
              r"list|summary|overview|content|entry|document|page|view|chapter")
# an indirect question of what to write: "How access is decided: …", "Metrics the
# System emits, and where they are collected"; or a question to answer
_QUESTION = (r"^\W{0,2}(?:which|how|where|who|whom|whose|what|why|whether)\b|"
             r",\s+(?:and|or)\s+(?:where|how|who|which|what|why|when|whether)\b|\?\W{0,2}$")
_TEMPLATE_VOICE = lazy(
    rf"{_QUESTION}|^\W{{0,2}}(?:(?:{_THIRD_PERSON})\s|(?:an? |the )?(?:{_NOUN_HEADS})"
    rf"(?:\s+(?:of|for|on|about|and)\b|,|\s*$))|\b(?:{_DISCOURSE})\s+(?:here\s+)?(?:could|should|might|may|can|"
    rf"would|will|must|shall)\s+(?:also\s+)?(?:{_CONTENT_VERBS})\b|\bhere\s+(?:could|should|"
    rf"might|may|can|would|will|must|shall)\s+(?:also\s+)?(?:{_CONTENT_VERBS})\b",
    re.IGNORECASE)


def reads_in_template_voice(text: str) -> bool:
    """Does the text describe what its section holds, the way templates do?"""
    return bool(_TEMPLATE_VOICE().search(text))


def _italic_text(block: TextBlock, settings: TemplateText) -> str | None:
    """The text of an all-italic paragraph or cell that may be a prompt: not in a block
    quote, not only a link, long enough and matching none of the ignore patterns."""
    if block.kind not in _TEXT or not block.emphasized:
        return None
    if block.in_blockquote or _only_a_link(block):
        return None
    text = block.text.strip()
    if len(text.split()) < settings.min_words:
        return None
    if any(pattern.search(text) for pattern in _compiled(settings.ignore_patterns)):
        return None
    return text


def is_italic_prompt(block: TextBlock, settings: TemplateText) -> bool:
    text = _italic_text(block, settings)
    return text is not None and (not settings.instructions_only or reads_as_instruction(text))


@frozen
class Classified:
    """The kind of every text block, and the comments that are template text."""

    kinds: dict[tuple[int, int], Kind]  # (line, column) → kind; the rest are OWN
    comments: tuple[tuple[Comment, str], ...]

    def kind(self, block: TextBlock) -> Kind:
        return self.kinds.get((block.line, block.column), _OWN)

    def own(self, blocks: Sequence[TextBlock]) -> list[TextBlock]:
        return [b for b in blocks if _is_content(b) and self.kind(b) is _OWN]


_CONTENT = (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL, BlockKind.CODE)
# an HTML block showing a picture, a diagram or a table is content: <img>, <p><img></p>
_MEDIA = re.compile(r"<(?:img|picture|svg|figure|iframe|video|audio|object|embed|canvas|"
                    r"table)\b", re.IGNORECASE)


def _is_content(block: TextBlock) -> bool:
    kind = block.kind
    return kind in _CONTENT or (kind is BlockKind.HTML and _MEDIA.search(block.text) is not None)


def _shortest(block: TextBlock) -> int:
    """The fewest words a block may have to be one of the pack's prompts: a one-word
    prompt ("Motivation") is one in a paragraph of its own, but a table cell so short is
    the author's header."""
    return 1 if block.kind is BlockKind.PARAGRAPH else promptindex.MIN_WORDS


_ANY_PLACEHOLDER = re.compile(_PLACEHOLDER)


def _template_only(blocks: Sequence[TextBlock], kinds: dict[tuple[int, int], Kind]) -> bool:
    """Is nothing among the blocks the author's own? Template text, lines with a
    placeholder in them ("Escalation: {contact}", "kept for TBD days") and the headers
    and row labels of tables whose every other cell is a placeholder are not."""
    blank_labels = _blank_table_labels(blocks, kinds)
    for block in blocks:
        key = (block.line, block.column)
        if key in kinds or key in blank_labels:
            continue
        if block.kind is BlockKind.PARAGRAPH and _ANY_PLACEHOLDER.search(
                "".join(run.text for run in block.runs)):
            continue
        return False
    return True


def _prompt_alone(section: Section, kinds: dict[tuple[int, int], Kind],
                  settings: TemplateText) -> TextBlock | None:
    """The block right under the section's heading, when it stands as a prompt (see
    :func:`_stands_as_prompt`) and nothing else in the section is the author's own (see
    :func:`_template_only`). Few blocks are italic, so that is asked first."""
    content = [b for b in section.blocks if _is_content(b)]
    if not content or (content[0].line, content[0].column) in kinds:
        return None
    if not _stands_as_prompt(content[0], settings):
        return None
    return content[0] if _template_only(content[1:], kinds) else None


def template_share(document: Document, settings: TemplateText = TemplateText()) -> float:
    """How much of a document is still its template: the share of its innermost
    sections that hold nothing of an author's own (0 for a document of fewer than two
    sections). Without a rule pack, template text is what the document's own form
    says it is: prompts, placeholders, template comments."""
    leaves = [s for s in document.sections() if not s.children]
    if len(leaves) < 2:
        return 0.0
    kinds = classify(document, None, settings).kinds
    blank = sum(_template_only([b for b in s.blocks if _is_content(b)], kinds)
                for s in leaves)
    return blank / len(leaves)


def _blank_table_labels(blocks: Sequence[TextBlock], kinds: dict[tuple[int, int], Kind]
                         ) -> set[tuple[int, int]]:
    """The header cells and row labels of the tables among ``blocks`` whose other cells
    are all placeholders (a row starts a new table when it is more than two lines below the
    last: header, |---|, rows)."""
    tables: list[list[TextBlock]] = []
    for block in blocks:
        if block.kind is not BlockKind.TABLE_CELL:
            continue
        if tables and 0 <= block.line - tables[-1][-1].line <= 2:
            tables[-1].append(block)
        else:
            tables.append([block])
    labels: set[tuple[int, int]] = set()
    for cells in tables:
        rows: dict[int, list[TextBlock]] = {}
        for cell in cells:
            rows.setdefault(cell.line, []).append(cell)
        header, *body = rows.values()
        blanks = [c for row in body for c in row[1:]]
        if blanks and all(kinds.get((c.line, c.column)) is Kind.PLACEHOLDER for c in blanks):
            labels.update((c.line, c.column) for c in (*header, *(row[0] for row in body)))
    return labels


def _stands_as_prompt(block: TextBlock, settings: TemplateText) -> bool:
    """An italic paragraph alone under its heading that describes what the section
    holds, in the template's voice rather than the imperative."""
    text = _italic_text(block, settings) if block.kind is BlockKind.PARAGRAPH else None
    return text is not None and reads_in_template_voice(text)


_OPENING, _CLOSING = "“„«", "”»"


def _quotations(blocks: Sequence[TextBlock]) -> set[tuple[int, int]]:
    """Italic paragraphs that are a quotation: from one that opens with a quotation mark
    to the one that closes it, across the italic paragraphs (list items) between."""
    quoted: set[tuple[int, int]] = set()
    depth = 0
    for block in blocks:
        if block.kind is not BlockKind.PARAGRAPH:
            continue
        text = block.text.strip()
        if not block.emphasized:
            depth = 0
            continue
        if depth == 0 and not text.startswith(("“", "„", "«", '"')):
            continue
        quoted.add((block.line, block.column))
        depth += sum(text.count(c) for c in _OPENING) - sum(text.count(c) for c in _CLOSING)
        if text.startswith('"'):
            depth += text.count('"') % 2
        depth = max(depth, 0)
    return quoted


def classify(document: Document, pack: Pack | None, settings: TemplateText,
             examples: Sequence[tuple[Section, TextBlock]] = ()) -> Classified:
    """The kinds of the document's blocks; ``examples`` are its example sections with
    their markers (:func:`archlint.template.examples.example_sections`)."""
    markers = {(b.line, b.column) for _, b in examples}
    prompts = promptindex.index(pack.prompts) if pack and pack.prompts else None
    # a prompt in a block quote is a citation, unless the template quotes its prompts
    quoted = pack is not None and pack.quoted_prompts
    comment_prompts = (promptindex.index(pack.comment_prompts)
                       if pack and pack.comment_prompts else None)
    boilerplate = promptindex.index(pack.boilerplate) if pack and pack.boilerplate else None
    kinds: dict[tuple[int, int], Kind] = {}
    only = _placeholders_only(pack.placeholders if pack else ())
    quotations = _quotations(document.blocks)
    for block in document.blocks:
        if block.kind not in _TEXT:
            continue
        key = (block.line, block.column)
        if key in markers:
            kinds[key] = Kind.MARKER
        elif block.emphasized and key not in quotations and is_italic_prompt(block, settings):
            kinds[key] = Kind.PROMPT
        elif (prompts is not None and not _only_a_link(block)
              and (quoted or not block.in_blockquote)
              and prompts.match(block.text, settings.similarity, _shortest(block))):
            kinds[key] = Kind.TEMPLATE
        elif (boilerplate is not None and not _only_a_link(block)
              and boilerplate.match(block.text, 0.9, 1)):
            kinds[key] = Kind.BOILERPLATE
        elif _only_placeholders("".join([run.text for run in block.runs]), only):
            kinds[key] = Kind.PLACEHOLDER
    for section in document.sections():
        alone = _prompt_alone(section, kinds, settings)
        if alone is not None and (alone.line, alone.column) not in quotations:
            kinds[(alone.line, alone.column)] = Kind.PROMPT
    comments = []
    if comment_prompts is not None:
        for comment in document.comments:
            if DIRECTIVE().match(comment.text):
                continue
            match = comment_prompts.match(comment.text, settings.similarity)
            if match:
                comments.append((comment, match.prompt))
    return Classified(kinds, tuple(comments))


@lru_cache(maxsize=32)
def _placeholders_only(words: tuple[str, ...]) -> re.Pattern[str]:
    """Text made of placeholders (with a rule pack's own words, such as ``DATE``, as
    whole words) and filler between them. Matched whole, it fails at the first word
    that is neither, so the author's own text costs almost nothing to rule out. The
    repetition is possessive: a long run of dots is never re-split."""
    plain = [re.escape(w) for w in words if re.fullmatch(r"\w+", w)]
    extra = rf"|(?<![^\W_])(?:{'|'.join(plain)})(?![^\W_])" if plain else ""
    # _V_ is a word, not filler
    return re.compile(rf"(?:{_PLACEHOLDER}{extra}|{_FILLER}|{_FULL_STOP})*+")


def only_placeholders(text: str) -> bool:
    """Is the text nothing but placeholders and filler ("TBD", "{title}", "xxx.")?"""
    return _only_placeholders(text, _placeholders_only(()))


def _only_placeholders(text: str, only: re.Pattern[str]) -> bool:
    """Is the text nothing but placeholders (at least one) and filler?"""
    return only.fullmatch(text) is not None and _FILLER_ONLY.fullmatch(text) is None


# Headings that stand for one the author was to write: "Todo", "Significant area 1",
# "Example scenario 2". The template's adjective ("significant", "example") tells them
# from an author's "Option 1" or "Story 2", which name a section as well as any other
# (left empty, such a section is AL202's finding).
_SLOT_NOUNS = (r"area|aspect|component|concern|decision|driver|element|item|option|"
               r"requirement|risk|scenario|step|topic|module|container|interface|actor|"
               r"goal|quality goal|stakeholder|use case|building block|concept|system|"
               r"service|subsystem|node|feature|story|user story|constraint|principle|"
               r"pattern|view|artifact|process|flow|section|subsection|heading|title|"
               r"alternative|consequence|question|entity|dependency|integration")
_SLOT = lazy(  # some milliseconds to compile: only for a title that may be a slot
    rf"^(?:todo|tbd|tbc|fixme|(?:significant|important|key|main|sample|example|another|"
    rf"other|additional|further|some|new)\s+(?:[^\W\d_]+\s+)?(?:{_SLOT_NOUNS})"
    rf"\s+(?-i:\d{{1,2}}|[A-Z]|n|x))$", re.IGNORECASE)
# What every slot's title ends with (its number or letter) or is: most titles fail here
_SLOT_END = re.compile(r"(?:\s(?:\d{1,2}|[A-Z]|n|x)|^(?i:todo|tbd|tbc|fixme))\Z")


@lru_cache(maxsize=4096)  # asked of every heading: most titles recur across documents
def slot_heading(title: str) -> bool:
    """Is the heading a slot of the template, never named by the author?"""
    title = " ".join(title.split())
    return _SLOT_END.search(title) is not None and _SLOT().match(title) is not None


def has_content(section: Section, classified: Classified) -> bool:
    """Does the section, or any section under it, hold text of the author's own?"""
    return any(classified.own(s.blocks) for s in section.walk())


def has_boilerplate(section: Section, classified: Classified) -> bool:
    """Does the section hold template text that the template means to stay?"""
    return any(classified.kind(b) is Kind.BOILERPLATE for b in section.blocks)

