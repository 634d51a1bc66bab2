"""Settings read without pydantic are what pydantic reads; anything else is pydantic's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from archlint import config, validation
from archlint.errors import ConfigError
from archlint.rules import placeholder
from archlint.template import packs
from archlint.template.textsettings import TemplateText

PLAIN: list[tuple[type, dict[str, Any]]] = [
    (config.Settings, {}),
    (config.Settings, {
        "select": ["AL"], "extend-select": ["AL3"], "ignore": ["AL304"],
        "exclude": ["drafts/**"], "anchor-style": "gitlab",
        "per-file-ignores": {"docs/adr/*.md": ["AL201"]},
        "severity": {"AL102": "warning"},
        "documents": [{"paths": ["docs/views/*.md"], "pack": "process-view"},
                      {"paths": ["docs/adr/*.md"], "template": "docs/adr/template.md"}],
        "template-text": {"min-words": 4, "similarity": 0.75, "instructions-only": True,
                          "example-phrases": ["remove if unused"]},
        "rules": {"placeholder": {"words": ["TBD", ["nested"]], "other": 1.5}},
    }),
    (config.Settings, {"extend_select": ["AL1"], "anchor_style": "mkdocs"}),  # by name
    (TemplateText, {"ignore-patterns": ["^Note:"], "min-words": 0}),
    (placeholder.Options, {"words": ["TBD", "NNNN"]}),
    (packs.Pack, {"name": "mine", "title": "My view", "placeholders": ["NNNN"],
                  "sections": [{"title": "Context", "level": 2, "required": True},
                               {"title": "Notes", "aliases": ["Remarks"], "slot": True}]}),
]


def pydantic_reads(kind: type, data: Any) -> Any:
    return validation._adapter(kind).validate_python(data)


@pytest.mark.parametrize(("kind", "data"), PLAIN)
def test_plain_settings_are_read_as_pydantic_reads_them(kind: type, data: dict) -> None:
    read = validation._plain(kind, data)
    assert read == pydantic_reads(kind, data)
    assert repr(read) == repr(pydantic_reads(kind, data))  # the same types, tuples included
    assert validation.validate(kind, data, "here") == read


OTHER: list[tuple[type, dict[str, Any]]] = [
    (TemplateText, {"similarity": 1}),           # pydantic makes it 1.0
    (TemplateText, {"min-words": "3"}),          # pydantic makes it 3
    (config.Settings, {"ignore": "AL304"}),      # not an array: refused
    (config.Settings, {"anchor-style": "bitbucket"}),
    (config.Settings, {"unknown": 1}),
    (config.Settings, {"extend-select": ["AL1"], "extend_select": ["AL2"]}),
    (config.Settings, {"extend_select-x": []}),
    (config.DocumentKind, {"paths": ["*.md"]}),  # __post_init__ refuses it
    (config.DocumentKind, {"pack": "kep"}),      # a key missing
    (TemplateText, {"similarity": 2.0}),
    (config.Settings, {"severity": {"AL102": "fatal"}}),
]


@pytest.mark.parametrize(("kind", "data"), OTHER)
def test_anything_else_is_left_to_pydantic(kind: type, data: dict) -> None:
    with pytest.raises(validation._Unsure):
        validation._plain(kind, data)
    try:
        expected: Any = pydantic_reads(kind, data)
    except Exception:
        with pytest.raises(ConfigError):
            validation.validate(kind, data, "here")
    else:
        assert validation.validate(kind, data, "here") == expected


def test_an_instance_is_left_to_pydantic() -> None:
    settings = config.Settings(ignore=("AL304",))
    with pytest.raises(validation._Unsure):
        validation._plain(config.Settings, settings)
    assert validation.validate(config.Settings, settings, "here") == settings


def test_a_plain_configuration_file_does_not_import_pydantic(tmp_path: Path) -> None:
    (tmp_path / "archlint.toml").write_text(
        'ignore = ["AL304"]\n[[documents]]\npaths = ["*.md"]\npack = "process-view"\n'
        '[template-text]\nmin-words = 3\n[rules.placeholder]\nwords = ["TBD"]\n',
        encoding="utf-8")
    (tmp_path / "doc.md").write_text("# Process View\n\nTBD\n", encoding="utf-8")
    script = ("import sys\nfrom archlint.cli import main\n"
              "try:\n    main(['check', '--no-cache', 'doc.md'])\n"
              "except SystemExit as exit:\n    print(exit.code, 'pydantic' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                            text=True, check=True)
    assert result.stdout.split()[-2:] == ["1", "False"], result.stdout


def test_a_wrong_value_in_a_configuration_file_is_still_named(tmp_path: Path) -> None:
    (tmp_path / "archlint.toml").write_text("[template-text]\nmin-words = 'three'\n",
                                            encoding="utf-8")
    with pytest.raises(ConfigError, match="template-text.min-words"):
        config.discover(tmp_path)
