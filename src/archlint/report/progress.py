"""The progress bar of a long run: files done, files per second, time left, on standard
error, and only where a person watches it.

It shows only when standard error is a terminal, not in CI (``CI`` set) unless asked
(``--progress``), never with ``--no-progress``, and only once a run has taken longer
than :data:`DELAY`: a quick run prints nothing more than before. rich is imported only
when the bar is first drawn, so a run that never shows it never loads rich.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any, TextIO

# Seconds a run must have taken before it shows a bar.
DELAY = 1.0


def wanted(asked: bool | None, stream: TextIO | None = None,
           environ: Mapping[str, str] | None = None) -> bool:
    """Whether to show a bar: ``asked`` is ``--progress`` (True), ``--no-progress``
    (False) or neither (None)."""
    stream = stream if stream is not None else sys.stderr
    environ = environ if environ is not None else os.environ
    if asked is False or not _is_terminal(stream):
        return False
    in_ci = environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return asked is True or not in_ci


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Bar:
    """Called with how many files are done, of how many, and the phase of the run
    ("checking", "measuring"); draws nothing until the run has taken ``delay``
    seconds. Use it as a context manager, so the bar is taken down at the end."""

    def __init__(self, stream: TextIO | None = None, delay: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._delay, self._clock = DELAY if delay is None else delay, clock
        self._started = clock()
        self._phase: str | None = None
        self._phase_started = self._started
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> Bar:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __call__(self, done: int, total: int, phase: str = "checking") -> None:
        now = self._clock()
        if phase != self._phase:
            if self._phase is not None:  # a later phase: its rate counts from now
                self._phase_started = now
            self._phase = phase
            if self._progress is not None:  # and its bar from nothing
                self._progress.reset(self._task, total=total, description=phase)
        if self._progress is None:
            if now - self._started < self._delay or done >= total:
                return
            self._open(done, total)
        elapsed = max(now - self._phase_started, 1e-6)
        self._progress.update(self._task, completed=done, total=total, description=phase,
                              rate=f"{done / elapsed:,.0f} files/s")

    def _open(self, done: int, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        console = Console(file=self._stream, stderr=self._stream is sys.stderr)
        self._progress = Progress(TextColumn("{task.description}"), BarColumn(),
                                  MofNCompleteColumn(), TextColumn("files"),
                                  TextColumn("{task.fields[rate]}"),
                                  TimeRemainingColumn(), TextColumn("left"),
                                  console=console, transient=True,
                                  redirect_stdout=False, redirect_stderr=False)
        self._task = self._progress.add_task(self._phase or "", total=total, completed=done,
                                             rate="")
        self._progress.start()

    @property
    def shown(self) -> bool:
        return self._progress is not None

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
