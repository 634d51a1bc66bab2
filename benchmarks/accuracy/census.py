"""Every AL201 finding of a run, each with the verdict it was given when it was read.

The AL201 findings on ``realworld/`` were all read by hand, in rounds
(``realworld-AL201-round7.md`` to ``round11.md``). A change to the rule removes some of
them and may add new ones; this joins the findings of a run (as ``sample.py`` lists
them) with those verdicts, by file, run and the section named (the first words, for a
finding told once), prints the precision by the rule's definition (``letter``) and by
the job, and lists every finding with its verdict and reason as a table. A finding no
round has read is listed as unread, for a reader to judge before the figure is quoted:

    python benchmarks/findings.py --corpus ../shared/corpus --out /tmp/findings
    python benchmarks/accuracy/sample.py /tmp/findings --rule AL201 --size 1000 --seed 1 \\
        > /tmp/population.md
    python benchmarks/accuracy/census.py /tmp/population.md > benchmarks/accuracy/realworld-AL201-census.md
"""

from __future__ import annotations

import argparse
import math
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROUNDS = ("realworld-AL201-round7.md", "realworld-AL201-round8.md",
          "realworld-AL201-round9.md", "realworld-AL201-round10.md",
          "realworld-AL201-round11.md")
_ROW = re.compile(r"^\| \d+ \|")


def key(path: str, run: str, message: str) -> tuple[str, str, str]:
    """What identifies a finding across code changes: its file, its run and the section
    it names (a finding told once, "none of …" or "only K of …", by its first words)."""
    named = re.search(r'"([^"]+)"', message)
    told_once = "none of" in message or message.startswith("only")
    return (path.removeprefix("realworld/"), run,
            message[:30] if told_once or named is None else named.group(1))


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def verdicts(folder: Path) -> dict[tuple[str, str, str], dict[str, str]]:
    """The rounds' readings, by :func:`key`; a later round's reading of a finding wins."""
    found: dict[tuple[str, str, str], dict[str, str]] = {}
    for name in ROUNDS:
        head: list[str] | None = None
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("| # |"):
                head = _cells(line)
            elif head and _ROW.match(line):
                row = dict(zip(head, _cells(line)))
                row["round"] = name.removeprefix("realworld-AL201-").removesuffix(".md")
                found[key(row["file"], row.get("run", ""), row["message"])] = row
    return found


def population(table: Path) -> list[dict[str, str]]:
    """The findings ``sample.py`` listed: file, line, run and message of each."""
    rows = []
    for line in table.read_text(encoding="utf-8").splitlines():
        if _ROW.match(line):
            cells = _cells(line)
            rows.append({"file": cells[1], "line": cells[2], "run": cells[4],
                         "message": cells[5]})
    return rows


def wilson(hits: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson interval of a proportion."""
    share = hits / total
    middle = share + z * z / (2 * total)
    spread = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total))
    return (middle - spread) / (1 + z * z / total), (middle + spread) / (1 + z * z / total)


def _true(verdict: str) -> bool:
    return "false" not in verdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("population", type=Path, help="sample.py's table of the findings")
    args = parser.parse_args()
    read = verdicts(HERE)
    rows = population(args.population)
    joined = [(row, read.get(key(row["file"], row["run"], row["message"]))) for row in rows]
    documents = [verdict for _, verdict in joined if verdict and verdict["kind"] == "doc"]
    unread = [row for row, verdict in joined if verdict is None]
    letter = sum(1 for v in documents if _true(v["letter"]))
    job = sum(1 for v in documents if _true(v["job"]))
    total = len(documents)
    print("# AL201 on realworld/: every finding of the run, with its verdict\n")
    print(f"{len(rows)} findings; {total} on documents of the pack's kind, "
          f"{len(rows) - total - len(unread)} on other files, {len(unread)} not read.\n")
    if total:
        low, high = wilson(letter, total)
        print(f"- by the definition (`letter`): {letter} of {total} true = "
              f"{letter / total:.1%} ({low:.1%}–{high:.1%})")
        low, high = wilson(job, total)
        print(f"- by the job: {job} of {total} true = {job / total:.1%} "
              f"({low:.1%}–{high:.1%})\n")
    print("| # | file | line | run | message | kind | letter | job | round | reason |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for number, (row, verdict) in enumerate(joined, 1):
        if verdict is None:
            verdict = {"kind": "?", "letter": "not read", "job": "not read", "round": "",
                       "reason": ""}
        print(f"| {number} | {row['file']} | {row['line']} | {row['run']} | "
              f"{row['message']} | {verdict['kind']} | {verdict['letter']} | "
              f"{verdict['job']} | {verdict['round']} | {verdict.get('reason', '')} |")


if __name__ == "__main__":
    main()
