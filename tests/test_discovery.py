"""Finding the files of a run: each file's real path, found while walking (a folder's
real path and the file's name, unless the file is a link), is the one
``archlint.paths.real`` gives, whatever links the tree holds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from archlint.engine import files
from archlint.paths import named_like_a_template, real


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Folders with documents, a link to a document elsewhere, a link to a folder (not
    followed), a link that leads nowhere, a loop of links and a folder behind a link."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "target.md").write_text("# Target\n")
    (elsewhere / "inside.md").write_text("# Inside\n")
    docs = tmp_path / "real-docs"
    (docs / "adr" / "deep").mkdir(parents=True)
    (docs / "README.md").write_text("# Docs\n")
    (docs / "adr" / "0001-first.md").write_text("# First\n")
    (docs / "adr" / "deep" / "note.markdown").write_text("# Note\n")
    (docs / "adr" / "notes.txt").write_text("not Markdown\n")
    (docs / "linked.md").symlink_to(elsewhere / "target.md")
    (docs / "folder-link").symlink_to(elsewhere)
    (docs / "nowhere.md").symlink_to(tmp_path / "missing.md")
    (docs / "loop-a.md").symlink_to(docs / "loop-b.md")
    (docs / "loop-b.md").symlink_to(docs / "loop-a.md")
    (docs / "folder.md").mkdir()
    (tmp_path / "docs").symlink_to(docs)  # the folder named is itself a link
    return tmp_path


@pytest.mark.parametrize("named", ["docs", "real-docs", "real-docs/adr", "."])
def test_each_file_found_has_the_real_path_that_real_gives(
        tree: Path, named: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    found = list(files.find([Path(named)]))
    assert found, "the tree has documents"
    for each in found:
        assert each.real == real(each.path), each.path
    assert [f.path for f in found] == list(files.discover([Path(named)]))


def test_links_are_found_as_before(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A link to a document, one leading nowhere and a loop are kept (to be checked or
    reported); a link to a folder is not followed, and a folder named like a document
    is none."""
    monkeypatch.chdir(tree)
    names = sorted(f.path.as_posix() for f in files.find([Path("real-docs")]))
    assert names == ["real-docs/README.md", "real-docs/adr/0001-first.md",
                     "real-docs/adr/deep/note.markdown", "real-docs/linked.md",
                     "real-docs/loop-a.md", "real-docs/loop-b.md", "real-docs/nowhere.md"]


def test_a_file_reached_twice_is_found_once(tree: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the folder named and through a link to that folder; and the document a
    link leads to, named as well."""
    monkeypatch.chdir(tree)
    found = list(files.find([Path("real-docs"), Path("docs"), Path("elsewhere/target.md")]))
    reals = [f.real for f in found]
    assert len(reals) == len(set(reals))
    assert (tree / "elsewhere" / "target.md").resolve() in reals
    assert Path("elsewhere/target.md") not in [f.path for f in found]  # reached by the link


def test_exclude_matches_where_files_really_are(tree: Path) -> None:
    """``exclude`` globs are matched against the path relative to the project root,
    through links: the folder named by a link is excluded as the real one is."""
    root = real(tree)
    found = [f.path.name for f in files.find([tree / "docs"], ("real-docs/adr/**",), root)]
    assert "0001-first.md" not in found and "note.markdown" not in found
    assert "README.md" in found


def test_a_file_that_disappears_during_the_walk_keeps_its_path(tree: Path) -> None:
    """Gone between the folder's listing and its look: kept, with the path real gives
    (which reports that it cannot be read)."""
    gone = tree / "real-docs" / "gone.md"
    assert files._document_or_broken(gone, real(tree / "real-docs") / "gone.md") == (
        files.Found(gone, real(gone)))
    os.mkfifo(tree / "real-docs" / "pipe.md")
    assert files._document_or_broken(tree / "real-docs" / "pipe.md",
                                     real(tree / "real-docs") / "pipe.md") is None


@pytest.mark.parametrize("path", [
    "template.md", "adr-template.md", "0000-template.md", "GRFC-TEMPLATE.md",
    "xxxx-template.md", "template-view.md", "design-doc-template.md",
    "adr-template-bare-minimal.md", "arc42-template-de.md", "docs/templates/view.md"])
def test_a_template_s_name_says_so(path: str) -> None:
    assert named_like_a_template(path)


@pytest.mark.parametrize("path", [
    "0000-array-hash-template-literal.md", "template-literals-in-receipts.md",
    "use-jinja-templates.md", "templating.md", "template-engine-choice-for-emails.md",
    "README.md"])
def test_a_document_about_templates_is_not_named_like_one(path: str) -> None:
    assert not named_like_a_template(path)
