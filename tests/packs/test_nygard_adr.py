"""The Nygard ADR pack on its template, a finished record and a half-written one.

The three documents in fixtures/packs/nygard-adr/ were written for these tests; every
finding pinned here was checked by hand against them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, codes_and_lines, pack_linter

import archlint
from archlint.config import DocumentKind, Settings
from archlint.engine import Linter
from archlint.template import derive, packs

HERE = FIXTURES / "packs" / "nygard-adr"
SETTINGS = Settings(documents=(DocumentKind(paths=("*.md",), pack="nygard-adr"),))
REQUIRED = ["Status", "Context", "Decision", "Consequences"]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return pack_linter(HERE, "nygard-adr")


def findings(linter: Linter, name: str) -> list[tuple[str, int]]:
    return codes_and_lines(linter, HERE / name)


def test_pack_loads_with_every_section_required() -> None:
    pack = packs.builtin("nygard-adr")
    assert "nygard-adr" in packs.builtin_names()
    assert [s.title for s in pack.sections if s.required] == REQUIRED
    assert [s.title for s in pack.sections if not s.required] == []
    assert {s.level for s in pack.sections} == {2}
    assert pack.placeholders == ("NUMBER", "TITLE", "DATE")
    assert (FIXTURES.parent / pack.template) == HERE / "template.md"


def test_deriving_the_template_gives_the_same_sections() -> None:
    derived = derive.derive_file(HERE / "template.md")
    pack = packs.builtin("nygard-adr")
    assert [(s.title, s.level, s.required) for s in derived.sections] == [
        (s.title, s.level, s.required) for s in pack.sections]
    assert derived.title == pack.title
    assert derived.prompts == pack.prompts
    # derive knows NNNN and XXX, not the template's NUMBER, TITLE and DATE: added by hand
    assert derived.placeholders == ()


def test_title_selects_only_an_untouched_copy_of_the_template() -> None:
    pack = packs.builtin("nygard-adr")
    assert pack.matches_title("NUMBER. TITLE")
    assert not pack.matches_title("7. Publish order events through a transactional outbox")
    assert packs.by_title("9. Retire the nightly stock import",
                          [packs.builtin(n) for n in ("nygard-adr", "madr", "arc42")]) is None


def test_template_reports_every_leftover(linter: Linter) -> None:
    found = findings(linter, "template.md")
    assert sorted(found) == sorted(
        [("AL102", 1), ("AL102", 1)]   # NUMBER, TITLE
        + [("AL101", line) for line in (3, 7, 11, 15, 19)]   # "Date: DATE", four prompts
        + [("AL202", line) for line in (5, 9, 13, 17)])   # the four sections
    status = linter.assess_file(HERE / "template.md")
    assert (status.done, status.expected) == (0, 4)
    assert {s.state.value for s in status.sections} == {"prompt-only"}


def test_finished_record_reports_nothing(linter: Linter,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)  # lint_text places the path relative to the working folder
    text = (HERE / "filled.md").read_text(encoding="utf-8")
    assert archlint.lint_text(text, path="filled.md", settings=SETTINGS) == []
    assert findings(linter, "filled.md") == []
    assert linter.assess_file(HERE / "filled.md").completeness == 1.0


def test_half_written_record(linter: Linter) -> None:
    found = linter.lint_file(HERE / "partial.md")
    assert [(d.code, d.line, d.column) for d in found] == [
        ("AL201", 1, 3),    # no Consequences section, reported at the title
        ("AL203", 9, 4),    # Decision comes before Context
        ("AL202", 15, 4),   # Context holds only its prompt ...
        ("AL101", 17, 1),   # ... which is still there
    ]
    assert found[0].message == (
        'required section "Consequences" is missing (rule pack nygard-adr)')
    assert found[1].message.endswith('it belongs after "Context"')


def test_half_written_record_status_from_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "archlint", "status", "--pack", "nygard-adr",
         "--output-format", "json", "partial.md"],
        cwd=HERE, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    [status] = json.loads(result.stdout)
    assert (status["pack"], status["completeness"], status["done"], status["required"]) == (
        "nygard-adr", 0.5, 2, 4)
    assert [(s["title"], s["state"]) for s in status["sections"]] == [
        ("Status", "done"), ("Context", "prompt-only"), ("Decision", "done"),
        ("Consequences", "missing")]


def test_template_prompts_are_found_when_rewrapped(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = ("# 3. Cache prices\n\nDate: 2024-01-09\n\n## Status\n\nAccepted.\n\n"
            "## Context\n\nThe forces in play when the decision\nis made, technical, "
            "organisational\nand political, told as plain facts\nwithout taking sides.\n")
    found = archlint.lint_text(text, path="adr.md", settings=SETTINGS)
    assert [(d.code, d.line) for d in found] == [
        ("AL201", 1), ("AL201", 1), ("AL202", 9), ("AL101", 11)]
