"""Recognising a template's own text in a document, however it was re-wrapped.

Both sides are normalised (case, whitespace, Markdown punctuation) and cut into word
pairs. A block of the document is template text when at least ``similarity`` of its
word pairs come from one of the pack's prompts: re-wrapping changes nothing, a word
edited here and there lowers the share a little, and an author's own sentence around a
quoted fragment lowers it a lot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MIN_WORDS = 3


def words(text: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word in _WORD.findall(text))


def _pairs(tokens: Sequence[str]) -> frozenset[tuple[str, str]]:
    return frozenset(zip(tokens, tokens[1:]))


@dataclass(frozen=True, slots=True)
class Match:
    prompt: str
    share: float


class PromptIndex:
    """The prompts of one pack, indexed by word pair."""

    def __init__(self, prompts: Iterable[str]) -> None:
        self.prompts = tuple(prompts)
        self._pairs: list[frozenset[tuple[str, str]]] = []
        self._by_pair: dict[tuple[str, str], list[int]] = {}
        self._exact: dict[tuple[str, ...], int] = {}
        for index, prompt in enumerate(self.prompts):
            tokens = words(prompt)
            pairs = _pairs(tokens)
            self._pairs.append(pairs)
            self._exact.setdefault(tokens, index)
            for pair in pairs:
                self._by_pair.setdefault(pair, []).append(index)

    def match(self, text: str, similarity: float) -> Match | None:
        """The prompt that ``text`` mostly consists of, if any."""
        tokens = words(text)
        if len(tokens) < MIN_WORDS:
            return None
        exact = self._exact.get(tokens)
        if exact is not None:
            return Match(self.prompts[exact], 1.0)
        pairs = _pairs(tokens)
        counts: dict[int, int] = {}
        for pair in pairs:
            for index in self._by_pair.get(pair, ()):
                counts[index] = counts.get(index, 0) + 1
        if not counts:
            return None
        best = max(counts, key=lambda index: counts[index])
        share = counts[best] / len(pairs)
        return Match(self.prompts[best], share) if share >= similarity else None


@lru_cache(maxsize=64)
def index(prompts: tuple[str, ...]) -> PromptIndex:
    return PromptIndex(prompts)
