"""Which language a document is written in, as far as its section titles are concerned.

A rule pack knows its sections' titles in some languages (``languages``: arc42's are
published in English and German; a derived pack has its template's language). A
document written in another language names its sections in that language, so the
pack cannot tell which are there: the structure rules leave it alone rather than call
every section missing.

The language is told by its commonest small words (articles, conjunctions,
prepositions) in the document's prose: enough of them, and clearly more of one
language's than of any other's, or no language is told.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from archlint.template import wordruns

NAMES = {"en": "English", "de": "German", "es": "Spanish", "fr": "French",
         "pt": "Portuguese", "it": "Italian", "nl": "Dutch"}

# words frequent in running text of one language and rare in the others'
_WORDS = {
    "en": "the and of to is that for with are this be it on as by from which not".split(),
    "de": "der die das und ist nicht mit ein eine zu den dem des auf für wird sich auch".split(),
    "es": "el los las del que una por para con es se como más pero sus".split(),
    "fr": "le les des est une du que pour dans qui avec sur pas sont cette".split(),
    "pt": "os das dos uma que para com não por mais como são ao pela".split(),
    "it": "il gli della che per con non una sono del alla nel questo".split(),
    "nl": "het een van en is dat op te met voor niet zijn ook wordt".split(),
}
_LANGUAGE_OF: dict[str, set[str]] = {}
for _code, _words in _WORDS.items():
    for _word in _words:
        _LANGUAGE_OF.setdefault(_word, set()).add(_code)
_TOKEN = re.compile(r"[^\W\d_]+")
MIN_WORDS = 20  # fewer small words than this tell nothing
MARGIN = 3  # the language told has this many times the small words of the next


READ = 6_000  # characters: enough to tell, however long the document


def _words(text: str) -> list[str]:
    """The text's words, case-folded."""
    if text.isascii():  # most paragraphs
        return wordruns.ascii_runs(text, digits=False)
    return _TOKEN.findall(text.casefold())


def detect(texts: Iterable[str]) -> str | None:
    """The language of ``texts`` (a code of :data:`NAMES`), or None when unclear."""
    words: list[str] = []
    left = READ
    for text in texts:
        words += _words(text[:left])
        left -= len(text)
        if left <= 0:
            break
    # every word counted at once, then the small words looked up: quicker than
    # looking each word up as it comes
    tally = Counter(words)
    counts: Counter[str] = Counter()
    for word, codes in _LANGUAGE_OF.items():
        found = tally[word]
        if found:
            for code in codes:
                counts[code] += found
    ranked = counts.most_common(2)  # a tie for the first place tells no language
    if not ranked or ranked[0][1] < MIN_WORDS:
        return None
    if len(ranked) > 1 and ranked[0][1] < MARGIN * ranked[1][1]:
        return None
    return ranked[0][0]


def name(code: str) -> str:
    return NAMES.get(code, code)
