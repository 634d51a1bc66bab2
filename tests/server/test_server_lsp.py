"""``archlint server`` end to end: a real LSP client starts it as a subprocess and
talks to it as an editor would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lsp_session import (  # noqa: F401 - fixtures
    Editor,
    client,
    editor,
    patient_client,
    project,
    published,
    until,
    utf8_client,
)
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
async def test_a_template_or_excluded_file_gets_no_findings(editor: Editor, project: Path):
    # what `archlint check` leaves out of a folder: a template is all placeholders
    template = project / "adr-template.md"
    template.write_text("# Title\n\n## Status\n\nTBD\n", encoding="utf-8")
    assert await editor.open(template) == []
    record = project / "0001-use-a-queue.md"
    record.write_text("# Use a queue\n\n## Status\n\nTBD\n", encoding="utf-8")
    assert "AL102" in {d.code for d in await editor.open(record)}


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
async def test_columns_in_utf8_when_the_client_prefers_them(project: Path,
                                                           utf8_client: LanguageClient):
    editor = Editor(utf8_client)
    path = project / "notes.md"
    found = await editor.open(path, "# Notes 😀\n\nDone 😀 é here.\n")
    assert found == []
    found = await editor.insert(path, 2, 13, "TBD ")  # after "Done 😀 é ": 13 bytes
    assert [(d.code, d.range.start.line, d.range.start.character) for d in found] == [
        ("AL102", 2, 13)]
    line = "Done 😀 é TBD here."
    assert found[0].range.end.character == len(line.encode("utf-8")) == 22  # UTF-16: 19


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
async def test_changes_in_quick_succession_are_checked_once(project: Path,
                                                            patient_client: LanguageClient):
    client, editor = patient_client, Editor(patient_client)
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
    renamed = DOCSET_A.replace("## Quality goals", "## Quality attributes")
    await editor.change(overview, renamed)  # not saved yet: the open text counts
    broken = await until(client, process.as_uri(), lambda found: found != [])
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
    await editor.change(overview, DOCSET_A.replace("Quality goals", "Goals"))
    await until(client, process.as_uri(), lambda found: found != [])
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=overview.as_uri())))
    # unsaved, so the file on disk still has the heading
    assert await until(client, process.as_uri(), lambda found: found == []) == []


# -- code actions

def offset(text: str, position: types.Position) -> int:
    """An LSP position (UTF-16 columns) as an offset in ``text``."""
    lines = text.split("\n")
    before = sum(len(line) + 1 for line in lines[:position.line])
    units = lines[position.line].encode("utf-16-le")[:position.character * 2]
    return before + len(units.decode("utf-16-le"))


def applied(text: str, action: types.CodeAction, uri: str) -> str:
    assert action.edit is not None and action.edit.changes is not None
    for edit in sorted(action.edit.changes[uri], key=lambda e: (e.range.start.line,
                       e.range.start.character), reverse=True):
        text = text[:offset(text, edit.range.start)] + edit.new_text + \
            text[offset(text, edit.range.end):]
    return text


async def actions_for(client: LanguageClient, uri: str, diagnostic: types.Diagnostic,
                      only: list[str] | None = None) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic], only=only)))
    return [a for a in found or () if isinstance(a, types.CodeAction)]


def count(diagnostics: list[types.Diagnostic], diagnostic: types.Diagnostic) -> int:
    return sum(1 for d in diagnostics if (d.code, d.message) == (diagnostic.code,
                                                                  diagnostic.message))


ANCHORS = """# Flows

