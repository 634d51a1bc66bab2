"""AL201 missing-section: a section the document's rule pack requires has no heading."""

import pytest

from archlint.template.packs import Pack, SectionSpec
from archlint.testing import run_rule

TINY = Pack(name="tiny", title="Tiny View", sections=(
    SectionSpec(title="Scope", aliases=("Purpose",)),
    SectionSpec(title="Decisions"),
    SectionSpec(title="Notes", required=False),
))


def found(text, pack=TINY):
    return [(p.line, p.column) for p in run_rule("AL201", text, pack=pack)]


def test_reports_each_missing_section_at_the_title():
    problems = run_rule("AL201", "# Tiny View\n\n## Notes\n", pack=TINY)
    assert [(p.line, p.column) for p in problems] == [(1, 3), (1, 3)]
    assert [p.message for p in problems] == [
        'required section "Scope" is missing (rule pack tiny)',
        'required section "Decisions" is missing (rule pack tiny)',
    ]


def test_reports_at_the_start_without_a_title():
    assert found("Intro.\n\n## Scope\n") == [(1, 1)]


def test_reports_after_front_matter_at_the_title():
    assert found("---\ntitle: x\n---\n# Tiny View\n## Scope\n") == [(4, 3)]


@pytest.mark.parametrize("text", [
    "# Tiny View\n## Range of the work\n## Decisions\n",
    "# Tiny View\n```\n## Scope\n```\n## Decisions\n",
    "# Tiny View\n<!-- ## Scope -->\n## Decisions\n",
])
def test_flags_scope_missing(text):
    assert found(text) == [(1, 3)]


@pytest.mark.parametrize("text", [
    "# Tiny View\n## Scope\n## Decisions\n",
    "# Tiny View\n# Scope\n## Decisions\n",  # chapters may be level 1 (arc42)
    "# Tiny View\n## 1. Scope\n## 2. Decisions:\n",
    "# Tiny View\n## 4.2 SCOPE\n## III. Decisions.\n",
    "# Tiny View\n## Purpose\n## Decisions\n",
    "# Tiny View\n## Scope {#scope}\n## *Decisions*\n",
])
def test_accepts_required_sections(text):
    assert found(text) == []


def test_ignores_documents_without_a_pack():
    assert found("# Tiny View\n\nNothing here.\n", pack=None) == []


def test_process_view_pack_accepts_numbered_titles_and_aliases():
    text = """\
# Process View
## 1. Pipelines
## 2. State Models:
## 3. Interactions
## 4. Streaming
## 5. Data   consistency
## 6. See also
"""
    assert found(text, pack="process-view") == []


def test_process_view_pack_does_not_require_the_example_section():
    problems = run_rule("AL201", "# Process View\n## Processing pipelines\n",
                        pack="process-view")
    titles = [p.message.split('"')[1] for p in problems]
    assert titles == ["State models", "Dynamic interactions", "Streaming components",
                      "Data consistency strategies", "Related sections"]


QUESTIONS = Pack(name="questions", title="Readiness", sections=(
    SectionSpec(title="Scalability"),
    SectionSpec(title="Will enabling the feature add new API calls?", level=3),
    SectionSpec(title="Upgrade / Downgrade Strategy", level=3),
))


@pytest.mark.parametrize("answer", [
    "* **Will enabling the feature add new API calls?**\n\n  No.",
    "- **Will enabling the feature add new API calls?** No.",
    "**Will enabling the feature\nadd new API calls?**\n\nNo.",
    "* **Will enabling the feature add new API calls? **\n  No.",  # not bold, but meant
])
def test_a_required_question_written_in_bold_under_its_parent_is_there(answer):
    """Older templates wrote their questions as bold list items, not headings."""
    text = f"# Readiness\n\n## Scalability\n\n{answer}\n\n### Upgrade/Downgrade Strategy\n\nOk.\n"
    assert found(text, QUESTIONS) == []


@pytest.mark.parametrize("text", [
    "# Readiness\n\n## Scalability\n\nWill enabling the feature add new API calls? No.\n",
    "# Readiness\n\n## Scalability\n\n* **New API calls?** No.\n",
    "# Readiness\n\n## Scalability\n\n**Will enabling the feature add new API callsites** "
    "are listed.\n",                                     # the title, but not as whole words
    "# Readiness\n\n**Will enabling the feature add new API calls?** No.\n\n## Scalability\n",
])
def test_a_question_not_in_bold_or_not_under_its_parent_is_still_missing(text):
    assert len(found(text + "\n### Upgrade / Downgrade Strategy\n\nOk.\n", QUESTIONS)) == 1


