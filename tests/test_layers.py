"""The code keeps its layers: Markdown → document model → template knowledge → links →
the rule API → rules → configuration and engine → reports → the command line and the
Python API. A module imports only from its own layer or lower ones, and no rule imports
another rule (what rules share lives in a lower layer)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SOURCE / "archlint"

# lowest first; a name is a module or a package (and everything in it)
LAYERS: list[set[str]] = [
    {"archlint.version", "archlint.errors", "archlint.diagnostics", "archlint.model",
     "archlint.validation", "archlint.atomic", "archlint.sequences", "archlint.paths",
     "archlint.patterns", "archlint.frozen", "archlint.digests"},
    {"archlint.markdown"},
    {"archlint.template"},
    {"archlint.links"},
    {"archlint.analysis", "archlint.rule"},
    {"archlint.rules"},
    {"archlint.config", "archlint.engine"},
    {"archlint.report"},
    {"archlint", "archlint.__main__", "archlint.api", "archlint.cli", "archlint.init",
     "archlint.testing", "archlint.server"},
]


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    """The layer of a module: that of the longest name in LAYERS that contains it."""
    best, found = -1, None
    for index, names in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > best:
                best, found = len(name), index
    assert found is not None, f"{module} is in no layer: add it to LAYERS"
    return found


def imported(path: Path) -> set[str]:
    """The archlint modules a module imports, wherever the import stands."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names if alias.name.startswith("archlint")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 \
                and node.module.startswith("archlint"):
            for alias in node.names:  # from archlint.x import y: y may be a module
                candidate = f"{node.module}.{alias.name}"
                names.add(candidate if candidate in MODULES else node.module)
    return names


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_from_a_higher_layer(module: str) -> None:
    own = layer_of(module)
    higher = sorted(name for name in imported(MODULES[module]) if layer_of(name) > own)
    assert higher == [], f"{module} (layer {own}) imports from higher layers: {higher}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("archlint.rules.")))
def test_no_rule_imports_another_rule(module: str) -> None:
    others = sorted(name for name in imported(MODULES[module])
                    if name.startswith("archlint.rules") and name != module)
    assert others == [], f"{module} imports {others}"


def test_the_layers_name_every_module() -> None:
    for module in MODULES:
        layer_of(module)
