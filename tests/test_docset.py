"""A documentation set checked as one: links between files, under two anchor styles.

The set (fixtures/docset) has a file that moved (functional.md is now in views/), a
renamed heading (State machine → State models), HTML and {#id} anchors, reference links
and an unused definition, images, repeated headings, line links and a case slip.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

from archlint import config
from archlint.engine import Linter, Selection

COMMON = [
    ("01-overview.md", 8, 3, "AL302",
     'link target "./functional.md" does not exist (did you mean "views/functional.md"?)'),
    ("01-overview.md", 12, 1, "AL302", 'image "./img/context.png" does not exist'),
    ("01-overview.md", 20, 1, "AL303",
     'no heading or anchor in ./views/deployment.md produces "#zones"'),
    ("views/functional.md", 7, 3, "AL303", 'no heading or anchor in process.md produces '
     '"#state-machine" (did you mean "#state-models"?)'),
    ("views/functional.md", 12, 3, "AL303",
     '"#Regions" differs from the anchor "#regions" in deployment.md only in case'),
    ("views/process.md", 18, 5, "AL303", 'no heading or anchor in ../01-overview.md produces '
     '"#quality-goal" (did you mean "#quality-goals"?)'),
]
GITHUB_ONLY = [
    # GitHub shows {#decision-log} as text: the anchor is #decision-log-decision-log
    ("views/functional.md", 10, 3, "AL303", 'no heading or anchor in process.md produces '
     '"#decision-log" (did you mean "#decision-log-decision-log"?)'),
]
MKDOCS_ONLY = [
    # no line links in MkDocs, and repeated headings get _1, not -1
    ("views/deployment.md", 7, 5, "AL303", 'no heading or anchor in process.md produces "#L3"'),
    ("views/functional.md", 8, 3, "AL303", 'no heading or anchor in process.md produces '
     '"#notes-1" (did you mean "#notes_1"?)'),
    ("views/process.md", 18, 56, "AL301", 'no heading or anchor in this document produces '
     '"#notes-1" (did you mean "#notes_1"?)'),
]


@pytest.fixture
def docset(tmp_path: Path) -> Path:
    folder = tmp_path / "docset"
    shutil.copytree(FIXTURES / "docset", folder)
    return folder


@pytest.mark.parametrize(("style", "extra"), [("github", GITHUB_ONLY), ("mkdocs", MKDOCS_ONLY)])
def test_every_broken_link_and_anchor_once_with_a_suggestion(
        docset: Path, style: str, extra: list, monkeypatch: pytest.MonkeyPatch) -> None:
    (docset / "archlint.toml").write_text(
        f'anchor-style = "{style}"\nselect = ["AL3"]\n')
    monkeypatch.chdir(docset)
    linter = Linter.create(config.discover(docset))
    diagnostics, count = linter.lint_paths([Path(".")])
    assert count == 5
    got = [(d.path, d.line, d.column, d.code, d.message) for d in diagnostics]
    assert sorted(got) == sorted(COMMON + extra)


def test_a_linked_file_outside_the_checked_paths_is_read_for_its_anchors(
        docset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (docset / "archlint.toml").write_text('select = ["AL303"]\n')
    monkeypatch.chdir(docset)
    linter = Linter.create(config.discover(docset))
    diagnostics, count = linter.lint_paths([Path("views/functional.md")])
    assert count == 1
    assert [(d.line, d.code) for d in diagnostics] == [(7, "AL303"), (10, "AL303"), (12, "AL303")]


def test_links_that_leave_the_project_are_reported_and_not_read(
        docset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (docset / "archlint.toml").write_text('select = ["AL302", "AL303"]\n')
    (docset / "escape.md").write_text("# Escape\n\n[up](../../outside.md#x)\n")
    monkeypatch.chdir(docset)
    linter = Linter.create(config.discover(docset))
    [diagnostic] = linter.lint_file(Path("escape.md"))
    assert diagnostic.message == 'link target "../../outside.md" is outside the project: not checked'


def test_link_rules_alone_find_what_they_find_among_all_rules(
        docset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With only rules that read links, blocks without links are left unparsed; the
    findings are those of a run that parses everything."""
    monkeypatch.chdir(docset)
    links = ("AL301", "AL302", "AL303")
    alone, _ = Linter.create(config.discover(docset), Selection(select=links)).lint_paths(
        [Path(".")])
    among, _ = Linter.create(config.discover(docset), Selection(select=("ALL",))).lint_paths(
        [Path(".")])
    assert alone and alone == [d for d in among if d.code in links]
