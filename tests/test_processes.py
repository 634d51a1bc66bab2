"""How worker processes are started: forked on Linux, spawned from a process running
other threads (a fork could leave them deadlocked), the platform's default elsewhere."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from archlint import config
from archlint.engine import Linter, running

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


@pytest.fixture
def other_thread() -> Iterator[None]:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


@linux_only
def test_workers_are_forked_on_linux() -> None:
    assert running._start_method().get_start_method() == "fork"


@linux_only
def test_workers_are_spawned_from_a_process_running_other_threads(other_thread: None) -> None:
    assert running._start_method().get_start_method() == "spawn"


def test_elsewhere_the_platform_default_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(running.sys, "platform", "darwin")
    assert running._start_method() is None


@linux_only
def test_spawned_workers_find_what_one_process_finds(tmp_path: Path,
                                                     other_thread: None) -> None:
    count = running.WORTH_A_PROCESS * 2 + 2  # enough for two processes
    for index in range(count):
        (tmp_path / f"doc{index}.md").write_text(
            f"# Doc {index}\n\n## Part\n\nSee [the next](doc{index + 1}.md#nowhere) "
            f"and [a missing part](#nowhere). TBD\n", encoding="utf-8")
    linter = Linter.create(config.discover(tmp_path))
    assert running._start_method().get_start_method() == "spawn"
    alone, files = linter.lint_paths([tmp_path], jobs=1)
    together, _ = Linter.create(config.discover(tmp_path)).lint_paths([tmp_path], jobs=2)
    assert files == count and alone == together
    assert {d.code for d in alone} >= {"AL102", "AL301", "AL303"}
