"""The language server's pure parts: positions in the editor's units, the edits of code
actions, and spotting a ``#fragment`` being typed."""

from __future__ import annotations

import archlint
from archlint.config import DocumentKind, Settings
from archlint.diagnostics import Edit, Fix
from archlint.server import edits, fragments
from archlint.server.positions import (
    UTF8,
    UTF16,
    UTF32,
    Point,
    code_points,
    from_client,
    offset_to_client,
    split_lines,
    to_client,
)

LINE = "a😀é𝄞b"  # 😀 and 𝄞 are outside the BMP: two UTF-16 units, four UTF-8 bytes


def test_columns_in_each_encoding():
    lines = ["x", LINE]
    # "b" is archlint's column 5 (code points, 1-based)
    assert to_client(lines, 2, 5, UTF16) == Point(1, 6)
    assert to_client(lines, 2, 5, UTF8) == Point(1, 11)
    assert to_client(lines, 2, 5, UTF32) == Point(1, 4)
    for encoding in (UTF8, UTF16, UTF32):
        assert from_client(lines, to_client(lines, 2, 5, encoding), encoding) == (2, 5)


def test_a_position_inside_a_character_counts_as_before_it():
    assert code_points(LINE, 2, UTF16) == 1  # the middle of 😀
    assert code_points(LINE, 99, UTF16) == len(LINE)


def test_lines_end_as_the_editor_ends_them():
    assert split_lines("a\r\nb\rc\nd\n") == ["a", "b", "c", "d", ""]
    text = "a\r\n😀b\rc"
    assert offset_to_client(text, text.index("b"), UTF16) == Point(1, 2)
    assert offset_to_client(text, len(text), UTF16) == Point(2, 1)


def test_between_replaces_only_the_lines_that_differ():
    old = "one\ntwo\nthree\n"
    change = edits.between(old, "one\n2\nthree\n")
    assert change == edits.Replacement(4, 8, "2\n")
    assert edits.between(old, old) is None
    assert edits.between("a\nb", "a\nc") == edits.Replacement(2, 3, "c")


def test_a_fix_s_edit_is_what_fix_makes_keeping_line_endings():
    old = "# T\r\n\r\n* [A](#a)\r\n\r\n## A\r\n\r\n## B\r\n"
    fix = Fix((Edit(4, 3, ("* [B](#b)",)),))
    change = edits.fixing_edit(old, fix)
    assert change is not None
    assert old[:change.start] + change.new + old[change.end:] == \
        "# T\r\n\r\n* [A](#a)\r\n* [B](#b)\r\n\r\n## A\r\n\r\n## B\r\n"


def suppressed(text: str, line: int, code: str) -> str:
    change = edits.suppression(text, line, code)
    assert change is not None
    return text[:change.start] + change.new + text[change.end:]


def codes(text: str) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in archlint.lint_text(text, "doc.md", settings=Settings())]


def test_suppression_above_a_block_s_first_line_or_a_heading():
    text = "# T\n\nIt is TBD.\n"
    assert codes(text) == [(3, "AL102")]
    assert suppressed(text, 3, "AL102") == \
        "# T\n\n<!-- archlint-disable-next-line AL102 -->\nIt is TBD.\n"
    assert codes(suppressed(text, 3, "AL102")) == []
    heading = "# T\n\n## Plan xxx\n\nText.\n"
    assert suppressed(heading, 3, "AL102").splitlines()[2] == \
        "<!-- archlint-disable-next-line AL102 -->"
    assert codes(heading) == [(3, "AL102")] and codes(suppressed(heading, 3, "AL102")) == []


def test_suppression_at_the_end_of_a_line_inside_a_block():
    for text, line in (("# T\n\nFirst line,\nthen TBD here.\n", 4),
                       ("# T\n\n- one\n- two TBD\n", 4),
                       ("# T\n\n> quoted TBD\n", 3),
                       ("# T\n\n| a | b |\n| - | - |\n| 1 | TBD |\n", 5)):
        assert codes(text) == [(line, "AL102")], text
        result = suppressed(text, line, "AL102")
        assert "archlint-disable-line AL102" in result.splitlines()[line - 1]
        assert codes(result) == [], result
    assert suppressed("# T\n\n| a | b |\n| - | - |\n| 1 | TBD |\n", 5, "AL102").splitlines()[4] \
        == "| 1 | TBD <!-- archlint-disable-line AL102 --> |"


def test_suppression_of_a_template_comment_right_under_a_heading(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "template.md").write_text(
        "# KEP\n\n## Summary\n\n<!--\nWrite the summary of the proposal: what it does and "
        "why.\n-->\n", encoding="utf-8")
    settings = Settings(documents=(DocumentKind(paths=("doc.md",), template="template.md"),))
    text = ("# KEP\n\n## Summary\n<!--\nWrite the summary of the proposal: what it does and "
            "why.\n-->\nWe add a queue.\n")

    def found(text: str) -> list[tuple[int, str]]:
        return [(d.line, d.code) for d in archlint.lint_text(text, tmp_path / "doc.md",
                                                             settings=settings)]

    assert found(text) == [(4, "AL101")]
    result = suppressed(text, 4, "AL101")
    assert result.splitlines()[3:5] == ["<!-- archlint-disable-next-line AL101 -->", "<!--"]
    assert found(result) == []


def test_a_fragment_being_typed():
    assert fragments.typing_at("See [x](#") == fragments.Typing("", "")
    assert fragments.typing_at("See [x](./other.md#sta") == fragments.Typing("./other.md", "sta")
    assert fragments.typing_at("[label]: other.md#a") == fragments.Typing("other.md", "a")
    assert fragments.typing_at("See [x](#a) and #b") is None
    assert fragments.typing_at("See [x](https://example.org/#a) ") is None