OVERVIEW = Pack(name="overview", sections=(
    SectionSpec(title="Overview"), SectionSpec(title="Background", level=3),
    SectionSpec(title="Goals", level=3)))


@pytest.mark.parametrize("item, missing", [
    ("* **Goal.**\n\n    The goal is a small widget.", []),  # the singular
    ("* **Goals:** a small widget.", []),
    ("* **Goalkeeper.** Ada.", ["Goals"]),  # another word
    ("* **Our goals** are small.", ["Goals"]),  # not the opening word
])
def test_a_bold_section_title_under_its_parent_may_be_singular(item, missing):
    text = f"# Widget\n\n## Overview\n\nA widget.\n\n* **Background.** Old.\n\n{item}\n"
    assert [p.message.split('"')[1] for p in run_rule("AL201", text, pack=OVERVIEW)] == missing


ARC = Pack(name="arc", sections=(
    SectionSpec(title="Introduction and Goals", level=1),
    SectionSpec(title="Quality Goals"), SectionSpec(title="Stakeholders"),
    SectionSpec(title="Building Block View", level=1),
    SectionSpec(title="Level 1"), SectionSpec(title="Level 2", required=False),
    SectionSpec(title="Decision Outcome", level=1),
    SectionSpec(title="Context and Problem Statement", level=1),
    SectionSpec(title="Architecture Constraints", level=1),
))


@pytest.mark.parametrize("heading, section", [
    ("## Key Stakeholders", "Stakeholders"),
    ("## Stakeholder", "Stakeholders"),
    ("## Top Quality Goals", "Quality Goals"),
    ("## Level 1 — Order Management", "Level 1"),
    ("## Level 1: Overview", "Level 1"),
    ("# Decision", "Decision Outcome"),
    ("# Context", "Context and Problem Statement"),
    ("# 2. Constraints", "Architecture Constraints"),
])
def test_a_reworded_heading_counts(heading, section):
    full = ("# Introduction and Goals\n## Quality Goals\n## Stakeholders\n"
            "# Building Block View\n## Level 1\n# Decision Outcome\n"
            "# Context and Problem Statement\n# Architecture Constraints\n")
    original = next(line for line in full.splitlines() if line.endswith(" " + section))
    text = full.replace(original, heading)
    assert run_rule("AL201", text, pack=ARC) == []


def test_a_missing_section_names_the_closest_heading_left():
    text = ("# Introduction and Goals\n## Quality Goals\n## Stakeholdres\n"
            "# Building Block View\n## Level 1\n# Decision Outcome\n"
            "# Context and Problem Statement\n# Architecture Constraints\n")
    [problem] = run_rule("AL201", text, pack=ARC)
    assert problem.message == (
        'required section "Stakeholders" is missing under "Introduction and Goals" '
        '(rule pack arc): not found; the closest is "Stakeholdres" (line 3)')


def test_no_closest_heading_when_none_is_alike():
    text = ("# Introduction and Goals\n## Quality Goals\n## Budget\n"
            "# Building Block View\n## Level 1\n# Decision Outcome\n"
            "# Context and Problem Statement\n# Architecture Constraints\n")
    [problem] = run_rule("AL201", text, pack=ARC)
    assert problem.message.endswith("(rule pack arc)")


def test_a_section_found_only_by_rewording_is_not_asked_for_its_sub_sections():
    pack = Pack(name="adr", sections=(
        SectionSpec(title="Context and Scope"), SectionSpec(title="Business Context", level=3),
        SectionSpec(title="Technical Context", level=3), SectionSpec(title="Decision")))
    assert found("# Use a queue\n## Context\n## Decision\n", pack) == []
    assert found("# Use a queue\n## Context and Scope\n## Decision\n", pack) == [(2, 4), (2, 4)]


OUTLINED = Pack(name="assessment", title="Self-assessment", sections=(
    SectionSpec(title="Self-assessment outline"),
    SectionSpec(title="Metadata", level=3), SectionSpec(title="Overview", level=3),
    SectionSpec(title="Security issue resolution", level=3),
    SectionSpec(title="Appendix", level=3),
))


