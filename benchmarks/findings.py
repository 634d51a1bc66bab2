"""Every finding archlint makes on the shared corpora, the way a user would run it:
defaults first, then the matching built-in pack or the set's own template file; and
`archlint status` the same ways. One JSON file per run, so that two states of the code
can be compared with `diff -r`:

    python benchmarks/findings.py --corpus ../shared/corpus --out /tmp/before
    ... change the code ...
    python benchmarks/findings.py --corpus ../shared/corpus --out /tmp/after
    diff -r /tmp/before /tmp/after && echo same findings

Runs are cold (`--no-cache`) and use the archlint of the running Python.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

REALWORLD = "realworld"

# (name, arguments after `archlint check`, relative to the corpus folder)
RUNS: list[tuple[str, list[str]]] = [
    ("defaults", ["."]),
    ("kep-pack", ["--pack", "kep", "kubernetes-keps/keps"]),
    ("kep-template", ["--template", "kubernetes-keps/keps/NNNN-kep-template/README.md",
                      "kubernetes-keps/keps"]),
    ("rust-rfc-pack", ["--pack", "rust-rfc", "rust-rfcs/text"]),
    ("rust-rfc-template", ["--template", "rust-rfcs/0000-template.md", "rust-rfcs/text"]),
]
ARC42 = ["eclipse-tractusx+puris", "Arvato-Systems+t9t", "it-at-m+foerdermittel",
         "Bierhals+dotnet-realworld-hexa-ddd", "secureCodeBox+secureCodeBox",
         "adorsys+didcomm-mediator-rs", "catenax-ng+product-value-added-service",
         "Gereon93+regRAG/docs/arc42.md"]
MADR = ["elastisys+compliantkubernetes", "DFE-Digital+find-a-tuition-partner",
        "JabRef+jabref"]
NYGARD = ["alphagov+govuk-aws", "cisagov+manage.get.gov", "Gereon93+regRAG/docs/adr"]
TEMPLATES = {
    "elastisys+compliantkubernetes": "docs/adr/template.md",
    "DFE-Digital+find-a-tuition-partner": "docs/decisions/adr-template.md",
    "JabRef+jabref": "docs/decisions/adr-template.md",
    "open-telemetry+oteps": "0000-template.md",
    "grpc+proposal": "GRFC-TEMPLATE.md",
    "cncf+tag-security": "community/assessments/guide/self-assessment.md",
    "Bierhals+dotnet-realworld-hexa-ddd": "docs/arc42/arc42-template.md",
}
for pack, sets in (("arc42", ARC42), ("madr", MADR), ("nygard-adr", NYGARD)):
    for folder in sets:
        RUNS.append((f"{pack}--{folder.replace('/', '_')}",
                     ["--pack", pack, f"{REALWORLD}/{folder}"]))
for folder, template in TEMPLATES.items():
    RUNS.append((f"template--{folder}",
                 ["--template", f"{REALWORLD}/{folder}/{template}", f"{REALWORLD}/{folder}"]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--no-status", action="store_true", help="skip `archlint status`")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, arguments in RUNS:
        if not all((corpus / a).exists() for a in arguments if "/" in a or a == "."):
            print(f"skipped {name}: not in this corpus", file=sys.stderr)
            continue
        commands = [("check", ["check", "--no-cache", "--output-format", "json"])]
        if not args.no_status:
            commands.append(("status", ["status", "--output-format", "json"]))
        for kind, command in commands:
            result = subprocess.run([sys.executable, "-m", "archlint", *command, *arguments],
                                    cwd=corpus, capture_output=True, text=True)
            (args.out / f"{kind}--{name}.json").write_text(
                result.stdout + result.stderr + f"exit {result.returncode}\n",
                encoding="utf-8")
        print(f"{name}: done", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
