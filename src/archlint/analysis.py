"""The analyses of one document that several rules (and ``archlint status``) share.

Each is made the first time it is asked for and kept for as long as the document is
being checked: which blocks are template text, where the rule pack's sections stand,
which sections are the template's examples, and the table of contents. Rules reach
them through :attr:`archlint.rule.Context.analysis`; nothing is kept between documents.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from archlint.links import toc
from archlint.model import BlockKind, Document, Section, TextBlock
from archlint.template import classify, examples, language, titles
from archlint.template.textsettings import TemplateText

if TYPE_CHECKING:
    from archlint.template import outline
    from archlint.template.packs import Pack


class DocumentAnalysis:
    """What is known of one document beyond its parse, worked out on demand."""

    def __init__(self, document: Document, pack: Pack | None = None,
                 template_text: TemplateText = TemplateText()) -> None:
        self.document = document
        self.pack = pack
        self.settings = template_text

    @cached_property
    def examples(self) -> tuple[tuple[Section, TextBlock], ...]:
        """The template's example sections left in, each with its "remove if not
        relevant" marker."""
        return tuple(examples.example_sections(self.document, self.settings.example_phrases))

    @cached_property
    def template_text(self) -> classify.Classified:
        """Which blocks and comments are the template's text rather than the author's."""
        return classify.classify(self.document, self.pack, self.settings, self.examples)

    @cached_property
    def outline(self) -> tuple[outline.Placement, ...]:
        """Where the rule pack's sections stand in the document (none without a pack); a
        table of contents without its heading stands for the pack's "Table of contents"."""
        if self.pack is None:
            return ()
        from archlint.template import outline  # here: only a document with a pack needs it

        placements = outline.place(self.document, self.pack)
        if any(titles.is_contents(spec.title) for spec in self.pack.sections) and (
                self.contents is not None):
            first = next(block for block in self.document.blocks
                         if block.line >= self.contents.block.line)
            placements = outline.contents_listed(placements, first)
        return placements

    @cached_property
    def language(self) -> str | None:
        """The language the document's prose is in, if it can be told."""
        return language.detect(block.text for block in self.document.blocks
                               if block.kind is BlockKind.PARAGRAPH)

    @property
    def titles_known(self) -> bool:
        """Does the pack know its section titles in the document's language?"""
        return self.pack is None or self.pack.knows_titles_in(self.language)

    @cached_property
    def contents(self) -> toc.TableOfContents | None:
        """The document's table of contents, if it has one."""
        return toc.find(self.document)
