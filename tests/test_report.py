"""``archlint report``: the overview's figures, its formats (terminal, JSON with its
schema, HTML) and what changed since a revision or an earlier report. The HTML page in
a browser is tested in test_report_browser.py, the progress bar in test_progress.py."""

from __future__ import annotations

import base64
import hashlib
import html as html_module
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from archlint import config, engine
from archlint.report import changes, gather, html, overview, terminal

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
SCHEMA = json.loads((ROOT / "src" / "archlint" / "report" / "report-schema.json")
                    .read_text(encoding="utf-8"))
HOSTILE = ROOT / "fixtures" / "report" / "hostile"


def archlint(*arguments: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CI")}
    return subprocess.run([sys.executable, "-m", "archlint", *arguments], cwd=cwd,
                          capture_output=True, text=True, check=False,
                          env={**environment, **env})


def examples_overview() -> overview.Overview:
    linter = engine.Linter.create(config.discover(ROOT))
    return gather.gather(linter, [ROOT / "examples"])


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of the bundled examples to change."""
    shutil.copytree(ROOT / "examples", tmp_path / "docs")
    return tmp_path


# -- the overview ---------------------------------------------------------------------

def test_the_figures_are_those_of_status() -> None:
    picture = examples_overview()
    statuses = {s.path: s for s in (engine.Linter.create(config.discover(ROOT))
                                    .assess_file(p) for p in sorted((ROOT / "examples")
                                                                    .glob("*.md")))}
    assert {card.name for card in picture.cards} == set(statuses)
    assert picture.expected == sum(s.expected for s in statuses.values())
    assert picture.done == sum(s.done for s in statuses.values())
    for card in picture.cards:
        status = statuses[card.name]
        assert [(s.title, s.state) for s in card.sections] \
            == [(s.title, s.state.value) for s in status.sections]
        assert card.completeness == status.completeness


def test_findings_are_those_of_check_on_their_cards() -> None:
    picture = examples_overview()
    linter = engine.Linter.create(config.discover(ROOT))
    diagnostics, count = linter.lint_paths([ROOT / "examples"])
    assert picture.files_checked == count == 3
    assert sorted((f.path, f.line, f.code) for f in picture.findings) \
        == sorted((d.path, d.line, d.code) for d in diagnostics)
    for card in picture.cards:
        assert all(finding.path == card.name for finding in card.findings)
    ranked = picture.findings_by_rule()
    assert sum(count for _, count in ranked) == len(diagnostics)
    assert [count for _, count in ranked] == sorted((c for _, c in ranked), reverse=True)


def test_least_finished_first_and_unreadable_before_all(tmp_path: Path) -> None:
    shutil.copy(ROOT / "examples" / "04-process-view.md", tmp_path / "half.md")
    (tmp_path / "whole.md").write_text("# Notes\n\n## Scope\n\nAll of it.\n", encoding="utf-8")
    (tmp_path / "blank.md").write_text("# Plan\n\n## Scope\n\n## Risks\n", encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"# \xff\xfe not UTF-8\n")
    linter = engine.Linter.create(config.discover(tmp_path))
    picture = gather.gather(linter, [tmp_path])
    assert [Path(card.name).name for card in picture.cards] \
        == ["binary.md", "blank.md", "half.md", "whole.md"]
    assert [card.state for card in picture.cards] \
        == ["unreadable", "not-started", "in-progress", "complete"]
    assert [f.code for f in picture.cards[0].findings] == ["AL001"]
    assert picture.documents_by_state() == {"unreadable": 1, "not-started": 1,
                                            "in-progress": 1, "complete": 1}


def arc42_set(root: Path) -> Path:
    """An arc42 documentation set, one chapter per file: one chapter written, one with
    only its prompt, the other ten absent."""
    (root / "archlint.toml").write_text(
        '[[documents]]\npaths = ["docs/arc42/*.md"]\npack = "arc42"\n', encoding="utf-8")
    folder = root / "docs" / "arc42"
    folder.mkdir(parents=True)
    (folder / "01_introduction_and_goals.md").write_text(
        "# Introduction and Goals\n\nThe shop sells books.\n\n## Requirements Overview\n\n"
        "Customers order books.\n\n## Quality Goals\n\nFast.\n\n## Stakeholders\n\n"
        "Customers. The xxx team.\n", encoding="utf-8")
    (folder / "02_architecture_constraints.md").write_text(
        "# Architecture Constraints\n\n_Describe the constraints that bind the team._\n",
        encoding="utf-8")
    return folder


def test_a_documentation_set_is_a_card_of_its_own(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    arc42_set(tmp_path)
    monkeypatch.chdir(tmp_path)
    linter = engine.Linter.create(config.discover(tmp_path))
    picture = gather.gather(linter, [Path("docs")])
    [card] = picture.sets
    members = ("docs/arc42/01_introduction_and_goals.md",
               "docs/arc42/02_architecture_constraints.md")
    assert card.kind == "set" and card.name == "docs/arc42/" and card.members == members
    states = {section.title: section.state for section in card.sections}
    assert len(states) == 12 and states["Introduction and Goals"] == "done"
    assert states["Architecture Constraints"] == "prompt-only"
    assert sorted(set(states.values())) == ["done", "missing", "prompt-only"]
    assert card.completeness == 1 / 12 and card.state == "in-progress"
    findings = {(f.path, f.code) for f in card.findings}
    assert (members[1], "AL101") in findings and (members[0], "AL102") in findings
    assert len(card.findings) == sum(len(c.findings) for c in picture.documents)
    assert {c.name for c in picture.documents} == set(members)  # cards of their own too
    assert picture.sets_by_state()["in-progress"] == 1
    jsonschema.validate(picture.as_dict(), SCHEMA)
    assert "docs/arc42/ (set of 2)" in terminal.render(picture, False, 100)
    assert 'data-kind="set"' in html.render(picture)


# -- JSON -------------------------------------------------------------------------------

def test_json_follows_its_schema_and_reads_back() -> None:
    result = archlint("report", "--output-format", "json", "examples")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["summary"]["completeness"] == 0.7
    assert data["summary"]["documents_by_state"]["in-progress"] == 1
    assert overview.from_dict(data).as_dict() == data


def test_a_report_of_the_earlier_version_still_reads_back() -> None:
    # version 1 had no "unrecognised" state; --compare takes such a report all the same
    data = json.loads(archlint("report", "--output-format", "json", "examples").stdout)
    data["version"] = 1
    del data["summary"]["sections_by_state"]["unrecognised"]
    assert overview.from_dict(data).cards
    data["version"] = 99
    with pytest.raises(ValueError, match="version 1 or 2"):
        overview.from_dict(data)


def test_an_unrecognised_section_says_its_line_is_a_perhaps() -> None:
    section = overview.Section("State models", 2, True, "unrecognised", 7)
    assert section.where == "perhaps line 7"
    assert overview.Section("State models", 2, True, "done", 7).where == "line 7"
    assert overview.Section("State models", 2, True, "missing", None).where is None
    assert "<td class=\"num\">perhaps 7</td>" in html._section_row(section)


def test_the_readme_describes_the_schema() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for key in SCHEMA["properties"]["summary"]["required"]:
        assert f"`{key}`" in readme, key


# -- the terminal -----------------------------------------------------------------------

@pytest.mark.parametrize("width", [60, 100])
def test_the_terminal_report_at_a_fixed_width(width: int) -> None:
    result = archlint("report", "examples", COLUMNS=str(width))
    assert result.returncode == 0, result.stderr
    snapshot = SNAPSHOTS / f"report-examples-{width}.txt"
    if os.environ.get("ARCHLINT_UPDATE_SNAPSHOTS"):
        snapshot.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == snapshot.read_text(encoding="utf-8")
    assert max(len(line) for line in result.stdout.splitlines()) <= width
    assert "\x1b" not in result.stdout  # no colour on a pipe


def test_colour_only_on_a_terminal_and_never_with_no_color() -> None:
    picture = examples_overview()
    assert "\x1b[" in terminal.render(picture, True, 80)
    assert "\x1b[" not in terminal.render(picture, False, 80)
    result = archlint("report", "examples", NO_COLOR="1", TERM="xterm", FORCE_COLOR="1")
    assert "\x1b" not in result.stdout


def test_bars_read_without_colour() -> None:
    text = terminal.render(examples_overview(), False, 100)
    line = next(line for line in text.splitlines() if line.startswith("examples/04"))
    bar = re.search(r"(█+)(░+)", line)
    assert bar is not None and len(bar.group(1)) == len(bar.group(2))  # 50 %


# -- HTML -------------------------------------------------------------------------------

def test_the_page_is_self_contained_with_a_strict_policy(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = archlint("report", "examples", "--html", str(page))
    assert result.returncode == 0, result.stderr
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"(src|href)=\"(https?:)?//", text)
    assert "@import" not in text and "url(" not in text
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
    assert policy is not None
    directives = dict(part.strip().split(" ", 1)
                      for part in html_module.unescape(policy.group(1)).split(";"))
    assert directives["default-src"] == "'none'"
    style = re.search(r"<style>(.*?)</style>", text, re.DOTALL).group(1)
    script = re.search(r"<script>(.*?)</script>", text, re.DOTALL).group(1)

    def digest(content: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(content.encode()).digest()
                                             ).decode() + "'"
    assert directives["style-src"] == digest(style)
    assert directives["script-src"] == digest(script)
    assert text.count("<script") == 1 and text.count("<style") == 1
    assert " style=" not in text  # inline style attributes would be refused


def test_every_text_is_escaped(tmp_path: Path) -> None:
    name = """a<b>&"c'.md"""
    (tmp_path / name).write_text("# T\n\n## <i>x</i> \\<b>\n\n_Write here_\n", encoding="utf-8")
    linter = engine.Linter.create(config.discover(tmp_path))
    picture = gather.gather(linter, [tmp_path / name])
    page = html.render(picture, base=tmp_path)
    body = page.split("<body>", 1)[1].split("<script>", 1)[0]
    assert "<b>" not in body and "<i>" not in body and "a<b>" not in body
    assert "a&lt;b&gt;&amp;&quot;c&#x27;.md" in body
    assert 'href="./a%3Cb%3E%26%22c%27.md"' in body
    assert "&lt;b&gt;" in body


def test_a_document_without_a_rule_pack_says_so() -> None:
    picture = examples_overview()
    page = html.render(picture)
    packless = [card for card in picture.documents if card.pack is None]
    assert packless  # two of the bundled examples have no pack of their own
    assert page.count("no rule pack: its own sections") == len(packless)
    assert page.count('<span class="muted">rule pack process-view</span>') == 1


def test_the_hostile_set_stays_text(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = archlint("report", "--no-cache", "--config", str(HOSTILE / "archlint.toml"),
                      str(HOSTILE.relative_to(ROOT)), "--html", str(page))
    assert result.returncode == 0, result.stderr
    text = page.read_text(encoding="utf-8")
    assert "javascript:" not in text
    assert "<script>alert" not in text and "onerror=\"" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


# -- the command line -------------------------------------------------------------------

def test_html_to_a_file_says_where(tmp_path: Path) -> None:
    result = archlint("report", "examples", "--html", str(tmp_path / "r.html"))
    assert result.stdout == ""
    assert result.stderr == f"Wrote the report to {tmp_path / 'r.html'}.\n"


@pytest.mark.parametrize("arguments", [
    ["--html", "x.html", "--output-format", "json"],
    ["--html", "x.html", "--output-file", "y.html"],
    ["--since", "HEAD", "--compare", "README.md"],
])
def test_contradictory_options_are_usage_errors(arguments: list[str]) -> None:
    result = archlint("report", "examples", *arguments)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_a_bad_baseline_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "old.json"
    bad.write_text('{"version": 9}', encoding="utf-8")
    result = archlint("report", "examples", "--compare", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith(f"archlint: error: {bad}: not an archlint report")
    assert len(result.stderr.splitlines()) == 1


def test_since_outside_git_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n", encoding="utf-8")
    result = archlint("report", "--since", "HEAD", "a.md", cwd=tmp_path,
                      GIT_CEILING_DIRECTORIES=str(tmp_path.parent))
    assert result.returncode == 2
    assert result.stderr.startswith("archlint: error: --since")
    assert len(result.stderr.splitlines()) == 1


# -- what changed ------------------------------------------------------------------------

def finish_the_process_view(folder: Path) -> None:
    view = folder / "docs" / "04-process-view.md"
    text = view.read_text(encoding="utf-8")
    text = text.replace("_Discuss significant state models_",
                        "An order is placed, paid, shipped or cancelled.")
    text = text.replace("with a 300 ms timeout; the xxx", "with a 300 ms timeout; the billing")
    text = text.replace("(#state-model)", "(#state-models)")
    text += "\n## Related sections\n\nSee the [Deployment View](./05-deployment-view.md) TBD.\n"
    view.write_text(text, encoding="utf-8")


def test_compare_with_an_earlier_report(docs: Path) -> None:
    before = archlint("report", "--output-format", "json", "docs", cwd=docs)
    (docs / "before.json").write_text(before.stdout, encoding="utf-8")
    finish_the_process_view(docs)
    result = archlint("report", "--output-format", "json", "--compare", "before.json", "docs",
                      cwd=docs)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    assert_the_changes(data["changes"])
    text = archlint("report", "--compare", "before.json", "docs", cwd=docs).stdout
    assert "Changes since before.json" in text
    assert "✓ became done: State models" in text


def assert_the_changes(changed: dict) -> None:
    assert changed["before"] == 0.7 and changed["after"] == 0.9
    [document] = changed["documents"]
    assert document["name"] == "docs/04-process-view.md"
    assert (document["before"], document["after"]) == (0.5, round(5 / 6, 4))
    assert document["became_done"] == ["State models", "Related sections"]
    assert document["no_longer_done"] == []
    assert sorted(f["code"] for f in document["fixed"]) \
        == ["AL101", "AL102", "AL201", "AL202", "AL301"]
    assert [(f["code"], f["message"]) for f in document["new"]] == [
        ("AL304", 'heading "Related sections" is missing from the table of contents'),
        ("AL102", 'placeholder "TBD" left in')]


def git(folder: Path, *arguments: str) -> None:
    subprocess.run(["git", *arguments], cwd=folder, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


def test_since_a_git_revision(docs: Path) -> None:
    git(docs, "init", "-q", "-b", "main")
    git(docs, "add", "-A")
    git(docs, "commit", "-q", "-m", "the examples")
    finish_the_process_view(docs)  # not committed: the work tree against HEAD
    result = archlint("report", "--output-format", "json", "--since", "HEAD", "docs",
                      cwd=docs)
    assert result.returncode == 0, result.stderr
    assert_the_changes(json.loads(result.stdout)["changes"])
    text = archlint("report", "--since", "HEAD", "docs", cwd=docs, COLUMNS="100").stdout
    shown = "Changes since HEAD\n" + text.split("Changes since HEAD\n", 1)[1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```text\n{shown}```" in readme  # the README shows what it prints
    from_inside = archlint("report", "--output-format", "json", "--since", "HEAD", ".",
                           cwd=docs / "docs")  # from a folder below the top
    assert json.loads(from_inside.stdout)["changes"]["after"] == 0.9
    html_page = docs / "r.html"
    archlint("report", "--since", "HEAD", "docs", "--html", str(html_page), cwd=docs)
    assert "Changes since HEAD" in html_page.read_text(encoding="utf-8")


def test_a_document_added_and_one_removed() -> None:
    picture = examples_overview()
    first, *rest = picture.cards
    before = overview.Overview(tuple(rest), picture.rules, 2)
    after = overview.Overview(tuple(picture.cards[:-1]), picture.rules, 2)
    changed = changes.compare(before, after, "then")
    names = {d.name: (d.before, d.after) for d in changed.documents}
    assert names[first.name][0] is None
    assert names[picture.cards[-1].name][1] is None
    assert [line.kind for line in changed.lines()][0] == "overall"


def test_a_finding_that_only_moved_is_neither_fixed_nor_new(docs: Path) -> None:
    before = archlint("report", "--output-format", "json", "docs", cwd=docs)
    (docs / "before.json").write_text(before.stdout, encoding="utf-8")
    view = docs / "docs" / "01-architecture-overview.md"
    text = view.read_text(encoding="utf-8")
    view.write_text(text.replace("\n\n", "\n\nMore words of our own here.\n\n", 1),
                    encoding="utf-8")
    data = json.loads(archlint("report", "--output-format", "json", "--compare",
                               "before.json", "docs", cwd=docs).stdout)
    assert data["changes"]["documents"] == []


def test_nothing_to_report_says_so(tmp_path: Path) -> None:
    result = archlint("report", cwd=tmp_path)
    assert result.returncode == 0
    assert "No Markdown files were found" in result.stdout and "100%" not in result.stdout
    page = tmp_path / "r.html"
    archlint("report", "--html", str(page), cwd=tmp_path)
    assert "No Markdown files were found" in page.read_text(encoding="utf-8")


def on_a_terminal(*arguments: str, **env: str) -> str:
    """What ``archlint`` prints with standard output on a pseudo-terminal (100 columns)."""
    import fcntl
    import pty
    import struct
    import termios

    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("NO_COLOR", "CI", "COLUMNS", "FORCE_COLOR")}
    process = subprocess.Popen([sys.executable, "-m", "archlint", *arguments], cwd=ROOT,
                               stdout=terminal, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL,
                               env={**environment, "TERM": "xterm-256color", **env})
    os.close(terminal)
    received = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        received += chunk
    os.close(controller)
    process.wait(timeout=60)
    return received.decode()


def test_colour_on_a_terminal_sized_to_it() -> None:
    shown = on_a_terminal("report", "examples")
    assert "\x1b[" in shown
    plain = re.sub(r"\x1b\[[0-9;]*m", "", shown)
    assert max(len(line) for line in plain.splitlines()) == 100
    assert "\x1b[" not in on_a_terminal("report", "examples", NO_COLOR="1")
