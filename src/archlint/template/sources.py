"""Where a template's text comes from: a file, or a file as git has it at a revision.

A configuration names a template as a path relative to the project root
(``docs/adr/template.md``), or as ``git:REV:PATH``: the file ``PATH`` (relative to the
repository's top) as revision ``REV`` holds it, read with ``git show`` and never
checked out. ``archlint init`` writes the second form when a team's template survives
only as the first committed version of its documents.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from archlint.errors import ConfigError
from archlint.frozen import frozen

if TYPE_CHECKING:
    import subprocess

GIT_PREFIX = "git:"



@frozen
class GitFile:
    """``PATH`` at revision ``REV`` of the repository that holds ``root``."""

    revision: str
    path: str

    def spec(self) -> str:
        return f"{GIT_PREFIX}{self.revision}:{self.path}"


def git_file(spec: str) -> GitFile | None:
    """The revision and path of a ``git:REV:PATH`` template (None for a plain path);
    a ConfigError when the form is broken."""
    if not spec.startswith(GIT_PREFIX):
        return None
    revision, colon, path = spec[len(GIT_PREFIX):].partition(":")
    if not colon or not revision or not path:
        raise ConfigError(f"{spec!r} is not of the form git:REVISION:PATH")
    return GitFile(revision, path)


def git(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run git in ``root``; a ConfigError when git cannot be run at all."""
    import subprocess  # here: a check that reads no template from git does not need it

    try:
        return subprocess.run(["git", *arguments], cwd=root, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", check=False)
    except OSError as error:
        raise ConfigError(f"cannot run git: {error.strerror}") from None


def read_git(root: Path, file: GitFile) -> str:
    """The file's text at its revision, without touching the work tree."""
    result = git(root, "show", f"{file.revision}:{file.path}")
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or ["git show failed"])[-1]
        raise ConfigError(f"cannot read {file.spec()}: {reason}")
    return result.stdout
