"""The entry points of one group, read straight from the installed distributions.

``importlib.metadata`` would do, but importing it (and the ``email`` package it needs)
costs about a tenth of archlint's start-up on one file. Distributions are the
``*.dist-info`` and ``*.egg-info`` folders on ``sys.path``; as in importlib.metadata,
the first one found of each name wins. Where ``sys.path`` holds something this reader
does not handle (a zip archive), it hands over to importlib.metadata.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass
from typing import Any

_METADATA_SUFFIXES = (".dist-info", ".egg-info")
_SECTION = re.compile(r"^\s*\[(.+?)\]\s*$")


@dataclass(frozen=True, slots=True)
class EntryPoint:
    name: str
    value: str  # "module" or "module:attribute.path"

    def load(self) -> Any:
        module_name, _, attributes = self.value.partition(":")
        found: Any = importlib.import_module(module_name.strip())
        for attribute in filter(None, attributes.strip().split(".")):
            found = getattr(found, attribute)
        return found


def _distribution_name(folder_name: str) -> str:
    """``My_Package-1.0.dist-info`` → ``my-package``, as names are compared."""
    stem = folder_name.rsplit(".", 1)[0].split("-", 1)[0]
    return re.sub(r"[-_.]+", "-", stem).lower()


def _group_in(text: str, group: str) -> list[EntryPoint]:
    found, inside = [], False
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith(("#", ";")):
            continue
        section = _SECTION.match(line)
        if section:
            inside = section.group(1).strip() == group
        elif inside and "=" in line:
            name, value = line.split("=", 1)
            found.append(EntryPoint(name.strip(), value.split("[", 1)[0].strip()))
    return found


def _from_importlib(group: str) -> list[EntryPoint]:
    from importlib.metadata import entry_points

    return [EntryPoint(entry.name, entry.value) for entry in entry_points(group=group)]


def group(name: str) -> list[EntryPoint]:
    """Every entry point registered in group ``name`` by the installed distributions."""
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for folder in sys.path:
        folder = folder or "."
        if os.path.isfile(folder):
            return _from_importlib(name)
        try:
            entries = sorted(os.listdir(folder))
        except OSError:
            continue
        for entry in entries:
            if not entry.endswith(_METADATA_SUFFIXES):
                continue
            distribution = _distribution_name(entry)
            if distribution in seen:
                continue
            seen.add(distribution)
            try:
                with open(os.path.join(folder, entry, "entry_points.txt"),
                          encoding="utf-8") as file:
                    found += _group_in(file.read(), name)
            except OSError:
                continue
    return found
