"""What counts as a valid ``#fragment`` besides the document's own anchors."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

# GitHub scrolls to the top for these, and links lines of a file with #L10, #L10-L20.
_ALWAYS_VALID = re.compile(r"^(?:|top|L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?)$")


def always_valid(fragment: str) -> bool:
    return bool(_ALWAYS_VALID.match(fragment))


def closest(wanted: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``wanted``, if any is close enough to suggest."""
    found = difflib.get_close_matches(wanted, list(candidates), n=1, cutoff=0.6)
    return found[0] if found else None
