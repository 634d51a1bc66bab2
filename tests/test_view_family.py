"""A blank family of nine architecture views, and the same family filled in by hand.

Every leftover of the blank family is marked by hand in ``answer-key.txt``; archlint,
with no configuration, must find at least 98 % of them with the rule the key names and
report nothing else but the empty sections they leave. The filled family gives no
findings at all.
"""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES

import archlint
from archlint.config import Settings

FAMILY = FIXTURES / "view-family"
BLANK, FILLED = FAMILY / "blank", FAMILY / "filled"


def answer_key() -> set[tuple[str, int, str]]:
    key = set()
    for line in (FAMILY / "answer-key.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            where, rule = line.split()[:2]
            name, number = where.split(":")
            key.add((name, int(number), rule))
    return key


def findings(folder: Path) -> list[tuple[str, int, str]]:
    return [(Path(d.path).name, d.line, d.code)
            for d in archlint.lint_paths([folder], settings=Settings())]


def test_the_key_marks_every_file_of_the_family() -> None:
    key = answer_key()
    assert len(key) == 80
    assert {name for name, _, _ in key} == {p.name for p in BLANK.glob("*.md")}
    assert len(list(BLANK.glob("*.md"))) == 9


def test_blank_family_recall_is_at_least_98_percent() -> None:
    key, found = answer_key(), set(findings(BLANK))
    missed = sorted(key - found)
    recall = (len(key) - len(missed)) / len(key)
    assert recall >= 0.98, f"recall {recall:.1%}, missed {missed}"


def test_blank_family_reports_nothing_but_leftovers_and_empty_sections() -> None:
    key = answer_key()
    extra = [f for f in findings(BLANK) if f not in key and f[2] != "AL202"]
    assert extra == []


def test_filled_family_gives_no_findings() -> None:
    assert findings(FILLED) == []


def test_filled_family_has_the_blank_family_s_files() -> None:
    assert sorted(p.name for p in FILLED.glob("*.md")) == sorted(
        p.name for p in BLANK.glob("*.md"))
