"""AL102 placeholder: a placeholder of the template was never replaced.

## What it does
Finds the marks templates use for "fill this in", each reported once at its own line
and column:

- placeholder words, as whole words: `xxx`, `XXX`, `xx`, `XX`, `TBD`, `TODO`, `FIXME`,
  `NNNN` (the list is configurable);
- a lone `x` where it stands for a name or a value: `the x service`, `x ms`, `x %`,
  and a capital `X` where it can only be a number: `X%`, `99.X%`, `< X seconds`;
- a paragraph, list item or table cell that is only `x`, `...` or `…` (but not a
  list's last item or a table's row of `...` meaning "and so on", an elision in a
  quotation, or `x` as a check mark in a table: a matrix with empty cells, or rows
  labelling their marks; a table whose every cell but the row labels is `x` under
  headers of text to write, such as "Rationale" or "Impact", is a blank table, and
  each of its `x` is reported);
- a heading that is a slot of the template, never named: `Todo`, `Significant area
  1`, `Example scenario 2` (an author's `Option 1` or `Story 2` is a name);
- angle-bracket placeholders written to survive rendering, `\\<Role-1\\>` or
  `\\<Role-1>`, and brace
  placeholders, `{title of the decision}`, also with a comma or a bar when they describe
  what to write (`{justification, e.g. cost}`, `{summary | issue/ticket link}`; one
  that names another inside it, `{reason, e.g. it resolves {force}}`, whole) and in
  quotation marks (`Chosen option: "{option 1}"`) (but not enumerations such as `{get, list}`,
  path templates such as `/pods/{name}`, `${VARIABLE}`, the generated part of a name
  such as `created-from-\\<hash>`, LaTeX such as `\\frac{a}{b}`, notation such as
  `{Secret -> Pod}`, or braces in a table that writes sets in braces: `{NUMA node 0}`
  beside `{1, 2, 3}`).

Code spans, code blocks, link destinations, inline HTML and URLs are never searched,
so `x86`, `TODO` in code and `xxx` in a URL are left alone, and so are placeholder
words in quotation marks (`the "TBD" behaviour`), a placeholder word being defined
(`where NNNN is the record's number`: then every `NNNN` of that paragraph), *todo* as
a word of Spanish, Portuguese or Catalan (`GRUPO TODO EN UNO`, `la lista de TODO`),
`/XX` prefix lengths and versions
counted from as variables (`v1.xx` and `v1.xx+1`); nor is a
line that AL101
reports as template text left in, so that one leftover gives one finding.

## Why it matters
A placeholder that reaches the main branch reads as a fact ("the xxx system") or as a
promise nobody keeps ("TBD"). Both make the document less trustworthy than saying
nothing.

## Example
```markdown
The xxx system is highly distributed.
```

## Use instead
```markdown
The billing system is highly distributed.
```

A rule pack adds the placeholders of its template (`NNNN`, `(fill me in …)`).

## Options
- `words` (list of strings): the placeholder words, matched case-sensitively as whole
  words. Default: `TBD`, `TODO`, `FIXME`, `NNNN`, `xx`, `xxx`, `xxxx`, `XX`, `XXX`, `XXXX`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from archlint.diagnostics import Problem
from archlint.markdown.textscan import WORD_START, Joined, whole_word
from archlint.model import BlockKind, Document, TextBlock
from archlint.rule import Context, RuleOptions
from archlint.template import classify, mentions, tables

CODE = "AL102"
NAME = "placeholder"

_SEARCHED = (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL, BlockKind.HEADING)
_ALONE = re.compile(r"^(?:[xX]|\.{3,}|…+)$")
_ALONE_CHARACTERS = re.compile(r"[xX.…*_\s]+")  # what a text of lone x's and ellipses has
_NAMED = (r"system|service|team|component|application|app|module|database|cluster|"
          r"platform|server|api|project|product|library|version")
_UNITS = (r"%|ms|s|sec|seconds?|minutes?|mins?|hours?|days?|[kKMGT]i?B|requests?|rps|qps|"
          r"tps|users?|instances|nodes|replicas")
# (_LONE_X and _BRACKETS are parts of _pattern's one search, not compiled alone)
_LONE_X = (
    rf"{WORD_START}(?<![.\-])[xX](?=\s+(?:{_NAMED})(?![^\W_]))"
    rf"|{WORD_START}(?<![.\-])x(?=\s*(?:{_UNITS})(?![^\W_]))"
    # a capital X only where it can be nothing but a number: before a per cent sign
    # ("X%", "99.X%"), or compared ("< X seconds"); "OS X users" is a name
    rf"|{WORD_START}(?<![\-])(?<![^\d]\.)X(?=\s?%)"
    rf"|(?<=[<>≤≥] )X(?=\s+(?:{_UNITS})(?![^\W_]))"
)
# \<Name\> (written to show the brackets) and {a description}: not part of a name
# (created-from-\<hash>, pages-{size}; but ADR-{number} is a placeholder), not a set or enumeration ({get, list}), not a path,
# file or URL template (/pods/{name}, {name}.md), not ${VAR}, not a LaTeX argument
# (\frac{a}{b}), not notation such as {Secret -> Pod}.
# A brace placeholder may hold a comma or a bar when it describes what to write:
# {justification, e.g. cost}, {summary | issue/ticket link}; {get, list} stays a set.
# A description may name another placeholder inside it: {reason, e.g. it resolves {force}}
# is one placeholder, reported whole.
_INNER = r"(?:[^{}<>=\\\n\x00]|\{[^{}<>=\\\n\x00]{1,40}\})"
_DESCRIBED = (_INNER + r"{0,80}?(?:,\s*(?:e\.\s?g\.|i\.\s?e\.|for example|such as)|"
              r"\s\|\s)" + _INNER + r"{0,80}")
_BRACKETS = (r"(?<![\w.])(?<![a-z]-)\\<[^<>\n\x00]+?\\?>|"
             r"(?<![\\$\w{}/.])(?<![a-z]-)\{[A-Za-z](?:[^{}<>,=:/\\+(\n\x00]{0,80}|"
             + _DESCRIBED + r")\}(?![}/\w\[(]|\.\w)")
_MATH = re.compile(r"\$[^$\n]+\$")
_X_RUN = re.compile(r"^(?:x+|X+)$")


_TEMPLATE_TEXT = (classify.Kind.PROMPT, classify.Kind.TEMPLATE)


@dataclass(frozen=True)
class Options(RuleOptions):
    words: tuple[str, ...] = ("TBD", "TODO", "FIXME", "NNNN",
                              "xx", "xxx", "xxxx", "XX", "XXX", "XXXX")

    def __post_init__(self) -> None:
        if any(not word.strip() for word in self.words):
            raise ValueError("words: an empty word would match everywhere")


@lru_cache(maxsize=16)
def _may_hold(words: tuple[str, ...]) -> re.Pattern[str]:
    """A quick test that a text may hold a placeholder at all (most text does not):
    the start of a bracket placeholder (``{``, ``\\``), any of the placeholder words
    (whole or not) or an x or X on its own. Every alternative starts with a given
    character, which lets the regular expression engine skip ahead to those characters:
    one search, quicker than one for each kind (an alternative starting with a class
    such as ``[xX]`` would have it try every position)."""
    alternatives = "|".join(re.escape(word) for word in ("{", "\\", *words))
    return re.compile(rf"{alternatives}|x(?<![^\W_]x)(?![^\W_])|X(?<![^\W_]X)(?![^\W_])")


@lru_cache(maxsize=16)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Placeholder words, a lone x and bracket placeholders, in one search."""
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(f"{whole_word(alternatives)}|{_LONE_X}|{_BRACKETS}")


def _alone(block: TextBlock, previous: TextBlock | None) -> str | None:
    """The block's whole visible text, when it is only bare x's or ellipses (but not an
    elision in a quotation, nor a list's last "..." meaning "and so on")."""
    if not block.runs or not _ALONE_CHARACTERS.fullmatch(block.runs[0].text):
        return None  # most blocks: their first run is not only x's and dots
    if block.kind is BlockKind.HEADING or block.in_blockquote:
        return None
    if (block.in_list_item and previous is not None and previous.in_list_item
            and previous.end_line + 1 >= block.line and previous.text.strip(" .…")):
        if not block.text.strip(" .…"):
            return None
    visible = " ".join([run.text for run in block.runs])
    if not _ALONE_CHARACTERS.fullmatch(visible):
        return None
    tokens = visible.replace("*", " ").replace("_", " ").split()
    return " ".join(tokens) if tokens and all(_ALONE.match(t) for t in tokens) else None


@lru_cache(maxsize=16)
def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """Placeholder phrases from a rule pack, such as "(fill me in", to their ")"."""
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})[^)\n\x00]*\)?", re.IGNORECASE)


