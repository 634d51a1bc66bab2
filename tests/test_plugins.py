"""A third-party rule registers through the archlint.rules entry-point group, exactly
like the built-ins: here a tiny package is installed into a folder on sys.path, with
real distribution metadata, and found as importlib.metadata would find it."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

import archlint
from archlint.config import Settings
from archlint.engine import entrypoints, registry
from archlint.errors import ConfigError

PLUGIN = '''
"""XY900 no-lorem: lorem ipsum left in.

## What it does
Finds "lorem ipsum".
"""
from dataclasses import dataclass

from archlint.diagnostics import Problem
from archlint.rule import RuleOptions

CODE = "XY900"
NAME = "no-lorem"


@dataclass(frozen=True)
class Options(RuleOptions):
    word: str = "lorem"


def check(document, options, context):
    for block in document.blocks:
        for run in block.runs:
            index = run.text.lower().find(options.word)
            if index >= 0:
                yield Problem(run.line, run.column + index, f"{options.word} left in")
'''


def install(site: Path, module: str, source: str, entry: str) -> None:
    (site / f"{module}.py").write_text(textwrap.dedent(source))
    info = site / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[archlint.rules]\n{entry}\n")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    registry.all_rules.cache_clear()
    yield tmp_path
    registry.all_rules.cache_clear()
    for name in [n for n in sys.modules if n.startswith("archlint_test_plugin")]:
        del sys.modules[name]


def test_plugin_rule_runs_like_a_builtin(site: Path) -> None:
    install(site, "archlint_test_plugin", PLUGIN, "no-lorem = archlint_test_plugin")
    codes = [rule.code for rule in registry.all_rules()]
    assert "XY900" in codes and "AL101" in codes
    found = archlint.lint_text("Some Lorem ipsum here.\n", settings=Settings())
    # selected by default, like a built-in (whatever else the built-ins find here)
    assert [(d.code, d.name, d.line, d.column) for d in found if d.code.startswith("XY")] == [
        ("XY900", "no-lorem", 1, 6)]
    configured = Settings(rules={"no-lorem": {"word": "ipsum"}}, select=("XY9",))
    found = archlint.lint_text("Some Lorem ipsum here.\n", settings=configured)
    assert [(d.code, d.column, d.message) for d in found] == [("XY900", 12, "ipsum left in")]


def test_broken_plugin_is_a_clear_error(site: Path) -> None:
    install(site, "archlint_test_plugin_bad", "CODE = 'bad code'\n",
            "bad = archlint_test_plugin_bad")
    with pytest.raises(ConfigError, match="rule plugin 'bad'.*failed to load"):
        registry.all_rules()


def test_plugin_options_must_be_a_dataclass(site: Path) -> None:
    source = PLUGIN.replace("@dataclass(frozen=True)\n", "")
    install(site, "archlint_test_plugin_plain", source, "plain = archlint_test_plugin_plain")
    with pytest.raises(ConfigError, match="Options must be a dataclass"):
        registry.all_rules()


@pytest.mark.parametrize("group", ["archlint.rules", "console_scripts", "pytest11"])
def test_entry_points_are_those_importlib_metadata_finds(site: Path, group: str) -> None:
    from importlib.metadata import entry_points

    install(site, "archlint_test_plugin", PLUGIN, "no-lorem = archlint_test_plugin")
    # a second copy of the same distribution further down sys.path is shadowed
    shadowed = site / "shadowed"
    shadowed.mkdir()
    sys.path.append(str(shadowed))
    try:
        install(shadowed, "archlint_test_plugin", PLUGIN, "other = archlint_test_plugin")
        expected = sorted((e.name, e.value) for e in entry_points(group=group))
        assert sorted((e.name, e.value) for e in entrypoints.group(group)) == expected
    finally:
        sys.path.remove(str(shadowed))
    if group == "archlint.rules":
        assert ("no-lorem", "archlint_test_plugin") in expected
        assert ("other", "archlint_test_plugin") not in expected


def test_entry_points_with_extras_load(site: Path) -> None:
    install(site, "archlint_test_plugin", PLUGIN, "no-lorem = archlint_test_plugin [fast]")
    [entry] = [e for e in entrypoints.group("archlint.rules") if e.name == "no-lorem"]
    assert entry.load().CODE == "XY900"


def test_an_egg_on_the_path_hands_over_to_importlib_metadata(site: Path) -> None:
    """An old-style .egg folder keeps its metadata in EGG-INFO: importlib reads that."""
    egg = site / "archlint_test_egg-1.0-py3.egg"
    (egg / "EGG-INFO").mkdir(parents=True)
    (egg / "EGG-INFO" / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: archlint-test-egg\n"
                                                "Version: 1.0\n")
    (egg / "EGG-INFO" / "entry_points.txt").write_text("[archlint.rules]\negg = egg_module\n")
    sys.path.append(str(egg))
    try:
        assert ("egg", "egg_module") in [(e.name, e.value)
                                         for e in entrypoints.group("archlint.rules")]
    finally:
        sys.path.remove(str(egg))


def test_plugin_option_with_a_pydantic_field_default_is_refused(site: Path) -> None:
    source = PLUGIN.replace('word: str = "lorem"', 'word: str = Field(default="lorem")').replace(
        "from dataclasses import dataclass\n", "from dataclasses import dataclass\n\n"
        "from pydantic import Field\n")
    install(site, "archlint_test_plugin_field", source, "field = archlint_test_plugin_field")
    with pytest.raises(ConfigError, match="option 'word' has a pydantic Field as its default"):
        registry.all_rules()
