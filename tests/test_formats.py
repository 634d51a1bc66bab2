"""Every output format, checked against what its consumer expects."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
from conftest import FIXTURES

from archlint.engine import registry

SARIF_SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text())


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "archlint", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "view.md").write_text(
        "# View\n\n## Contents\n\n- [A](#a)\n- [C](#c)\n\n## A\n\n_Describe the thing, 50%_\n\n"
        "## B\n\nThe xxx system, with a comma: and a colon.\n\n## C\n\nText.\n")
    return tmp_path


def test_sarif_validates_against_the_schema(project: Path) -> None:
    result = run("check", "--output-format", "sarif", cwd=project)
    log = json.loads(result.stdout)
    jsonschema.validate(log, SARIF_SCHEMA)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [rule.code for rule in registry.all_rules()
                                        if not rule.opt_in]  # the rules that ran
    assert all("## What it does" in r["help"]["markdown"] for r in rules)
    results = run_["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("AL202", "error"), ("AL101", "error"), ("AL304", "warning"), ("AL102", "error")]
    for entry in results:
        assert rules[entry["ruleIndex"]]["id"] == entry["ruleId"]
        assert entry["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "view.md"


def test_sarif_with_no_findings_validates(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text("# Fine\n\nAll written.\n")
    log = json.loads(run("check", "--output-format", "sarif", cwd=tmp_path).stdout)
    jsonschema.validate(log, SARIF_SCHEMA)
    assert log["runs"][0]["results"] == []


# https://docs.github.com/actions/reference/workflow-commands-for-github-actions
GITHUB_COMMAND = re.compile(
    r"^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),title=([^,:]+)::(.*)$")


def test_github_workflow_commands(project: Path) -> None:
    lines = run("check", "--output-format", "github", cwd=project).stdout.splitlines()
    parsed = [GITHUB_COMMAND.match(line) for line in lines]
    assert all(parsed), lines
    assert [(m[1], m[2], m[3], m[4], m[5]) for m in parsed] == [
        ("error", "view.md", "8", "4", "AL202 empty-section"),
        ("error", "view.md", "10", "1", "AL101 template-prompt"),
        ("warning", "view.md", "12", "4", "AL304 toc-mismatch"),
        ("error", "view.md", "14", "5", "AL102 placeholder")]
    assert parsed[1][6] == 'template prompt left in: "Describe the thing, 50%25"'


# https://docs.gitlab.com/ci/testing/code_quality/ (Code Quality report format)
def test_gitlab_code_quality(project: Path) -> None:
    issues = json.loads(run("check", "--output-format", "gitlab", cwd=project).stdout)
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity",
                              "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == "view.md"
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues) == 4
    # fingerprints are stable when lines move
    view = project / "view.md"
    view.write_text("Intro.\n\n" + view.read_text())
    again = json.loads(run("check", "--output-format", "gitlab", cwd=project).stdout)
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]
    assert [i["location"]["lines"]["begin"] for i in again] == [10, 12, 14, 16]


def test_junit_parses(project: Path) -> None:
    root = ElementTree.fromstring(run("check", "--output-format", "junit", cwd=project).stdout)
    suite = root.find("testsuite")
    assert suite is not None and suite.get("failures") == "4"
    failures = [case.find("failure") for case in suite.iter("testcase")]
    assert [f.get("type") for f in failures if f is not None] == [
        "AL202", "AL101", "AL304", "AL102"]


def test_concise_and_json_lines(project: Path) -> None:
    concise = run("check", "--output-format", "concise", cwd=project).stdout.splitlines()
    assert concise[1] == 'view.md:10:1: AL101 template prompt left in: "Describe the thing, 50%"'
    assert len(concise) == 4
    records = [json.loads(line) for line in
               run("check", "--output-format", "json-lines", cwd=project).stdout.splitlines()]
    assert [r["code"] for r in records] == ["AL202", "AL101", "AL304", "AL102"]


def test_json_lines_hold_one_record_per_line_whatever_a_heading_holds(tmp_path: Path) -> None:
    # U+0085, U+2028 and U+2029 are line ends to Python's splitlines and to JavaScript:
    # raw in a record, they would cut it in two
    (tmp_path / "doc.md").write_text("# Doc\n\n## A\x85B\u2028C\u2029D\n",
                                     encoding="utf-8")
    out = run("check", "--output-format", "json-lines", "doc.md", cwd=tmp_path).stdout
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["code"] == "AL202" and "A\x85B\u2028C\u2029D" in record["message"]
    # for people, each is shown as an escape: one finding, one line
    [line] = run("check", "--output-format", "concise", "doc.md", cwd=tmp_path
                 ).stdout.splitlines()
    assert "A\\x85B\\u2028C\\u2029D" in line


def test_statistics(project: Path) -> None:
    lines = run("check", "--statistics", cwd=project).stdout.splitlines()
    assert lines[:4] == ["     1  AL101  template-prompt", "     1  AL102  placeholder",
                         "     1  AL202  empty-section", "     1  AL304  toc-mismatch  [*] fixable"]


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    (tmp_path / "v.md").write_text("# V\n\n## Contents\n\n- [A](#a)\n- [C](#c)\n\n## A\n\n"
                                   "Text.\n\n## B\n\nText.\n\n## C\n\nText.\n")
    assert run("check", cwd=tmp_path).returncode == 0  # AL304 is a warning
    assert run("check", "--strict", cwd=tmp_path).returncode == 1
    (tmp_path / "archlint.toml").write_text('[severity]\nAL304 = "error"\n')
    assert run("check", cwd=tmp_path).returncode == 1
    (tmp_path / "archlint.toml").write_text('[severity]\nAL999 = "error"\n')
    assert "severity: 'AL999' matches no rule" in run("check", cwd=tmp_path).stderr


@pytest.mark.parametrize("checked, unpacked, said", [
    (3, 0, "All checks passed (3 files checked)."),
    (1, 1, "All checks passed (1 file checked, with no rule pack)."),
    (6, 6, "All checks passed (6 files checked, none with a rule pack)."),
    (6, 2, "All checks passed (6 files checked, 2 with no rule pack)."),
])
def test_the_summary_says_how_many_files_had_no_rule_pack(checked: int, unpacked: int,
                                                         said: str) -> None:
    # a passing run over records no pack applies to has checked no template's sections
    from archlint.report.check import Report, summary

    assert summary(Report((), checked, (), unpacked)) == said


def test_the_summary_names_the_templates_left_out() -> None:
    from archlint.report.check import Report, summary

    assert summary(Report((), 5, (), 5, ("adr/template.md", "old/template.md"))) == (
        "All checks passed (5 files checked, none with a rule pack; adr/template.md (and 1 "
        "more) left out, named like a template: `--template adr/template.md` checks the "
        "others against it).")
    # with a pack for every file, only that it was left out
    assert summary(Report((), 5, (), 0, ("adr/template.md",))) == (
        "All checks passed (5 files checked; adr/template.md left out, named like a "
        "template).")
