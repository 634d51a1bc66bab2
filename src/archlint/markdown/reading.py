"""Reading a file into a document: the one way archlint does it.

The bytes are read once; the hash of those same bytes is what the cache keeps, and a
file that cannot be a document says why (it cannot be read, it is not UTF-8, or
markdown-it-py failed on it), for the engine to report as AL001, a template to refuse
as a configuration error, or a linked file to be taken as having no anchors.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from archlint.digests import sha256
from archlint.errors import UnparsableError
from archlint.markdown.slugs import AnchorStyle
from archlint.model import Document
from archlint.paths import not_regular

MARKDOWN_SUFFIXES = (".md", ".markdown")


def content_hash(data: bytes) -> str:
    return sha256(data)


class Read(NamedTuple):
    """A document, or why there is none; ``digest`` is the hash of the bytes read (None
    when nothing could be read), ``text`` the text they decoded to."""

    document: Document | None
    problem: str | None = None
    digest: str | None = None
    text: str | None = None


def read_bytes(path: Path) -> bytes | str:
    """The file's bytes, or why they cannot be read: only a regular file is read (a
    FIFO would wait for a writer, a device never end); a folder is named as one, or as
    one that cannot be listed."""
    try:
        why = not_regular(os.stat(path).st_mode)
        if why is None:
            # opened without waiting, in case it became a FIFO since
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
            with open(fd, "rb") as stream:
                why = not_regular(os.fstat(fd).st_mode)
                if why is None:
                    return stream.read()
        if os.path.isdir(path):
            os.listdir(path)
        return why
    except OSError as error:
        if os.path.isdir(path):
            return f"cannot list the folder: {error.strerror or error}"
        return error.strerror or str(error)


def from_text(text: str, path: str | None, anchor_style: AnchorStyle = AnchorStyle.GITHUB,
              *, links_only: bool = False, digest: str | None = None) -> Read:
    """Markdown text as a document (``path`` names it in the document)."""
    # the parser (and markdown-it-py) are imported when a first document is read: a run
    # whose files are all answered from the cache reads none
    from archlint.markdown.parser import parse

    try:
        return Read(parse(text, path, anchor_style, links_only=links_only), None, digest, text)
    except UnparsableError as error:
        return Read(None, str(error), digest, text)


def from_bytes(data: bytes, path: str | None, anchor_style: AnchorStyle = AnchorStyle.GITHUB,
               *, links_only: bool = False) -> Read:
    """A file's bytes as a document, or why they are not one."""
    digest = content_hash(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return Read(None, f"not UTF-8 text (byte {error.start}: {data[error.start]:#04x})",
                    digest)
    return from_text(text, path, anchor_style, links_only=links_only, digest=digest)


def read(path: Path, anchor_style: AnchorStyle = AnchorStyle.GITHUB, *,
         display: str | None = None, links_only: bool = False) -> Read:
    """The file at ``path`` as a document (named ``display`` in it, or its path), or why
    it is not one."""
    data = read_bytes(path)
    if isinstance(data, str):
        return Read(None, data)
    return from_bytes(data, display if display is not None else str(path), anchor_style,
                      links_only=links_only)
