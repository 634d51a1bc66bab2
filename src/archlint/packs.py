"""Rule packs: what a kind of document must contain.

A pack is a TOML file. The built-in ones live in the project's ``rules/`` folder and
ship inside the package as ``archlint/rule_packs``. Format::

    name = "process-view"                 # how configuration refers to it
    title = "Process View"                # H1 title of documents of this kind
    title-aliases = ["Runtime View"]      # other H1 titles that select it
    description = "…"

    [[sections]]
    title = "State models"                # heading text (case, spacing, numbering
    aliases = ["State machines"]          # and trailing punctuation are ignored)
    required = true                       # default true
    level = 2                             # default 2
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import Field, ValidationError

from archlint import titles
from archlint.errors import ConfigError, describe_validation_error
from archlint.schema import StrictModel, read_toml


class SectionSpec(StrictModel):
    title: str
    aliases: tuple[str, ...] = ()
    required: bool = True
    level: int = Field(default=2, ge=1, le=6)

    def matches(self, heading_text: str) -> bool:
        wanted = titles.normalize(heading_text)
        return any(titles.normalize(name) == wanted for name in (self.title, *self.aliases))


class Pack(StrictModel):
    name: str
    title: str
    title_aliases: tuple[str, ...] = ()
    description: str = ""
    sections: tuple[SectionSpec, ...] = ()

    def matches_title(self, document_title: str) -> bool:
        wanted = titles.normalize(document_title)
        return any(titles.normalize(t) == wanted for t in (self.title, *self.title_aliases))


def _builtin_folder() -> Path:
    installed = resources.files("archlint") / "rule_packs"
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parents[2] / "rules"  # a source checkout


def builtin_names() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in _builtin_folder().glob("*.toml")))


def load_file(path: Path) -> Pack:
    """Read and validate a pack file; a ConfigError says what is wrong and where."""
    data = read_toml(path)
    try:
        return Pack.model_validate(data)
    except ValidationError as error:
        raise ConfigError(f"{path}: {describe_validation_error(error)}") from None


@lru_cache(maxsize=None)
def builtin(name: str) -> Pack:
    path = _builtin_folder() / f"{name}.toml"
    if not path.is_file():
        known = ", ".join(builtin_names())
        raise ConfigError(f"unknown rule pack {name!r} (built-in packs: {known})")
    return load_file(path)


def load(reference: str, base: Path | None = None) -> Pack:
    """A pack by built-in name, or from a ``.toml`` file (relative to ``base``)."""
    if reference.endswith(".toml"):
        path = Path(reference)
        if base is not None and not path.is_absolute():
            path = base / path
        return load_file(path)
    return builtin(reference)


def by_title(document_title: str, candidates: Iterable[Pack]) -> Pack | None:
    """The first pack whose title (or a title alias) is the document's H1 title."""
    return next((pack for pack in candidates if pack.matches_title(document_title)), None)


def all_builtin() -> tuple[Pack, ...]:
    return tuple(builtin(name) for name in builtin_names())
