"""Parallel and cached runs give exactly what a plain run gives, and the cache forgets
exactly what an edit makes stale."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

from archlint import config
from archlint.engine import Linter, running
from archlint.engine.cache import Cache


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    shutil.copytree(FIXTURES / "docset", root)
    shutil.copytree(FIXTURES / "packs" / "kep", root / "keps")
    (root / ".git").mkdir()
    return root


def _counting(started: list[int]):
    """ProcessPoolExecutor, noting how many workers each pool was given."""
    from concurrent.futures.process import ProcessPoolExecutor

    def make(*args, **kwargs):
        started.append(kwargs["max_workers"])
        return ProcessPoolExecutor(*args, **kwargs)

    return make


def lint(root: Path, jobs: int = 1, cache_dir: Path | None = None) -> list:
    linter = Linter.create(config.discover(root))
    cache = Cache(cache_dir, linter.settings_key()) if cache_dir else None
    diagnostics, _ = linter.lint_paths([root], jobs, cache)
    return [(d.path, d.line, d.column, d.code, d.message, d.fingerprint) for d in diagnostics]


def test_parallel_and_cached_runs_match_a_plain_run(tree: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    plain = lint(tree)
    assert plain  # the tree has findings to compare
    monkeypatch.setattr(running, "WORTH_A_PROCESS", 1)  # use processes even for 10 files
    started = []
    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", _counting(started))
    assert lint(tree, jobs=2) == plain
    assert started == [2]
    assert lint(tree, cache_dir=tmp_path / "cache") == plain  # cold: fills the cache
    assert lint(tree, cache_dir=tmp_path / "cache") == plain  # warm: reads it
    assert lint(tree, jobs=2, cache_dir=tmp_path / "cache") == plain


def checked(root: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files a run actually read and checked (the rest came from the cache)."""
    seen: list[str] = []
    original = Linter.check_recording

    def spy(self: Linter, path: Path, data: bytes | None = None):
        seen.append(path.relative_to(root).as_posix())
        return original(self, path, data)

    monkeypatch.setattr(Linter, "check_recording", spy)
    lint(root, cache_dir=cache_dir)
    monkeypatch.setattr(Linter, "check_recording", original)
    return sorted(seen)


def test_an_unchanged_tree_is_not_read_again(tree: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    # keps/template.md, named like a template, is left out
    assert len(checked(tree, cache, monkeypatch)) == 10
    assert checked(tree, cache, monkeypatch) == []


def test_editing_a_file_rechecks_it_and_files_that_read_its_anchors(
        tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    checked(tree, cache, monkeypatch)
    process = tree / "views" / "process.md"
    process.write_text(process.read_text().replace("## State models", "## State machine"))
    # process.md itself, and the three files whose links read its anchors
    assert checked(tree, cache, monkeypatch) == [
        "01-overview.md", "views/deployment.md", "views/functional.md", "views/process.md"]
    assert checked(tree, cache, monkeypatch) == []


def test_creating_a_linked_file_rechecks_the_files_that_missed_it(
        tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    checked(tree, cache, monkeypatch)
    (tree / "img" / "context.png").write_bytes(b"\x89PNG")
    assert checked(tree, cache, monkeypatch) == ["01-overview.md"]
    plain = Linter.create(config.discover(tree))
    assert not [d for d in plain.lint_paths([tree])[0] if "context.png" in d.message]


def test_changing_the_configuration_starts_afresh(tree: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    checked(tree, cache, monkeypatch)
    (tree / "archlint.toml").write_text('ignore = ["AL202"]\n')
    assert len(checked(tree, cache, monkeypatch)) == 10


def test_a_corrupted_cache_is_ignored_and_rewritten(tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    plain = lint(tree, cache_dir=cache)
    [stored] = list(cache.glob("*.json"))
    stored.write_text("{not json")
    assert lint(tree, cache_dir=cache) == plain
    json.loads(stored.read_text())  # rewritten whole
    data = json.loads(stored.read_text())
    first = next(iter(data["entries"].values()))
    first["diagnostics"] = [{"forged": True}]  # a foreign entry is not trusted either
    stored.write_text(json.dumps(data))
    assert lint(tree, cache_dir=cache) == plain


def test_every_field_of_a_finding_comes_back_from_the_cache(tmp_path: Path) -> None:
    """Severity, fix (each edit) and fingerprint too, which a finding's equality leaves
    out; the path is the one the reading run names the file by."""
    from archlint.diagnostics import Diagnostic, Edit, Fix, Severity
    from archlint.engine.cache import Dependencies
    from archlint.links.index import AnchorIndex
    from archlint.markdown.slugs import AnchorStyle

    found = tmp_path / "docs" / "a.md"
    fix = Fix((Edit(3, 4, ("one", "two")), Edit(7, 6, ())), "make it so")
    stored = [Diagnostic("docs/a.md", 3, 5, "AL304", "toc-mismatch", "a message",
                         Severity.WARNING, fix, "abc-1"),
              Diagnostic("docs/a.md", 9, 1, "AL101", "template-prompt", "another",
                         Severity.ERROR, None, "def-1")]
    cache = Cache(tmp_path / "cache", "key")
    cache.store(found, "digest", stored, Dependencies(unpacked=True))
    cache.save()
    index = AnchorIndex(AnchorStyle.GITHUB)
    looked_up = Cache(tmp_path / "cache", "key").lookup(found, "a.md", "digest", index)
    assert looked_up is not None
    recalled, dependencies = looked_up
    assert dependencies.unpacked  # and whether a rule pack applied to it
    assert [(d.path, d.line, d.column, d.code, d.name, d.message, d.severity, d.fix,
             d.fingerprint) for d in recalled] == [
        ("a.md", 3, 5, "AL304", "toc-mismatch", "a message", Severity.WARNING, fix, "abc-1"),
        ("a.md", 9, 1, "AL101", "template-prompt", "another", Severity.ERROR, None, "def-1")]
    assert Cache(tmp_path / "cache", "key").lookup(found, "a.md", "other", index) is None


def test_a_cached_run_started_elsewhere_names_files_as_a_plain_one(
        tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache is the project's, whichever folder a run starts in: a run in a
    subfolder names its files from there, as it would without the cache."""
    cache = tmp_path / "cache"
    monkeypatch.chdir(tree.parent)
    from_above = lint(Path(tree.name), cache_dir=cache)
    assert from_above and from_above[0][0].startswith(f"{tree.name}/")
    monkeypatch.chdir(tree)
    plain = lint(Path("."))
    assert plain and not plain[0][0].startswith(f"{tree.name}/")
    assert lint(Path("."), cache_dir=cache) == plain
