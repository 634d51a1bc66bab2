"""What the server answers about a checked document, as LSP values: its findings as
diagnostics, the code actions that resolve them, the documentation of a finding's rule
on hover, and the anchors that complete a ``#fragment`` being typed."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from archlint.diagnostics import Diagnostic, Severity
from archlint.server import edits, fragments
from archlint.server.edits import Replacement
from archlint.server.positions import (
    UTF16,
    Point,
    code_points,
    offset_to_client,
    split_lines,
    to_client,
    units,
)
from archlint.server.workspace import Checked, OpenDocument, Workspace

SOURCE = "archlint"

_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error,
             Severity.WARNING: types.DiagnosticSeverity.Warning}


def to_lsp(d: Diagnostic, lines: list[str], encoding: str = UTF16) -> types.Diagnostic:
    """An archlint finding as an LSP diagnostic: from the finding's column to the end of
    the line's text. Rule codes have no published documentation site to link to
    (``codeDescription``); hover shows a rule's documentation, as ``archlint rule CODE``
    prints it."""
    start = to_client(lines, d.line, d.column, encoding)
    text = lines[start.line] if lines else ""
    end = Point(start.line, max(units(text.rstrip(), encoding), start.character))
    return types.Diagnostic(
        range=lsp_range(start, end), message=f"{d.message} [{d.name}]", code=d.code,
        source=SOURCE, severity=_SEVERITY[d.severity], data={"fingerprint": d.fingerprint})


def lsp_range(start: Point, end: Point) -> types.Range:
    return types.Range(start=types.Position(*start), end=types.Position(*end))


# -- code actions

def code_actions(document: OpenDocument, checked: Checked, params: types.CodeActionParams,
                 encoding: str = UTF16) -> list[types.CodeAction]:
    """For each finding on the lines of the range: its ``--fix`` change, the suggested
    anchor of a broken one, and the comment that disables its rule for its line; and,
    unless only other kinds are asked for, every ``--fix`` change at once."""
    text = document.text
    lines = split_lines(text)
    wanted = params.context.only
    quick = not wanted or any(kind.startswith(types.CodeActionKind.QuickFix) for kind in wanted)
    found: list[types.CodeAction] = []
    first, last = params.range.start.line + 1, params.range.end.line + 1
    for d in checked.diagnostics if quick else ():
        if not first <= d.line <= last:
            continue
        lsp = to_lsp(d, lines, encoding)

        def offer(title: str, change: Replacement | None, preferred: bool = False) -> None:
            if change is not None:
                found.append(types.CodeAction(
                    title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[lsp],
                    is_preferred=preferred or None,
                    edit=workspace_edit(document.uri, text, change, encoding)))

        if d.fix is not None:
            offer(f"{d.code}: {d.fix.description or 'fix as --fix does'}",
                  edits.fixing_edit(text, d.fix), preferred=True)
        if checked.source.read.document is not None:
            folder = document.path.parent if document.path is not None else None
            suggested = fragments.suggestion(
                checked.source.read.document, d, folder,
                checked.linter.checker.root_for(folder), checked.linter.anchors.anchors_of)
            if suggested is not None:
                name, fix = suggested
                offer(f'{d.code}: change to the suggested anchor "#{name}"',
                      edits.fixing_edit(text, fix), preferred=True)
        offer(f"Disable {d.code} ({d.name}) for this line", edits.suppression(text, d.line, d.code))
    if not wanted or any(kind.startswith(types.CodeActionKind.SourceFixAll) for kind in wanted):
        path = str(document.path) if document.path is not None else None
        fixed = checked.linter.fixed_text_of(text, path)
        change = edits.between(text, fixed) if fixed is not None else None
        if change is not None:
            found.append(types.CodeAction(
                title="archlint: fix all (as --fix does)", kind=types.CodeActionKind.SourceFixAll,
                edit=workspace_edit(document.uri, text, change, encoding)))
    return found


def workspace_edit(uri: str, text: str, change: Replacement, encoding: str
                    ) -> types.WorkspaceEdit:
    span = lsp_range(offset_to_client(text, change.start, encoding),
                  offset_to_client(text, change.end, encoding))
    return types.WorkspaceEdit(changes={uri: [types.TextEdit(range=span, new_text=change.new)]})


# -- hover

def hover(document: OpenDocument, checked: Checked, position: types.Position,
          encoding: str = UTF16) -> types.Hover | None:
    """The documentation of the rules whose findings are under ``position``."""
    lines = split_lines(document.text)
    rules = {rule.code: rule for rule in checked.linter.rule_set.known}
    parts, spans = [], []
    for d in checked.diagnostics:
        lsp = to_lsp(d, lines, encoding)
        start, end = lsp.range.start, lsp.range.end
        if start.line == position.line and start.character <= position.character <= end.character:
            rule = rules.get(d.code)
            doc = rule.doc.split("\n", 1)[-1].strip() if rule is not None else ""
            parts.append(f"**{d.code} {d.name}** ({d.severity.value}): {d.message}\n\n{doc}")
            spans.append(lsp.range)
    if not parts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                    value="\n\n---\n\n".join(parts)),
                       range=spans[0] if len(spans) == 1 else None)


# -- completion

def completion(workspace: Workspace, document: OpenDocument, checked: Checked,
               position: types.Position, encoding: str = UTF16) -> types.CompletionList | None:
    """The anchors that can follow the ``#`` of the link being typed at ``position``:
    this document's, or those of the file the link leads to (its open text if it is
    open)."""
    lines = split_lines(document.text)
    line = lines[position.line] if position.line < len(lines) else ""
    column = code_points(line, position.character, encoding)
    typing = fragments.typing_at(line[:column])
    if typing is None:
        return None
    folder = document.path.parent if document.path is not None else None
    if not typing.path:
        candidates = _anchors(checked)
    else:
        target = fragments.target_of(typing.path, folder, checked.linter.checker.root_for(folder))
        if target is None:
            return None
        candidates = _anchors_of(workspace, checked, target)
    start = types.Position(position.line, units(line[:column - len(typing.fragment)], encoding))
    span = types.Range(start=start, end=position)
    items = [types.CompletionItem(label=name, kind=types.CompletionItemKind.Reference,
                                  detail=detail, sort_text=f"{index:05d}", filter_text=name,
                                  text_edit=types.TextEdit(range=span, new_text=name))
             for index, (name, detail) in enumerate(candidates)]
    return types.CompletionList(is_incomplete=False, items=items)


def _anchors(checked: Checked) -> list[tuple[str, str | None]]:
    """A checked document's anchors: its headings' in order (with their text), then the
    rest."""
    document = checked.source.read.document
    if document is None:
        return []
    found = [(heading.anchor, heading.text) for heading in document.headings]
    named = {name for name, _ in found}
    return found + [(name, None) for name in sorted(document.anchor_names - named)]


def _anchors_of(workspace: Workspace, checked: Checked, target: Path
                ) -> list[tuple[str, str | None]]:
    resolved = target.resolve()
    opened = next((d for d in workspace.documents.values() if d.path == resolved), None)
    if opened is not None and opened.checked is not None:
        return _anchors(opened.checked)
    names = checked.linter.anchors.anchors_of(resolved) or frozenset()
    return [(name, None) for name in sorted(names)]
