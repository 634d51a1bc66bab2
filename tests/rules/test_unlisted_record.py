"""AL305 unlisted-record: a record of a folder of records that the folder's index, which
lists the others, does not link; the index is read whichever files are checked, and a
cached result is checked again when it changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from archlint.config import Configuration, Settings
from archlint.engine import Linter, Selection
from archlint.engine.cache import Cache
from archlint.template import packs

NYGARD = packs.builtin("nygard-adr")


def record(number: int, title: str) -> str:
    return (f"# {number}. {title}\n\nDate: 2026-01-0{number}\n\n## Status\n\nAccepted\n\n"
            f"## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nThen.\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    adr = tmp_path / "docs" / "adr"
    adr.mkdir(parents=True)
    (adr / "0001-record-decisions.md").write_text(record(1, "Record decisions"))
    (adr / "0002-use-postgres.md").write_text(record(2, "Use PostgreSQL"))
    (adr / "0003-cache-the-catalogue.md").write_text(record(3, "Cache the catalogue"))
    (adr / "README.md").write_text(
        "# Decisions\n\n* [Record decisions](0001-record-decisions.md)\n"
        "* [Use PostgreSQL](./0002-use-postgres.md)\n")
    return adr


def findings(folder: Path, *paths: Path, cache: Path | None = None
             ) -> list[tuple[str, str]]:
    linter = Linter.create(Configuration(Settings(), None, folder.parent.parent),
                           Selection(pack=NYGARD, select=("AL305",)))
    cached = Cache(cache, linter.settings_key()) if cache is not None else None
    diagnostics, _ = linter.lint_paths(list(paths) or [folder], 1, cached)
    return [(Path(d.path).name, d.message) for d in diagnostics]


def test_a_record_the_index_leaves_out_is_reported_on_the_record(folder: Path) -> None:
    assert findings(folder) == [
        ("0003-cache-the-catalogue.md", "this record is not listed in its folder's index, "
         "README.md (which links 2 of the folder's 3 records)")]


def test_the_index_is_read_when_only_the_record_is_checked(folder: Path) -> None:
    # pre-commit passes only the record that was added
    assert len(findings(folder, folder / "0003-cache-the-catalogue.md")) == 1
    assert findings(folder, folder / "0001-record-decisions.md") == []


@pytest.mark.parametrize("index", [
    # a README that tells how to write a record, linking none or one of them
    "# Decisions\n\nUse [the template](template.md).\n",
    "# Decisions\n\nStart with [the first](0001-record-decisions.md).\n",
    # links to records of another folder
    "# Decisions\n\n* [A](../old/0001-record-decisions.md)\n* [B](../old/0002-use-postgres.md)\n",
])
def test_an_index_that_lists_no_records_is_no_list(folder: Path, index: str) -> None:
    (folder / "README.md").write_text(index)
    assert findings(folder) == []


def test_a_listed_record_by_any_written_form_counts(folder: Path) -> None:
    (folder / "README.md").write_text(
        "# Decisions\n\n| # | Decision |\n| --- | --- |\n"
        "| 1 | [Record decisions](0001-record-decisions.md) |\n"
        "| 2 | [Use PostgreSQL](./0002-use-postgres.md#status) |\n"
        "| 3 | [Cache][c] |\n\n[c]: 0003-cache-the-catalogue.md\n")
    assert findings(folder) == []


def test_no_index_nothing_to_say(folder: Path) -> None:
    (folder / "README.md").unlink()
    assert findings(folder) == []


def test_no_pack_nothing_to_say(folder: Path) -> None:
    linter = Linter.create(Configuration(Settings(), None, folder.parent.parent),
                           Selection(select=("AL305",)))
    assert linter.lint_paths([folder])[0] == []


def test_a_template_beside_the_records_is_no_record(folder: Path) -> None:
    (folder / "adr-template.md").write_text(record(0, "[short title of the decision]"))
    (folder / "template.md").write_text(record(0, "Title"))
    assert [name for name, _ in findings(folder)] == ["0003-cache-the-catalogue.md"]


@pytest.mark.parametrize("link", ["../adr/0003-cache-the-catalogue.md",
                                  "./././0003-cache-the-catalogue.md",
                                  "0003-cache-the-catalogue.md#decision",
                                  "<0003-cache-the-catalogue.md>"])
def test_a_link_that_reaches_the_record_by_another_path_lists_it(folder: Path,
                                                                 link: str) -> None:
    with (folder / "README.md").open("a") as index:
        index.write(f"* [Cache]({link})\n")
    assert findings(folder) == []


def test_of_two_index_files_the_one_that_lists_the_records_is_their_list(folder: Path
                                                                          ) -> None:
    (folder / "index.md").write_text((folder / "README.md").read_text())
    (folder / "README.md").write_text("# Decisions\n\nWrite one from the template.\n")
    assert [name for name, _ in findings(folder)] == ["0003-cache-the-catalogue.md"]
    assert "index.md" in findings(folder)[0][1]


def test_an_index_that_is_itself_a_record_lists_nothing(folder: Path) -> None:
    (folder / "README.md").write_text(
        record(9, "Index") + "\n* [A](0001-record-decisions.md)\n* [B](0002-use-postgres.md)\n")
    assert findings(folder) == []


def test_a_cached_result_follows_a_file_becoming_a_record(folder: Path, tmp_path: Path
                                                         ) -> None:
    # the index lists one record and a stub: no list yet, until the stub is written
    (folder / "0002-use-postgres.md").write_text("# 2. Use PostgreSQL\n\nTBD\n")
    target = folder / "0003-cache-the-catalogue.md"
    assert findings(folder, target, cache=tmp_path / "cache") == []
    (folder / "0002-use-postgres.md").write_text(record(2, "Use PostgreSQL"))
    assert len(findings(folder, target, cache=tmp_path / "cache")) == 1


def test_a_cached_result_follows_an_index_written_later(folder: Path, tmp_path: Path
                                                        ) -> None:
    index = (folder / "README.md").read_text()
    (folder / "README.md").unlink()
    target = folder / "0003-cache-the-catalogue.md"
    assert findings(folder, target, cache=tmp_path / "cache") == []
    (folder / "README.md").write_text(index)
    assert len(findings(folder, target, cache=tmp_path / "cache")) == 1


def test_a_cached_result_follows_the_index(folder: Path, tmp_path: Path) -> None:
    target = folder / "0003-cache-the-catalogue.md"
    assert len(findings(folder, target, cache=tmp_path / "cache")) == 1
    assert len(findings(folder, target, cache=tmp_path / "cache")) == 1  # from the cache
    with (folder / "README.md").open("a") as index:
        index.write("* [Cache the catalogue](0003-cache-the-catalogue.md)\n")
    assert findings(folder, target, cache=tmp_path / "cache") == []


def test_a_long_lived_linter_reads_the_index_again_once_told_it_changed(folder: Path) -> None:
    # the language server keeps one linter and tells it which files were saved
    linter = Linter.create(Configuration(Settings(), None, folder.parent.parent),
                           Selection(pack=NYGARD, select=("AL305",)))
    target = folder / "0003-cache-the-catalogue.md"
    assert len(linter.lint_file(target)) == 1
    with (folder / "README.md").open("a") as index:
        index.write("* [Cache the catalogue](0003-cache-the-catalogue.md)\n")
    linter.forget(folder / "README.md")
    assert linter.lint_file(target) == []
