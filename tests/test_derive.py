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
from archlint.markdown import parser
from archlint.template import derive, outline, packs

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


def test_a_note_above_the_title_does_not_make_a_template_prompt_in_comments() -> None:
    note = "<!-- Remember to list your proposal in the index of proposals. -->\n\n"
    body = ("# Proposal title\n\n## Summary\n\nOne paragraph on what changes.\n\n"
            "## Drawbacks\n\nWhy should we not do this?\n")
    pack = derive.derive(note + body, "proposal")
    # its sections' prose is what to replace, as without the note
    assert pack.prompts == derive.derive(body, "proposal").prompts == (
        "One paragraph on what changes.", "Why should we not do this?")
    assert pack.boilerplate == ()
    # a comment in a section does make it one: its visible text is then boilerplate
    commented = body.replace("## Drawbacks\n", "## Drawbacks\n\n<!-- Say what it costs. "
                             "Who loses what? -->\n")
    pack = derive.derive(commented, "proposal")
    assert pack.comment_prompts == ("Say what it costs. Who loses what?",)
    assert "Why should we not do this?" in pack.boilerplate


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


def test_a_prose_template_s_filled_form_line_is_boilerplate():
    from archlint.template.derive import derive

    pack = derive("Title\n----\n* Approver: markdroth\n* Implemented in: <language, ...>\n"
                  "* Last updated: [YYYY-MM-DD]\n\nDate: DATE\n\n## Abstract\n\n"
                  "A short summary of the proposal.\n", "grfc")
    assert "Approver: markdroth" in pack.boilerplate
    assert {"Implemented in: <language, ...>", "Last updated: [YYYY-MM-DD]", "Date: DATE",
            "A short summary of the proposal."} <= set(pack.prompts)


def test_a_prose_template_s_sentence_with_blanks_is_boilerplate():
    from archlint.template.derive import derive

    pack = derive("# Self-assessment\n\n## Use\n\nThis document serves to provide [project] "
                  "users with an initial understanding of [project]'s security.\n\n"
                  "## Goals\n\nThe intended goals of the project.\n", "sa")
    assert pack.prompts == ("The intended goals of the project.",)
    assert pack.boilerplate[0].startswith("This document serves to provide [project]")


def test_an_answer_that_negates_the_prompt_is_not_the_prompt():
    from archlint.template.promptindex import PromptIndex

    index = PromptIndex(["Compliance. List any security standards or sub-sections the "
                         "project is already documented as meeting (PCI-DSS, ISO, etc.)."])
    answer = "There are no security standards or sub-sections the project is already " \
             "documented as meeting."
    assert index.match(answer, 0.8) is None
    kept = "List any security standards or sub-sections the project is already " \
           "documented as meeting."
    assert index.match(kept, 0.8) is not None


def test_a_not_deep_inside_an_older_version_of_a_prompt_is_no_answer():
    from archlint.template.promptindex import PromptIndex

    index = PromptIndex(["Production readiness reviews are intended to ensure that features "
                         "are observable and supportable. The questionnaire must be completed "
                         "and approved for the KEP to move to implementable status."])
    older = ("Production readiness reviews are intended to ensure that features are "
             "observable and supportable. The questionnaire must be completed, but approval "
             "is not required to move to implementable status.")
    assert index.match(older, 0.8) is not None


def test_a_text_asked_about_again_is_answered_without_reading_it_again(monkeypatch):
    from archlint.template import promptindex

    index = promptindex.PromptIndex(["Describe the goals of the proposal and how success "
                                     "will be measured."])
    read = []
    real_words = promptindex.words
    monkeypatch.setattr(promptindex, "words", lambda text: read.append(text) or real_words(text))
    kept = "Describe the goals of the proposal and how success will be measured."
    own = "The goals are faster start-up and a smaller image, measured in CI."
    first = [index.match(kept, 0.8), index.match(own, 0.8)]
    again = [index.match(kept, 0.8), index.match(own, 0.8)]
    assert first == again and first[0] is not None and first[1] is None
    assert read == [kept, own]  # each text read once
    assert index.match(kept, 0.99) is not None and read[-1] == kept  # another question


def derived_optional(template: str) -> tuple[list[str], list[str], list[str]]:
    """The derived pack's required, optional and slot sections."""
    pack = derive.derive(textwrap.dedent(template), "t")
    required, optional = split(pack)
    return required, optional, [s.title for s in pack.sections if s.slot]


