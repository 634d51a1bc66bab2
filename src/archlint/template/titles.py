"""How section and document titles are compared.

Two titles match when they are equal after ignoring case, runs of whitespace,
surrounding whitespace, whitespace around a slash (``Upgrade / Downgrade``), a leading
section number (``4.2``, ``1.``, ``III.``, ``01.``), an "(Optional)" or "(if
applicable)" marker, trailing punctuation and emphasis marks left as text around the
whole title (``**Metrics **``). So ``## 3. State Models:`` matches the pack's ``State
models``. A placeholder in a pack's title (``XXX``, ``xxx``, ``NNNN``,
``{…}``, ``<…>``, ``[…]``) matches any text: ``Special considerations for XXX`` matches
``Special considerations for billing``.

Titles may also match *loosely*, which a pack's outline tries only after the exact
matches: the heading holds every word of the pack's title and more ("Key Stakeholders"
for "Stakeholders", "Level 2 — Order Management" for "Level 2"); or it is the title's
first or last words ("Decision" for "Decision Outcome", "Context" for "Context and
Problem Statement", "Constraints" for "Architecture Constraints"); or both are two words
and the first or the last is the same ("Future Work" for "Future possibilities",
"Relevant Links" for "Security Links"); or it is the tail of a one-word compound
("Szenarien" for "Qualitätsszenarien"); or the title is long (four words or more) and
the heading a lightly edited copy of it ("How can a rollout fail?" for "How can a
rollout or rollback fail?"). Small words (and, of, the …) do not count as
words here, and a plural is its singular ("Goal" for "Goals").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.)\s+")
_OPTIONAL = re.compile(r"\s*\((?:optional|if applicable|if any)\)\s*", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_SLASH = re.compile(r"\s*/\s*")
_PLACEHOLDER = re.compile(r"\\?<[^<>]+?\\?>|\{[^{}]+\}|^\[[^\[\]]+\]$|"
                          r"(?<![^\W_])(?:x{2,}|X{2,}|N{3,})(?![^\W_])")
_WORD = re.compile(r"[^\W_]+")
# words that say nothing of a section's subject, in the languages of the built-in packs
_SMALL_WORDS = frozenset({"a", "an", "and", "the", "of", "for", "to", "in", "on", "or",
                          "with", "und", "der", "die", "das", "des", "oder", "von", "zu"})
_ELLIPSIS = frozenset({"…", "...", "⋯"})


@lru_cache(maxsize=8192)
def normalize(title: str) -> str:
    """The form of a title that comparisons use."""
    return _tidy(title).casefold()


_CONTENTS = frozenset({"contents", "table of contents", "toc", "index", "inhalt",
                       "inhaltsverzeichnis", "table des matières", "índice"})


def is_contents(title: str) -> bool:
    """Is this the title of a table of contents ("Table of Contents", "Inhalt")?"""
    return normalize(title) in _CONTENTS


# emphasis marks the parser left as text around a whole title: in "**Metrics **" the
# second "**" follows a space, so it closes nothing and both stay text
_WRAPPED = re.compile(r"[*_]{1,3}\s*(.+?)\s*[*_]{1,3}")


def unwrapped(title: str) -> str:
    """The title without emphasis marks left around it as text."""
    match = _WRAPPED.fullmatch(title.strip())
    return match.group(1) if match else title


def _tidy(title: str) -> str:
    text = _OPTIONAL.sub(" ", unwrapped(title))
    text = _SLASH.sub("/", _SPACES.sub(" ", text)).strip()
    text = _NUMBERING.sub("", text)
    while text and unicodedata.category(text[-1]).startswith("P") and text[-1] not in ")]}>":
        text = text[:-1].rstrip()
    return text


@lru_cache(maxsize=1024)
def _pattern(title: str) -> re.Pattern[str] | None:
    """A regular expression for a title with placeholders in it, else None."""
    pieces = [piece.casefold() for piece in _PLACEHOLDER.split(_tidy(title))]
    if len(pieces) == 1:
        return None
    return re.compile(".+".join(re.escape(piece) for piece in pieces) + "$")


def says_optional(title: str) -> bool:
    """Does the title mark its section as optional, as in "User Stories (Optional)" or
    "Open issues (if applicable)"?"""
    return bool(_OPTIONAL.search(title))


@lru_cache(maxsize=8192)  # asked for each section of a pack, for each document
def has_literal_text(title: str) -> bool:
    """Is there more to the title than placeholders (``{title}`` alone has not)?"""
    return bool(_PLACEHOLDER.sub("", _tidy(title)).strip(" :-.#…"))


def has_placeholder(title: str) -> bool:
    return _pattern(title) is not None


@lru_cache(maxsize=8192)
def is_ellipsis(title: str) -> bool:
    """Is the title only an ellipsis (``## …``): anything may stand here?"""
    return title.strip() in _ELLIPSIS


@lru_cache(maxsize=65536)
def matches(pattern_title: str, title: str) -> bool:
    """Does ``title`` match a pack's ``pattern_title`` (which may hold placeholders)?"""
    pattern = _pattern(pattern_title)
    if pattern is None:
        return normalize(pattern_title) == normalize(title)
    return bool(pattern.match(normalize(title)))


@lru_cache(maxsize=65536)
def words(title: str) -> tuple[str, ...]:
    """The title's words that carry meaning, in order, lower-cased."""
    return tuple(word for word in _WORD.findall(normalize(title)) if word not in _SMALL_WORDS)


def _stem(word: str) -> str:
    """A word without a plural's -s ("Goals", "Goal"; "Stakeholders", "Stakeholder")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") \
        else word


@lru_cache(maxsize=65536)
def stems(title: str) -> tuple[str, ...]:
    """The title's words, each without a plural's -s."""
    return tuple(_stem(word) for word in words(title))


@lru_cache(maxsize=65536)
def loosely_matches(pattern_title: str, title: str, common: frozenset[str] = frozenset()
                    ) -> bool:
    """Does ``title`` reword the literal ``pattern_title``: all its words and more, or
    its first or last words, or a two-word title with one word changed, the one kept
    not among ``common`` (the word stems of the pack's other titles: "Technical errors"
    keeps only what "Technical Context" has too, so it is no "Technical Risks")?"""
    if has_placeholder(pattern_title):
        return False
    if long_and_alike(pattern_title, title):
        return True
    wanted, found = stems(pattern_title), stems(title)
    if not wanted or not found:
        return False
    if set(wanted) <= set(found):
        return True
    if len(wanted) == len(found) == 1 and len(found[0]) >= 6 and wanted[0].endswith(found[0]):
        return True  # the tail of a compound: "Szenarien" for "Qualitätsszenarien"
    if len(wanted) == len(found) == 2 and any(
            wanted[i] == found[i] and len(found[i]) > 3 and found[i] not in common
            for i in (0, 1)):
        return True  # "Future Work" for "Future possibilities", "Relevant Links" for
        #              "Security Links"
    return len(found) < len(wanted) and found in (wanted[:len(found)], wanted[-len(found):])


def opens_with_words(pattern_title: str, text: str) -> bool:
    """Do the first words of ``text`` (small words aside) make ``pattern_title``, a
    plural taken for its singular ("Goal. The goal of …" for "Goals")?"""
    wanted = stems(pattern_title)
    if not wanted:
        return False
    found = tuple(_stem(word) for word in words(text[:200])[:len(wanted)])
    return found == wanted


@lru_cache(maxsize=65536)
def holds_words(pattern_title: str, title: str) -> bool:
    """Does ``title`` hold every word of ``pattern_title`` (so that one heading may
    stand for two sections: "Actors and Actions")?"""
    wanted = set(stems(pattern_title))
    return bool(wanted) and wanted <= set(stems(title))


_ALIKE = 0.85  # a long title lightly edited
_LONG = 4  # words


def long_and_alike(pattern_title: str, title: str) -> bool:
    """Is ``title`` a lightly edited copy of a long ``pattern_title`` (a question of a
    questionnaire reworded over the template's versions)?"""
    return len(words(pattern_title)) >= _LONG and alike(pattern_title, title, _ALIKE)


@lru_cache(maxsize=65536)
def alike(pattern_title: str, title: str, least: float) -> bool:
    """Is :func:`closeness` at least ``least`` (its cheap upper bounds tried first)?"""
    a, b = normalize(pattern_title), normalize(title)
    if 2 * min(len(a), len(b)) < least * (len(a) + len(b)):
        return False  # the lengths alone rule it out
    import difflib  # here: a document without a pack compares no titles

    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= least and matcher.ratio() >= least


@lru_cache(maxsize=65536)
def closeness(pattern_title: str, title: str) -> float:
    """How alike two titles are, from 0 to 1 (for "the closest is …")."""
    import difflib

    return difflib.SequenceMatcher(None, normalize(pattern_title), normalize(title)).ratio()


_SHORTEST_PREFIX = 5  # letters two forms of a word share at least ("alternate",
_PREFIX_SHARE = 0.7   # "alternatives"; "report", "reporting"), and of the shorter one


def _same_word(a: str, b: str) -> bool:
    """One word in two forms: the same but for a plural, or sharing a long beginning
    ("Alternatives" and "alternate approaches", "Reporting" and "report")."""
    a, b = _stem(a), _stem(b)
    if a == b:
        return True
    shared = len(_common_prefix(a, b))
    return shared >= _SHORTEST_PREFIX and shared >= _PREFIX_SHARE * min(len(a), len(b))


def _common_prefix(a: str, b: str) -> str:
    end = 0
    while end < min(len(a), len(b)) and a[end] == b[end]:
        end += 1
    return a[:end]


@lru_cache(maxsize=1024)
def _by_beginning(vocabulary: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The words, grouped by their first letters (as many as two forms of a word share
    at least): the only ones :func:`_same_word` may find alike, but for equal stems."""
    groups: dict[str, list[str]] = {}
    for word in vocabulary:
        groups.setdefault(_stem(word)[:_SHORTEST_PREFIX], []).append(word)
    return {key: tuple(value) for key, value in groups.items()}


def _uses(vocabulary: frozenset[str], word: str) -> bool:
    """Does the vocabulary hold ``word`` in some form (see :func:`_same_word`)?"""
    if word in vocabulary:
        return True
    stem = _stem(word)
    if len(stem) < _SHORTEST_PREFIX:  # only an equal stem: "goal", "goals"
        return stem in vocabulary or stem + "s" in vocabulary
    return any(_same_word(word, other)
               for other in _by_beginning(vocabulary).get(stem[:_SHORTEST_PREFIX], ()))


# words too common to say what a section is about, beside the small words above
_FUNCTION_WORDS = _SMALL_WORDS | frozenset({
    "how", "what", "why", "when", "where", "who", "which", "this", "that", "these",
    "those", "it", "its", "is", "are", "be", "been", "was", "were", "do", "does", "did",
    "you", "your", "we", "our", "they", "their", "can", "could", "should", "would",
    "will", "may", "might", "must", "not", "no", "yes", "if", "as", "at", "by", "from",
    "into", "any", "all", "some", "other", "more", "most", "such", "there", "here",
    "about", "also", "e", "g", "eg", "i", "etc", "than", "then", "so", "but", "each",
    "example", "examples", "instance"})


@lru_cache(maxsize=4096)
def text_words(text: str) -> tuple[str, ...]:
    """The words of a longer text (a template's guidance for a section) that carry
    meaning, in order, lower-cased."""
    return tuple(word for word in _WORD.findall(text.casefold())
                 if word not in _FUNCTION_WORDS and not word.isdigit())


@lru_cache(maxsize=65536)
def _title_words(title: str) -> tuple[str, ...]:
    return tuple(word for word in words(title) if word not in _FUNCTION_WORDS
                 and not word.isdigit())


@lru_cache(maxsize=65536)
def named_in(title: str, text: tuple[str, ...], others: frozenset[str] = frozenset()
             ) -> tuple[int, int, bool, bool, bool]:
    """How the ``text`` (its words, as :func:`text_words` gives them) names the heading
    ``title``: how many words the title has, how many of them the text uses in some
    form, whether one of those at least is not among ``others``, whether the text
    writes them all together, in order (a phrase: "Vulnerability Response Process"),
    and whether the title's first word is one the text uses and ``others`` do not
    ("Alternatives Considered", where the text asks for "alternate approaches")."""
    found = _title_words(title)
    vocabulary = _vocabulary(text)
    used = [word for word in found if _uses(vocabulary, word)]
    own = any(not _uses(others, word) for word in used)
    phrase = bool(found) and len(used) == len(found) and any(
        all(_same_word(word, text[start + offset]) for offset, word in enumerate(found))
        for start in range(len(text) - len(found) + 1))
    leads = bool(used) and used[0] == found[0] and not _uses(others, found[0])
    return len(found), len(used), own, phrase, leads


@lru_cache(maxsize=1024)
def _vocabulary(text: tuple[str, ...]) -> frozenset[str]:
    return frozenset(text)
