"""Markdown text → :class:`archlint.model.Document`.

markdown-it-py (CommonMark plus GFM tables and strikethrough) does the parsing; this
module turns its flat token stream into archlint's own values: text blocks with their
containers, headings with GitHub anchors, links, HTML comments and anchors, top-level
lists, and the section tree. Front matter is blanked out before parsing so that every
line number stays that of the file.
"""

from __future__ import annotations

import html as html_entities
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from archlint import htmlscan, inline
from archlint.model import (
    Anchor,
    AnchorSource,
    BlockKind,
    Comment,
    Container,
    Document,
    Heading,
    Link,
    LinkKind,
    ListBlock,
    ListItem,
    Section,
    TextBlock,
)
from archlint.slugs import AnchorStyle, Slugger

_FRONT_MATTER_FENCES = {"---": ("---", "..."), "+++": ("+++",)}


@lru_cache(maxsize=2)
def _markdown(links_only: bool = False) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    if links_only:
        md.core.ruler.at("inline", _inline_where_links_may_be)
    return inline.configure(md)


_NOT_PARSED = "archlint_not_parsed"


def _inline_where_links_may_be(state: StateCore) -> None:
    """markdown-it-py's inline pass, for headings (their anchors) and for text that may
    hold a link, an image, an autolink or inline HTML (HTML anchors, comments): all of
    these need ``[`` and ``]``, or ``<`` and ``>``. The rest stays unparsed, marked so."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "inline":
            continue
        token.children = []
        text = token.content
        if (tokens[index - 1].type == "heading_open" or ("[" in text and "]" in text)
                or ("<" in text and ">" in text)):
            state.md.inline.parse(token.content, state.md, state.env, token.children)
        else:
            token.meta[_NOT_PARSED] = True


def split_lines(text: str) -> list[str]:
    """The file's lines as markdown-it-py sees them (any newline style, BOM dropped)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def _blank_front_matter(lines: list[str]) -> list[str]:
    closers = _FRONT_MATTER_FENCES.get(lines[0].rstrip()) if lines else None
    if not closers:
        return lines
    for end in range(1, len(lines)):
        if lines[end].rstrip() in closers:
            return [""] * (end + 1) + lines[end + 1:]
    return lines


@dataclass
class _SectionBuilder:
    heading: Heading | None
    line: int
    blocks: list[TextBlock] = field(default_factory=list)
    children: list[_SectionBuilder] = field(default_factory=list)

    def freeze(self, end_line: int) -> Section:
        children = []
        for index, child in enumerate(self.children):
            next_line = (self.children[index + 1].line - 1
                         if index + 1 < len(self.children) else end_line)
            children.append(child.freeze(next_line))
        return Section(self.heading, tuple(self.blocks), tuple(children), self.line, end_line)


@dataclass
class _ListBuilder:
    line: int
    column: int
    ordered: bool
    items: list[ListItem] = field(default_factory=list)


