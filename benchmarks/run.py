"""Benchmark archlint against markdown-it-py's bare parse and, when installed,
markdownlint-cli2 and rumdl, side by side in one sitting.

    python benchmarks/run.py --corpus ../shared/corpus        # a folder of Markdown
    python benchmarks/run.py --corpus A --corpus B            # several, copied into one
    python benchmarks/run.py --synthetic 1000                 # or a generated corpus

Each command runs several times (--runs, default 5), the commands taking turns round by
round (each round starting one command further on); figures are medians of wall time, CPU time (user + system of the process and its
children) and the largest peak memory. It prints every figure and the ratios the
performance targets are stated in.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BARE_PARSE = """
import sys
from pathlib import Path
from markdown_it import MarkdownIt
md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
for path in sorted(Path(sys.argv[1]).rglob("*.md")):
    md.parse(path.read_text(encoding="utf-8", errors="replace"))
"""


@dataclass
class Timing:
    wall: float
    cpu: float
    peak_mb: float


def run_once(command: list[str], cwd: Path) -> Timing:
    """Wall seconds, CPU seconds and peak memory (MB) of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return Timing(time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
                  usage.ru_maxrss / 1024)


def measure(commands: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, Timing]:
    """Run the commands in turn, ``runs`` rounds of one run each, starting each round one
    command further on, so that a machine that speeds up or slows down meanwhile (or one
    command warming the disk cache for the next) affects them all alike; medians of each."""
    names = list(commands)
    samples: dict[str, list[Timing]] = {name: [] for name in names}
    for number in range(runs):
        print(f"round {number + 1} of {runs}", file=sys.stderr)
        for name in names[number % len(names):] + names[:number % len(names)]:
            samples[name].append(run_once(commands[name], cwd))
    return {name: Timing(statistics.median(t.wall for t in taken),
                         statistics.median(t.cpu for t in taken),
                         max(t.peak_mb for t in taken))
            for name, taken in samples.items()}


def synthetic(folder: Path, count: int) -> Path:
    """A corpus of ``count`` architecture documents, some filled, some not."""
    rng = random.Random(7)
    words = ("order payment stock courier region queue service event state cache "
             "consistency retry timeout partition replica").split()
    sections = ["Processing pipelines", "State models", "Dynamic interactions",
                "Streaming components", "Data consistency strategies", "Related sections"]
    for index in range(count):
        lines = ["# Process View", "", "* **[State models](#state-models)**", ""]
        for title in sections:
            lines += [f"## {title}", ""]
            if rng.random() < 0.2:
                lines += [f"_Discuss {title.lower()}_", ""]
            else:
                for _ in range(rng.randint(2, 6)):
                    lines.append(" ".join(rng.choice(words) for _ in range(rng.randint(8, 16)))
                                 + ".")
                lines += ["", f"See [the overview](./doc-{(index + 1) % count}.md#process-view).",
                          ""]
        (folder / f"doc-{index}.md").write_text("\n".join(lines), encoding="utf-8")
    return folder


# what a project's configuration file may hold: selection, globs, a pack for some files,
# template-text settings and a rule's options
CONFIGURATION = """\
ignore = ["AL304"]
exclude = ["drafts/**"]
per-file-ignores = { "adr/*.md" = ["AL201"] }

[[documents]]
paths = ["views/*.md"]
pack = "process-view"

[template-text]
min-words = 3
similarity = 0.8

[rules.placeholder]
words = ["TBD", "TODO", "FIXME", "XXX", "xxx"]
"""


