"""Checking a document leaves no reference cycle behind: its model (sections, blocks,
text runs) is freed as soon as it is checked, not when the cycle collector next runs
(which, over a large corpus, held thousands of models and cost a tenth of the run)."""

from __future__ import annotations

import gc
from pathlib import Path

from conftest import FIXTURES

from archlint import config
from archlint.engine import Linter
from archlint.model import Document, Section


def test_a_checked_document_leaves_no_cyclic_garbage(tmp_path: Path) -> None:
    # documents with a rule pack, whose sections stand in, are perhaps or are missing
    # (the outline passes), and one without
    (tmp_path / "view.md").write_text(
        (FIXTURES / "process-view" / "process-view.md").read_text(encoding="utf-8"),
        encoding="utf-8")
    (tmp_path / "renamed.md").write_text(
        "# Process View\n\n## Pipelines of ours\n\nThree stages.\n\n"
        "## Alternatives considered\n\nNone.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Notes\n\n## A\n\nText.\n", encoding="utf-8")
    linter = Linter.create(config.discover(tmp_path))
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        diagnostics, count = linter.lint_paths([tmp_path])
        gc.collect()
        kept = [o for o in gc.garbage if isinstance(o, (Document, Section))]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert count == 3 and diagnostics  # it did check them
    assert kept == []
