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

from archlint.diagnostics import Diagnostic
from archlint.server import answers
from archlint.server.positions import UTF16, split_lines
from archlint.server.workspace import (
    Checked,
    Failure,
    Key,
    OpenDocument,
    Workspace,
    is_markdown,
)
from archlint.version import __version__

DEBOUNCE = 0.2  # seconds after the last change before a document is checked
POLL = 1.0  # seconds between looks at the configuration files on disk


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
            diagnostics=[answers.to_lsp(d, lines, self.encoding) for d in found]))

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
        return answers.code_actions(document, checked, params, ls.encoding)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ArchlintServer, params: types.HoverParams) -> types.Hover | None:
        document = ls.state.documents.get(params.text_document.uri)
        checked = ls.current(document) if document is not None else None
        if document is None or checked is None:
            return None
        return answers.hover(document, checked, params.position, ls.encoding)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=["#"]))
    def completion(ls: ArchlintServer, params: types.CompletionParams
                   ) -> types.CompletionList | None:
        document = ls.state.documents.get(params.text_document.uri)
        checked = ls.current(document) if document is not None else None
        if document is None or checked is None:
            return None
        return answers.completion(ls.state, document, checked, params.position, ls.encoding)

    return server


def serve(debounce: float = DEBOUNCE) -> None:
    """Serve over standard input and output until the client says exit."""
    create(debounce).start_io()
