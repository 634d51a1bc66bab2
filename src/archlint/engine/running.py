"""Checking many files: each read once, unchanged ones answered from the cache, the rest
checked in this process or, when there are enough of them, in several. The result is
the same, in the same order, however it was reached."""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from archlint.config import Configuration
from archlint.diagnostics import Diagnostic
from archlint.engine.cache import Cache, Dependencies
from archlint.engine.reader import display_path
from archlint.engine.selection import Selection
from archlint.links.index import AnchorIndex
from archlint.markdown import reading
from archlint.paths import real

Checked = tuple[list[Diagnostic], str | None, Dependencies]


class Checks(Protocol):
    """What checks one file (a :class:`~archlint.engine.linter.Linter`)."""

    configuration: Configuration
    selection: Selection
    anchors: AnchorIndex

    def check_recording(self, path: Path, data: bytes | None = None) -> Checked: ...


# Makes the checker a worker process uses, from what the parent was made from.
Factory = Callable[[Configuration, Selection], Checks]

# Told after each file: how many are done, of how many (a progress bar listens).
Progress = Callable[[int, int], None]

# Starting a process costs about what checking this many files does (it imports archlint).
WORTH_A_PROCESS = 25


def lint_paths(linter: Checks, found: list[Path], factory: Factory, jobs: int = 1,
               cache: Cache | None = None, progress: Progress | None = None,
               reals: list[Path] | None = None, unpacked: list[Path] | None = None
               ) -> list[Diagnostic]:
    """Diagnostics for every file of ``found``, in order; worker processes make their
    own checker with ``factory``; ``progress`` is told as files are done. ``reals``
    are the files' real paths when discovery found them (or else they are found here,
    once); ``unpacked``, when given, is told the files no rule pack applied to."""
    if reals is None:
        reals = [real(path) for path in found]
    linter.anchors.know(found, reals)
    if cache is not None:
        cache.prepare()
    results: list[list[Diagnostic]] = [[] for _ in found]
    packless = [False] * len(found)
    tell = progress or _silent
    if jobs <= 1 or len(found) < WORTH_A_PROCESS * jobs:
        for index, path in enumerate(found):
            results[index], dependencies = _check_or_recall(linter, path, reals[index], cache)
            packless[index] = dependencies.unpacked
            tell(index + 1, len(found))
    else:
        missing = []
        for index, path in enumerate(found):
            recalled = _recalled(linter, path, reals[index], cache)
            if recalled is None:
                missing.append(index)
            else:
                results[index], dependencies = recalled
                packless[index] = dependencies.unpacked
        done = len(found) - len(missing)
        tell(done, len(found))
        checked = _in_processes(linter, [found[index] for index in missing], (found, reals),
                                factory, jobs, lambda count: tell(done + count, len(found)))
        for index, (diagnostics, digest, dependencies) in zip(missing, checked):
            results[index] = diagnostics
            packless[index] = dependencies.unpacked
            if cache is not None and digest is not None:
                cache.store(reals[index], digest, diagnostics, dependencies)
    if unpacked is not None:
        unpacked.extend(path for path, alone in zip(found, packless) if alone)
    if cache is not None:
        cache.save()
    return [d for found_in_file in results for d in found_in_file]


def _silent(done: int, total: int) -> None:
    pass


def _check_or_recall(linter: Checks, path: Path, found: Path, cache: Cache | None
                     ) -> tuple[list[Diagnostic], Dependencies]:
    """The file's findings (and what they depend on) from the cache when it is
    unchanged, or else checked from the same bytes (and cached); ``found`` is its real
    path."""
    if cache is None:
        diagnostics, _, dependencies = linter.check_recording(path)
        return diagnostics, dependencies
    data = reading.read_bytes(path)
    if isinstance(data, bytes):
        recalled = cache.lookup(found, display_path(path), reading.content_hash(data),
                                linter.anchors)
        if recalled is not None:
            return recalled
    diagnostics, digest, dependencies = linter.check_recording(path, data)
    if digest is not None:
        cache.store(found, digest, diagnostics, dependencies)
    return diagnostics, dependencies


def _recalled(linter: Checks, path: Path, found: Path, cache: Cache | None
              ) -> tuple[list[Diagnostic], Dependencies] | None:
    if cache is None or cache.empty:
        return None
    data = reading.read_bytes(path)
    if not isinstance(data, bytes):
        return None
    return cache.lookup(found, display_path(path), reading.content_hash(data),
                        linter.anchors)


_worker: Checks | None = None


def _start_worker(factory: Factory, configuration: Configuration, selection: Selection,
                  known: tuple[list[Path], list[Path]], gc_threshold: tuple[int, int, int],
                  parent: int) -> None:
    global _worker
    _end_with(parent)
    gc.set_threshold(*gc_threshold)  # collect as the parent does, however it was started
    _worker = factory(configuration, selection)
    _worker.anchors.know(*known)


def _end_with(parent: int) -> None:
    """Have the system end this worker when its parent ends, however it ends (Linux's
    PR_SET_PDEATHSIG; elsewhere the parent stops its workers when it can)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent ended before that took effect
        os._exit(1)


def _check_in_worker(path: Path) -> Checked:
    assert _worker is not None
    return _worker.check_recording(path)


def _in_processes(linter: Checks, paths: list[Path], known: tuple[list[Path], list[Path]],
                  factory: Factory, jobs: int, tell: Callable[[int], None]) -> list[Checked]:
    """``check_recording`` for each path, in order, in up to ``jobs`` processes that
    know every file of the set (``known``: the files and their real paths), as this one
    does; ``tell`` hears how many are back. The largest files are handed out first and
    the smallest last, in small batches, so that the processes finish together."""
    if jobs <= 1 or len(paths) < WORTH_A_PROCESS * jobs:
        here = []
        for path in paths:
            here.append(linter.check_recording(path))
            tell(len(here))
        return here
    from concurrent.futures import ProcessPoolExecutor  # only when it is worth it

    # the parser is imported when a first document is read: here, before the workers
    # are forked, so that none of them imports it again
    from archlint.markdown import parser  # noqa: F401

    order = sorted(range(len(paths)), key=lambda index: -_size(paths[index]))
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_start_method(),
                               initializer=_start_worker,
                               initargs=(factory, linter.configuration, linter.selection,
                                         known, gc.get_threshold(), os.getpid()))
    try:
        results = pool.map(_check_in_worker, [paths[i] for i in order],
                           chunksize=max(1, len(paths) // (jobs * 32)))
        checked = {}
        for index, result in zip(order, results):
            checked[index] = result
            tell(len(checked))
    except BaseException:  # interrupted, terminated, or a worker failed: stop them all
        import multiprocessing

        # a worker being started when the signal came is a child the pool has not yet
        # recorded, and one just forked may lose a SIGTERM in its start-up (Python
        # ignores an exception raised there); left running, the exit would wait for it
        # for ever. Workers write nothing, so they are killed outright.
        started = {p.pid: p for p in multiprocessing.active_children()}
        started.update(getattr(pool, "_processes", {}))
        for process in started.values():
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return [checked[index] for index in range(len(paths))]


def _start_method():
    """How worker processes start. On Linux, forked: the cheapest (a fork has archlint
    imported already), and a forked worker's parent is this process, which
    :func:`_end_with` needs (Python 3.14 makes "forkserver" the default there, whose
    workers are the server's children); but spawned from a process running other
    threads, which a fork could leave deadlocked. Elsewhere, the platform's default
    ("spawn" on macOS and Windows)."""
    import multiprocessing
    import threading

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context(
            "fork" if threading.active_count() == 1 else "spawn")
    return None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
