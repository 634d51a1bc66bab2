"""Text from documents, made safe to print: a report for people must not let a
document's control characters reach the terminal (an ESC sequence recolours it, a
newline in a file name breaks the one-finding-per-line format), and XML 1.0 cannot hold
most of them at all. Each such character is shown as an escape (``\\x1b``, ``\\n``)."""

from __future__ import annotations

import re

from archlint.patterns import lazy

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# control characters, and the line and paragraph separators (line ends to many readers)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NOT_XML = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100
                                else f"\\u{ord(char):04x}")


def printable(text: str) -> str:
    """``text`` with every control character (tab and newline too) shown as an escape."""
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


def xml_safe(text: str) -> str:
    """``text`` with what XML 1.0 cannot hold, and other control characters, shown as
    escapes (tab and line breaks are kept)."""
    return _NOT_XML().sub(_escape, text) if _NOT_XML().search(text) else text
