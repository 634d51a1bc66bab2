"""Draw a random sample of one rule's findings, to be read by hand.

Reads the JSON files that ``benchmarks/findings.py`` writes (every finding of every run
on the corpora), keeps the findings of one rule in the documents under one corpus
folder, counts each (file, line, rule, message) once across the runs (defaults first,
then the packs and templates), leaves out the corpus's own notes and the template files themselves (a template is all
template text, so its findings say nothing about precision), and prints a seeded random
sample as a table with empty verdict and reason columns:

    python benchmarks/findings.py --corpus ../shared/corpus --out /tmp/findings
    python benchmarks/accuracy/sample.py /tmp/findings --rule AL101 --prefix realworld/ \\
        --size 30 --seed 13 > benchmarks/accuracy/realworld-AL101.md

The same findings, rule, size and seed always give the same sample. AL201 reports each
missing section of a document on the same line (its title), so the message is part of
what makes a finding; samples drawn before it was (the realworld AL101, AL102, AL202
ones) are drawn again with ``--per-line``, which counts each (file, line, rule) once and
keeps the first run's message.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

# template files by name, as `archlint init` recognises them, and those the corpus
# README lists under other names
_TEMPLATE_NAME = re.compile(r"(?:^|[-_.\s])template(?:$|[-_.\s])", re.IGNORECASE)
LISTED_TEMPLATES = (
    "secureCodeBox+secureCodeBox/documentation/docs/architecture/09_architecture_decisions/"
    "adr_0000.md",
    "cncf+tag-security/community/assessments/guide/self-assessment.md",
)


def is_template(path: str) -> bool:
    """A template file: named like one, in a folder named like one (the KEP template is
    NNNN-kep-template/README.md), or listed in the corpus's README."""
    parts = path.split("/")
    names = [*parts[:-1], parts[-1].rsplit(".", 1)[0]]
    return (any(_TEMPLATE_NAME.search(name) or name == "templates" for name in names)
            or any(path.endswith(listed) for listed in LISTED_TEMPLATES))


def is_corpus_note(path: str) -> bool:
    """The corpus's own notes (its README, each set's SOURCE.md), not documentation."""
    return path.startswith("realworld/") and (path.endswith("/SOURCE.md")
                                              or path == "realworld/README.md")


def findings(folder: Path, prefix: str, per_line: bool = False
             ) -> dict[tuple[str, int, str, str], tuple[str, str]]:
    """(path, line, code, message) → (run, message), defaults first, then the other
    runs (``per_line``: the message left out of the key, the first run's kept)."""
    runs = sorted(folder.glob("check--*.json"), key=lambda p: (p.name != "check--defaults.json",
                                                               p.name))
    found: dict[tuple[str, int, str], tuple[str, str]] = {}
    for run in runs:
        text = run.read_text(encoding="utf-8")
        data = json.loads(text[:text.rindex("exit ")])
        name = run.name[len("check--"):-len(".json")]
        for item in data:
            path = item["path"]  # relative to the corpus folder, in every run
            if not path.startswith(prefix) or is_corpus_note(path):
                continue
            message = "" if per_line else item["message"]
            found.setdefault((path, item["line"], item["code"], message),
                             (name, item["message"]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("findings", type=Path, help="a folder written by findings.py")
    parser.add_argument("--rule", required=True)
    parser.add_argument("--prefix", default="realworld/")
    parser.add_argument("--size", type=int, default=30)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--per-line", action="store_true",
                        help="count each file, line and rule once (as samples drawn before "
                             "the message was part of a finding were)")
    args = parser.parse_args()
    found = findings(args.findings, args.prefix, args.per_line)
    population = sorted((key, value) for key, value in found.items()
                        if key[2] == args.rule and not is_template(key[0]))
    sample = sorted(random.Random(args.seed).sample(population, min(args.size, len(population))))
    print(f"# {args.rule} on {args.prefix}: {len(sample)} of {len(population)} findings "
          f"(seed {args.seed})\n")
    print("| # | file | line | rule | run | message | verdict | reason |")
    print("| --- | --- | ---: | --- | --- | --- | --- | --- |")
    for number, ((path, line, code, _), (run, message)) in enumerate(sample, 1):
        message = message.replace("|", "\\|")
        print(f"| {number} | {path} | {line} | {code} | {run} | {message} |  |  |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
