"""Which rules run, with which options and severities, on which file.

Resolved once per run from the configuration and the command line, ruff's way (see
:func:`archlint.engine.registry.enabled`): every selector must name a rule, rule option
tables are validated into each rule's ``Options``, severities are re-graded, and
``per-file-ignores`` are applied per file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from archlint.config import Settings
from archlint.engine import files, registry
from archlint.errors import ConfigError
from archlint.frozen import frozen
from archlint.rule import Rule, RuleOptions, defaults
from archlint.validation import validate

if TYPE_CHECKING:
    from archlint.template.packs import Pack


@frozen
class Selection:
    """Command-line overrides of the configuration's rule selection (and of which files
    it looks at)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    pack: Pack | None = None  # applies to every document, whatever the configuration says
    # files named on the command line are left out as a folder's would be (pre-commit)
    force_exclude: bool = False


class RuleSet:
    """The rules of a run: every known rule, those that run, and their options."""

    __slots__ = ("known", "enabled", "options", "per_file_ignores")

    def __init__(self, known: tuple[Rule, ...], enabled: tuple[Rule, ...],
                 options: dict[type[RuleOptions], RuleOptions],
                 per_file_ignores: dict[str, tuple[str, ...]]) -> None:
        self.known, self.enabled, self.options = known, enabled, options
        self.per_file_ignores = per_file_ignores

    @classmethod
    def resolve(cls, settings: Settings, selection: Selection, where: str) -> RuleSet:
        """The rules ``settings`` (from ``where``) and ``selection`` choose; a selector
        that names no rule, or an option that does not fit, is a ConfigError."""
        known = registry.all_rules()
        for selectors, named in (
                (settings.select or (), f"{where}: select"),
                (settings.extend_select, f"{where}: extend-select"),
                (settings.ignore, f"{where}: ignore"),
                *((selectors, f"{where}: per-file-ignores.{pattern}")
                  for pattern, selectors in settings.per_file_ignores.items()),
                (tuple(settings.severity), f"{where}: severity"),
                (selection.select or (), "--select"),
                (selection.extend_select, "--extend-select"),
                (selection.ignore, "--ignore")):
            registry.check_selectors(selectors, known, named)
        enabled = registry.enabled(
            known,
            selection.select if selection.select is not None else settings.select,
            (*settings.extend_select, *selection.extend_select),
            (*settings.ignore, *selection.ignore),
        )
        enabled = tuple(registry.with_severity(rule, settings.severity) for rule in enabled)
        return cls(known, enabled, _options(settings, known, where),
                   dict(settings.per_file_ignores))

    def for_path(self, relative_path: str | None) -> tuple[Rule, ...]:
        """The rules that run on the file at ``relative_path`` (relative to the project;
        None when it is outside it)."""
        if relative_path is None or not self.per_file_ignores:
            return self.enabled
        ignored: set[str] = set()
        for pattern, selectors in self.per_file_ignores.items():
            if files.glob_matches(pattern, relative_path):
                ignored |= registry.matching(selectors, self.known)
        return tuple(rule for rule in self.enabled if rule.code not in ignored)

    def options_of(self, rule: Rule) -> RuleOptions:
        return self.options.get(rule.options_type) or defaults(rule.options_type)

    def reads_only_links(self, relative_path: str | None) -> bool:
        """Does every rule that runs on the file read only its links and anchors?"""
        rules = self.for_path(relative_path)
        return bool(rules) and all(rule.reads_only_links for rule in rules)

    def running(self, code: str, relative_path: str | None) -> Rule | None:
        """The rule with this code, if it runs on the file."""
        return next((rule for rule in self.for_path(relative_path) if rule.code == code),
                    None)


def _options(settings: Settings, known: Sequence[Rule], where: str
             ) -> dict[type[RuleOptions], RuleOptions]:
    options: dict[type[RuleOptions], RuleOptions] = {}
    for key, table in settings.rules.items():
        rule = registry.find(key, known)
        if rule is None:
            raise ConfigError(f"{where}: rules.{key}: no rule has this name or code "
                              f"(see 'archlint rules')")
        options[rule.options_type] = validate(rule.options_type, table, where, f"rules.{key}")
    return options
