"""Markdown text → :class:`archlint.model.Document`.

markdown-it-py (CommonMark plus GFM tables and strikethrough) does the parsing; this
module turns its flat token stream into archlint's own values: text blocks with their
containers, headings with GitHub anchors, links, HTML comments and anchors, top-level
lists, and the section tree. Front matter is blanked out before parsing so that every
line number stays that of the file.
"""

from __future__ import annotations

import html as html_entities
import re
from collections.abc import Callable, Sequence

from markdown_it.token import Token

from archlint.errors import UnparsableError
from archlint.markdown import htmlscan, inline, tokenizer
from archlint.markdown.slugs import STYLES, AnchorStyle, Slugger
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
    quick_constructor,
)

_FRONT_MATTER_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
# a "|" between cells: one not right after a backslash (markdown-it-py's rule, which
# counts no backslashes: "\\\\|" is an escaped pipe too)
_CELL_BORDER = re.compile(r"(?<!\\)\|")
_ESCAPED_PIPE = re.compile(r"\\\|")

# the model's values, made quicker than by their classes (see quick_constructor)
_new_block = quick_constructor(TextBlock)
_new_heading = quick_constructor(Heading)
_new_anchor = quick_constructor(Anchor)
_new_comment = quick_constructor(Comment)
_new_item = quick_constructor(ListItem)
_new_section = quick_constructor(Section)


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


class _SectionBuilder:
    """A section while the document is read, its blocks and children still coming (a
    plain class: a dataclass costs half a millisecond to make at start-up)."""

    __slots__ = ("heading", "line", "blocks", "children")

    def __init__(self, heading: Heading | None, line: int) -> None:
        self.heading = heading
        self.line = line
        self.blocks: list[TextBlock] = []
        self.children: list[_SectionBuilder] = []

    def freeze(self, end_line: int) -> Section:
        children = []
        for index, child in enumerate(self.children):
            next_line = (self.children[index + 1].line - 1
                         if index + 1 < len(self.children) else end_line)
            children.append(child.freeze(next_line))
        return _new_section(self.heading, tuple(self.blocks), tuple(children), self.line,
                            end_line)


class _ListBuilder:
    """A list while the document is read, its items still coming."""

    __slots__ = ("line", "column", "end_line", "ordered", "items")

    def __init__(self, line: int, column: int, end_line: int, ordered: bool) -> None:
        self.line = line
        self.column = column
        self.end_line = end_line
        self.ordered = ordered
        self.items: list[ListItem] = []


