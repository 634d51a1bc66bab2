"""Helpers for testing rules, archlint's own and plugins'.

    from archlint.testing import run_rule
    problems = run_rule("AL101", "_Discuss significant state models_")
    assert [(p.line, p.column) for p in problems] == [(1, 1)]
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from archlint.diagnostics import Problem
from archlint.engine import registry
from archlint.markdown import parser
from archlint.rule import Context, FileSystem, Rule
from archlint.template import packs
from archlint.template.textsettings import TemplateText
from archlint.validation import validate


def get_rule(code_or_name: str) -> Rule:
    rule = registry.find(code_or_name)
    if rule is None:
        raise LookupError(f"no registered rule {code_or_name!r}")
    return rule


class FakeFiles:
    """A file system holding only the given paths (and their folders)."""

    def __init__(self, *paths: str | Path) -> None:
        self._present: set[Path] = set()
        for path in map(Path, paths):
            self._present.add(path)
            self._present.update(path.parents)

    def exists(self, path: Path) -> bool:
        return Path(path) in self._present

    def names(self, folder: Path) -> list[str] | None:
        if Path(folder) not in self._present:
            return None
        return sorted({p.name for p in self._present if p.parent == Path(folder) and p != p.parent})


def run_rule(code_or_name: str, text: str, *, options: Mapping[str, Any] | None = None,
             pack: str | packs.Pack | None = None, path: str | None = None,
             folder: Path | None = None, root: Path | None = None,
             files: FileSystem | None = None,
             template_text: Mapping[str, Any] | None = None) -> list[Problem]:
    """Parse ``text`` and run one rule on it, sorted by position.

    ``options`` are the rule's options and ``template_text`` the
    ``[tool.archlint.template-text]`` settings, both as they would be written in
    configuration (kebab-case keys); ``pack`` a built-in pack name or a Pack;
    ``folder``, ``root`` (default: ``folder``) and ``files`` set where relative links
    resolve, where the project ends and what exists there.
    """
    rule = get_rule(code_or_name)
    chosen_options = validate(rule.options_type, options or {}, f"{rule.code} options")
    if isinstance(pack, str):
        pack = packs.builtin(pack)
    document = parser.parse(text, path)
    context = Context.of(document, pack,
                         validate(TemplateText, template_text or {}, "template-text"),
                         folder=folder, root=root or folder,
                         files=files if files is not None else FakeFiles())
    return sorted(rule.check(document, chosen_options, context),
                  key=lambda p: (p.line, p.column))
