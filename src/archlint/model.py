"""archlint's document model: what rules see of a Markdown file.

The parser (:mod:`archlint.parser`) builds these values from markdown-it-py tokens once;
rules only read them. Every position is 1-based, in the original file (front matter
included), with columns counted in characters.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator
from dataclasses import field, fields
from typing import TypeVar

from archlint.frozen import frozen

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # a URL's scheme
_Value = TypeVar("_Value")


class BlockKind(enum.Enum):
    """The kinds of block a rule can look at."""

    PARAGRAPH = "paragraph"
    TABLE_CELL = "table-cell"
    HEADING = "heading"
    CODE = "code"
    HTML = "html"


class Container(enum.Enum):
    """What a text block sits in, innermost first (see :attr:`TextBlock.containers`)."""

    LIST_ITEM = "list-item"
    BLOCKQUOTE = "blockquote"
    TABLE = "table"


class AnchorSource(enum.Enum):
    """Where an anchor (a valid ``#fragment``) comes from."""

    HEADING = "heading"
    ATTRIBUTE = "attribute"  # {#custom-id} at the end of a heading
    HTML_ID = "html-id"
    HTML_NAME = "html-name"


class LinkKind(enum.Enum):
    LINK = "link"
    IMAGE = "image"
    AUTOLINK = "autolink"
    DEFINITION = "definition"  # [label]: target


@frozen
class TextRun:
    """A stretch of visible text on one source line, as written in the source.

    Code spans, link destinations, autolinks, inline HTML and bare URLs are not part of
    any run, so a rule that scans runs never looks inside them.
    """

    text: str
    line: int
    column: int


@frozen
class Link:
    """A link, image or link reference definition; ``target`` is the destination as
    written (unescaped). ``reference`` is true for a link or image that takes its target
    from a definition (``[text][label]``, ``[label]``)."""

    kind: LinkKind
    target: str
    text: str
    line: int
    column: int
    reference: bool = False

    @property
    def fragment(self) -> str | None:
        """The part after ``#``, or None when the target has no ``#``."""
        _, hash_, fragment = self.target.partition("#")
        return fragment if hash_ else None

    @property
    def path(self) -> str:
        """The target without its fragment (empty for a same-document ``#fragment``)."""
        return self.target.partition("#")[0]

    @property
    def elsewhere(self) -> bool:
        """Does the target lead off the file system: a URL (``https:``, ``mailto:``) or
        protocol-relative (``//host/…``)?"""
        return bool(_SCHEME.match(self.target)) or self.target.startswith("//")


@frozen
class TextBlock:
    """A leaf block holding text: a paragraph, table cell, heading, code or HTML block.

    ``text`` is the rendered plain text (markup removed, escapes and entities resolved);
    ``emphasized`` is true when the whole visible text is in italics (``_…_``, ``*…*``,
    ``***…***``; bold alone is not); ``runs`` are the visible stretches of source text,
    for column-exact searches.
    """

    kind: BlockKind
    line: int
    column: int
    end_line: int
    text: str
    containers: tuple[Container, ...] = ()
    emphasized: bool = False
    runs: tuple[TextRun, ...] = ()
    links: tuple[Link, ...] = ()

    @property
    def in_list_item(self) -> bool:
        return Container.LIST_ITEM in self.containers

    @property
    def in_blockquote(self) -> bool:
        return Container.BLOCKQUOTE in self.containers


@frozen
class Heading:
    """A heading: ``text`` is its plain text (without a ``{#id}`` attribute)."""

    level: int
    text: str
    anchor: str
    line: int
    column: int
    block: TextBlock
    custom_id: str | None = None


@frozen
class Comment:
    """An HTML comment; ``text`` is what stands between ``<!--`` and ``-->``."""

    text: str
    line: int
    column: int
    end_line: int


@frozen
class Anchor:
    name: str
    source: AnchorSource
    line: int
    column: int


@frozen
class ListItem:
    """One item of a list: ``depth`` 0 for the list's own items, 1 for a nested list's."""

    line: int
    column: int
    depth: int
    text: str
    links: tuple[Link, ...]


@frozen
class ListBlock:
    """A top-level list (not nested in another list), with all its items in order."""

    line: int
    column: int
    end_line: int
    ordered: bool
    items: tuple[ListItem, ...]


@frozen
class Section:
    """A heading and everything up to the next heading of the same or a higher level.

    The root section of a document has no heading and holds what precedes the first
    heading. ``blocks`` are the section's own blocks (not its children's).
    """

    heading: Heading | None
    blocks: tuple[TextBlock, ...]
    children: tuple[Section, ...]
    line: int
    end_line: int

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0

    def walk(self) -> Iterator[Section]:
        """This section and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@frozen
class Document:
    """A parsed Markdown file."""

    path: str | None
    root: Section
    headings: tuple[Heading, ...]
    blocks: tuple[TextBlock, ...]
    links: tuple[Link, ...]
    anchors: tuple[Anchor, ...]
    comments: tuple[Comment, ...]
    lists: tuple[ListBlock, ...]
    line_count: int
    anchor_names: frozenset[str] = field(default=frozenset())
    lines: tuple[str, ...] = ()  # the source, for rules that propose fixes

    @property
    def title(self) -> str | None:
        """The text of the first level-1 heading, if any."""
        heading = self.title_heading
        return heading.text if heading is not None else None

    @property
    def title_heading(self) -> Heading | None:
        """The first level-1 heading, if any."""
        return next((h for h in self.headings if h.level == 1), None)

    def sections(self) -> Iterator[Section]:
        """Every section with a heading, in document order."""
        for section in self.root.walk():
            if section.heading is not None:
                yield section



def quick_constructor(cls: type[_Value]) -> Callable[..., _Value]:
    """A function making a value of ``cls``, a frozen dataclass with slots, from all its
    fields in order: ``quick_constructor(TextRun)(text, line, column)`` is equal to
    ``TextRun(text, line, column)`` in every way, made in about half the time.

    Why: the parser makes about a million of these values for 1,300 files. A frozen
    dataclass's ``__init__`` sets each field with ``object.__setattr__``, which looks the
    field's slot up by name every time; this function sets each slot through the slot's
    own descriptor, found once. It applies no defaults (every field is given) and is only
    for classes without ``__post_init__``, like all of this module's. The function is
    written out like the dataclass's own ``__init__`` is, one line per field.
    """
    names = [each.name for each in fields(cls)]  # type: ignore[arg-type]
    if "__post_init__" in vars(cls) or "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__} needs its __init__")
    scope: dict[str, object] = {"new": object.__new__, "cls": cls}
    scope.update({f"set_{name}": vars(cls)[name].__set__ for name in names})
    body = "".join(f"    set_{name}(value, {name})\n" for name in names)
    exec(f"def make({', '.join(names)}):\n    value = new(cls)\n{body}    return value\n",
         scope)
    make = scope["make"]
    make.__qualname__ = make.__name__ = f"quick_{cls.__name__}"  # type: ignore[attr-defined]
    return make  # type: ignore[return-value]