class _Walker:
    """One pass over the token stream, collecting the document's parts."""

    def __init__(self, lines: Sequence[str], style: AnchorStyle, links_only: bool) -> None:
        self.lines = lines
        self.links_only = links_only
        self.containers: list[Container] = []
        self.blocks: list[TextBlock] = []
        self.headings: list[Heading] = []
        self.links: list[Link] = []
        self.anchors: list[Anchor] = []
        self.comments: list[Comment] = []
        self.lists: list[ListBlock] = []
        self.style = style
        self.slugger = Slugger(style)
        self.open_lists: list[_ListBuilder] = []
        self.pending_item: tuple[int, int, int] | None = None
        self.root = _SectionBuilder(None, 1)
        self.stack: list[_SectionBuilder] = [self.root]
        self.row_cells: list[tuple[int, int]] = []

    # -- helpers -------------------------------------------------------------
    def _column_of_first_text(self, line: int) -> int:
        text = self.lines[line - 1] if line - 1 < len(self.lines) else ""
        stripped = text.lstrip(" \t>")
        return len(text) - len(stripped) + 1

    def _add_html(self, html: str, line: int, column: int) -> None:
        for offset, text in htmlscan.comments(html):
            start_line = line + html.count("\n", 0, offset)
            start_column = column + offset if start_line == line else (
                offset - html.rfind("\n", 0, offset))
            end_line = start_line + text.count("\n")
            self.comments.append(Comment(text, start_line, start_column, end_line))
        for offset, attribute, value in htmlscan.anchors(html):
            anchor_line = line + html.count("\n", 0, offset)
            source = AnchorSource.HTML_ID if attribute == "id" else AnchorSource.HTML_NAME
            self.anchors.append(Anchor(html_entities.unescape(value), source, anchor_line,
                                       column if anchor_line == line else 1))

    def _add_block(self, block: TextBlock) -> None:
        self.blocks.append(block)
        if block.kind is not BlockKind.HEADING:
            self.stack[-1].blocks.append(block)

    # -- token handlers ------------------------------------------------------
    def inline_block(self, kind: BlockKind, token: Token, line: int,
                     first_column: int | None = None, end_line: int | None = None,
                     masked: Sequence[tuple[int, int]] = ()) -> tuple[TextBlock, inline.InlineContent]:
        if token.meta.get(_NOT_PARSED):
            return self._unread_block(kind, token, line, first_column, end_line)
        where = inline.line_map(token.content, line, self.lines, first_column)
        content = inline.analyse(token, where, masked=masked, with_runs=not self.links_only)
        column = where.position(0)[1]
        block = TextBlock(
            kind=kind, line=line, column=column,
            end_line=end_line or line + token.content.count("\n"),
            text=content.text, containers=tuple(reversed(self.containers)),
            emphasized=content.italic, runs=content.runs, links=content.links,
        )
        self.links.extend(content.links)
        for fragment in content.html:
            self._add_html(fragment.html, fragment.line, fragment.column)
        return block, content

    def _unread_block(self, kind: BlockKind, token: Token, line: int, first_column: int | None,
                      end_line: int | None) -> tuple[TextBlock, inline.InlineContent]:
        """A block whose text was not parsed: where it is, and nothing of what it says."""
        block = TextBlock(kind=kind, line=line,
                          column=first_column or self._column_of_first_text(line),
                          end_line=end_line or line + token.content.count("\n"), text="",
                          containers=tuple(reversed(self.containers)))
        return block, inline.InlineContent("", False, (), (), ())

    def heading(self, open_token: Token, token: Token) -> None:
        line = open_token.map[0] + 1
        level = int(open_token.tag[1])
        custom_id, attribute_span = inline.heading_attribute(token.content)
        block, content = self.inline_block(
            BlockKind.HEADING, token, line, end_line=open_token.map[1],
            masked=[attribute_span] if attribute_span else ())
        text = content.text
        if custom_id is not None:
            text = inline.HEADING_ATTRIBUTE.sub("", text)
        if custom_id is not None and self.style is AnchorStyle.MKDOCS:
            # attr_list: the {#id} is the heading's anchor
            anchor, source = self.slugger.take(custom_id), AnchorSource.ATTRIBUTE
        else:
            # GitHub and GitLab show a {#id} as text, and it is part of the anchor
            anchor, source = self.slugger.slug(content.text), AnchorSource.HEADING
        heading = Heading(level=level, text=text.strip(), anchor=anchor, line=line,
                          column=block.column, block=block, custom_id=custom_id)
        self.headings.append(heading)
        self.anchors.append(Anchor(heading.anchor, source, line, block.column))
        self._add_block(block)
        while self.stack[-1].heading is not None and self.stack[-1].heading.level >= level:
            self.stack.pop()
        section = _SectionBuilder(heading, line)
        self.stack[-1].children.append(section)
        self.stack.append(section)

    def paragraph(self, open_token: Token, token: Token) -> None:
        line = open_token.map[0] + 1
        block, _ = self.inline_block(BlockKind.PARAGRAPH, token, line,
                                     end_line=open_token.map[1])
        self._add_block(block)
        if self.pending_item is not None and self.open_lists:
            item_line, item_column, depth = self.pending_item
            self.open_lists[0].items.append(ListItem(
                line=item_line, column=item_column, depth=depth,
                text=block.text, links=block.links))
            self.pending_item = None

    def table_cell(self, token: Token, line: int) -> None:
        column = self._cell_column(line, len(self.row_cells))
        block, _ = self.inline_block(BlockKind.TABLE_CELL, token, line, first_column=column)
        self.row_cells.append((line, column))
        self._add_block(block)

    def _cell_column(self, line: int, index: int) -> int:
        row = self.lines[line - 1] if line - 1 < len(self.lines) else ""
        starts = []
        escaped = False
        begin = 0
        for position, char in enumerate(row):
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == "|":
                starts.append((begin, position))
                begin = position + 1
        starts.append((begin, len(row)))
        if starts and not row[starts[0][0]:starts[0][1]].strip() and row.lstrip().startswith("|"):
            starts = starts[1:]
        if index >= len(starts):
            return 1
        begin, end = starts[index]
        cell = row[begin:end]
        return begin + len(cell) - len(cell.lstrip()) + 1

    def raw_block(self, token: Token) -> None:
        line = token.map[0] + 1
        if token.type == "html_block":
            kind = BlockKind.HTML
            self._add_html(token.content, line, self._column_of_first_text(line))
        else:
            kind = BlockKind.CODE
        self._add_block(TextBlock(
            kind=kind, line=line, column=self._column_of_first_text(line),
            end_line=token.map[1], text=token.content,
            containers=tuple(reversed(self.containers))))

    def list_open(self, token: Token) -> None:
        line = token.map[0] + 1
        self.open_lists.append(_ListBuilder(line, self._column_of_first_text(line),
                                            token.type == "ordered_list_open"))

    def list_close(self, end_line: int) -> None:
        builder = self.open_lists.pop()
        if not self.open_lists:
            self.lists.append(ListBlock(builder.line, builder.column, end_line,
                                        builder.ordered, tuple(builder.items)))

    def item_open(self, token: Token) -> None:
        line = token.map[0] + 1
        self._flush_pending_item()
        self.pending_item = (line, self._column_of_first_text(line), len(self.open_lists) - 1)

    def _flush_pending_item(self) -> None:
        """An item without a paragraph of its own (``-`` alone, or a code block) still counts."""
        if self.pending_item is not None and self.open_lists:
            line, column, depth = self.pending_item
            self.open_lists[0].items.append(ListItem(line, column, depth, "", ()))
        self.pending_item = None

    def definitions(self, references: dict[str, dict]) -> None:
        """Link reference definitions (``[label]: target``), used or not."""
        for label, reference in references.items():
            line = reference.get("map", [0])[0] + 1
            self.links.append(Link(LinkKind.DEFINITION, inline.as_written(reference["href"]),
                                   label, line, self._column_of_first_text(line)))
        self.links.sort(key=lambda link: (link.line, link.column))

    def walk(self, tokens: Sequence[Token]) -> None:
        list_ends: list[int] = []
        row_line = 0
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "heading_open":
                self.heading(token, tokens[index + 1])
                index += 2
            elif kind == "paragraph_open":
                self.paragraph(token, tokens[index + 1])
                index += 2
            elif kind in ("th_open", "td_open"):
                self.table_cell(tokens[index + 1], row_line)
                index += 2
            elif kind == "tr_open":
                row_line = token.map[0] + 1
                self.row_cells = []
            elif kind in ("fence", "code_block", "html_block"):
                self.raw_block(token)
            elif kind == "blockquote_open":
                self.containers.append(Container.BLOCKQUOTE)
            elif kind == "table_open":
                self.containers.append(Container.TABLE)
            elif kind in ("blockquote_close", "table_close"):
                self.containers.pop()
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.list_open(token)
                list_ends.append(token.map[1])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self._flush_pending_item()
                self.list_close(list_ends.pop())
            elif kind == "list_item_open":
                self.item_open(token)
                self.containers.append(Container.LIST_ITEM)
            elif kind == "list_item_close":
                self._flush_pending_item()
                self.containers.pop()
            index += 1