def test_an_outline_heading_kept_may_hold_some_sections_and_stand_beside_others():
    pack = Pack(name="assessment", title="Self-assessment", sections=(
        SectionSpec(title="Self-assessment outline"),
        SectionSpec(title="Table of contents", level=3),
        *OUTLINED.sections[1:]))
    text = ("# Widget self-assessment\n## Self-assessment outline\n### Table of contents\n"
            "- [Metadata](#metadata)\n## Metadata\n## Overview\n"
            "## Security issue resolution\n## Appendix\n")
    assert run_rule("AL201", text, pack=pack) == []
    # and what is missing is still told, inside or beside
    text = text.replace("### Table of contents", "### Contributors").replace("## Appendix\n", "")
    assert sorted(p.message.split('"')[1] for p in run_rule("AL201", text, pack=pack)) == [
        "Appendix", "Table of contents"]


def test_a_template_s_outline_heading_may_be_left_out():
    text = ("# Widget self-assessment\n## Metadata\n## Overview\n"
            "## Security issue resolution\n")
    assert [p.message for p in run_rule("AL201", text, pack=OUTLINED)] == [
        'required section "Appendix" is missing (rule pack assessment)']


def test_an_outline_heading_is_missing_when_few_of_its_sections_are_there():
    text = "# Widget self-assessment\n## Metadata\n## Overview\n"
    assert [p.message for p in run_rule("AL201", text, pack=OUTLINED)] == [
        'required section "Self-assessment outline" is missing (rule pack assessment)']


SCOPE = "(if this is not a document of that kind, leave it out of the files that pack is applied to)"


def test_a_document_with_none_of_the_pack_s_sections_is_told_once():
    [problem] = run_rule("AL201", "# Release notes\n\n## 1.2\n\nFixes.\n", pack=ARC)
    assert problem.message == (
        'none of the 5 sections that rule pack arc requires is here under its title; '
        'not found: '
        '"Introduction and Goals", "Building Block View", "Decision Outcome", '
        f'"Context and Problem Statement", "Architecture Constraints" {SCOPE}')


SIX = Pack(name="assessment", sections=tuple(
    SectionSpec(title=title) for title in ("Metadata", "Overview", "Threat model",
                                          "Secure development", "Incident response",
                                          "Appendix")))


def test_a_file_holding_a_small_part_of_the_pack_is_told_once():
    # another kind of file in the folder the pack is applied to: a summary of an
    # assessment holding one of the six sections (fewer than a third)
    text = "# Widget: joint review\n\n## Overview\n\nA widget.\n\n## Findings\n\nTwo.\n"
    [problem] = run_rule("AL201", text, pack=SIX)
    assert problem.message == (
        'only 1 of the 6 sections that rule pack assessment requires is here under its '
        'title; not found: "Metadata", "Threat model", "Secure development", '
        f'"Incident response", "Appendix" {SCOPE}')
    assert (problem.line, problem.column) == (1, 3)


def test_the_told_once_finding_claims_only_the_titles_it_looked_for():
    # an outline of the author's own may hold the pack's sections under other titles:
    # the finding says which titles are not found, not that their content is absent
    text = ("# Widget: joint review\n\n## Metadata\n\nv1\n\n## Overview\n\nA widget.\n\n"
            "## Threats we looked at\n\nSpoofing.\n")
    pack = Pack(name="assessment", sections=SIX.sections + tuple(
        SectionSpec(title=title) for title in ("Roadmap", "Contacts", "Glossary", "Audits")))
    [problem] = run_rule("AL201", text, pack=pack)
    assert problem.message.startswith(
        'only 2 of the 10 sections that rule pack assessment requires are here under their '
        'titles; not found: "Threat model", ')


def test_a_document_mostly_there_hears_of_each_missing_section():
    # two of six is a third: not a small part, each missing section is its own finding
    text = "# Widget self-assessment\n\n## Metadata\n\nv1\n\n## Overview\n\nA widget.\n"
    assert [p.message for p in run_rule("AL201", text, pack=SIX)] == [
        f'required section "{title}" is missing (rule pack assessment)'
        for title in ("Threat model", "Secure development", "Incident response", "Appendix")]
    text += "\n## Threat model\n\nSpoofing.\n\n## Appendix\n\nNone.\n"
    assert len(run_rule("AL201", text, pack=SIX)) == 2


