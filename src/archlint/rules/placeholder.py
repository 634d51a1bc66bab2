"""AL102 placeholder: a placeholder of the template was never replaced.

## What it does
Finds the marks templates use for "fill this in", each reported once at its own line
and column:

- placeholder words, as whole words: `xxx`, `XXX`, `xx`, `XX`, `TBD`, `TODO`, `FIXME`,
  `NNNN` (the list is configurable);
- a lone `x` where it stands for a name or a value: `the x service`, `x ms`, `x %`;
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
  what to write (`{justification, e.g. cost}`, `{summary | issue/ticket link}`) and in
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
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from archlint.diagnostics import Problem
from archlint.markdown.textscan import WORD_START, Joined, whole_word
from archlint.model import BlockKind, Document, LinkKind, TextBlock
from archlint.rule import Context, RuleOptions
from archlint.template import classify

CODE = "AL102"
NAME = "placeholder"

_SEARCHED = (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL, BlockKind.HEADING)
_ALONE = re.compile(r"^(?:[xX]|\.{3,}|…+)$")
_ALONE_CHARACTERS = re.compile(r"[xX.…*_\s]+")  # what a text of lone x's and ellipses has
_NAMED = (r"system|service|team|component|application|app|module|database|cluster|"
          r"platform|server|api|project|product|library|version")
_UNITS = (r"%|ms|s|sec|seconds?|minutes?|mins?|hours?|days?|[kKMGT]i?B|requests?|rps|qps|"
          r"tps|users?|instances|nodes|replicas")
_LONE_X = re.compile(
    rf"{WORD_START}(?<![.\-])[xX](?=\s+(?:{_NAMED})(?![^\W_]))"
    rf"|{WORD_START}(?<![.\-])x(?=\s*(?:{_UNITS})(?![^\W_]))"
)
# \<Name\> (written to show the brackets) and {a description}: not part of a name
# (created-from-\<hash>, pages-{size}; but ADR-{number} is a placeholder), not a set or enumeration ({get, list}), not a path,
# file or URL template (/pods/{name}, {name}.md), not ${VAR}, not a LaTeX argument
# (\frac{a}{b}), not notation such as {Secret -> Pod}.
# A brace placeholder may hold a comma or a bar when it describes what to write:
# {justification, e.g. cost}, {summary | issue/ticket link}; {get, list} stays a set.
_DESCRIBED = (r"[^{}<>=\\\n\x00]{0,80}?(?:,\s*(?:e\.\s?g\.|i\.\s?e\.|for example|such as)|"
              r"\s\|\s)[^{}<>=\\\n\x00]{0,80}")
_BRACKETS = re.compile(r"(?<![\w.])(?<![a-z]-)\\<[^<>\n\x00]+?\\?>|"
                       r"(?<![\\$\w{}/.])(?<![a-z]-)\{[A-Za-z](?:[^{}<>,=:/\\+(\n\x00]{0,80}|"
                       + _DESCRIBED + r")\}(?![}/\w\[(]|\.\w)")
_MATH = re.compile(r"\$[^$\n]+\$")
_NUMBER_SET = re.compile(r"\{\s*\d[\d,\s]*\}")
_VERSION_ARITHMETIC = re.compile(r"(?<!\d)(\d+\.(?:x+|X+))\s?[+-]\s?\d")
_X_RUN = re.compile(r"^(?:x+|X+)$")


_TEMPLATE_TEXT = (classify.Kind.PROMPT, classify.Kind.TEMPLATE)


@dataclass(frozen=True)
class Options(RuleOptions):
    words: tuple[str, ...] = ("TBD", "TODO", "FIXME", "NNNN",
                              "xx", "xxx", "xxxx", "XX", "XXX", "XXXX")


@lru_cache(maxsize=16)
def _prefilter(words: tuple[str, ...]) -> re.Pattern[str]:
    """A quick test that a text may hold a placeholder at all (most text does not).
    Every alternative starts with a character, not a look-behind, so that the regular
    expression engine can skip ahead to the characters that may start one."""
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(rf"{alternatives}|[xX](?<![^\W_][xX])(?![^\W_])|[{{\\]")


@lru_cache(maxsize=16)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Placeholder words, a lone x and bracket placeholders, in one search."""
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(f"{whole_word(alternatives)}|{_LONE_X.pattern}|{_BRACKETS.pattern}")