class _Walker:
    """One pass over the token stream, collecting the document's parts."""

    def __init__(self, lines: Sequence[str], style: AnchorStyle, links_only: bool) -> None:
        self.lines = lines
        self.links_only = links_only
        self.containers: tuple[Container, ...] = ()  # innermost first
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
        self.row_line = 0  # the table row being read
        # where its cells' text starts, and the gaps of each, once needed
        self.row_columns: list[tuple[int, tuple[int, ...]]] | None = None
        self.cells_seen = 0

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
            self.comments.append(_new_comment(text, start_line, start_column, end_line))
        for offset, attribute, value in htmlscan.anchors(html):
            anchor_line = line + html.count("\n", 0, offset)
            source = AnchorSource.HTML_ID if attribute == "id" else AnchorSource.HTML_NAME
            self.anchors.append(_new_anchor(html_entities.unescape(value), source,
                                            anchor_line, column if anchor_line == line else 1))

    def _add_links(self, links: Sequence[Link], html: Sequence[inline.HtmlFragment]) -> None:
        self.links.extend(links)
        for fragment in html:
            self._add_html(fragment.html, fragment.line, fragment.column)

    def _add_block(self, block: TextBlock) -> None:
        self.blocks.append(block)
        if block.kind is not BlockKind.HEADING:
            self.stack[-1].blocks.append(block)

    # -- token handlers ------------------------------------------------------
    def inline_block(self, kind: BlockKind, token: Token, line: int,
                     first_column: int | None = None, end_line: int | None = None,
                     masked: Sequence[tuple[int, int]] = (), gaps: Sequence[int] = ()
                     ) -> tuple[TextBlock, inline.InlineContent]:
        start, column, content = inline.read(  # where its text begins, and what it holds
            token, line, self.lines, first_column=first_column, gaps=gaps, masked=masked,
            with_runs=not self.links_only)
        block = _new_block(kind, start, column, end_line or line + token.content.count("\n"),
                           content.text, self.containers, content.italic, content.runs,
                           content.links)
        self._add_links(content.links, content.html)
        return block, content

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
        if custom_id is not None and STYLES[self.style].heading_ids:
            # the {#id} is the heading's anchor (MkDocs' attr_list)
            anchor, source = self.slugger.take(custom_id), AnchorSource.ATTRIBUTE
        else:
            # GitHub and GitLab show a {#id} as text, and it is part of the anchor
            anchor, source = self.slugger.slug(content.text), AnchorSource.HEADING
        heading = _new_heading(level, text.strip(), anchor, line, block.column, block,
                               custom_id)
        self.headings.append(heading)
        self.anchors.append(_new_anchor(heading.anchor, source, line, block.column))
        self._add_block(block)
        while self.stack[-1].heading is not None and self.stack[-1].heading.level >= level:
            self.stack.pop()
        section = _SectionBuilder(heading, line)
        self.stack[-1].children.append(section)
        self.stack.append(section)

    def read_links(self, token: Token, line: int, first_column: int | None = None,
                   gaps: Sequence[int] = ()) -> None:
        """Only the links and HTML of a paragraph or cell, for a links-only document."""
        where = inline.line_map(token.content, line, self.lines, first_column, gaps)
        _, links, html, _ = inline.links_and_html(token, where)
        self._add_links(links, html)

    def paragraph_links(self, open_token: Token, token: Token) -> None:
        """Only the links and HTML of a paragraph, for a links-only document (a paragraph
        left unparsed has none)."""
        if inline.holds_links(token):
            self.read_links(token, open_token.map[0] + 1)

    def paragraph(self, open_token: Token, token: Token) -> None:
        line = open_token.map[0] + 1
        block, _ = self.inline_block(BlockKind.PARAGRAPH, token, line,
                                     end_line=open_token.map[1])
        self._add_block(block)
        if self.pending_item is not None and self.open_lists:
            item_line, item_column, depth = self.pending_item
            self.open_lists[0].items.append(_new_item(item_line, item_column, depth,
                                                      block.text, block.links))
            self.pending_item = None

    def table_row(self, token: Token) -> None:
        self.row_line = token.map[0] + 1
        self.row_columns = None
        self.cells_seen = 0

    def table_cell(self, token: Token) -> None:
        column, gaps = self._next_cell_column()
        block, _ = self.inline_block(BlockKind.TABLE_CELL, token, self.row_line,
                                     first_column=column, gaps=gaps)
        self._add_block(block)

    def table_cell_links(self, token: Token) -> None:
        """Only the links and HTML of a cell, for a links-only document."""
        column, gaps = self._next_cell_column()
        if inline.holds_links(token):
            self.read_links(token, self.row_line, column, gaps)

    def _next_cell_column(self) -> tuple[int, tuple[int, ...]]:
        """Where the text of the row's next cell starts, and where its text lost the
        backslash of a ``\\|`` (rows are measured when needed)."""
        index = self.cells_seen
        self.cells_seen += 1
        if self.row_columns is None:
            self.row_columns = self._cell_columns(self.row_line)
        return self.row_columns[index] if index < len(self.row_columns) else (1, ())

    def _cell_columns(self, line: int) -> list[tuple[int, tuple[int, ...]]]:
        """For each cell of the table row on ``line``: where its text starts, and the
        offsets in that text before which the source has a backslash more."""
        row = self.lines[line - 1] if line - 1 < len(self.lines) else ""
        # a table in a block quote: its rows start after the quote's markers
        skip = " \t>" if Container.BLOCKQUOTE in self.containers else " \t"
        begin = len(row) - len(row.lstrip(skip))
        cells = []
        for border in _CELL_BORDER.finditer(row, begin):
            cells.append((begin, border.start()))
            begin = border.end()
        cells.append((begin, len(row)))
        if not row[cells[0][0]:cells[0][1]].strip() and len(cells) > 1:
            cells = cells[1:]
        found = []
        for start, end in cells:
            text_start = start + len(row[start:end]) - len(row[start:end].lstrip())
            gaps = tuple(match.start() - number for number, match in enumerate(
                _ESCAPED_PIPE.finditer(row, text_start, end)))
            found.append((text_start + 1, tuple(g - text_start for g in gaps)))
        return found

    def html_block(self, token: Token) -> None:
        line = token.map[0] + 1
        self._add_html(token.content, line, self._column_of_first_text(line))

    def raw_block(self, token: Token) -> None:
        line = token.map[0] + 1
        if token.type == "html_block":
            kind = BlockKind.HTML
            self.html_block(token)
        else:
            kind = BlockKind.CODE
        self._add_block(_new_block(  # not emphasized, no runs, no links
            kind, line, self._column_of_first_text(line), token.map[1], token.content,
            self.containers, False, (), ()))

    def list_open(self, token: Token) -> None:
        line = token.map[0] + 1
        self.open_lists.append(_ListBuilder(line, self._column_of_first_text(line),
                                            token.map[1], token.type == "ordered_list_open"))

    def list_close(self) -> None:
        self._flush_pending_item()
        builder = self.open_lists.pop()
        if not self.open_lists:
            self.lists.append(ListBlock(builder.line, builder.column, builder.end_line,
                                        builder.ordered, tuple(builder.items)))

    def item_open(self, token: Token) -> None:
        line = token.map[0] + 1
        self._flush_pending_item()
        self.pending_item = (line, self._column_of_first_text(line), len(self.open_lists) - 1)
        self.enter(Container.LIST_ITEM)

    def item_close(self) -> None:
        self._flush_pending_item()
        self.leave()

    def _flush_pending_item(self) -> None:
        """An item without a paragraph of its own (``-`` alone, or a code block) still counts."""
        if self.pending_item is not None and self.open_lists:
            line, column, depth = self.pending_item
            self.open_lists[0].items.append(_new_item(line, column, depth, "", ()))
        self.pending_item = None

    def definitions(self, references: dict[str, dict]) -> None:
        """Link reference definitions (``[label]: target``), used or not."""
        for label, reference in references.items():
            line = reference.get("map", [0])[0] + 1
            self.links.append(inline.new_link(
                LinkKind.DEFINITION, inline.as_written(reference["href"]), label, line,
                self._column_of_first_text(line), False))
        self.links.sort(key=lambda link: (link.line, link.column))

    def walk(self, tokens: Sequence[Token]) -> None:
        handlers = _READ_FOR_LINKS if self.links_only else _READ
        # a handler is given the token after its own (the last token is given itself)
        for token, following in zip(tokens, [*tokens[1:], *tokens[-1:]]):
            handler = handlers.get(token.type)
            if handler is not None:
                handler(self, token, following)

    def enter(self, container: Container) -> None:
        self.containers = (container, *self.containers)

    def leave(self) -> None:
        self.containers = self.containers[1:]


