"""The MADR pack on its template, a finished decision record and a half-written one.

The three documents in fixtures/packs/madr/ were written for these tests in the marking
style of MADR 4; every finding pinned here was checked by hand against them.
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
from archlint.template import derive, packs

HERE = FIXTURES / "packs" / "madr"
SETTINGS = Settings(documents=(DocumentKind(paths=("*.md",), pack="madr"),))
# MADR's mandatory elements are the title and these three; everything else is marked
# "This is an optional element. Feel free to remove." in the template.
REQUIRED = ["Context and Problem Statement", "Considered Options", "Decision Outcome"]
OPTIONAL = ["Decision Drivers", "Consequences", "Confirmation", "Pros and Cons of the Options",
            "{title of option 1}", "{title of option 2}", "More Information"]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return pack_linter(HERE, "madr")


def findings(linter: Linter, name: str) -> list[tuple[str, int]]:
    return codes_and_lines(linter, HERE / name)


def test_pack_loads_with_the_mandatory_elements_required() -> None:
    pack = packs.builtin("madr")
    assert "madr" in packs.builtin_names()
    assert [s.title for s in pack.sections if s.required] == REQUIRED
    assert [s.title for s in pack.sections if not s.required] == OPTIONAL
    outcome = next(n for n in pack.outline if n.spec.title == "Decision Outcome")
    assert [c.spec.title for c in outcome.children] == ["Consequences", "Confirmation"]
    assert (FIXTURES.parent / pack.template) == HERE / "template.md"


def test_deriving_the_template_gives_the_same_split() -> None:
    derived = derive.derive_file(HERE / "template.md")
    pack = packs.builtin("madr")
    assert [(s.title, s.level, s.required) for s in derived.sections] == [
        (s.title, s.level, s.required) for s in pack.sections]
    assert derived.title == pack.title
    assert derived.comment_prompts == pack.comment_prompts


def test_a_title_of_placeholders_selects_nothing() -> None:
    pack = packs.builtin("madr")
    assert not pack.matches_title(pack.title)
    assert not pack.matches_title("Keep the order history in a separate managed PostgreSQL "
                                  "instance")


@pytest.mark.parametrize(("old", "new"), [
    ("## Considered Options", "## Considered Alternatives"),
    ("## Decision Outcome", "## Decision"),
    ("## Context and Problem Statement", "## Context"),
    ("### Confirmation", "### Validation"),
    ("## More Information", "## Links"),
])
def test_older_and_other_section_names_are_aliases(old: str, new: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)
    text = (HERE / "filled.md").read_text(encoding="utf-8")
    assert old in text
    assert archlint.lint_text(text.replace(old, new), path="renamed.md", settings=SETTINGS) == []


def test_template_reports_every_leftover(linter: Linter) -> None:
    found = findings(linter, "template.md")
    prompts = [5, 10, 11, 16, 17, 18, 23, 28, 29, 35, 43, 45, 46, 47, 48, 54, 56, 57, 58, 59,
               65]
    comments = [12, 19, 30, 47, 49]           # "<!-- add as many drivers … -->" and the like
    # AL102: the title (line 1, through the pack's "{short title" phrase) and the option
    # headings (41, 52); a placeholder on a line that AL101 reports as template text is
    # not reported again, and a list's last "…" reads as "and so on" (its comment, the
    # template's prompt to add more, is AL101's).
    placeholders = [1, 41, 52]
    # every innermost section holds only template text
    empty = [3, 8, 14, 26, 33, 41, 52, 63]
    assert sorted(found) == sorted(
        [("AL101", line) for line in prompts + comments]
        + [("AL102", line) for line in placeholders]
        + [("AL202", line) for line in empty])
    status = linter.assess_file(HERE / "template.md")
    assert (status.done, status.expected) == (0, 3)
    assert {s.state.value for s in status.sections} == {"prompt-only"}


def test_finished_record_reports_nothing(linter: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)  # lint_text places the path relative to the working folder
    text = (HERE / "filled.md").read_text(encoding="utf-8")
    assert archlint.lint_text(text, path="filled.md", settings=SETTINGS) == []
    status = linter.assess_file(HERE / "filled.md")
    assert status.completeness == 1.0
    assert {s.state.value for s in status.sections} == {"done"}  # the optional ones too


def test_half_written_record(linter: Linter) -> None:
    found = linter.lint_file(HERE / "partial.md")
    assert [(d.code, d.line, d.column) for d in found] == [
        ("AL201", 1, 3),    # no Considered Options, reported at the title
        ("AL202", 14, 5),   # Consequences holds only the template's bullets:
        ("AL101", 16, 3),   # "Good, because {positive consequence, …}"
        ("AL101", 17, 3),   # "Bad, because {negative consequence, …}"
        ("AL101", 18, 5),   # <!-- add as many consequences as there are -->
        ("AL101", 29, 1),   # the second option's "{a short description, …}"
        ("AL101", 31, 3),   # "Good, because {argument a}", the template's line
        ("AL102", 32, 16),  # "Bad, because TBD"
        ("AL203", 34, 4),   # Decision Drivers moved to the end
    ]
    assert found[0].message == 'required section "Considered Options" is missing (rule pack madr)'
    assert found[-1].message.endswith('it belongs after "Context and Problem Statement" '
                                        'and before "Decision Outcome"')


def test_half_written_record_status_from_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "archlint", "status", "--pack", "madr",
         "--output-format", "json", "partial.md"],
        cwd=HERE, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    [status] = json.loads(result.stdout)
    assert (status["pack"], status["completeness"], status["done"], status["required"]) == (
        "madr", 0.6667, 2, 3)
    assert [(s["title"], s["required"], s["state"]) for s in status["sections"]] == [
        ("Context and Problem Statement", True, "done"),
        ("Decision Drivers", False, "done"),
        ("Considered Options", True, "missing"),
        ("Decision Outcome", True, "done"),
        ("Consequences", False, "prompt-only"),
        ("Pros and Cons of the Options", False, "done"),
        # the template's slots ({title of option 1}, …) told by the author's titles
        ("SMS through the carrier's notification service", False, "done"),
        ("SMS gateway called by the shipping service", False, "done"),  # "Bad, because
    ]                                                                   # TBD" is text
