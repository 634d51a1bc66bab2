"""archlint as a gate: baselines, --since, init, the pre-commit hook and the CI jobs
shown in the README, each run for real."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
ARCHLINT = [sys.executable, "-m", "archlint"]


def run(*args: str, cwd: Path, check: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ARCHLINT, *args], cwd=cwd, capture_output=True, text=True,
                          check=check)


def git(*args: str, cwd: Path) -> str:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                   "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True,
                          env=environment).stdout


def readme_block(marker: str) -> str:
    return next(block for block in re.findall(r"```(?:yaml|sh)\n(.*?)```", README, re.DOTALL)
                if marker in block)


def test_baseline_reports_only_new_findings(tmp_path: Path) -> None:
    view = tmp_path / "view.md"
    view.write_text("# View\n\n## A\n\n_Describe the flows here_\n\n## B\n\nThe xxx system.\n")
    run("check", "--write-baseline", "baseline.json", cwd=tmp_path, check=True)
    assert run("check", "--baseline", "baseline.json", cwd=tmp_path).returncode == 0
    # lines inserted above the old findings, and one new leftover
    view.write_text("# View\n\nIntro.\n\nMore intro.\n\n## A\n\n_Describe the flows here_\n\n"
                    "## B\n\nThe xxx system.\n\n## C\n\nOwned by TBD.\n")
    result = run("check", "--baseline", "baseline.json", "--output-format", "json",
                 cwd=tmp_path)
    assert result.returncode == 1
    assert [(d["code"], d["line"]) for d in json.loads(result.stdout)] == [("AL102", 17)]


def test_a_broken_baseline_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "baseline.json").write_text("{not json")
    (tmp_path / "a.md").write_text("# A\n")
    result = run("check", "--baseline", "baseline.json", cwd=tmp_path)
    assert result.returncode == 2 and "not an archlint baseline" in result.stderr


def test_since_checks_only_changed_files(tmp_path: Path) -> None:
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "old.md").write_text("# Old\n\nTBD\n")
    (tmp_path / "changed.md").write_text("# Changed\n\nDone.\n")
    git("add", ".", cwd=tmp_path)
    git("commit", "-qm", "docs", cwd=tmp_path)
    (tmp_path / "changed.md").write_text("# Changed\n\nTODO\n")
    (tmp_path / "new.md").write_text("# New\n\nxxx\n")
    result = run("check", "--since", "HEAD", "--output-format", "json", cwd=tmp_path)
    assert sorted({d["path"] for d in json.loads(result.stdout)}) == ["changed.md", "new.md"]
    bad = run("check", "--since", "no-such-revision", cwd=tmp_path)
    assert bad.returncode == 2 and "--since" in bad.stderr and "Traceback" not in bad.stderr


def test_init_writes_a_configuration_that_archlint_reads(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "docs")
    result = run("init", cwd=tmp_path, check=True)
    assert "1 document(s) use the process-view rule pack" in result.stdout
    text = (tmp_path / "archlint.toml").read_text()
    assert '[[documents]]\npaths = ["docs/04-process-view.md"]\npack = "process-view"' in text
    assert run("check", cwd=tmp_path).returncode == 1  # the configuration is valid
    assert run("init", cwd=tmp_path).returncode == 2  # and is not overwritten


def test_init_adds_a_table_to_an_existing_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    run("init", cwd=tmp_path, check=True)
    text = (tmp_path / "pyproject.toml").read_text()
    assert text.startswith('[project]\nname = "x"\n\n[tool.archlint]\n')


def test_github_actions_job_produces_valid_sarif(tmp_path: Path) -> None:
    job = yaml.safe_load(readme_block("upload-sarif"))
    steps = job["jobs"]["archlint"]["steps"]
    command = next(s["run"] for s in steps if s.get("run", "").startswith("archlint check"))
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    shutil.copytree(ROOT / "examples", tmp_path / "docs")
    subprocess.run([*ARCHLINT, *command.split()[1:]], cwd=tmp_path, check=True)
    log = json.loads((tmp_path / upload["with"]["sarif_file"]).read_text())
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(log, schema)
    assert log["runs"][0]["results"]


def test_gitlab_job_produces_a_code_quality_report(tmp_path: Path) -> None:
    job = yaml.safe_load(readme_block("codequality"))["archlint"]
    command = next(line for line in job["script"] if line.startswith("archlint check"))
    shutil.copytree(ROOT / "examples", tmp_path / "docs")
    subprocess.run([*ARCHLINT, *command.split()[1:]], cwd=tmp_path, check=False)
    report = json.loads((tmp_path / job["artifacts"]["reports"]["codequality"]).read_text())
    assert report and all({"description", "fingerprint", "severity", "location"} <= set(i)
                          for i in report)


def _hook_repository(tmp_path: Path) -> tuple[str, str]:
    """This checkout as pre-commit would fetch it: a git repository at a commit."""
    if not (ROOT / ".git").exists():
        pytest.skip("the checkout is not a git repository")
    copy = tmp_path / "archlint-repo"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "*.egg-info",
                                                               "__pycache__", ".git"))
    git("init", "-q", cwd=copy)
    git("add", ".", cwd=copy)
    git("commit", "-qm", "archlint", cwd=copy)
    return str(copy), git("rev-parse", "HEAD", cwd=copy).strip()


def test_pre_commit_hook_refuses_leftovers_and_lets_clean_documents_through(
        tmp_path: Path) -> None:
    repository, revision = _hook_repository(tmp_path)
    config = yaml.safe_load(readme_block("pre-commit-config"))
    config["repos"][0]["repo"], config["repos"][0]["rev"] = repository, revision
    project = tmp_path / "project"
    project.mkdir()
    git("init", "-q", cwd=project)
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    pre_commit = [sys.executable, "-m", "pre_commit"]
    subprocess.run([*pre_commit, "install"], cwd=project, check=True, env=environment,
                   capture_output=True)

    def commit(name: str, text: str) -> subprocess.CompletedProcess[str]:
        (project / name).write_text(text)
        git("add", name, ".pre-commit-config.yaml", cwd=project)
        return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com",
                               "commit", "-m", f"add {name}"], cwd=project, env=environment,
                              capture_output=True, text=True, check=False)

    refused = commit("view.md", "# View\n\n## State models\n\n_Discuss significant state models_\n")
    assert refused.returncode != 0
    output = refused.stdout + refused.stderr
    assert "view.md:5:1: AL101 template prompt left in" in output, output
    git("rm", "-q", "--cached", "view.md", cwd=project)
    (project / "view.md").unlink()
    accepted = commit("clean.md", "# Notes\n\n## State models\n\nOrders are placed, then paid.\n")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    # the hook names each changed file; a template's placeholders are what it is for
    template = commit("adr-template.md", "# Title\n\n## Status\n\nTBD\n")
    assert template.returncode == 0, template.stdout + template.stderr


def test_files_git_ignores_are_not_searched_but_can_be_named(tmp_path: Path) -> None:
    git("init", "-q", cwd=tmp_path)
    (tmp_path / ".gitignore").write_text("site/\n")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "built.md").write_text("# Built\n\nTODO\n")
    (tmp_path / "source.md").write_text("# Source\n\nTODO\n")
    found = json.loads(run("check", "--output-format", "json", cwd=tmp_path).stdout)
    assert {d["path"] for d in found} == {"source.md"}
    named = json.loads(run("check", "--output-format", "json", "site/built.md",
                           cwd=tmp_path).stdout)
    assert {d["path"] for d in named} == {"site/built.md"}
