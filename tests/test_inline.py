"""Reading one inline token: the quick way taken for one line of plain text gives what
the general way gives, and the text of content left unparsed is what markdown-it-py's
inline parse makes of it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from archlint.markdown import inline, tokenizer
from archlint.markdown.parser import split_lines

# documents whose every inline token is one line without inline syntax, in each place
# a text block stands, with what the quick way must get right: the line (after a line of
# other white space), the column (indent, quote and list markers), bare URLs, blanks
PLAIN_LINES = [
    "Plain text on one line.",
    "   Indented text",
    "# A heading\n\nText under it",
    "## Heading with trailing hashes ##",
    "> Quoted text\n>\n> > Deeper quoted text",
    "- An item\n  - A nested item\n\n1. A numbered item",
    "\x0c\nText after a line holding only a form feed",
    "See https://example.com/a/b for more, and www.example.org too",
    "https://example.com/only",
    "Title\n=====",
    "#",
]


def _inline_tokens(text: str):
    """Each inline token of a paragraph or heading of ``text``, and its block's first line."""
    tokens = tokenizer.markdown().parse(text)
    for before, token in zip(tokens, tokens[1:]):
        if token.type == "inline":
            yield token, before.map[0] + 1


@pytest.mark.parametrize("text", PLAIN_LINES)
@pytest.mark.parametrize("with_runs", [True, False])
def test_one_plain_line_is_read_as_any_inline_content_is(text, with_runs, monkeypatch) -> None:
    lines = split_lines(text)
    found = list(_inline_tokens(text))
    assert found
    for token, line in found:
        assert "\n" not in token.content and not inline.INLINE_SYNTAX.search(token.content)
        where = inline.line_map(token.content, line, lines)
        general = (*where.position(0), inline.analyse(token, where, True, (), with_runs))
        with monkeypatch.context() as patched:  # the quick way makes no line map
            patched.setattr(inline, "line_map", None)
            quick = inline.read(token, line, lines, with_runs=with_runs)
        assert quick == general


def test_a_plain_cell_is_read_at_its_given_column(monkeypatch) -> None:
    text = "| a | b |\n| - | - |\n|  first cell | see https://example.com |"
    lines = split_lines(text)
    cells = [token for token in tokenizer.markdown().parse(text) if token.type == "inline"][2:]
    for token, column in zip(cells, (4, 17)):
        where = inline.line_map(token.content, 3, lines, first_column=column)
        general = (*where.position(0), inline.analyse(token, where, True, (), True))
        with monkeypatch.context() as patched:
            patched.setattr(inline, "line_map", None)
            quick = inline.read(token, 3, lines, first_column=column)
        assert quick == general
        assert quick[2].runs[0].column == column


# text without inline syntax: words, spaces and tabs, line breaks, and other white space
UNPARSED = st.text(alphabet=st.sampled_from(list("ab  \t\n\u00a0\f.")), max_size=30)


@settings(max_examples=1000, deadline=None)
@given(UNPARSED)
def test_text_left_unparsed_reads_as_markdown_it_pys_inline_parse(text: str) -> None:
    md = MarkdownIt("commonmark")
    children = md.inline.parse(text, md, {}, [])
    assert inline.plain_text(text) == inline._plain_text(children, keep_alt=False)


def test_the_tokenizer_leaves_text_without_inline_syntax_unparsed() -> None:
    tokens = tokenizer.markdown().parse("plain  \nwords\n\nsome *emphasis*\n")
    assert [(t.content, len(t.children)) for t in tokens if t.type == "inline"] == [
        ("plain  \nwords", 0), ("some *emphasis*", 4)]
