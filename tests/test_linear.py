"""Work in proportion to the input: counted, not timed (benchmarks/pathological.py
times it). Each test doubles an input and checks that the work counted at most doubles,
where it used to grow four-fold."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

import archlint
from archlint.config import Configuration, Settings
from archlint.engine import Linter
from archlint.markdown import inline, parser


def _work(measure, n: int) -> tuple[int, int]:
    return measure(n), measure(2 * n)


def test_links_in_one_paragraph_are_read_without_copying_the_rest(monkeypatch) -> None:
    copied = [0]
    real_getitem = list.__getitem__

    class Counting(list):
        def __getitem__(self, key):
            found = real_getitem(self, key)
            if isinstance(key, slice):
                copied[0] += len(found)
            return found

    real_links_and_html = inline.links_and_html

    def counting(token, where):
        token.children = Counting(token.children or [])
        return real_links_and_html(token, where)

    monkeypatch.setattr(inline, "links_and_html", counting)

    def measure(n: int) -> int:
        copied[0] = 0
        parser.parse("# A\n\n" + " ".join(f"[link](#a{i})" for i in range(n)) + "\n", "a.md")
        return copied[0]

    small, large = _work(measure, 2_000)
    assert large <= 2 * small + 100, (small, large)


@pytest.fixture
def ratios(monkeypatch) -> list[int]:
    """How many names ``difflib`` compares in full."""
    count = [0]
    real_ratio = difflib.SequenceMatcher.ratio

    def counting(self):
        count[0] += 1
        return real_ratio(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counting)
    return count


def test_did_you_mean_compares_a_bounded_number_of_near_miss_anchors(ratios) -> None:
    def measure(n: int) -> int:
        ratios[0] = 0
        headings = "".join(f"## Section {i:05d} of the design\n\nText.\n\n" for i in range(n))
        links = "".join(f"- [s](#section-{i:05d}-of-the-desigm)\n" for i in range(n))
        found = archlint.lint_text("# Doc\n\n" + links + "\n" + headings, path="doc.md",
                                   settings=Settings(), select=["AL301"])
        assert len(found) == n
        assert 'did you mean "#section-00007-of-the-design"' in found[7].message
        return ratios[0]

    small, large = _work(measure, 400)
    assert large <= 2.2 * small, (small, large)


def test_broken_links_into_a_big_folder_list_it_once(tmp_path: Path, ratios,
                                                      monkeypatch) -> None:
    listings = [0]
    real_listdir = os.listdir

    def counting(path="."):
        listings[0] += 1
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", counting)

    def measure(n: int) -> int:
        folder = tmp_path / str(n)
        (folder / "big").mkdir(parents=True)
        for i in range(3 * n):
            (folder / "big" / f"file-{i:05d}.md").write_text("# F\n")
        (folder / "doc.md").write_text("# Doc\n\n" + "".join(
            f"- [f](./big/fil-{i:05d}.md)\n" for i in range(n)))
        linter = Linter.create(Configuration(Settings(select=("AL302",)), None, folder))
        ratios[0] = listings[0] = 0
        found = linter.lint_file(folder / "doc.md")
        assert len(found) == n
        assert 'did you mean "file-00003.md"' in found[3].message
        assert listings[0] <= 2
        return ratios[0]

    small, large = _work(measure, 300)
    assert large <= 2.2 * small, (small, large)


def test_findings_on_one_huge_line_hash_it_once(monkeypatch) -> None:
    from archlint.engine import checker

    hashed = [0]
    real_sha256 = checker.sha256

    def counting(data: bytes) -> str:
        hashed[0] += len(data)
        return real_sha256(data)

    monkeypatch.setattr(checker, "sha256", counting)

    def measure(n: int) -> int:
        hashed[0] = 0
        line = " ".join(f"[x](#missing-{i})" for i in range(n))
        found = archlint.lint_text(f"# A\n\n{line}\n", path="a.md", settings=Settings(),
                                   select=["AL301"])
        assert len(found) == n
        return hashed[0]

    small, large = _work(measure, 1_000)
    assert large <= 2.2 * small, (small, large)


def test_a_long_list_is_not_read_again_for_each_item(monkeypatch) -> None:
    from markdown_it import parser_block
    from markdown_it.rules_block import StateBlock

    reads = [0]

    class Counting(list):
        def __getitem__(self, key):
            reads[0] += 1
            return list.__getitem__(self, key)

    class CountingState(StateBlock):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.bMarks = Counting(self.bMarks)

    monkeypatch.setattr(parser_block, "StateBlock", CountingState)

    def measure(n: int) -> int:
        reads[0] = 0
        parser.parse("# A\n\n" + "".join(f"- [Heading {i}](#heading-{i})\n"
                                         for i in range(n)), "a.md")
        return reads[0]

    small, large = _work(measure, 2_000)
    assert large <= 2.2 * small, (small, large)


def test_the_order_of_many_entries_is_worked_out_in_n_log_n() -> None:
    from archlint import sequences

    compared = [0]

    class Value(int):
        def __lt__(self, other):
            compared[0] += 1
            return int.__lt__(self, other)

    def measure(n: int) -> int:
        compared[0] = 0
        values = [Value((i * 7919) % n) for i in range(n)]
        sequences.in_order(values)
        return compared[0]

    small, large = _work(measure, 2_000)
    assert large <= 2.5 * small, (small, large)
