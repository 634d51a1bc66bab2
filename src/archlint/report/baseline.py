"""Baselines: accept today's findings, report only new ones.

A baseline file lists findings by fingerprint: the file (relative to the project), the
rule, the message and the text of the line they point at, not the line number. Editing
elsewhere in a file moves a finding without making it new; a second identical finding
in the same file is new.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from archlint import atomic
from archlint.diagnostics import Diagnostic
from archlint.errors import ConfigError

VERSION = 1


def write(path: Path, diagnostics: Iterable[Diagnostic]) -> int:
    findings = sorted({(d.path, d.code, d.fingerprint) for d in diagnostics})
    data = {"version": VERSION, "tool": "archlint",
            "findings": [{"path": p, "code": c, "fingerprint": f} for p, c, f in findings]}
    atomic.write_text(path, json.dumps(data, indent=2) + "\n")
    return len(findings)


def load(path: Path) -> frozenset[str]:
    """The fingerprints a baseline file accepts; a ConfigError if it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise ValueError(f"version {data.get('version')!r}, expected {VERSION}")
        return frozenset(item["fingerprint"] for item in data["findings"])
    except OSError as error:
        raise ConfigError(f"{path}: cannot read baseline: {error.strerror}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ConfigError(f"{path}: not an archlint baseline ({error})") from None


def new_only(diagnostics: Iterable[Diagnostic], accepted: frozenset[str]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.fingerprint not in accepted]
