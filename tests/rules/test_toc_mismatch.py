"""AL304 toc-mismatch: the table of contents does not match the headings."""

import pytest

from archlint.testing import run_rule


def found(text):
    return [(p.line, p.column) for p in run_rule("AL304", text)]


def test_flags_heading_missing_from_the_toc():
    text = """\
## Contents

* [State models](#state-models)
* [Related sections](#related-sections)

## State models
## Data consistency strategies
## Related sections
"""
    [problem] = run_rule("AL304", text)
    assert (problem.line, problem.column) == (7, 4)
    assert problem.message == ('heading "Data consistency strategies" is missing from '
                               'the table of contents')


def test_flags_entry_out_of_order():
    [problem] = run_rule("AL304", "* [B](#b)\n* [A](#a)\n* [C](#c)\n\n## A\n## B\n## C\n")
    assert (problem.line, problem.column) == (2, 1)
    assert problem.message == 'table of contents entry "A" is out of order'


@pytest.mark.parametrize("text, expected", [
    ("## Contents\n\n1. [A](#a)\n2. [B](#b)\n\n## A\n## B\n## C\n", [(8, 4)]),
    ("## Contents\n\n* **[A](#a)**\n* **[B](#b)**\n\n## A\n## B\n## C\n", [(8, 4)]),
    ("## Contents\n\n* [A](#a) - about A\n* [B](#b)\n* other\n\n## A\n## B\n## C\n", [(9, 4)]),
    ("## Contents\n\n> * [A](#a)\n> * [B](#b)\n\n## A\n## B\n## C\n", [(8, 4)]),
    ("## Contents\n\n* [A](#a)\n  * [A1](#a1)\n* [B](#b)\n\n## A\n### A1\n### A2\n## B\n", [(9, 5)]),
    ("## Contents\n\n* [A](#a)\n  * [A2](#a2)\n  * [A1](#a1)\n* [B](#b)\n\n## A\n### A1\n### A2\n## B\n", [(5, 3)]),
    ("## Contents\n\n* [A](#a)\n* [B](#b)\n* [A again](#a)\n\n## A\n## B\n", [(5, 1)]),
    ("## Contents\n\n* [Echo](#echo)\n* [Echo](#echo-1)\n\n## Echo\n## Echo\n## Other\n", [(8, 4)]),
    ("## Contents\n\n* [Über](#über)\n* [B](#b)\n\n## Über\n## B\n## C\n", [(8, 4)]),
    ("## Contents\n\nIntro\n\n* [A](#a)\n* [B](#b)\n\nA\n---\nB\n---\nC\n---\n", [(12, 1)]),
])
def test_flags(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "# Title\n\n## A\n## B\n",
    "* [Docs](https://example.com)\n* [More](https://example.org)\n\n## A\n## B\n",
    "* [A](other.md#a)\n* [B](other.md#b)\n\n## A\n## B\n",
    "* [A](#a)\n* plain\n* plain\n\n## A\n## B\n",
    "* [A](#a)\n* [B](#b)\n\n## A\n### A1\n## B\n### B1\n",
    "# Title\n## Intro\n\n* [A](#a)\n* [B](#b)\n\n## A\n## B\n",
    "* [A](#a)\n* [B](#b)\n\n## A\n- ## In a list\n> ## In a quote\n## B\n",
    "* [A](#a)\n* [B](#b)\n\n## A\n## B\n```\n## C\n```\n",
    "* [A](#a)\n* [B](#typo)\n\n## A\n## B\n",
    "* [A](#a)\n* [B](#b)\n\n# A\n# B\n## C\n",
])
def test_leaves_alone(text):
    assert found(text) == []


def test_heading_listed_twice_is_named_as_such():
    text = "<!-- toc -->\n- [A](#a)\n- [B](#b)\n- [A](#a)\n<!-- /toc -->\n\n## A\n## B\n"
    assert [(p.line, p.message) for p in run_rule("AL304", text)] == [
        (4, 'table of contents lists "A" more than once')]


