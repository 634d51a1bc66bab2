"""Configuration: ``[tool.archlint]`` in ``pyproject.toml``, or an ``archlint.toml``.

The closest configuration file upward from the working directory wins; in one folder
``archlint.toml`` beats ``.archlint.toml`` beats ``pyproject.toml`` (which only counts when
it has a ``[tool.archlint]`` table). Paths and globs in it are relative to its folder,
which is the project root.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from archlint.diagnostics import Severity
from archlint.errors import ConfigError
from archlint.frozen import frozen
from archlint.markdown.slugs import AnchorStyle
from archlint.template.textsettings import ALIASES, TemplateText
from archlint.validation import Strict, read_toml, validate

CONFIG_FILES = ("archlint.toml", ".archlint.toml", "pyproject.toml")


@dataclass(frozen=True)
class DocumentKind(Strict):
    """``[[tool.archlint.documents]]``: which rule pack applies to which files, named as
    a ``pack`` (built-in name or ``.toml`` file) or a ``template`` (Markdown file from
    which the pack is derived)."""

    paths: tuple[str, ...]
    pack: str | None = None
    template: str | None = None

    def __post_init__(self) -> None:
        if not self.paths:
            raise ValueError("'paths' needs at least one glob")
        if (self.pack is None) == (self.template is None):
            raise ValueError("give either 'pack' or 'template'")


@dataclass(frozen=True)
class Settings(Strict):
    """Everything ``[tool.archlint]`` may contain."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    documents: tuple[DocumentKind, ...] = ()
    anchor_style: AnchorStyle = AnchorStyle.GITHUB
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    template_text: TemplateText = TemplateText()


def with_aliases_folded(settings: Settings, where: str) -> Settings:
    """The settings with the old per-rule keys of template text (``min-words`` under
    ``[rules.template-prompt]``, say) moved into ``template_text``; an error names a
    setting given both ways with two values."""
    rules = dict(settings.rules)
    given: dict[str, Any] = {}
    for key, table in settings.rules.items():
        aliases = next((keys for names, keys in ALIASES.items() if key in names), None)
        if aliases is None or not any(name in table for name in aliases):
            continue
        taken = {name: value for name, value in table.items() if name in aliases}
        checked = validate(TemplateText, {aliases[name]: value for name, value in taken.items()},
                           where, f"rules.{key}")  # errors name the key where it was written
        for name in taken:
            field_name = aliases[name].replace("-", "_")
            given[field_name] = (f"rules.{key}.{name}", getattr(checked, field_name))
        rest = {name: value for name, value in table.items() if name not in aliases}
        if rest:
            rules[key] = rest
        else:
            del rules[key]
    if not given:
        return settings
    defaults = TemplateText()
    changed = {}
    for name, (alias, value) in given.items():
        configured = getattr(settings.template_text, name)
        if configured != getattr(defaults, name) and configured != value:
            raise ConfigError(f"{where}: {alias} is an alias of template-text."
                              f"{name.replace('_', '-')}, which is set to another value; "
                              f"keep one of them")
        changed[name] = value
    return replace(settings, rules=rules,
                   template_text=replace(settings.template_text, **changed))


@frozen
class Configuration:
    """Settings and where they came from (``path`` is None for the defaults)."""

    settings: Settings
    path: Path | None
    root: Path

    @property
    def source(self) -> str:
        """How messages name the settings: a file name, or ``defaults``."""
        if self.path is None:
            return "defaults"
        if self.path.name == "pyproject.toml":
            return f"{self.path} [tool.archlint]"
        return str(self.path)


def _table(path: Path) -> dict[str, Any] | None:
    """The archlint table of a config file, or None if it has none."""
    data = read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        return tool.get("archlint") if isinstance(tool, dict) else None
    return data


def load(path: Path) -> Configuration:
    """Read one configuration file (an explicit ``--config``, say)."""
    path = path.resolve()
    table = _table(path)
    if table is None:
        table = {}
    prefix = "tool.archlint" if path.name == "pyproject.toml" else ""
    settings = validate(Settings, table, str(path), prefix)
    return Configuration(settings, path, path.parent)


def find(start: Path) -> Path | None:
    """The closest configuration file at or above ``start``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _table(candidate) is not None):
                return candidate
    return None


def project_root(start: Path) -> Path:
    """Without a configuration file, the project root is the enclosing git work tree
    (where links starting with ``/`` lead), or else ``start`` itself."""
    start = start.resolve()
    return next((folder for folder in (start, *start.parents) if (folder / ".git").exists()),
                start)


def discover(start: Path) -> Configuration:
    """The configuration in force for a run started in ``start``."""
    found = find(start)
    if found is None:
        return Configuration(Settings(), None, project_root(start))
    return load(found)
