"""How ``archlint status`` prints how complete each document is (the formats are
registered in :mod:`archlint.report.formats`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from archlint.report.printable import printable

if TYPE_CHECKING:
    from archlint.template.completeness import DocumentStatus


def text(statuses: Sequence[DocumentStatus], color: bool) -> str:
    """Per document its completeness, then each section's state, indented by level."""
    lines = []
    for document in statuses:
        pack = f" (rule pack {document.pack})" if document.pack else ""
        lines.append(f"{printable(document.path)}: {document.completeness:.0%} complete, "
                     f"{document.done} of {document.expected} sections done{pack}")
        for section in document.sections:
            marker = "" if section.required else " (optional)"
            lines.append(f"  {section.state.value:<13}{'  ' * (section.level - 2)}"
                         f"{printable(section.title)}{marker}")
    return "".join(line + "\n" for line in lines)


def json_array(statuses: Sequence[DocumentStatus], color: bool) -> str:
    """A JSON array, one object per document: ``path``, ``pack``, ``completeness``,
    ``required``, ``done`` and ``sections`` (``title``, ``level``, ``required``,
    ``state``, ``line``)."""
    return json.dumps([s.as_dict() for s in statuses], indent=2, ensure_ascii=False) + "\n"
