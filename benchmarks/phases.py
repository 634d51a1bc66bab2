"""Where a `--jobs 1` run's CPU goes, phase by phase, so that a change can be judged by
the phase it is meant to speed up.

    python benchmarks/phases.py ../shared/corpus          # any folder of Markdown

In one process, every Markdown file under the folder is checked with the default
configuration as `archlint check --jobs 1 --no-cache` would check it, and the CPU time
(`time.process_time`) of each phase is added up:

- parse: markdown-it-py's tokens (archlint's set-up of it);
- model: turning the tokens into archlint's document model;
- each shared analysis (template text, the pack's outline, example sections, TOC);
- each rule's own work;
- engine: everything else (reading, discovery, contexts, suppressions, fingerprints).

The phases are measured by wrapping the functions that do them, which costs a little
time of its own (counted in "engine"). Each phase is also given as a multiple of
markdown-it-py's bare parse of the same files (as `benchmarks/run.py` runs it, CPU time
in this process), the measure the `--jobs 1` target is stated in.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from markdown_it import MarkdownIt

from archlint import config
from archlint.engine import Linter
from archlint.markdown import parser, tokenizer

spent: dict[str, float] = defaultdict(float)


def timed(name: str, function):
    """``function``, adding the CPU time of each call to ``spent[name]``; time spent in
    calls nested inside another timed call counts only for the inner one."""
    def wrapper(*args, **kwargs):
        start = time.process_time()
        before = dict(spent)
        try:
            return function(*args, **kwargs)
        finally:
            inner = sum(spent[key] - before.get(key, 0.0) for key in spent)
            spent[name] += time.process_time() - start - inner
    return wrapper


def instrument(linter: Linter) -> None:
    """Wrap the phases of ``linter``'s work (module functions and the rules' checks)."""
    for links_only in (False, True):
        md = tokenizer.markdown(links_only)
        md.parse = timed("parse (markdown-it-py)", md.parse)  # type: ignore[method-assign]
    parser.parse = timed("model", parser.parse)  # the tokens' time is taken out above
    from archlint.markdown import reading

    reading.parse = parser.parse  # reading imported the function itself
    # the modules themselves: the analysis looks their functions up when it calls them
    # (and imports the outline only for a document with a pack)
    from archlint.links import toc
    from archlint.template import classify, examples, outline

    modules = {"classify": classify, "outline": outline, "examples": examples, "toc": toc}
    for name, module in modules.items():
        for attribute in ("classify", "place", "example_sections", "find"):
            if hasattr(module, attribute):
                setattr(module, attribute,
                        timed(f"analysis: {name}", getattr(module, attribute)))
    rules = linter.rule_set
    rules.enabled = tuple(replace(rule, check=_rule_check(rule)) for rule in rules.enabled)


def _rule_check(rule):
    def check(document, options, context):
        return list(timed(f"rule {rule.code} {rule.name}",
                          lambda: list(rule.check(document, options, context)))())
    return check


def bare_parse(folder: Path) -> float:
    """CPU seconds markdown-it-py takes to read and parse every Markdown file under
    ``folder``, set up as in ``benchmarks/run.py``."""
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    start = time.process_time()
    for path in sorted(folder.rglob("*.md")):
        md.parse(path.read_text(encoding="utf-8", errors="replace"))
    return time.process_time() - start


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("folder", type=Path)
    folder = arguments.parse_args().folder
    bare = bare_parse(folder)  # first, with Python's own garbage collection, as run.py has it
    gc.set_threshold(50_000, 20, 20)  # as the command line sets it
    linter = Linter.create(config.discover(Path.cwd()))
    instrument(linter)
    start = time.process_time()
    diagnostics, files = linter.lint_paths([folder], jobs=1)
    total = time.process_time() - start
    measured = sum(spent.values())
    spent["engine (the rest)"] = total - measured
    print(f"{files} files, {len(diagnostics)} findings, {total:.2f} s CPU in all, "
          f"{total / bare:.2f} x markdown-it-py's bare parse ({bare:.2f} s)")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"{name:<36} {seconds:7.2f} s  {seconds / total:6.1%}  {seconds / bare:5.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
