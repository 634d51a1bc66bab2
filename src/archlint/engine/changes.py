"""Which files changed since a git revision (``--since``)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from archlint.errors import ConfigError


def _git(arguments: list[str], cwd: Path) -> str:
    try:
        result = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, text=True,
                                check=False)
    except OSError as error:
        raise ConfigError(f"--since needs git: {error.strerror}") from None
    if result.returncode != 0:
        message = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
        raise ConfigError(f"--since: git {' '.join(arguments)}: {message}")
    return result.stdout


def changed_since(revision: str, cwd: Path) -> frozenset[Path]:
    """Files added or changed since ``revision``: committed, staged, unstaged and new."""
    if revision.startswith("-") or not revision.strip():
        # git would take it for an option (--output=FILE writes a file)
        raise ConfigError(f"--since: {revision!r} is not a git revision")
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    changed = _git(["diff", "--name-only", "--diff-filter=d", revision, "--"], cwd)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "--full-name"], top)
    names = [line for line in (changed + untracked).splitlines() if line]
    return frozenset((top / name).resolve() for name in names)


def checkout(revision: str, cwd: Path, into: Path) -> Path:
    """Write the files of ``revision`` (as committed) into the folder ``into``, and
    return the folder there that stands where ``cwd`` stands in the work tree."""
    import io
    import tarfile

    _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], cwd)
    prefix = _git(["rev-parse", "--show-prefix"], cwd).strip()
    try:
        archive = subprocess.run(["git", "archive", "--format=tar", revision], cwd=cwd,
                                 capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        raise ConfigError(f"--since: cannot read revision {revision}: {error}") from None
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / prefix