def test_optional_marker_on_the_heading_line():
    required, optional, _ = derived_optional("""\
        # [short title]

        ## Context and Problem Statement

        Describe the context.

        ## Decision Drivers <!-- optional -->

        * [driver 1]

        ## Links <!-- optional -->
        """)
    assert required == ["Context and Problem Statement"]
    assert optional == ["Decision Drivers", "Links"]


@pytest.mark.parametrize("opening", [
    "Optional, but suggested: who reviewed the decision.",
    "Omit this section if it is not applicable.",
    "[Name the flags. This section may be omitted if there are none.]",
    "*This section is optional.*",
    "<!-- Optional. Remove when there is nothing to say. -->",
    "> Optional, but suggested for first drafts. What is still open?",  # quoted guidance
])
def test_a_section_whose_opening_says_it_is_optional(opening):
    required, optional, _ = derived_optional(f"""\
        # Title

        ## Summary

        One paragraph.

        ## Reviewers

        {opening}

        More guidance.
        """)
    assert (required, optional) == (["Summary"], ["Reviewers"])


@pytest.mark.parametrize("opening", [
    "List the optional features and who may turn them on.",
    "- [Optional] Aggregation method:",
    "Describe the design.\n\n        Remove this section if it is not applicable.",
])
def test_optional_said_elsewhere_leaves_the_section_required(opening):
    required, optional, _ = derived_optional(f"""\
        # Title

        ## Summary

        One paragraph.

        ## Features

        {opening}
        """)
    assert (required, optional) == (["Summary", "Features"], [])


def test_slot_headings():
    required, optional, slots = derived_optional("""\
        # {short title}

        ## Considered Options

        ## Pros and Cons of the Options

        ### [option 1]

        ### {title of option 2}

        ## Runtime View

        ## \\<Runtime Scenario n\\>

        ## …

        ## Quality

        ### Significant area 1

        ### Significant area 2

        #### Constraint 1

        #### Constraint 2
        """)
    assert required == ["Considered Options", "Pros and Cons of the Options",
                        "Runtime View", "Quality"]
    assert slots == optional == [
        "[option 1]", "{title of option 2}", "<Runtime Scenario n>", "…",
        "Significant area 1", "Significant area 2", "Constraint 1", "Constraint 2"]


def test_a_numbered_heading_without_a_sibling_is_no_slot():
    required, _, slots = derived_optional("# T\n\n## Phase 1\n\n## Rollout\n\n## Level 2\n")
    assert required == ["Phase 1", "Rollout", "Level 2"] and slots == []


def test_a_setext_title_placeholder_is_the_title():
    pack = derive.derive("Title\n----\n* Author(s): [names]\n\n## Abstract\n\n"
                         "[A summary.]\n\n## Proposal\n\n[The change.]\n", "grfc")
    assert pack.title == "Title"
    assert [s.title for s in pack.sections] == ["Abstract", "Proposal"]


def test_a_derived_pack_s_slots_survive_toml(tmp_path: Path):
    pack = derive.derive("# T\n\n## Options\n\n### Option 1\n\n### Option 2\n", "t")
    assert [s.slot for s in pack.sections] == [False, True, True]
    (tmp_path / "t.toml").write_text(pack.to_toml(), encoding="utf-8")
    assert packs.load_file(tmp_path / "t.toml") == pack


def test_a_heading_that_only_groups_sections_may_be_left_out():
    pack = derive.derive(textwrap.dedent("""\
        # Self-assessment

        Fill in each section.

        ## Outline

        ### Metadata

        A table.

        ### Overview

        What the project does.

        ## Appendix

        Anything else.
        """), "assessment")
    assert [s.title for s in pack.sections if s.group] == ["Outline"]
    linter_text = "# Widget self-assessment\n\n## Metadata\n\nA.\n\n## Appendix\n\nB.\n"
    from archlint.testing import run_rule

    assert [p.message for p in run_rule("AL201", linter_text, pack=pack)] == [
        'required section "Overview" is missing (rule pack assessment)']
    # with none of its sections there, the part is missing: told once, by its heading
    assert [p.message for p in run_rule("AL201", "# Widget\n\n## Appendix\n\nB.\n",
                                        pack=pack)] == [
        'required section "Outline" is missing (rule pack assessment)']


