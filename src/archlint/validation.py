"""Settings values: frozen dataclasses that pydantic validates from TOML.

Every settings value (configuration, rule packs, rule options) is a frozen dataclass
derived from :class:`Strict`: unknown keys are refused and keys are written in
kebab-case (``min-words``), as in ruff's configuration.

pydantic is imported only when it has something to say: what a configuration file (or
a pack file) usually holds, every key known and every value of its field's plain type
(a string, a number, an array of strings, a table of them, a name of a choice), is read
here as pydantic would read it, and anything else (a value pydantic would convert or
refuse, a check of ``__post_init__`` failing, a field of another type) is left to
pydantic, whose errors name the key. So a one-file check with a configuration file
starts as quickly as one without.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
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
    try:
        return _plain(kind, data)
    except _Unsure:
        pass
    from pydantic import ValidationError

    try:
        return _adapter(kind).validate_python(data)
    except ValidationError as error:
        raise ConfigError(f"{where}: {describe_validation_error(error, prefix)}") from None


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's contents; a ConfigError names the file and what is wrong."""
    import tomllib  # only where there is a file to read

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None


class _Unsure(Exception):
    """The data is not of the plain kind :func:`_plain` reads: pydantic reads it."""


@lru_cache(maxsize=None)
def _fields(kind: type) -> dict[str, tuple[Any, bool]] | None:
    """For a settings value whose every field can be given, each field's type and
    whether it must be; None for any other class."""
    if (not dataclasses.is_dataclass(kind) or not issubclass(kind, Strict)
            or kind.__pydantic_config__ is not Strict.__pydantic_config__):
        return None
    hints = typing.get_type_hints(kind)
    fields = dataclasses.fields(kind)
    if any(not field.init for field in fields):
        return None
    return {field.name: (hints[field.name],
                         field.default is dataclasses.MISSING
                         and field.default_factory is dataclasses.MISSING)
            for field in fields}


def _plain(kind: Any, data: Any) -> Any:
    """``data`` as ``kind``, exactly as pydantic would give it, when it is plain: raises
    _Unsure for anything pydantic would convert, refuse or could read otherwise."""
    if kind is Any:
        return data
    if kind in (str, int, float, bool):
        if type(data) is not kind:
            raise _Unsure  # pydantic converts some (1 to 1.0, "1" to 1) and refuses others
        return data
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        if type(data) is not str or data not in {member.value for member in kind}:
            raise _Unsure
        return kind(data)
    fields = _fields(kind) if isinstance(kind, type) else None
    if fields is not None:
        return _instance(kind, fields, data)
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        if type(data) is not list:
            raise _Unsure
        return tuple(_plain(arguments[0], item) for item in data)
    if origin is dict and arguments[:1] == (str,):
        if type(data) is not dict or any(type(key) is not str for key in data):
            raise _Unsure
        return {key: _plain(arguments[1], value) for key, value in data.items()}
    if origin in (typing.Union, types.UnionType) and len(arguments) == 2 and (
            type(None) in arguments):
        other = arguments[0] if arguments[1] is type(None) else arguments[1]
        return None if data is None else _plain(other, data)
    raise _Unsure


def _instance(kind: type, fields: dict[str, tuple[Any, bool]], data: Any) -> Any:
    """A settings value from a TOML table: every key a field's (kebab-case) name, once."""
    if type(data) is not dict:
        raise _Unsure  # an instance is validated again by pydantic
    given: dict[str, Any] = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        if name not in fields or key not in (name, _kebab(name)) or name in given:
            raise _Unsure
        given[name] = _plain(fields[name][0], value)
    if any(required and name not in given for name, (_, required) in fields.items()):
        raise _Unsure
    try:
        return kind(**given)
    except Exception:  # __post_init__'s checks: pydantic says what is wrong, and where
        raise _Unsure from None
