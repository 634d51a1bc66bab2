"""AL304 toc-mismatch: the table of contents does not match the headings."""

import pytest

from archlint.testing import run_rule


def found(text):
    return [(p.line, p.column) for p in run_rule("AL304", text)]


def test_flags_heading_missing_from_the_toc():
    text = """\
* [State models](#state-models)
* [Related sections](#related-sections)

## State models
## Data consistency strategies
## Related sections
"""
    [problem] = run_rule("AL304", text)
    assert (problem.line, problem.column) == (5, 4)
    assert problem.message == ('heading "Data consistency strategies" is missing from '
                               'the table of contents (line 1)')


def test_flags_entry_out_of_order():
    [problem] = run_rule("AL304", "* [B](#b)\n* [A](#a)\n* [C](#c)\n\n## A\n## B\n## C\n")
    assert (problem.line, problem.column) == (2, 1)
    assert problem.message == 'table of contents entry "A" is out of order'


@pytest.mark.parametrize("text, expected", [
    ("1. [A](#a)\n2. [B](#b)\n\n## A\n## B\n## C\n", [(6, 4)]),
    ("* **[A](#a)**\n* **[B](#b)**\n\n## A\n## B\n## C\n", [(6, 4)]),
    ("* [A](#a) - about A\n* [B](#b)\n* other\n\n## A\n## B\n## C\n", [(7, 4)]),
    ("> * [A](#a)\n> * [B](#b)\n\n## A\n## B\n## C\n", [(6, 4)]),
    ("* [A](#a)\n  * [A1](#a1)\n* [B](#b)\n\n## A\n### A1\n### A2\n## B\n", [(7, 5)]),
    ("* [A](#a)\n  * [A2](#a2)\n  * [A1](#a1)\n* [B](#b)\n\n## A\n### A1\n### A2\n## B\n",
     [(3, 3)]),
    ("* [A](#a)\n* [B](#b)\n* [A again](#a)\n\n## A\n## B\n", [(3, 1)]),
    ("* [Echo](#echo)\n* [Echo](#echo-1)\n\n## Echo\n## Echo\n## Other\n", [(6, 4)]),
    ("* [Über](#über)\n* [B](#b)\n\n## Über\n## B\n## C\n", [(6, 4)]),
    ("Intro\n\n* [A](#a)\n* [B](#b)\n\nA\n---\nB\n---\nC\n---\n", [(10, 1)]),
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
    text = "- [A](#a)\n- [B](#b)\n- [A](#a)\n\n## A\n## B\n"
    assert [(p.line, p.message) for p in run_rule("AL304", text)] == [
        (3, 'table of contents lists "A" more than once')]