def test_a_heading_without_text_is_no_section_of_the_derived_pack(tmp_path: Path) -> None:
    template = tmp_path / "template.md"
    template.write_text("# My Template\n\n## Goals\n\n##\n\n## Risks\n\n### \n")
    pack = derive.derive_file(template)
    assert [s.title for s in pack.sections] == ["Goals", "Risks"]
    (tmp_path / "pack.toml").write_text(pack.to_toml())
    assert packs.load_file(tmp_path / "pack.toml") == pack  # it loads back as it is


# A decision-record template whose guidance is a block quote of examples, as teams write
# their own (re-created in small).
QUOTED_GUIDANCE = """\
# 1. Title

## Status

[Proposed, Accepted]

## Decision

## Impact

[Positive, Neutral, Negative]

> Say whether the decision makes things better or worse, and why.
> ### Positive example
>   * Decision: cache the responses.
>   * Impact:
>      * Positive. Fewer calls.
> ### Neutral example
>   * Decision: rename a module.
>   * Impact:
>      * Neutral
"""


def test_a_heading_in_a_block_quote_is_guidance_not_a_section() -> None:
    pack = derive.derive(QUOTED_GUIDANCE, "record")
    assert [s.title for s in pack.sections] == ["Status", "Decision", "Impact"]
    impact = pack.sections[-1]
    assert "cache the responses" in impact.about and "rename a module" in impact.about


def test_an_answer_the_template_offers_is_no_prompt() -> None:
    pack = derive.derive(QUOTED_GUIDANCE, "record")
    assert "Neutral" not in pack.prompts  # offered in [Positive, Neutral, Negative]
    assert "Decision: rename a module." in pack.prompts  # a sentence of guidance is one
    # a word alone that is no offered answer stays a prompt (arc42's lists of help)
    listed = derive.derive("# T\n\n## Strategy\n\nThese include:\n\n- Technologies\n", "t")
    assert "Technologies" in listed.prompts


def test_an_answer_that_is_the_templates_example_word_is_the_authors(tmp_path: Path) -> None:
    (tmp_path / "template.md").write_text(QUOTED_GUIDANCE)
    record = tmp_path / "0002-rename.md"
    record.write_text("# 2. Rename the module\n\n## Status\n\nAccepted\n\n## Decision\n\n"
                      "We rename it.\n\n## Impact\n\nNeutral\n")
    settings = Settings(documents=(DocumentKind(paths=("0*.md",), template="template.md"),))
    linter = Linter.create(Configuration(settings, tmp_path / "archlint.toml", tmp_path))
    assert linter.lint_file(record) == []  # no example section asked for, no prompt left in


def test_emphasis_marks_left_as_text_around_a_heading_are_not_its_title() -> None:
    # "**Metrics **": the second "**" follows a space, so neither is bold, both text
    pack = derive.derive("# [Title]\n\n## **Summary**\n\nWhat?\n\n## **Metrics **\n\n"
                         "Which metrics?\n", "rfc")
    assert [s.title for s in pack.sections] == ["Summary", "Metrics"]
    from archlint.template import titles

    assert titles.normalize("__Metrics __") == titles.normalize("Metrics")
    # a title that only begins or ends with a mark keeps it
    assert titles.unwrapped("*nix support") == "*nix support"
    from archlint.testing import run_rule

    [problem] = run_rule("AL201", "# Faster search\n\n## Summary\n\nIndex titles.\n",
                         pack=pack)
    assert '"Metrics" is missing' in problem.message


QUOTED_PROMPTS = ("# (Proposal title)\n\n## Summary\n\n> One paragraph explanation of the "
                  "change.\n\n## Drawbacks\n\n> Why should we *not* do this? Please "
                  "consider the cost of teaching it.\n")


def test_a_template_that_quotes_its_prompts_has_them_reported_when_kept_quoted(
        tmp_path: Path) -> None:
    from archlint.testing import run_rule

    pack = derive.derive(QUOTED_PROMPTS, "rfc")
    assert pack.quoted_prompts
    kept = ("# One-click pay\n\n## Summary\n\nPay in one click.\n\n## Drawbacks\n\n> Why "
            "should we *not* do this? Please consider the cost of teaching it.\n")
    assert [p.line for p in run_rule("AL101", kept, pack=pack)] == [9]
    # the pack says so in its TOML, and reads it back
    assert "quoted-prompts = true" in pack.to_toml()
    (tmp_path / "rfc.toml").write_text(pack.to_toml(), encoding="utf-8")
    assert packs.load_file(tmp_path / "rfc.toml") == pack
    # a template with its prompts in plain paragraphs: a quote of one is a citation
    plain = derive.derive(QUOTED_PROMPTS.replace("> ", ""), "rfc")
    assert not plain.quoted_prompts and "quoted-prompts" not in plain.to_toml()
    assert run_rule("AL101", kept, pack=plain) == []