def test_a_document_titled_as_its_pack_hears_of_each_missing_section():
    # "# Process View" says what the document is: a stub, not another kind of file
    problems = run_rule("AL201", "# Process View\n## Processing pipelines\n",
                        pack="process-view")
    assert len(problems) == 5
    assert all(p.message.startswith("required section") for p in problems)


MADRISH = Pack(name="madrish", sections=tuple(
    SectionSpec(title=title) for title in ("Context and Problem Statement",
                                          "Considered Options", "Decision Outcome")))


def test_top_level_sections_written_as_bold_paragraphs_are_there():
    text = ("# Store exports in a bucket\n\n**Context and Problem Statement**\n\n"
            "Exports pile up.\n\n**Considered Options:** a bucket, a share.\n\n"
            "__Decision Outcome__\n\nA bucket.\n")
    assert run_rule("AL201", text, pack=MADRISH) == []


def test_a_top_level_section_written_as_a_field_of_a_list_is_there():
    # a decision record's metadata as a list: "- **Status:** Accepted"
    text = ("# Store exports in a bucket\n\n- **Considered Options:** a bucket, a share\n"
            "* __Decision Outcome__: a bucket\n\n## Context and Problem Statement\n\n"
            "Exports pile up.\n")
    assert run_rule("AL201", text, pack=MADRISH) == []


@pytest.mark.parametrize("paragraph", [
    "The **Considered Options** were few.",  # bold words in a sentence
    "**Considered Options** were few, and cheap.",  # a sentence opening in bold
    "- **Considered Options**",  # a list item that is no field: no value after a colon
    "- **Considered Options:**",
    "> **Considered Options**",  # a quote
    "> - **Considered Options:** a bucket",  # a field of a list in a quote
    "**Considered Options and their costs**",  # more than the title
    "`**Considered Options**`",  # code
])
def test_bold_words_that_are_no_section_title_do_not_count(paragraph):
    text = (f"# Store exports\n\n## Context and Problem Statement\n\nExports.\n\n"
            f"{paragraph}\n\n## Decision Outcome\n\nA bucket.\n")
    assert [p.message for p in run_rule("AL201", text, pack=MADRISH)] == [
        'required section "Considered Options" is missing (rule pack madrish)']


def test_a_heading_s_custom_id_names_the_section_it_was_converted_from():
    pack = Pack(name="ctx", sections=(SectionSpec(title="Context and Scope", level=1),
                                      SectionSpec(title="Business Context"),
                                      SectionSpec(title="Technical Context")))
    text = ("# Context and Scope\n\n## Context Boundary {#_business_context}\n\nUsers.\n\n"
            "## Wiring {#technical-context}\n\nHTTPS.\n")
    assert run_rule("AL201", text, pack=pack) == []
    # an id of other words, or none, is no such section
    text = text.replace("{#technical-context}", "{#wiring}")
    assert [p.message for p in run_rule("AL201", text, pack=pack)] == [
        'required section "Technical Context" is missing under "Context and Scope" '
        "(rule pack ctx)"]


def test_slots_are_never_missing():
    pack = Pack(name="madr", title="{title}", sections=(
        SectionSpec(title="Pros and Cons"), SectionSpec(title="{title of option 1}", level=3),
        SectionSpec(title="[option 2]", level=3), SectionSpec(title="…", level=3),
        SectionSpec(title="Option 3", level=3, slot=True)))
    assert found("# Use a queue\n## Pros and Cons\n### Kafka\n", pack) == []
    assert found("# Use a queue\n## Pros and Cons\n\nNone.\n", pack) == []


def test_a_reworded_heading_inside_another_section_is_not_taken_for_a_chapter():
    pack = Pack(name="chapters", sections=(
        SectionSpec(title="Context and Scope", level=1),
        SectionSpec(title="Business Context"), SectionSpec(title="Runtime View", level=1)))
    text = "# Runtime View\n## Scenario: export\n### Scope\n\nOnly invoices.\n"
    [problem] = run_rule("AL201", text, pack=pack)
    assert problem.message.startswith('required section "Context and Scope" is missing')


