"""Making the report's overview from a run: every file's findings
(:meth:`Linter.lint_paths <archlint.engine.linter.Linter.lint_paths>`, with its cache and
processes) and every document's completeness
(:meth:`Linter.assess_file <archlint.engine.linter.Linter.assess_file>`)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from archlint.diagnostics import Diagnostic
from archlint.engine import Linter
from archlint.engine.cache import Cache
from archlint.errors import ConfigError
from archlint.report import overview
from archlint.report.changes import Changes, compare
from archlint.template.completeness import DocumentStatus

# Told how many files are done of how many, and in which phase ("checking", "measuring").
Progress = Callable[[int, int, str], None]


def _silent(done: int, total: int, phase: str) -> None:
    pass


def gather(linter: Linter, paths: Sequence[Path], jobs: int = 1, cache: Cache | None = None,
           progress: Progress | None = None) -> overview.Overview:
    """The overview of the Markdown files under ``paths``."""
    tell = progress or _silent
    found = list(linter.discover(paths))
    diagnostics, count = linter.lint_paths(found, jobs, cache,
                                           lambda done, total: tell(done, total, "checking"))
    statuses: list[tuple[str, DocumentStatus | None]] = []
    for index, path in enumerate(found):
        result = linter.assess_file(path)
        if isinstance(result, Diagnostic):
            statuses.append((result.path, None))
        else:
            statuses.append((result.path, result))
        tell(index + 1, len(found), "measuring")
    return overview.build(statuses, diagnostics, linter.rules, count)


def load(path: Path) -> overview.Overview:
    """An overview written earlier with ``archlint report --output-format json``."""
    try:
        return overview.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the report: {error.strerror}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ConfigError(f"{path}: not an archlint report in JSON ({error})") from None


def at_revision(revision: str, paths: Sequence[Path], options: Sequence[str] = ()
                ) -> overview.Overview:
    """The overview of ``paths`` as they were at git ``revision``: the revision's files
    are written to a temporary folder and reported there, by archlint in a process of
    its own, with the configuration found there (or ``options``, command-line options
    that name files by absolute paths)."""
    import os
    import subprocess
    import sys
    import tempfile

    from archlint.engine import changes as git

    here = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="archlint-since-") as folder:
        there = git.checkout(revision, here, Path(folder))
        relative = [os.path.relpath(path.absolute(), here) for path in paths]
        present = [name for name in relative if (there / name).exists()]
        if not present:
            return overview.Overview((), (), 0)
        command = [sys.executable, "-m", "archlint", "report", "--output-format", "json",
                   "--no-cache", "--no-progress", *options, "--", *present]
        result = subprocess.run(command, cwd=there, capture_output=True, text=True,
                                check=False)
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["no message"]
        raise ConfigError(f"--since {revision}: {lines[-1]}")
    try:
        return overview.from_dict(json.loads(result.stdout))
    except (ValueError, KeyError, TypeError) as error:
        raise ConfigError(f"--since {revision}: unexpected report ({error})") from None


def changes(now: overview.Overview, paths: Sequence[Path], since: str | None,
            baseline: Path | None, options: Sequence[str] = ()) -> Changes:
    """What changed since git revision ``since`` or the earlier report ``baseline``."""
    if baseline is not None:
        return compare(load(baseline), now, str(baseline))
    assert since is not None
    return compare(at_revision(since, paths, options), now, since)
