"""Recognising a template's own text in a document, however it was re-wrapped.

Both sides are normalised (case, whitespace, Markdown punctuation) into words. The
prompts sharing the most word pairs with a block are its candidates; the block is
template text when at least ``similarity`` of its words line up, in order, with one
candidate's (difflib's matching blocks), and those words are at least half the prompt. Re-wrapping changes nothing, a word inserted
or edited here and there lowers the share a little, and an author's own sentence
around a quoted fragment lowers it a lot. A block that opens with its own words negating the
prompt ("There are no standards …" for "List any standards …") answers it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from archlint.frozen import frozen
from archlint.patterns import lazy
from archlint.template import wordruns

_WORD = lazy(r"[^\W_]+(?:['’][^\W_]+)*")
MIN_WORDS = 3          # shorter text is never template text
FUZZY_MIN_WORDS = 5    # shorter text is template text only when it is a whole prompt
_CANDIDATES = 3
_RECENT = 4096  # texts whose answers each index keeps


def words(text: str) -> tuple[str, ...]:
    """The text's words, case-folded: runs of letters and digits, joined by an
    apostrophe ("don't")."""
    if text.isascii():
        if "'" not in text:  # no words joined: the runs of letters and digits
            return tuple(wordruns.ascii_runs(text))
        return tuple(_WORD().findall(text.casefold()))  # folded at once: the same, quicker
    return tuple(word.casefold() for word in _WORD().findall(text))


def _pairs(tokens: Sequence[str]) -> frozenset[tuple[str, str]]:
    return frozenset(zip(tokens, tokens[1:]))


@frozen
class Match:
    prompt: str
    share: float


class PromptIndex:
    """The prompts of one pack, indexed by word pair."""

    def __init__(self, prompts: Iterable[str]) -> None:
        self.prompts = tuple(prompts)
        self._tokens: list[tuple[str, ...]] = []
        self._vocabularies: list[frozenset[str]] = []
        self._by_pair: dict[tuple[str, str], list[int]] = {}
        self._exact: dict[tuple[str, ...], int] = {}
        for index, prompt in enumerate(self.prompts):
            tokens = words(prompt)
            self._tokens.append(tokens)
            self._vocabularies.append(frozenset(tokens))
            self._exact.setdefault(tokens, index)
            for pair in _pairs(tokens):
                self._by_pair.setdefault(pair, []).append(index)
        self._longest = max((len(tokens) for tokens in self._tokens), default=0)
        self._vocabulary = frozenset().union(*self._vocabularies)
        # the answers for recent texts: a template's text left in recurs across the
        # documents of a run (a third of the texts asked about in a set of KEPs)
        self._recent = lru_cache(maxsize=_RECENT)(self._match)

    def match(self, text: str, similarity: float, min_words: int = MIN_WORDS) -> Match | None:
        """The prompt that ``text`` mostly consists of, if any."""
        return self._recent(text, similarity, min_words)

    def _match(self, text: str, similarity: float, min_words: int) -> Match | None:
        tokens = words(text)
        if len(tokens) < min_words:
            return None
        exact = self._exact.get(tokens)
        if exact is not None:
            return Match(self.prompts[exact], 1.0)
        if len(tokens) < FUZZY_MIN_WORDS or len(tokens) * similarity > self._longest:
            # too short to tell, or too long to be mostly any one prompt
            return None  # "No prior art." answers a prompt; it does not repeat one
        known = sum(map(self._vocabulary.__contains__, tokens))  # True counts 1
        if known < similarity * len(tokens):
            return None  # too few of its words are in any prompt to line up with one
        counts: dict[int, int] = {}
        for pair in _pairs(tokens):
            for index in self._by_pair.get(pair, ()):
                counts[index] = counts.get(index, 0) + 1
        best: Match | None = None
        vocabulary = set(tokens)
        for index in sorted(counts, key=lambda i: -counts[i])[:_CANDIDATES]:
            prompt = self._tokens[index]
            shared = vocabulary.intersection(self._vocabularies[index])
            if sum(map(shared.__contains__, tokens)) < similarity * len(tokens):
                continue  # cannot line up enough words, so no need to align
            from difflib import SequenceMatcher  # here: most blocks never get this far

            matcher = SequenceMatcher(None, tokens, prompt, autojunk=False)
            blocks = matcher.get_matching_blocks()
            aligned = sum(block.size for block in blocks)
            share = aligned / len(tokens)
            if _negates(tokens, blocks, self._vocabularies[index]):
                continue  # "There are no standards the project meets" answers the prompt
            # and it must be a good part of the prompt, not a short phrase found in it
            if (share >= similarity and aligned * 2 >= len(prompt)
                    and (best is None or share > best.share)):
                best = Match(self.prompts[index], share)
        return best


_NEGATIONS = frozenset("no not none never nothing neither nor cannot can't won't don't "
                       "doesn't isn't aren't".split())


_OPENING_WORDS = 4


def _negates(tokens: Sequence[str], blocks: Sequence, vocabulary: frozenset[str]) -> bool:
    """Does the block open with words of its own that negate the prompt ("There are no
    …", "We do not …")? Then it is the author's answer in the prompt's words, not the
    prompt. (A "not" deep inside an older version of a long prompt is no answer.)"""
    lined_up = {i for block in blocks for i in range(block.a, block.a + block.size)}
    return any(token in _NEGATIONS and token not in vocabulary
               for i, token in enumerate(tokens[:_OPENING_WORDS]) if i not in lined_up)


@lru_cache(maxsize=64)
def index(prompts: tuple[str, ...]) -> PromptIndex:
    return PromptIndex(prompts)
