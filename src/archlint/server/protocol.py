"""The Language Server Protocol side of ``archlint server`` (pygls, lsprotocol).

Markdown documents are checked when opened, a moment after the last change (the
debounce) and when saved; the findings are published as diagnostics. After a check
that changed a document's anchors, and after every save, the open documents that link
into it are checked again. Every second the configuration of the open documents is
looked at on disk, and a change (of the configuration file, or of a pack or template
it names) checks them again. A configuration that cannot be used is shown once, as a
message; the server goes on serving.
"""

from __future__ import annotations

import asyncio
import traceback
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

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
from archlint.server.workspace import Checked, Failure, Key, OpenDocument, Workspace, is_markdown
from archlint.version import __version__

DEBOUNCE = 0.2  # seconds after the last change before a document is checked
POLL = 1.0  # seconds between looks at the configuration files on disk
SOURCE = "archlint"

_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error,
             Severity.WARNING: types.DiagnosticSeverity.Warning}


class ArchlintServer(LanguageServer):
    def __init__(self, debounce: float = DEBOUNCE) -> None:
        super().__init__("archlint", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.state = Workspace()
        self.debounce = debounce
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.shown: dict[Key | None, str] = {}
        self.poller: asyncio.Task[None] | None = None

    @property
    def encoding(self) -> str:
        kind = self.workspace.position_encoding
        return str(getattr(kind, "value", kind) or UTF16)

    # -- checking and publishing

    def check(self, document: OpenDocument, *, follow: bool = True) -> None:
        """Check the document and publish what was found; then, if its anchors changed,
        check the open documents that link into it."""
        self.cancel(document.uri)
        before = document.checked.anchors if document.checked is not None else None
        try:
            result = self.state.check(document)
        except Exception as error:  # a bug must not stop the server
            self._report(None, f"archlint failed on {document.uri}: {error!r}",
                         traceback.format_exc())
            return
        if isinstance(result, Failure):
            self._report(result.key, result.message)
            self._publish(document, [])
            return
        self.shown.pop(document.key, None)
        self._publish(document, result.diagnostics)
        if follow and document.path is not None and result.anchors != before:
            self.check_dependents(document.path)

    def check_dependents(self, path: Path) -> None:
        for other in list(self.state.dependents(path)):
            self.check(other, follow=False)

    def current(self, document: OpenDocument) -> Checked | None:
        """The check of the document's text as it is now (checking it if need be)."""
        if document.current is None:
            self.check(document)
        return document.current

    def schedule(self, document: OpenDocument) -> None:
        self.cancel(document.uri)
        loop = asyncio.get_running_loop()
        self.pending[document.uri] = loop.call_later(self.debounce, self._run_pending,
                                                     document.uri)

    def _run_pending(self, uri: str) -> None:
        self.pending.pop(uri, None)
        document = self.state.documents.get(uri)
        if document is not None:
            self.check(document)

    def cancel(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def _publish(self, document: OpenDocument, found: list[Diagnostic]) -> None:
        lines = split_lines(document.text)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=document.uri, version=document.version,
            diagnostics=[to_lsp(d, lines, self.encoding) for d in found]))

    def _report(self, key: Key | None, message: str, details: str = "") -> None:
        """Show a problem once (until it changes or goes away), and log it."""
        self.window_log_message(types.LogMessageParams(
            type=types.MessageType.Error, message=f"{message}\n{details}".strip()))
        if self.shown.get(key) != message:
            self.shown[key] = message
            self.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Error, message=f"archlint: {message}"))

    def recheck_outdated(self) -> None:
        """Check again the open documents whose configuration changed on disk."""
        for document in self.state.outdated():
            self.check(document)

    async def poll(self) -> None:
        while True:
            await asyncio.sleep(POLL)
            try:
                self.recheck_outdated()
            except Exception as error:  # nor a surprise on disk
                self._report(None, f"archlint failed to read its configuration: {error!r}",
                             traceback.format_exc())


def to_lsp(d: Diagnostic, lines: list[str], encoding: str = UTF16) -> types.Diagnostic:
    """An archlint finding as an LSP diagnostic: from the finding's column to the end of
    the line's text. Rule codes have no published documentation site to link to
    (``codeDescription``); hover shows a rule's documentation, as ``archlint rule CODE``
    prints it."""
    start = to_client(lines, d.line, d.column, encoding)
    text = lines[start.line] if lines else ""
    end = Point(start.line, max(units(text.rstrip(), encoding), start.character))
    return types.Diagnostic(
        range=_range(start, end), message=f"{d.message} [{d.name}]", code=d.code,
        source=SOURCE, severity=_SEVERITY[d.severity], data={"fingerprint": d.fingerprint})


def _range(start: Point, end: Point) -> types.Range:
    return types.Range(start=types.Position(*start), end=types.Position(*end))


def _path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