@pytest.mark.parametrize("text", [
    # cross-references further down are not a table of contents
    "## A\nText.\n\n- [B](#b)\n- [C](#c)\n- [D](#d)\n\n## B\n## C\n## D\n## E\n",
    # two links before two subsections are a cross-reference, not contents
    "## A\n\n1. [B](#b)\n2. [C](#c)\n\n### B\n### C\n### D\n",
])
def test_lists_that_are_not_a_table_of_contents(text):
    assert found(text) == []


@pytest.mark.parametrize("marker", [
    "<!-- toc -->", "<!-- TOC -->", "<!-- TOC START min:1 max:3 link:true update:true -->",
    "<!-- START doctoc generated TOC please keep comment here to allow auto update -->",
    "<!-- MarkdownTOC -->", "<!-- MarkdownTOC autolink=\"true\" -->",
    "<!-- mdformat-toc start --slug=github -->", "<!-- TOC depthFrom:1 depthTo:6 -->",
])
def test_a_generator_s_marker_announces_a_table_of_contents(marker):
    # after a heading of its level, without its marker it would not be taken for one
    text = f"## Intro\n{marker}\n- [A](#a)\n- [B](#b)\n\n## A\n## B\n## C\n"
    assert found(text) == [(8, 4)]
    assert found(text.replace(marker, "<!-- see below -->")) == []


@pytest.mark.parametrize("comment", [
    "<!-- omit in toc -->", "<!-- /TOC -->", "<!-- tocstop -->", "<!-- TOC END -->",
    "<!-- TODO: add a toc once the sections settle -->", "<!-- /MarkdownTOC -->",
])
def test_other_comments_about_a_toc_announce_none(comment):
    text = f"## Intro\n{comment}\n- [A](#a)\n- [B](#b)\n\n## A\n## B\n## C\n"
    assert found(text) == []


def test_unannounced_table_of_contents_before_the_headings_it_lists():
    text = "# T\n\n- [A](#a)\n- [B](#b)\n- [C](#c)\n\n## A\n## B\n## C\n## D\n"
    assert found(text) == [(10, 4)]


def test_an_entry_that_leads_to_the_title_of_the_same_name_says_so_and_is_fixed():
    """The title "Overview" owns #overview, so the section "Overview" below the table of
    contents is #overview-1: one finding, with the fix, not "out of order" and "missing"."""
    text = ("# Overview\n\n<!-- toc -->\n- [Overview](#overview)\n- [Details](#details)\n"
            "<!-- /toc -->\n\n## Overview\n\nText.\n\n## Details\n\nMore.\n")
    [problem] = run_rule("AL304", text)
    assert (problem.line, problem.message) == (4, 'table of contents entry "Overview" leads '
                                              'to "#overview", the heading at line 1; the '
                                              'section at line 8 is "#overview-1"')
    [edit] = problem.fix.edits
    assert edit.text == ("- [Overview](#overview-1)",)


def test_a_toc_that_lists_the_title_and_the_section_of_the_same_name_is_right():
    text = ("# Overview\n\n## Contents\n\n- [Overview](#overview)\n  - [Overview](#overview-1)\n"
            "  - [Design](#design)\n  - [Risks](#risks)\n\n## Overview\n\n## Design\n\n## Risks\n")
    assert found(text) == []


FAQ = """\
## Contents

* [Usage](#usage)
* [FAQ](#faq)

## Usage
## FAQ
### Why is it slow?
### Can I run it offline?
"""


def test_a_toc_that_lists_none_of_a_section_s_children_chose_its_depth():
    assert found(FAQ) == []


def test_a_child_left_out_beside_listed_siblings_is_still_reported():
    text = FAQ.replace("* [FAQ](#faq)\n", "* [FAQ](#faq)\n  * [Why is it slow?](#why-is-it-slow)\n")
    assert found(text) == [(10, 5)]  # "Can I run it offline?"


