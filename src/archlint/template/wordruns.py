"""The words of a text as runs of letters (and digits), found quickly.

Template text is recognised word by word (:mod:`.promptindex`) and a document's
language by its small words (:mod:`.language`), so every paragraph of a run is split
into words. For ASCII text, which most documentation is, a word is a run of letters (or
of letters and digits): translating the text's bytes (upper-case letters to lower-case,
everything else to spaces) and splitting it at the spaces finds the same words as the
regular expression ``[^\\W_]+`` (``[^\\W\\d_]+``) and case-folding, twice as fast.
"""

from __future__ import annotations


def _table(digits: bool) -> bytes:
    def byte(code: int) -> int:
        character = chr(code)
        if character.isascii() and character.isalpha():
            return code | 0x20  # lower case
        return code if digits and character.isascii() and character.isdigit() else 0x20

    return bytes(byte(code) for code in range(256))


_LETTERS_AND_DIGITS, _LETTERS = _table(digits=True), _table(digits=False)


def ascii_runs(text: str, digits: bool = True) -> list[str]:
    """The runs of letters (with ``digits``, of letters and digits) of an ASCII
    ``text``, lower-cased."""
    table = _LETTERS_AND_DIGITS if digits else _LETTERS
    return text.encode("ascii").translate(table).decode("ascii").split()
