"""AL301 broken-anchor: links to fragments of the same document (the cases markdownlint's
MD051 shares with GitHub: duplicates, HTML anchors, case, percent-encoding, #top, line
links)."""

import pytest

from archlint.testing import run_rule


def found(text):
    return [(p.line, p.column) for p in run_rule("AL301", text)]


def test_suggests_the_closest_anchor():
    [problem] = run_rule("AL301", "See [state models](#state-model).\n\n## State models\n")
    assert (problem.line, problem.column) == (1, 5)
    assert problem.message == ('no heading or anchor in this document produces '
                               '"#state-model" (did you mean "#state-models"?)')


def test_no_suggestion_when_nothing_is_close():
    [problem] = run_rule("AL301", "See [x](#nothing-like-it).\n\n## State models\n")
    assert problem.message == 'no heading or anchor in this document produces "#nothing-like-it"'


def test_reports_case_only_differences_with_the_right_anchor():
    [problem] = run_rule("AL301", "See [it](#State-Models).\n\n## State models\n")
    assert (problem.line, problem.column) == (1, 5)
    assert problem.message == '"#State-Models" differs from the anchor "#state-models" only in case'


@pytest.mark.parametrize("text, expected", [
    ("![img](#missing-img)", [(1, 1)]),
    ("[a][ref]\n\n[ref]: #missing-ref\n", [(3, 1)]),  # reported at the definition
    ("> [quoted](#nope)\n", [(1, 3)]),
    ("| h |\n|---|\n| [cell](#nope) |\n", [(3, 3)]),
    ("Text\nmore [x](#nope)\n", [(2, 6)]),
    ("## See [x](#nope)\n", [(1, 8)]),
    ("[a](#echo-1) [b](#echo-2)\n\n## Echo\n## Echo\n", [(1, 14)]),
    ("[a](#here)\n\n<!-- <a id=\"here\"></a> -->\n", [(1, 1)]),
    ("[a](#here)\n\n<span name=\"here\">x</span>\n", [(1, 1)]),
])
def test_flags(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "[top](#top) [empty](#)",
    "[line](#L10) [range](#L10-L20) [columns](#L10C2-L12C3)",
    "[a](#here)\n\n<a id=\"here\"></a>\n",
    "[a](#here)\n\n<a name=\"here\"></a>\n",
    "[a](#here) and <span id=\"here\">x</span>",
    "[a](#here)\n\n<div id='here'>\n\nx\n</div>\n",
    "[a](#heading-custom)\n\n## Heading {#custom}\n",  # GitHub shows the attribute
    "[a](#echo) [b](#echo-1)\n\n## Echo\n## Echo\n",
    "[a](#echo-2)\n\n## Echo\n## Echo-1\n## Echo\n",
    "[a](#%C3%BCber)\n\n## Über\n",
    "[a](#über)\n\n## Über\n",
    "[a](#2-state-models)\n\n## 2. State Models:\n",
    "[a](#c-and-c)\n\n## C++ and C#\n",
    "[a](#the-api-module)\n\n## The `api` module\n",
    "[a](#setext)\n\nSetext\n------\n",
    "[a](other.md#missing) [b](https://example.com/#missing) <https://example.com/#missing>",
    "`[a](#missing)`",
])
def test_leaves_alone(text):
    assert found(text) == []


def test_heading_attribute_is_the_anchor_only_for_mkdocs():
    from archlint.markdown import parser
    from archlint.markdown.slugs import AnchorStyle
    from archlint.rule import Context
    from archlint.testing import get_rule

    rule = get_rule("AL301")
    text = "[a](#custom) [b](#L10)\n\n## Heading {#custom}\n"
    for style, expected in ((AnchorStyle.GITHUB, [1]), (AnchorStyle.MKDOCS, [14])):
        document = parser.parse(text, anchor_style=style)
        problems = rule.check(document, rule.options_type(),
                             Context.of(document, anchor_style=style))
        assert [p.column for p in problems] == expected, style
