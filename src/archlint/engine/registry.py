"""Finding rules (entry-point group ``archlint.rules``) and choosing which ones run.

Built-in rules are registered in archlint's own ``pyproject.toml`` exactly as a plugin
registers its rules in its own::

    [project.entry-points."archlint.rules"]
    my-rule = "my_package.my_rule"        # a module shaped like archlint.rules.*

Nothing is imported until the rules are first asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from archlint.diagnostics import Severity
from archlint.engine import entrypoints
from archlint.errors import ConfigError
from archlint.rule import Rule

GROUP = "archlint.rules"
ALL = "ALL"


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, sorted by code; a broken plugin is a ConfigError."""
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    for entry in entrypoints.group(GROUP):
        try:
            rule = Rule.from_object(entry.load())
        except Exception as error:  # a plugin's import can fail in any way
            raise ConfigError(f"rule plugin {entry.name!r} ({entry.value}) failed to load: "
                              f"{type(error).__name__}: {error}") from None
        if rule.code in rules and rules[rule.code].check is not rule.check:
            raise ConfigError(f"rule code {rule.code} is registered twice "
                              f"({rules[rule.code].name} and {rule.name})")
        if names.get(rule.name, rule.code) != rule.code:
            raise ConfigError(f"rule name {rule.name!r} is registered twice")
        rules[rule.code] = rule
        names[rule.name] = rule.code
    return tuple(sorted(rules.values(), key=lambda rule: rule.code))


def find(selector: str, rules: Sequence[Rule] | None = None) -> Rule | None:
    """A rule by exact code or name."""
    for rule in rules if rules is not None else all_rules():
        if selector in (rule.code, rule.name):
            return rule
    return None


_NAMED = 100  # the specificity of a selector that is the rule's code or name


def _specificity(selector: str, rule: Rule) -> int:
    """How closely a selector names a rule: 0 = not at all, higher = more specific."""
    if selector == ALL:
        return 1
    if selector in (rule.code, rule.name):
        return _NAMED
    if rule.code.startswith(selector):
        return 1 + len(selector)
    return 0


def check_selectors(selectors: Iterable[str], rules: Sequence[Rule], where: str) -> None:
    """Refuse a selector that names no rule, saying where it came from."""
    for selector in selectors:
        if not any(_specificity(selector, rule) for rule in rules):
            raise ConfigError(f"{where}: {selector!r} matches no rule "
                              f"(see 'archlint rules')")


def enabled(rules: Sequence[Rule], select: Sequence[str] | None,
            extend_select: Sequence[str] = (), ignore: Sequence[str] = ()) -> tuple[Rule, ...]:
    """The rules that run, ruff's way: the most specific selector wins; on a tie, ignore.

    ``select=None`` means every rule. ``select=["AL1"], ignore=["AL101"]`` runs AL1xx
    but AL101; ``select=["AL101"], ignore=["AL1"]`` runs AL101 alone. An opt-in rule
    runs only when a selector names it by its code or name.
    """
    chosen = []
    selects = [ALL] if select is None else list(select)
    selects.extend(extend_select)
    for rule in rules:
        best_select = max((_specificity(s, rule) for s in selects), default=0)
        best_ignore = max((_specificity(s, rule) for s in ignore), default=0)
        if rule.opt_in and best_select < _NAMED:
            continue
        if best_select and best_select > best_ignore:
            chosen.append(rule)
    return tuple(chosen)


def matching(selectors: Iterable[str], rules: Sequence[Rule]) -> frozenset[str]:
    """The codes of the rules that any of the selectors names."""
    selectors = tuple(selectors)
    return frozenset(rule.code for rule in rules
                     if any(_specificity(s, rule) for s in selectors))


def with_severity(rule: Rule, severities: dict[str, Severity]) -> Rule:
    """The rule with the severity the most specific matching selector gives it."""
    best, chosen = 0, rule.severity
    for selector, severity in severities.items():
        specificity = _specificity(selector, rule)
        if specificity > best:
            best, chosen = specificity, severity
    return rule if chosen is rule.severity else replace(rule, severity=chosen)
