"""The model's quick constructors make values equal in every way to the classes' own."""

from __future__ import annotations

import dataclasses

import pytest

from archlint import model

_RUN = model.TextRun("text", 3, 5)
_LINK = model.Link(model.LinkKind.LINK, "a.md#b", "text", 3, 7, True)
_BLOCK = model.TextBlock(model.BlockKind.PARAGRAPH, 3, 1, 4, "text",
                         (model.Container.LIST_ITEM,), True, (_RUN,), (_LINK,))
_HEADING = model.Heading(2, "Title", "title", 1, 4, _BLOCK, "custom")
_ITEM = model.ListItem(3, 1, 0, "text", (_LINK,))

EXAMPLES = [
    (model.TextRun, ("text", 3, 5)),
    (model.Link, (model.LinkKind.IMAGE, "x.png", "alt", 2, 9, False)),
    (model.TextBlock, (model.BlockKind.HEADING, 1, 4, 1, "Title", (), False, (_RUN,), ())),
    (model.Heading, (2, "Title", "title", 1, 4, _BLOCK, None)),
    (model.Comment, (" note ", 5, 2, 7)),
    (model.Anchor, ("title", model.AnchorSource.HTML_ID, 1, 1)),
    (model.ListItem, (3, 1, 0, "text", (_LINK,))),
    (model.ListBlock, (3, 1, 9, True, (_ITEM,))),
    (model.Section, (_HEADING, (_BLOCK,), (), 1, 20)),
]


@pytest.mark.parametrize(("cls", "values"), EXAMPLES, ids=lambda x: getattr(x, "__name__", ""))
def test_a_quick_constructor_makes_the_value_the_class_makes(cls, values) -> None:
    quick = model.quick_constructor(cls)(*values)
    made = cls(*values)
    assert type(quick) is cls
    assert quick == made and made == quick
    assert repr(quick) == repr(made)
    assert hash(quick) == hash(made)
    assert dataclasses.astuple(quick) == dataclasses.astuple(made)
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.line = 99  # type: ignore[misc]  # every example has a line


def test_a_quick_constructor_takes_every_field() -> None:
    with pytest.raises(TypeError):
        model.quick_constructor(model.TextRun)("text", 3)  # type: ignore[call-arg]


def test_a_class_that_needs_its_own_init_has_no_quick_constructor() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        line: int

        def __post_init__(self) -> None:
            if self.line < 1:
                raise ValueError(self.line)

    @dataclasses.dataclass(frozen=True)
    class Plain:
        line: int

    for cls in (Checked, Plain):
        with pytest.raises(TypeError):
            model.quick_constructor(cls)
