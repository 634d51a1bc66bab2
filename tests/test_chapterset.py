"""A documentation set written one chapter per file (arc42 as it is published and used):
checked as one, whichever of its files are named.

fixtures/chapterset holds two small sets written for these tests: `docs/arch`, in
English, with an index (README.md), chapters whose headings reword the template's
("Key Stakeholders", "Level 1 — Overview"), and a decision record in a sub-folder; and
`kapitel`, in German, without an index, one chapter known only by its file name.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

from archlint.config import Configuration, Settings
from archlint.engine import Linter, Selection
from archlint.engine.cache import Cache, Dependencies, RecordingSets
from archlint.template import docsets, packs

ARC42 = packs.builtin("arc42")
MISSING_EN = ["Architecture Decisions", "Cross-cutting Concepts", "Deployment View",
              "Glossary", "Quality Requirements", "Risks and Technical Debts",
              "Runtime View", "Solution Strategy"]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "chapterset"
    shutil.copytree(FIXTURES / "chapterset", root)
    return root


def linter_for(root: Path) -> Linter:
    return Linter.create(Configuration(Settings(), None, root),
                         Selection(pack=ARC42, select=("AL201",)))


def findings(root: Path, *paths: Path) -> list[tuple[str, str]]:
    linter = linter_for(root)
    diagnostics, _ = linter.lint_paths(list(paths) or [root])
    return [(d.path.replace("\\", "/").split("chapterset/", 1)[-1], d.message)
            for d in diagnostics]


def set_message(title: str) -> str:
    return (f'required section "{title}" is missing from the documentation set in this '
            f"folder (rule pack arc42)")


def test_the_set_is_checked_as_one(tree: Path) -> None:
    found = findings(tree / "docs")
    # no chapter file is told that its siblings' chapters are missing; the chapters no
    # file holds are told once, on the set's index
    assert found == [("docs/arch/README.md", set_message(title)) for title in MISSING_EN]


@pytest.mark.parametrize("name", ["01_introduction_and_goals.md",
                                  "02_architecture_constraints.md",
                                  "05_building_block_view.md", "decisions/0001-use-postgres.md"])
def test_one_file_named_is_judged_with_its_siblings(tree: Path, name: str) -> None:
    # as pre-commit and --since name only the changed files
    assert findings(tree, tree / "docs" / "arch" / name) == []


def test_the_index_named_alone_tells_the_set_s_missing_chapters(tree: Path) -> None:
    found = findings(tree, tree / "docs" / "arch" / "README.md")
    assert len(found) == 8


def test_a_set_without_an_index_reports_on_its_first_chapter_in_another_language(
        tree: Path) -> None:
    found = findings(tree / "kapitel")
    assert {path for path, _ in found} == {"kapitel/01_einfuehrung.md"}
    titles = [m.split('"')[1] for _, m in found]
    # Einführung und Ziele, Randbedingungen (known by its file name) and Glossar are there
    assert "Introduction and Goals" not in titles
    assert "Architecture Constraints" not in titles
    assert "Glossary" not in titles
    assert len(titles) == 9


def test_a_missing_sub_section_is_still_reported_in_its_chapter(tree: Path) -> None:
    chapter = tree / "docs" / "arch" / "01_introduction_and_goals.md"
    text = chapter.read_text()
    start = text.index("## Top Quality Goals")
    chapter.write_text(text[:start] + text[text.index("\n## ", start + 1) + 1:])
    assert findings(tree, chapter) == [
        ("docs/arch/01_introduction_and_goals.md",
         'required section "Quality Goals" is missing under "1. Introduction and Goals" '
         "(rule pack arc42)")]


def test_a_renamed_sub_section_in_a_chapter_is_left_to_al204(tree: Path) -> None:
    chapter = tree / "docs" / "arch" / "01_introduction_and_goals.md"
    chapter.write_text(chapter.read_text().replace("## Top Quality Goals", "## Budget"))
    assert findings(tree, chapter) == []  # "Budget" stands where Quality Goals would
    linter = Linter.create(Configuration(Settings(), None, tree),
                           Selection(pack=ARC42, select=("AL204",)))
    [found] = linter.lint_paths([chapter])[0]
    assert found.message.startswith('required section "Quality Goals" is not found by its '
                                    'title under "1. Introduction and Goals"')


def test_a_file_holding_most_chapters_is_a_document_of_its_own(tree: Path) -> None:
    # a single-file arc42 document (here: a copy of the template) next to the chapters
    whole = tree / "docs" / "arch" / "arc42-template.md"
    shutil.copy(FIXTURES / "packs" / "arc42" / "template.md", whole)
    assert docsets.SetIndex().set_of(whole, ARC42) is None
    assert findings(tree, whole) == []
    # and it does not count for the set: the index still tells what the set lacks
    assert len(findings(tree, tree / "docs" / "arch" / "README.md")) == 8


def test_a_lone_chapter_file_is_checked_alone(tmp_path: Path) -> None:
    (tmp_path / "02_constraints.md").write_text("# Architecture Constraints\n\nNone.\n")
    [(_, message)] = findings(tmp_path)
    # no set: one file holding one chapter of twelve lacks the others, told once
    assert message.startswith("only 1 of the 12 sections that rule pack arc42 requires "
                              "is here under its title; not found: ")
    assert message.count('"') == 22


def test_a_pack_without_chapter_files_sees_no_set(tree: Path) -> None:
    assert docsets.SetIndex().set_of(tree / "docs" / "arch" / "02_architecture_constraints.md",
                                     packs.builtin("madr")) is None


def test_a_chapter_added_to_a_sibling_is_seen_by_a_cached_run(tree: Path, tmp_path: Path
                                                              ) -> None:
    def cached_run() -> list[str]:
        linter = linter_for(tree)
        cache = Cache(tmp_path / "cache", linter.settings_key())
        diagnostics, _ = linter.lint_paths([tree / "docs"], 1, cache)
        return [d.message for d in diagnostics]

    assert len(cached_run()) == 8
    (tree / "docs" / "arch" / "12_glossary.md").write_text("# Glossary\n\nParcel: a box.\n")
    assert len(cached_run()) == 7
    strategy = tree / "docs" / "arch" / "02_architecture_constraints.md"
    strategy.write_text(strategy.read_text() + "\n# Solution Strategy\n\nSmall services.\n")
    assert len(cached_run()) == 6


def test_status_reports_per_set_and_per_document(tree: Path) -> None:
    from archlint.report import status as report
    from archlint.template.completeness import sets

    linter = linter_for(tree)
    statuses = [linter.assess_file(path) for path in linter.discover([tree / "docs"])]
    by_name = {Path(s.path).name: s for s in statuses}
    chapter = by_name["03_context_and_scope.md"]
    assert [(s.title, s.state.value) for s in chapter.sections] == [
        ("Context and Scope", "done"), ("Business Context", "done"),
        ("Technical Context", "done")]
    index = by_name["README.md"]
    assert [s.title for s in index.sections] == [
        "Solution Strategy", "Runtime View", "Deployment View", "Cross-cutting Concepts",
        "Architecture Decisions", "Quality Requirements", "Risks and Technical Debts",
        "Glossary"]
    [summary] = sets(statuses)
    assert (len(summary.chapters), len(summary.present), summary.files) == (12, 4, 6)
    text = report.text(statuses, color=False)
    assert "(documentation set, rule pack arc42): 4 of 12 chapters present" in text
    assert "prompts not known: configure your template file" in text


def test_status_lists_for_a_file_only_the_chapters_the_set_counts_from_it(tree: Path
                                                                         ) -> None:
    # the decision record's "## Context" and "## Decision" reword two chapters inside
    # the file, but they are no chapters of the set: its status does not claim them
    from archlint.report import status as report

    linter = linter_for(tree)
    record = linter.assess_file(tree / "docs" / "arch" / "decisions" / "0001-use-postgres.md")
    assert record.sections == () and record.docset is not None
    assert report.text([record], color=False).startswith(
        f"{record.path}: holds no chapter (rule pack arc42; documentation set ")
    # a chapter known only by the file's name is the file's all the same
    by_name = linter.assess_file(tree / "kapitel" / "02_randbedingungen.md")
    assert by_name.sections == ()
    assert report.text([by_name], color=False).startswith(
        f"{by_name.path}: holds Architecture Constraints (by its name) (rule pack arc42")


def test_set_and_order_settings_survive_toml(tmp_path: Path) -> None:
    from dataclasses import replace

    pack = replace(packs.builtin("nygard-adr"), chapter_files=True)
    assert pack.free_order == ("Status",) and not pack.prompts_known
    (tmp_path / "p.toml").write_text(pack.to_toml(), encoding="utf-8")
    assert packs.load_file(tmp_path / "p.toml") == pack


def test_status_json_says_the_set_and_that_prompts_are_not_known(tree: Path) -> None:
    import json

    from archlint.report import status as report

    linter = linter_for(tree)
    chapter = linter.assess_file(tree / "docs" / "arch" / "02_architecture_constraints.md")
    [data] = json.loads(report.json_array([chapter], color=False))
    assert data["prompts_known"] is False
    assert data["set"].endswith("docs/arch")


def test_a_folder_of_records_has_an_index_that_is_no_record(tmp_path: Path) -> None:
    # fixtures/adrfolder: two Nygard records (one in Nygard's own order, Status after
    # the Decision) and the README that lists them
    shutil.copytree(FIXTURES / "adrfolder", tmp_path / "adr")
    linter = Linter.create(Configuration(Settings(), None, tmp_path),
                           Selection(pack=packs.builtin("nygard-adr"), select=("AL2",)))
    found = [(Path(d.path).name, d.code, d.message)
             for d in linter.lint_paths([tmp_path / "adr"])[0]]
    assert found == [("0002-keep-one-database.md", "AL201",
                      'required section "Consequences" is missing (rule pack nygard-adr)')]
    # with one record left beside it, the README is just a document given the pack
    (tmp_path / "adr" / "0002-keep-one-database.md").unlink()
    found = [Path(d.path).name for d in linter.lint_paths([tmp_path / "adr"])[0]]
    assert found == ["README.md"]


def test_a_chapter_reworded_at_a_file_s_top_counts_for_the_set(tree: Path) -> None:
    # the records' index headed by a rewording of the chapter's title, as it counts
    # inside a file ("Architecture Decision Records" for "Architecture Decisions")
    (tree / "docs" / "arch" / "decisions" / "index.md").write_text(
        "# 9. Architecture Decision Records\n\n- [Use PostgreSQL](0001-use-postgres.md)\n")
    found = findings(tree / "docs")
    assert found == [("docs/arch/README.md", set_message(title))
                     for title in MISSING_EN if title != "Architecture Decisions"]
    # whichever file is named: the chapter file itself, or the index alone
    assert findings(tree, tree / "docs" / "arch" / "decisions" / "index.md") == []
    assert len(findings(tree, tree / "docs" / "arch" / "README.md")) == 7


def test_a_reworded_heading_below_a_file_s_top_is_no_chapter_of_the_set(tree: Path
                                                                         ) -> None:
    # the decision record's "## Context" and "## Decision" are no chapters, though
    # inside one file they would reword "Context and Scope" and "Architecture
    # Decisions"; the set still lacks chapter 9
    (tree / "docs" / "arch" / "03_context_and_scope.md").unlink()
    found = [m.split('"')[1] for _, m in findings(tree / "docs")]
    assert "Architecture Decisions" in found
    assert "Context and Scope" in found


def test_a_top_heading_alike_to_two_chapters_stands_for_neither(tree: Path) -> None:
    # "Architecture Documentation" shares a word with both "Architecture Constraints"
    # and "Architecture Decisions": it is neither
    (tree / "docs" / "arch" / "02_architecture_constraints.md").unlink()
    readme = tree / "docs" / "arch" / "README.md"
    readme.write_text(readme.read_text().replace("# Architecture of the Parcel Tracker",
                                                 "# Architecture Documentation"))
    found = [m.split('"')[1] for _, m in findings(tree / "docs")]
    assert "Architecture Decisions" in found
    assert "Architecture Constraints" in found


def test_a_set_asked_for_again_in_one_check_is_the_same_and_recorded_the_same(
        tree: Path) -> None:
    chapter = tree / "docs" / "arch" / "02_architecture_constraints.md"
    once, twice = Dependencies(), Dependencies()
    first = RecordingSets(docsets.SetIndex(), once).set_of(chapter, ARC42)
    sets = RecordingSets(docsets.SetIndex(), twice)
    assert sets.set_of(chapter, ARC42) is sets.set_of(chapter, ARC42)  # remembered
    assert first is not None and sets.set_of(chapter, ARC42) == first
    assert twice == once and once.names and once.anchors
