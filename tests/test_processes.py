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


def test_the_files_with_no_rule_pack_are_told_however_the_run_goes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Alone, in processes, and from the cache: the same files had no rule pack."""
    from archlint.engine.cache import Cache

    count = running.WORTH_A_PROCESS * 2 + 2  # enough for two processes
    for index in range(count):
        # every third a process view (the built-in pack by its title), the rest notes
        title = "Process View" if index % 3 == 0 else f"Notes {index}"
        (tmp_path / f"doc{index:03}.md").write_text(f"# {title}\n\n## Part\n\nText.\n",
                                                    encoding="utf-8")
    expected = sorted(tmp_path / f"doc{index:03}.md" for index in range(count)
                      if index % 3)
    def cache() -> Cache:  # what the last run left in the folder
        return Cache(tmp_path / ".cache", "key")

    for number, (jobs, cached) in enumerate([(1, False), (2, False), (1, True), (1, True),
                                             (2, True)]):
        if number == 3:  # the last two are answered from the cache, checking nothing
            monkeypatch.setattr(Linter, "check_recording", None)
        unpacked: list[Path] = []
        Linter.create(config.discover(tmp_path)).lint_paths(
            [tmp_path], jobs, cache() if cached else None, unpacked=unpacked)
        assert sorted(unpacked) == expected, (jobs, cached)