def create(debounce: float = DEBOUNCE) -> ArchlintServer:
    server = ArchlintServer(debounce)

    @server.feature(types.INITIALIZE)
    def initialize(ls: ArchlintServer, params: types.InitializeParams) -> None:
        folders = [_path(f.uri) for f in params.workspace_folders or ()]
        if not folders and params.root_uri:
            folders = [_path(params.root_uri)]
        ls.state.folders = [f.resolve() for f in folders if f is not None]

    @server.feature(types.INITIALIZED)
    def initialized(ls: ArchlintServer, params: types.InitializedParams) -> None:
        ls.poller = asyncio.get_running_loop().create_task(ls.poll())
        watching = ls.client_capabilities.workspace
        if (watching is not None and watching.did_change_watched_files is not None
                and watching.did_change_watched_files.dynamic_registration):
            patterns = ("**/*.md", "**/*.markdown", "**/archlint.toml",
                        "**/.archlint.toml", "**/pyproject.toml")
            ls.client_register_capability(types.RegistrationParams(registrations=[
                types.Registration(
                    id="archlint-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(
                        watchers=[types.FileSystemWatcher(glob_pattern=p) for p in patterns]))
            ]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArchlintServer, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        path = _path(item.uri)
        if not is_markdown(path, item.language_id):
            return
        ls.check(ls.state.open(item.uri, path, item.text, item.version))

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArchlintServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        text = ls.workspace.get_text_document(uri).source
        document = ls.state.change(uri, text, params.text_document.version)
        if document is not None:
            ls.schedule(document)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ArchlintServer, params: types.DidSaveTextDocumentParams) -> None:
        path = _path(params.text_document.uri)
        if path is not None:
            ls.state.saved(path.resolve())
        ls.recheck_outdated()
        document = ls.state.documents.get(params.text_document.uri)
        if document is not None:
            ls.check(document, follow=False)
            if document.path is not None:
                ls.check_dependents(document.path)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArchlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel(uri)
        if uri in ls.state.documents:
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        for other in ls.state.close(uri):
            ls.check(other, follow=False)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def files_changed(ls: ArchlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        changed = [p.resolve() for p in (_path(c.uri) for c in params.changes) if p]
        for path in changed:
            ls.state.saved(path)
        ls.recheck_outdated()
        for path in changed:
            ls.check_dependents(path)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]))
    def code_action(ls: ArchlintServer, params: types.CodeActionParams
                    ) -> list[types.CodeAction] | None:
        document = ls.state.documents.get(params.text_document.uri)
        checked = ls.current(document) if document is not None else None
        if document is None or checked is None:
            return None
        return actions(ls, document, checked, params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ArchlintServer, params: types.HoverParams) -> types.Hover | None:
        document = ls.state.documents.get(params.text_document.uri)
        checked = ls.current(document) if document is not None else None
        if document is None or checked is None:
            return None
        return hover_at(document, checked, params.position, ls.encoding)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=["#"]))
    def completion(ls: ArchlintServer, params: types.CompletionParams
                   ) -> types.CompletionList | None:
        document = ls.state.documents.get(params.text_document.uri)
        checked = ls.current(document) if document is not None else None
        if document is None or checked is None:
            return None
        return complete(ls, document, checked, params.position)

    return server


# -- code actions

def actions(ls: ArchlintServer, document: OpenDocument, checked: Checked,
            params: types.CodeActionParams) -> list[types.CodeAction]:
    text, encoding = document.text, ls.encoding
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
                    edit=_workspace_edit(document.uri, text, change, encoding)))

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
                edit=_workspace_edit(document.uri, text, change, encoding)))
    return found


def _workspace_edit(uri: str, text: str, change: Replacement, encoding: str
                    ) -> types.WorkspaceEdit:
    span = _range(offset_to_client(text, change.start, encoding),
                  offset_to_client(text, change.end, encoding))
    return types.WorkspaceEdit(changes={uri: [types.TextEdit(range=span, new_text=change.new)]})


# -- hover

def hover_at(document: OpenDocument, checked: Checked, position: types.Position,
             encoding: str) -> types.Hover | None:
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

def complete(ls: ArchlintServer, document: OpenDocument, checked: Checked,
             position: types.Position) -> types.CompletionList | None:
    encoding = ls.encoding
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
        candidates = _anchors_of(ls, checked, target)
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


def _anchors_of(ls: ArchlintServer, checked: Checked, target: Path) -> list[tuple[str, str | None]]:
    resolved = target.resolve()
    opened = next((d for d in ls.state.documents.values() if d.path == resolved), None)
    if opened is not None and opened.checked is not None:
        return _anchors(opened.checked)
    names = checked.linter.anchors.anchors_of(resolved) or frozenset()
    return [(name, None) for name in sorted(names)]


def serve(debounce: float = DEBOUNCE) -> None:
    """Serve over standard input and output until the client says exit."""
    create(debounce).start_io()
