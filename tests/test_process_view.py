"""The Process View template this project started from, linted as users lint it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES

import archlint
from archlint.config import Settings

TEMPLATE = FIXTURES / "process-view" / "process-view.md"
FILLED = FIXTURES / "filled" / "03-process-view.md"

EXPECTED = sorted(
    [("AL101", line) for line in (16, 21, 25, 30, 34, 55, 67, 71, 75)]
    + [("AL103", 36)]
    + [("AL102", line) for line in (57, 65, 69)]
    + [("AL304", 32), ("AL302", 12)]
)


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "archlint", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


FIRST_RULES = "AL101,AL102,AL103,AL201,AL301,AL302,AL304"


def test_template_reports_exactly_its_leftovers(tmp_path: Path) -> None:
    result = run_cli("check", "--output-format", "json", "--select", FIRST_RULES,
                     str(TEMPLATE), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    found = json.loads(result.stdout)
    assert sorted((d["code"], d["line"]) for d in found) == EXPECTED
    for diagnostic in found:
        assert {"code", "name", "path", "line", "column", "severity", "message"} <= set(diagnostic)
    example = next(d for d in found if d["code"] == "AL103")
    assert "Avoiding 2-Phase Commit" in example["message"]
    toc = next(d for d in found if d["code"] == "AL304")
    assert "Data consistency strategies" in toc["message"]


def test_filled_process_view_reports_nothing() -> None:
    assert archlint.lint_text(FILLED.read_text(), path=str(FILLED), settings=Settings()) == []


def test_deleting_one_required_section_reports_exactly_one_missing_section() -> None:
    text = FILLED.read_text()
    start = text.index("## State models")
    end = text.index("## Dynamic interactions")
    text = text[:start] + text[end:]
    text = text.replace("* **[State models](#state-models)**\n", "")
    found = archlint.lint_text(text, path=str(FILLED), settings=Settings())
    assert [(d.code, d.line) for d in found] == [("AL201", 1)]
    assert '"State models"' in found[0].message


def test_template_sections_holding_only_prompts_are_empty(tmp_path: Path) -> None:
    result = run_cli("check", "--output-format", "json", "--select", "AL202,AL203",
                     str(TEMPLATE), cwd=tmp_path)
    found = json.loads(result.stdout)
    assert [(d["code"], d["line"]) for d in found] == [
        ("AL202", line) for line in (14, 19, 23, 28, 32, 69, 73)]
