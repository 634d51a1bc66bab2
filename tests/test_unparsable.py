"""When markdown-it-py itself fails on a file, archlint reports the file and goes on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import archlint
from archlint.config import Configuration, Settings
from archlint.engine import Linter
from archlint.errors import ConfigError
from archlint.links.index import AnchorIndex
from archlint.markdown import tokenizer
from archlint.markdown.slugs import AnchorStyle
from archlint.template import derive

MARKER = "<!-- markdown-it-py fails here -->"
REAL = tokenizer.markdown


class _Failing:
    """markdown-it-py as archlint sets it up, failing on any text with MARKER in it."""

    def __init__(self, links_only: bool = False) -> None:
        self._md = REAL(links_only)

    def parse(self, text: str, env: dict) -> list:
        if MARKER in text:
            raise IndexError("string index out of range")
        return self._md.parse(text, env)


@pytest.fixture
def failing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokenizer, "markdown", _Failing)


@pytest.fixture
def linter(tmp_path: Path) -> Linter:
    return Linter.create(Configuration(Settings(), None, tmp_path))


def test_the_file_is_reported_and_the_others_checked(failing, linter, tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text(f"# Bad\n\n{MARKER}\n")
    (tmp_path / "good.md").write_text("# Good\n\nSee [nowhere](#missing).\n")
    found, count = linter.lint_paths([tmp_path])
    assert count == 2
    assert [(d.path.rsplit("/", 1)[-1], d.code) for d in found] == [
        ("bad.md", "AL001"), ("good.md", "AL301")]
    assert found[0].message == ("cannot read file: markdown-it-py could not parse it "
                                "(IndexError: string index out of range)")


def test_text_given_to_the_api_is_reported(failing) -> None:
    found = archlint.lint_text(f"# T\n\n{MARKER}\n", path="doc.md")
    assert [(d.code, d.line) for d in found] == [("AL001", 1)]


def test_nothing_is_fixed_in_it(failing, linter, tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text(f"# Bad\n\n[Up](#BAD)\n\n{MARKER}\n")
    assert linter.fixed_text(path) is None


def test_a_linked_file_that_fails_has_no_anchors_to_check(failing, tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text(f"# Other\n\n{MARKER}\n")
    index = AnchorIndex(AnchorStyle.GITHUB)
    assert index.anchors_of(tmp_path / "other.md") is None


def test_a_template_that_fails_is_a_configuration_error(failing, tmp_path: Path) -> None:
    template = tmp_path / "template.md"
    template.write_text(f"# Template\n\n{MARKER}\n")
    with pytest.raises(ConfigError, match="template.md: cannot read template: markdown-it-py"):
        derive.derive_file(template)


# markdown-it-py 4.3 raises IndexError on this (a list in a block quote that opens an HTML
# comment, and a last line without a newline); other versions may parse it.
KNOWN_TO_FAIL = "> - <!--\n>"


@pytest.mark.parametrize("args", [("check",), ("check", "--select", "AL301,AL302,AL303"),
                                  ("check", "--fix"), ("status",)])
def test_no_traceback_on_a_file_markdown_it_py_fails_on(tmp_path: Path, args) -> None:
    (tmp_path / "odd.md").write_text(KNOWN_TO_FAIL)
    result = subprocess.run([sys.executable, "-m", "archlint", *args, "odd.md"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1, 2), result.stderr
    assert (tmp_path / "odd.md").read_text() == KNOWN_TO_FAIL
