"""Running rules over files: finding the rules, choosing which run, reading files,
checking, fixing, caching and running in parallel."""

from archlint.engine.linter import Linter
from archlint.engine.selection import Selection

__all__ = ["Linter", "Selection"]
