"""Which files a run looks at, and glob matching for configuration.

Folders are searched recursively for ``*.md`` and ``*.markdown``, skipping version
control folders, virtual environments, ``node_modules``, caches and, in a git work
tree, what git ignores. A file named explicitly is always checked, whatever its
extension.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from archlint.markdown.reading import MARKDOWN_SUFFIXES

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
            found = sorted(_walk(given, excluded), key=lambda p: p.as_posix())
            candidates = iter(_not_git_ignored(given, found))
        for path in candidates:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                yield path


def _not_git_ignored(folder: Path, paths: list[Path]) -> list[Path]:
    """``paths`` less those that git ignores (.gitignore and the like), when ``folder``
    is in a git work tree; as they are when it is not, or git cannot say."""
    if not paths or git_root(folder) is None:
        return paths
    import subprocess  # only here: most runs never need it

    try:
        result = subprocess.run(["git", "check-ignore", "--stdin", "-z"], cwd=folder,
                                input="\0".join(str(p.resolve()) for p in paths) + "\0",
                                capture_output=True, text=True, check=False)
    except OSError:
        return paths
    if result.returncode not in (0, 1):  # 1: nothing is ignored
        return paths
    ignored = {Path(name) for name in result.stdout.split("\0") if name}
    return [p for p in paths if p.resolve() not in ignored]


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
