"""The Rust RFC pack on its template and on real RFCs, findings checked by hand."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from archlint.config import Configuration, Settings
from archlint.engine import Linter, Selection
from archlint.template import packs

RFCS = FIXTURES / "packs" / "rust-rfc"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter.create(Configuration(Settings(), None, RFCS),
                         Selection(pack=packs.builtin("rust-rfc")))


def findings(linter: Linter, name: str) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in linter.lint_file(RFCS / name)]


def test_template_itself_has_every_leftover(linter: Linter) -> None:
    found = findings(linter, "template.md")
    # every paragraph and list item of the template is its guidance
    assert len([line for code, line in found if code == "AL101"]) == 38
    assert [line for code, line in found if code == "AL101"][:2] == [1, 2]  # (fill me in …)
    assert [line for code, line in found if code == "AL102"] == []  # in AL101's lines
    assert [line for code, line in found if code == "AL202"] == [
        6, 11, 22, 36, 47, 52, 60, 77, 84]
    assert linter.assess_file(RFCS / "template.md").completeness == 0.0


def test_a_finished_rfc_reports_nothing(linter: Linter) -> None:
    assert findings(linter, "2837-demote-apple-32bit.md") == []


def test_kept_template_questions(linter: Linter) -> None:
    # "Why should we *not* do this?" (198) and the first unresolved-questions bullet
    # (270) are the template's text, kept word for word
    found = linter.lint_file(RFCS / "3262-compiler-team-rolling-leads.md")
    assert [(d.code, d.line) for d in found] == [("AL101", 198), ("AL101", 270)]
    assert "Why should we not do this?" in found[0].message


def test_elisions_and_an_empty_section(linter: Linter) -> None:
    # three paragraphs that are only "..." (quoting the Cargo book) and an empty Prior art
    assert findings(linter, "3772-build-target-edition.md") == [
        ("AL102", 88), ("AL102", 106), ("AL102", 134), ("AL202", 186)]
    status = linter.assess_file(RFCS / "3772-build-target-edition.md")
    assert (status.done, status.expected) == (8, 9)
    assert [s.title for s in status.sections if s.state.value == "empty"] == ["Prior art"]


def test_older_section_names_are_aliases() -> None:
    pack = packs.builtin("rust-rfc")
    spec = next(s for s in pack.sections if s.title == "Reference-level explanation")
    assert spec.matches("Detailed design")
