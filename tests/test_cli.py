"""The command line, run as users run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archlint.engine import registry


def run(*args: str, cwd: Path, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "archlint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "view.md").write_text("# View\n\n_Describe the view_\n\nThe xxx system.\n")
    (tmp_path / "docs" / "clean.md").write_text("# Clean\n\nAll written.\n")
    (tmp_path / "node_modules" / "pkg").mkdir(parents=True)
    (tmp_path / "node_modules" / "pkg" / "README.md").write_text("TODO\n")
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "pyvenv.cfg").write_text("home = /usr\n")
    (tmp_path / ".venv" / "notes.md").write_text("TODO\n")
    (tmp_path / "notes.markdown").write_text("FIXME later\n")
    return tmp_path


def test_text_output_lines_and_exit_status(project: Path) -> None:
    result = run("check", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "docs/view.md:3:1: AL101 template prompt left in: \"Describe the view\" [template-prompt]",
        "docs/view.md:5:5: AL102 placeholder \"xxx\" left in [placeholder]",
        "notes.markdown:1:1: AL102 placeholder \"FIXME\" left in [placeholder]",
    ]
    assert lines[3] == ("Found 3 problems (3 errors) in 2 files (3 files checked, none "
                        "with a rule pack).")
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_clean_run_exits_zero(project: Path) -> None:
    result = run("check", "docs/clean.md", cwd=project)
    assert (result.returncode, result.stdout) == (
        0, "All checks passed (1 file checked, with no rule pack).\n")


def test_json_output(project: Path) -> None:
    result = run("check", "--output-format", "json", "docs", cwd=project)
    found = json.loads(result.stdout)
    assert [(d["path"], d["line"], d["column"], d["code"], d["name"], d["severity"])
            for d in found] == [("docs/view.md", 3, 1, "AL101", "template-prompt", "error"),
                                ("docs/view.md", 5, 5, "AL102", "placeholder", "error")]


def test_json_output_when_clean_is_an_empty_array(project: Path) -> None:
    result = run("check", "--output-format", "json", "docs/clean.md", cwd=project)
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


@pytest.mark.parametrize(("args", "expected"), [
    (("--select", "AL101"), ["AL101"]),
    (("--select", "placeholder"), ["AL102", "AL102"]),
    (("--ignore", "AL1"), []),
    (("--select", "AL3", "--extend-select", "AL101"), ["AL101"]),
    (("--ignore", "AL101,AL102"), []),
])
def test_select_and_ignore(project: Path, args: tuple[str, ...], expected: list[str]) -> None:
    result = run("check", "--output-format", "json", *args, cwd=project)
    assert [d["code"] for d in json.loads(result.stdout)] == expected


def test_exit_zero(project: Path) -> None:
    result = run("check", "--exit-zero", cwd=project)
    assert result.returncode == 0 and "Found 3 problems" in result.stdout


def test_output_file(project: Path) -> None:
    result = run("check", "--output-format", "json", "--output-file", "report.json", cwd=project)
    assert result.returncode == 1 and result.stdout == ""
    assert len(json.loads((project / "report.json").read_text())) == 3


def test_output_file_in_missing_folder_is_a_clear_error(project: Path) -> None:
    result = run("check", "--output-file", "no/such/dir/report.txt", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith("archlint: error: cannot write no/such/dir/report.txt")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("args", "config", "message"), [
    (("check", "missing.md"), None, "does not exist"),
    (("check", "--select", "AL999"), None, "--select: 'AL999' matches no rule"),
    (("check", "--output-format", "xml"), None, "Invalid value for '--output-format'"),
    (("check",), "select = [\n", "archlint.toml: not valid TOML"),
    (("check",), "colour = true\n", "archlint.toml: colour: unknown key"),
])
def test_usage_and_config_errors_exit_two_with_one_clear_line(
        project: Path, args: tuple[str, ...], config: str | None, message: str) -> None:
    if config is not None:
        (project / "archlint.toml").write_text(config)
    result = run(*args, cwd=project)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_explicit_config_file(project: Path) -> None:
    (project / "strict.toml").write_text("select = ['AL101']\n")
    result = run("check", "--config", "strict.toml", "--output-format", "json", cwd=project)
    assert [d["code"] for d in json.loads(result.stdout)] == ["AL101"]


def test_unreadable_file_is_reported_not_a_crash(project: Path) -> None:
    (project / "docs" / "latin1.md").write_bytes(b"# Caf\xe9\n")
    result = run("check", "--output-format", "json", "docs/latin1.md", cwd=project)
    found = json.loads(result.stdout)
    assert result.returncode == 1
    assert [(d["code"], d["name"]) for d in found] == [("AL001", "unreadable-file")]
    assert "not UTF-8" in found[0]["message"]


def test_rules_lists_every_rule(project: Path) -> None:
    result = run("rules", cwd=project)
    assert result.returncode == 0
    codes = [line.split()[0] for line in result.stdout.splitlines()]
    assert codes == [rule.code for rule in registry.all_rules()]
    assert codes == sorted(codes) and "AL001" in codes and "AL101" in codes
    opt_in = [line.split()[0] for line in result.stdout.splitlines() if "(opt-in)" in line]
    assert opt_in == [rule.code for rule in registry.all_rules() if rule.opt_in] == ["AL204"]


@pytest.mark.parametrize("rule", ["AL101", "template-prompt"])
def test_rule_prints_documentation(project: Path, rule: str) -> None:
    result = run("rule", rule, cwd=project)
    assert result.returncode == 0
    assert result.stdout.startswith("# AL101 template-prompt")
    assert "## What it does" in result.stdout and "## Example" in result.stdout


def test_unknown_rule_is_a_usage_error(project: Path) -> None:
    result = run("rule", "AL000", cwd=project)
    assert result.returncode == 2 and "no rule 'AL000'" in result.stderr


def test_version_and_packs(project: Path) -> None:
    assert run("--version", cwd=project).stdout.startswith("archlint, version ")
    packs = run("packs", cwd=project).stdout
    assert "process-view: Process View" in packs and "optional  Avoiding 2-Phase Commit" in packs
    # a pack whose prompts paraphrase its template says so; one derived from it does not
    assert "madr: {short title, representative of solved problem and found solution} " \
           "(prompts not known: configure your template file)" in packs
    assert "process-view: Process View\n" in packs
    assert "arc42:  (prompts not known: configure your template file; chapters may be " \
           "files of a documentation set)" in packs


def _on_a_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run archlint with its standard output on a pseudo-terminal; what it printed."""
    import os
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "archlint", *args], cwd=cwd, env=env,
                               stdout=follower, stderr=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait()
    os.close(leader)
    return b"".join(chunks).decode()