def _alone(block: TextBlock, previous: TextBlock | None) -> str | None:
    """The block's whole visible text, when it is only bare x's or ellipses (but not an
    elision in a quotation, nor a list's last "..." meaning "and so on")."""
    if block.kind is BlockKind.HEADING or block.in_blockquote:
        return None
    if (block.in_list_item and previous is not None and previous.in_list_item
            and previous.end_line + 1 >= block.line and previous.text.strip(" .…")):
        if not block.text.strip(" .…"):
            return None
    visible = " ".join(run.text for run in block.runs)
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


def _tables(document: Document) -> list[list[TextBlock]]:
    """The cells of each table, in order."""
    tables: list[list[TextBlock]] = []
    for block in document.blocks:
        if block.kind is not BlockKind.TABLE_CELL:
            continue
        gap = block.line - tables[-1][-1].line if tables else 0
        between = document.lines[block.line - 2] if gap == 2 else ""
        if tables and (0 <= gap <= 1 or (gap == 2 and between.strip())):  # the |---| row
            tables[-1].append(block)
        else:
            tables.append([block])
    return tables


# Column headers of text to write, never of check marks: an x under them is a blank
_PROSE_HEADER = re.compile(
    r"\b(?:rationale|reasons?|reasoning|justification|impact|consequences?|description|"
    r"notes?|comments?|remarks|details|explanation|mitigations?|summary|motivation|"
    r"purpose|responsibilit(?:y|ies)|expectations?|concerns?|context|decision|"
    r"scenario|stimulus|response|measure|contact|owner|role|value|priority|risk|"
    r"interface|input|output|trigger|action|example|goal|quality|pros|cons|effort|"
    r"approach|solution|assumption|constraint|background)\b", re.IGNORECASE)


def _blank(cells: list[TextBlock]) -> bool:
    """A blank table: every data cell but a row label is x, under headers of text to
    write ("Rationale", "Impact"), or every cell of it is x."""
    header = cells[0].line
    rows: dict[int, list[TextBlock]] = {}
    for cell in cells:
        rows.setdefault(cell.line, []).append(cell)
    data = [row for line, row in rows.items() if line != header]
    if not data:
        return False
    if all(cell.text.strip() in ("x", "X") for row in data for cell in row):
        return True
    if not all(cell.text.strip() in ("x", "X") for row in data for cell in row[1:]):
        return False
    headers = rows[header][1:]
    return any(_PROSE_HEADER.search(cell.text) for cell in headers)


def _check_mark_rows(document: Document) -> set[int]:
    """Lines of table rows in tables that use x as a check mark, where x is no
    placeholder: tables with lone-x cells and empty cells (a matrix of marks), or with a
    row that labels two or more x's (| full-pcpus-only | x | x |); but not a blank table
    (see :func:`_blank`)."""
    lines: set[int] = set()
    for cells in _tables(document):
        if _blank(cells):
            continue
        texts = [cell.text.strip() for cell in cells]
        marks = [text in ("x", "X") for text in texts]
        rows: dict[int, list[bool]] = {}
        for cell, mark in zip(cells, marks):
            rows.setdefault(cell.line, []).append(mark)
        labelled = any(sum(row) >= 2 and not row[0] for row in rows.values())
        if any(marks) and ("" in texts or labelled):
            lines.update(cell.line for cell in cells)
    return lines


def _variable_rows(document: Document) -> set[int]:
    """Lines of table rows where a lone x is used in another cell's expression
    (| X | 2**X |): a variable, not a placeholder."""
    lines: set[int] = set()
    for cells in _tables(document):
        rows: dict[int, list[str]] = {}
        for cell in cells:
            rows.setdefault(cell.line, []).append(cell.text.strip())
        for line, texts in rows.items():
            for letter in {t for t in texts if t in ("x", "X")}:
                if any(t != letter and re.search(rf"(?<![A-Za-z]){letter}(?![A-Za-z])", t)
                       for t in texts):
                    lines.add(line)
    return lines


