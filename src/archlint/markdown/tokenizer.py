"""Markdown text → markdown-it-py tokens, the way archlint parses: CommonMark with GFM
tables and strikethrough, inline HTML, and link spans recorded (:mod:`archlint.inline`).

These changes make it quicker without changing a token:

- A line is offered to a block rule only when it begins the way that rule needs (a fence
  with a backtick or tilde, a heading with ``#``, code with four spaces of indent, a
  table with a delimiter row under it…). markdown-it-py offers every line to every rule,
  and every line of a paragraph to every rule that may end one, each rule then logging
  its call and finding out for itself: about a sixth of the parse. Each chain's rules
  are asked through one dispatcher that looks at the line once.
- Likewise, where the inline text rule stops, only the inline rules that can begin
  at that character are asked (markdown-it-py asks all ten).
- Newlines and NUL characters are normalised only when there are any to change
  (markdown-it-py rewrites every newline of every file).
- The block and inline states are :mod:`archlint.markdown.states`': their line marks
  found and their tokens made more quickly.
- A paragraph is tried as a setext heading only when a line of it could be the
  underline (``===`` or ``---``). Otherwise markdown-it-py's own rule would scan the
  paragraph line by line, asking every other block rule whether it ends there, only to
  fail; the paragraph rule then does the same scan again.
- Escaped characters and entities are joined to the text around them only in inline
  content holding a backslash or an ``&``, the only content that can have any
  (markdown-it-py looks through the tokens of all inline content).

And two change them, also for speed:

- Text that no inline rule can match (no emphasis, code, link, image, HTML, entity or
  escape: half of all paragraphs, headings and cells) is not inline-parsed: its inline
  token has no children. It is text and line breaks only, which
  :func:`archlint.markdown.inline.plain_text` reads from the content as markdown-it-py's
  newline rule would cut it. For rules that read only links (``links_only``), text that
  cannot hold a link, an image, an autolink or inline HTML is not inline-parsed either.
- Link destinations are kept as written (trimmed) instead of being percent-encoded for
  HTML, which archlint would only decode again, and their host names are not turned
  into punycode.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.lheading import lheading
from markdown_it.rules_core import StateCore, text_join
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from archlint.errors import UnparsableError
from archlint.markdown import inline, states

# How deeply blocks may nest (block quotes, lists): markdown-it-py's default of 20 would
# drop a list's tenth level. Deeper content is refused, never dropped silently.
MAX_NESTING = 100


@cache
def markdown(links_only: bool = False) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable(
        ["table", "strikethrough"])
    _refuse_too_deep(md)
    states.install(md)
    md.core.ruler.at("normalize", _normalize)
    md.block.ruler.at("lheading", _setext_heading)
    _ask_only_where_rules_may_match(md)
    md.normalizeLink = _kept_as_written  # type: ignore[method-assign]
    md.core.ruler.at("inline", _inline_where_links_may_be if links_only else _inline)
    md.core.ruler.at("text_join", _join_escaped_text)
    inline.configure(md)
    _ask_inline_rules_by_character(md)
    return md


def _refuse_too_deep(md: MarkdownIt) -> None:
    """Raise UnparsableError where markdown-it-py would skip content nested deeper than
    its limit (it drops it without a word)."""
    tokenize = md.block.tokenize

    def watched(state: StateBlock, start: int, end: int) -> None:
        if state.level >= MAX_NESTING:
            line = state.skipEmptyLines(start)
            if line < end and state.sCount[line] >= state.blkIndent:
                raise UnparsableError(f"nested deeper than {MAX_NESTING} levels at line "
                                      f"{line + 1}: not read")
        tokenize(state, start, end)

    md.block.tokenize = watched  # type: ignore[method-assign]


# the characters a line must begin with (after its indent and container marks) for
# each of these block rules of markdown-it-py to match it: each returns False at once
# for any other, having changed nothing
_FIRST_CHARACTERS = {"fence": "`~", "blockquote": ">", "hr": "*-_",
                     "list": "*-+0123456789", "reference": "[", "html_block": "<",
                     "heading": "#"}

# the chains of rules markdown-it-py asks: "" for a block's start, the others for
# whether a line ends a paragraph, a reference, a block quote or a list
_CHAINS = ("", "paragraph", "reference", "blockquote", "list")

Rule = Callable[[StateBlock, int, int, bool], bool]


def _ask_only_where_rules_may_match(md: MarkdownIt) -> None:
    """Ask each line only the block rules that can match how it begins.

    markdown-it-py offers every block start to every rule of the main chain, and every
    line of a paragraph (list, block quote) to every rule that may end it; each rule
    then finds out for itself that the line is not its own. Here each chain's rules in
    front of the setext heading and the paragraph become one rule that looks at the
    line once (its first character, its indent, the line under it) and asks only the
    rules that may match, in the chain's order. The chains themselves are read from
    markdown-it-py's ruler, so the rules, their order and their ``alt`` lists stay its own.
    """
    ruler = md.block.ruler
    names = {rule.fn: rule.name for rule in ruler.__rules__}
    chains: dict[str, list[Rule]] = {}
    for chain in _CHAINS:
        rules = ruler.getRules(chain)
        asked = [(names[fn], fn) for fn in rules if names[fn] in _ASKED_BY_LINE]
        # the rules asked by line come before all others in every chain
        rest = [fn for fn in rules if names[fn] not in _ASKED_BY_LINE]
        chains[chain] = [_dispatcher(asked), *rest]
    ruler.getRules = lambda chain="": chains.get(chain, [])  # type: ignore[method-assign]


_ASKED_BY_LINE = {"table", "code", *_FIRST_CHARACTERS}


def _dispatcher(rules: list[tuple[str, Rule]]) -> Rule:
    """One rule standing for ``rules`` (named, in their chain's order): a line is offered
    to the table rule only when a delimiter row may be under it, to the code rule only
    when it is indented as code, and to the others only when it begins with a character
    they need. The table and code rules come first in every chain, so asking them first
    keeps the order."""
    table = next((fn for name, fn in rules if name == "table"), None)
    code = next((fn for name, fn in rules if name == "code"), None)
    by_character = _rules_by_first_character(rules)

    def dispatch(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        if table is not None and line + 2 <= end:  # a table needs a delimiter row under
            below = state.bMarks[line + 1] + state.tShift[line + 1]  # its header row,
            if state.src[below:below + 1] in "|-:" and table(  # which begins so
                    state, line, end, silent):
                return True
        if (code is not None and state.sCount[line] - state.blkIndent >= 4
                and code(state, line, end, silent)):
            return True
        start = state.bMarks[line] + state.tShift[line]
        for rule in by_character.get(state.src[start:start + 1], ()):
            if rule(state, line, end, silent):
                return True
        return False

    return dispatch


def _rules_by_first_character(rules: list[tuple[str, Rule]]) -> dict[str, tuple[Rule, ...]]:
    """For each character some rule needs, the rules (in order) that may match a line
    beginning with it; a character no rule needs asks none. Past the end of the source
    there is no character (``""``): every rule is asked and decides."""
    found = {"": tuple(fn for name, fn in rules if name in _FIRST_CHARACTERS)}
    for character in {c for name, _ in rules for c in _FIRST_CHARACTERS.get(name, "")}:
        found[character] = tuple(fn for name, fn in rules
                                 if character in _FIRST_CHARACTERS.get(name, ""))
    return found


# the character each of markdown-it-py's inline rules needs at the position it is asked
# about: at any other it returns False at once, having changed nothing
_INLINE_FIRST_CHARACTERS = {"newline": "\n", "escape": "\\", "backticks": "`",
                            "strikethrough": "~", "emphasis": "*_", "link": "[",
                            "image": "!", "autolink": "<", "html_inline": "<",
                            "entity": "&"}

InlineRule = Callable[[StateInline, bool], bool]


def _ask_inline_rules_by_character(md: MarkdownIt) -> None:
    """Ask each position of inline text only the inline rules that can begin there.

    markdown-it-py's text rule takes every run of ordinary characters; at each other
    character every other rule is asked in turn (ten of them) and all but one or two
    fail at once. Here they are asked through one rule that looks the character up. A
    rule not in the table above is asked at every character, in its place."""
    ruler = md.inline.ruler
    names = {rule.fn: rule.name for rule in ruler.__rules__}
    rules = ruler.getRules("")
    if names[rules[0]] != "text":
        return  # the others are asked only where the text rule stops: not so here
    first, rest = rules[0], [(names[fn], fn) for fn in rules[1:]]
    characters = {c for name, _ in rest for c in _INLINE_FIRST_CHARACTERS.get(name, "")}
    by_character = {c: tuple(fn for name, fn in rest
                             if c in _INLINE_FIRST_CHARACTERS.get(name, c))
                    for c in characters}
    always = tuple(fn for name, fn in rest if name not in _INLINE_FIRST_CHARACTERS)

    def dispatch(state: StateInline, silent: bool) -> bool:
        for rule in by_character.get(state.src[state.pos], always):
            if rule(state, silent):
                return True
        return False

    chain = [first, dispatch]
    ruler.getRules = lambda name="": chain if name == "" else []  # type: ignore[method-assign]


def _kept_as_written(url: str) -> str:
    """The destination without the whitespace around it (as markdown-it-py's own
    normalisation trims it), otherwise as written: not percent-encoded, which archlint
    would only decode again, and with its host name not turned into punycode."""
    return url.strip()


def _normalize(state: StateCore) -> None:
    r"""CommonMark's line endings (``\r\n`` and ``\r`` become ``\n``), and U+FFFD for NUL."""
    source = state.src
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in source:
        source = source.replace("\0", "\ufffd")
    state.src = source


def _setext_heading(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it-py's setext heading rule, run only where it can succeed: when a line
    of the paragraph starting at ``start`` (up to the first blank line) is made of ``=``
    or ``-`` alone. When it cannot, what the rule leaves behind is left the same way."""
    source, begins, shifts, ends = state.src, state.bMarks, state.tShift, state.eMarks
    candidates = _candidate_lines(state)
    position = bisect.bisect_left(candidates, start + 1)
    # only lines that could be blank or an underline in any container are looked at:
    # the others are neither, so a long paragraph (or list) is not read again and again
    while position < len(candidates) and candidates[position] < end:
        line = candidates[position]
        first, last = begins[line] + shifts[line], ends[line]
        if first >= last:
            break
        marker = source[first]
        if marker in "=-":
            underline = source[first:last].rstrip(" \t")
            if underline.count(marker) == len(underline):
                return lheading(state, start, end, silent)
        position += 1
    if not state.is_code_block(start):
        state.parentType = "paragraph"  # as markdown-it-py's rule leaves it on failure
    return False


_CANDIDATE = re.compile(r"[ \t>]*(?:=+|-+)?[ \t]*")


def _candidate_lines(state: StateBlock) -> list[int]:
    """The lines that are blank or a setext underline once block quote markers and
    indentation are taken off (what containers can take off), found once per source."""
    kept = state.env.get("archlint_candidates")
    if kept is not None and kept[0] is state.src:
        return kept[1]
    found = [number for number, line in enumerate(state.src.split("\n"))
             if not line.strip(" \t>=-") and _CANDIDATE.fullmatch(line)]
    state.env["archlint_candidates"] = (state.src, found)
    return found


def _inline(state: StateCore) -> None:
    """markdown-it-py's inline pass, for content that holds inline syntax: the rest is
    text and line breaks only, left with no children (see :func:`inline.plain_text`)."""
    md = state.md
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        if inline.INLINE_SYNTAX.search(token.content):
            md.inline.parse(token.content, md, state.env, token.children)


class _Inlines(NamedTuple):
    """What markdown-it-py's text_join rule reads of its state: the tokens."""

    tokens: list[Token]


def _join_escaped_text(state: StateCore) -> None:
    """markdown-it-py's text_join rule, over the inline tokens whose content holds a
    backslash or an ``&``. It turns the text of escapes and entities (``text_special``,
    which only those begin) into text and joins adjacent text; the inline rules leave no
    other text side by side (their fragments are joined when the inline parse ends)."""
    inlines = [token for token in state.tokens if token.type == "inline"
               and ("\\" in token.content or "&" in token.content)]
    if inlines:
        text_join(_Inlines(inlines))  # type: ignore[arg-type]


def _inline_where_links_may_be(state: StateCore) -> None:
    """markdown-it-py's inline pass, for headings (their anchors) and for text that may
    hold a link, an image, an autolink or inline HTML (HTML anchors, comments): all of
    these need ``[`` and ``]``, or ``<`` and ``>``. The rest stays unparsed: no children."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "inline":
            continue
        token.children = []
        text = token.content
        if (tokens[index - 1].type == "heading_open" or ("[" in text and "]" in text)
                or ("<" in text and ">" in text)):
            state.md.inline.parse(text, state.md, state.env, token.children)
