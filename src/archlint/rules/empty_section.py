"""AL202 empty-section: a section with nothing of the author's own in it.

## What it does
Reports a section whose content, together with everything under it, is only template
text: nothing at all, or only prompts, template comments, placeholders (`TODO.` with
its full stop is still only a placeholder) and its example note. Template text never
counts as content (see AL101 for what template text is); a picture or a table in HTML
(`<img>`, `<p align="center"><img …></p>`, `<table>`) does. A
section with subsections is never reported itself: its empty subsections are. Nor is
a section holding the pack's boilerplate, template text meant to stay (a KEP's signoff
checklist): it is as the template wants it, though it does not count as written. Nor is
a section whose heading says it all: a link to where the section lives (`### [Threat
model](threat-model.md)`), its answer after a colon (`### Related proposals: n/a`) or after its question
(`###### Does it increase resource usage? No`), or a
sentence written as a heading (`### For more, see the [security policy](SECURITY.md).`).
Nor is a heading that titles the document: its first heading at level 1 (unless it is
a section of the document's rule pack by its title, as a chapter file's `# Solution
Strategy` is), or a heading right above the table of contents; nor a heading with no
word in it (a bare `##`, a stray mark, a template's `## …` for "and so on"), which
names no section anyone was asked to write.

## Why it matters
An empty heading promises an answer the document does not give. Left in, it tells
reviewers the question was considered when it was not.

## Example
```markdown
## State models

_Discuss significant state models_

## Dynamic interactions

The shop calls billing synchronously.
```

## Use instead
```markdown
## State models

An order is placed, then paid, then shipped.

## Dynamic interactions

The shop calls billing synchronously.
```

## Options
None; what counts as template text is configured in `[tool.archlint.template-text]`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from archlint.diagnostics import Problem
from archlint.model import Document, Heading
from archlint.rule import Context, RuleOptions
from archlint.template import classify

CODE = "AL202"
NAME = "empty-section"


# "Related proposals: n/a", "Security audit: none yet": the heading holds its answer
_ANSWERED = re.compile(r":\s*\S")


def _says_it_all(heading: Heading) -> bool:
    """A heading that is itself the content: a link to where the section lives
    ("### [Threat model](threat-model.md)"), or a title with its answer after a colon."""
    text = heading.text.strip()
    links = heading.block.links
    if links and sum(len(link.text) for link in links) >= len(text) - 2:
        return True
    if classify.reads_as_instruction(text):
        return False  # the template's instruction written as a heading
    if text.endswith(".") and len(text.split()) >= 6:
        return True  # a sentence written as a heading: "For more, see the [policy](…)."
    if "?" in text and re.search(r"\w", text.rsplit("?", 1)[1]):
        return True  # a question answered in the heading: "… in any components? `No`"
    return _ANSWERED.search(text) is not None and not classify.only_placeholders(
        text.split(":", 1)[1])


def _chapters(context: Context) -> set[int]:
    """Lines of the level-1 headings that are the pack's own top-level sections by their
    title: a chapter (a set's file holding one arc42 chapter), not the document's title."""
    return {placement.section.line for placement in context.analysis.outline
            if placement.section is not None and placement.section.heading is not None
            and placement.section.level == 1
            and placement.spec.matches(placement.section.title)}


_CONTENTS = re.compile(r"^(?:table of contents|contents|toc|inhalt|inhaltsverzeichnis)$",
                       re.IGNORECASE)


def _titles(document: Document) -> set[int]:
    """Lines of headings that title the document rather than open a section: its first
    heading when it is a level-1 heading, and a heading right above the table of
    contents ("## Joint assessment of X" then "## Table of Contents")."""
    headings = document.headings
    lines = {headings[0].line} if headings and headings[0].level == 1 else set()
    lines.update(above.line for above, below in zip(headings, headings[1:])
                 if _CONTENTS.match(below.text.strip()))
    return lines


def check(document: Document, options: RuleOptions, context: Context) -> Iterator[Problem]:
    classified = context.analysis.template_text
    titles = _titles(document) - _chapters(context)
    for section in document.sections():
        heading = section.heading
        assert heading is not None
        if (any(character.isalnum() for character in heading.text) and not section.children
                and not classify.has_content(section, classified)
                and not classify.has_boilerplate(section, classified)
                and not _says_it_all(heading) and heading.line not in titles):
            yield Problem(heading.line, heading.column,
                          f'section "{heading.text}" has no content of its own')
