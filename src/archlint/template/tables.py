"""What a document's tables say about the x's, ellipses and braces in them: a matrix of
check marks, a blank table of x's to fill in, a row of "..." meaning "and so on", sets
written in braces, a Unit column of UCUM annotations, a variable used in its row. Each
question is asked of the document's tables, found once (:func:`tables`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from archlint.model import BlockKind, Document, TextBlock
from archlint.patterns import lazy

_NUMBER_SET = re.compile(r"\{\s*\d[\d,\s]*\}")


_CELL = BlockKind.TABLE_CELL  # a name: an enumeration's member is slow to look up


def tables(document: Document) -> list[list[TextBlock]]:
    """The cells of each table, in order."""
    tables: list[list[TextBlock]] = []
    for block in document.blocks:
        if block.kind is not _CELL:
            continue
        gap = block.line - tables[-1][-1].line if tables else 0
        between = document.lines[block.line - 2] if gap == 2 else ""
        if tables and (0 <= gap <= 1 or (gap == 2 and between.strip())):  # the |---| row
            tables[-1].append(block)
        else:
            tables.append([block])
    return tables


# Column headers of text to write, never of check marks: an x under them is a blank
_PROSE_HEADER = lazy(
    r"\b(?:rationale|reasons?|reasoning|justification|impact|consequences?|description|"
    r"notes?|comments?|remarks|details|explanation|mitigations?|summary|motivation|"
    r"purpose|responsibilit(?:y|ies)|expectations?|concerns?|context|decision|"
    r"scenario|stimulus|response|measure|contact|owner|role|value|priority|risk|"
    r"interface|input|output|trigger|action|example|goal|quality|pros|cons|effort|"
    r"approach|solution|assumption|constraint|background)\b", re.IGNORECASE)


def _blank(cells: list[TextBlock]) -> bool:
    """A blank table: every data cell but a row label is x, under headers of text to
    write ("Rationale", "Impact"), or every cell of it is x."""
    header = cells[0].line
    rows: dict[int, list[TextBlock]] = {}
    for cell in cells:
        rows.setdefault(cell.line, []).append(cell)
    data = [row for line, row in rows.items() if line != header]
    if not data:
        return False
    if all(cell.text.strip() in ("x", "X") for row in data for cell in row):
        return True
    if not all(cell.text.strip() in ("x", "X") for row in data for cell in row[1:]):
        return False
    headers = rows[header][1:]
    return any(_PROSE_HEADER().search(cell.text) for cell in headers)


def check_mark_rows(found: Sequence[list[TextBlock]]) -> set[int]:
    """Lines of table rows in tables that use x as a check mark, where x is no
    placeholder: tables with lone-x cells and empty cells (a matrix of marks), or with a
    row that labels two or more x's (| full-pcpus-only | x | x |); but not a blank table
    (see :func:`_blank`)."""
    lines: set[int] = set()
    for cells in found:
        if _blank(cells):
            continue
        texts = [cell.text.strip() for cell in cells]
        marks = [text in ("x", "X") for text in texts]
        rows: dict[int, list[bool]] = {}
        for cell, mark in zip(cells, marks):
            rows.setdefault(cell.line, []).append(mark)
        labelled = any(sum(row) >= 2 and not row[0] for row in rows.values())
        if any(marks) and ("" in texts or labelled):
            lines.update(cell.line for cell in cells)
    return lines


def variable_rows(found: Sequence[list[TextBlock]]) -> set[int]:
    """Lines of table rows where a lone x is used in another cell's expression
    (| X | 2**X |): a variable, not a placeholder."""
    lines: set[int] = set()
    for cells in found:
        rows: dict[int, list[str]] = {}
        for cell in cells:
            rows.setdefault(cell.line, []).append(cell.text.strip())
        for line, texts in rows.items():
            for letter in {t for t in texts if t in ("x", "X")}:
                if any(t != letter and re.search(rf"(?<![A-Za-z]){letter}(?![A-Za-z])", t)
                       for t in texts):
                    lines.add(line)
    return lines


def set_notation_rows(found: Sequence[list[TextBlock]]) -> set[int]:
    """Lines of tables that write sets in braces ({1, 2, 3}): there, {NUMA node 0} is a
    set too, not a placeholder."""
    return {cell.line for cells in found
            if any(_NUMBER_SET.search(cell.text) for cell in cells) for cell in cells}


def and_so_on_rows(found: Sequence[list[TextBlock]]) -> set[int]:
    """Lines of table rows that hold nothing but an ellipsis after rows of content:
    "and so on" (a table whose only row is ``...`` still waits to be filled in)."""
    lines: set[int] = set()
    for cells in found:
        rows: dict[int, list[str]] = {}
        for cell in cells:
            rows.setdefault(cell.line, []).append(cell.text.strip())
        written = False
        for line, texts in list(rows.items())[1:]:  # the first row is the header
            if any(t.strip(".…") for t in texts):
                written = True
            elif written and any(texts):
                lines.add(line)
    return lines


def unit_columns(found: Sequence[list[TextBlock]]) -> dict[int, list[tuple[int, int]]]:
    """For each table row with a column headed "Unit", the column spans (start, end) of
    its unit cells: there, braces are UCUM annotations such as {request}."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for cells in found:
        rows: dict[int, list[TextBlock]] = {}
        for cell in cells:
            rows.setdefault(cell.line, []).append(cell)
        header, *body = rows.values()
        wanted = [i for i, c in enumerate(header)
                  if re.fullmatch(r"units?", c.text.strip(), re.IGNORECASE)]
        for row in body:
            for i in wanted:
                if i < len(row):
                    end = row[i + 1].column if i + 1 < len(row) else 1 << 30
                    spans.setdefault(row[i].line, []).append((row[i].column, end))
    return spans