def first_markdown(folder: Path) -> Path:
    return next(path for path in sorted(folder.rglob("*.md")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--corpus", type=Path, action="append",
                        help="a folder of Markdown files (several are copied into one)")
    source.add_argument("--synthetic", type=int, metavar="N", help="generate N documents")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="archlint-bench-"))
    try:
        if args.corpus is not None:
            for folder in args.corpus:
                if not folder.is_dir():
                    parser.error(f"{folder} is not a folder")
            corpus = args.corpus[0].resolve()
            if len(args.corpus) > 1:  # one folder of them all, each under its own name
                corpus = scratch / "corpus"
                for number, folder in enumerate(args.corpus):
                    name = folder.resolve().name
                    if (corpus / name).exists():
                        name = f"{name}-{number}"
                    shutil.copytree(folder, corpus / name)
        else:
            (scratch / "corpus").mkdir()
            corpus = synthetic(scratch / "corpus", args.synthetic)
        doubled = scratch / "doubled"
        shutil.copytree(corpus, doubled / "a")
        shutil.copytree(corpus, doubled / "b")
        files = sum(1 for _ in corpus.rglob("*.md"))
        one = first_markdown(corpus)
        # pip byte-compiles what it installs; an editable install under
        # PYTHONDONTWRITEBYTECODE would compile every module on every run instead.
        package = importlib.util.find_spec("archlint")
        if package is not None and package.submodule_search_locations:
            subprocess.run([sys.executable, "-m", "compileall", "-q",
                            *package.submodule_search_locations], check=True)
        archlint = [sys.executable, "-m", "archlint", "check", "--exit-zero"]
        cache = scratch / "cache"
        configured = scratch / "archlint.toml"  # a configuration file as a project has one
        configured.write_text(CONFIGURATION, encoding="utf-8")
        print(f"corpus: {corpus} ({files} Markdown files), {args.runs} runs each, "
              f"{os.cpu_count()} cores\n")

        commands = {
            "archlint cold": [*archlint, "--no-cache", str(corpus)],
            "archlint warm": [*archlint, "--cache-dir", str(cache), str(corpus)],
            "archlint one file": [*archlint, "--no-cache", str(one)],
            "archlint one file, config": [*archlint, "--no-cache", "--config", str(configured),
                                          str(one)],
            "archlint --jobs 1": [*archlint, "--no-cache", "--jobs", "1", str(corpus)],
            "archlint cold, links only": [*archlint, "--no-cache", "--select",
                                          "AL301,AL302,AL303", str(corpus)],
            "archlint cold, corpus x2": [*archlint, "--no-cache", str(doubled)],
            "markdown-it-py bare parse": [sys.executable, "-c", BARE_PARSE, str(corpus)],
        }
        markdownlint = shutil.which("markdownlint-cli2")
        if markdownlint:
            commands["markdownlint-cli2"] = [markdownlint, f"{corpus}/**/*.md"]
            commands["markdownlint-cli2 one file"] = [markdownlint, str(one)]
        rumdl = shutil.which("rumdl")
        if rumdl:
            commands["rumdl (no cache)"] = [rumdl, "check", "--no-cache", str(corpus)]
            commands["rumdl (cached)"] = [rumdl, "check", str(corpus)]
        # fill the caches the warm runs read (the caches go to the scratch folder)
        run_once(commands["archlint warm"], scratch)
        if rumdl:
            run_once(commands["rumdl (cached)"], scratch)
        results = measure(commands, args.runs, scratch)
        for name, t in results.items():
            print(f"{name:<28} wall {t.wall:7.2f} s   cpu {t.cpu:7.2f} s   peak {t.peak_mb:6.0f} MB")

        def ratio(label: str, a: float, b: float, target: str) -> None:
            print(f"{label:<54} {a / b:6.2f}   (target {target})")

        print("\nratios")
        cold, warm = results["archlint cold"], results["archlint warm"]
        ratio("cold / markdown-it-py parse, wall", cold.wall,
              results["markdown-it-py bare parse"].wall, "none; the parse is the floor")
        ratio("--jobs 1 CPU / markdown-it-py parse CPU", results["archlint --jobs 1"].cpu,
              results["markdown-it-py bare parse"].cpu, "<= 1.5")
        ratio("corpus x2 / corpus, wall", results["archlint cold, corpus x2"].wall, cold.wall,
              "<= 2.1")
        if markdownlint:
            ratio("cold / markdownlint-cli2, wall", cold.wall, results["markdownlint-cli2"].wall,
                  "<= 0.17")
            ratio("links only / markdownlint-cli2, wall",
                  results["archlint cold, links only"].wall, results["markdownlint-cli2"].wall,
                  "<= 0.15")
            ratio("one file / markdownlint-cli2 one file, wall",
                  results["archlint one file"].wall, results["markdownlint-cli2 one file"].wall,
                  "<= 0.35")
        if rumdl:
            ratio("cold / rumdl, wall", cold.wall, results["rumdl (no cache)"].wall, "<= 4.5")
            ratio("links only / rumdl, wall", results["archlint cold, links only"].wall,
                  results["rumdl (no cache)"].wall, "<= 3")
            ratio("warm / rumdl cached, wall", warm.wall, results["rumdl (cached)"].wall, "<= 2")
        one, with_file = results["archlint one file"], results["archlint one file, config"]
        print(f"{'one file with a configuration file - without, wall (ms)':<54} "
              f"{(with_file.wall - one.wall) * 1000:6.0f}   (target <= 30)")
        print(f"{'peak memory, cold (MB)':<54} {cold.peak_mb:6.0f}   (target <= 150)")
        print("\nwhere a --jobs 1 run's CPU goes (benchmarks/phases.py, one run)")
        subprocess.run([sys.executable, str(Path(__file__).with_name("phases.py")),
                        str(corpus)], cwd=scratch, check=False)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