# What each kind of token does: handler(walker, token, the token after it). The inline
# token after a heading, paragraph or cell opens is read by that handler.
_Handler = Callable[[_Walker, Token, Token], None]

_EITHER: dict[str, _Handler] = {
    "heading_open": _Walker.heading,
    "tr_open": lambda walker, token, _: walker.table_row(token),
    "blockquote_open": lambda walker, _, __: walker.enter(Container.BLOCKQUOTE),
    "table_open": lambda walker, _, __: walker.enter(Container.TABLE),
    "blockquote_close": lambda walker, _, __: walker.leave(),
    "table_close": lambda walker, _, __: walker.leave(),
}
_READ: dict[str, _Handler] = {  # everything, for every rule
    **_EITHER,
    "paragraph_open": _Walker.paragraph,
    "th_open": lambda walker, _, content: walker.table_cell(content),
    "td_open": lambda walker, _, content: walker.table_cell(content),
    "html_block": lambda walker, token, _: walker.raw_block(token),
    "fence": lambda walker, token, _: walker.raw_block(token),
    "code_block": lambda walker, token, _: walker.raw_block(token),
    "bullet_list_open": lambda walker, token, _: walker.list_open(token),
    "ordered_list_open": lambda walker, token, _: walker.list_open(token),
    "bullet_list_close": lambda walker, _, __: walker.list_close(),
    "ordered_list_close": lambda walker, _, __: walker.list_close(),
    "list_item_open": lambda walker, token, _: walker.item_open(token),
    "list_item_close": lambda walker, _, __: walker.item_close(),
}
_READ_FOR_LINKS: dict[str, _Handler] = {  # links, anchors, headings and comments only
    **_EITHER,
    "paragraph_open": _Walker.paragraph_links,
    "th_open": lambda walker, _, content: walker.table_cell_links(content),
    "td_open": lambda walker, _, content: walker.table_cell_links(content),
    "html_block": lambda walker, token, _: walker.html_block(token),
    "list_item_open": lambda walker, _, __: walker.enter(Container.LIST_ITEM),
    "list_item_close": lambda walker, _, __: walker.leave(),
}


def parse(text: str, path: str | None = None,
          anchor_style: AnchorStyle = AnchorStyle.GITHUB, *, links_only: bool = False
          ) -> Document:
    """Parse Markdown ``text`` (the contents of ``path``, if given) into a Document whose
    heading anchors are made the way ``anchor_style`` makes them. With ``links_only``,
    only what links and anchors need is parsed, which is quicker, for rules that read
    only links: the document's links, anchors, headings, sections, comments and lines
    are complete, but its only text blocks are its headings, and it has no lists.

    Raises UnparsableError when markdown-it-py fails on the text."""
    lines = split_lines(text)
    source = "\n".join(_blank_front_matter(lines))
    walker = _Walker(lines, anchor_style, links_only)
    env: dict = {}
    try:
        tokens = tokenizer.markdown(links_only).parse(source, env)
    except UnparsableError:
        raise
    except Exception as error:  # every text is Markdown: this is markdown-it-py's fault
        raise UnparsableError(f"markdown-it-py could not parse it ({type(error).__name__}: "
                              f"{error})") from error
    walker.walk(tokens)
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
