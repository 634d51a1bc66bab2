"""Settings values: frozen dataclasses that pydantic validates from TOML.

Every settings value (configuration, rule packs, rule options) is a frozen dataclass
derived from :class:`Strict`: unknown keys are refused and keys are written in
kebab-case (``min-words``), as in ruff's configuration. pydantic is imported only when
there is something to validate, so a run without a configuration file never loads it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from archlint.errors import ConfigError, describe_validation_error


def _kebab(name: str) -> str:
    return name.replace("_", "-")


@dataclass(frozen=True)
class Strict:
    """Base of settings values. Checks beyond the field types (a range, one key or
    the other) go in ``__post_init__`` and raise ValueError, which pydantic reports
    under the key of the table the value is in (``sections.0: level 9 is not …``).
    Values made in code are taken as given; :func:`validate` checks them."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid", "alias_generator": _kebab, "populate_by_name": True,
        "revalidate_instances": "always"}  # validate(Settings, Settings(...)) checks it


T = TypeVar("T")


@lru_cache(maxsize=None)
def _adapter(kind: type):
    from pydantic import TypeAdapter

    return TypeAdapter(kind)


def validate(kind: type[T], data: Any, where: str, prefix: str = "") -> T:
    """``data`` (from TOML, or a ``kind`` made in code) as a checked ``kind``; a
    ConfigError names ``where`` and each key that is wrong (``prefix.key.path: message``)."""
    from pydantic import ValidationError

    try:
        return _adapter(kind).validate_python(data)
    except ValidationError as error:
        raise ConfigError(f"{where}: {describe_validation_error(error, prefix)}") from None


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's contents; a ConfigError names the file and what is wrong."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
