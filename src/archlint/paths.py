"""Paths as the file system has them: where a path really leads (through symbolic
links, never failing on a loop) and what kind of file is there. Only regular files are
documents; anything else is named, so that a message can say what it found. And what a
file's name says: a template's name (no document written from one)."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def real(path: Path) -> Path:
    """The absolute path with every symbolic link followed (a loop, or a part that does
    not exist, is left as it is written rather than raising)."""
    return Path(os.path.realpath(path))


def kind(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, when it is not a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "a special file")


def not_regular(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is no document or report (None for a regular file)."""
    found = kind(mode)
    return None if found is None else f"not a regular file ({found})"


# a file named like a template: template.md, adr-template.md, 0000-template.md,
# GRFC-TEMPLATE.md, template-view.md, design-doc-template.md, adr-template-bare-minimal.md,
# arc42-template-de.md, or any file in a templates/ folder. Not a document whose title
# uses the word: 0000-array-hash-template-literal.md, template-literals-in-receipts.md.
_WORDS = re.compile(r"[-_.\s]+")
_NUMBER = re.compile(r"\d+|n+|x+")  # 0000, NNNN, xxxx: a record's number to come
# what may follow "template" in a template's name: its variant, its language, its version
_VARIANT = re.compile(r"bare|minimal|full|short|long|simple|lite|light|basic|blank|empty"
                      r"|example|sample|[a-z]{2}|v\d+")
_TEMPLATE_FOLDERS = frozenset({"template", "templates", "_templates", ".templates"})


def named_like_a_template(relative: str) -> bool:
    """Is the file at this ``/``-separated path named like a template (it is no
    document written from one)? Its name has the word "template" first or last, beside
    two other words at the most (numbers aside), or followed only by a variant, a
    language or a version; or it is in a templates folder."""
    parts = relative.split("/")
    if any(part.lower() in _TEMPLATE_FOLDERS for part in parts[:-1]):
        return True
    words = [word for word in _WORDS.split(parts[-1].rsplit(".", 1)[0].lower())
             if word and not _NUMBER.fullmatch(word)]
    if "template" not in words:
        return False
    at = words.index("template")
    if at in (0, len(words) - 1) and len(words) <= 3:
        return True
    return all(_VARIANT.fullmatch(word) for word in words[at + 1:])
