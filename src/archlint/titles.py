"""How section and document titles are compared.

Two titles match when they are equal after ignoring case, runs of whitespace,
surrounding whitespace, a leading section number (``4.2``, ``1.``, ``III.``) and
trailing punctuation. So ``## 3. State Models:`` matches the pack's ``State models``.
"""

from __future__ import annotations

import re
import unicodedata

_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.)\s+")
_SPACES = re.compile(r"\s+")


def normalize(title: str) -> str:
    """The form of a title that comparisons use."""
    text = _SPACES.sub(" ", title).strip()
    text = _NUMBERING.sub("", text)
    while text and unicodedata.category(text[-1]).startswith("P") and text[-1] not in ")]":
        text = text[:-1].rstrip()
    return text.casefold()


def same(a: str, b: str) -> bool:
    return normalize(a) == normalize(b)
