"""Cached and parallel runs print what a plain run prints, byte for byte (hypothesis).

For generated documentation sets whose files link each other (anchors right, miscased
and wrong; files present, missing, moved, and named alike in several folders), the
report of a plain run is compared with that of a run in worker processes, a run that
fills a cold cache, runs answered from the warm cache (in one process and in several),
and again after each of two rounds of edits (headings renamed, files changed, added and
removed) with the cache kept from before.

CI runs a bounded number of sets; ARCHLINT_EQUIVALENCE_EXAMPLES=N runs N (the README
gives the figure of a long run).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archlint.config import Configuration, Settings
from archlint.engine import Linter, running
from archlint.engine.cache import DEFAULT_FOLDER, Cache
from archlint.report.check import Report, text

EXAMPLES = int(os.environ.get("ARCHLINT_EQUIVALENCE_EXAMPLES", "20"))

NAMES = ["overview.md", "process.md", "deployment.md", "sub/overview.md", "sub/notes.md",
         "sub/deep/process.md", "other/deployment.md", "Overview.md"]
TITLES = ["State models", "State model", "Data flow", "Regions", "Region", "Overview",
          "Related sections", "Deployment", "Security", "TBD"]
FRAGMENTS = ["state-models", "state-model", "State-Models", "data-flow", "regions",
             "region", "overview", "related-section", "deployment", "nowhere", ""]
TARGETS = NAMES + ["missing.md", "sub/missing.md", "notes.md", "deep/process.md",
                   "../outside.md", "sub", "sub/"]


@st.composite
def document(draw) -> str:
    lines = [f"# {draw(st.sampled_from(TITLES))}", ""]
    for _ in range(draw(st.integers(0, 5))):
        lines += [f"## {draw(st.sampled_from(TITLES))}", ""]
        for _ in range(draw(st.integers(0, 3))):
            target = draw(st.sampled_from(TARGETS + ["", ""]))
            fragment = draw(st.sampled_from(FRAGMENTS))
            link = target + (f"#{fragment}" if fragment or not target else "")
            lines += [f"See [this]({link or '#'}) and some *text*.", ""]
    return "\n".join(lines) + "\n"


@st.composite
def document_set(draw) -> dict[str, str]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=2, max_size=len(NAMES),
                          unique=True))
    return {name: draw(document()) for name in names}


@st.composite
def edits(draw) -> list[tuple[str, str | None]]:
    """(name, new content, or None to remove it)."""
    return draw(st.lists(st.tuples(st.sampled_from(NAMES),
                                   st.one_of(st.none(), document())), min_size=1,
                         max_size=3))


@contextmanager
def processes_for_small_sets():
    """Worker processes even for a few files (the same code a large set runs)."""
    kept = running.WORTH_A_PROCESS
    running.WORTH_A_PROCESS = 1
    try:
        yield
    finally:
        running.WORTH_A_PROCESS = kept


def report(root: Path, jobs: int, cached: bool) -> str:
    """What ``archlint check`` prints for the set in ``root``, run fresh (a new linter
    each time, as a new command would make)."""
    linter = Linter.create(Configuration(Settings(), None, root))
    cache = Cache(root / DEFAULT_FOLDER, linter.settings_key()) if cached else None
    found, count = linter.lint_paths([root], jobs, cache)
    rendered = text(Report(tuple(found), count, linter.rules), False)
    return rendered.replace(str(root), "ROOT")


def write(root: Path, files: dict[str, str | None]) -> None:
    for name, content in files.items():
        path = root / name
        if content is None:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content)


@settings(max_examples=EXAMPLES, deadline=None, derandomize="CI" in os.environ,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(files=document_set(), first=edits(), second=edits())
def test_cached_and_parallel_runs_print_what_a_plain_run_prints(
        files: dict[str, str], first: list, second: list) -> None:
    root = Path(tempfile.mkdtemp(prefix="archlint-equivalence-"))
    try:
        (root / "project").mkdir()
        (root / "outside.md").write_text("# Outside\n\n## Regions\n")
        project = root / "project"
        (project / ".git").mkdir()  # the project root, as a work tree would be
        write(project, files)
        cache, kept = project / DEFAULT_FOLDER, root / "kept-cache"
        with processes_for_small_sets():
            for round_number, changes in enumerate([[], first, second]):
                write(project, dict(changes))
                plain = report(project, 1, cached=False)
                runs = {"--jobs 2": report(project, 2, cached=False)}
                # each cached run starts from the cache the previous round left (none
                # in the first round): stale entries must be found out, in one process
                # and in several
                if cache.exists():
                    shutil.copytree(cache, kept)
                for jobs in (1, 2):
                    shutil.rmtree(cache, ignore_errors=True)
                    if kept.exists():
                        shutil.copytree(kept, cache)
                    runs[f"cache from before, --jobs {jobs}"] = report(project, jobs, True)
                    runs[f"cache just made, --jobs {jobs}"] = report(project, jobs, True)
                shutil.rmtree(kept, ignore_errors=True)
                for name, output in runs.items():
                    assert output == plain, (round_number, name)
    finally:
        shutil.rmtree(root)
