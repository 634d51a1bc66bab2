"""Every rule documents itself, and its documentation tells the truth: the Example
triggers the rule and the "Use instead" does not."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import archlint
from archlint import config
from archlint.config import Settings
from archlint.engine import registry

HEADINGS = ("## What it does", "## Why it matters", "## Example", "## Use instead", "## Options")
RULES = registry.all_rules()


def section_of(doc: str, heading: str) -> str:
    start = doc.index(heading) + len(heading)
    later = [doc.find(h, start) for h in HEADINGS if doc.find(h, start) != -1]
    return doc[start:min(later, default=len(doc))]


def code_block(doc: str, heading: str) -> bytes:
    """The file an Example or Use instead shows: a ```markdown block, or, for a file
    whose bytes matter, a ```bytes block holding a Python bytes literal."""
    match = re.search(r"```(markdown|bytes)\n(.*?)```", section_of(doc, heading), re.DOTALL)
    assert match, f"no ```markdown or ```bytes block under {heading}"
    if match.group(1) == "bytes":
        return ast.literal_eval(match.group(2).strip())
    return match.group(2).encode("utf-8")


def write_side_files(doc: str, folder: Path) -> None:
    """Blocks written ```markdown NAME (or ```toml NAME) are files the example needs
    beside it."""
    for name, text in re.findall(r"```(?:markdown|toml) (\S+)\n(.*?)```", doc, re.DOTALL):
        (folder / name).write_text(text)


def settings_in(folder: Path) -> Settings:
    """The settings of an ``archlint.toml`` the documentation shows, or the defaults."""
    toml = folder / "archlint.toml"
    return config.load(toml).settings if toml.exists() else Settings()


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_documentation_has_every_heading(rule) -> None:
    assert rule.summary.startswith(f"{rule.code} {rule.name}: ")
    positions = [rule.doc.find(heading) for heading in HEADINGS]
    assert -1 not in positions and positions == sorted(positions)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_example_triggers_and_use_instead_does_not(rule, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the project the example's configuration is for
    path = tmp_path / "doc.md"
    (tmp_path / ".git").mkdir()  # the example's folder is a project of its own
    instead = section_of(rule.doc, "## Use instead")
    write_side_files(rule.doc.replace(instead, ""), tmp_path)

    def codes(data: bytes) -> list[str]:
        path.write_bytes(data)
        return [d.code for d in archlint.lint_paths([path], settings=settings_in(tmp_path),
                                                     select=[rule.code])]

    assert codes(code_block(rule.doc, "## Example")), "the Example does not trigger the rule"
    write_side_files(instead, tmp_path)  # the files the Use instead changes too
    assert codes(code_block(rule.doc, "## Use instead")) == []