def _set_notation_rows(document: Document) -> set[int]:
    """Lines of tables that write sets in braces ({1, 2, 3}): there, {NUMA node 0} is a
    set too, not a placeholder."""
    return {cell.line for cells in _tables(document)
            if any(_NUMBER_SET.search(cell.text) for cell in cells) for cell in cells}


def _and_so_on_rows(document: Document) -> set[int]:
    """Lines of table rows that hold nothing but an ellipsis after rows of content:
    "and so on" (a table whose only row is ``...`` still waits to be filled in)."""
    lines: set[int] = set()
    for cells in _tables(document):
        rows: dict[int, list[str]] = {}
        for cell in cells:
            rows.setdefault(cell.line, []).append(cell.text.strip())
        written = False
        for line, texts in list(rows.items())[1:]:  # the first row is the header
            if any(t.strip(".…") for t in texts):
                written = True
            elif written and any(texts):
                lines.add(line)
    return lines


def _part_of_a_name(text: str, start: int, end: int) -> bool:
    """xxx joined by a hyphen to a lower-case word is a wildcard in a name
    (xxx-e2e-gce), and /XX a prefix length, not a placeholder."""
    return (text[end:end + 2][1:2].islower() and text[end:end + 1] == "-") or (
        start >= 2 and text[start - 1] == "-" and text[start - 2].islower()) or (
        start >= 1 and text[start - 1] == "/")


def _a_version_variable(text: str, start: int, end: int) -> bool:
    """1.xx where the text also counts from that same 1.xx (v1.xx+1): any minor version,
    a variable, not a version number nobody filled in ("since 1.XX")."""
    number = re.search(r"\d+\.$", text[:start])
    if number is None:
        return False
    version = number.group(0) + text[start:end]
    return any(found.group(1) == version for found in _VERSION_ARITHMETIC.finditer(text))


def _quoted(text: str, start: int, end: int) -> bool:
    """A placeholder word in quotation marks is being talked about ("TBD" behaviour);
    a brace placeholder in quotation marks is still one (Chosen option: "{option 1}")."""
    return (start >= 1 and text[start - 1] in "\"“'‘" and text[end:end + 1] in "\"”'’ "
            and not text.startswith("{", start))


# "where NNNN is the record's number": the placeholder word is being defined
_DEFINED_AFTER = re.compile(r"\s*(?:is|are|stands for|means|represents|denotes|=)\s",
                            re.IGNORECASE)
_DEFINED_BEFORE = re.compile(r"(?:\bwhere|\bwith|\bhere|\()\s*[`'\"“‘]?$", re.IGNORECASE)


def _defined(text: str, word: str) -> bool:
    """Is the word defined somewhere in the text? Then every mention of it there (the
    file name NNNN-title.md beside "where NNNN is …") is talk about it."""
    for found in re.finditer(re.escape(word), text):
        start, end = found.span()
        end += text[end:end + 1] in "`'\"”’"
        if (_DEFINED_BEFORE.search(text[max(0, start - 12):start]) is not None
                and _DEFINED_AFTER.match(text, end) is not None):
            return True
    return False


# "todo" is a word in Spanish, Portuguese and Catalan ("GRUPO TODO EN UNO", "la lista de
# TODO"): among their words, or in a phrase all in capitals, TODO is no marker.
_ROMANCE = frozenset("""
de del la las el los en y que es un una uno con para por su sus al lo le les se como más
pero o do da dos das em com uma os ao na no nas nos é à
""".split())
_ENGLISH_TOO = frozenset("a as no o do se".split())


