"""A placeholder talked about rather than left in: a word being defined, named or spelled
out, in quotation marks or a link's text, a word of another language, a version or a
name with a variable in it, braces that are notation (a grammar, units, a format, a
tuple).
"""

from __future__ import annotations

import re

from archlint.model import BlockKind, Document, LinkKind, TextBlock
from archlint.patterns import lazy

_VERSION_ARITHMETIC = lazy(r"(?<!\d)(\d+\.(?:x+|X+))\s?[+-]\s?\d")


def part_of_a_name(text: str, start: int, end: int) -> bool:
    """xxx joined by a hyphen to a lower-case word is a wildcard in a name
    (xxx-e2e-gce), and /XX a prefix length, not a placeholder."""
    return (text[end:end + 2][1:2].islower() and text[end:end + 1] == "-") or (
        start >= 2 and text[start - 1] == "-" and text[start - 2].islower()) or (
        start >= 1 and text[start - 1] == "/")


def a_version_variable(text: str, start: int, end: int) -> bool:
    """1.xx where the text also counts from that same 1.xx (v1.xx+1): any minor version,
    a variable, not a version number nobody filled in ("since 1.XX")."""
    number = re.search(r"\d+\.$", text[:start])
    if number is None:
        return False
    version = number.group(0) + text[start:end]
    return any(found.group(1) == version for found in _VERSION_ARITHMETIC().finditer(text))


def quoted(text: str, start: int, end: int) -> bool:
    """A placeholder word in quotation marks is being talked about ("TBD" behaviour);
    a brace placeholder in quotation marks is still one (Chosen option: "{option 1}")."""
    return (start >= 1 and text[start - 1] in "\"“'‘" and text[end:end + 1] in "\"”'’ "
            and not text.startswith("{", start))


# "where NNNN is the record's number": the placeholder word is being defined
_DEFINED_AFTER = lazy(r"\s*(?:is|are|stands for|means|represents|denotes|=)\s",
                      re.IGNORECASE)
_DEFINED_BEFORE = lazy(r"(?:\bwhere|\bwith|\bhere|\()\s*[`'\"“‘]?$", re.IGNORECASE)


def defined(text: str, word: str) -> bool:
    """Is the word defined somewhere in the text? Then every mention of it there (the
    file name NNNN-title.md beside "where NNNN is …") is talk about it."""
    for found in re.finditer(re.escape(word), text):
        start, end = found.span()
        end += text[end:end + 1] in "`'\"”’"
        if (_DEFINED_BEFORE().search(text[max(0, start - 12):start]) is not None
                and _DEFINED_AFTER().match(text, end) is not None):
            return True
    return False


# "todo" is a word in Spanish, Portuguese and Catalan ("GRUPO TODO EN UNO", "la lista de
# TODO"): among their words, or in a phrase all in capitals, TODO is no marker.
_ROMANCE = frozenset("""
de del la las el los en y que es un una uno con para por su sus al lo le les se como más
pero o do da dos das em com uma os ao na no nas nos é à
""".split())
_ENGLISH_TOO = frozenset("a as no o do se".split())


def ordinary_word(text: str, start: int, end: int) -> bool:
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
_NOUN_AFTER = lazy(r"\s*(?:comments?|items?|lists?|markers?|notes?|entries|entry|tags?|"
                   r"apps?|files?|tracker)\b", re.IGNORECASE)
_NOUN_BEFORE = lazy(r"\b(?:a|an|the|these|those|each|every|open|remaining|any|our|"
                    r"its|their)\s+$", re.IGNORECASE)


_REFERENCE_AFTER = lazy(r"\s+(?:above|below)\b", re.IGNORECASE)


def a_noun(text: str, start: int, end: int) -> bool:
    """TODO or FIXME named rather than written: "a TODO item", "see FIXME above"."""
    return text[start:end] in ("TODO", "FIXME") and (
        _NOUN_AFTER().match(text, end) is not None
        or _REFERENCE_AFTER().match(text, end) is not None
        or _NOUN_BEFORE().search(text[max(0, start - 12):start]) is not None)


def spelled_out(text: str, start: int, end: int) -> bool:
    """An abbreviation after its words: "To Be Determined" (TBD)."""
    word = text[start:end]
    if not word.isupper() or text[start - 1:start] != "(" or text[end:end + 1] != ")":
        return False
    before = re.findall(r"[^\W\d_]+", text[max(0, start - 80):start])[-len(word):]
    return "".join(w[0] for w in before).upper() == word


def in_link_text(block: TextBlock, line: int, column: int) -> bool:
    """Inside the text of a link to another page: "[TODO](https://…)" points at a
    marker over there."""
    return any(link.kind is LinkKind.LINK and link.line == line
               and link.column < column <= link.column + len(link.text)
               and "://" in link.target for link in block.links)


def quoted_name(text: str, start: int, end: int) -> bool:
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
_GRAMMAR = lazy(r"::?=|→")
_CODE_LIKE = lazy(r"^\S*_\S*$|^[A-Z0-9]{2,}\d\w*$|^\w*\d\w*[a-z]\w*$")


_UNIT_LABEL = lazy(r"\bunits?\W{0,4}:\W{0,4}$", re.IGNORECASE)


def brace_notation(text: str, start: int, end: int, line: int, column: int,
                    units: dict[int, list[tuple[int, int]]]) -> bool:
    if any(first <= column < last for first, last in units.get(line, ())):
        return True
    if _UNIT_LABEL().search(text[max(0, start - 12):start]):
        return True  # "unit: {handshake}", "*Unit*: {call}"
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if _GRAMMAR().search(text[line_start:line_end if line_end >= 0 else len(text)]):
        return True
    before, after = text[:start].split()[-1:], text[end:].split()[:1]
    return any(_CODE_LIKE().match(token) for token in (*before, *after))


# a quotation holding a placeholder among other text: a message or a format being
# talked about ("References cited in {citationkey}", '\<userType>:\<userId>'); every
# mention of that placeholder in the document is talk about it too
_QUOTATION = lazy(r"\"[^\"\n]{2,120}\"|“[^”\n]{2,120}”|"
                  r"(?<![\w])'[^'\n]{2,120}'(?![\w])")


def talked_about(document: Document, placeholders: re.Pattern[str]) -> frozenset[str]:
    talked: set[str] = set()
    for block in document.blocks:
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL, BlockKind.HEADING):
            continue
        text = " ".join([run.text for run in block.runs])
        if "{" not in text and "\\<" not in text:
            continue
        for quotation in _QUOTATION().finditer(text):
            inside = quotation.group(0)[1:-1]
            for match in placeholders.finditer(inside):
                if match.group(0)[:1] in "{\\" and inside.strip() != match.group(0):
                    talked.add(match.group(0))
    return frozenset(talked)


# \<trust_domain, endpoint\>: a tuple, written in angle brackets
TUPLE = lazy(r"^\\<\s*[\w\\]+(?:\s*,\s*[\w\\]+)+\s*\\?>$")


def talk(text: str, start: int, end: int) -> bool:
    """Is the placeholder word at ``text[start:end]`` talked about rather than left in?"""
    return (quoted(text, start, end) or defined(text, text[start:end])
            or ordinary_word(text, start, end) or a_noun(text, start, end)
            or spelled_out(text, start, end) or quoted_name(text, start, end))
