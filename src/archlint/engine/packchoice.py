"""Which rule pack a document gets: ``--pack``/``--template`` for every document, or
the first ``[[documents]]`` entry whose globs match its path, or else the pack whose
title is the document's first-level heading (configured packs first, then built-in)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from archlint.config import Configuration, DocumentKind
from archlint.engine import files
from archlint.errors import ConfigError
from archlint.model import Document

if TYPE_CHECKING:
    from archlint.template.packs import Pack


class PackChoice:
    __slots__ = ("by_path", "configured")

    def __init__(self, by_path: tuple[tuple[tuple[str, ...], Pack], ...]) -> None:
        self.by_path = by_path  # globs → pack, in configured order
        self.configured = tuple(pack for _, pack in by_path)

    @classmethod
    def create(cls, configuration: Configuration, forced: Pack | None = None) -> PackChoice:
        """The packs the configuration names (loaded or derived now, so that a broken
        one is an error before any file is read), or ``forced`` for every document."""
        by_path = tuple((kind.paths, _load(kind, configuration, index))
                        for index, kind in enumerate(configuration.settings.documents))
        if forced is not None:
            by_path = ((("**",), forced),)
        return cls(by_path)

    def pack_for(self, document: Document, relative_path: str | None) -> Pack | None:
        for patterns, pack in self.by_path:
            if patterns == ("**",) or (relative_path is not None and any(
                    files.glob_matches(p, relative_path) for p in patterns)):
                return pack
        title = document.title
        if not title:
            return None
        # the built-in packs are read (and the module imported) only when a document
        # has a title to match
        from archlint.template import packs

        return (packs.by_title(title, self.configured)
                or packs.by_title(title, packs.all_builtin()))


def _load(kind: DocumentKind, configuration: Configuration, index: int) -> Pack:
    from archlint.template import derive, packs

    key = "pack" if kind.pack is not None else "template"
    try:
        if kind.pack is not None:
            return packs.load(kind.pack, configuration.root)
        return derive.derive_source(configuration.root, str(kind.template))
    except ConfigError as error:
        raise ConfigError(f"{configuration.source}: documents[{index}].{key}: {error}"
                          ) from None
