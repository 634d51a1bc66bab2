"""Settings files: TOML reading and the base of every validated settings value: frozen, strict about unknown keys, and
written in kebab-case (``min-words``) as in ruff's configuration."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from archlint.errors import ConfigError


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class StrictModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", alias_generator=_kebab,
                              populate_by_name=True)


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's contents; a ConfigError names the file and what is wrong."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
