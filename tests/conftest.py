from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def pack_linter(folder: Path, pack: str):
    """A linter that applies ``pack`` to the Markdown files of ``folder``."""
    from archlint.config import Configuration, DocumentKind, Settings
    from archlint.engine import Linter

    settings = Settings(documents=(DocumentKind(paths=("*.md",), pack=pack),))
    return Linter.create(Configuration(settings, None, folder))


def codes_and_lines(linter, path: Path) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in linter.lint_file(path)]
