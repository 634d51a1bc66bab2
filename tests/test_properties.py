"""Properties that hold for any text (hypothesis): archlint never raises, every position
lies inside the document, the output is the same every time, every output format
parses (SARIF against its schema), and ``--fix`` is idempotent and changes nothing but
what it fixes.

CI runs a bounded number of examples; ARCHLINT_PROPERTY_EXAMPLES=N runs N (the README
gives the figures of a long run).
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
from conftest import FIXTURES
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from archlint.analysis import DocumentAnalysis
from archlint.config import Configuration, Settings
from archlint.engine import Linter, fixing
from archlint.model import Document
from archlint.report import formats
from archlint.report.check import Report
from archlint.template.packs import load as load_pack

EXAMPLES = int(os.environ.get("ARCHLINT_PROPERTY_EXAMPLES", "100"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, derandomize="CI" in os.environ,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = ["State", "models", "Overview", "TBD", "xxx", "TODO", "Data", "flow", "the", "a",
         "Process", "View", "é", "日本", "x", "...", "{name}", "\\<Role\\>", "NNNN", "Résumé"]
word = st.sampled_from(WORDS)
words = st.lists(word, min_size=1, max_size=6).map(" ".join)
anchor = words.map(lambda text: text.lower().replace(" ", "-"))
weird = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
controls = st.sampled_from(["\x07", "\x1b[31m", "\x0b", "\x0c", "\x00", "\r", "\t", "\u202e"])


INLINE_PART = st.one_of(
    words, weird, controls,
    words.map(lambda t: f"*{t}*"), words.map(lambda t: f"_{t}_"),
    words.map(lambda t: f"**{t}**"), words.map(lambda t: f"`{t}`"),
    st.tuples(words, anchor).map(lambda p: f"[{p[0]}](#{p[1]})"),
    st.tuples(words, anchor).map(lambda p: f"[{p[0]}](./other.md#{p[1]})"),
    words.map(lambda t: f"[{t}](./missing.md)"),
    anchor.map(lambda a: f'<a id="{a}"></a>'),
    st.sampled_from(["<!-- archlint-disable-next-line AL102 -->", "\\|",
                     "https://example.com/x"]),
)
INLINE = st.lists(INLINE_PART, min_size=1, max_size=8).map(" ".join)


def inline_text():
    return INLINE


@st.composite
def block(draw) -> str:
    kind = draw(st.sampled_from([0, 1, 2, 3, 4, 5, 6, 6, 6, 7, 8, 9, 10, 11]))
    if kind == 0:
        return f"{'#' * draw(st.integers(1, 6))} {draw(inline_text())}"
    if kind == 1:
        level = draw(st.integers(0, 12))
        return "\n".join("  " * min(i, level) + f"{draw(st.sampled_from(['-', '*', '1.']))} "
                         f"{draw(inline_text())}" for i in range(draw(st.integers(1, 5))))
    if kind == 2:
        columns = draw(st.integers(1, 4))
        rows = [" | ".join(draw(inline_text()).replace("\n", " ") for _ in range(columns))
                for _ in range(draw(st.integers(1, 3)))]
        table = "\n".join([f"| {rows[0]} |", "|" + " --- |" * columns,
                           *(f"| {row} |" for row in rows[1:])])
        return "\n".join("> " + line for line in table.splitlines()) if draw(st.booleans()) \
            else table
    if kind == 3:
        return f"```\n{draw(inline_text())}\n```"
    if kind == 4:
        return "\n".join("> " * draw(st.integers(1, 4)) + draw(inline_text())
                         for _ in range(draw(st.integers(1, 3))))
    if kind == 5:
        return f"<!-- {draw(words)} -->"
    if kind == 6:  # a table of contents and its headings: some missing, some miscased
        titles = draw(st.lists(words, min_size=2, max_size=6, unique=True))
        listed = [t for t in titles if draw(st.booleans())] or titles[:1]
        if draw(st.booleans()):
            listed = [t for t in listed if t != titles[-1]] or titles[:1]  # the last missing
        marker = draw(st.sampled_from(["- ", "* ", "1. ", "- **"]))
        end = "**" if marker.endswith("**") else ""
        toc = "\n".join(f"{marker}[{t}](#{draw(st.sampled_from([t.lower(), t])).replace(' ', '-')})"
                        f"{end}" for t in listed)
        level = draw(st.sampled_from(["##", "###"]))
        body = "\n\n".join(f"{level} {t}\n\n{draw(inline_text())}" for t in titles)
        after = draw(st.sampled_from(["", "\n\nA paragraph after the list.",
                                      "\n\nA paragraph after the list.",
                                      "\n\n<!-- tocstop -->", "\n<!-- tocstop -->"]))
        return f"## Contents\n\n{toc}{after}\n\n{body}"
    if kind == 7:
        return draw(weird)
    if kind == 8:
        return f"{draw(words)}\n{draw(st.sampled_from(['===', '---']))}"
    if kind == 9:
        return f"[{draw(words)}]: ./{draw(st.sampled_from(['other.md', 'gone.md']))}"
    if kind == 10:
        return "".join(draw(st.lists(st.sampled_from(["-", ">", "*", " ", "  ", "|", "#"]),
                                     min_size=1, max_size=40))) + draw(words)
    return draw(inline_text())


@st.composite
def markdown(draw) -> str:
    blocks = draw(st.lists(block(), min_size=0, max_size=12))
    separator = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n"]))
    text = separator.join(blocks)
    if draw(st.booleans()):
        text = "---\ntitle: x\n---\n" + text
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text + draw(st.sampled_from(["", "\n", "\r\n"]))


@cache
def linter(pack: str | None = None) -> Linter:
    from archlint.engine import Selection

    selection = Selection(pack=load_pack(pack, Path.cwd()) if pack else None)
    return Linter.create(Configuration(Settings(), None, Path("/nonexistent-root")),
                         selection)


@cache
def sarif_validator():
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text())
    return jsonschema.validators.validator_for(schema)(schema)


PACKS = st.sampled_from([None, "process-view", "arc42", "madr"])


@PROPERTY
@given(text=markdown(), pack=PACKS)
def test_any_text_positions_inside_and_deterministic(text: str, pack: str | None) -> None:
    found = linter(pack).lint_text(text, "/nonexistent-root/docs/doc.md")
    assert found == linter(pack).lint_text(text, "/nonexistent-root/docs/doc.md")
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for d in found:
        assert 1 <= d.line <= max(1, len(lines)), (d, len(lines))
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, (d, lines[d.line - 1])


@PROPERTY
@given(text=st.one_of(markdown(), st.text()), path=st.sampled_from(
    ["doc.md", "a\nb.md", "d\x1b[1m/ü.md", "sp ace.md"]))
def test_every_format_parses(text: str, path: str) -> None:
    lint = linter()
    found = lint.lint_text(text, path)
    report = Report(tuple(found), 1, lint.rules)
    for name, render in formats.CHECK.items():
        out = render(report, False)
        assert out == render(report, False)
        if name in ("json", "gitlab"):
            assert len(json.loads(out)) == len(found)
        elif name == "json-lines":
            assert len([json.loads(line) for line in out.splitlines()]) == len(found)
        elif name == "sarif":
            log = json.loads(out)
            sarif_validator().validate(log)
            assert len(log["runs"][0]["results"]) == len(found)
        elif name == "junit":
            ElementTree.fromstring(out.encode("utf-8"))
        elif name in ("text", "concise"):
            assert len(out.splitlines()) == len(found) + (name == "text")
            assert not any(c in out for c in "\x1b\x07\x00\r")


def _outside(document: Document, contents_line: int | None) -> list[tuple]:
    """Every block but those of the list starting at ``contents_line``, by what it is."""
    span = next(((lst.line, lst.end_line) for lst in document.lists
                 if lst.line == contents_line), None)
    return [(b.kind, b.text, b.containers) for b in document.blocks
            if span is None or not span[0] <= b.line <= span[1]]


@PROPERTY
@given(text=markdown())
def test_fix_is_idempotent_and_changes_only_what_it_fixes(text: str) -> None:
    lint = linter()
    source = lint.reader.text(text, "doc.md", whole=True)
    if source.read.document is None:
        return
    fixed = fixing.fixed_text(source, lint.checker.check,
                              lambda changed: lint.reader.text(changed, "doc.md", whole=True))
    event("fixed" if fixed is not None else "nothing to fix")
    if fixed is None:
        return
    again = lint.reader.text(fixed, "doc.md", whole=True)
    assert fixing.fixed_text(again, lint.checker.check,
                             lambda changed: lint.reader.text(changed, "doc.md",
                                                              whole=True)) is None
    before, after = source.read.document, again.read.document
    assert after is not None
    assert [(h.level, h.text, h.anchor) for h in after.headings] == [
        (h.level, h.text, h.anchor) for h in before.headings]
    contents = DocumentAnalysis(before, None, lint.template_text).contents
    start = contents.block.line if contents else None
    assert _outside(after, start) == _outside(before, start)
    assert len(after.lists) == len(before.lists)
    ending = "\r\n" if "\r\n" in text else "\n"
    assert fixed.startswith("\ufeff") == text.startswith("\ufeff")
    if ending == "\r\n" and "\n" not in text.replace("\r\n", ""):
        assert "\n" not in fixed.replace("\r\n", "")  # the file's line endings are kept
