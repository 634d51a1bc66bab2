"""``archlint report`` in the terminal: the summary, a table of every card with a
completeness bar sized to the width, findings by rule, and what is left to do.

Drawn with rich, which is imported only here (and by the progress bar), so a plain
``archlint check`` never loads it. Bars are drawn with two characters (█ done, ░ left),
so they read the same without colour.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from archlint.report.overview import CARD_WORDS, Overview

if TYPE_CHECKING:
    from archlint.report.changes import Changes

# What a section's state looks like: a mark that needs no colour, and a colour.
MARKS = {"done": "✓", "prompt-only": "✎", "empty": "○", "unrecognised": "?", "missing": "✗",
         "example-left": "!"}
SECTION_STYLES = {"done": "green", "prompt-only": "yellow", "empty": "yellow",
                  "unrecognised": "yellow", "missing": "red", "example-left": "magenta"}
CARD_STYLES = {"complete": "green", "in-progress": "yellow", "not-started": "red",
               "unreadable": "red"}

# From this width on, findings by rule carry the rule's summary; below the other, the
# table of cards leaves out the sections done.
WIDE, NARROW = 90, 80
# How a line of the changes looks: a mark and a colour.
CHANGE_MARKS = {"overall": ("", "bold"), "document": ("", "bold"), "done": ("  ✓", "green"),
                "undone": ("  ✗", "red"), "fixed": ("  −", "green"), "new": ("  +", "red")}


class Bar:
    """A horizontal bar as wide as it is given, ``share`` of it filled."""

    def __init__(self, share: float, style: str = "green", least: int = 10) -> None:
        self.share, self.style, self.least = max(0.0, min(1.0, share)), style, least

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.least, options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width)
        filled = round(self.share * width)
        yield Text.assemble(("█" * filled, self.style), ("░" * (width - filled), "dim"))


def _console(width: int, color: bool, record: bool = False) -> Console:
    return Console(file=io.StringIO(), width=width, force_terminal=color, no_color=not color,
                   color_system="standard" if color else None, highlight=False, emoji=False,
                   markup=False, record=record, legacy_windows=False)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _counts(counts: dict[str, int], styles: dict[str, str]) -> Text:
    text = Text()
    for state, count in counts.items():
        if count:
            if text:
                text.append(" · ")
            text.append(f"{count} {CARD_WORDS.get(state, state)}", styles.get(state, ""))
    return text or Text("none")


def _summary(overview: Overview) -> Table:
    grid = Table.grid(padding=(0, 2), expand=True)
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True, justify="right")
    grid.add_row("Overall", Bar(overview.completeness), f"{overview.completeness:.0%}")
    grid.add_row("", Text(f"{overview.done} of {overview.expected} required sections done"),
                 "")
    documents = _counts(overview.documents_by_state(), CARD_STYLES)
    unpacked = sum(1 for card in overview.documents if card.readable and card.pack is None)
    if unpacked:  # judged by their own headings, not a template's
        documents.append(f" ({unpacked} without a rule pack)", "dim")
    grid.add_row("Documents", documents, "")
    if overview.sets:
        grid.add_row("Sets", _counts(overview.sets_by_state(), CARD_STYLES), "")
    grid.add_row("Sections", _counts(overview.sections_by_state(), SECTION_STYLES), "")
    grid.add_row("Findings", Text(str(len(overview.findings))), "")
    return grid


def _cards(overview: Overview, width: int) -> Table:
    """A row per card: its bar, percentage, sections done and findings (fewer columns
    on a narrow terminal)."""
    narrow = width < NARROW
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False)
    table.add_column("Document", overflow="fold", max_width=max(16, width // 2 - 2))
    table.add_column("Completeness", ratio=1, min_width=12, overflow="crop")
    table.add_column("%", justify="right", no_wrap=True)
    if not narrow:
        table.add_column("Done", justify="right", no_wrap=True)
    table.add_column("Finds" if narrow else "Findings", justify="right", no_wrap=True)
    for card in overview.cards:
        name = f"{card.name} (set of {len(card.members)})" if card.kind == "set" else card.name
        style = CARD_STYLES[card.state]
        done = [] if narrow else [f"{card.done}/{card.expected}" if card.readable else ""]
        if card.readable:
            table.add_row(name, Bar(card.completeness, style), f"{card.completeness:.0%}",
                          *done, str(len(card.findings)))
        else:
            table.add_row(name, Text("unreadable", style), "", *done, str(len(card.findings)))
    return table


def _rules(overview: Overview, width: int) -> Table:
    """Findings by rule, most first; with the rule's summary where there is room."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False)
    table.add_column("Rule", no_wrap=True)
    wide = width >= WIDE
    if wide:
        table.add_column("Finds", overflow="fold", ratio=3)
    table.add_column("Findings", ratio=1, min_width=10)
    table.add_column("", justify="right", no_wrap=True)
    ranked = overview.findings_by_rule()
    most = max((count for _, count in ranked), default=1)
    for rule, count in ranked:
        bar = Bar(count / most, "red" if rule.severity == "error" else "yellow", 4)
        table.add_row(f"{rule.code} {rule.name}", *([rule.summary] if wide else []), bar,
                      str(count))
    return table


