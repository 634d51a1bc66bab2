"""AL204 unrecognised-section: a required section not found by its title, with a heading
of the author's own standing where it would; AL201 leaves such a section to it."""

import pytest

from archlint.template.packs import Pack, SectionSpec
from archlint.testing import run_rule

VIEW = Pack(name="view", title="View", sections=(
    SectionSpec(title="Context"),
    SectionSpec(title="Explanation"),
    SectionSpec(title="Internal details"),
    SectionSpec(title="Trade-offs"),
    SectionSpec(title="Open questions"),
))


def titles(code, text, pack=VIEW):
    return [p.message.split('"')[1] for p in run_rule(code, text, pack=pack)]


def test_a_heading_of_the_author_s_own_in_the_place_is_told_by_al204_not_al201():
    text = ("# View\n## Context\nx\n## Wire protocol\nx\n## Internal details\nx\n"
            "## Trade-offs\nx\n## Open questions\nx\n")
    assert titles("AL201", text) == []
    [problem] = run_rule("AL204", text, pack=VIEW)
    assert (problem.line, problem.column) == (4, 4)  # at the heading that may be it
    assert problem.message == (
        'required section "Explanation" is not found by its title (rule pack view); '
        '"Wire protocol" stands where it would: if it is that section, give it the '
        "template's title or add its title to the pack's aliases; if not, the section "
        "is missing")


def test_each_heading_in_the_place_goes_to_one_missing_section_in_order():
    # two sections missing between Context and Open questions, one heading there
    text = "# View\n## Context\nx\n## Design\nx\n## Open questions\nx\n"
    assert titles("AL204", text) == ["Explanation"]
    assert titles("AL201", text) == ["Internal details", "Trade-offs"]
    # two headings: the first two missing sections, in the template's order
    text = "# View\n## Context\nx\n## Design\nx\n## Wire format\nx\n## Open questions\nx\n"
    assert titles("AL204", text) == ["Explanation", "Internal details"]
    assert titles("AL201", text) == ["Trade-offs"]


@pytest.mark.parametrize("text", [
    # before the first section found, or after the last, nothing marks the place
    "# View\n## Appendix\nx\n## Explanation\nx\n## Internal details\nx\n"
    "## Trade-offs\nx\n## Open questions\nx\n",
    "# View\n## Context\nx\n## Explanation\nx\n## Internal details\nx\n"
    "## Trade-offs\nx\n## References\nx\n",
    # a heading at another level is not in the place
    "# View\n## Context\nx\n### Wire protocol\nx\n## Internal details\nx\n"
    "## Trade-offs\nx\n## Open questions\nx\n",
])
def test_no_place_no_finding_and_al201_reports_it(text):
    assert titles("AL204", text) == []
    assert len(titles("AL201", text)) == 1


def test_the_place_runs_up_to_the_heading_that_holds_the_next_section_found():
    # the section after the missing one is found deeper, inside a chapter of the
    # author's own: the place runs from Context up to that chapter, not into it
    text = ("# View\n## Context\nx\n## Our use of it\nx\n## Design\nx\n"
            "### Internal details\nx\n## Trade-offs\nx\n## Open questions\nx\n")
    assert_unrecognised_at(text, "Explanation", 4)
    # the one before found deeper, in a chapter of the author's own, the one after at
    # the top: the chapter's other sub-headings are no place for the missing sections
    text = ("# View\n## Part A\n### Context\nx\n### Glossary\nx\n### Links\nx\n"
            "## Part B\nx\n## Trade-offs\nx\n## Open questions\nx\n")
    assert_missing(text, "Explanation", "Internal details")
    # swapped the other way (the section after found before the one before), no place
    text = ("# View\n## Trade-offs\nx\n## Our use of it\nx\n## Context\nx\n"
            "## Internal details\nx\n## Open questions\nx\n")
    assert titles("AL204", text) == []


def test_a_heading_of_the_pack_s_own_is_not_the_author_s():
    # "Open questions" is a section of the pack, found; it is nobody's stand-in
    text = ("# View\n## Context\nx\n## Open questions\nx\n## Internal details\nx\n"
            "## Trade-offs\nx\n")
    assert titles("AL204", text) == []


