"""``archlint server`` end to end: a real LSP client starts it as a subprocess and
talks to it as an editor would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Editor, published, until
from lsprotocol import types
from pytest_lsp import LanguageClient

FIXTURES = Path(__file__).resolve().parent.parent.parent / "fixtures"
PROCESS_VIEW = FIXTURES / "process-view" / "process-view.md"


def check_json(project: Path, *names: str) -> list[dict]:
    """What ``archlint check`` says, run in the project as a user would."""
    done = subprocess.run([sys.executable, "-m", "archlint", "check", "--no-cache",
                           "--output-format", "json", *names],
                          cwd=project, capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def utf16_column(line: str, column: int) -> int:
    """archlint's 1-based code-point column as LSP's 0-based UTF-16 one."""
    return len(line[:column - 1].encode("utf-16-le")) // 2


def as_found(diagnostics: list[types.Diagnostic]) -> list[tuple[str, int, int, str]]:
    return sorted((d.code, d.range.start.line, d.range.start.character, d.message)
                  for d in diagnostics)


def expected(findings: list[dict], text: str) -> list[tuple[str, int, int, str]]:
    lines = text.split("\n")
    return sorted((f["code"], f["line"] - 1, utf16_column(lines[f["line"] - 1], f["column"]),
                   f"{f['message']} [{f['name']}]") for f in findings)


@pytest.mark.asyncio
async def test_process_view_template_gets_check_s_findings(editor: Editor, project: Path):
    path = project / "process-view.md"
    shutil.copy(PROCESS_VIEW, path)
    found = await editor.open(path)
    findings = check_json(project, "process-view.md")
    assert len(findings) >= 20
    assert as_found(found) == expected(findings, path.read_text(encoding="utf-8"))
    assert {d.source for d in found} == {"archlint"}
    severities = {d.code: d.severity for d in found}
    assert severities["AL101"] == types.DiagnosticSeverity.Error
    assert severities["AL304"] == types.DiagnosticSeverity.Warning


@pytest.mark.asyncio
async def test_columns_are_utf16_with_non_ascii_text(editor: Editor, project: Path):
    text = ("# Überblick 😀\n\n"
            "Wir 😀😀 schreiben — TBD hier, und 𝄞 xxx dort.\n\n"
            "Siehe [Ziele](#zíele) 😀.\n")
    path = project / "notes.md"
    path.write_text(text, encoding="utf-8")
    found = await editor.open(path)
    findings = check_json(project, "notes.md")
    assert {f["code"] for f in findings} >= {"AL102", "AL301"}
    assert as_found(found) == expected(findings, text)
    tbd = next(d for d in found if "TBD" in d.message)
    line = text.split("\n")[2]
    # code points before "TBD" differ from UTF-16 units: each 😀 is two units
    assert line.index("TBD") == 19 and tbd.range.start.character == 21


@pytest.mark.asyncio
async def test_removing_a_prompt_clears_its_diagnostic(editor: Editor, project: Path):
    path = project / "process-view.md"
    shutil.copy(PROCESS_VIEW, path)
    text = path.read_text(encoding="utf-8")
    before = await editor.open(path)
    prompt = "_Discuss significant state models_"
    line = text.split("\n").index(prompt)
    assert any(d.code == "AL101" and d.range.start.line == line for d in before)
    after = await editor.change(path, text.replace(prompt, "The order moves from new to paid."))
    assert not any(d.code == "AL101" and d.range.start.line == line for d in after)
    assert len([d for d in after if d.code == "AL101"]) == \
        len([d for d in before if d.code == "AL101"]) - 1


@pytest.mark.asyncio
async def test_changes_in_quick_succession_are_checked_once(editor: Editor, project: Path,
                                                            client: LanguageClient):
    path = project / "notes.md"
    await editor.open(path, "# Notes\n\nSome text.\n")
    mark = len(client.published)
    text = "# Notes\n\nSome text."
    for word in (" TBD", " and", " more"):
        text += word
        last = editor.send_change(path, text + "\n")
    final = await published(client, path.as_uri(), last, mark)
    assert [d.code for d in final.diagnostics] == ["AL102"]
    assert [p.version for p in client.published[mark:] if p.uri == path.as_uri()] == [last]


DOCSET_A = """# Overview

## Quality goals

The system answers within a second.
"""

DOCSET_B = """# Flows

See [the goals](./overview.md#quality-goals) and [the same](overview.md#quality-goals).
"""


@pytest.mark.asyncio
async def test_a_renamed_heading_breaks_the_anchor_in_another_open_file(
        editor: Editor, project: Path, client: LanguageClient):
    overview, process = project / "overview.md", project / "process.md"
    overview.write_text(DOCSET_A, encoding="utf-8")
    process.write_text(DOCSET_B, encoding="utf-8")
    assert await editor.open(process) == []
    assert await editor.open(overview) == []
    mark = len(client.published)
    renamed = DOCSET_A.replace("## Quality goals", "## Quality attributes")
    await editor.change(overview, renamed)  # not saved yet: the open text counts
    broken = (await published(client, process.as_uri(), after=mark)).diagnostics
    assert [(d.code, d.range.start.line) for d in broken] == [("AL303", 2), ("AL303", 2)]
    assert "quality-attributes" in broken[0].message
    # saved, and renamed back: the other document follows again
    editor.save(overview)
    await editor.change(overview, DOCSET_A)
    editor.save(overview)
    assert await until(client, process.as_uri(), lambda found: found == []) == []


@pytest.mark.asyncio
async def test_closing_a_document_hands_its_anchors_back_to_the_file(
        editor: Editor, project: Path, client: LanguageClient):
    overview, process = project / "overview.md", project / "process.md"
    overview.write_text(DOCSET_A, encoding="utf-8")
    process.write_text(DOCSET_B, encoding="utf-8")
    await editor.open(process)
    await editor.open(overview)
    mark = len(client.published)
    await editor.change(overview, DOCSET_A.replace("Quality goals", "Goals"))
    assert (await published(client, process.as_uri(), after=mark)).diagnostics
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=overview.as_uri())))
    # unsaved, so the file on disk still has the heading
    assert await until(client, process.as_uri(), lambda found: found == []) == []