def parse(text: str, path: str | None = None,
          anchor_style: AnchorStyle = AnchorStyle.GITHUB, *, links_only: bool = False
          ) -> Document:
    """Parse Markdown ``text`` (the contents of ``path``, if given) into a Document whose
    heading anchors are made the way ``anchor_style`` makes them. With ``links_only``,
    only what links and anchors need is parsed: the document's links, anchors,
    headings, sections, comments and lines are complete, but text blocks (and list
    items) that hold no link have no text: quicker, for rules that read only links."""
    lines = split_lines(text)
    source = "\n".join(_blank_front_matter(lines))
    walker = _Walker(lines, anchor_style, links_only)
    env: dict = {}
    walker.walk(_markdown(links_only).parse(source, env))
    walker.definitions(env.get("references", {}))
    line_count = len(lines) - (1 if lines and lines[-1] == "" else 0)
    return Document(
        path=path,
        root=walker.root.freeze(max(line_count, 1)),
        headings=tuple(walker.headings),
        blocks=tuple(walker.blocks),
        links=tuple(walker.links),
        anchors=tuple(walker.anchors),
        comments=tuple(walker.comments),
        lists=tuple(walker.lists),
        line_count=line_count,
        anchor_names=frozenset(anchor.name for anchor in walker.anchors),
        lines=tuple(lines),
    )