def test_within_a_parent_none_of_whose_sections_is_found_its_sub_headings_are_the_place():
    pack = Pack(name="arch", title="Architecture", sections=(
        SectionSpec(title="Context"),
        SectionSpec(title="Business Context", level=3),
        SectionSpec(title="Technical Context", level=3),
        SectionSpec(title="Decisions"),
    ))
    text = ("# Architecture\n## Context\n### External systems\nx\n### Users\nx\n"
            "## Decisions\nx\n")
    assert titles("AL204", text, pack) == ["Business Context", "Technical Context"]
    assert titles("AL201", text, pack) == []
    # without sub-headings there is no place: both are missing
    text = "# Architecture\n## Context\nx\n## Decisions\nx\n"
    assert titles("AL204", text, pack) == []
    assert titles("AL201", text, pack) == ["Business Context", "Technical Context"]


def test_not_on_a_file_holding_a_small_part_of_the_pack():
    # another kind of file in the pack's folder: AL201 says so once, AL204 keeps quiet
    text = "# Notes\n## Context\nx\n## Meeting\nx\n## Open questions\nx\n"
    pack = Pack(name="many", sections=tuple(
        SectionSpec(title=t) for t in ("Context", "Goals", "Explanation", "Design",
                                       "Risks", "Costs", "Plan", "Open questions", "End",
                                       "More")))
    assert titles("AL204", text, pack) == []
    assert len(run_rule("AL201", text, pack=pack)) == 1


def assert_missing(text: str, *missing: str) -> None:
    """No place for them: AL204 says nothing, AL201 reports ``missing``."""
    assert titles("AL204", text) == []
    assert titles("AL201", text) == list(missing)


def assert_unrecognised_at(text: str, title: str, line: int) -> None:
    """AL204 alone names ``title``, at the heading on ``line``; AL201 says nothing."""
    assert titles("AL204", text) == [title]
    assert [p.line for p in run_rule("AL204", text, pack=VIEW)] == [line]
    assert titles("AL201", text) == []


def test_nothing_without_a_pack():
    assert run_rule("AL204", "# View\n## Design\n", pack=None) == []


def test_in_a_reordered_document_the_place_is_right_after_the_section_found_before():
    # the document moved Internal details and Trade-offs up: the section found after
    # the Explanation stands above the Context, so the place is the heading right after
    # the Context
    text = ("# View\n## Internal details\nx\n## Trade-offs\nx\n## Context\nx\n"
            "## Wire protocol\nx\n## Open questions\nx\n")
    assert_unrecognised_at(text, "Explanation", 8)
    # nothing after the Context: no place
    text = ("# View\n## Internal details\nx\n## Trade-offs\nx\n## Open questions\nx\n"
            "## Context\nx\n")
    assert_missing(text, "Explanation")


ARCH = Pack(name="arch", title="Architecture", sections=(
    SectionSpec(title="Context"),
    SectionSpec(title="Business Context", level=3),
    SectionSpec(title="Technical Context", level=3),
    SectionSpec(title="Decisions"),
))


def test_under_a_parent_the_last_section_s_place_is_right_after_the_one_before():
    text = ("# Architecture\n## Context\n### Business Context\nx\n### External systems\nx\n"
            "### Diagram\nx\n## Decisions\nx\n")
    assert titles("AL204", text, ARCH) == ["Technical Context"]
    assert titles("AL201", text, ARCH) == []
    # the parent's last heading may be anything (an appendix, a diagram): no place
    text = ("# Architecture\n## Context\n### Business Context\nx\n### External systems\nx\n"
            "## Decisions\nx\n")
    assert titles("AL204", text, ARCH) == []
    assert titles("AL201", text, ARCH) == ["Technical Context"]


def test_with_none_found_before_the_place_is_right_before_the_one_found_after():
    # "Usage" stands alone between the Trade-offs (moved up) and the Internal details:
    # it may be the Explanation, which the template puts right before the Internal
    # details; the Context has no heading of its own
    text = ("# View\n## Trade-offs\nx\n## Usage\nx\n## Internal details\nx\n"
            "## Open questions\nx\n")
    assert titles("AL204", text) == ["Explanation"]
    assert titles("AL201", text) == ["Context"]
    # a heading at the start of the document follows no section found: no place
    text = ("# View\n## Usage\nx\n## Internal details\nx\n## Trade-offs\nx\n"
            "## Open questions\nx\n")
    assert_missing(text, "Context", "Explanation")


def test_a_table_of_contents_stands_for_no_section():
    text = ("# View\n## Context\nx\n## Contents\n- [Context](#context)\n"
            "## Internal details\nx\n## Trade-offs\nx\n## Open questions\nx\n")
    assert_missing(text, "Explanation")


