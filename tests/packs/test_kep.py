"""The KEP pack on its template and on real KEPs, findings checked by hand."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from archlint.config import Configuration, Settings
from archlint.engine import Linter, Selection
from archlint.markdown import parser
from archlint.template import packs

KEPS = FIXTURES / "packs" / "kep"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter.create(Configuration(Settings(), None, KEPS),
                         Selection(pack=packs.builtin("kep")))


def findings(linter: Linter, name: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in linter.lint_file(KEPS / name)]


def test_title_pattern_selects_the_pack() -> None:
    kep = packs.builtin("kep")
    assert kep.matches_title("KEP-3140: TimeZone support in CronJob")
    assert not kep.matches_title("Consistent Reads from Cache")


def test_template_itself_has_every_leftover(linter: Linter) -> None:
    found = findings(linter, "template.md")
    template = parser.parse((KEPS / "template.md").read_text())
    prompts = [c.line for c in template.comments if c.text.strip() not in ("toc", "/toc")]
    assert sorted(line for code, line, _ in found if code == "AL101") == prompts
    assert [(code, line) for code, line, _ in found if code == "AL102"] == [("AL102", 68)]
    # Every innermost section is empty but the seven whose visible text stays in a KEP:
    # the signoff checklist, and the form lines (test names, feature gate, events,
    # metrics) that authors complete in place rather than replace.
    form_sections = [120, 281, 304, 330, 483, 598, 634]
    leaves = [s.line for s in template.sections() if not s.children]
    assert [line for code, line, _ in found if code == "AL202"] == [
        line for line in leaves if line not in form_sections]
    assert {code for code, _, _ in found} == {"AL101", "AL102", "AL202"}
    assert linter.assess_file(KEPS / "template.md").completeness == 0.0


def test_a_finished_kep_reports_nothing(linter: Linter) -> None:
    assert findings(linter, "4858-ip-cidr-validation.md") == []
    assert linter.assess_file(KEPS / "4858-ip-cidr-validation.md").completeness == 1.0


@pytest.mark.parametrize(("name", "expected"), [
    # a kept comment (58); Non-Goals heading with nothing under it (91); the last
    # Scalability question is missing (339); a Troubleshooting question left blank (372)
    ("3140-timezone-support-in-cronjob.md",
     [("AL101", 58, 1), ("AL202", 91, 5), ("AL201", 339, 5), ("AL202", 372, 8)]),
    # no Motivation section (Goals sit under Summary); two kept comments of the
    # checklist section; Implementation History is empty
    ("4940-psa-block-host-field-in-probes.md",
     [("AL201", 1, 3), ("AL101", 33, 1), ("AL101", 64, 1), ("AL202", 390, 4)]),
    # an older KEP: no Design Details, no PRR questionnaire, no signoff checklist; a TBD
    ("2225-contributor-site.md",
     [("AL201", 1, 3), ("AL201", 1, 3), ("AL201", 1, 3), ("AL102", 66, 81)]),
    ("117-hpa-metrics-specificity.md",
     [("AL201", 1, 3), ("AL201", 1, 3), ("AL201", 1, 3), ("AL201", 1, 3)]),
])
def test_real_keps(linter: Linter, name: str, expected: list[tuple[str, int, int]]) -> None:
    assert findings(linter, name) == expected


def test_missing_sections_are_named(linter: Linter) -> None:
    messages = [d.message for d in linter.lint_file(KEPS / "117-hpa-metrics-specificity.md")]
    assert messages == [f'required section "{title}" is missing (rule pack kep)' for title in (
        "Design Details", "Drawbacks", "Production Readiness Review Questionnaire",
        "Release Signoff Checklist")]
    [nested] = [d.message for d in linter.lint_file(KEPS / "3140-timezone-support-in-cronjob.md")
                if d.code == "AL201"]
    assert nested.endswith('is missing under "Scalability" (rule pack kep)')


def test_partly_filled_completeness(linter: Linter) -> None:
    status = linter.assess_file(KEPS / "117-hpa-metrics-specificity.md")
    assert (status.done, status.expected) == (8, 12)
