"""The document model: positions, sections, anchors, comments, lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from archlint.markdown.parser import parse
from archlint.markdown.slugs import AnchorStyle
from archlint.model import AnchorSource, BlockKind, Container, LinkKind


def test_sections_nest_by_level_and_span_to_the_next_heading() -> None:
    document = parse("# T\n\nintro\n\n## A\n\ntext\n\n### A1\n\nmore\n\n## B\n\nlast\n")
    root_titles = [s.title for s in document.root.children]
    assert root_titles == ["T"]
    top = document.root.children[0]
    assert [s.title for s in top.children] == ["A", "B"]
    a = top.children[0]
    assert [s.title for s in a.children] == ["A1"]
    assert (a.line, a.end_line) == (5, 12)
    assert [b.text for b in a.blocks] == ["text"]
    assert [b.text for b in a.children[0].blocks] == ["more"]
    assert [s.title for s in document.sections()] == ["T", "A", "A1", "B"]


def test_setext_headings_are_headings() -> None:
    document = parse("Title\n=====\n\nSub\n---\n\nbody\n")
    assert [(h.level, h.text, h.line) for h in document.headings] == [
        (1, "Title", 1), (2, "Sub", 4)]


def test_front_matter_is_skipped_but_keeps_line_numbers() -> None:
    document = parse("---\ntitle: x\nowner: TODO\n---\n# Heading\n\n_prompt here_\n")
    assert [(h.text, h.line) for h in document.headings] == [("Heading", 5)]
    assert [(b.kind, b.line) for b in document.blocks] == [
        (BlockKind.HEADING, 5), (BlockKind.PARAGRAPH, 7)]


def test_positions_of_paragraphs_list_items_cells_quotes_and_links() -> None:
    text = (
        "Intro with [a link](other.md) here.\n"
        "\n"
        "- item one\n"
        "  - nested [x](#y)\n"
        "\n"
        "> quoted\n"
        "> text\n"
        "\n"
        "| a | bb |\n"
        "| - | -- |\n"
        "| c |  d |\n"
    )
    document = parse(text)
    link = document.links[0]
    assert (link.kind, link.target, link.text, link.line, link.column) == (
        LinkKind.LINK, "other.md", "a link", 1, 12)
    assert (document.links[1].line, document.links[1].column) == (4, 12)
    items = document.lists[0].items
    assert [(i.line, i.column, i.depth, i.text) for i in items] == [
        (3, 1, 0, "item one"), (4, 3, 1, "nested x")]
    quote = next(b for b in document.blocks if b.in_blockquote)
    assert (quote.line, quote.column, quote.end_line, quote.text) == (6, 3, 7, "quoted text")
    cells = [(b.line, b.column, b.text) for b in document.blocks
             if b.kind is BlockKind.TABLE_CELL]
    assert cells == [(9, 3, "a"), (9, 7, "bb"), (11, 3, "c"), (11, 8, "d")]
    assert all(Container.TABLE in b.containers for b in document.blocks
               if b.kind is BlockKind.TABLE_CELL)


def test_runs_leave_out_code_urls_and_link_destinations() -> None:
    document = parse("Say `TODO` and [xxx](https://e.com/yyy) at https://e.com/zzz ok\n")
    visible = " ".join(run.text for run in document.blocks[0].runs)
    assert "TODO" not in visible and "yyy" not in visible and "zzz" not in visible
    assert "xxx" in visible


def test_italic_paragraph_is_marked_emphasized() -> None:
    document = parse("_Discuss it_\n\nPlain _with_ emphasis\n\n**Bold only**\n")
    assert [b.emphasized for b in document.blocks] == [True, False, False]


def test_heading_anchors_html_anchors_and_custom_ids() -> None:
    text = (
        "# Q&amp;A\n\n## Use `foo()` here\n\n## Title {#custom}\n\n"
        "## Trailing <!-- c -->\n\n<a name=\"legacy\"></a>\n\n"
        "Text <span id=\"inline-id\">here</span>.\n\n## ![img](a.png) Title\n"
    )
    document = parse(text)
    assert [h.anchor for h in document.headings] == [
        "qa", "use-foo-here", "title-custom", "trailing-", "-title"]
    assert document.headings[2].custom_id == "custom"
    assert document.headings[2].text == "Title"
    by_source = {(a.source, a.name) for a in document.anchors}
    assert (AnchorSource.HEADING, "title-custom") in by_source  # GitHub shows {#custom}
    assert (AnchorSource.HTML_NAME, "legacy") in by_source
    assert (AnchorSource.HTML_ID, "inline-id") in by_source
    assert {"qa", "title-custom", "legacy", "inline-id"} <= document.anchor_names
    assert "custom" not in document.anchor_names
    mkdocs = parse(text, anchor_style=AnchorStyle.MKDOCS)
    assert (AnchorSource.ATTRIBUTE, "custom") in {(a.source, a.name) for a in mkdocs.anchors}
    assert [h.anchor for h in mkdocs.headings] == [
        "qa", "use-foo-here", "custom", "trailing", "title"]


def test_comments_from_html_blocks_and_inline_html() -> None:
    document = parse("<!-- first -->\n\ntext <!-- second\nspans --> end\n")
    assert [(c.text.strip(), c.line, c.column, c.end_line) for c in document.comments] == [
        ("first", 1, 1, 1), ("second\nspans", 3, 6, 4)]


def test_windows_newlines_and_bom() -> None:
    document = parse("\ufeff# Title\r\n\r\n_prompt text_\r\n")
    assert [(b.line, b.text) for b in document.blocks] == [(1, "Title"), (3, "prompt text")]


def test_text_after_a_line_of_only_a_form_feed_keeps_its_own_line() -> None:
    # markdown-it-py strips such a line from the paragraph's content: CommonMark does not
    # count it as blank, Python's str.strip does
    document = parse("intro\n\n\x0c\nState {name}\n===\n\n\u2003\nsome text\n")
    runs = [(run.text, run.line, run.column) for block in document.blocks
            for run in block.runs]
    assert runs == [("intro", 1, 1), ("State {name}", 4, 1), ("some text", 8, 1)]


def test_empty_document() -> None:
    document = parse("")
    assert document.headings == () and document.blocks == () and document.title is None


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.md")), ids=lambda p: p.name)
def test_parsing_for_links_only_keeps_links_anchors_headings_and_comments(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    full, lean = parse(text, str(path)), parse(text, str(path), links_only=True)
    assert lean.links == full.links and lean.anchors == full.anchors
    assert lean.comments == full.comments
    assert [(h.level, h.text, h.anchor, h.line, h.column) for h in lean.headings] == [
        (h.level, h.text, h.anchor, h.line, h.column) for h in full.headings]
    assert [(s.title, s.line, s.end_line) for s in lean.sections()] == [
        (s.title, s.line, s.end_line) for s in full.sections()]
    assert lean.lines == full.lines
    assert lean.blocks == tuple(h.block for h in lean.headings) and lean.lists == ()


MIXED = """\
# Title <a id="top-anchor"></a>

