"""Fast paths answer as the slow ways they stand for (hypothesis): each test compares a
shortcut taken for speed with the plain computation it replaces, on any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from archlint import digests
from archlint.rules import placeholder
from archlint.template import classify, language, promptindex, wordruns

# mostly ASCII, where the shortcuts are taken, with the characters they must get right
TEXT = st.text(alphabet=st.sampled_from(
    list("abcxXYZTBD019 _-'’.,\t\n\x1c\x00<>{}*\\") + ["é", "İ", "ß", "١", "ǅ"]), max_size=40)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_words_are_the_regular_expressions_words(text: str) -> None:
    assert promptindex.words(text) == tuple(word.casefold() for word in _WORD.findall(text))


ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=40)


@settings(max_examples=500, deadline=None)
@given(ASCII)
def test_ascii_runs_are_the_regular_expressions_words(text: str) -> None:
    assert wordruns.ascii_runs(text) == [w.casefold() for w in re.findall(r"[^\W_]+", text)]
    assert wordruns.ascii_runs(text, digits=False) == [
        w.casefold() for w in re.findall(r"[^\W\d_]+", text)]


_LONE_X = re.compile(r"[xX](?<![^\W_][xX])(?![^\W_])")
WORDS = st.lists(st.sampled_from(["TBD", "TODO", "xx", "XXX", "NNNN", "DATE", "a.b", "{x}"]),
                 max_size=4).map(tuple)


@settings(max_examples=500, deadline=None)
@given(TEXT, WORDS)
def test_placeholders_quick_test_is_its_three_tests(text: str, words: tuple[str, ...]) -> None:
    slow = ("{" in text or "\\" in text or any(word in text for word in words)
            or _LONE_X.search(text) is not None)
    assert (placeholder._may_hold(words).search(text) is not None) == slow


def _detect_word_by_word(texts: list[str]) -> str | None:
    """Language detection as it was first written: each word looked up as it comes."""
    from collections import Counter

    counts: Counter[str] = Counter()
    left = language.READ
    for text in texts:
        for token in re.findall(r"[^\W\d_]+", text[:left].casefold()):
            for code in language._LANGUAGE_OF.get(token, ()):
                counts[code] += 1
        left -= len(text)
        if left <= 0:
            break
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < language.MIN_WORDS:
        return None
    if len(ranked) > 1 and ranked[0][1] < language.MARGIN * ranked[1][1]:
        return None
    return ranked[0][0]


SMALL_WORDS = st.sampled_from(["the", "and", "der", "und", "el", "que", "le", "les", "het",
                               "de", "en", "is", "ß", "Straße", "x1", "The", "DER", "1"])
PROSE = st.lists(st.lists(SMALL_WORDS, max_size=60).map(" ".join), max_size=5)


@settings(max_examples=300, deadline=None)
@given(PROSE)
def test_language_is_told_as_word_by_word(texts: list[str]) -> None:
    assert language.detect(texts) == _detect_word_by_word(texts)


def test_language_is_told_from_its_first_characters_only() -> None:
    texts = ["the and of " * 600, "der die das " * 3000]  # 6,600 characters, then German
    assert language.detect(texts) == _detect_word_by_word(texts) == "en"


SLOT_WORDS = st.sampled_from(["todo", "TBD", "Tbc", "fixme", "significant", "Example", "new",
                              "main", "area", "option", "use case", "quality goal", "1", "12",
                              "123", "n", "N", "x", "X", "b", "B", "İ", "١", "ı", "aspect 2",
                              "\t", "\n", "\x1c", " ", "Option"])
TITLES = st.lists(SLOT_WORDS, max_size=6).map(" ".join) | TEXT


@settings(max_examples=1000, deadline=None)
@given(TITLES)
def test_slot_headings_quick_test_passes_every_slot(title: str) -> None:
    full = classify._SLOT().match(" ".join(title.split())) is not None
    assert classify.slot_heading(title) == full


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_digests_are_hashlibs(data: bytes) -> None:
    import hashlib

    assert digests.sha256(data) == hashlib.sha256(data).hexdigest()


def test_digests_past_the_budget_are_hashlibs(monkeypatch) -> None:
    import hashlib

    monkeypatch.setattr(digests, "_left", 10)
    texts = [b"", b"short", b"just past", b"x" * 100_000, b"and short again"]
    assert [digests.sha256(text) for text in texts] == [
        hashlib.sha256(text).hexdigest() for text in texts]
    assert digests._left < 10  # Python's own took the first ones
