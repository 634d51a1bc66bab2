"""The public API works without click."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import archlint
from archlint.config import Settings
from archlint.errors import ConfigError


def test_lint_text_returns_diagnostics() -> None:
    found = archlint.lint_text("_Describe the context_\n", path="docs/ctx.md",
                               settings=Settings())
    assert [(d.path, d.line, d.code, d.severity) for d in found] == [
        ("docs/ctx.md", 1, "AL101", archlint.Severity.ERROR)]


def test_lint_paths_finds_markdown_in_folders(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("TBD\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.markdown").write_text("See [x](missing.md).\n")
    (tmp_path / "c.txt").write_text("TBD\n")
    found = archlint.lint_paths([tmp_path], settings=Settings())
    assert sorted((Path(d.path).name, d.code) for d in found) == [
        ("a.md", "AL102"), ("b.markdown", "AL302")]


def test_a_run_after_changing_folder_sees_the_new_folder_s_project(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a project's git root was once remembered by the relative folder "." it was asked
    # for, so a second project checked from its own folder was taken for the first
    first, second = tmp_path / "first", tmp_path / "second"
    for project in (first, second):
        (project / ".git").mkdir(parents=True)
    (first / "doc.md").write_text("Text.\n")
    (second / "overview.md").write_text("# Overview\n## Goals\n")
    (second / "doc.md").write_text("See [the goals](./overview.md#goal).\n")
    monkeypatch.chdir(first)
    assert archlint.lint_paths([first / "doc.md"], settings=Settings(), select=["AL303"]) == []
    monkeypatch.chdir(second)
    found = archlint.lint_paths([second / "doc.md"], settings=Settings(), select=["AL303"])
    assert [d.code for d in found] == ["AL303"]


def test_importing_the_package_does_not_import_click_or_pydantic() -> None:
    code = ("import sys, archlint; "
            "print(sorted(m for m in ('click', 'pydantic', 'markdown_it') if m in sys.modules))")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    assert output.strip() == "[]"


def test_checking_without_configuration_does_not_import_pydantic(tmp_path: Path) -> None:
    """pydantic is for validating settings; a run without any costs no time loading it."""
    (tmp_path / "view.md").write_text("# Process View\n\n## State models\n\nTBD\n")
    code = ("import sys; from archlint.cli import main\n"
            "try:\n    main(['check', '--no-cache', 'view.md'])\n"
            "except SystemExit as exit:\n    print(exit.code, 'pydantic' in sys.modules)")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=tmp_path).stdout
    assert output.splitlines()[-1] == "1 False"


def test_settings_made_in_code_are_checked() -> None:
    found = archlint.lint_text("# T\n\n[a](#t)\n", settings=Settings(anchor_style="gitlab"))
    assert found == []
    with pytest.raises(ConfigError, match="settings: select: should be an array"):
        archlint.lint_text("# T\n", settings=Settings(select="AL301"))


def test_status_paths_reports_completeness(tmp_path: Path) -> None:
    (tmp_path / "view.md").write_text("# Notes\n\n## A\n\nText.\n\n## B\n")
    [status] = archlint.status_paths([tmp_path], settings=Settings())
    assert (status.done, status.expected, status.completeness) == (1, 2, 0.5)


def test_the_version_is_the_one_in_pyproject() -> None:
    import tomllib

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert archlint.__version__ == project["project"]["version"]
