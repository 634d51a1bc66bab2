"""Inline suppression comments."""

from __future__ import annotations

import pytest

import archlint
from archlint.config import Settings


def lines_and_codes(text: str) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in archlint.lint_text(text, settings=Settings())]


def test_without_comments_everything_is_reported() -> None:
    assert lines_and_codes("_Describe the thing_\n\nThe xxx system.\n") == [
        (1, "AL101"), (3, "AL102")]


def test_disable_until_enable() -> None:
    text = ("<!-- archlint-disable AL101 -->\n\n_Describe the thing_\n\nThe xxx system.\n\n"
            "<!-- archlint-enable AL101 -->\n\n_Describe another thing_\n")
    assert lines_and_codes(text) == [(5, "AL102"), (9, "AL101")]


def test_disable_without_rules_means_all_and_lasts_to_the_end() -> None:
    text = "_Describe a thing_\n\n<!-- archlint-disable -->\n\n_Describe it_\n\nxxx here\n"
    assert lines_and_codes(text) == [(1, "AL101")]


def test_disable_next_line_by_name_and_several_rules() -> None:
    text = ("<!-- archlint-disable-next-line placeholder, template-prompt -->\n"
            "The xxx system.\n\nThe xxx system.\n")
    assert lines_and_codes(text) == [(4, "AL102")]


def test_disable_line_inline() -> None:
    text = "The xxx system. <!-- archlint-disable-line AL102 -->\n\nThe xxx system.\n"
    assert lines_and_codes(text) == [(3, "AL102")]


@pytest.mark.parametrize("selector", ["", "AL102", "AL1", "placeholder"])
def test_disable_file_anywhere(selector: str) -> None:
    text = f"The xxx system.\n\n<!-- archlint-disable-file {selector} -->\n"
    assert lines_and_codes(text) == []


def test_disable_file_leaves_other_rules() -> None:
    text = "_Describe it here_\n\nThe xxx system.\n\n<!-- archlint-disable-file AL102 -->\n"
    assert lines_and_codes(text) == [(1, "AL101")]


def test_a_directive_inside_code_is_not_a_directive() -> None:
    text = "```\n<!-- archlint-disable-file -->\n```\n\nThe xxx system.\n"
    assert lines_and_codes(text) == [(5, "AL102")]


def test_ordinary_comment_mentioning_archlint_is_not_a_directive() -> None:
    text = "<!-- archlint-disabled is not a verb -->\n\nThe xxx system.\n"
    assert lines_and_codes(text) == [(3, "AL102")]
