"""AL203 section-order: sections out of the template's order."""

import pytest

from archlint.template.packs import Pack, SectionSpec
from archlint.testing import run_rule

PACK = Pack(name="p", title="P", sections=(
    SectionSpec(title="Context"), SectionSpec(title="Decision"),
    SectionSpec(title="Details", required=False),
    SectionSpec(title="Step one", level=3), SectionSpec(title="Step two", level=3),
    SectionSpec(title="Consequences")))


def found(text):
    return [(p.line, p.message) for p in run_rule("AL203", text, pack=PACK)]


def test_flags_the_section_that_moved():
    # the earliest sections of the template are taken to be in place
    text = "# P\n## Decision\n## Context\n## Consequences\n"
    assert found(text) == [
        (2, 'section "Decision" is out of the template\'s order: it belongs after "Context" and '
            'before "Consequences"')]


def test_names_the_section_it_belongs_after():
    text = "# P\n## Context\n## Consequences\n## Decision\n"
    assert found(text) == [(3, 'section "Consequences" is out of the template\'s order: '
                               'it belongs after "Decision"')]


def test_order_among_subsections_of_the_same_parent():
    text = "# P\n## Context\n## Decision\n## Details\n### Step two\n### Step one\n## Consequences\n"
    assert found(text) == [(5, 'section "Step two" is out of the template\'s order: '
                               'it belongs after "Step one"')]


@pytest.mark.parametrize("text", [
    "# P\n## Context\n## Decision\n## Consequences\n",
    "# P\n## Context\n## Extra section of our own\n## Decision\n## Consequences\n",
    "# P\n## Context\n## Consequences\n",                  # missing is AL201's business
    "# P\n## 1. Context\n## 2. Decision\n",
])
def test_leaves_alone(text):
    assert found(text) == []


def test_without_a_pack_nothing_is_reported():
    assert run_rule("AL203", "## Decision\n## Context\n") == []


NYGARD = Pack(name="nygard", title="T", free_order=("Status",), sections=(
    SectionSpec(title="Status"), SectionSpec(title="Context"),
    SectionSpec(title="Decision"), SectionSpec(title="Consequences")))


@pytest.mark.parametrize("text", [
    "# 1. Use a queue\n## Status\n## Context\n## Decision\n## Consequences\n",  # adr-tools
    "# 1. Use a queue\n## Context\n## Decision\n## Status\n## Consequences\n",  # Nygard
    "# 1. Use a queue\n## Context\n## Decision\n## Consequences\n## Status\n",
])
def test_a_free_section_may_stand_anywhere(text):
    assert run_rule("AL203", text, pack=NYGARD) == []


def test_the_others_keep_their_order_around_a_free_one():
    text = "# 1. Use a queue\n## Decision\n## Status\n## Context\n## Consequences\n"
    assert [p.line for p in run_rule("AL203", text, pack=NYGARD)] == [2]


SLOTS = Pack(name="s", title="S", sections=(
    SectionSpec(title="Considered Options"), SectionSpec(title="[option 1]", required=False),
    SectionSpec(title="{title of option 2}", required=False), SectionSpec(title="…"),
    SectionSpec(title="Outcome")))


def test_slots_have_no_place_in_the_order():
    # the author's own sections, taken by the slots wherever they are, are not "moved"
    text = "# S\n## Our own notes\n## Considered Options\n## Outcome\n## Appendix\n"
    assert run_rule("AL203", text, pack=SLOTS) == []


def test_a_reworded_heading_has_no_place_in_the_order():
    # "Context of the decision" may be the Context, or another section of the author's
    text = "# P\n## Decision\n## Context of the decision\n## Consequences\n"
    assert found(text) == []


OUTLINED = Pack(name="p", title="P", sections=(
    SectionSpec(title="Overview"), SectionSpec(title="Background", level=3),
    SectionSpec(title="Actors", level=3), SectionSpec(title="Actions", level=3),
    SectionSpec(title="Goals", level=3), SectionSpec(title="Appendix")))


def test_sections_under_different_headings_of_the_document_are_no_siblings_to_order():
    # an outline of the author's own: the template's Overview sections are found, but
    # Goals under one numbered chapter and Actors and Actions under a later one
    text = ("# P\n## 1. Overview\nA tool.\n### Background\nWhy.\n"
            "## 2. Goals and non-goals\n### Goals\nFew.\n"
            "## 3. Actors and data flow\n### Actors\nUsers.\n### Actions\nCalls.\n"
            "## Appendix\nNone.\n")
    assert run_rule("AL203", text, pack=OUTLINED) == []
    # under one heading, the same sections are still put in order
    text = ("# P\n## Overview\n### Background\nWhy.\n### Goals\nFew.\n### Actors\nUsers.\n"
            "### Actions\nCalls.\n## Appendix\nNone.\n")
    assert [p.line for p in run_rule("AL203", text, pack=OUTLINED)] == [5]


@pytest.mark.parametrize("intro", ["", "Intro.\n\n"])
def test_the_first_line_s_heading_is_a_parent_like_any_other(intro):
    # the sections under "# Consequences" are not its siblings, whether or not it
    # stands on the document's first line (the root's line)
    text = intro + "# Consequences\n## Context\n## Decision\n"
    assert found(text) == []
