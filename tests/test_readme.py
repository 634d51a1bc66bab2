"""The README tells the truth: its example output and configuration are real."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from archlint import config
from archlint.engine import Linter

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.DOTALL)


def test_example_output_is_what_archlint_prints() -> None:
    shown = next(block for block in blocks("text") if block.startswith("examples/"))
    result = subprocess.run([sys.executable, "-m", "archlint", "check", "examples/"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stdout == shown


def test_configuration_example_is_valid(tmp_path: Path) -> None:
    example = next(block for block in blocks("toml") if block.startswith("[tool.archlint]"))
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    (tmp_path / "docs" / "adr").mkdir(parents=True)
    (tmp_path / "docs" / "adr" / "template.md").write_text("# ADR\n\n## Context\n")
    configuration = config.load(tmp_path / "pyproject.toml")
    assert configuration.settings.documents[0].pack == "process-view"
    Linter.create(configuration)  # selectors, rule options and packs all resolve


def test_pack_example_is_valid() -> None:
    from archlint.template.packs import Pack
    from archlint.validation import validate

    example = next(block for block in blocks("toml") if block.startswith('name = "'))
    pack = validate(Pack, tomllib.loads(example), "README")
    assert [s.required for s in pack.sections] == [True, False]
    assert pack.sections[1].example


def test_status_example_is_what_archlint_prints() -> None:
    shown = next(block for block in blocks("text") if block.startswith("$ archlint status"))
    command, *lines = [line for line in shown.splitlines() if line != "  …"]
    result = subprocess.run([sys.executable, "-m", "archlint", *command.split()[2:]],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[:len(lines)] == lines
