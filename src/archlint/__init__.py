"""archlint: keep architecture documents honest.

The public API, usable without the command line::

    import archlint
    diagnostics = archlint.lint_text(text, path="docs/process-view.md")
    diagnostics = archlint.lint_paths(["docs"])
    statuses = archlint.status_paths(["docs"])   # completeness per document
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from archlint.version import __version__

__all__ = ["Diagnostic", "Problem", "Severity", "lint_paths", "lint_text", "status_paths",
           "__version__"]

if TYPE_CHECKING:
    from archlint.api import lint_paths, lint_text, status_paths
    from archlint.diagnostics import Diagnostic, Problem, Severity


def __getattr__(name: str) -> Any:
    """Import the API on first use, so ``archlint --version`` stays quick."""
    if name in ("lint_text", "lint_paths", "status_paths"):
        from archlint import api

        return getattr(api, name)
    if name in ("Diagnostic", "Problem", "Severity"):
        from archlint import diagnostics

        return getattr(diagnostics, name)
    raise AttributeError(f"module 'archlint' has no attribute {name!r}")
