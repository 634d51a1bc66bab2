"""How quickly ``archlint server`` answers a change to a long document.

Starts ``archlint server --debounce 0`` as an editor would (pygls's LanguageClient over
standard input and output), opens a generated Markdown document of ``--lines`` lines
(a Process View with a table of contents, sections, lists, tables, links between
sections, prompts and placeholders left in), then types into it: each change is one
more word on one line, sent as the whole text (as most editors' full sync does) and
answered by the server's diagnostics for that version. Reported: the round trip from
sending a change to receiving its diagnostics (medians of ``--changes`` changes), the
server process's CPU time per change (from Linux's /proc), and the check alone, the
same check made in this process (``Linter.check_text_recording``, what the server runs
on each change).

    python benchmarks/server.py --lines 1000 --changes 40

Needs the server extra (``pip install '.[server]'``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient


def document(lines: int) -> str:
    """A Process View of about ``lines`` lines."""
    sections = max(lines // 18 + 1, 2)
    head = ["# Process View", "", "This section details the dynamic processes.", ""]
    head += [f"* [Component {i}](#component-{i})" for i in range(sections)]
    body: list[str] = []
    for i in range(sections):
        body += ["", f"## Component {i}", "",
                 f"Component {i} takes orders from the shop and hands them to the "
                 f"[next component](#component-{(i + 1) % sections}) within a second,",
                 "keeping the state of each order in its own store. Retries are bounded and",
                 "every message carries the order's number, so duplicates are dropped.", "",
                 "- receives the order", "- checks the stock", "- books the payment", "",
                 "| state | next |", "| --- | --- |", "| new | paid |", "| paid | shipped |", ""]
        body.append("_Discuss significant state models_" if i % 7 == 0 else
                    "The xxx queue holds the rest." if i % 11 == 0 else
                    "Nothing else is kept.")
    return "\n".join((head + body)[:lines]) + "\n"


async def measure(lines: int, changes: int) -> tuple[list[float], int]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".git").mkdir()
        path = root / "process-view.md"
        text = document(lines)
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        arrived: dict[int, float] = {}
        found: list[int] = []
        client = LanguageClient("benchmark", "1")

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            if params.uri == uri and params.version is not None:
                arrived[params.version] = time.perf_counter()
                found.append(len(params.diagnostics))

        async def answer(version: int) -> float:
            while version not in arrived:
                await asyncio.sleep(0.0005)
            return arrived[version]

        pid_file = root / "server.pid"
        await client.start_io("sh", "-c", f'echo $$ > "{pid_file}"; exec "$0" "$@"',
                              sys.executable, "-m", "archlint", "server", "--debounce", "0")
        await client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=root.as_uri()))
        client.initialized(types.InitializedParams())
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1,
                                                 text=text)))
        await answer(1)
        server = int(pid_file.read_text())
        cpu_before = cpu_seconds(server)
        rounds = []
        body = text.split("\n")
        for version in range(2, changes + 2):
            row = 5 + (version * 37) % (len(body) - 10)
            body[row] += " word"
            sent = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(
                    text="\n".join(body))]))
            rounds.append(await answer(version) - sent)
        cpu = (cpu_seconds(server) - cpu_before) / changes
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
        return rounds, found[-1], cpu


def cpu_seconds(pid: int) -> float:
    """The CPU time a process has used (Linux: /proc/PID/stat, in clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def work(lines: int, changes: int) -> tuple[list[float], list[float]]:
    """The same checks, made in this process (what the server does on each change):
    the wall time and the CPU time of each."""
    from archlint.config import Configuration, Settings
    from archlint.engine import Linter

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        linter = Linter.create(Configuration(Settings(), None, root))
        body = document(lines).split("\n")
        path = str(root / "process-view.md")
        linter.check_text_recording("\n".join(body), path)
        wall, cpu = [], []
        for version in range(2, changes + 2):
            body[5 + (version * 37) % (len(body) - 10)] += " word"
            start, start_cpu = time.perf_counter(), time.process_time()
            linter.check_text_recording("\n".join(body), path)
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--changes", type=int, default=40)
    options = parser.parse_args()
    rounds, diagnostics, server_cpu = asyncio.run(measure(options.lines, options.changes))
    checks, cpu = work(options.lines, options.changes)
    print(f"document: {len(document(options.lines).splitlines())} lines, "
          f"{diagnostics} diagnostics; {options.changes} changes")
    for name, values in (("change → diagnostics (round trip)", rounds),
                         ("the check alone (in process), wall", checks),
                         ("the check alone (in process), CPU", cpu)):
        ordered = sorted(values)
        print(f"{name}: median {statistics.median(values) * 1000:.1f} ms, "
              f"90th percentile {ordered[int(len(ordered) * 0.9) - 1] * 1000:.1f} ms, "
              f"fastest {ordered[0] * 1000:.1f} ms")
    print(f"the server's CPU time per change (reading, checking, answering; mean): "
          f"{server_cpu * 1000:.1f} ms")


if __name__ == "__main__":
    main()
