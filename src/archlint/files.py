"""Which files a run looks at, and glob matching for configuration.

Folders are searched recursively for ``*.md`` and ``*.markdown``, skipping version
control folders, virtual environments, ``node_modules`` and caches. A file named
explicitly is always checked, whatever its extension.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIPPED_FOLDERS = frozenset({
    ".git", ".hg", ".svn", ".bzr", "node_modules", ".venv", "venv", ".tox", ".nox",
    "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".archlint_cache",
    "site-packages",
})


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """``**`` matches across folders, ``*`` and ``?`` within one name."""
    parts = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            parts.append(".*")
            index += 2
            continue
        parts.append({"*": "[^/]*", "?": "[^/]"}.get(char, re.escape(char)))
        index += 1
    return re.compile("".join(parts) + "$")


def glob_matches(pattern: str, relative_path: str) -> bool:
    """Does a config glob match a path relative to the config's folder?

    A pattern without a ``/`` matches a file name in any folder (``*.md``,
    ``README.md``), as in ruff and .gitignore; one with a ``/`` matches from the folder.
    """
    path = relative_path.replace(os.sep, "/")
    pattern = pattern.removeprefix("./")
    if "/" not in pattern.rstrip("/"):
        return bool(_glob_regex(pattern).match(path.rsplit("/", 1)[-1])) or bool(
            _glob_regex(pattern).match(path))
    if pattern.endswith("/"):
        pattern += "**"
    return bool(_glob_regex(pattern).match(path))


def relative_to(path: Path, root: Path) -> str | None:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def _is_virtualenv(folder: Path) -> bool:
    return (folder / "pyvenv.cfg").is_file()


def discover(paths: Sequence[Path], exclude: Sequence[str] = (), root: Path | None = None
             ) -> Iterator[Path]:
    """The Markdown files under ``paths``, each once, in a stable order."""
    seen: set[Path] = set()

    def excluded(path: Path) -> bool:
        if not exclude or root is None:
            return False
        relative = relative_to(path, root)
        return relative is not None and any(glob_matches(p, relative) for p in exclude)

    for given in paths:
        if given.is_file():
            candidates: Iterator[Path] = iter([given])
        else:
            candidates = iter(sorted(_walk(given, excluded), key=lambda p: p.as_posix()))
        for path in candidates:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                yield path


def _walk(folder: Path, excluded) -> Iterator[Path]:
    for current, folders, names in os.walk(folder):
        base = Path(current)
        folders[:] = sorted(
            name for name in folders
            if name not in SKIPPED_FOLDERS and not _is_virtualenv(base / name)
            and not excluded(base / name)
        )
        for name in sorted(names):
            path = base / name
            if name.lower().endswith(MARKDOWN_SUFFIXES) and not excluded(path):
                yield path


@lru_cache(maxsize=1024)
def git_root(folder: Path) -> Path | None:
    """The git work tree that ``folder`` is in, if any."""
    folder = folder.resolve()
    return next((f for f in (folder, *folder.parents) if (f / ".git").exists()), None)
