"""AL001 unreadable-file: a registered rule like any other, reported by the engine for
files that are no document."""

from __future__ import annotations

from pathlib import Path

from archlint import config
from archlint.diagnostics import Severity
from archlint.engine import Linter, Selection

LATIN_1 = "# Vue d'ensemble\n\nL'équipe écrit ici.\n".encode("latin-1")


def project(tmp_path: Path, settings: str = "") -> Path:
    (tmp_path / "archlint.toml").write_text(settings)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "latin.md").write_bytes(LATIN_1)
    (tmp_path / "docs" / "good.md").write_text("# Good\n\nThe xxx system.\n")
    return tmp_path


def found(root: Path, selection: Selection = Selection()) -> list[tuple[str, str, Severity]]:
    linter = Linter.create(config.discover(root), selection)
    diagnostics, _ = linter.lint_paths([root / "docs"])
    return [(Path(d.path).name, d.code, d.severity) for d in diagnostics]


def test_a_file_that_is_not_utf8_is_reported_and_the_rest_checked(tmp_path: Path) -> None:
    assert found(project(tmp_path)) == [("good.md", "AL102", Severity.ERROR),
                                        ("latin.md", "AL001", Severity.ERROR)]


def test_it_can_be_ignored(tmp_path: Path) -> None:
    root = project(tmp_path)
    for selector in ("AL001", "unreadable-file"):
        assert found(root, Selection(ignore=(selector,))) == [
            ("good.md", "AL102", Severity.ERROR)]


def test_it_can_be_ignored_per_file(tmp_path: Path) -> None:
    root = project(tmp_path, "[per-file-ignores]\n'docs/latin.md' = ['AL001']\n")
    assert found(root) == [("good.md", "AL102", Severity.ERROR)]


def test_it_can_be_selected_alone_and_regraded(tmp_path: Path) -> None:
    root = project(tmp_path, "[severity]\nAL001 = 'warning'\n")
    assert found(root, Selection(select=("AL001",))) == [
        ("latin.md", "AL001", Severity.WARNING)]


def test_message_names_the_first_byte_that_is_not_utf8(tmp_path: Path) -> None:
    linter = Linter.create(config.discover(project(tmp_path)))
    [diagnostic] = linter.lint_file(tmp_path / "docs" / "latin.md")
    assert diagnostic.message == "cannot read file: not UTF-8 text (byte 20: 0xe9)"
    assert (diagnostic.line, diagnostic.column, diagnostic.name) == (1, 1, "unreadable-file")
