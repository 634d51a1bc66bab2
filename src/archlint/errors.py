"""Errors that end a run with exit status 2 and one clear line."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pydantic is imported by whoever has a ValidationError to describe
    from pydantic import ValidationError


class ConfigError(Exception):
    """Configuration or usage that archlint cannot act on; the message says where."""


class UnparsableError(Exception):
    """markdown-it-py failed on a text (a fault of its own, as no Markdown is invalid);
    the message says how."""


def describe_validation_error(error: ValidationError, prefix: str = "") -> str:
    """pydantic's errors as ``key.path: message`` pieces joined by ``; ``."""
    parts = []
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"])
        key = f"{prefix}.{location}" if prefix and location else (prefix or location)
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
            message = "unknown key"
        elif item["type"] in ("tuple_type", "list_type"):
            message = "should be an array"
        elif item["type"] == "dict_type":
            message = "should be a table"
        parts.append(f"{key}: {message}" if key else message)
    return "; ".join(parts)
