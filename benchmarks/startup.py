"""A one-file ``archlint check``, two versions side by side: the wall and CPU time of
each, taking turns run after run (so that a busy machine slows both alike), with
standard error on a pipe and on a pseudo-terminal (where the progress bar could show),
and the median of each.

    python benchmarks/startup.py --before OLD/src --after NEW/src --runs 40 FILE.md

OLD/src and NEW/src are the ``src`` folders of two checkouts (e.g. ``git archive REV |
tar -x -C OLD``); each run is ``python -m archlint check --no-cache FILE`` with that
folder first on ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import os
import pty
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path


def once(source: Path, target: Path, terminal: bool) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    env.pop("CI", None)
    command = [sys.executable, "-m", "archlint", "check", "--no-cache", str(target)]
    if terminal:
        controller, stderr = pty.openpty()
    else:
        controller, stderr = None, subprocess.DEVNULL
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=stderr, env=env, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime
    if controller is not None:
        os.close(controller)
        os.close(stderr)  # type: ignore[arg-type]
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("file", type=Path)
    arguments = parser.parse_args()
    versions = {"before": arguments.before.resolve(), "after": arguments.after.resolve()}
    for source in versions.values():  # byte-compile both, as pip does when installing
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(source)], check=True)
    times: dict[tuple[str, bool], list[tuple[float, float]]] = {}
    for run in range(arguments.runs):
        order = list(versions.items())
        if run % 2:
            order.reverse()
        for terminal in (False, True):
            for name, source in order:
                times.setdefault((name, terminal), []).append(
                    once(source, arguments.file, terminal))
    for terminal in (False, True):
        where = "stderr on a terminal" if terminal else "stderr on a pipe"
        for index, kind in enumerate(("wall", "CPU")):
            before = statistics.median(t[index] for t in times["before", terminal])
            after = statistics.median(t[index] for t in times["after", terminal])
            print(f"{where}, {kind}: before {before * 1000:.1f} ms, after "
                  f"{after * 1000:.1f} ms (median of {arguments.runs}; after/before "
                  f"{after / before:.3f})")


if __name__ == "__main__":
    main()