GUIDED = Pack(name="plan", title="Plan", sections=(
    SectionSpec(title="Intro", about="What this is."),
    SectionSpec(title="Design", about="How it is built."),
    SectionSpec(title="Testing", about="The test plan: which suites run where."),
    SectionSpec(title="Security", about="How vulnerabilities are reported and fixed."),
    SectionSpec(title="End", about="The last words."),
))


@pytest.mark.parametrize("text", [
    # right before the section found before the Security's place, after another found
    "# Plan\n## Intro\nx\n## Design\nx\n## Handling vulnerabilities\nx\n## Testing\nx\n"
    "## End\nx\n",
    # right after the section found after the Testing's place, before another found
    "# Plan\n## Intro\nx\n## Design\nx\n## Security\nx\n## Nightly suites\nx\n"
    "## End\nx\n",
])
def test_a_heading_the_guidance_names_beside_an_empty_place_may_be_the_section(text):
    # (a heading led by a word of the guidance's would stand in for the section: these
    # are led by words of the author's own)
    [problem] = run_rule("AL204", text, pack=GUIDED)
    assert problem.message.split('"')[3] in ("Handling vulnerabilities", "Nightly suites")
    assert titles("AL201", text, GUIDED) == []


@pytest.mark.parametrize("text", [
    # words the guidance does not use
    "# Plan\n## Intro\nx\n## Design\nx\n## Benchmarks\nx\n## Testing\nx\n## End\nx\n",
    # not alone between two sections found
    "# Plan\n## Intro\nx\n## Design\nx\n## Notes\nx\n## Handling vulnerabilities\nx\n"
    "## Testing\nx\n## End\nx\n",
])
def test_a_heading_beside_the_place_not_named_or_not_alone_is_not_the_section(text):
    assert titles("AL204", text, GUIDED) == []
    assert titles("AL201", text, GUIDED) == ["Security"]


def test_where_the_pack_s_own_sections_stand_in_the_place_none_moved_out():
    # the Design is missing, and the place where it would be holds the Testing's
    # heading: the author wrote the pack's sections there, so "Ordered steps", right
    # after the Security (which the guidance of the Design names), is not taken for it
    pack = Pack(name="plan", title="Plan", sections=(
        SectionSpec(title="Intro", about="What this is."),
        SectionSpec(title="Design", about="How it is built and the steps taken."),
        SectionSpec(title="Testing", about="Which suites run where.", level=3),
        SectionSpec(title="Security", about="How vulnerabilities are reported."),
        SectionSpec(title="End", about="The last words."),
    ))
    text = ("# Plan\n## Intro\nx\n## Testing\nx\n## Security\nx\n## Ordered steps\nx\n"
            "## End\nx\n")
    assert titles("AL204", text, pack) == []
    assert titles("AL201", text, pack) == ["Design"]
    # without the pack's heading in the place, the heading beside it may be the Design
    text = "# Plan\n## Intro\nx\n## Security\nx\n## Ordered steps\nx\n## End\nx\n"
    assert titles("AL204", text, pack) == ["Design"]


def test_after_the_template_s_opening_the_author_s_outline_is_the_place():
    # the template kept for its opening (Context, Explanation), then an outline of the
    # author's own holding most of the document, with several of the template's
    # sections not found after it: the heading right after the Explanation is the place
    # of the first of them
    body = "x\n" * 12
    text = (f"# View\n## Context\nx\n## Explanation\nx\n## Wire protocol\n{body}"
            f"## Message types\n{body}## Failure handling\n{body}")
    assert titles("AL204", text) == ["Internal details"]
    assert titles("AL201", text) == ["Trade-offs", "Open questions"]


@pytest.mark.parametrize("text", [
    # one section missing after the last found: what follows is as often an appendix
    "# View\n## Context\nx\n## Explanation\nx\n## Internal details\nx\n## Trade-offs\n"
    + "x\n" * 12 + "## Benchmarks\n" + "x\n" * 12 + "## History\n" + "x\n" * 12,
    # the author's headings hold less than half the document
    "# View\n## Context\n" + "x\n" * 40 + "## Explanation\n" + "x\n" * 40
    + "## Wire protocol\nx\n## History\nx\n",
    # one section found: no opening of the template kept
    "# View\n## Explanation\nx\n## Notes\n" + "x\n" * 12 + "## More notes\n" + "x\n" * 12,
    # the last heading at its level
    "# View\n## Context\n" + "x\n" * 4 + "## Wire protocol\n" + "x\n" * 40,
])
def test_after_the_last_section_found_no_place_otherwise(text):
    assert titles("AL204", text) == []