def _found_in(block: TextBlock, placeholders: re.Pattern[str],
              phrases: re.Pattern[str] | None, set_notation: set[int],
              units: dict[int, list[tuple[int, int]]],
              talked: Callable[[], frozenset[str]] = frozenset) -> Iterator[Problem]:
    """The placeholders in one block's visible text, each once; ``talked`` gives the
    bracket placeholders the document talks about (worked out only when a bracket
    placeholder is found: most documents have none)."""
    text = Joined(block.runs)
    found = list(text.finditer(placeholders))
    if phrases is not None:
        found.extend(text.finditer(phrases))
    math = [m.span() for m in _MATH.finditer(text.text)]
    reported_until = -1
    for match, line, column in sorted(found, key=lambda f: (f[0].start(), -f[0].end())):
        if match.start() < reported_until:
            continue  # inside a placeholder already reported, as in {TODO}
        if any(start <= match.start() < end for start, end in math):
            continue  # inline maths: $\frac{a}{b}$
        start, end = match.span()
        if _X_RUN.match(match.group(0)) and (mentions.part_of_a_name(text.text, start, end)
                                             or mentions.a_version_variable(text.text, start, end)):
            continue
        if mentions.talk(text.text, start, end) or mentions.in_link_text(block, line, column):
            continue
        if match.group(0).startswith("{") and (
                line in set_notation
                or mentions.brace_notation(text.text, *match.span(), line, column, units)):
            continue
        if match.group(0).startswith(("{", "\\")) and (
                match.group(0) in talked() or mentions.TUPLE().match(match.group(0))):
            continue
        reported_until = match.end()
        yield Problem(line, column, f'placeholder "{match.group(0).strip(" ,")}" left in')


