"""Pathological inputs: does archlint's time grow linearly with the input?

    python benchmarks/pathological.py                 # every case, 3 rounds
    python benchmarks/pathological.py --case headings --runs 5

Each case generates a document set of size n and of size 2n in a temporary folder and
runs ``archlint check --no-cache --jobs 1`` on each, the two sizes taking turns; the
figures are medians of CPU time (user + system, steadier than wall time on a shared
machine) and the largest peak memory. Linear time means a ratio t(2n) / t(n) of 2 (a
little less, as start-up does not grow); quadratic time means 4.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

Files = dict[str, str]
WORDS = ("the system keeps every order in a queue until the payment service confirms it "
         "and then the warehouse picks the items and ships them to the customer").split()


def prose(size: int) -> str:
    """About ``size`` bytes of paragraphs of ordinary words."""
    sentence = " ".join(WORDS) + ".\n"
    paragraph = sentence * 5 + "\n"
    return paragraph * max(1, size // len(paragraph))


def links_in_one_paragraph(n: int) -> Files:
    return {"doc.md": "# Doc\n\n## Part\n\n" + " ".join(
        f"[link {i}](#part) and [other](#missing-{i % 7})" for i in range(n // 2)) + "\n"}


def near_miss_anchors(n: int) -> Files:
    headings = "".join(f"## Section {i:05d} of the design\n\nText.\n\n" for i in range(n))
    links = "".join(f"- [s](#section-{i:05d}-of-the-desigm)\n" for i in range(n))
    return {"doc.md": "# Doc\n\n" + links + "\n" + headings}


def broken_links_into_a_big_folder(n: int) -> Files:
    files = {f"folder/file-{i:05d}.md": "# F\n\nText.\n" for i in range(3 * n)}
    files["doc.md"] = "# Doc\n\n" + "".join(
        f"- [f](./folder/fil-{i:05d}.md)\n" for i in range(n))
    return files


def cross_anchors_near_miss(n: int) -> Files:
    headings = "".join(f"## Section {i:05d} of the design\n\nText.\n\n" for i in range(n))
    return {"other.md": "# Other\n\n" + headings,
            "doc.md": "# Doc\n\n" + "".join(
                f"- [s](./other.md#section-{i:05d}-of-the-desigm)\n" for i in range(n))}


def megabytes_of_prose(n: int) -> Files:
    return {"doc.md": "# Doc\n\n## Part\n\n" + prose(n * 1_000_000)}


def headings(n: int) -> Files:
    toc = "".join(f"- [Heading {i}](#heading-{i})\n" for i in range(0, n, 2))
    body = "".join(f"## Heading {i}\n\nText of heading {i}.\n\n" for i in range(n))
    return {"doc.md": "# Doc\n\n## Contents\n\n" + toc + "\n" + body}


def one_long_line(n: int) -> Files:
    line = " ".join(WORDS)
    return {"doc.md": "# Doc\n\n" + (line + " ") * (n * 1_000_000 // (len(line) + 1)) + "\n"}


def wide_table(n: int) -> Files:
    header = "|" + "|".join(f" c{i} " for i in range(n)) + "|\n"
    rule = "|" + "|".join(" --- " for _ in range(n)) + "|\n"
    row = "|" + "|".join(f" v{i} [x](#doc) " for i in range(n)) + "|\n"
    return {"doc.md": "# Doc\n\n" + header + rule + row * 10}


def deep_nesting(n: int) -> Files:
    block = "".join("  " * level + f"- item {level} > quote\n" for level in range(45))
    quotes = ">" * 90 + " deep *a **b [c](#doc) d** e* text\n\n"
    return {"doc.md": "# Doc\n\n" + (block + "\n" + quotes) * n}


def nested_inline(n: int) -> Files:
    return {"doc.md": "# Doc\n\n" + ("*a " * 50 + "[x" * 50 + "](#doc)" * 50 + " text\n\n") * n}


CASES: dict[str, tuple[Callable[[int], Files], int, str]] = {
    "links-in-one-paragraph": (links_in_one_paragraph, 40_000, "links"),
    "near-miss-anchors": (near_miss_anchors, 1_000, "headings and broken links"),
    "cross-file-near-miss-anchors": (cross_anchors_near_miss, 1_000,
                                     "headings and broken links"),
    "broken-links-into-a-big-folder": (broken_links_into_a_big_folder, 1_000,
                                       "broken links (3 files each)"),
    "prose": (megabytes_of_prose, 25, "MB"),
    "headings": (headings, 5_000, "headings (every other in the TOC)"),
    "one-long-line": (one_long_line, 10, "MB on one line"),
    "wide-table": (wide_table, 2_500, "columns, 10 rows"),
    "deep-nesting": (deep_nesting, 200, "blocks 90 levels deep"),
    "nested-inline": (nested_inline, 1_000, "paragraphs of 50-deep emphasis and links"),
}


def write(folder: Path, files: Files) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def run_once(folder: Path) -> tuple[float, float]:
    """CPU seconds and peak memory (MB) of one ``archlint check`` of ``folder``."""
    process = subprocess.Popen([sys.executable, "-m", "archlint", "check", "--no-cache",
                                "--jobs", "1", "--exit-zero", "--output-format", "concise",
                                "."], cwd=folder, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"archlint failed on {folder}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(name: str, runs: int, scale: float) -> str:
    _, n, unit = CASES[name]
    n = max(1, int(n * scale))
    with tempfile.TemporaryDirectory() as temporary:
        small, large = Path(temporary, "n"), Path(temporary, "2n")
        for folder, size in ((small, n), (large, 2 * n)):
            # in a process of its own: a child's peak memory counts its parent's at fork
            subprocess.run([sys.executable, __file__, "--generate", name, str(size),
                            str(folder)], check=True)
        times: dict[Path, list[float]] = {small: [], large: []}
        peaks: dict[Path, float] = {small: 0.0, large: 0.0}
        for round_number in range(runs):
            for folder in ((small, large) if round_number % 2 == 0 else (large, small)):
                cpu, peak = run_once(folder)
                times[folder].append(cpu)
                peaks[folder] = max(peaks[folder], peak)
        t_small, t_large = (statistics.median(times[f]) for f in (small, large))
    return (f"| {name} | {n:,} {unit} | {t_small:.2f} s | {t_large:.2f} s | "
            f"{t_large / t_small:.2f} | {peaks[small]:.0f} / {peaks[large]:.0f} MB |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", choices=sorted(CASES),
                        help="run only this case (repeatable); default: all")
    parser.add_argument("--runs", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply every case's n (e.g. 0.1 for a quick look)")
    parser.add_argument("--generate", nargs=3, metavar=("CASE", "N", "FOLDER"),
                        help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.generate:
        name, size, folder = arguments.generate
        write(Path(folder), CASES[name][0](int(size)))
        return
    print("| input | n | CPU at n | CPU at 2n | ratio | peak memory |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name in arguments.case or list(CASES):
        print(measure(name, arguments.runs, arguments.scale), flush=True)


if __name__ == "__main__":
    main()
