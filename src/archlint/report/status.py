"""How ``archlint status`` prints how complete each document is (the formats are
registered in :mod:`archlint.report.formats`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from archlint.report.printable import printable
from archlint.template import language

if TYPE_CHECKING:
    from archlint.template.completeness import DocumentStatus

UNKNOWN_PROMPTS = "prompts not known: configure your template file"
# a document no rule pack applies to is assessed by its own headings: say so, and (once,
# at the end) how to give it one, so that "100% complete" is not read as "the template
# is filled in"
NO_PACK = "no rule pack: its own sections"


def _no_pack_hint(unpacked: Sequence[DocumentStatus], template: str | None) -> str:
    """How many documents had no rule pack, and how to give them one: with a template
    among the files (a folder's own), the --template that names it."""
    count = len(unpacked)
    documents = "1 document has" if count == 1 else f"{count} documents have"
    hint = (f"{documents} no rule pack, so only their own sections were assessed: name "
            "one with --pack or --template, or in [[tool.archlint.documents]] (`archlint "
            "packs` lists the built-in ones)")
    if template is not None:
        hint += (f"; {printable(template)} is named like a template: `--template "
                 f"{printable(template)}` assesses the others against it")
    return hint


def _about(document: DocumentStatus) -> str:
    notes = []
    if document.pack:
        notes.append(f"rule pack {document.pack}")
    else:
        notes.append(NO_PACK)
    if document.docset is not None:
        notes.append(f"documentation set {document.docset.root}")
    if document.language is not None:
        notes.append(f"the pack does not know its titles in {language.name(document.language)}")
    if not document.prompts_known:
        notes.append(UNKNOWN_PROMPTS)
    return f" ({'; '.join(notes)})" if notes else ""


def text(statuses: Sequence[DocumentStatus], color: bool) -> str:
    """Per document its completeness, then each section's state, indented by level;
    then each documentation set: its chapters present, done and missing."""
    from archlint.template.completeness import sets

    lines = []
    for document in statuses:
        if document.template:
            lines.append(f"{printable(document.path)}: left out, named like a template")
            continue
        if document.language is not None:
            lines.append(f"{printable(document.path)}: sections not checked{_about(document)}")
            continue
        if document.docset is not None and not document.sections:
            # a file of the set with no chapter heading: one known by its name, or none
            # (a decision record in chapter 9's folder)
            held = ", ".join(printable(title) for title in document.docset.own)
            what = f"holds {held} (by its name)" if held else "holds no chapter"
            lines.append(f"{printable(document.path)}: {what}{_about(document)}")
            continue
        if not document.expected and not document.sections:
            lines.append(f"{printable(document.path)}: no sections to assess"
                         f"{_about(document)}")
            continue
        lines.append(f"{printable(document.path)}: {document.completeness:.0%} complete, "
                     f"{document.done} of {document.expected} sections done"
                     f"{_about(document)}")
        for section in document.sections:
            marker = "" if section.required else " (optional)"
            if section.state.value == "unrecognised":  # the heading that may be it
                marker += f" (perhaps line {section.line})"
            elif section.heading is not None:  # the author's heading that stands for it
                marker += f' (as "{printable(section.heading)}", line {section.line})'
            lines.append(f"  {section.state.value:<13}{'  ' * (section.level - 2)}"
                         f"{printable(section.title)}{marker}")
    unpacked = [document for document in statuses
                if not document.pack and not document.template]
    template = next((document.path for document in statuses if document.template), None)
    for summary in sets(statuses):
        lines.append(f"{printable(summary.root)}/ (documentation set, rule pack "
                     f"{summary.pack}): {len(summary.present)} of {len(summary.chapters)} "
                     f"chapters present, {len(summary.done)} done ({summary.files} files "
                     f"assessed)")
        if summary.missing:
            lines.append("  missing      " + ", ".join(printable(m) for m in summary.missing))
    if unpacked:
        lines.append(_no_pack_hint(unpacked, template))
    return "".join(line + "\n" for line in lines)


def json_array(statuses: Sequence[DocumentStatus], color: bool) -> str:
    """A JSON array, one object per document: ``path``, ``pack``, ``completeness``,
    ``required``, ``done`` and ``sections`` (``title``, ``level``, ``required``,
    ``state``, ``line``); ``prompts_known`` (false) when the pack's prompts paraphrase
    its template, and ``set``, the folder of the documentation set it is part of."""
    import json  # only for this format

    return json.dumps([s.as_dict() for s in statuses], indent=2, ensure_ascii=False) + "\n"
