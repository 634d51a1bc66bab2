"""What starting archlint's worker processes costs, for each way of starting them.

    python benchmarks/pool.py --jobs 2 --runs 10

Each run starts a pool of ``--jobs`` processes the way `archlint check` does (each
worker makes its checker from the configuration, as the parent did), waits until every
worker has checked one small document, and stops the pool. It prints the median wall
time of a run for "fork" (where the platform has it) and "spawn", the methods taking
turns run after run, and which method archlint picks here. ("forkserver" is left out:
its workers are the server's children, and a worker ends itself when its parent is not
the process that started the run.)
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from archlint import config
from archlint.engine import Linter, running

DOCUMENT = "# Title\n\nSome text with a [link](#title).\n"


def start_and_stop(method: str, jobs: int, document: Path) -> float:
    """Wall seconds from starting the pool to every worker having checked a document."""
    linter = Linter.create(config.discover(document.parent))
    start = time.perf_counter()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                               initializer=running._start_worker,
                               initargs=(Linter.create, linter.configuration, linter.selection,
                                         [document], (50_000, 20, 20), os.getpid()))
    list(pool.map(running._check_in_worker, [document] * jobs))
    pool.shutdown()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=10)
    arguments = parser.parse_args()
    methods = [m for m in ("fork", "spawn") if m in multiprocessing.get_all_start_methods()]
    times: dict[str, list[float]] = {method: [] for method in methods}
    with tempfile.TemporaryDirectory() as folder:
        document = Path(folder) / "doc.md"
        document.write_text(DOCUMENT, encoding="utf-8")
        for run in range(arguments.runs):
            for method in methods[run % len(methods):] + methods[:run % len(methods)]:
                times[method].append(start_and_stop(method, arguments.jobs, document))
    print(f"{arguments.jobs} workers, median of {arguments.runs} runs "
          f"(Python {sys.version.split()[0]}, {sys.platform}):")
    for method, taken in times.items():
        print(f"  {method:<11} {statistics.median(taken) * 1000:7.1f} ms")
    chosen = running._start_method()
    print(f"archlint starts its workers with "
          f"{chosen.get_start_method() if chosen else multiprocessing.get_start_method()}")


if __name__ == "__main__":
    main()