def check(document: Document, options: Options, context: Context) -> Iterator[Problem]:
    extra = context.pack.placeholders if context.pack else ()
    all_words = tuple(dict.fromkeys(
        (*options.words, *(w for w in extra if re.fullmatch(r"\w+", w)))))
    placeholders, may_hold = _pattern(all_words), _may_hold(all_words)
    phrases = _phrases_pattern(tuple(p for p in extra if not re.fullmatch(r"\w+", p)))
    cells = tables.tables(document)
    check_marks, and_so_on = tables.check_mark_rows(cells), tables.and_so_on_rows(cells)
    set_notation, units = tables.set_notation_rows(cells), tables.unit_columns(cells)
    talked = cache(lambda: mentions.talked_about(document, placeholders))
    variables = tables.variable_rows(cells)
    classified = context.analysis.template_text
    slots = {section.heading.line: section.title for section in document.sections()
             if section.heading and classify.slot_heading(section.title)}
    previous = None
    for block in document.blocks:
        before, previous = previous, block
        if block.kind not in _SEARCHED or classified.kind(block) in _TEMPLATE_TEXT:
            continue  # a line of template text left in is AL101's finding
        alone = _alone(block, before)
        if alone is not None:
            if alone in ("x", "X") and block.line in variables:
                continue  # | X | 2**X |: a variable of the table's maths
            if block.line not in (check_marks if alone in ("x", "X") else and_so_on):
                yield Problem(block.line, block.column, f'placeholder "{alone}" left in')
            continue
        found = []
        if phrases is not None or may_hold.search(
                "\n".join([run.text for run in block.runs])) is not None:
            found = list(_found_in(block, placeholders, phrases, set_notation, units,
                                   talked))
        if not found and block.kind is BlockKind.HEADING and block.line in slots:
            found = [Problem(block.line, block.column,
                             f'placeholder heading "{slots[block.line]}" left in')]
        yield from found