def test_an_unlisted_section_is_reported_but_not_its_children():
    text = FAQ + "## Support\n### Mail\n### Chat\n"
    assert found(text) == [(10, 4)]


def test_a_sub_section_listed_beside_its_parent_does_not_set_the_depth():
    text = FAQ.replace("* [FAQ](#faq)\n", "* [FAQ](#faq)\n* [Can I run it offline?](#can-i-run-it-offline)\n")
    assert found(text) == []


RENAMED = """\
## Contents

* [Goals](#goals)
* [Chosing a store](#chosing-a-store)
* [Risks](#risks)

## Goals
## Choosing a store
## Risks
"""


def test_a_renamed_heading_s_entry_is_named_and_relinked_not_added_again():
    # the entry still carries the heading's old name and anchor: it leads nowhere
    # (AL301 says so) and the heading looks unlisted; the fix rewrites that entry
    # rather than adding a second one beside it
    [problem] = run_rule("AL304", RENAMED)
    assert (problem.line, problem.message) == (
        8, 'heading "Choosing a store" is missing from the table of contents; its entry '
           'may be "Chosing a store" (line 4), whose link "#chosing-a-store" leads '
           'nowhere')
    [edit] = problem.fix.edits
    assert (edit.line, edit.end_line, edit.text) == (
        4, 4, ("* [Choosing a store](#choosing-a-store)",))


def test_an_entry_leading_nowhere_is_no_other_heading_s_entry():
    # nothing like "#roadmap" among the unlisted headings: "Choosing a store" gets an
    # entry of its own, and the dead link stays AL301's business
    text = RENAMED.replace("[Chosing a store](#chosing-a-store)", "[Roadmap](#roadmap)")
    [problem] = run_rule("AL304", text)
    assert problem.message == ('heading "Choosing a store" is missing from the table of '
                               'contents')
    [edit] = problem.fix.edits
    assert (edit.line, edit.end_line, edit.text) == (
        4, 3, ("* [Choosing a store](#choosing-a-store)",))


@pytest.mark.parametrize("entry, heading", [
    # leads to an HTML anchor, so it is no stale entry, however like the heading
    ("[Release checklist](#release-checklist)", "Release notes"),
    # a section deleted since: its anchor looks like "settings", but no word is shared
    ("[Testing](#testing)", "Settings"),
])
def test_an_entry_that_is_no_renamed_heading_s_is_left_alone(entry, heading):
    anchor = heading.lower().replace(" ", "-")
    text = ("## Contents\n\n* [Goals](#goals)\n* " + entry + "\n* [Risks](#risks)\n\n"
            "## Goals\n\n<a name=\"release-checklist\"></a>\n\n## " + heading +
            "\n## Risks\n")
    [problem] = run_rule("AL304", text)
    assert problem.message == (f'heading "{heading}" is missing from the table of '
                               'contents')
    [edit] = problem.fix.edits
    assert (edit.line, edit.end_line, edit.text) == (4, 3, (f"* [{heading}](#{anchor})",))


def test_a_renamed_heading_s_entry_places_the_next_new_entry_after_it():
    # "Deployment", unlisted too, goes after the rewritten entry, not onto its line
    text = RENAMED.replace("## Risks\n", "## Deployment\n## Risks\n")
    relink, insert = (p.fix.edits[0] for p in run_rule("AL304", text))
    assert (relink.line, relink.end_line) == (4, 4)
    assert (insert.line, insert.end_line, insert.text) == (
        5, 4, ("* [Deployment](#deployment)",))


def test_a_renamed_heading_s_percent_encoded_entry_is_relinked_too():
    text = RENAMED.replace("Chosing a store](#chosing-a-store)",
                           "Chosing a störe](#chosing-a-st%C3%B6re)").replace(
        "## Choosing a store", "## Choosing a störe")
    [problem] = run_rule("AL304", text)
    [edit] = problem.fix.edits
    assert (edit.line, edit.text) == (4, ("* [Choosing a störe](#choosing-a-störe)",))
