"""archlint's markdown-it-py set-up gives the same tokens as markdown-it-py's own rules,
only quicker (setext headings, newlines); link destinations stay as written."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from archlint.markdown import inline, states, tokenizer
from archlint.markdown.parser import parse

# Lines that make or break setext headings, paragraphs, lists, quotes, tables and code.
PIECES = [
    "text", "more text", "===", "---", " ---", "   ===", "    ===", "=== x", "--- ", "-\t",
    "- item", "-", "* item", "1. one", "1) x", "+ y", "> quote", "> ---", ">", "> > ---",
    "    code", "", "", "| a | b |", "|---|---|", "---|---", "# head", "```", "~~~",
    "<div>", "</div>", "  - nested", "    - deep", "= =", "==", "-- -", "***", "___",
    "[x]: /url", "<!-- c -->", "\t===", "  text", "a\\", "  > - ---", "Title\r", "a\0b",
    "2. two", "- [ ] task", "  # indented", "<span>inline</span>", ":--|--:", "|", "~~~ info",
    "1.", "* * *", "<p>", "<?php", "<![CDATA[", "  | c |",
    # line breaks in text without inline syntax
    "two spaces  ", "one space ", "tab\t", " \t lead", "   ", "a \t ", "&amp;", "x_y",
    # escapes and entities beside other text (joined to it), in emphasis and image text
    "a \\* b", "&copy; x *y*", "x\\_y_ z", "![a\\]b &amp; c](d)", "*a&#42;*b", "\\`x`",
]


def _plain() -> MarkdownIt:
    """markdown-it-py with its own rules, recording link spans as archlint does."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return inline.configure(md)


def _shape(tokens: list[Token], ours: bool = False) -> list[tuple]:
    return [(t.type, t.map, t.content, t.markup, t.info, t.level, t.attrs.get("href"),
             _children(t, ours)) for t in tokens]


def _children(token: Token, ours: bool) -> list[tuple] | str:
    """The shape of an inline token's children; for text without inline syntax, which
    archlint leaves unparsed, the plain text the model reads from it (archlint's from
    its content, markdown-it-py's from its children)."""
    if token.type == "inline" and not inline.INLINE_SYNTAX.search(token.content):
        if ours:
            assert token.children == []
            return inline.plain_text(token.content)
        return inline._plain_text(token.children or [], keep_alt=False)
    return _shape(token.children or [], ours)


def _documents(count: int, seed: int) -> list[str]:
    chosen = random.Random(seed)
    return ["\n".join(chosen.choice(PIECES) for _ in range(chosen.randint(1, 12)))
            for _ in range(count)]


@pytest.mark.parametrize("seed", range(4))
def test_tokens_are_those_of_markdown_it_py(seed: int) -> None:
    plain, ours = _plain(), tokenizer.markdown()
    for document in _documents(500, seed):
        assert _shape(ours.parse(document, {}), True) == _shape(plain.parse(document, {})), document


def test_setext_headings_are_still_found() -> None:
    tokens = tokenizer.markdown().parse("Title\n===\n\n> Quoted\n> ---\n\n- Item\n  ---\n", {})
    assert [t.map for t in tokens if t.type == "heading_open"] == [[0, 2], [3, 5], [6, 8]]


@pytest.mark.parametrize("text", ["a\r\nb\rc", "x\0y", "# H\r===\r\n", "\r\n\r\n"])
def test_newlines_and_nul_as_commonmark_wants(text: str) -> None:
    assert _shape(tokenizer.markdown().parse(text, {}), True) == _shape(_plain().parse(text, {}))


def test_link_destinations_are_kept_as_written_but_trimmed() -> None:
    document = parse("[a](http://münchen.de/ä.md) [b](<my file.md>) [c](x%20y.md#%C3%A4)\n"
                     "[d](< e.md\u00a0>) [f]\n\n[f]: g.md\u00a0\n")
    assert [link.target for link in document.links] == [
        "http://münchen.de/ä.md", "my file.md", "x y.md#ä", "e.md", "g.md", "g.md"]


def test_links_only_parses_headings_and_text_that_may_hold_links() -> None:
    text = "# Title *here*\n\nplain words\n\n[a link](b.md) and `[not](c.md)`\n"
    tokens = tokenizer.markdown(links_only=True).parse(text, {})
    parsed = [t.content for t in tokens if t.type == "inline" and t.children]
    assert parsed == ["Title *here*", "[a link](b.md) and `[not](c.md)`"]


def test_rules_keep_the_chains_they_may_end() -> None:
    plain, ours = _plain(), tokenizer.markdown()
    # the rules, their order and the chains they may end stay markdown-it-py's own
    # (each chain's line-guarded rules are then asked through one dispatcher)
    assert ([(rule.name, rule.alt) for rule in ours.block.ruler.__rules__]
            == [(rule.name, rule.alt) for rule in plain.block.ruler.__rules__])
    text = "para\n# heading\npara\n> quote\npara\n```\ncode\n```\npara\n- item\npara\n***\n"
    assert _shape(ours.parse(text, {}), True) == _shape(plain.parse(text, {}))


LINES = st.text(alphabet=st.sampled_from(list(" \t\na>-`#\u00a0\f")), max_size=30)


@settings(max_examples=1000, deadline=None)
@given(LINES)
def test_line_marks_are_those_of_markdown_it_pys_block_state(text: str) -> None:
    state = StateBlock(text, tokenizer.markdown(), {}, [])
    assert states.line_marks(text) == (state.bMarks, state.eMarks, state.tShift,
                                          state.sCount, state.bsCount)


@pytest.mark.parametrize("kind", [("text", "", 0), ("paragraph_open", "p", 1), ("em_close", "em", -1)])
def test_new_tokens_are_markdown_it_pys_tokens(kind: tuple) -> None:
    made, plain = states.new_token(*kind), Token(*kind)
    assert type(made) is Token and made == plain  # every field (an unset one would raise)
    assert made.attrs is not states.new_token(*kind).attrs  # dicts of their own
    assert made.meta is not states.new_token(*kind).meta
