"""``archlint init`` finds the team's own template: a file named like one, or, in a
real git repository, the first committed version of the documents written from it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ARCHLINT = [sys.executable, "-m", "archlint"]

# A template of the team's own: no built-in pack knows "Security View".
BLANK = """\
# Security View

This section details how the System protects itself and the data it holds.

## Threat model

_Summarise the threats the System must resist, and which are accepted_

## Authentication

_Describe how users and services prove who they are_

## Audit

_Outlines how the audit trail is kept and who may read it_

## Related sections

_Add links to other design work on the System's security_
"""

# Filled in later; the Audit prompt kept, its italics stripped.
FILLED = """\
# Security View

This section details how the parcel service protects itself and the data it holds.

## Threat model

The main threat is someone learning where another person's parcel is going.

## Authentication

Services use mutual TLS; senders log in through the company's identity provider.

## Audit

Outlines how the audit trail is kept and who may read it

## Related sections

The context view lists the calls these rules apply to.
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ARCHLINT, *args], cwd=cwd, capture_output=True, text=True,
                          check=False)


def git(*args: str, cwd: Path) -> str:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                   "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True,
                          env=environment).stdout


def findings(cwd: Path) -> list[tuple[str, str, int]]:
    result = run("check", "--no-cache", "--output-format", "json", cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return [(d["path"], d["code"], d["line"]) for d in json.loads(result.stdout)]


def test_init_finds_the_template_in_the_first_commit(tmp_path: Path) -> None:
    views = tmp_path / "docs" / "views"
    views.mkdir(parents=True)
    (views / "security.md").write_text(BLANK)
    git("init", "-q", cwd=tmp_path)
    git("add", ".", cwd=tmp_path)
    git("commit", "-qm", "security view from our template", cwd=tmp_path)
    first = git("rev-parse", "HEAD", cwd=tmp_path).strip()
    (views / "security.md").write_text(FILLED)
    git("commit", "-qam", "fill in the security view", cwd=tmp_path)

    # without its template, the prompt that lost its italics reads as prose
    assert ("docs/views/security.md", "AL101", 15) not in findings(tmp_path)

    result = run("init", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"1 document(s) written from the template git:{first[:12]}:" in result.stdout
    config = (tmp_path / "archlint.toml").read_text()
    spec = f"git:{first[:12]}:docs/views/security.md"
    assert f'paths = ["docs/views/security.md"]\ntemplate = "{spec}"' in config
    assert f"docs/views/security.md as first committed (commit {first[:12]})" in config

    # read back through git, with no checkout: the prompt is reported, and its section
    # is empty; nothing else
    assert findings(tmp_path) == [("docs/views/security.md", "AL202", 13),
                                  ("docs/views/security.md", "AL101", 15)]
    message = json.loads(run("check", "--output-format", "json", cwd=tmp_path).stdout)[1]
    assert message["message"].startswith('template text left in: "Outlines how the audit')


def test_documents_started_from_one_template_share_it(tmp_path: Path) -> None:
    views = tmp_path / "views"
    views.mkdir()
    for name in ("payments.md", "orders.md"):
        (views / name).write_text(BLANK)
    git("init", "-q", cwd=tmp_path)
    git("add", ".", cwd=tmp_path)
    git("commit", "-qm", "two views from our template", cwd=tmp_path)
    (views / "payments.md").write_text(FILLED)
    git("commit", "-qam", "fill in one", cwd=tmp_path)
    assert run("init", cwd=tmp_path).returncode == 0
    config = (tmp_path / "archlint.toml").read_text()
    assert config.count("template = ") == 1
    assert 'paths = ["views/*.md"]' in config  # every document of the folder
    found = findings(tmp_path)
    assert ("views/payments.md", "AL101", 15) in found
    assert {path for path, _, _ in found} == {"views/orders.md", "views/payments.md"}


def test_init_finds_a_template_file_by_its_name_and_does_not_check_it(tmp_path: Path) -> None:
    adr = tmp_path / "docs" / "decisions"
    adr.mkdir(parents=True)
    (adr / "adr-template.md").write_text(BLANK)
    (adr / "0001-mutual-tls.md").write_text(FILLED)
    (tmp_path / "notes.md").write_text("# Notes\n\nNothing to do with the template.\n")
    result = run("init", cwd=tmp_path)  # not a git repository
    assert result.returncode == 0, result.stderr
    config = (tmp_path / "archlint.toml").read_text()
    assert 'exclude = ["docs/decisions/adr-template.md"]' in config
    assert ('paths = ["docs/decisions/0001-mutual-tls.md"]\n'
            'template = "docs/decisions/adr-template.md"') in config
    assert "docs/decisions/adr-template.md, a file named like a template" in config
    assert findings(tmp_path) == [("docs/decisions/0001-mutual-tls.md", "AL202", 13),
                                  ("docs/decisions/0001-mutual-tls.md", "AL101", 15)]


def test_a_document_that_did_not_start_as_a_template_gets_none(tmp_path: Path) -> None:
    (tmp_path / "security.md").write_text(FILLED)
    git("init", "-q", cwd=tmp_path)
    git("add", ".", cwd=tmp_path)
    git("commit", "-qm", "written from scratch", cwd=tmp_path)
    assert run("init", cwd=tmp_path).returncode == 0
    assert "\ntemplate = " not in (tmp_path / "archlint.toml").read_text()


def test_a_broken_git_template_is_a_one_line_error(tmp_path: Path) -> None:
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "a.md").write_text("# A\n\nText.\n")
    for spec, words in (("git:no-such-revision:a.md", "cannot read git:no-such-revision:a.md"),
                        ("git:HEAD", "is not of the form git:REVISION:PATH")):
        (tmp_path / "archlint.toml").write_text(
            f'[[documents]]\npaths = ["*.md"]\ntemplate = "{spec}"\n')
        result = run("check", cwd=tmp_path)
        assert result.returncode == 2
        assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr


def test_a_folder_whose_documents_all_follow_a_template_becomes_a_glob() -> None:
    from archlint.init import globs

    documents = ["adr/0001-a.md", "adr/0002-b.md", "views/one.md", "views/two.md", "notes.md"]
    assert globs(["adr/0001-a.md", "adr/0002-b.md", "views/one.md"], documents) == [
        "adr/*.md", "views/one.md"]
    assert globs(["notes.md"], documents) == ["notes.md"]


def test_init_finds_an_almost_blank_file_by_its_content(tmp_path: Path) -> None:
    views = tmp_path / "views"
    views.mkdir()
    (views / "blank-view.md").write_text(BLANK)       # not named like a template
    (views / "security.md").write_text(FILLED)
    assert run("init", cwd=tmp_path).returncode == 0   # not a git repository
    config = (tmp_path / "archlint.toml").read_text()
    assert "views/blank-view.md, a file that holds almost nothing but template text" in config
    assert 'template = "views/blank-view.md"' in config
    assert "\nexclude = [" not in config  # it may be a document left blank: still checked
    assert ("views/security.md", "AL101", 15) in findings(tmp_path)
