"""markdown-it-py's block and inline parser states, set up and filled more quickly than
markdown-it-py's own do it, with the same results:

- Where each line begins and ends and how far it is indented (the block state's line
  marks) are found with string methods over the whole source; markdown-it-py steps
  through each line's leading spaces in Python.
- Tokens are made by :func:`new_token`, which sets each field of markdown-it-py's
  ``Token`` in turn. The class's own ``__init__`` (a dataclass's, with two default
  factories and a ``__post_init__``) takes nearly twice as long, for about 1,700 tokens
  in an average file.
- After the inline parse of content without ``*``, ``_`` or ``~``, the rules that pair
  emphasis and strikethrough delimiters (and join what is left of them) are not run:
  there are none.

:func:`install` makes a MarkdownIt instance parse with these states.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, fields
from itertools import accumulate
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_SET_BY_CALLER = ("type", "tag", "nesting")


def _token_maker() -> Callable[[str, str, int], Token]:
    """A function making ``Token(type, tag, nesting)``: every other field its default (a
    new empty dict for a dict's factory), set one after the other. The fields are read
    from the class, so a field markdown-it-py adds is set too."""
    scope: dict[str, object] = {"new": object.__new__, "Token": Token}
    body = []
    for each in fields(Token):
        if each.name in _SET_BY_CALLER:
            value = each.name
        elif each.default is not MISSING:
            scope[f"default_{each.name}"] = each.default
            value = f"default_{each.name}"
        elif each.default_factory is dict:
            value = "{}"
        else:
            scope[f"factory_{each.name}"] = each.default_factory
            value = f"factory_{each.name}()"
        body.append(f"    token.{each.name} = {value}\n")
    exec(f"def new_token({', '.join(_SET_BY_CALLER)}):\n    token = new(Token)\n"
         f"{''.join(body)}    return token\n", scope)
    return scope["new_token"]  # type: ignore[return-value]


new_token = _token_maker()
"""``new_token(type, tag, nesting)`` is equal to ``Token(type, tag, nesting)``."""


class BlockState(StateBlock):
    """markdown-it-py's block state, its line marks found by :func:`line_marks` and its
    tokens made by :func:`new_token`."""

    def __init__(self, src: str, md: MarkdownIt, env: dict, tokens: list[Token]) -> None:
        super().__init__("", md, env, tokens)  # markdown-it-py's set-up, with no lines
        self.src = src
        self.bMarks, self.eMarks, self.tShift, self.sCount, self.bsCount = line_marks(src)
        self.lineMax = len(self.bMarks) - 1  # the last is a line past the end

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        """A new token, one level in from the last for an opening tag (``nesting`` 1),
        one out for a closing one (-1)."""
        token = new_token(ttype, tag, nesting)
        token.block = True
        if nesting < 0:
            self.level -= 1
        token.level = self.level
        if nesting > 0:
            self.level += 1
        self.tokens.append(token)
        return token


class InlineState(StateInline):
    """markdown-it-py's inline state, its tokens made by :func:`new_token`."""

    def pushPending(self) -> Token:
        """The text gathered so far, as a text token."""
        token = new_token("text", "", 0)
        token.content = self.pending
        token.level = self.pendingLevel
        self.tokens.append(token)
        self.pending = ""
        return token

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        """A new token after the text gathered so far. An opening tag (``nesting`` 1)
        starts a level of its own, with its own emphasis delimiters (kept in the
        token's entry of ``tokens_meta``); a closing one (-1) goes back to the level
        and delimiters outside."""
        if self.pending:
            self.pushPending()
        token = new_token(ttype, tag, nesting)
        meta = None
        if nesting < 0:
            self.level -= 1
            self.delimiters = self._prev_delimiters.pop()
        token.level = self.level
        if nesting > 0:
            self.level += 1
            self._prev_delimiters.append(self.delimiters)
            self.delimiters = []
            meta = {"delimiters": self.delimiters}
        self.pendingLevel = self.level
        self.tokens.append(token)
        self.tokens_meta.append(meta)
        return token


# markdown-it-py's rules run after an inline parse: they pair emphasis and strikethrough
# delimiters (``*``, ``_``, ``~``), which only those characters make, and join the text
# of the delimiters left unpaired to the text beside them (the only text tokens the
# inline rules leave side by side). Without those characters they change nothing.
_AFTER_DELIMITERS = {"balance_pairs", "strikethrough", "emphasis", "fragments_join"}


def install(md: MarkdownIt) -> None:
    """Make ``md`` parse blocks and inline content with these states (its block and
    inline rules, and their order, stay as they are)."""

    def parse_blocks(src: str, md: MarkdownIt, env: dict, tokens: list[Token]
                     ) -> list[Token] | None:
        if not src:
            return None
        state = BlockState(src, md, env, tokens)
        md.block.tokenize(state, state.line, state.lineMax)
        return state.tokens

    ruler2 = md.inline.ruler2
    after_delimiters = [rule.name for rule in ruler2.__rules__ if rule.enabled]
    only_delimiters = set(after_delimiters) <= _AFTER_DELIMITERS

    def parse_inline(src: str, md: MarkdownIt, env: dict, tokens: list[Token]
                     ) -> list[Token]:
        state = InlineState(src, md, env, tokens)
        md.inline.tokenize(state)
        if only_delimiters and not ("*" in src or "_" in src or "~" in src):
            return state.tokens  # no delimiters: nothing to pair, no text to join
        for rule in ruler2.getRules(""):
            rule(state)
        return state.tokens

    md.block.parse = parse_blocks  # type: ignore[method-assign]
    md.inline.parse = parse_inline  # type: ignore[method-assign]


def line_marks(src: str) -> tuple[list[int], list[int], list[int], list[int], list[int]]:
    """The line marks markdown-it-py's block state makes of ``src``: for each line where
    it begins and ends, how many spaces and tabs it begins with, how far they indent it
    (a tab to the next multiple of four) and a 0, then an empty line past the end. A
    last line of spaces and tabs alone, not ended by a newline, has none."""
    lines = src.split("\n")
    if not lines[-1].strip(" \t"):
        lines.pop()  # the empty text after a last newline, or only spaces and tabs
    lengths = [len(line) for line in lines]
    begins = [0, *accumulate(length + 1 for length in lengths)]
    begins[-1] = len(src)
    ends = [begin + length for begin, length in zip(begins, lengths)]
    ends.append(len(src))
    shifts = [length - len(line.lstrip(" \t")) for line, length in zip(lines, lengths)]
    shifts.append(0)
    indents = shifts.copy()
    if "\t" in src:
        for number, line in enumerate(lines):
            if "\t" in line[:shifts[number]]:
                indents[number] = _indent(line[:shifts[number]])
    return begins, ends, shifts, indents, [0] * len(begins)


def _indent(spaces: str) -> int:
    """How far spaces and tabs indent a line: each tab to the next multiple of four."""
    offset = 0
    for character in spaces:
        offset += 4 - offset % 4 if character == "\t" else 1
    return offset
