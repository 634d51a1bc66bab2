"""The entry points of one group, read straight from the installed distributions.

``importlib.metadata`` would do, but importing it (and the ``email`` package it needs)
costs about a tenth of archlint's start-up on one file. Distributions are the
``*.dist-info`` and ``*.egg-info`` folders on ``sys.path``, read in the order
importlib.metadata reads them, and the first one of each name wins. Where the
installation holds anything else (a zip archive or an ``.egg`` on ``sys.path``, an
import hook that supplies distributions of its own), this hands over to
importlib.metadata.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from importlib.machinery import PathFinder
from typing import Any

from archlint.frozen import frozen

_METADATA_SUFFIXES = (".dist-info", ".egg-info")


@frozen
class EntryPoint:
    name: str
    value: str  # "module", or "module:attribute.path", maybe followed by "[extras]"

    def load(self) -> Any:
        target = self.value.split("[", 1)[0]
        module_name, _, attributes = target.partition(":")
        found: Any = importlib.import_module(module_name.strip())
        for attribute in filter(None, attributes.strip().split(".")):
            found = getattr(found, attribute)
        return found


class _Unusual(Exception):
    """The installation has something only importlib.metadata reads."""


def _distribution_name(folder_name: str) -> str:
    """``My_Package-1.0.dist-info`` → ``my-package``, as names are compared."""
    stem = folder_name.rsplit(".", 1)[0].split("-", 1)[0]
    return re.sub(r"[-_.]+", "-", stem).lower()


def _group_in(text: str, group: str) -> list[EntryPoint]:
    """``entry_points.txt``'s entries in ``group``, parsed as importlib.metadata does."""
    found, section = [], None
    for line in map(str.strip, text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
        elif section == group and "=" in line:
            name, value = line.split("=", 1)
            found.append(EntryPoint(name.strip(), value.strip()))
    return found


def _folders() -> list[str]:
    for finder in sys.meta_path:
        if finder is not PathFinder and hasattr(finder, "find_distributions"):
            raise _Unusual
    folders = []
    for folder in sys.path:
        folder = folder or "."
        if os.path.isfile(folder) or folder.endswith(".egg"):
            raise _Unusual
        folders.append(folder)
    return folders


def _read(group: str) -> list[EntryPoint]:
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for folder in _folders():
        try:
            entries = os.listdir(folder)
        except OSError:
            continue
        for entry in entries:
            if entry.endswith(".egg"):
                raise _Unusual
            if not entry.endswith(_METADATA_SUFFIXES):
                continue
            distribution = _distribution_name(entry)
            if distribution in seen:
                continue
            seen.add(distribution)
            try:
                with open(os.path.join(folder, entry, "entry_points.txt"),
                          encoding="utf-8") as file:
                    found += _group_in(file.read(), group)
            except OSError:
                continue
    return found


def group(name: str) -> list[EntryPoint]:
    """Every entry point registered in group ``name`` by the installed distributions."""
    try:
        return _read(name)
    except _Unusual:
        from importlib.metadata import entry_points

        return [EntryPoint(entry.name, entry.value) for entry in entry_points(group=name)]
