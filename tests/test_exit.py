"""The program's quick exit (``cli.run``): what the ordinary exit would do is still
done (exit functions, flushed output, the exit status), and the ordinary exit is kept
where the quick one would differ."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from archlint import cli

PROGRAM = """
import atexit, sys
from pathlib import Path
atexit.register(lambda: Path("exit-functions-ran").write_text("yes"))
from archlint import cli
sys.argv = ["archlint", *sys.argv[1:]]
cli.run()
"""


def _document(tmp_path: Path, placeholders: int) -> Path:
    doc = tmp_path / "doc.md"
    doc.write_text("# Title\n\n" + "".join(f"Owner {i}: TBD.\n\n" for i in range(placeholders)),
                   encoding="utf-8")
    return doc


def test_a_run_exits_with_its_status_its_whole_output_and_its_exit_functions(
        tmp_path: Path) -> None:
    _document(tmp_path, 3000)
    done = subprocess.run([sys.executable, "-c", PROGRAM, "check", "--no-cache",
                           "--output-format", "json", "doc.md"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 1
    assert len(json.loads(done.stdout)) == 3000  # all of a long output, flushed
    assert (tmp_path / "exit-functions-ran").read_text() == "yes"


@pytest.mark.parametrize(("arguments", "status"), [
    (["check", "--no-cache", "--exit-zero", "doc.md"], 0),
    (["check", "--no-cache", "--select", "AL999", "doc.md"], 2),
    (["--version"], 0),
])
def test_each_status_is_kept(tmp_path: Path, arguments: list[str], status: int) -> None:
    _document(tmp_path, 1)
    done = subprocess.run([sys.executable, "-m", "archlint", *arguments], cwd=tmp_path,
                          capture_output=True, text=True)
    assert done.returncode == status, done.stderr
    assert done.stdout or done.stderr


def test_output_into_a_closed_pipe_ends_as_python_ends_it(tmp_path: Path) -> None:
    _document(tmp_path, 3000)
    reader = subprocess.Popen([sys.executable, "-m", "archlint", "check", "--no-cache",
                               "doc.md"], cwd=tmp_path, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.read(10)
    reader.stdout.close()  # as `archlint check | head -c 10` does
    reader.stderr.read()
    assert reader.wait(timeout=60) in (1, 120)  # never a hang, whichever write failed


class _Exited(Exception):
    pass


@pytest.fixture
def exits(monkeypatch) -> list[object]:
    """The codes ``os._exit`` was called with (it raises instead of ending pytest), and
    ``atexit`` exit functions not run for real."""
    called: list[object] = []

    def fake_exit(code: int) -> None:
        called.append(code)
        raise _Exited

    monkeypatch.setattr(cli.os, "_exit", fake_exit)
    monkeypatch.setattr(cli.atexit, "_run_exitfuncs", lambda: called.append("exit functions"))
    return called


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (1, 1), (2, 2)])
def test_a_number_exits_at_once_after_the_exit_functions(exits: list[object], code: object,
                                                         status: int) -> None:
    with pytest.raises(_Exited):
        cli._exit_now(code)
    assert exits == ["exit functions", status]


def test_a_message_is_left_to_the_ordinary_exit(exits: list[object]) -> None:
    cli._exit_now("archlint: something to say")
    assert exits == []


def test_another_thread_running_is_left_to_the_ordinary_exit(exits: list[object]) -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        cli._exit_now(0)
    finally:
        stop.set()
        other.join()
    assert exits == []


def test_a_profiled_run_reports_its_profile(tmp_path: Path) -> None:
    _document(tmp_path, 1)
    done = subprocess.run([sys.executable, "-m", "cProfile", "-s", "cumulative", "-m",
                           "archlint", "check", "--no-cache", "doc.md"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert "doc.md:3:" in done.stdout  # the finding, then the profile
    assert "function calls" in done.stdout and "cumulative" in done.stdout


def test_a_profiler_watching_is_left_to_the_ordinary_exit(exits: list[object],
                                                         monkeypatch) -> None:
    monkeypatch.setattr(cli.sys, "getprofile", lambda: object())
    cli._exit_now(0)
    assert exits == []