def test_a_bold_label_and_a_line_to_leave_as_it_is_may_stay() -> None:
    pack = derive.derive("- Start Date: (fill me in with today's date)\n"
                         "- Tracking PR: (leave this empty)\n\n# [Title]\n\n**Authors:**\n"
                         "* @nickname\n\n## Summary\n\n**Inhalt**\n\nWhat it is.\n\n"
                         "Die Verteilungssicht beschreibt:\n\n* Knoten\n", "rfc")
    # the label above the list of authors, and a field the maintainers fill in later
    assert {"Authors:", "Tracking PR: (leave this empty)"} <= set(pack.boilerplate)
    assert not {"Authors:", "Tracking PR: (leave this empty)"} & set(pack.prompts)
    # a heading of the guidance and a sentence opening a list of it are guidance
    assert {"Inhalt", "Die Verteilungssicht beschreibt:", "What it is."} <= set(pack.prompts)
    from archlint.testing import run_rule

    kept = ("- Start Date: 2024-03-01\n- Tracking PR: (leave this empty)\n\n# Fast pay\n\n"
            "**Authors:**\n* @ana\n\n## Summary\n\nOne click.\n")
    assert run_rule("AL101", kept, pack=pack) == []


def test_a_form_line_offering_answers_is_no_prompt() -> None:
    from archlint.testing import run_rule

    pack = derive.derive("- Target Major Version: (2.x / 3.x)\n- Status: [Draft | Final]\n\n"
                         "# Summary\n\nWhat it is.\n", "rfc")
    assert not {"Target Major Version: (2.x / 3.x)", "Status: [Draft | Final]"} & set(
        pack.prompts)
    chosen = "- Target Major Version: 3.x\n- Status: Final\n\n# Summary\n\nOne click.\n"
    assert run_rule("AL101", chosen, pack=pack) == []


MADR2 = """\
# [short title of solved problem and solution]

* Status: [proposed | accepted | deprecated] <!-- optional -->

## Context and Problem Statement

[Describe the context and problem statement, in two or three sentences.]

## Considered Options

* [option 1]
* [option 2]
* … <!-- more options may follow -->

## Decision Outcome

Chosen option: "[option 1]", because [justification, e.g. the only option that fits].

- [ ] Reviewed by the team
- [Optional] Review date:

## Pros and Cons of the Options <!-- optional -->

### [option 1]

* Good, because [argument a]

### [option 2]

* Good, because [argument b]
"""


def test_a_template_with_a_note_in_a_comment_keeps_its_bracketed_blanks_as_prompts() -> None:
    # one comment ("more options may follow") makes it a template that prompts in
    # comments; its visible prompts are still the text with blanks in square brackets
    pack = derive.derive(MADR2, "adr")
    assert {"[Describe the context and problem statement, in two or three sentences.]",
            "[option 1]", 'Chosen option: "[option 1]", because [justification, e.g. the '
            "only option that fits]."} <= set(pack.prompts)
    # a field offering answers, a task box and a marker are no blanks to fill
    assert {"Status: [proposed | accepted | deprecated]", "[ ] Reviewed by the team",
            "[Optional] Review date:"} <= set(pack.boilerplate)
    from archlint.testing import run_rule

    kept = ("# Pick a search engine\n\n* Status: accepted\n\n## Context and Problem "
            "Statement\n\n[Describe the context and problem statement, in two or three "
            "sentences.]\n\n## Considered Options\n\n* Solr\n* Elastic\n\n## Decision Outcome"
            "\n\nChosen option: \"Solr\", because it is hosted.\n")
    assert [p.line for p in run_rule("AL101", kept, pack=pack)] == [7]


def test_a_document_s_title_fills_no_slot() -> None:
    from archlint.testing import run_rule

    pack = derive.derive(MADR2, "adr")
    record = ("# Name the images after their stack\n\n## Context and Problem Statement\n\n"
              "Users cannot tell the images apart.\n\n## Considered Options\n\n* stack\n* app"
              "\n\n## Decision Outcome\n\nChosen option: \"stack\", because it says what is "
              "inside.\n")
    placements = outline.place(parser.parse(record), pack)
    assert all(p.section is None or p.section.line != 1 for p in outline.walk(placements))
    assert run_rule("AL201", record, pack=pack) == []
