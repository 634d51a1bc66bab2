"""What archlint needs from raw HTML in Markdown: comments and anchor attributes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from archlint.patterns import lazy

_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.DOTALL)
# what an id or name attribute needs before its value, in lower case (an attribute's
# name is ASCII)
_MAY_NAME = re.compile(r"(?:id|name)\s*=")
_TAG = lazy(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = lazy(
    r"""([a-zA-Z_:][a-zA-Z0-9_.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
)


def comments(html: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each comment in ``html``; an unclosed one runs to the end.

    Found with ``str.find``, as ``<!--(.*?)(?:-->|\\Z)`` would find them: the pattern's
    lazy ``.*?`` steps through a comment a character at a time, and HTML in Markdown is
    mostly long comments (a template's guidance)."""
    start = html.find("<!--")
    while start >= 0:
        end = html.find("-->", start + 4)
        yield start, html[start + 4:] if end < 0 else html[start + 4:end]
        if end < 0:
            return
        start = html.find("<!--", end + 3)


def anchors(html: str) -> Iterator[tuple[int, str, str]]:
    """(offset, attribute, value) for every ``id`` and every ``name`` on an ``<a>``."""
    if "=" not in html or not _MAY_NAME.search(html.lower()):
        return  # no attribute can be either (most HTML in Markdown is comments)
    without_comments = _COMMENT.sub(lambda m: " " * len(m.group(0)), html)
    for tag in _TAG().finditer(without_comments):
        name = tag.group(1).lower()
        for attribute in _ATTRIBUTE().finditer(tag.group(2)):
            key = attribute.group(1).lower()
            if key == "id" or (key == "name" and name == "a"):
                value = next(v for v in attribute.group(2, 3, 4) if v is not None)
                if value:
                    yield tag.start(), key, value