def _ordinary_word(text: str, start: int, end: int) -> bool:
    """TODO in a sentence of Spanish, Portuguese or Catalan: two of their own little
    words, or one with their shared ones ("o", "a") or inside a phrase in capitals."""
    if text[start:end] != "TODO":
        return False
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    own = {w for w in words if w in _ROMANCE} - _ENGLISH_TOO
    if len(own) >= 2:
        return True
    if not own:
        return False
    before = re.findall(r"[^\W\d_]+", text[:start])[-1:]
    after = re.findall(r"[^\W\d_]+", text[end:])[:1]
    in_capitals = all(len(w) >= 2 and w.isupper() for w in (*before, *after)) and (
        len(before) + len(after) == 2)
    return in_capitals or sum(w in _ROMANCE for w in words) >= 3


# TODO the noun: "TODO comments", "a TODO item", "the TODO list" name a marker, or a
# list of them, that lives elsewhere
_NOUN_AFTER = re.compile(r"\s*(?:comments?|items?|lists?|markers?|notes?|entries|entry|tags?|"
                         r"apps?|files?|tracker)\b", re.IGNORECASE)
_NOUN_BEFORE = re.compile(r"\b(?:a|an|the|these|those|each|every|open|remaining|any|our|"
                          r"its|their)\s+$", re.IGNORECASE)


_REFERENCE_AFTER = re.compile(r"\s+(?:above|below)\b", re.IGNORECASE)


def _a_noun(text: str, start: int, end: int) -> bool:
    """TODO or FIXME named rather than written: "a TODO item", "see FIXME above"."""
    return text[start:end] in ("TODO", "FIXME") and (
        _NOUN_AFTER.match(text, end) is not None
        or _REFERENCE_AFTER.match(text, end) is not None
        or _NOUN_BEFORE.search(text[max(0, start - 12):start]) is not None)


def _spelled_out(text: str, start: int, end: int) -> bool:
    """An abbreviation after its words: "To Be Determined" (TBD)."""
    word = text[start:end]
    if not word.isupper() or text[start - 1:start] != "(" or text[end:end + 1] != ")":
        return False
    before = re.findall(r"[^\W\d_]+", text[max(0, start - 80):start])[-len(word):]
    return "".join(w[0] for w in before).upper() == word


def _in_link_text(block: TextBlock, line: int, column: int) -> bool:
    """Inside the text of a link to another page: "[TODO](https://…)" points at a
    marker over there."""
    return any(link.kind is LinkKind.LINK and link.line == line
               and link.column < column <= link.column + len(link.text)
               and "://" in link.target for link in block.links)


