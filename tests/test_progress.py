"""The progress bar: on a terminal (a real pseudo-terminal here) once a run takes
longer than a second, never on a pipe, never in CI unless asked, never in the output."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path

import pytest

from archlint.report import progress

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "examples" / "04-process-view.md").read_text(encoding="utf-8")

# archlint's command line with the bar's delay set to nothing, so that a short run
# shows it (everything else is the real command).
AT_ONCE = ("import sys; from archlint.report import progress; progress.DELAY = 0; "
           "from archlint.cli import main; sys.argv[0] = 'archlint'; main()")


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for index in range(60):
        (folder / f"view-{index:02}.md").write_text(EXAMPLE, encoding="utf-8")
    return folder


def environment(**changes: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    env.update(TERM="xterm-256color", **changes)
    return env


def on_terminal(arguments: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """Run with standard error on a pseudo-terminal (100 columns) and standard output
    on a pipe: the exit status, standard output and what the terminal received."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=terminal,
                               stdin=subprocess.DEVNULL, cwd=ROOT, env=env)
    os.close(terminal)
    stdout: list[bytes] = []
    reader = threading.Thread(target=lambda: stdout.append(process.stdout.read()))
    reader.start()
    received = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal's other end is closed: the process is done
            break
        if not chunk:
            break
        received.append(chunk)
    os.close(controller)
    reader.join()
    process.wait(timeout=60)
    return (process.returncode, stdout[0].decode(),
            b"".join(received).decode("utf-8", "replace"))


def on_pipes(arguments: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(arguments, capture_output=True, text=True, cwd=ROOT, env=env,
                          check=False)


def command(*arguments: str) -> list[str]:
    return [sys.executable, "-c", AT_ONCE, *arguments]


CHECK = ("check", "--no-cache", "--jobs", "1")


def plain(received: str) -> str:
    """What the terminal shows, without its control sequences."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", received)


def shows_a_bar(received: str) -> bool:
    """Files done of how many, files per second and time left."""
    return re.search(r"\d+/\d+ files [\d,]+ files/s \d+:\d\d:\d\d left", plain(received)) \
        is not None


def test_a_long_check_shows_a_bar_on_a_terminal(many: Path) -> None:
    status, stdout, received = on_terminal(command(*CHECK, str(many)), environment())
    assert status == 1
    assert shows_a_bar(received), received
    assert re.search(r"\d+/60 files", plain(received))
    assert "files/s" not in stdout and "\x1b" not in stdout
    assert "in 60 files (60 files checked)" in stdout.splitlines()[-1]


def test_never_on_a_pipe(many: Path) -> None:
    result = on_pipes(command(*CHECK, str(many)), environment())
    assert result.returncode == 1
    assert result.stderr == ""
    assert not shows_a_bar(result.stdout)


def test_never_in_ci_unless_asked(many: Path) -> None:
    _, _, received = on_terminal(command(*CHECK, str(many)), environment(CI="true"))
    assert not shows_a_bar(received)
    _, _, received = on_terminal(command(*CHECK, "--progress", str(many)),
                                 environment(CI="true"))
    assert shows_a_bar(received)


def test_never_when_refused(many: Path) -> None:
    _, _, received = on_terminal(command(*CHECK, "--no-progress", str(many)), environment())
    assert received == ""


def test_never_in_machine_readable_output(many: Path) -> None:
    status, stdout, received = on_terminal(
        command(*CHECK, "--output-format", "json", str(many)), environment())
    assert status == 1
    assert shows_a_bar(received)
    assert len({d["path"] for d in json.loads(stdout)}) == 60  # stdout is the JSON alone


def test_the_report_shows_both_phases(many: Path) -> None:
    status, stdout, received = on_terminal(
        command("report", "--no-cache", "--jobs", "1", "--output-format", "json", str(many)),
        environment())
    assert status == 0
    assert "checking" in received and "measuring" in received
    assert json.loads(stdout)["summary"]["documents"] == 60


def test_a_quick_run_shows_nothing(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text(EXAMPLE, encoding="utf-8")
    arguments = [sys.executable, "-m", "archlint", *CHECK, str(tmp_path / "one.md")]
    status, _, received = on_terminal(arguments, environment())  # the real delay
    assert status == 1
    assert received == ""


class Stream:
    def __init__(self, terminal: bool) -> None:
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


@pytest.mark.parametrize(("asked", "terminal", "ci", "shown"), [
    (None, True, "", True),
    (None, False, "", False),
    (True, False, "", False),  # asked, but nobody could see it
    (None, True, "true", False),
    (None, True, "1", False),
    (None, True, "false", True),  # CI=false is not CI
    (True, True, "true", True),
    (False, True, "", False),
])
def test_when_a_bar_is_wanted(asked, terminal, ci, shown) -> None:
    assert progress.wanted(asked, Stream(terminal), {"CI": ci}) is shown


def test_the_bar_waits_for_the_delay() -> None:
    now = [0.0]
    bar = progress.Bar(io.StringIO(), delay=1.0, clock=lambda: now[0])
    for done in range(1, 5):
        now[0] += 0.2
        bar(done, 10)
    assert not bar.shown
    now[0] = 1.5
    bar(9, 10)
    assert bar.shown
    bar.close()
    assert not bar.shown


def test_a_run_done_before_the_delay_never_shows() -> None:
    now = [0.0]
    bar = progress.Bar(io.StringIO(), delay=1.0, clock=lambda: now[0])
    now[0] = 5.0
    bar(10, 10)  # the last file: nothing left to show progress for
    assert not bar.shown


def test_a_check_in_processes_shows_a_bar_too(many: Path) -> None:
    status, stdout, received = on_terminal(command("check", "--no-cache", "--jobs", "2",
                                                   str(many)), environment())
    assert status == 1
    assert shows_a_bar(received), received
    assert "in 60 files (60 files checked)" in stdout.splitlines()[-1]
