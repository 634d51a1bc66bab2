"""Draw the findings of the structure rules (AL201, AL203, AL304) to read by hand.

Runs archlint on the real-world documentation sets the way `benchmarks/findings.py`
does (defaults, then the matching built-in pack or the set's own template file), keeps
each rule's distinct findings (the same finding from two runs counts once: AL304 does
not depend on the pack), and draws a random sample of each with a fixed seed:

    python benchmarks/accuracy/structure_sample.py --corpus ../shared/corpus --size 40 \\
        --out benchmarks/accuracy

writes `<rule>.csv` (file, line, rule, message, run, verdict, reason) with the verdict
and reason left empty for the reader, unless the file already holds verdicts for the
same findings (then they are kept), and prints how many findings each rule has. Every
finding is drawn where a rule has no more than `--size`. With `--keps`, the same for the
Kubernetes Enhancement Proposals checked with their own template (`kep-<rule>.csv`).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import findings  # noqa: E402  (benchmarks/findings.py: the runs a user would make)

RULES = ("AL201", "AL203", "AL304")
SEED = 12
FIELDS = ["file", "line", "rule", "message", "run", "verdict", "reason"]


def runs(keps: bool = False) -> list[tuple[str, list[str]]]:
    """The runs of findings.py on the real-world sets (defaults: on those sets only), or
    with ``keps`` its run of the KEPs with the KEP template."""
    if keps:
        return [(name, arguments) for name, arguments in findings.RUNS
                if name == "kep-template"]
    chosen = []
    for name, arguments in findings.RUNS:
        if name == "defaults":
            chosen.append((name, [findings.REALWORLD]))
        elif any(a.startswith(findings.REALWORLD + "/") for a in arguments):
            chosen.append((name, arguments))
    return chosen


def collect(corpus: Path, keps: bool = False) -> dict[str, list[dict[str, object]]]:
    found: dict[str, dict[tuple, dict[str, object]]] = {rule: {} for rule in RULES}
    for name, arguments in runs(keps):
        result = subprocess.run(
            [sys.executable, "-m", "archlint", "check", "--no-cache", "--output-format",
             "json", "--select", ",".join(RULES), *arguments],
            cwd=corpus, capture_output=True, text=True)
        for item in json.loads(result.stdout or "[]"):
            key = (item["path"], item["line"], item["message"])
            found[item["code"]].setdefault(key, {
                "file": item["path"], "line": item["line"], "rule": item["code"],
                "message": item["message"], "run": name})
    return {rule: sorted(items.values(), key=lambda f: (f["file"], f["line"], f["message"]))
            for rule, items in found.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--size", type=int, default=40)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    parser.add_argument("--keps", action="store_true",
                        help="the KEPs with the KEP template instead (kep-<rule>.csv)")
    args = parser.parse_args()
    for rule, items in collect(args.corpus.resolve(), args.keps).items():
        drawn = (items if len(items) <= args.size
                 else random.Random(SEED).sample(items, args.size))
        path = args.out / (f"kep-{rule}.csv" if args.keps else f"{rule}.csv")
        known = {}
        if path.exists():
            with path.open(encoding="utf-8", newline="") as file:
                known = {(r["file"], r["line"], r["message"]): r for r in csv.DictReader(file)}
        with path.open("w", encoding="utf-8", newline="") as file:
            writer = csv.DictWriter(file, FIELDS)
            writer.writeheader()
            for item in drawn:
                old = known.get((item["file"], str(item["line"]), item["message"]), {})
                writer.writerow({**item, "verdict": old.get("verdict", ""),
                                 "reason": old.get("reason", "")})
        print(f"{rule}: {len(items)} distinct findings, {len(drawn)} drawn -> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
