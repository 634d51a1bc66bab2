"""archlint check --fix and --diff: tables of contents and the case of anchors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

from archlint import atomic

TEMPLATE = FIXTURES / "process-view" / "process-view.md"
ADDED = "* **[Data consistency strategies](#data-consistency-strategies)**"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "archlint", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


def test_fix_adds_the_missing_entry_in_the_templates_style_and_nothing_else(
        tmp_path: Path) -> None:
    view = tmp_path / "process-view.md"
    view.write_bytes(TEMPLATE.read_bytes())
    result = run("check", "--fix", "--select", "AL304", "process-view.md", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    before = TEMPLATE.read_bytes().split(b"\n")
    after = view.read_bytes().split(b"\n")
    assert after == before[:8] + [ADDED.encode()] + before[8:]
    first = view.read_bytes()
    run("check", "--fix", "process-view.md", cwd=tmp_path)
    assert view.read_bytes() == first  # a second run changes nothing


def test_diff_shows_the_change_and_writes_nothing(tmp_path: Path) -> None:
    view = tmp_path / "process-view.md"
    view.write_bytes(TEMPLATE.read_bytes())
    result = run("check", "--diff", "process-view.md", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == ["--- a/process-view.md", "+++ b/process-view.md"]
    assert [line for line in result.stdout.splitlines() if line.startswith("+*")] == [
        "+" + ADDED]
    assert view.read_bytes() == TEMPLATE.read_bytes()
    assert run("check", "--diff", str(FIXTURES / "filled"), cwd=tmp_path).returncode == 0


def test_fix_keeps_crlf_line_endings_and_a_byte_order_mark(tmp_path: Path) -> None:
    text = ("\ufeff# T\r\n\r\n## Contents\r\n\r\n- [A](#a)\r\n- [C](#c)\r\n\r\n"
            "## A\r\n\r\nText.\r\n\r\n## B\r\n\r\nText.\r\n\r\n## C\r\n\r\nSee [a](#A).")
    view = tmp_path / "view.md"
    view.write_bytes(text.encode("utf-8"))
    run("check", "--fix", "view.md", cwd=tmp_path)
    expected = text.replace("- [A](#a)\r\n", "- [A](#a)\r\n- [B](#b)\r\n").replace(
        "See [a](#A).", "See [a](#a).")
    assert view.read_bytes() == expected.encode("utf-8")


def test_fix_corrects_the_case_of_a_cross_file_anchor(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "other.md").write_text("# Other\n\n## State Models\n")
    (tmp_path / "view.md").write_text("# View\n\nSee [states](other.md#State-Models).\n")
    result = run("check", "--fix", "view.md", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert (tmp_path / "view.md").read_text() == (
        "# View\n\nSee [states](other.md#state-models).\n")


def test_a_failed_write_leaves_the_original(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    view = tmp_path / "view.md"
    view.write_text("original\n")

    def broken_replace(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("archlint.atomic.os.replace", broken_replace)
    with pytest.raises(OSError):
        atomic.write_text(view, "changed\n")
    assert view.read_text() == "original\n"
    assert [p.name for p in tmp_path.iterdir()] == ["view.md"]  # no temporary left over


@pytest.mark.parametrize("after_list", ["Some paragraph after.\n\n", "\n\n", "<!-- tocstop -->\n\n"])
def test_a_missing_last_entry_goes_before_the_blank_line_that_ends_the_list(
        tmp_path: Path, after_list: str) -> None:
    import archlint
    from archlint.config import Settings
    from archlint.engine import fixing

    text = (f"# Doc\n\n## Contents\n\n- [A](#a)\n- [B](#b)\n\n{after_list}"
            "## A\n\ntext\n\n## B\n\ntext\n\n## C\n\ntext\n")
    edits = [edit for d in archlint.lint_text(text, path="doc.md", settings=Settings())
             if d.fix for edit in d.fix.edits]
    fixed = fixing.apply(text, edits)
    assert fixed == text.replace("- [B](#b)\n", "- [B](#b)\n- [C](#c)\n")


def test_no_entry_is_offered_for_a_heading_without_an_anchor() -> None:
    import archlint
    from archlint.config import Settings

    text = "# Doc\n\n## Contents\n\n- [A](#a)\n- [B](#b)\n\n## A\n\n## B\n\n## ...\n\ntext\n"
    found = [d for d in archlint.lint_text(text, path="doc.md", settings=Settings())
             if d.code == "AL304"]
    assert [(d.line, d.fix) for d in found] == [(12, None)]  # "#" would lead to the top