@pytest.mark.parametrize("heading, matches", [
    ("Future Work", True), ("Open Issues", True), ("Top Quality Goals", True),
    ("Relevant Links", True), ("Links", True), ("Key Links", True), ("Web", False),
    ("Critical Security Functions", False), ("Security Tooling", False),
    ("Future", True), ("Work", False), ("Quality", True), ("Goals", True),
    ("Key People", False), ("Source", False), ("Risks", False),
])
def test_loose_title_matching(heading, matches):
    from archlint.template import titles

    wanted = {"Future Work": "Future possibilities", "Open Issues": "Open questions",
              "Future": "Future possibilities", "Work": "Future possibilities",
              "Key People": "Stakeholders", "Source": "Open source projects",
              "Risks": "Technical Debts", "Relevant Links": "Security Links",
              "Links": "Security Links", "Key Links": "Security Links",
              "Web": "Security Links",
              "Critical Security Functions": "Security functions and features",
              "Security Tooling": "Security functions and features"}.get(heading,
                                                                        "Quality Goals")
    assert titles.loosely_matches(wanted, heading) is matches


def test_a_nested_section_written_elsewhere_is_misplaced_not_missing():
    pack = Pack(name="grfc", title="T", sections=(
        SectionSpec(title="Background"), SectionSpec(title="Related Proposals", level=3),
        SectionSpec(title="Proposal")))
    text = "# T\n## Background\n\nWhy.\n\n## Related Proposals\n\n* A1\n\n## Proposal\n"
    assert found(text, pack) == []
    assert found(text.replace("Related Proposals", "See also"), pack) == [(2, 4)]


def test_one_heading_may_stand_for_two_sections():
    pack = Pack(name="assessment", title="T", sections=(
        SectionSpec(title="Overview"), SectionSpec(title="Actors", level=3),
        SectionSpec(title="Actions", level=3), SectionSpec(title="Goals", level=3)))
    text = "# T\n## Overview\n### Actors and Actions\n### Goals\n"
    assert found(text, pack) == []
    assert found(text.replace("Actors and Actions", "Actors"), pack) == [(2, 4)]


def test_a_document_in_a_language_the_pack_has_no_titles_in_is_left_alone(fixtures):
    from dataclasses import replace

    from archlint.template import packs

    text = (fixtures / "languages" / "0003-warteschlange.md").read_text(encoding="utf-8")
    nygard = packs.builtin("nygard-adr")  # English titles only
    assert run_rule("AL201", text, pack=nygard) == []
    assert run_rule("AL203", text, pack=nygard) == []
    # a pack that does not say which languages it knows checks every document
    [problem] = run_rule("AL201", text, pack=replace(nygard, languages=()))
    assert problem.message.startswith('only 1 of the 4 sections that rule pack nygard-adr '
                                      'requires is here under its title; not found: "Context", "Decision", '
                                      '"Consequences"')


@pytest.mark.parametrize("text, language", [
    ("The service is small, and it is run by the team that wrote it. " * 4, "en"),
    ("Der Dienst ist klein, und er wird von dem Team betrieben, das ihn geschrieben hat. "
     * 4, "de"),
    ("El servicio es pequeño y lo opera el equipo que lo escribió, con los demás. " * 4,
     "es"),
    ("A few words.", None),
    ("Der Dienst ist klein. The service is small. " * 3, None),
])
def test_the_language_of_a_document(text, language):
    from archlint.template import language as languages

    assert languages.detect([text]) == language


PRR = Pack(name="prr", title="T", sections=(
    SectionSpec(title="Rollout Planning"),
    SectionSpec(title="How can a rollout or rollback fail? Can it impact running workloads?",
                level=6),
    SectionSpec(title="Were upgrade and rollback tested? Was the upgrade path tested?",
                level=6)))


@pytest.mark.parametrize("body", [
    "###### How can a rollout fail? Can it impact running workloads?\n\nNo.\n\n"
    "###### Were upgrade and rollback tested? Was the upgrade path tested?\n\nYes.\n",
    "* **How can a rollout fail? Can it impact running workloads?** No.\n"
    "* **Were upgrade and rollback tested? Was upgrade path tested?** Yes, by hand.\n",
])
def test_a_question_lightly_edited_over_the_template_s_versions_counts(body):
    assert found("# T\n## Rollout Planning\n\n" + body, PRR) == []


def test_another_question_does_not_count():
    body = ("* **What happens when the feature is disabled?** Nothing.\n"
            "* **Were upgrade and rollback tested? Was the upgrade path tested?** Yes.\n")
    assert found("# T\n## Rollout Planning\n\n" + body, PRR) == [(2, 4)]