See [the states](#state-model), [the goals](#Quality-Goals) and [más](#mas-alla).

## State models

The states are new, paid and shipped.

## Quality goals

Answers within a second.

## Más allá 😀

Later.
"""


async def each_action_clears_its_finding(editor: Editor, client: LanguageClient, path: Path
                                         ) -> list[str]:
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    found = await editor.open(path)
    titles = []
    for diagnostic in found:
        offered = await actions_for(client, uri, diagnostic, [types.CodeActionKind.QuickFix])
        # actions for the findings of the range; each names the one it is for
        actions = [a for a in offered if a.diagnostics and count(a.diagnostics, diagnostic)]
        assert any(a.title.startswith(f"Disable {diagnostic.code}") for a in actions)
        for action in actions:
            assert action.kind == types.CodeActionKind.QuickFix
            after = await editor.change(path, applied(text, action, uri))
            assert count(after, diagnostic) == count(found, diagnostic) - 1, action.title
            titles.append(action.title)
        await editor.change(path, text)
    return titles


@pytest.mark.asyncio
async def test_each_code_action_on_the_process_view_clears_its_finding(
        editor: Editor, project: Path, client: LanguageClient):
    path = project / "process-view.md"
    shutil.copy(PROCESS_VIEW, path)
    titles = await each_action_clears_its_finding(editor, client, path)
    assert len([t for t in titles if t.startswith("Disable")]) == 22
    assert any(t.startswith("AL304: ") for t in titles)  # the table of contents' entry


@pytest.mark.asyncio
async def test_broken_anchor_actions_fix_the_case_or_take_the_suggestion(
        editor: Editor, project: Path, client: LanguageClient):
    path = project / "flows.md"
    path.write_text(ANCHORS, encoding="utf-8")
    titles = await each_action_clears_its_finding(editor, client, path)
    assert 'AL301: change to the suggested anchor "#state-models"' in titles
    assert 'AL301: change to the suggested anchor "#más-allá-"' in titles
    assert 'AL301: use "#quality-goals"' in titles


@pytest.mark.asyncio
async def test_fix_all_makes_what_fix_makes(editor: Editor, project: Path,
                                            client: LanguageClient):
    path = project / "process-view.md"
    shutil.copy(PROCESS_VIEW, path)
    found = await editor.open(path)
    actions = await actions_for(client, path.as_uri(), found[0],
                                [types.CodeActionKind.SourceFixAll])
    assert [a.kind for a in actions] == [types.CodeActionKind.SourceFixAll]
    fixed = applied(path.read_text(encoding="utf-8"), actions[0], path.as_uri())
    subprocess.run([sys.executable, "-m", "archlint", "check", "--fix", "--no-cache",
                    "process-view.md"], cwd=project, capture_output=True, check=False)
    assert fixed == path.read_text(encoding="utf-8")


# -- hover and completion

@pytest.mark.asyncio
async def test_hover_on_a_finding_shows_the_rule_s_documentation(
        editor: Editor, project: Path, client: LanguageClient):
    path = project / "flows.md"
    path.write_text(ANCHORS, encoding="utf-8")
    found = await editor.open(path)
    first = min(found, key=lambda d: d.range.start.character)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        position=types.Position(first.range.start.line, first.range.start.character + 3)))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value.startswith("**AL301 broken-anchor** (error): ")
    assert "## What it does" in hover.contents.value and "## Use instead" in hover.contents.value
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        position=types.Position(6, 3)))
    assert nothing is None


async def complete(client: LanguageClient, uri: str, line: int, character: int
                   ) -> types.CompletionList:
    found = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line, character),
        context=types.CompletionContext(trigger_kind=types.CompletionTriggerKind.TriggerCharacter,
                                        trigger_character="#")))
    assert isinstance(found, types.CompletionList)
    return found


@pytest.mark.asyncio
async def test_anchor_completion_in_this_file_and_another(editor: Editor, project: Path,
                                                          client: LanguageClient):
    (project / "overview.md").write_text(DOCSET_A, encoding="utf-8")
    path = project / "flows.md"
    path.write_text(ANCHORS, encoding="utf-8")
    await editor.open(path)
    typed = ANCHORS + "\nSee [here](#) and [there](./overview.md#qu 😀\n"
    editor.send_change(path, typed)
    line = typed.split("\n").index("See [here](#) and [there](./overview.md#qu 😀")
    here = await complete(client, path.as_uri(), line, len("See [here](#"))
    assert [item.label for item in here.items] == [
        "flows", "state-models", "quality-goals", "más-allá-"]
    assert here.items[3].detail == "Más allá 😀"
    there = await complete(client, path.as_uri(), line,
                           len("See [here](#) and [there](./overview.md#qu"))
    assert [item.label for item in there.items] == ["overview", "quality-goals"]
    edit = there.items[1].text_edit
    assert isinstance(edit, types.TextEdit)
    assert (edit.range.start.character, edit.range.end.character) == (40, 42)
    outside = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        position=types.Position(line, 3)))
    assert outside is None or not getattr(outside, "items", outside)


# -- configuration

@pytest.mark.asyncio
async def test_bad_configuration_is_a_message_and_the_server_keeps_serving(
        editor: Editor, project: Path, client: LanguageClient):
    config = project / "archlint.toml"
    config.write_text('selekt = ["AL102"]\n', encoding="utf-8")
    path = project / "notes.md"
    assert await editor.open(path, "# Notes\n\nTBD _Describe the context here._\n") == []
    await until(client, path.as_uri(), lambda found: client.messages)
    await editor.change(path, "# Notes\n\nTBD _Describe the context here_ xxx.\n")
    assert len(client.messages) == 1
    message = client.messages[0]
    assert message.type == types.MessageType.Error
    assert "archlint.toml" in message.message and "selekt" in message.message
    # still serving: a request is answered, and a good configuration is used
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        position=types.Position(2, 1)))
    assert hover is None
    config.write_text('select = ["AL102"]\n', encoding="utf-8")
    found = await until(client, path.as_uri(), lambda found: found != [])
    assert [(d.code, d.range.start.character) for d in found] == [("AL102", 0), ("AL102", 32)]
    assert len(client.messages) == 1


@pytest.mark.asyncio
async def test_a_configuration_or_template_change_checks_open_documents_again(
        editor: Editor, project: Path, client: LanguageClient):
    (project / "template.md").write_text(
        "# Decision\n\n## Context\n\n_Describe the forces at play here._\n", encoding="utf-8")
    config = project / "archlint.toml"
    config.write_text('[[documents]]\npaths = ["adr/*.md"]\ntemplate = "template.md"\n',
                      encoding="utf-8")
    (project / "adr").mkdir()
    path = project / "adr" / "0001.md"
    found = await editor.open(path, "# Decision\n\n## Context\n\nWe need a queue.\n")
    assert found == []
    (project / "template.md").write_text(
        "# Decision\n\n## Context\n\n_Describe the forces._\n\n## Consequences\n\n"
        "_What becomes easier._\n", encoding="utf-8")
    found = await until(client, path.as_uri(), lambda found: found != [])
    assert [d.code for d in found] == ["AL201"] and "Consequences" in found[0].message
    with config.open("a", encoding="utf-8") as appended:
        appended.write('[severity]\nAL201 = "warning"\n')
    warning = types.DiagnosticSeverity.Warning
    found = await until(client, path.as_uri(),
                        lambda found: bool(found) and found[0].severity == warning)
    assert [d.code for d in found] == ["AL201"]


def test_without_the_server_extra_the_command_says_how_to_install_it(tmp_path: Path):
    blocked = ("import sys\n"
               "sys.modules['pygls'] = None\n"  # as if pygls were not installed
               "from archlint.cli import main\n"
               "main(['server'])\n")
    done = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True,
                          cwd=tmp_path, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "archlint: error: the language server needs the server extra (pygls is not "
        "installed): pip install 'archlint[server]'"]


@pytest.mark.asyncio
async def test_a_documentation_set_gets_check_s_findings_and_working_actions(
        editor: Editor, project: Path, client: LanguageClient):
    shutil.copytree(FIXTURES / "docset", project, dirs_exist_ok=True)
    names = ["01-overview.md", "views/functional.md", "views/process.md"]
    opened = {name: await editor.open(project / name) for name in names}
    findings = check_json(project, *names)
    for name in names:
        mine = [f for f in findings if f["path"] == name]
        assert mine, name
        text = (project / name).read_text(encoding="utf-8")
        assert as_found(opened[name]) == expected(mine, text), name
    titles = await each_action_clears_its_finding(editor, client, project / "views/functional.md")
    assert 'AL303: change to the suggested anchor "#state-models"' in titles
    assert 'AL303: use "#regions"' in titles
    titles = await each_action_clears_its_finding(editor, client, project / "views/process.md")
    assert titles.count("Disable AL201 (missing-section) for this line") == 5


@pytest.mark.asyncio
async def test_incremental_changes_after_non_ascii_text(editor: Editor, project: Path,
                                                        client: LanguageClient):
    path = project / "notes.md"
    found = await editor.open(path, "# Notes 😀\n\nDone 😀 here.\n")
    assert found == []
    found = await editor.insert(path, 2, 8, "TBD ")  # after "Done 😀 ": 8 UTF-16 units
    assert [(d.code, d.range.start.line, d.range.start.character) for d in found] == [
        ("AL102", 2, 8)]


@pytest.mark.asyncio
async def test_a_linked_file_changed_on_disk_is_read_again(editor: Editor, project: Path,
                                                           client: LanguageClient):
    overview, process = project / "overview.md", project / "process.md"
    overview.write_text(DOCSET_A, encoding="utf-8")
    assert await editor.open(process, DOCSET_B) == []
    overview.write_text(DOCSET_A.replace("Quality goals", "Goals"), encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=overview.as_uri(), type=types.FileChangeType.Changed)]))
    found = await until(client, process.as_uri(), lambda found: found != [])
    assert [d.code for d in found] == ["AL303", "AL303"]
    # the server asked to be told of changed Markdown and configuration files
    watchers = [r.register_options for r in client.registrations
                if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    patterns = [w["globPattern"] for w in watchers[0]["watchers"]]
    assert patterns[:2] == ["**/*.md", "**/*.markdown"]


RECORD = "# {0}\n## Status\nAccepted\n## Context\nc\n## Decision\nd\n## Consequences\ne\n"


@pytest.mark.asyncio
async def test_a_record_hears_that_its_index_listing_it_was_saved(editor: Editor,
                                                                   project: Path) -> None:
    (project / "archlint.toml").write_text(
        '[[documents]]\npaths = ["adr/*.md"]\npack = "nygard-adr"\n')
    adr = project / "adr"
    adr.mkdir()
    for name, title in (("0001-a.md", "1. A"), ("0002-b.md", "2. B"), ("0003-c.md", "3. C")):
        (adr / name).write_text(RECORD.format(title))
    index = adr / "README.md"
    index.write_text("# Decisions\n\n* [A](0001-a.md)\n* [B](0002-b.md)\n")
    record = adr / "0003-c.md"
    assert [d.code for d in await editor.open(record)] == ["AL305"]
    await editor.open(index)  # open in the editor, edited, saved
    await editor.change(index, index.read_text() + "* [C](0003-c.md)\n")
    editor.save(index)
    await until(editor.client, record.as_uri(), lambda found: not found)
