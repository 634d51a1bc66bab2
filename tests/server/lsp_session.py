"""A real LSP client (pytest-lsp, on pygls) driving ``archlint server`` started as a
subprocess, in a throw-away project folder: fixtures (``project``, ``client``,
``editor``) for the tests that import them, and helpers to wait for diagnostics."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the server extra is not installed: "
                                    "pip install -e '.[test]' brings it")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed: "
                                                      "pip install -e '.[test]' brings it")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features  # noqa: E402

DEBOUNCE_MS = 50
PATIENT_DEBOUNCE_MS = 1000


def _recording_client() -> LanguageClient:
    """pytest-lsp's test client, which also keeps every publishDiagnostics in order
    (with its version), so a test can wait for the one that answers its change."""
    from pygls.protocol import default_converter

    client = LanguageClient(converter_factory=default_converter)
    client.published = []
    client.registrations = []

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)

    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES,
                                   types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
                                   types.CLIENT_REGISTER_CAPABILITY: register})
    return client


def _server(debounce_ms: int) -> ClientServerConfig:
    return ClientServerConfig(
        server_command=[sys.executable, "-m", "archlint", "server", "--debounce",
                        str(debounce_ms)],
        client_factory=_recording_client)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty project: a git work tree, so that its root is the same for
    ``archlint check`` run in it and for the server."""
    (tmp_path / ".git").mkdir()
    return tmp_path


async def _session(client: LanguageClient, project: Path, editor: str = "visual-studio-code"):
    await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities(editor),
        root_uri=project.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=project.as_uri(), name="project")]))
    yield
    await client.shutdown_session()


@pytest_lsp.fixture(config=_server(DEBOUNCE_MS))
async def client(lsp_client: LanguageClient, project: Path):
    async for _ in _session(lsp_client, project):
        yield


@pytest_lsp.fixture(config=_server(DEBOUNCE_MS))
async def utf8_client(lsp_client: LanguageClient, project: Path):
    """A client that prefers columns in UTF-8 bytes, as Neovim 0.11 does."""
    async for _ in _session(lsp_client, project, "neovim@v0.11.0"):
        yield


@pytest_lsp.fixture(config=_server(PATIENT_DEBOUNCE_MS))
async def patient_client(lsp_client: LanguageClient, project: Path):
    """A server that waits long after a change, so that changes sent together are
    surely checked as one, however busy the machine."""
    async for _ in _session(lsp_client, project):
        yield


async def published(client: LanguageClient, uri: str, version: int | None = None,
                    after: int = 0, timeout: float = 20.0) -> types.PublishDiagnosticsParams:
    """The first diagnostics published for ``uri`` (of ``version``, if given) among
    those received since the ``after``-th."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        for params in client.published[after:]:
            if params.uri == uri and (version is None or params.version == version):
                return params
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for {uri} (version {version}) in {timeout} s")


async def until(client: LanguageClient, uri: str, wanted, timeout: float = 20.0
                ) -> list[types.Diagnostic]:
    """The diagnostics of ``uri`` once the last ones published satisfy ``wanted``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        if uri in client.diagnostics and wanted(list(client.diagnostics[uri])):
            return list(client.diagnostics[uri])
        await asyncio.sleep(0.01)
    raise AssertionError(f"diagnostics of {uri} never became as wanted: "
                         f"{client.diagnostics.get(uri)}")


class Editor:
    """What an editor does with documents: open, change, save, close; each change is
    the whole text, with the next version number."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}

    async def open(self, path: Path, text: str | None = None) -> list[types.Diagnostic]:
        uri = path.as_uri()
        text = path.read_text(encoding="utf-8") if text is None else text
        self.versions[uri], self.texts[uri] = 1, text
        mark = len(self.client.published)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1,
                                                 text=text)))
        return list((await published(self.client, uri, 1, mark)).diagnostics)

    def send_change(self, path: Path, text: str) -> int:
        uri = path.as_uri()
        self.versions[uri] += 1
        self.texts[uri] = text
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri,
                                                                version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
        return self.versions[uri]

    async def change(self, path: Path, text: str) -> list[types.Diagnostic]:
        mark = len(self.client.published)
        version = self.send_change(path, text)
        return list((await published(self.client, path.as_uri(), version, mark)).diagnostics)

    async def insert(self, path: Path, line: int, character: int, text: str
                     ) -> list[types.Diagnostic]:
        """Insert ``text`` at a position (in the client's units), as an incremental
        change; the diagnostics published for it."""
        uri = path.as_uri()
        self.versions[uri] += 1
        mark = len(self.client.published)
        at = types.Position(line, character)
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri,
                                                                version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=at, end=at), text=text)]))
        return list((await published(self.client, uri, self.versions[uri], mark)).diagnostics)

    def save(self, path: Path) -> None:
        path.write_text(self.texts[path.as_uri()], encoding="utf-8")
        self.client.text_document_did_save(types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri())))


@pytest.fixture
def editor(client: LanguageClient) -> Editor:
    return Editor(client)
