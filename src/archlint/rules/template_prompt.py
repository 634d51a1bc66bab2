"""AL101 template-prompt: a prompt of the template was left in the document.

## What it does
Finds paragraphs, list items and table cells whose whole text is in italics, the way
templates phrase their instructions (`_Discuss significant state models_`). Italics
inside a sentence, bold text, a paragraph that is only a link, captions ("*Figure 1:
…*") and single italic words are not prompts.

## Why it matters
A prompt that survives means the section was never written, or was written around the
instruction. Readers skim past it, reviewers miss it, and the document claims a
completeness it does not have.

## Example
```markdown
## State models

_Discuss significant state models_
```

## Use instead
```markdown
## State models

An order moves from *placed* to *paid* to *shipped*; only the billing service moves it.
```

## Options
- `min-words` (integer, default 2): shorter italic text is not taken for a prompt.
- `ignore-patterns` (list of regular expressions): italic text matching one of these
  (searched case-insensitively) is not a prompt. Default: captions such as
  `^(?:figure|fig\\.|table|tab\\.|diagram|image|listing|source)(?:[\\s\\d:.]|$)`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from archlint.diagnostics import Problem
from archlint.examples import example_sections
from archlint.model import BlockKind, Document
from archlint.rule import Context, RuleOptions
from archlint.rules import template_example

CODE = "AL101"
NAME = "template-prompt"

_CHECKED = (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL)


class Options(RuleOptions):
    min_words: int = 2
    ignore_patterns: tuple[str, ...] = (
        r"^(?:figure|fig\.|table|tab\.|diagram|image|listing|source)(?:[\s\d:.]|$)",
    )


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def check(document: Document, options: Options, context: Context) -> Iterator[Problem]:
    phrases = context.options_of(template_example.Options).phrases
    markers = {(b.line, b.column) for _, b in example_sections(document, phrases)}
    ignored = [re.compile(pattern, re.IGNORECASE) for pattern in options.ignore_patterns]
    for block in document.blocks:
        if block.kind not in _CHECKED or not block.emphasized or (block.line, block.column) in markers:
            continue
        text = block.text.strip()
        if len(text.split()) < options.min_words:
            continue
        if len(block.links) == 1 and block.links[0].text.strip() == text:
            continue
        if any(pattern.search(text) for pattern in ignored):
            continue
        yield Problem(block.line, block.column, f'template prompt left in: "{_quote(text)}"')