def test_a_bold_question_alone_in_its_list_item_counts():
    body = ("* **How can a rollout fail? Can it impact running workloads?**\n\n"
            "* Not at all.\n\n"
            "* **Were upgrade and rollback tested? Was the upgrade path tested?**\n\n* Yes.\n")
    assert found("# T\n## Rollout Planning\n\n" + body, PRR) == []


def test_a_bold_question_closer_to_another_question_does_not_count_for_this_one():
    pack = Pack(name="scalability", title="T", sections=(
        SectionSpec(title="Scalability"),
        SectionSpec(title="Will using this feature result in any new API calls?", level=6),
        SectionSpec(title="Will using this feature result in introducing new API types?",
                    level=6)))
    body = "* **Will using this feature result in any new API calls?** No.\n"
    assert len(found("# T\n## Scalability\n\n" + body, pack)) == 1  # the API types one


def test_a_level_one_section_under_a_level_two_title_is_no_title():
    # the proposal's title is a setext level-2 heading, its sections level-1 headings
    pack = Pack(name="proposal", title="Title", sections=(
        SectionSpec(title="Abstract"), SectionSpec(title="Proposal")))
    text = "Queue the orders\n----\n\n# Abstract\n\nA queue.\n\n# Proposal\n\nKafka.\n"
    assert run_rule("AL201", text, pack=pack) == []
    assert [p.message.split('"')[1] for p in run_rule(
        "AL201", text.replace("# Proposal", "# Plan"), pack=pack)] == ["Proposal"]
    # a level-1 title that is no section of the pack is still the title
    text = "# Abstract art\n\n## Abstract\n\nShapes.\n\n## Proposal\n\nMore.\n"
    assert run_rule("AL201", text, pack=pack) == []


# A proposal template whose guidance says what each section holds (written for these
# tests): a heading of the author's own that this guidance names stands for a section.
PROPOSAL_TEMPLATE = """\
Title
-----

## Summary

[One paragraph on what is proposed.]

## Motivation

[Why the change is needed and which problem it solves.]

## Design

[The change, precisely.]

### Reporting flaws

[How a flaw is reported: the vulnerability response process, who triages it.]

## Rationale

[A discussion of alternate approaches and the trade-offs of the chosen one.]

## Rollout

[The steps of the rollout, who will take them, and when.]
"""


def proposal_pack():
    from archlint.template.derive import derive
    return derive(PROPOSAL_TEMPLATE, "proposal")


def missing(text):
    return [p.message.split('"')[1] for p in run_rule("AL201", text, pack=proposal_pack())]


def unrecognised(text):
    """The sections AL204 reports: not found, a heading of the author's own in place."""
    return [p.message.split('"')[1] for p in run_rule("AL204", text, pack=proposal_pack())]


def framed(name, *middle):
    """A pack of an Intro, the ``middle`` sections (title, guidance) and an End."""
    return Pack(name=name, sections=(
        SectionSpec(title="Intro", about="What this is."),
        *(SectionSpec(title=title, about=about) for title, about in middle),
        SectionSpec(title="End", about="The last words.")))


def reported(text, pack, rule="AL201"):
    """The titles of the sections ``rule`` reports in ``text`` under ``pack``."""
    return [p.message.split('"')[1] for p in run_rule(rule, text, pack=pack)]


def test_derive_keeps_each_section_s_guidance():
    about = {spec.title: spec.about for spec in proposal_pack().sections}
    assert about["Rationale"] == ("[A discussion of alternate approaches and the "
                                  "trade-offs of the chosen one.]")


def test_a_heading_the_guidance_names_stands_in_the_section_s_place():
    text = ("# Faster pings\n## Summary\nx\n## Motivation\nx\n## Design\nx\n"
            "### Reporting flaws\nx\n## Alternatives\nBatching was weighed.\n"
            "## Rollout\nx\n")
    assert missing(text) == []


@pytest.mark.parametrize("tail", [
    "## Appendix\n### Alternatives\nx\n",  # under a heading of the author's own
    "## Alternatives\nx\n",  # after the Rollout
])
def test_a_one_word_heading_led_by_the_guidance_stands_for_a_one_word_section(tail):
    # "Alternatives" for the Rationale, anywhere in the document: one word for one word,
    # the first sentence of the Rationale's guidance using it ("alternate approaches"),
    # no other section's title or guidance
    text = ("# Faster pings\n## Summary\nx\n## Motivation\nx\n## Design\nx\n"
            "### Reporting flaws\nx\n## Rollout\nx\n" + tail)
    assert missing(text) == []
    assert unrecognised(text) == []


