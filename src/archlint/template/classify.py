"""Which parts of a document are the template's text and which are the author's own.

Template text is: an all-italic prompt, a block or HTML comment that is mostly one of
the rule pack's prompts, the pack's boilerplate (text of the template that may stay), a
block that is only placeholders, and an example section's marker. Template text never counts as content (AL202 empty-section, completeness).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from archlint.model import BlockKind, Comment, Document, Section, TextBlock
from archlint.template import promptindex
from archlint.template.packs import Pack
from archlint.template.textsettings import TemplateText

_PLACEHOLDER = (r"(?<![^\W_])(?:x+|X+|TBD|TODO|FIXME|N{3,})(?![^\W_])|\.{3,}|…|"
                r"\\<[^<>]*\\>|<[^<>]*>|\{[^{}]*\}")
_FILLER = r"[\s*_>|,;:()\-]"
_FILLER_ONLY = re.compile(rf"{_FILLER}*")
_DIRECTIVE = re.compile(r"^\s*(?:archlint-|/?toc\s*$)")


class Kind(enum.Enum):
    OWN = "own"
    PROMPT = "prompt"            # all italics: the template's instruction
    TEMPLATE = "template"        # mostly one of the pack's prompts
    PLACEHOLDER = "placeholder"  # nothing but placeholders
    BOILERPLATE = "boilerplate"  # the template's text that may stay (a checklist)
    MARKER = "marker"            # an example section's "remove if not relevant"


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
_ADDRESS = re.compile(
    r"(?<![\w-])(?:if you|you (?:should|must|can|may|will|need|might|want|are|have|"
    + "|".join(sorted(INSTRUCTION_VERBS)) + r")|(?:do|did|will|would|could|can|should|have|"
    r"are|were) you|your|yours)\b|\bthis (?:section|chapter|document|template|view|page|table)\b[^.!?:]{0,30}?"
    r"\b(?:must|should|shall|needs?|is (?:required|encouraged|optional|mandatory|"
    r"recommended)|(?:can|may) be (?:removed|omitted|deleted|skipped))\b", re.IGNORECASE)
# where a sentence (a capital after . ! ?, so not "e.g. add") or a clause starts (after
# : or ;, or "In this section, …"); the word is whole (not "Drop-in")
_CLAUSE_START = re.compile(r"(^\W{0,2}|[.!?]\s+(?=[A-Z])|[:;]\s+|\b[Tt]his (?:section|chapter|"
                           r"document|template|view|page),\s+)([^\W\d_]+)(?![\w-])")


def reads_as_instruction(text: str) -> bool:
    """Does a sentence or clause start with an imperative ("…: remove it if unused"),
    or does the text speak to the reader or say what this section must hold?"""
    for match in _CLAUSE_START.finditer(text):
        verbs = INSTRUCTION_VERBS if match.start() == 0 else _CLAUSE_VERBS
        if match.group(2).casefold() in verbs:
            return True
    return bool(_ADDRESS.search(text))


def is_italic_prompt(block: TextBlock, settings: TemplateText) -> bool:
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL) or not block.emphasized:
        return False
    if block.in_blockquote or _only_a_link(block):
        return False
    text = block.text.strip()
    if len(text.split()) < settings.min_words:
        return False
    if any(pattern.search(text) for pattern in _compiled(settings.ignore_patterns)):
        return False
    return not settings.instructions_only or reads_as_instruction(text)


@dataclass(frozen=True, slots=True)
class Classified:
    """The kind of every text block, and the comments that are template text."""

    kinds: dict[tuple[int, int], Kind]  # (line, column) → kind; the rest are OWN
    comments: tuple[tuple[Comment, str], ...]

    def kind(self, block: TextBlock) -> Kind:
        return self.kinds.get((block.line, block.column), Kind.OWN)

    def own(self, blocks: Sequence[TextBlock]) -> list[TextBlock]:
        return [b for b in blocks if b.kind in _CONTENT and self.kind(b) is Kind.OWN]


_CONTENT = (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL, BlockKind.CODE)


def classify(document: Document, pack: Pack | None, settings: TemplateText,
             examples: Sequence[tuple[Section, TextBlock]] = ()) -> Classified:
    """The kinds of the document's blocks; ``examples`` are its example sections with
    their markers (:func:`archlint.template.examples.example_sections`)."""
    markers = {(b.line, b.column) for _, b in examples}
    prompts = promptindex.index(pack.prompts) if pack and pack.prompts else None
    comment_prompts = (promptindex.index(pack.comment_prompts)
                       if pack and pack.comment_prompts else None)
    boilerplate = promptindex.index(pack.boilerplate) if pack and pack.boilerplate else None
    kinds: dict[tuple[int, int], Kind] = {}
    only = _placeholders_only(pack.placeholders if pack else ())
    for block in document.blocks:
        key = (block.line, block.column)
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL):
            continue
        if key in markers:
            kinds[key] = Kind.MARKER
        elif is_italic_prompt(block, settings):
            kinds[key] = Kind.PROMPT
        elif (prompts is not None and not _only_a_link(block) and not block.in_blockquote
              and prompts.match(block.text, settings.similarity, 1)):
            kinds[key] = Kind.TEMPLATE
        elif (boilerplate is not None and not _only_a_link(block)
              and boilerplate.match(block.text, 0.9, 1)):
            kinds[key] = Kind.BOILERPLATE
        elif _only_placeholders("".join(run.text for run in block.runs), only):
            kinds[key] = Kind.PLACEHOLDER
    comments = []
    if comment_prompts is not None:
        for comment in document.comments:
            if _DIRECTIVE.match(comment.text):
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
    return re.compile(rf"(?:{_PLACEHOLDER}{extra}|{_FILLER})*+")  # _V_ is a word, not filler


def _only_placeholders(text: str, only: re.Pattern[str]) -> bool:
    """Is the text nothing but placeholders (at least one) and filler?"""
    return only.fullmatch(text) is not None and _FILLER_ONLY.fullmatch(text) is None


def has_content(section: Section, classified: Classified) -> bool:
    """Does the section, or any section under it, hold text of the author's own?"""
    return any(classified.own(s.blocks) for s in section.walk())


def has_boilerplate(section: Section, classified: Classified) -> bool:
    """Does the section hold template text that the template means to stay?"""
    return any(classified.kind(b) is Kind.BOILERPLATE for b in section.blocks)

