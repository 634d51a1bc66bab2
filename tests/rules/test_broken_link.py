"""AL302 broken-link: a relative link or image whose target does not exist."""

from pathlib import Path

import pytest

from archlint.markdown import parser
from archlint.rule import Context, Disk
from archlint.testing import FakeFiles, get_rule, run_rule

FOLDER = Path("/project/docs")
FILES = FakeFiles("/project/docs/overview.md", "/project/docs/img/context.png",
                  "/project/docs/my file.md", "/project/README.md")


def found(text, folder=FOLDER, files=FILES, root=FOLDER.parent):
    return [(p.line, p.column)
            for p in run_rule("AL302", text, folder=folder, files=files, root=root)]


def test_flags_missing_file_with_its_target():
    [problem] = run_rule("AL302", "[Return to overview](./no-such-overview.md)",
                         folder=FOLDER, files=FILES)
    assert (problem.line, problem.column) == (1, 1)
    assert problem.message == 'link target "./no-such-overview.md" does not exist'


def test_flags_missing_image():
    [problem] = run_rule("AL302", "![ok](img/context.png) ![gone](img/none.png)",
                         folder=FOLDER, files=FILES)
    assert (problem.line, problem.column) == (1, 24)
    assert problem.message == 'image "img/none.png" does not exist'


@pytest.mark.parametrize("text, expected", [
    ("[q](missing.md?plain=1) [f](missing.md#state)", [(1, 1), (1, 25)]),
    ("[r][ref]\n\n[ref]: nowhere.md\n", [(3, 1)]),  # reported at the definition
    ("> [q](gone.md)\n\n| a |\n|---|\n| [c](gone.md) |\n", [(1, 3), (5, 3)]),
    ("Text\nand [x](gone.md) here", [(2, 5)]),
    ("[x](/gone.md)", [(1, 1)]),
])
def test_flags(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "[o](overview.md) [o](./overview.md)",
    "[folder](img) [folder](img/) [here](.)",
    "[q](overview.md?plain=1) [f](overview.md#state) [qf](overview.md?x=1#y)",
    "[local](#anywhere) [query](?tab=1)",
    "[space](my%20file.md) [space](<my file.md>)",
    "[web](https://example.com/x.md) [ftp](ftp://example.com/x.md) <https://example.com/y.md>",
    "[mail](mailto:team@example.com) [phone](tel:+123456)",
    "[cdn](//cdn.example.com/lib.js)",
    "[rooted](/docs/overview.md)",
    "`[code](gone.md)`",
])
def test_leaves_alone(text):
    assert found(text) == []


def test_does_nothing_without_a_folder():
    assert run_rule("AL302", "[a](missing.md)") == []


def test_rooted_target_resolves_from_the_project_root():
    rule = get_rule("AL302")
    document = parser.parse("[a](/README.md) [b](/docs/overview.md) [c](/overview.md)")
    context = Context.of(document, folder=FOLDER, root=Path("/project"), files=FILES)
    problems = list(rule.check(document, rule.options_type(), context))
    assert [(p.column, p.message) for p in problems] == [
        (40, 'link target "/overview.md" does not exist')]


def test_real_disk(tmp_path):
    (tmp_path / "docs" / "img").mkdir(parents=True)
    (tmp_path / "README.md").write_text("# Readme\n")
    (tmp_path / "docs" / "overview.md").write_text("# Overview\n")
    text = ("[a](overview.md) [b](../README.md) [c](img/) [d](../docs/)\n"
            "[e](gone.md) ![f](img/none.png)\n")
    assert found(text, folder=tmp_path / "docs", files=Disk(), root=tmp_path) == [
        (2, 1), (2, 14)]


def test_parent_folder_link_with_fake_files():
    assert found("[up](../README.md)") == []


def test_case_only_difference_and_leaving_the_project():
    problems = run_rule("AL302", "[a](Overview.md)\n\n[b](../../etc/passwd)\n",
                        folder=FOLDER, files=FILES, root=FOLDER.parent)
    assert [(p.line, p.message) for p in problems] == [
        (1, 'link target "Overview.md" differs from "overview.md" only in case'),
        (3, 'link target "../../etc/passwd" is outside the project: not checked')]


def test_unused_definitions_are_checked_once():
    text = "[used][a]\n\n[a]: gone.md\n[b]: overview.md\n[c]: also-gone.md\n"
    assert found(text) == [(3, 1), (5, 1)]


def test_a_close_name_is_suggested():
    [problem] = run_rule("AL302", "[o](overveiw.md)", folder=FOLDER, files=FILES)
    assert problem.message == 'link target "overveiw.md" does not exist (did you mean "overview.md"?)'
