"""What a broken name probably meant: the indexes of names are made once for the same
names, whichever collection holds them, and answer as difflib does."""

from __future__ import annotations

import difflib

from archlint.links import nearest


def test_a_folder_listed_again_is_indexed_once() -> None:
    names = [f"{number:04d}-design-note.md" for number in range(300)]  # more than EXACT
    first = nearest._index(names)
    assert nearest._index(list(reversed(names))) is first  # the next document's listing
    assert nearest._index(names[:-1]) is not first  # other names: another index


def test_answers_are_the_same_from_a_reused_index() -> None:
    names = ["overview.md", "context.md", "building-blocks.md", "runtime.md", "README.md"]
    for wanted in ("contex.md", "readme.md", "runtime.MD", "nothing-alike.txt"):
        fresh = difflib.get_close_matches(wanted, sorted(names), n=1, cutoff=0.6)
        for listing in (names, list(names), tuple(reversed(names)), set(names)):
            assert nearest.closest(wanted, listing) == (fresh[0] if fresh else None)
    assert nearest.same_but_case("readme.md", list(names)) == "README.md"
    assert nearest.same_but_case("README.md", tuple(names)) is None  # it is there