| Link | Note |
|------|------|
| [cell](a.md#x) | plain \\| piped |

> ## Quoted heading
> see <b.md> and ![img](c.png)

- item with [ref][r] and `[code](no.md)`
  - nested [deep](d.md)

<div id="html-anchor">

[r]: e.md "title"

</div>
"""


def test_parsing_for_links_only_finds_links_in_cells_quotes_and_lists() -> None:
    full, lean = parse(MIXED), parse(MIXED, links_only=True)
    assert [(link.target, link.line, link.column) for link in lean.links] == [
        ("a.md#x", 5, 3), ("c.png", 8, 18), ("e.md", 10, 13), ("d.md", 11, 12),
        ("e.md", 15, 1)]  # <b.md> is not an autolink, and code spans hold no links
    assert [(a.name, a.line) for a in lean.anchors] == [
        ("top-anchor", 1), ("title-", 1), ("quoted-heading", 7), ("html-anchor", 13)]
    assert lean.links == full.links and lean.anchors == full.anchors
    assert [(h.block.line, h.block.column, h.block.text, h.block.containers)
            for h in lean.headings] == [(h.block.line, h.block.column, h.block.text,
                                         h.block.containers) for h in full.headings]
    assert lean.headings[1].block.containers == (Container.BLOCKQUOTE,)


def test_a_paragraph_opened_by_a_line_of_other_white_space_starts_at_its_text() -> None:
    # "\f " is no blank line to CommonMark, so it opens the paragraph, but its text
    # (trimmed) starts on the next line: positions are counted from there
    document = parse("# T\n\n\f \n State {name}\n", None)
    paragraph = next(b for b in document.blocks if b.kind is BlockKind.PARAGRAPH)
    assert (paragraph.line, paragraph.text) == (4, "State {name}")
