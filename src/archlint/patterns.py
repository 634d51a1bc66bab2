"""Regular expressions compiled on first use.

Compiling a regular expression costs from a tenth of a millisecond to a few, and a
one-file ``archlint check`` is mostly start-up: a pattern compiled when its module is
imported is paid for on every run, whether or not the document reaches it. A pattern
that most documents never reach (a rare construct, an output format, a fix) is
declared with :func:`lazy` instead of ``re.compile``, and called to get the compiled
pattern::

    _VOICE = lazy(r"\\bshould describe\\b", re.IGNORECASE)
    ...
    if _VOICE().search(text): ...

Patterns that every check uses stay plain ``re.compile`` at module level.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function that returns ``re.compile(pattern, flags)``, compiled the first time
    it is called and kept."""

    @cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
