"""GitHub's anchors: all 78 cases captured from github-slugger, in order, one slugger."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

from archlint.markdown.slugs import Slugger, github_slug

CASES = json.loads((FIXTURES / "github-slugger-fixtures.json").read_text(encoding="utf-8"))


def test_fixture_file_has_all_cases() -> None:
    assert len(CASES) == 78


# the "Unassigned" case holds code points that Unicode 14 (the fixtures', and Python
# 3.11's) leaves unassigned and Unicode 15 (Python 3.12 on) gives to CJK Extension H:
# which of them a slug keeps follows the Unicode version of the running Python
_UNICODE_OF_THE_FIXTURES = "14.0.0"


def test_every_case_in_order_through_one_slugger() -> None:
    import unicodedata

    slugger = Slugger()
    got = [(case["name"], slugger.slug(case["input"])) for case in CASES]
    expected = [(case["name"], case["expected"]) for case in CASES]
    if unicodedata.unidata_version != _UNICODE_OF_THE_FIXTURES:
        got, expected = ([pair for pair in pairs if pair[0] != "Unassigned"]
                         for pairs in (got, expected))
    assert got == expected


@pytest.mark.parametrize(("heading", "anchor"), [
    ("C++ & C#: what's new?", "c--c-whats-new"),
    ("View Points & Views", "view-points--views"),
    ("4.2 Process View (Runtime)", "42-process-view-runtime"),
    ("Example — remove if not relevant", "example--remove-if-not-relevant"),
    ("İstanbul", "i\u0307stanbul"),
    ("Привет мир", "привет-мир"),
])
def test_examples_from_the_anchor_notes(heading: str, anchor: str) -> None:
    assert github_slug(heading) == anchor


def test_duplicates_skip_slugs_already_taken() -> None:
    slugger = Slugger()
    assert [slugger.slug(t) for t in ("echo", "echo", "echo 1", "echo-1", "echo")] == [
        "echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2"]
