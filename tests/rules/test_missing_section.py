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