def test_colour_on_a_terminal_unless_no_color(project: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    assert "\x1b[" in _on_a_terminal(["check", "docs/view.md"], project, env)
    plain = _on_a_terminal(["check", "docs/view.md"], project, {**env, "NO_COLOR": "1"})
    assert "\x1b[" not in plain and "AL101" in plain


def test_the_template_a_pack_is_derived_from_is_not_checked_as_a_document(tmp_path: Path
                                                                       ) -> None:
    decisions = tmp_path / "decisions"
    decisions.mkdir()
    (decisions / "template.md").write_text("# Title\n\n## Context\n\n_What is the issue?_\n"
                                           "\n## Decision\n\n_What do we do?_\n")
    (decisions / "0001-use-postgres.md").write_text(
        "# 1. Use Postgres\n\n## Context\n\nWe need a database.\n")
    result = run("check", "--no-cache", "--template", "decisions/template.md", "decisions",
                 cwd=tmp_path)
    assert result.stdout.splitlines()[0].startswith(
        "decisions/0001-use-postgres.md:1:3: AL201 required section \"Decision\" is missing")
    assert "template.md" not in result.stdout
    assert "(1 file checked)" in result.stdout
    # named on its own, it is checked: its prompts are all there
    named = run("check", "--no-cache", "--template", "decisions/template.md",
                "decisions/template.md", cwd=tmp_path)
    assert "decisions/template.md:5:1: AL101" in named.stdout
    # named twice, or named and found in the folder, a file is checked once
    twice = run("check", "--no-cache", "--template", "decisions/template.md",
                "decisions/template.md", "decisions", "decisions/template.md", cwd=tmp_path)
    assert "(2 files checked)." in twice.stdout


def test_no_file_in_a_folder_named_like_a_template_is_checked_but_the_summary_names_it(
        tmp_path: Path) -> None:
    decisions = tmp_path / "decisions"
    decisions.mkdir()
    (decisions / "adr-template.md").write_text("# Title\n\n## Status\n\nTBD\n\n## Context\n")
    (decisions / "0001-a.md").write_text(
        "# 1. A\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nDo.\n"
        "\n## Consequences\n\nDone.\n")
    result = run("check", "--no-cache", "--pack", "nygard-adr", "decisions", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].endswith(
        "(1 file checked; decisions/adr-template.md left out, named like a template).")
    # with no pack, the summary names the template that --template would apply
    plain = run("check", "--no-cache", "decisions", cwd=tmp_path)
    assert plain.returncode == 0, plain.stdout  # the template's TBD is not reported
    assert plain.stdout.splitlines()[-1].endswith(
        "(1 file checked, with no rule pack; decisions/adr-template.md left out, named like "
        "a template: `--template decisions/adr-template.md` checks the others against it).")
    # the template the run's pack comes from goes without saying
    given = run("check", "--no-cache", "--template", "decisions/adr-template.md",
                "decisions", cwd=tmp_path)
    assert given.stdout.splitlines()[-1].endswith("(1 file checked).")
    # named as a path of its own, a template is checked
    named = run("check", "--no-cache", "decisions/adr-template.md", cwd=tmp_path)
    assert 'placeholder "TBD"' in named.stdout
    # status leaves it out too, and says so
    status = run("status", "decisions", cwd=tmp_path)
    assert "decisions/adr-template.md: left out, named like a template" in status.stdout


def test_a_configured_template_is_not_checked_as_a_document(tmp_path: Path) -> None:
    (tmp_path / "archlint.toml").write_text(
        '[[documents]]\npaths = ["adr/*.md"]\ntemplate = "adr/template.md"\n')
    (tmp_path / "adr").mkdir()
    (tmp_path / "adr" / "template.md").write_text("# Title\n\n## Context\n\n_Why?_\n")
    (tmp_path / "adr" / "0001-a.md").write_text("# 1. A\n\n## Context\n\nBecause.\n")
    result = run("check", "--no-cache", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "(1 file checked)" in result.stdout


def test_force_exclude_leaves_out_named_files_a_folder_s_search_would(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.archlint]\nexclude = ["drafts/**"]\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "idea.md").write_text("# Idea\n\nTODO\n")
    (tmp_path / "adr-template.md").write_text("# Title\n\n## Status\n\nTBD\n")
    (tmp_path / "notes.md").write_text("# Notes\n\nFine.\n")
    named = ("drafts/idea.md", "adr-template.md", "notes.md")
    plain = run("check", "--no-cache", *named, cwd=tmp_path)
    assert plain.returncode == 1 and "(3 files checked" in plain.stdout  # named: checked
    forced = run("check", "--no-cache", "--force-exclude", *named, cwd=tmp_path)
    assert forced.returncode == 0, forced.stdout
    assert forced.stdout.splitlines()[-1].startswith(
        "All checks passed (1 file checked, with no rule pack; adr-template.md left out, "
        "named like a template")
