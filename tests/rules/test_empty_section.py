"""AL202 empty-section: sections with nothing of the author's own."""

import pytest

from archlint.template.packs import Pack, SectionSpec
from archlint.testing import run_rule

PACK = Pack(name="p", title="P", prompts=("Describe the deployment topology in detail",),
            comment_prompts=("List the risks you see and how you mitigate them",),
            boilerplate=("Items marked (R) are required",),
            sections=(SectionSpec(title="A"), SectionSpec(title="B")))


def found(text, **kwargs):
    return [(p.line, p.column) for p in run_rule("AL202", text, **kwargs)]


@pytest.mark.parametrize("text, expected", [
    ("## A\n\n## B\n\nText.\n", [(1, 4)]),
    ("## A\n\n_Discuss the significant state models_\n", [(1, 4)]),
    ("## A\n\nxxx\n", [(1, 4)]),
    ("## A\n\n- TBD\n", [(1, 4)]),
    ("## A\n\n<!-- a note -->\n", [(1, 4)]),
    ("# T\n\n## A\n\n### A1\n\nText.\n\n### A2\n", [(9, 5)]),
    ("## Example\n_This is an example: remove if not relevant_\n", [(1, 4)]),
    ("## A\n", [(1, 4)]),
    ("Setext\n------\n\n## B\nText\n", [(1, 1)]),
])
def test_flags(text, expected):
    assert found(text) == expected


def test_message_names_the_section():
    [problem] = run_rule("AL202", "## State models\n\n## B\nText.\n")
    assert problem.message == 'section "State models" has no content of its own'


@pytest.mark.parametrize("text", [
    "## A\n\nText.\n",
    "## A\n\n```\ncode only\n```\n",
    "## A\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "## A\n\n- one item\n",
    "# T\n\n## A\n\nText.\n",                       # a parent whose child has content
    "## A\n\n_Note the italic aside here_ and text.\n",
    "## A\n\n*Figure 1: the context*\n\nText.\n",
    "# T\n\nText.\n\n##\n\n## B\n\nMore text.\n",     # a bare "##": no section at all
    "# T\n\n### Checkout\n\nPaid.\n\n### …\n",          # a template's "and so on"
    "# T\n\n### Checkout\n\nPaid.\n\n### ...\n",
])
def test_leaves_alone(text):
    assert found(text) == []


def test_template_text_from_the_pack_is_not_content():
    text = ("# P\n\n## A\n\nDescribe the deployment\ntopology in detail.\n\n## B\n\n"
            "<!-- List the risks you see and how you mitigate them -->\n")
    assert found(text, pack=PACK) == [(3, 4), (8, 4)]


def test_boilerplate_is_not_empty():
    assert found("# P\n\n## A\n\nItems marked (R) are required\n", pack=PACK) == []


@pytest.mark.parametrize("text", [
    "## A\n\nTODO.\n",
    "## A\n\nTBD!\n",
    "## A\n\n- TODO.\n- xxx.\n",
    "## A\n\n_Outlines how the audit trail is kept_\n",
])
def test_a_placeholder_with_a_full_stop_or_a_prompt_in_the_template_s_voice_is_empty(text):
    assert found(text) == [(1, 4)]


@pytest.mark.parametrize("text", [
    '## A\n\n<img src="context.png" alt="">\n',
    '## A\n\n<p align="center">\n  <img src="context.png">\n</p>\n',
    '## A\n\n<figure><svg width="10"></svg></figure>\n',
    "## A\n\n![](context.png)\n",
    "## A\n\n.\n",
])
def test_a_picture_alone_is_content(text):
    assert found(text) == []


def test_a_comment_or_an_empty_html_block_is_still_empty():
    assert found('## A\n\n<div align="center">\n</div>\n') == [(1, 4)]


@pytest.mark.parametrize("text", [
    "## Threats\n\n### [Threat modeling with STRIDE](threat-model.md)\n",
    "### Related Proposals:  n/a\n",
    "### Security audit: none yet\n",
    "###### Will this feature increase resource usage in any components? `No`\n",
    "### For more on our policies, please refer to the [policy](SECURITY.md).\n",
])
def test_a_heading_that_says_it_all_is_not_empty(text):
    assert found(text) == []


@pytest.mark.parametrize("text", [
    "### Related Proposals:\n",
    "### Status: TBD\n",
    "### Will this feature increase resource usage in any components?\n",
    "### Owner: {team}\n",
    "### Threats, see [the model](threat-model.md) for how we rank them\n",
])
def test_a_heading_with_a_colon_or_a_link_may_still_be_empty(text):
    assert found(text) == [(1, 5)]


@pytest.mark.parametrize("text", [
    "# Self-assessment\n<!-- the template's introduction -->\n\n# Outline\n\nText.\n",
    "# Outline\n\nText.\n\n## Joint assessment of X\n\n## Table of Contents\n\n- [A](#a)\n",
])
def test_a_heading_that_titles_the_document_is_not_an_empty_section(text):
    assert found(text) == []


def test_an_empty_first_section_below_the_title_level_is_still_reported():
    assert found("## Context\n\n## Decision\n\nWe use a queue.\n") == [(1, 4)]


def test_a_template_instruction_written_as_a_heading_is_still_empty():
    text = ("#### For GA, this section is required: approvers should be able to confirm "
            "the previous answers.\n")
    assert found(text) == [(1, 6)]


CHAPTERS = Pack(name="chapters", sections=(SectionSpec(title="Solution Strategy", level=1),
                                           SectionSpec(title="Glossary", level=1)))


def test_a_chapter_file_holding_only_its_chapter_heading_is_empty():
    # one arc42 chapter per file: its level-1 heading is the chapter, not a title
    assert found("# Solution Strategy\n", pack=CHAPTERS) == [(1, 3)]
    assert found("# Solution Strategy\n\nMicroservices.\n", pack=CHAPTERS) == []
    # a document's own title is no chapter, nor is a chapter's with its pack unknown
    assert found("# Shop architecture\n\n# Glossary\n\nTerms.\n", pack=CHAPTERS) == []
    assert found("# Solution Strategy\n") == []