def _left(overview: Overview) -> list[Text | Table]:
    """Per card, the sections left to do (required and not done, or an example left
    in), with their state and line."""
    shown: list[Text | Table] = []
    for card in overview.cards:
        left = [s for s in card.sections
                if s.state != "done" and (s.required or s.state == "example-left")]
        if not left:
            continue
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(overflow="fold")
        for section in left:
            where = f" ({section.where})" if section.where else ""
            table.add_row(Text(f"  {MARKS[section.state]} {section.state:<12}",
                               SECTION_STYLES[section.state]), f"{section.title}{where}")
        shown += [Text(card.name, "bold"), table]
    return shown


def _changes(changes: Changes) -> list[Text | Table]:
    """The overall line and each document's line, with what changed in it below."""
    shown: list[Text | Table] = []
    items: Table | None = None
    for line in changes.lines():
        mark, style = CHANGE_MARKS[line.kind]
        if not mark:
            shown.append(Text(line.text, style))
            items = None
            continue
        if items is None:
            items = Table.grid(padding=(0, 1))
            items.add_column(no_wrap=True)
            items.add_column(overflow="fold")
            shown.append(items)
        items.add_row(Text(mark, style), line.text)
    return shown


def render(overview: Overview, color: bool, width: int = 80,
           changes: Changes | None = None) -> str:
    """The report as text for a terminal ``width`` columns wide."""
    console = _console(width, color)
    _print(console, overview, changes)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return "".join(line.rstrip(" ") + "\n" for line in text.splitlines())


def svg(overview: Overview, width: int = 100, title: str = "archlint report") -> str:
    """The report as an SVG picture of a terminal (for documentation)."""
    import re

    console = _console(width, True, record=True)
    _print(console, overview, None)
    # without rich's web fonts: the picture loads nothing from anywhere
    return re.sub(r"@font-face \{.*?\}\s*", "", console.export_svg(title=title),
                  flags=re.DOTALL)


def _print(console: Console, overview: Overview, changes: Changes | None) -> None:
    documents = _plural(len(overview.documents), "document")
    console.print(Text(f"archlint report: {documents}, "
                       f"{_plural(overview.files_checked, 'file')} checked", "bold"))
    console.print()
    if not overview.cards:
        console.print("No Markdown files were found under the paths given.")
        return
    console.print(_summary(overview))
    console.print()
    if overview.cards:
        console.print(_cards(overview, console.width))
        console.print()
    if overview.findings:
        console.print(_rules(overview, console.width))
        console.print()
    left = _left(overview)
    if left:
        console.print(Text("Left to do", "bold"))
        for shown in left:
            console.print(shown)
    if changes is not None:
        console.print()
        console.print(Text(f"Changes since {changes.since}", "bold"))
        for shown in _changes(changes):
            console.print(shown)

