"""Deriving rule packs from templates, and using them."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import FIXTURES

import archlint
from archlint.config import Configuration, DocumentKind, Settings
from archlint.engine import Linter
from archlint.errors import ConfigError
from archlint.template import derive, packs

PROCESS_VIEW = FIXTURES / "process-view" / "process-view.md"
KEP = FIXTURES / "packs" / "kep" / "template.md"
RUST_RFC = FIXTURES / "packs" / "rust-rfc" / "template.md"


def split(pack: packs.Pack) -> tuple[list[str], list[str]]:
    required = [s.title for s in pack.sections if s.required]
    optional = [s.title for s in pack.sections if not s.required]
    return required, optional


def test_process_view_italic_prompts_and_example_section() -> None:
    pack = derive.derive_file(PROCESS_VIEW)
    assert pack.title == "Process View"
    assert split(pack) == (
        ["Processing pipelines", "State models", "Dynamic interactions",
         "Streaming components", "Data consistency strategies", "Related sections"],
        ["Avoiding 2-Phase Commit", "Why 2-Phase Commit (2PC) is problematic",
         "General approach", "Special considerations for XXX"])
    assert [s.title for s in pack.sections if s.example] == split(pack)[1]
    assert len(pack.prompts) == 10 and pack.comment_prompts == ()
    assert "Discuss significant state models" in pack.prompts
    assert set(pack.placeholders) == {"xxx", "XXX"}


def test_kep_comment_prompts_and_optional_headings() -> None:
    pack = derive.derive_file(KEP)
    required, optional = split(pack)
    assert optional == ["User Stories (Optional)", "Story 1 (Optional)", "Story 2 (Optional)",
                        "Notes/Constraints/Caveats (Optional)",
                        "Infrastructure Needed (Optional)"]
    assert len(required) == 51 and required[:4] == [
        "Release Signoff Checklist", "Summary", "Motivation", "Goals"]
    assert pack.prompts == () and len(pack.comment_prompts) == 56
    assert pack.placeholders == ("NNNN",)
    goals = next(node for node in pack.outline if node.spec.title == "Motivation")
    assert [child.spec.title for child in goals.children] == ["Goals", "Non-Goals"]


def test_rust_rfc_prose_prompts_and_fill_me_in() -> None:
    pack = derive.derive_file(RUST_RFC)
    assert pack.title == ""
    assert split(pack) == (
        ["Summary", "Motivation", "Guide-level explanation", "Reference-level explanation",
         "Drawbacks", "Rationale and alternatives", "Prior art", "Unresolved questions",
         "Future possibilities"], [])
    assert "One paragraph explanation of the feature." in pack.prompts
    assert "Why should we not do this?" in pack.prompts
    assert pack.placeholders == ("(fill me in",)


def test_madr_style_optional_comment_and_brace_placeholders() -> None:
    template = textwrap.dedent("""\
        # {short title of the decision}

        ## Context and Problem Statement

        {Describe the context and problem statement in two or three sentences.}

        <!-- This is an optional element. Feel free to remove. -->
        ## Decision Drivers

        * {decision driver 1, e.g., a force, facing concern, …}

        ## Considered Options

        * {title of option 1}

        ## Decision Outcome

        Chosen option: "{title of option 1}", because {justification}.

        <!-- This is an optional element. Feel free to remove. -->
        ## More Information

        {You might want to provide additional evidence about the decision.}
        """)
    pack = derive.derive(template, "madr")
    assert split(pack) == (["Context and Problem Statement", "Considered Options",
                            "Decision Outcome"], ["Decision Drivers", "More Information"])
    assert pack.title == "{short title of the decision}"
    assert not pack.matches_title("Use PostgreSQL")  # a title of placeholders selects nothing


def test_arc42_style_label_help_is_prose_prompts() -> None:
    template = textwrap.dedent("""\
        # Introduction and Goals

        **Contents**

        The requirements and forces that the architects must consider.

        ## Quality Goals

        **Contents**

        The three to five most important quality goals for the stakeholders.

        # Cross-cutting Concepts

        ## \\<Concept 1\\>

        *\\<explanation\\>*
        """)
    pack = derive.derive(template, "arc42-mini")
    assert pack.title == ""  # two level-1 chapters: no document title
    assert [(s.title, s.level) for s in pack.sections] == [
        ("Introduction and Goals", 1), ("Quality Goals", 2), ("Cross-cutting Concepts", 1),
        ("<Concept 1>", 2)]
    assert "The three to five most important quality goals for the stakeholders." in pack.prompts


def test_round_trip_through_toml(tmp_path: Path) -> None:
    for template in (PROCESS_VIEW, KEP, RUST_RFC):
        pack = derive.derive_file(template)
        path = tmp_path / f"{pack.name}.toml"
        path.write_text(pack.to_toml(), encoding="utf-8")
        assert packs.load_file(path) == pack


@pytest.mark.parametrize("name", packs.builtin_names())
def test_built_in_packs_read_without_validation_are_valid(name: str) -> None:
    """Built-in packs are read without pydantic; validated, each is the same pack."""
    path = packs._builtin_folder() / f"{name}.toml"
    assert packs.builtin(name) == packs.load_file(path)


def test_a_pack_file_with_a_wrong_level_names_the_section(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('name = "p"\n[[sections]]\ntitle = "A"\nlevel = 9\n')
    with pytest.raises(ConfigError, match=r"p\.toml: sections\.0: level 9 is not a heading"):
        packs.load_file(path)


def test_schema_derive_command_prints_loadable_toml(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "archlint", "schema", "derive",
                             str(PROCESS_VIEW), "--name", "pv"], capture_output=True,
                            text=True, check=True)
    (tmp_path / "pv.toml").write_text(result.stdout)
    pack = packs.load_file(tmp_path / "pv.toml")
    assert pack.name == "pv" and pack == dataclasses.replace(
        derive.derive_file(PROCESS_VIEW), name="pv")


def test_a_template_in_configuration_is_derived_and_applied(tmp_path: Path) -> None:
    (tmp_path / "template.md").write_text("# Context View\n\n## Actors\n\n_List the actors_\n"
                                          "\n## Interfaces\n\n_Describe each interface_\n")
    (tmp_path / "views").mkdir()
    view = tmp_path / "views" / "ctx.md"
    view.write_text("# Context\n\n## Actors\n\nList the actors.\n")
    settings = Settings(documents=(DocumentKind(paths=("views/*.md",), template="template.md"),))
    linter = Linter.create(Configuration(settings, tmp_path / "archlint.toml", tmp_path))
    assert [(d.code, d.line) for d in linter.lint_file(view)] == [
        ("AL201", 1), ("AL202", 3), ("AL101", 5)]
    assert "Interfaces" in linter.lint_file(view)[0].message


REWRAPPED = """\
# Process View