def test_a_one_word_heading_elsewhere_does_not_stand_for_a_longer_title():
    # one word is not enough for a section of more: "Alternatives" is no "Prior work",
    # however its guidance opens
    pack = framed("notes", ("Prior work", "Alternatives weighed before this one."))
    text = "# Doc\n## Intro\nx\n## End\nx\n## Appendix\n### Alternatives\nx\n"
    assert reported(text, pack) == ["Prior work"]


@pytest.mark.parametrize("heading", [
    "Benchmarks",  # words no guidance uses
    # "change" is in the guidance of Motivation and Design as well as Rationale's
    # neighbour's: it says nothing of the Rationale
    "The change",
    # in the section's place every word must be the guidance's (and the first word
    # leads nowhere else)
    "Benchmarked alternate approaches",
])
def test_a_heading_the_guidance_does_not_name_is_no_stand_in(heading):
    text = ("# Faster pings\n## Summary\nx\n## Motivation\nx\n## Design\nx\n"
            f"### Reporting flaws\nx\n## {heading}\nx\n## Rollout\nx\n")
    assert missing(text) == []  # a heading of the author's own stands there
    assert unrecognised(text) == ["Rationale"]


def test_a_heading_led_by_the_guidance_s_own_word_stands_in_anywhere_at_its_level():
    # "Alternatives Considered" after the Rollout: out of the Rationale's place, but at
    # its siblings' level, of two words or more, led by a word of the first sentence of
    # the Rationale's guidance ("alternate approaches") that no other section's has
    text = ("# Faster pings\n## Summary\nx\n## Motivation\nx\n## Design\nx\n"
            "### Reporting flaws\nx\n## Rollout\nx\n## Alternatives Considered\nx\n")
    assert missing(text) == []
    assert unrecognised(text) == []


@pytest.mark.parametrize("tail", [
    "## Appendix\n### Alternatives considered\nx\n",  # not at the sections' level
    "## Considered alternatives\nx\n",  # led by a word the guidance does not use
])
def test_a_heading_not_led_by_the_guidance_s_own_word_at_its_level_does_not_stand_in(
        tail):
    text = ("# Faster pings\n## Summary\nx\n## Motivation\nx\n## Design\nx\n"
            "### Reporting flaws\nx\n## Rollout\nx\n" + tail)
    assert missing(text) == ["Rationale"]


def test_only_the_first_sentence_of_the_guidance_leads():
    pack = framed("notes", ("Rationale",
                            "Why this design was chosen. Mention benchmarks if any."))
    text = "# Doc\n## Intro\nx\n## End\nx\n## Benchmarks run\nx\n"
    assert reported(text, pack) == ["Rationale"]
    chosen = "# Doc\n## Intro\nx\n## End\nx\n## Design choices\nx\n"
    assert reported(chosen, pack) == []


def test_a_heading_sharing_a_word_of_the_title_is_left_to_the_title_rules():
    # "Questions answered" leads with a word of the guidance, but that word is the
    # title's too, and no rewording of "Open questions": resolved is not open
    pack = framed("notes", ("Open questions", "Which questions are still open?"))
    text = "# Doc\n## Intro\nx\n## End\nx\n## Questions answered in review\nx\n"
    assert reported(text, pack) == ["Open questions"]


def test_a_phrase_of_the_guidance_stands_in_anywhere_under_the_parent():
    text = ("# Faster pings\n## Summary\nx\n## Motivation\nx\n## Design\nx\n"
            "### Wire format\nx\n#### Vulnerability Response Process\nReport to the list.\n"
            "## Rationale\nx\n## Rollout\nx\n")
    assert missing(text) == []


def test_a_phrase_outside_the_parent_does_not_stand_in():
    text = ("# Faster pings\n## Summary\nx\n## Motivation\nx\n"
            "### Vulnerability Response Process\nx\n## Design\nx\n"
            "## Rationale\nx\n## Rollout\nx\n")
    assert missing(text) == ["Reporting flaws"]


def test_a_heading_two_missing_sections_could_claim_stands_for_neither():
    pack = framed("two", ("Caching", "The cache tiers and their eviction policy."),
                  ("Storage", "The storage tiers and their eviction policy."))
    text = "# Doc\n## Intro\nx\n## Eviction Policy\nx\n## End\nx\n"
    # no stand-in; in that place the heading may be the first of them, not the second
    assert reported(text, pack) == ["Storage"]
    assert reported(text, pack, "AL204") == ["Caching"]