def _quoted_name(text: str, start: int, end: int) -> bool:
    """The end or the start of a name in quotation marks, as in "the receiver for web
    server XXX" or "TBD behavior": a word in a name being talked about."""
    if text.startswith("{", start):
        return False
    if text[start - 1:start] in "\"“" and start > 0:
        after = text[end:end + 60]
        return bool(re.match(r"[^\"”.!?]*[\"”]", after)) and not after.startswith(("\"", "”"))
    if text[end:end + 1] not in "\"”":
        return False
    before = text[max(0, start - 120):start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# braces that are notation: a grammar (Query := {Clause}), an annotation unit
# ({request}) in a Unit column, a part of a format between code-like tokens
# (CSL_CITATION {json} RND1234)
_GRAMMAR = re.compile(r"::?=|→")
_CODE_LIKE = re.compile(r"^\S*_\S*$|^[A-Z0-9]{2,}\d\w*$|^\w*\d\w*[a-z]\w*$")


_UNIT_LABEL = re.compile(r"\bunits?\W{0,4}:\W{0,4}$", re.IGNORECASE)


def _brace_notation(text: str, start: int, end: int, line: int, column: int,
                    units: dict[int, list[tuple[int, int]]]) -> bool:
    if any(first <= column < last for first, last in units.get(line, ())):
        return True
    if _UNIT_LABEL.search(text[max(0, start - 12):start]):
        return True  # "unit: {handshake}", "*Unit*: {call}"
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if _GRAMMAR.search(text[line_start:line_end if line_end >= 0 else len(text)]):
        return True
    before, after = text[:start].split()[-1:], text[end:].split()[:1]
    return any(_CODE_LIKE.match(token) for token in (*before, *after))


# a quotation holding a placeholder among other text: a message or a format being
# talked about ("References cited in {citationkey}", '\<userType>:\<userId>'); every
# mention of that placeholder in the document is talk about it too
_QUOTATION = re.compile(r"\"[^\"\n]{2,120}\"|“[^”\n]{2,120}”|(?<![\w])'[^'\n]{2,120}'(?![\w])")


def _talked_about(document: Document, placeholders: re.Pattern[str]) -> frozenset[str]:
    talked: set[str] = set()
    for block in document.blocks:
        if block.kind not in _SEARCHED:
            continue
        text = " ".join(run.text for run in block.runs)
        if "{" not in text and "\\<" not in text:
            continue
        for quotation in _QUOTATION.finditer(text):
            inside = quotation.group(0)[1:-1]
            for match in placeholders.finditer(inside):
                if match.group(0)[:1] in "{\\" and inside.strip() != match.group(0):
                    talked.add(match.group(0))
    return frozenset(talked)


# \<trust_domain, endpoint\>: a tuple, written in angle brackets
_TUPLE = re.compile(r"^\\<\s*[\w\\]+(?:\s*,\s*[\w\\]+)+\s*\\?>$")


def _unit_columns(document: Document) -> dict[int, list[tuple[int, int]]]:
    """For each table row with a column headed "Unit", the column spans (start, end) of
    its unit cells: there, braces are UCUM annotations such as {request}."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for cells in _tables(document):
        rows: dict[int, list[TextBlock]] = {}
        for cell in cells:
            rows.setdefault(cell.line, []).append(cell)
        header, *body = rows.values()
        wanted = [i for i, c in enumerate(header)
                  if re.fullmatch(r"units?", c.text.strip(), re.IGNORECASE)]
        for row in body:
            for i in wanted:
                if i < len(row):
                    end = row[i + 1].column if i + 1 < len(row) else 1 << 30
                    spans.setdefault(row[i].line, []).append((row[i].column, end))
    return spans


def _found_in(block: TextBlock, placeholders: re.Pattern[str],
              phrases: re.Pattern[str] | None, set_notation: set[int],
              units: dict[int, list[tuple[int, int]]],
              talked: frozenset[str] = frozenset()) -> Iterator[Problem]:
    """The placeholders in one block's visible text, each once."""
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
        if _X_RUN.match(match.group(0)) and (_part_of_a_name(text.text, *match.span())
                                             or _a_version_variable(text.text, *match.span())):
            continue
        if (_quoted(text.text, *match.span()) or _defined(text.text, match.group(0))
                or _ordinary_word(text.text, *match.span()) or _a_noun(text.text, *match.span())
                or _spelled_out(text.text, *match.span())
                or _quoted_name(text.text, *match.span()) or _in_link_text(block, line, column)):
            continue
        if match.group(0).startswith("{") and (
                line in set_notation
                or _brace_notation(text.text, *match.span(), line, column, units)):
            continue
        if match.group(0) in talked or _TUPLE.match(match.group(0)):
            continue
        reported_until = match.end()
        yield Problem(line, column, f'placeholder "{match.group(0).strip(" ,")}" left in')


def check(document: Document, options: Options, context: Context) -> Iterator[Problem]:
    extra = context.pack.placeholders if context.pack else ()
    all_words = tuple(dict.fromkeys(
        (*options.words, *(w for w in extra if re.fullmatch(r"\w+", w)))))
    placeholders, maybe = _pattern(all_words), _prefilter(all_words)
    phrases = _phrases_pattern(tuple(p for p in extra if not re.fullmatch(r"\w+", p)))
    check_marks, and_so_on = _check_mark_rows(document), _and_so_on_rows(document)
    set_notation, units = _set_notation_rows(document), _unit_columns(document)
    talked = _talked_about(document, placeholders)
    variables = _variable_rows(document)
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
        if phrases is not None or maybe.search("\n".join(run.text for run in block.runs)):
            found = list(_found_in(block, placeholders, phrases, set_notation, units,
                                   talked))
        if not found and block.kind is BlockKind.HEADING and block.line in slots:
            found = [Problem(block.line, block.column,
                             f'placeholder heading "{slots[block.line]}" left in')]
        yield from found
