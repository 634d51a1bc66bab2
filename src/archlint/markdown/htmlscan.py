"""What archlint needs from raw HTML in Markdown: comments and anchor attributes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from archlint.patterns import lazy

_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.DOTALL)
_TAG = lazy(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = lazy(
    r"""([a-zA-Z_:][a-zA-Z0-9_.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
)


def comments(html: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each comment in ``html``; an unclosed one runs to the end."""
    for match in _COMMENT.finditer(html):
        yield match.start(), match.group(1)


def anchors(html: str) -> Iterator[tuple[int, str, str]]:
    """(offset, attribute, value) for every ``id`` and every ``name`` on an ``<a>``."""
    without_comments = _COMMENT.sub(lambda m: " " * len(m.group(0)), html)
    for tag in _TAG().finditer(without_comments):
        name = tag.group(1).lower()
        for attribute in _ATTRIBUTE().finditer(tag.group(2)):
            key = attribute.group(1).lower()
            if key == "id" or (key == "name" and name == "a"):
                value = next(v for v in attribute.group(2, 3, 4) if v is not None)
                if value:
                    yield tag.start(), key, value
