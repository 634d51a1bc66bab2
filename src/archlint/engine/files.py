"""Which files a run looks at, and glob matching for configuration.

Folders are searched recursively for ``*.md`` and ``*.markdown``, skipping version
control folders, virtual environments, ``node_modules``, caches, files named like a
template (said in the summary) and, in a git work tree, what git ignores. A file named
explicitly is always checked, whatever its extension.

Only regular files are documents: a FIFO, socket or device found in a folder is skipped
(reading a FIFO would wait forever); named on the command line, it is checked, which
reports why it cannot be read. A symbolic link that leads nowhere (or in a loop) and a
folder that cannot be listed are kept, so that the run reports them rather than
silently checking less.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from archlint.markdown.reading import MARKDOWN_SUFFIXES
from archlint.paths import named_like_a_template, real

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
    return _relative_real(real(path), root)


def _relative_real(found: Path, root: Path) -> str | None:
    """``found``, a real path, relative to ``root`` (None when it is outside)."""
    try:
        return found.relative_to(root).as_posix()
    except ValueError:
        return None


def _is_virtualenv(folder: Path) -> bool:
    return os.path.isfile(folder / "pyvenv.cfg")


class Found(NamedTuple):
    """A file to check: its path as it was named or found, and where it really is
    (:func:`archlint.paths.real`)."""

    path: Path
    real: Path


def discover(paths: Sequence[Path], exclude: Sequence[str] = (), root: Path | None = None,
             left_out: list[Path] | None = None, in_use: frozenset[Path] = frozenset(),
             with_templates: bool = False, force_exclude: bool = False) -> Iterator[Path]:
    """The Markdown files under ``paths``, each once, in a stable order (see
    :func:`find`)."""
    return (found.path for found in find(paths, exclude, root, left_out, in_use,
                                         with_templates, force_exclude))


def find(paths: Sequence[Path], exclude: Sequence[str] = (), root: Path | None = None,
         left_out: list[Path] | None = None, in_use: frozenset[Path] = frozenset(),
         with_templates: bool = False, force_exclude: bool = False) -> Iterator[Found]:
    """The Markdown files under ``paths``, each once, in a stable order, with their real
    paths. The files in a folder named like a template (``adr-template.md``,
    ``templates/view.md``) are left out, unless ``with_templates`` asks for them, and
    added to ``left_out`` but for those ``in_use`` (the real paths of the templates the
    run's packs were derived from): a template is a pack's schema, all prompts,
    placeholders and empty sections, not a document written from it. A file named as a
    path of its own is checked, template or ``exclude``-d, unless ``force_exclude``
    asks to leave it out all the same (pre-commit names each changed file)."""
    seen: set[Path] = set()

    def excluded(found: Path) -> bool:
        if not exclude or root is None:
            return False
        relative = _relative_real(found, root)
        return relative is not None and any(glob_matches(p, relative) for p in exclude)

    for given in paths:
        named = not os.path.isdir(given)
        if named:
            candidates = [Found(given, real(given))]
            if force_exclude and excluded(candidates[0].real):
                continue
            templates = candidates if force_exclude and not with_templates and (
                named_like_a_template(given.as_posix())) else []
        else:
            candidates = _not_git_ignored(given, sorted(
                _walk(given, excluded), key=lambda f: f.path.as_posix()))
            templates = [] if with_templates else [
                f for f in candidates
                if named_like_a_template(f.path.relative_to(given).as_posix())]
        if templates:
            if left_out is not None:
                left_out += [f.path for f in templates if f.real not in in_use]
            candidates = [f for f in candidates if f not in templates]
        for found in candidates:
            if found.real not in seen:
                seen.add(found.real)
                yield found


def _not_git_ignored(folder: Path, found: list[Found]) -> list[Found]:
    """``found`` less what git ignores (.gitignore and the like), when ``folder`` is in
    a git work tree; as they are when it is not, or git cannot say."""
    if not found or git_root(folder) is None:
        return found
    import subprocess  # only here: most runs never need it

    try:
        result = subprocess.run(["git", "check-ignore", "--stdin", "-z"], cwd=folder,
                                input="\0".join(str(f.real) for f in found) + "\0",
                                capture_output=True, text=True, check=False)
    except OSError:
        return found
    if result.returncode not in (0, 1):  # 1: nothing is ignored
        return found
    ignored = {Path(name) for name in result.stdout.split("\0") if name}
    return [f for f in found if f.real not in ignored]


def _walk(folder: Path, excluded: Callable[[Path], bool]) -> Iterator[Found]:
    """The Markdown files in ``folder`` and below, with their real paths. A folder the
    walk enters is no symbolic link (links to folders are not followed), so its real
    path is its parent's and its name; so is a file's that is no link: only a link is
    resolved (a file system call per part of its path)."""
    unlisted: list[Path] = []  # folders that cannot be listed, reported as they come
    reals = {str(folder): real(folder)}
    for current, folders, names in os.walk(folder,
                                           onerror=lambda e: unlisted.append(Path(e.filename))):
        yield from (Found(path, real(path)) for path in unlisted)
        unlisted.clear()
        base, base_real = Path(current), reals.pop(current)
        folders[:] = sorted(
            name for name in folders
            if name not in SKIPPED_FOLDERS and not _is_virtualenv(base / name)
            and not excluded(base_real / name)
        )
        for name in folders:
            reals[os.path.join(current, name)] = base_real / name
        for name in sorted(names):
            if not name.lower().endswith(MARKDOWN_SUFFIXES):
                continue
            path = base / name
            found = _document_or_broken(path, base_real / name)
            if found is not None and not excluded(found.real):
                yield found
    yield from (Found(path, real(path)) for path in unlisted)


def _document_or_broken(path: Path, unlinked: Path) -> Found | None:
    """A regular file, or a symbolic link that leads to one or to none (nowhere, or in a
    loop), with its real path (``unlinked`` when the file is no link); None for anything
    else."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:  # gone since the folder was listed: kept, to be reported
        return Found(path, unlinked)
    if stat.S_ISREG(mode):
        return Found(path, unlinked)
    if not stat.S_ISLNK(mode):
        return None
    try:
        leads_to_file = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        leads_to_file = True  # leads nowhere, or in a loop
    return Found(path, real(path)) if leads_to_file else None


def git_root(folder: Path) -> Path | None:
    """The git work tree that ``folder`` is in, if any."""
    return _git_root(real(folder))  # remembered by real path: "." moves with chdir


@lru_cache(maxsize=1024)
def _git_root(folder: Path) -> Path | None:
    """The folder or the closest folder above it holding ``.git``; asked of the parent
    in turn, so that the folders of a run's documents look at each folder above them
    once (each document of a set of proposals may have a folder of its own)."""
    if os.path.exists(folder / ".git"):
        return folder
    return None if folder.parent == folder else _git_root(folder.parent)