def test_a_section_of_the_pack_stands_for_no_other():
    pack = framed("two", ("Caching", "The cache layers; see Storage."),
                  ("Storage", "Disks."))
    text = "# Doc\n## Intro\nx\n## Storage\nx\n## End\nx\n"
    assert reported(text, pack) == ["Caching"]


def test_two_words_of_the_guidance_together_elsewhere_do_not_stand_in():
    # a long guidance holds many pairs of words: "Response Process" is no phrase enough
    text = ("# Faster pings\n## Summary\nx\n## Motivation\nx\n## Design\nx\n"
            "### Wire format\nx\n#### Response Process\nx\n"
            "## Rationale\nx\n## Rollout\nx\n")
    # no stand-in: "Wire format", the one sub-heading of Design, is what AL204 names
    assert missing(text) == []
    assert unrecognised(text) == ["Reporting flaws"]


def test_a_table_of_contents_without_its_heading_is_the_section():
    pack = Pack(name="assessment", sections=(
        SectionSpec(title="Table of contents"), SectionSpec(title="Overview"),
        SectionSpec(title="Goals")))
    listed = ("# Assessment\n<!-- TOC START -->\n- [Overview](#overview)\n"
              "- [Goals](#goals)\n<!-- TOC END -->\n\n## Overview\nx\n## Goals\nx\n")
    assert run_rule("AL201", listed, pack=pack) == []
    # the same links not announced as one, after the sections: no table of contents
    unlisted = "# Assessment\n## Overview\nx\n## Goals\nx\n\n- [Overview](#overview)\n"
    assert [p.message.split('"')[1] for p in run_rule("AL201", unlisted, pack=pack)] == [
        "Table of contents"]


def test_a_heading_that_stands_in_for_one_section_is_no_other_s_perhaps():
    # "Alternatives" stands in for the Rationale; the Design it cannot also be is missing
    text = ("# Faster pings\n## Summary\nx\n## Motivation\nx\n## Alternatives\nBatching.\n"
            "## Rollout\nx\n")
    assert missing(text) == ["Design"]
    assert unrecognised(text) == []


FLAT = Pack(name="chapters", sections=(
    SectionSpec(title="Architecture Constraints", level=1),
    SectionSpec(title="Context and Scope", level=1),
    SectionSpec(title="Business Context", level=2), SectionSpec(title="Technical Context", level=2),
    SectionSpec(title="Architecture Decisions", level=1),
    SectionSpec(title="Risks and Technical Debts", aliases=("Technical Risks",), level=1)))


def test_a_heading_of_a_sections_very_title_is_not_taken_for_another_reworded():
    # a converted document: the sub-sections written at the chapters' level
    text = ("# Shop\n## Architecture Constraints\n\nNone.\n## Context and Scope\n"
            "## Business Context\n\nBuyers.\n## Technical Context\n\nHTTPS.\n"
            "## Architecture Decisions\n\nNone yet.\n")
    # Technical Context is there, misplaced; what is missing is the Risks chapter
    assert [p.message.split('"')[1] for p in run_rule("AL201", text, pack=FLAT)] == [
        "Risks and Technical Debts"]


def test_a_two_word_title_with_one_word_changed_keeps_a_word_of_its_own():
    # "Technical" is in another of the pack's titles: "Technical errors" is no
    # "Technical Risks"; nor is "Architecture of Shop" the Architecture Constraints
    text = ("# Architecture of Shop\n## Context and Scope\n### Business Context\n\nBuyers.\n"
            "### Technical Context\n\nHTTPS.\n## Technical errors\n\nLogged.\n"
            "## Architecture Decisions\n\nNone yet.\n")
    assert {p.message.split('"')[1] for p in run_rule("AL201", text, pack=FLAT)} == {
        "Architecture Constraints", "Risks and Technical Debts"}
    # a word no other title has still carries the rewording: "Future Work"
    future = Pack(name="rfc", sections=(SectionSpec(title="Motivation"),
                                        SectionSpec(title="Future possibilities")))
    assert run_rule("AL201", "# RFC\n## Motivation\n\nWhy.\n## Future Work\n\nMore.\n",
                    pack=future) == []
