"""The arc42 pack on its template, a finished architecture document and a partial one.

The three documents in fixtures/packs/arc42/ were written for these tests in the
marking style of arc42's Markdown template (chapters as unnumbered `#` headings with
`{#section-…}` ids, help text under **Contents**, **Motivation** and **Form** labels,
`\\<Role-1\\>` placeholders in tables); filled.md numbers its headings instead, which the
pack ignores. Every finding pinned here was checked by hand against them.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES, codes_and_lines, pack_linter

import archlint
from archlint.config import DocumentKind, Settings
from archlint.engine import Linter
from archlint.markdown import parser
from archlint.model import BlockKind
from archlint.template import derive, packs

HERE = FIXTURES / "packs" / "arc42"
SETTINGS = Settings(documents=(DocumentKind(paths=("*.md",), pack="arc42"),))
CHAPTERS = ["Introduction and Goals", "Architecture Constraints", "Context and Scope",
            "Solution Strategy", "Building Block View", "Runtime View", "Deployment View",
            "Cross-cutting Concepts", "Architecture Decisions", "Quality Requirements",
            "Risks and Technical Debts", "Glossary"]
REQUIRED = ["Introduction and Goals", "Requirements Overview", "Quality Goals", "Stakeholders",
            "Architecture Constraints", "Context and Scope", "Business Context",
            "Technical Context", "Solution Strategy", "Building Block View",
            "Whitebox Overall System", "Runtime View", "Deployment View",
            "Infrastructure Level 1", "Cross-cutting Concepts", "Architecture Decisions",
            "Quality Requirements", "Quality Tree", "Quality Scenarios",
            "Risks and Technical Debts", "Glossary"]
OPTIONAL = ["Level 2", "Level 3", "<Runtime Scenario 1>", "<Runtime Scenario n>",
            "Infrastructure Level 2", "<Concept 1>", "<Concept 2>", "<Concept n>"]
LABELS = {"Contents", "Motivation", "Form"}


@pytest.fixture(scope="module")
def linter() -> Linter:
    return pack_linter(HERE, "arc42")


def findings(linter: Linter, name: str) -> list[tuple[str, int]]:
    return codes_and_lines(linter, HERE / name)


def test_pack_loads_with_the_chapters_required() -> None:
    pack = packs.builtin("arc42")
    assert "arc42" in packs.builtin_names()
    assert pack.title == ""  # twelve `#` chapters, no document title to select the pack by
    assert [node.spec.title for node in pack.outline] == CHAPTERS
    assert all(node.spec.required and node.spec.level == 1 for node in pack.outline)
    assert [s.title for s in pack.sections if s.required] == REQUIRED
    assert [s.title for s in pack.sections if not s.required] == OPTIONAL
    assert (FIXTURES.parent / pack.template) == HERE / "template.md"


def test_deriving_the_template_differs_only_in_the_optional_sections() -> None:
    # The template marks nothing optional (arc42's does not either). Derive takes the
    # headings that are only a placeholder (\<Runtime Scenario 1\> …, \<Concept 1\> …)
    # and siblings named alike but for a number (Level 2, Level 3; Infrastructure
    # Level 1 and 2) for slots, sections of the author's own, and so optional. The pack
    # makes the same optional by hand, but for Infrastructure Level 1, which arc42
    # asks of every system.
    derived = derive.derive_file(HERE / "template.md")
    pack = packs.builtin("arc42")
    assert [(s.title, s.level) for s in derived.sections] == [
        (s.title, s.level) for s in pack.sections]
    assert [s.title for s in derived.sections if not s.required] == [
        *OPTIONAL[:4], "Infrastructure Level 1", *OPTIONAL[4:]]
    assert [s.title for s in pack.sections if not s.required] == OPTIONAL
    assert derived.title == pack.title == ""
    assert derived.prompts == pack.prompts  # all of the help text, labels aside


@pytest.mark.parametrize(("old", "new"), [
    ("# 3. Context and Scope", "# 3. System Scope and Context"),
    ("# 8. Cross-cutting Concepts", "# 8. Concepts"),
    ("# 9. Architecture Decisions", "# 9. Design Decisions"),
    ("# 11. Risks and Technical Debts", "# 11. Technical Risks"),
    ("## 10.1 Quality Tree", "## 10.1 Quality Requirements Overview"),
    ("## 5.1 Whitebox Overall System", "## 5.1 Level 1"),
    ("## 5.1 Whitebox Overall System", "## 5.1 Ebene 1"),  # German, as "Ebene 2"
])
def test_older_chapter_names_are_aliases(old: str, new: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)  # lint_text places the path relative to the working folder
    text = (HERE / "filled.md").read_text(encoding="utf-8")
    assert old in text
    assert archlint.lint_text(text.replace(old, new), path="renamed.md", settings=SETTINGS) == []


def test_template_reports_every_leftover(linter: Linter) -> None:
    found = findings(linter, "template.md")
    template = parser.parse((HERE / "template.md").read_text(encoding="utf-8"))
    # AL101: every paragraph of help text, its **Contents** labels included
    prompts = [b.line for b in template.blocks if b.kind is BlockKind.PARAGRAPH]
    assert len(prompts) == 104
    # AL102: the six \<Role-1\>-style cells of Stakeholders, the placeholder headings of
    # the runtime scenarios and concepts, the four cells of the Glossary
    placeholders = [61] * 3 + [62] * 3 + [190, 195, 244, 248, 252] + [329] * 2 + [330] * 2
    # AL202: every innermost section, since all it holds is help text, but Stakeholders
    # (42) and Glossary (311), whose template table (boilerplate) is meant to stay
    empty = [s.line for s in template.sections() if not s.children and s.line not in (42, 311)]
    assert sorted(found) == sorted(
        [("AL101", line) for line in prompts]
        + [("AL102", line) for line in placeholders]
        + [("AL202", line) for line in empty])
    status = linter.assess_file(HERE / "template.md")
    assert (status.done, status.expected) == (0, 21)


def test_finished_document_reports_nothing(linter: Linter,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)
    text = (HERE / "filled.md").read_text(encoding="utf-8")
    assert archlint.lint_text(text, path="filled.md", settings=SETTINGS) == []
    status = linter.assess_file(HERE / "filled.md")
    assert (status.done, status.expected) == (21, 21)
    assert {s.state.value for s in status.sections} == {"done"}  # the optional ones too


def test_partial_document(linter: Linter) -> None:
    found = linter.lint_file(HERE / "partial.md")
    assert [(d.code, d.line, d.column) for d in found] == [
        ("AL201", 1, 3),    # no Architecture Constraints chapter
        ("AL102", 22, 4),   # the second Stakeholders row is still
        ("AL102", 22, 19),  # \<Role-2\> | \<Contact-2\> | \<Expectation-2\>
        ("AL102", 22, 37),
        ("AL202", 34, 4),   # Technical Context holds only ...
        ("AL101", 36, 1),   # ... its **Contents** label ...
        ("AL101", 38, 1),   # ... and its help text
        ("AL203", 46, 3),   # Architecture Decisions moved up after Solution Strategy
        ("AL102", 70, 4),   # the heading \<Runtime Scenario n\> ...
        ("AL202", 70, 4),   # ... with nothing but ...
        ("AL101", 72, 1),   # ... its help text
        ("AL202", 96, 4),   # Quality Scenarios holds only ...
        ("AL101", 98, 1),   # ... its help text
    ]
    assert found[0].message == (
        'required section "Architecture Constraints" is missing (rule pack arc42)')
    assert found[7].message.endswith('it belongs after "Cross-cutting Concepts" '
                                       'and before "Quality Requirements"')


def test_partial_document_status_from_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "archlint", "status", "--pack", "arc42",
         "--output-format", "json", "partial.md"],
        cwd=HERE, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    [status] = json.loads(result.stdout)
    # 21 sections expected (Level 2, Level 3 and Infrastructure Level 2 are optional and
    # absent); Architecture Constraints is missing and Quality Scenarios holds only its
    # prompt, and so does Technical Context (its label and help text).
    assert (status["pack"], status["completeness"], status["done"], status["required"]) == (
        "arc42", 0.8571, 18, 21)
    states = {s["title"]: s["state"] for s in status["sections"]}
    assert states["Architecture Constraints"] == "missing"
    assert states["Quality Scenarios"] == "prompt-only"
    assert states["<Runtime Scenario n>"] == "prompt-only"
    assert states["Technical Context"] == "prompt-only"
    assert [s["title"] for s in status["sections"] if s["state"] != "done"] == [
        "Architecture Constraints", "Technical Context", "<Runtime Scenario n>",
        "Quality Scenarios"]
