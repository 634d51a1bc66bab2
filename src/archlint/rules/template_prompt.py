"""AL101 template-prompt: a prompt of the template was left in the document.

## What it does
Finds the template's instructions still standing in the document:

- paragraphs, list items and table cells whose whole text is in italics and reads as
  an instruction, the way templates phrase their prompts (`_Discuss significant state
  models_`): a sentence or clause starts with an imperative such as *Discuss*,
  *Describe*, *Add*, *List* or *Outline* (`…: remove it if unused`, `If there is a
  message bus, explain its topics`), or it speaks to the writer (*if you*, *you
  should*, *will you …?*, *your*; but not a note to readers such as *you can read
  more in …*), or says what *this section* must, should or may hold (but not `_This
  section assumes familiarity with …_`, an author's aside, nor `_Legend: Link arrows
  show calls_`);
- an italic paragraph standing where a prompt stands, right under its heading with
  nothing of the author's own in its section (only template text, lines with a
  placeholder, a blank table), that describes what the section holds in the
  template's voice rather than the imperative: in the third person (`_Outlines how the
  audit trail is kept_`), as a noun phrase (`_Overview of the integration points_`),
  as a question or an indirect one (`_How access is decided: roles and scopes_`), or
  saying what the text could cover (`_The service may keep card data: the discussion
  could cover tokenisation_`). The same words beside the author's own prose are the
  author's remark, and an answer such as `_No known drawbacks yet._` is no prompt.
  Italics inside a sentence, bold text, a paragraph that is only a link, italics in a
  block quote, captions ("*Figure 1: …*"), notes ("*Note: …*"), asides in parentheses
  and short italic phrases are not prompts;
- when the document has a rule pack (see `archlint packs`), any block or HTML comment
  that is mostly one of the pack's prompts, in whatever form it survived: re-wrapped,
  no longer in italics, in other case or punctuation, or with a few words changed.
  The share of the block's words that must line up with one prompt is `similarity`,
  and they must make up at least half of that prompt. A block quote is a citation,
  not a leftover, unless the pack's template writes its prompts in block quotes
  (`quoted-prompts`, which a pack derived from such a template has): then a quoted
  prompt is that prompt left in. A table cell of one or two words ("Motivation") is the
  author's header even when the pack has such a prompt; another tool's directive
  (`<!-- markdownlint-disable MD013 -->`, `<!-- prettier-ignore -->`) is no template
  comment.

An example section's "remove if not relevant" note is AL103's finding, not this rule's.

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
None of its own. What counts as template text is configured once, for every rule, in
`[tool.archlint.template-text]`:

- `min-words` (integer, default 3): shorter italic text is not taken for a prompt.
- `ignore-patterns` (list of regular expressions): italic text matching one of these
  (searched case-insensitively) is not a prompt. Default: captions
  (`^(?:figure|fig\\.|table|tab\\.|diagram|image|listing|source)(?:[\\s\\d:.]|$)`),
  notes (`^(?:note|nb|n\\.b\\.)\\b`) and asides wholly in parentheses (`^\\(.*\\)\\W*$`).
- `instructions-only` (boolean, default true): when false, any italic paragraph of
  `min-words` words or more is a prompt, instruction or not.
- `similarity` (number from 0 to 1, default 0.8): how much of a block must be one of
  the pack's prompts for it to count as that prompt.

The same keys under `[tool.archlint.rules.template-prompt]` (where they used to be) are
still read, as aliases.
"""

from __future__ import annotations

from collections.abc import Iterator

from archlint.diagnostics import Problem
from archlint.model import Document
from archlint.rule import Context, RuleOptions
from archlint.template.classify import Kind

CODE = "AL101"
NAME = "template-prompt"


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def check(document: Document, options: RuleOptions, context: Context) -> Iterator[Problem]:
    classified = context.analysis.template_text
    found = []
    for block in document.blocks:
        kind = classified.kind(block)
        if kind is Kind.PROMPT:
            found.append(Problem(block.line, block.column,
                                 f'template prompt left in: "{_quote(block.text)}"'))
        elif kind is Kind.TEMPLATE:
            found.append(Problem(block.line, block.column,
                                 f'template text left in: "{_quote(block.text)}"'))
    for comment, _ in classified.comments:
        found.append(Problem(comment.line, comment.column,
                             f'template comment left in: "{_quote(comment.text)}"'))
    yield from sorted(found, key=lambda p: (p.line, p.column))
