"""Completeness: per-section states and the per-document figure; 'archlint status'."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES

from archlint.analysis import DocumentAnalysis
from archlint.markdown import parser
from archlint.template import completeness, packs

PACK = packs.builtin("process-view")


def assess(text: str, pack: packs.Pack | None = PACK) -> completeness.DocumentStatus:
    document = parser.parse(text)
    analysis = DocumentAnalysis(document, pack)
    return completeness.assess(document, pack, analysis.template_text, analysis.outline,
                               analysis.examples, "doc.md")


def states(status: completeness.DocumentStatus) -> list[tuple[str, str]]:
    return [(s.title, s.state.value) for s in status.sections]


def test_the_template_is_zero_percent_done() -> None:
    status = assess((FIXTURES / "process-view" / "process-view.md").read_text())
    assert status.completeness == 0.0 and status.expected == 6
    assert ("Avoiding 2-Phase Commit", "example-left") in states(status)
    assert {state for title, state in states(status) if title != "Avoiding 2-Phase Commit"
            and title in {"State models", "Related sections"}} == {"prompt-only"}


def test_a_filled_document_is_done() -> None:
    status = assess((FIXTURES / "filled" / "03-process-view.md").read_text())
    assert (status.done, status.expected, status.completeness) == (6, 6, 1.0)


def test_every_state() -> None:
    text = ("# Process View\n\n## Processing pipelines\n\nOrders flow through three stages.\n\n"
            "## State models\n\n_Discuss significant state models_\n\n"
            "## Dynamic interactions\n\n## Streaming components\n\nDiscuss streaming "
            "components of the system\n\n## Avoiding 2-Phase Commit\n_This is an example "
            "that is common in distributed systems: remove if not relevant_\n")
    status = assess(text)
    assert states(status) == [
        ("Processing pipelines", "done"), ("State models", "prompt-only"),
        ("Dynamic interactions", "empty"), ("Streaming components", "prompt-only"),
        ("Data consistency strategies", "missing"), ("Avoiding 2-Phase Commit", "example-left"),
        ("Related sections", "missing")]
    assert (status.done, status.expected) == (1, 6)
    assert round(status.completeness, 3) == 0.167


def test_a_heading_of_the_author_s_own_in_a_missing_section_s_place_is_unrecognised() -> None:
    text = ("# Process View\n\n## Processing pipelines\n\nThree stages.\n\n"
            "## Lifecycle of an order\n\nPlaced, paid, shipped.\n\n"
            "## Dynamic interactions\n\nEvents.\n\n## Streaming components\n\nKafka.\n\n"
            "## Related sections\n\nThe Functional View.\n")
    status = assess(text)
    by_title = {s.title: s for s in status.sections}
    # between Processing pipelines and Dynamic interactions: perhaps State models
    assert (by_title["State models"].state.value, by_title["State models"].line) == (
        "unrecognised", 7)
    # after Streaming components nothing of the author's own: missing
    assert by_title["Data consistency strategies"].state.value == "missing"
    assert (status.done, status.expected) == (4, 6)  # neither counts as done
    from archlint.report.status import text as status_text
    assert "  unrecognised State models (perhaps line 7)\n" in status_text([status], False)


def test_a_section_under_a_heading_its_guidance_names_is_listed_with_that_heading() -> None:
    from archlint.report.status import text as status_text
    from archlint.template import derive

    pack = derive.derive("# Summary\n\nWhat it is.\n\n# Detailed design\n\nExplain the "
                         "design in enough detail to build it.\n\n# Drawbacks\n\nWhy "
                         "not?\n", "rfc")
    status = assess("# Summary\n\nOne click.\n\n# Design Detail\n\nA lock for 30 s."
                    "\n\n# Drawbacks\n\nAccidental orders.\n", pack)
    design = status.sections[1]
    # not dropped from the list: done, under the author's heading (line 5)
    assert (design.title, design.state.value, design.line, design.heading) == (
        "Detailed design", "done", 5, "Design Detail")
    assert (status.done, status.expected) == (3, 3)
    assert '  done         Detailed design (as "Design Detail", line 5)\n' in status_text(
        [status], False)
    assert design.as_dict()["heading"] == "Design Detail"
    # a section under its own title says nothing of a heading
    assert "heading" not in status.sections[0].as_dict()


def test_without_a_pack_every_section_under_the_title_counts() -> None:
    status = assess("# Notes\n\n## A\n\nText.\n\n## B\n\n", pack=None)
    assert states(status) == [("A", "done"), ("B", "empty")]
    assert status.completeness == 0.5


def test_status_text_says_when_no_pack_applies_and_how_to_give_one() -> None:
    from archlint.report.status import text as status_text

    own = assess("# Notes\n\n## A\n\nText.\n", pack=None)
    bare = assess("# Notes\n\nJust text.\n", pack=None)
    lines = status_text([own, bare], False).splitlines()
    assert lines[0].endswith("100% complete, 1 of 1 sections done "
                             "(no rule pack: its own sections)")
    # nothing to assess is not "100% complete"
    assert lines[2].endswith(": no sections to assess (no rule pack: its own sections)")
    assert lines[-1].startswith("2 documents have no rule pack, so only their own "
                                "sections were assessed: name one with --pack")
    packed = status_text([assess("# Process View\n\n## Processing pipelines\n\nx\n")],
                         False)
    assert "no rule pack" not in packed


def test_status_names_a_template_among_the_documents_without_a_pack() -> None:
    from archlint.report.status import text as status_text

    record = assess("# 1. Use Postgres\n\n## Context\n\nWhy.\n", pack=None)
    template = completeness.DocumentStatus("decisions/adr-template.md", None, (),
                                           template=True)
    lines = status_text([record, template], False).splitlines()
    assert lines[-2] == "decisions/adr-template.md: left out, named like a template"
    assert lines[-1].startswith("1 document has no rule pack")  # the template is none
    assert lines[-1].endswith(
        "; decisions/adr-template.md is named like a template: `--template "
        "decisions/adr-template.md` assesses the others against it")
    assert template.as_dict()["template"] is True
    assert "named like a template" not in status_text([record], False)


def test_status_command_json_and_text(tmp_path: Path) -> None:
    view = FIXTURES / "filled" / "03-process-view.md"
    result = subprocess.run([sys.executable, "-m", "archlint", "status", "--output-format",
                             "json", str(view)], cwd=tmp_path, capture_output=True,
                            text=True, check=True)
    [document] = json.loads(result.stdout)
    assert document["pack"] == "process-view" and document["completeness"] == 1.0
    assert document["sections"][0] == {"title": "Processing pipelines", "level": 2,
                                       "required": True, "state": "done", "line": 14}
    text = subprocess.run([sys.executable, "-m", "archlint", "status", str(view)],
                          cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert text.splitlines()[0].endswith(
        "100% complete, 6 of 6 sections done (rule pack process-view)")