## Processing pipelines

Many aspects of distributed
systems can be viewed as pipelines:   consider adding some
for your system here

## State models

*Discuss   significant state
models.*

## Dynamic interactions

discuss significant DYNAMIC interactions between components or systems

## Streaming components

Discuss the streaming components of the system

## Data consistency strategies

Discuss data read/write consistency and conflict resolution strategies, particularly
when using distributed/sharded databases

## Related sections

Add links to other design work on
the dynamic parts of the System.
"""


def test_rewrapped_prompts_are_all_still_reported() -> None:
    found = archlint.lint_text(REWRAPPED, settings=Settings(), select=["AL101"])
    assert [d.line for d in found] == [5, 11, 16, 20, 24, 29]


def test_own_text_that_quotes_a_few_template_words_is_not_reported() -> None:
    text = ("# Process View\n\n## State models\n\nThe significant state models are the "
            "order's life cycle and the courier's shift; both are persisted as events and "
            "rebuilt on start-up.\n")
    assert archlint.lint_text(text, settings=Settings(), select=["AL101"]) == []


@pytest.mark.parametrize("similarity, expected", [(0.8, 0), (0.3, 1)])
def test_similarity_option(similarity: float, expected: int) -> None:
    text = "# Process View\n\n## State models\n\nDiscuss the state models we actually use.\n"
    settings = Settings(rules={"template-prompt": {"similarity": similarity}})
    assert len(archlint.lint_text(text, settings=settings, select=["AL101"])) == expected


def test_a_heading_without_text_is_no_section_of_the_derived_pack(tmp_path: Path) -> None:
    template = tmp_path / "template.md"
    template.write_text("# My Template\n\n## Goals\n\n##\n\n## Risks\n\n### \n")
    pack = derive.derive_file(template)
    assert [s.title for s in pack.sections] == ["Goals", "Risks"]
    (tmp_path / "pack.toml").write_text(pack.to_toml())
    assert packs.load_file(tmp_path / "pack.toml") == pack  # it loads back as it is
