"""Comments and anchors in raw HTML, found quickly and exactly."""

from __future__ import annotations

import re

import pytest

from archlint.markdown import htmlscan

COMMENTED = [
    "<!-- a comment -->", "<!---->", "<!-->", "<!--->", "<!-- unclosed", "<!--",
    "text <!-- one --> between <!-- two -->after", "<!-- <!-- nested --> -->",
    "<!-- a\nlong\ncomment -->", "<div>no comment</div>", "<!- not one -->", "",
]


@pytest.mark.parametrize("html", COMMENTED)
def test_comments_are_found_as_the_comment_pattern_finds_them(html: str) -> None:
    pattern = re.compile(r"<!--(.*?)(?:-->|\Z)", re.DOTALL)
    expected = [(match.start(), match.group(1)) for match in pattern.finditer(html)]
    assert list(htmlscan.comments(html)) == expected


@pytest.mark.parametrize(("html", "expected"), [
    ('<a name="top"></a>', [(0, "name", "top")]),
    ('<div ID = "upper">', [(0, "id", "upper")]),
    ("<span Name='x' iD=y>", [(0, "id", "y")]),  # a name only on <a>
    ('<p 1id="after-a-digit">', [(0, "id", "after-a-digit")]),
    ('<p data-id="x" valid="y">', []),
    ('<!-- <a id="commented"> -->', []),
    ("<!-- provide a valid name here -->", []),
    ("<p>id = 3</p>", []),
])
def test_anchors_are_ids_and_names_of_links(html: str, expected: list) -> None:
    assert list(htmlscan.anchors(html)) == expected
