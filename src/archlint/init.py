"""``archlint init``: a first configuration for the documents already there."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from archlint import atomic
from archlint.config import CONFIG_FILES, find
from archlint.engine import files
from archlint.errors import ConfigError
from archlint.markdown import reading
from archlint.template import packs


def _packs_found(root: Path) -> dict[str, list[str]]:
    """The built-in pack each document's title selects, by pack name."""
    found: dict[str, list[str]] = defaultdict(list)
    candidates = packs.all_builtin()
    for path in files.discover([root]):
        document = reading.read(path, links_only=True).document
        title = document.title if document is not None else None
        pack = packs.by_title(title, candidates) if title else None
        if pack is not None:
            found[pack.name].append(path.relative_to(root).as_posix())
    return dict(found)


def configuration_text(found: dict[str, list[str]], table: str) -> str:
    prefix = f"{table}." if table else ""
    lines = [
        f"[{table}]" if table else "# archlint configuration: see `archlint rules` and the README.",
        "# Which rules run: codes, names or code prefixes (default: all of them).",
        '# select = ["AL"]',
        '# ignore = ["AL203"]',
        '# exclude = ["drafts/**"]',
        '# anchor-style = "github"            # or "gitlab", "mkdocs"',
        '# per-file-ignores = { "docs/adr/*.md" = ["AL201"] }',
    ]
    for name, paths in sorted(found.items()):
        lines += ["", f"# {len(paths)} document(s) whose title says they are {name!r}:",
                  f"[[{prefix}documents]]",
                  "paths = [" + ", ".join(f'"{p}"' for p in sorted(paths)) + "]",
                  f'pack = "{name}"']
    lines += ["", "# Your own template: archlint derives what a document needs from it.",
              f"# [[{prefix}documents]]", '# paths = ["docs/views/*.md"]',
              '# template = "docs/templates/view.md"']
    return "\n".join(lines) + "\n"


def initialise(root: Path) -> tuple[Path, dict[str, list[str]]]:
    """Write the configuration; returns where, and the documents found per pack."""
    existing = find(root)
    if existing is not None and existing.parent == root.resolve():
        raise ConfigError(f"{existing}: archlint is already configured here")
    found = _packs_found(root)
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        text = pyproject.read_text(encoding="utf-8")
        separator = "" if text.endswith("\n") or not text else "\n"
        atomic.write_text(pyproject, text + separator + "\n"
                          + configuration_text(found, "tool.archlint"))
        return pyproject, found
    target = root / CONFIG_FILES[0]
    atomic.write_text(target, configuration_text(found, ""))
    return target, found

