"""The functions behind ``archlint.lint_text`` and ``archlint.lint_paths``."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from archlint import config
from archlint.config import Configuration, Settings
from archlint.diagnostics import Diagnostic
from archlint.engine import Linter, Selection
from archlint.template.completeness import DocumentStatus
from archlint.validation import validate


def _configuration(settings: Settings | None, root: Path | None) -> Configuration:
    if settings is not None:
        checked = validate(Settings, settings, "settings")  # "gitlab" → AnchorStyle.GITLAB
        return Configuration(checked, None, (root or Path.cwd()).resolve())
    return config.discover(root or Path.cwd())


def lint_text(text: str, path: str | os.PathLike[str] | None = None, *,
              settings: Settings | None = None, select: Sequence[str] | None = None,
              ignore: Sequence[str] = ()) -> list[Diagnostic]:
    """Check Markdown ``text``; ``path`` (need not exist) places it for pack selection,
    relative links and messages. Without ``settings``, the configuration is discovered
    from the working directory."""
    linter = Linter.create(_configuration(settings, None),
                           Selection(select=tuple(select) if select else None,
                                     ignore=tuple(ignore)))
    return linter.lint_text(text, os.fspath(path) if path is not None else None)


def lint_paths(paths: Iterable[str | os.PathLike[str]], *, settings: Settings | None = None,
               select: Sequence[str] | None = None, ignore: Sequence[str] = ()
               ) -> list[Diagnostic]:
    """Check the Markdown files at ``paths`` (files or folders, searched recursively)."""
    linter = Linter.create(_configuration(settings, None),
                           Selection(select=tuple(select) if select else None,
                                     ignore=tuple(ignore)))
    diagnostics, _ = linter.lint_paths(Path(p) for p in paths)
    return diagnostics


def status_paths(paths: Iterable[str | os.PathLike[str]], *, settings: Settings | None = None
                 ) -> list[DocumentStatus]:
    """How complete each Markdown document at ``paths`` is (unreadable files are left out;
    ``lint_paths`` reports them)."""
    linter = Linter.create(_configuration(settings, None))
    results = (linter.assess_file(path) for path in linter.discover(Path(p) for p in paths))
    return [result for result in results if isinstance(result, DocumentStatus)]
