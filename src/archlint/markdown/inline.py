"""From one markdown-it-py ``inline`` token to plain text, text runs, links and HTML.

markdown-it-py's inline tokens carry no positions. The parser wraps the inline rules
that produce links, images, autolinks, code spans and inline HTML so that each token
they push records the span of source it came from (``token.meta["span"]``); everything
here works from those spans and the inline's own source text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.rules_inline import autolink, backtick, html_inline, image, link
from markdown_it.rules_inline.state_inline import StateInline
from markdown_it.token import Token

from archlint.frozen import frozen
from archlint.model import Link, LinkKind, TextRun, quick_constructor

SPAN = "archlint_span"
_BARE_URL = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s<>()]+|\bwww\.[^\s<>()]+")
HEADING_ATTRIBUTE = re.compile(r"\s*\{\s*#([^\s{}]+)[^{}]*\}\s*$")
# a character one of the inline rules may begin at (beside the newline): escape,
# code span, strikethrough, emphasis, link, image, autolink or HTML, entity. Text
# without any is text and line breaks only.
INLINE_SYNTAX = re.compile(r"[\\`~*_\[!<&]")

# the values made most often, made quicker (see quick_constructor)
_new_run = quick_constructor(TextRun)
new_link = quick_constructor(Link)

_SPAN_TOKENS = {"link": "link_open", "image": "image", "autolink": "link_open",
                "backticks": "code_inline", "html_inline": "html_inline"}


# the character each of those rules starts with: at any other, it fails at once
_FIRST_CHARACTER = {"link": "[", "image": "!", "autolink": "<", "backticks": "`",
                    "html_inline": "<"}


def _record_spans(rule_name: str, rule: Callable[[StateInline, bool], bool]):
    """Wrap an inline rule so that the token it opens remembers its source span."""
    wanted, first = _SPAN_TOKENS[rule_name], _FIRST_CHARACTER[rule_name]

    def wrapped(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] != first:
            return False  # as the rule itself would, without calling it
        if silent:
            return rule(state, silent)
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        for token in state.tokens[count:]:
            if token.type == wanted:
                label_end = state.pos
                if rule_name in ("link", "image"):
                    label_start = start + (2 if rule_name == "image" else 1)
                    label_end = state.md.helpers.parseLinkLabel(state, label_start - 1, True)
                    label_end = label_end if label_end >= 0 else state.pos
                token.meta[SPAN] = (start, label_end, state.pos)
                break
        return True

    return wrapped


def configure(md: MarkdownIt) -> MarkdownIt:
    rules = {"link": link, "image": image, "autolink": autolink,
             "backticks": backtick, "html_inline": html_inline}
    for name, rule in rules.items():
        md.inline.ruler.at(name, _record_spans(name, rule))
    return md


class LineMap:
    """Maps offsets in an inline token's content to (line, column) in the source.
    ``starts`` are the offsets where the content's lines start, ``columns`` the source
    column of each. ``gaps`` are the offsets of one-line content before which the source
    has one more character than the content (the backslash of a table cell's ``\\|``)."""

    __slots__ = ("_starts", "_first_line", "_columns", "_gaps")

    def __init__(self, starts: Sequence[int], first_line: int, columns: Sequence[int],
                 gaps: Sequence[int] = ()) -> None:
        self._starts = starts
        self._first_line = first_line
        self._columns = columns
        self._gaps = gaps

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        column = self._columns[index] if index < len(self._columns) else 1
        if self._gaps:
            column += bisect.bisect_right(self._gaps, offset)
        return self._first_line + index, column + offset - self._starts[index]

    def add_runs(self, source: str, start: int, end: int, runs: list[TextRun]) -> None:
        """The visible stretch ``source[start:end]`` as text runs, one per line (a gap
        splits one), the blank ones left out."""
        if self._gaps:  # only in a table cell, on one line
            gaps = [gap for gap in self._gaps if start < gap < end]
            for at, stop in zip([start, *gaps], [*gaps, end]):
                part = source[at:stop]
                if part.strip():
                    runs.append(_new_run(part, *self.position(at)))
            return
        starts, columns = self._starts, self._columns
        if len(starts) == 1:  # one line, as most content is
            part = source[start:end]
            if part.strip():
                runs.append(_new_run(part, self._first_line, columns[0] + start))
            return
        index = bisect.bisect_right(starts, start) - 1
        at = start
        while True:
            stop = source.find("\n", at, end)
            part = source[at:end if stop < 0 else stop]
            if part.strip():
                column = columns[index] if index < len(columns) else 1
                runs.append(_new_run(part, self._first_line + index,
                                     column + at - starts[index]))
            if stop < 0:
                return
            at, index = stop + 1, index + 1


def line_map(content: str, first_line: int, source_lines: Sequence[str],
             first_column: int | None = None, gaps: Sequence[int] = ()) -> LineMap:
    """Locate each line of ``content`` in the source lines starting at ``first_line``."""
    if gaps:
        return LineMap(_line_starts(content), first_line, [first_column or 1], gaps)
    if "\n" not in content:  # one line, as most are
        line, column = _one_line_start(content, first_line, source_lines, first_column)
        return LineMap((0,), line, (column,))
    if first_column is None and not content[:1].isspace():
        first_line = _first_written_line(first_line, source_lines)
    starts, columns, offset = [], [], 0
    for row, text in enumerate(content.split("\n"), first_line - 1):
        starts.append(offset)
        offset += len(text) + 1
        columns.append(_column(text, row, source_lines))
    if first_column is not None:
        columns[0] = first_column
    return LineMap(starts, first_line, columns)


def _one_line_start(content: str, first_line: int, source_lines: Sequence[str],
                    first_column: int | None) -> tuple[int, int]:
    """Where ``content``, one line of inline content, begins: its line and column (each
    given, or found as :func:`line_map` finds them)."""
    if first_column is not None:
        return first_line, first_column
    if not content[:1].isspace():
        first_line = _first_written_line(first_line, source_lines)
    return first_line, _column(content, first_line - 1, source_lines)


def _first_written_line(first_line: int, source_lines: Sequence[str]) -> int:
    """The first line of a paragraph's or heading's source that its content begins on.
    markdown-it-py strips the content of Unicode whitespace, which takes away lines
    holding only a form feed or another space CommonMark does not count as blank (blank
    lines hold only spaces and tabs). The content begins with something else, so a line
    holding only whitespace is not its first."""
    row = first_line - 1
    while row + 1 < len(source_lines) and not source_lines[row].lstrip(" \t>").strip():
        row += 1
    return row + 1


def _line_starts(content: str) -> list[int]:
    starts = [0]
    index = content.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = content.find("\n", index + 1)
    return starts


def _column(text: str, row: int, source_lines: Sequence[str]) -> int:
    """The column where ``text``, a line of inline content, stands on its source line
    (1 when it cannot be found there)."""
    source = source_lines[row] if row < len(source_lines) else ""
    found = len(source) - len(text) if source.endswith(text) else source.rfind(text)
    return found + 1 if found >= 0 else 1


@frozen
class HtmlFragment:
    """Inline HTML (a tag or a comment) with its position."""

    html: str
    line: int
    column: int


class InlineContent(NamedTuple):
    """What the model keeps of one inline token (a tuple: made for every text block and
    taken apart at once)."""

    text: str
    italic: bool
    runs: tuple[TextRun, ...]
    links: tuple[Link, ...]
    html: tuple[HtmlFragment, ...]


# what each kind of child adds to the plain text (a text or code span: its content)
_SHOWN = {"softbreak": " ", "hardbreak": "\n", "text": None, "code_inline": None}


def _plain_text(children: Sequence[Token], *, keep_alt: bool) -> str:
    parts: list[str] = []
    for token in children:
        if token.type == "image":
            if keep_alt:
                parts.append(_plain_text(token.children or [], keep_alt=True))
        elif token.type in _SHOWN:
            parts.append(_SHOWN[token.type] or token.content)
    return "".join(parts)


def plain_text(content: str) -> str:
    """The plain text of inline content holding no inline syntax (the tokenizer leaves it
    unparsed): markdown-it-py's newline rule makes its lines text, with their leading
    spaces and tabs dropped, parted by a soft break (a space; one space before it
    dropped) or, after two spaces or more, a hard break (a newline; the spaces
    dropped)."""
    if "\n" not in content:
        return content
    lines = content.split("\n")
    parts = [lines[0]]
    for line in lines[1:]:
        before = parts[-1]
        if before.endswith("  "):
            parts[-1] = before.rstrip(" ")
            parts.append("\n")
        else:
            parts[-1] = before.removesuffix(" ")
            parts.append(" ")
        parts.append(line.lstrip(" \t"))
    return "".join(parts)


def _opens_with_emphasis(children: Sequence[Token]) -> bool:
    """Is the first visible token the opening of italics or bold?"""
    for token in children:
        if token.type != "softbreak" and (token.type != "text" or token.content.strip()):
            return token.type in ("em_open", "strong_open")
    return False


def _wrapped_in(children: Sequence[Token]) -> set[str]:
    """The emphasis kinds (``em``, ``strong``) that enclose all the visible content."""
    meaningful = [t for t in children
                  if not (t.type == "text" and not t.content.strip()) and t.type != "softbreak"]
    kinds: set[str] = set()
    while len(meaningful) >= 2:
        first, last = meaningful[0], meaningful[-1]
        kind = first.type.removesuffix("_open")
        if kind not in ("em", "strong") or last.type != f"{kind}_close":
            break
        depth = 0
        for index, token in enumerate(meaningful):
            if token.type == first.type:
                depth += 1
            elif token.type == last.type:
                depth -= 1
                if depth == 0 and index != len(meaningful) - 1:
                    return kinds
        kinds.add(kind)
        meaningful = meaningful[1:-1]
    return kinds


def _link_at(token: Token, kind: LinkKind, children: Sequence[Token], index: int,
             where: LineMap, source: str) -> Link:
    start, label_end, end = token.meta.get(SPAN, (0, 0, 0))
    line, column = where.position(start)
    reference = kind is not LinkKind.AUTOLINK and source[label_end + 1:label_end + 2] != "("
    if kind is LinkKind.IMAGE:
        target = token.attrGet("src") or ""
        text = _plain_text(token.children or [], keep_alt=True)
    else:
        target = token.attrGet("href") or ""
        depth, parts = 0, []
        for position in range(index + 1, len(children)):  # not a copy of the rest
            inner = children[position]
            if inner.type == "link_open":
                depth += 1
            elif inner.type == "link_close":
                if depth == 0:
                    break
                depth -= 1
            parts.append(inner)
        text = _plain_text(parts, keep_alt=True)
    return new_link(kind, as_written(target), text, line, column, reference)


def as_written(href: str) -> str:
    """markdown-it-py percent-encodes destinations; undo that for messages and paths."""
    return unquote(href)


_LINKISH = frozenset({"link_open", "image", "html_inline"})


def holds_links(token: Token) -> bool:
    """Whether the parsed inline token holds a link, an image or inline HTML."""
    return any(child.type in _LINKISH for child in token.children or ())


class Children(NamedTuple):
    """What one pass over an inline token's children finds (a tuple: taken apart at once)."""

    text: str
    links: list[Link]
    html: list[HtmlFragment]
    hidden: list[tuple[int, int]]  # spans of source that are not visible text


def links_and_html(token: Token, where: LineMap) -> Children:
    """In one pass over the children of an inline token: its plain text (as
    :func:`_plain_text` without images' alt text), its links and inline HTML, and the
    spans of source that are not visible text (link destinations, autolinks, code
    spans, HTML)."""
    children = token.children or []
    source = token.content
    parts: list[str] = []
    links: list[Link] = []
    html: list[HtmlFragment] = []
    hidden: list[tuple[int, int]] = []
    for index, child in enumerate(children):
        kind = child.type
        if kind in _SHOWN:
            parts.append(_SHOWN[kind] or child.content)
            if kind != "code_inline":
                continue  # text and breaks have no span
        span: tuple[int, int, int] | None = child.meta.get(SPAN) if child.meta else None
        if kind == "link_open":
            link_kind = LinkKind.AUTOLINK if child.markup == "autolink" else LinkKind.LINK
            links.append(_link_at(child, link_kind, children, index, where, source))
        elif kind == "image":
            links.append(_link_at(child, LinkKind.IMAGE, children, index, where, source))
        elif kind == "html_inline" and span:
            html.append(HtmlFragment(child.content, *where.position(span[0])))
        if span:
            start, label_end, end = span
            if kind in ("link_open", "image") and child.markup != "autolink":
                hidden.append((label_end, end))
            else:
                hidden.append((start, end))
    return Children("".join(parts), links, html, hidden)


def read(token: Token, first_line: int, source_lines: Sequence[str], *,
         first_column: int | None = None, gaps: Sequence[int] = (),
         masked: Sequence[tuple[int, int]] = (), with_runs: bool = True
         ) -> tuple[int, int, InlineContent]:
    """Where the text of one inline token begins (line, column), and everything the model
    needs from it (its text runs only ``with_runs``). Its content is located in the
    source as :func:`line_map` locates it; ``masked`` spans of it are no text runs.

    One line without inline syntax, nearly half of all paragraphs, headings and cells,
    is read without a LineMap: it has no links, HTML or emphasis, and its text runs are
    the line itself (less any bare URL)."""
    source = token.content
    plain = INLINE_SYNTAX.search(source) is None  # text and line breaks only
    if plain and not gaps and not masked and "\n" not in source:
        return _read_plain_line(token, first_line, source_lines, first_column, with_runs)
    where = line_map(source, first_line, source_lines, first_column, gaps)
    line, column = where.position(0)
    return line, column, analyse(token, where, plain, masked, with_runs)


def _read_plain_line(token: Token, first_line: int, source_lines: Sequence[str],
                     first_column: int | None, with_runs: bool
                     ) -> tuple[int, int, InlineContent]:
    """:func:`read` for a token whose content is one line without inline syntax."""
    source = token.content
    line, column = _one_line_start(source, first_line, source_lines, first_column)
    runs: tuple[TextRun, ...] = ()
    if not with_runs or not source.strip():
        pass
    elif "://" in source or "www." in source:  # what a bare URL needs
        runs = tuple(_runs(source, _bare_urls(source), LineMap((0,), line, (column,))))
    else:
        runs = (_new_run(source, line, column),)
    return line, column, InlineContent(source, False, runs, (), ())  # its text is itself


def _bare_urls(source: str) -> list[tuple[int, int]]:
    """The spans of the bare URLs in ``source``."""
    return [match.span() for match in _BARE_URL.finditer(source)]


def analyse(token: Token, where: LineMap, plain: bool, masked: Sequence[tuple[int, int]],
            with_runs: bool) -> InlineContent:
    """Everything the model needs from one inline token, ``plain`` when it holds text and
    line breaks only, located by ``where`` (its text runs only ``with_runs``)."""
    children = token.children or []
    source = token.content
    if plain:
        text, links, html, hidden = plain_text(source), [], [], []
        italic = False
    else:
        text, links, html, hidden = links_and_html(token, where)
        italic = _opens_with_emphasis(children) and "em" in _wrapped_in(children)
    runs: tuple[TextRun, ...] = ()
    if with_runs:
        masks = [*masked, *hidden]
        if "://" in source or "www." in source:  # what a bare URL needs
            masks.extend(_bare_urls(source))
        runs = tuple(_runs(source, masks, where))
    return InlineContent(text, italic, runs, tuple(links), tuple(html))


def _runs(source: str, masks: list[tuple[int, int]], where: LineMap) -> list[TextRun]:
    runs: list[TextRun] = []
    cursor = 0
    for start, end in sorted(masks) if masks else ():
        if start > cursor:
            where.add_runs(source, cursor, start, runs)
        cursor = max(cursor, end)
    if len(source) > cursor:
        where.add_runs(source, cursor, len(source), runs)
    return runs


def heading_attribute(content: str) -> tuple[str | None, tuple[int, int] | None]:
    """A trailing ``{#id}`` on a heading: the id and its span, or (None, None)."""
    match = HEADING_ATTRIBUTE.search(content) if "{" in content else None
    if match is None:
        return None, None
    return match.group(1), match.span()

