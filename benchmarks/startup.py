"""A one-file ``archlint check``, two versions side by side: the wall time of each,
taking turns run after run (so that a busy machine slows both alike), with standard
error on a pipe and on a pseudo-terminal (where the progress bar could show), and the
median of each.

    python benchmarks/startup.py --before OLD/src --after NEW/src --runs 40 FILE.md

OLD/src and NEW/src are the ``src`` folders of two checkouts (e.g. ``git archive REV |
tar -x -C OLD``); each run is ``python -m archlint check --no-cache FILE`` with that
folder first on ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import os
import pty
import statistics
import subprocess
import sys
import time
from pathlib import Path


def once(source: Path, target: Path, terminal: bool) -> float:
    env = {**os.environ, "PYTHONPATH": str(source)}
    env.pop("CI", None)
    command = [sys.executable, "-m", "archlint", "check", "--no-cache", str(target)]
    if terminal:
        controller, stderr = pty.openpty()
    else:
        controller, stderr = None, subprocess.DEVNULL
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=stderr, env=env, check=False)
    elapsed = time.perf_counter() - start
    if controller is not None:
        os.close(controller)
        os.close(stderr)  # type: ignore[arg-type]
    return elapsed


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
    times: dict[tuple[str, bool], list[float]] = {}
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
        before = statistics.median(times["before", terminal])
        after = statistics.median(times["after", terminal])
        print(f"{where}: before {before * 1000:.1f} ms, after {after * 1000:.1f} ms "
              f"(median of {arguments.runs}; after/before {after / before:.3f})")


if __name__ == "__main__":
    main()
