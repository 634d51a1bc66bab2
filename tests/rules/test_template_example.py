"""AL103 template-example: a section whose first paragraph says it is only an example."""

import pytest

from archlint.testing import run_rule


def found(text, **kwargs):
    return [(p.line, p.column) for p in run_rule("AL103", text, **kwargs)]


EXAMPLE = """\
# Process View

## Avoiding 2-Phase Commit
_This is an example that is common in distributed systems: remove if not relevant_

Distributed transactions do not scale.
"""


def test_flags_example_section_at_its_heading():
    [problem] = run_rule("AL103", EXAMPLE)
    assert (problem.line, problem.column) == (3, 4)
    assert '"Avoiding 2-Phase Commit"' in problem.message


@pytest.mark.parametrize("text, expected", [
    ("## A\n_remove if not applicable_\n", [(1, 4)]),
    ("## A\n\nDelete this example if it does not apply.\n", [(1, 4)]),
    ("## A\n_This is an example: Remove If Not   Relevant_\n", [(1, 4)]),
    ("## A\nThis is an example;\nremove if\nnot relevant.\n", [(1, 4)]),
    ("## A\n<!-- note -->\n_remove if not relevant_\n", [(1, 4)]),
    ("  ## Indented\n  _remove if not applicable_\n", [(1, 6)]),
    ("## A\n### B\n_remove if not relevant_\n", [(2, 5)]),
    ("# Top\n_remove if not relevant_\n## B\nText.\n### C\n_delete if not relevant_\n",
     [(1, 3), (5, 5)]),
])
def test_flags(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "## A\n\nThis is an example of how we do things.\n",
    "## Examples\n\nFor example, orders are paid before they ship.\n",
    "## A\n\nIntro.\n\n_This is an example: remove if not relevant_\n",
    "## A\n\n```\nremove if not relevant\n```\n",
    "## A\n\n| remove if not relevant |\n|---|\n| x |\n",
    "_This is an example: remove if not relevant_\n\n## A\n",
    "## A\n_Drop this section if unused_\n",
])
def test_leaves_alone(text):
    assert found(text) == []


def test_example_phrases_replace_the_defaults():
    text = "## A\n_Drop this if unused_\n## B\n_remove if not relevant_\n"
    assert found(text, template_text={"example-phrases": ["DROP  this if"]}) == [(1, 4)]
